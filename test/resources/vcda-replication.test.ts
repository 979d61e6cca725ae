/**
 * vcda.site and vcda.replication handlers over HTTP against a small stateful fake of the VCDA API (a capture
 * server: every request is recorded). What is asserted: the requests the server received (bodies, order), the
 * state left on it, the log lines and the errors. The simulator's VCDA service runs the same handlers in
 * test/resources/vcda-simulator.test.ts.
 */
import { vcdaReplicationHandler } from '../../src/resources/vcda/replication/handler';
import { vcdaReplicationSpecSchema, type VcdaReplicationSpec, type VcdaReplicationSpecInput } from '../../src/resources/vcda/replication/schema';
import { vcdaSiteHandler } from '../../src/resources/vcda/site/handler';
import { isInputError } from '../../src/resources/errors';
import type { VcdaReplication, VcdaTask } from '../../lib/client/vcda/types';
import { startCaptureServer, type CaptureServer, type CapturedRequest } from '../client/helpers/capture-server';
import { testContext, type TestContext } from '../helpers/context';

const ENV = { VCDA_USER: 'vcda-admin@org1', VCDA_PASSWORD: 'Site1-Passw0rd!', VCDA_REMOTE_USER: 'vcda-admin@org2', VCDA_REMOTE_PASSWORD: 'Site2-Passw0rd!' };
const VDCS = { 'vdc-gold': 'Gold vDC', 'vdc-silver': 'Silver vDC' } as const;

interface FakeVcda {
  readonly server: CaptureServer;
  readonly replications: Map<string, VcdaReplication>;
  add(replication: VcdaReplication): void;
  /** Requests other than logins, task polls and sites, as "METHOD url". */
  changes(): string[];
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

async function startFakeVcda(): Promise<FakeVcda> {
  const server = await startCaptureServer();
  const replications = new Map<string, VcdaReplication>();
  let tasks = 0;
  /** Create tasks are seen RUNNING once (progress); the others are done at the first poll (no real sleep). */
  const task = (result: unknown, runningFirst = false): VcdaTask => {
    tasks += 1;
    const id = `task-${tasks}`;
    const done: VcdaTask = { id, state: 'SUCCEEDED', progress: 100, startTime: 1, endTime: 2, site: 'site2', result };
    server.route(`GET /vcda/tasks/${id}`, (_req, count) => ({ body: count === 1 && runningFirst ? { ...done, state: 'RUNNING', progress: 50, endTime: -1 } : done }));
    return { ...done, state: 'QUEUED', progress: 0, endTime: -1 };
  };
  const accepted = (result: unknown, runningFirst = false) => ({ status: 202, body: task(result, runningFirst) });
  const routeReplication = (id: string): void => {
    const path = `/vcda/vm-replications/${id}`;
    const live = (): VcdaReplication | undefined => replications.get(id);
    const missing = { status: 404, body: { code: 'NotFound', msg: `Replication ${id} not found.`, args: [id] } };
    server.route(`GET ${path}`, () => (live() ? { body: live() } : missing));
    server.route(`PATCH ${path}`, (req) => {
      const r = live();
      if (!r || !isRecord(req.body)) return missing;
      r.settings = { ...r.settings, ...req.body, quiesced: typeof req.body['quiesced'] === 'boolean' ? req.body['quiesced'] : r.settings.quiesced };
      return accepted({ id });
    });
    server.route(`POST ${path}/storage-profile`, (req) => {
      const r = live();
      if (!r || !isRecord(req.body)) return missing;
      r.destination = { ...r.destination, storageProfile: String(req.body['storageProfileId']) };
      return accepted({ id });
    });
    server.route(`POST ${path}/pause`, () => {
      const r = live();
      if (!r) return missing;
      r.isPaused = true;
      return accepted({ id });
    });
    server.route(`DELETE ${path}`, () => {
      if (!live()) return missing;
      replications.delete(id);
      return accepted(null);
    });
  };
  const add = (r: VcdaReplication): void => {
    replications.set(r.id, r);
    routeReplication(r.id);
  };
  server.route('POST /vcda/sessions', { headers: { 'X-VCAV-Auth': 'session-token-1' }, body: { user: 'vcda-admin@org1', roles: [], authenticatedSites: [{ site: 'site1' }] } });
  server.route('POST /vcda/sessions/extend', { body: { user: 'vcda-admin@org1', roles: [], authenticatedSites: [{ site: 'site1' }, { site: 'site2' }] } });
  server.route('GET /vcda/sites', { body: [{ site: 'site1', isLocal: true, description: 'Site 1' }, { site: 'site2', isLocal: false, state: { incomingCommError: null, outgoingCommError: null } }] });
  server.route('GET /vcda/vm-replications', (req) => {
    const q = new URLSearchParams(req.query);
    const all = [...replications.values()];
    const offset = Number(q.get('offset') ?? 0);
    return { body: { items: all.slice(offset, offset + Number(q.get('limit') ?? 100)), total: all.length } };
  });
  server.route('POST /vcda/vm-replications', (req) => {
    const body = req.body;
    if (!isRecord(body) || !isRecord(body['source']) || !isRecord(body['destination'])) return { status: 400, body: { code: 'BadRequest', msg: 'no body' } };
    const vdc = String(body['destination']['vdc']);
    if (!(vdc in VDCS)) return { status: 400, body: { code: 'BadUserInput', msg: `Unknown vdc ${vdc}.`, args: [vdc] } };
    const id = `C4-${replications.size + 1}`;
    const { source, destination, ...settings } = body;
    add({
      id,
      owner: 'org1@site1',
      isPaused: false,
      overallHealth: 'GREEN',
      source: { site: String(source['site']), vmId: String(source['vmId']) },
      destination: { site: String(destination['site']), vdcId: vdc, vdcName: VDCS[vdc as keyof typeof VDCS], storageProfile: String(destination['storageProfile']) },
      settings: { ...settings, excludedDiskKeys: Array.isArray(source['excludedDisks']) ? (source['excludedDisks'] as number[]) : [] },
    });
    return accepted({ id }, true);
  });
  const quiet = (r: CapturedRequest) => !/^\/vcda\/(sessions|sites|tasks\/)/.test(r.path) && !(r.method === 'GET' && r.path === '/vcda/vm-replications');
  return { server, replications, add, changes: () => server.requests.filter(quiet).map((r) => `${r.method} ${r.url}`) };
}

let fake: FakeVcda;
beforeEach(async () => {
  fake = await startFakeVcda();
});
afterEach(async () => fake.server.close());

function specInput(overrides: Partial<VcdaReplicationSpecInput> = {}): VcdaReplicationSpecInput {
  return {
    connection: {
      endpoint: `${fake.server.origin}/vcda`,
      credentials: { username_env: 'VCDA_USER', password_env: 'VCDA_PASSWORD' },
      remote_credentials: { username_env: 'VCDA_REMOTE_USER', password_env: 'VCDA_REMOTE_PASSWORD' },
    },
    source: { site: 'site1', vm_id: 'vm-web-01' },
    destination: { site: 'site2', vdc: 'vdc-gold' },
    exclude_disk_keys: [2001],
    settings: { rpo_minutes: 60, retention_rules: [{ instances: 3, distance_minutes: 60 }], quiescing: true, description: 'web tier' },
    owner: 'app/web',
    ...overrides,
  };
}

const spec = (overrides: Partial<VcdaReplicationSpecInput> = {}): VcdaReplicationSpec => vcdaReplicationSpecSchema.parse(specInput(overrides));
const ctx = (): TestContext => testContext(ENV);

function foreign(id: string, overrides: Partial<VcdaReplication> = {}): VcdaReplication {
  return {
    id,
    owner: 'org1@site1',
    isPaused: false,
    overallHealth: 'GREEN',
    source: { site: 'site1', vmId: 'vm-web-01' },
    destination: { site: 'site2', vdcId: 'vdc-gold', vdcName: 'Gold vDC', storageProfile: '*' },
    settings: { rpo: 60, retentionPolicy: { rules: [{ numberOfInstances: 3, distance: 60 }] }, quiesced: true, dataConnectionType: 'ENCRYPTED', description: 'made by hand', excludedDiskKeys: [2001], targetDiskType: 'THIN' },
    ...overrides,
  };
}

async function failure(promise: Promise<unknown>): Promise<Error> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  if (!(error instanceof Error)) throw new Error('expected a failure');
  return error;
}

describe('create', () => {
  test('extends the session to the destination site, starts the replication with the seed-shaped body, waits with progress and reads it back', async () => {
    const c = ctx();
    const state = await vcdaReplicationHandler.create(spec(), c);
    const [extend] = fake.server.received('POST /vcda/sessions/extend');
    expect(extend?.body).toEqual({ type: 'credentials', site: 'site2', vcdUsername: 'vcda-admin@org2', vcdPassword: 'Site2-Passw0rd!' });
    expect(fake.server.received('POST /vcda/vm-replications')[0]?.body).toEqual({
      source: { type: 'vm', site: 'site1', vmId: 'vm-web-01', excludedDisks: [2001] },
      destination: { type: 'vcloud', site: 'site2', vdc: 'vdc-gold', storageProfile: '*' },
      description: 'web tier [repliform owner=app/web]',
      rpo: 60,
      slaProfileId: null,
      dataConnectionType: 'ENCRYPTED',
      retentionPolicy: { rules: [{ numberOfInstances: 3, distance: 60 }] },
      quiesced: true,
      targetDiskType: 'THIN',
      initialSyncTime: 0,
      isMigration: false,
    });
    expect(state).toMatchObject({ id: 'C4-1', vm_id: 'vm-web-01', destination_site: 'site2', destination_vdc: 'vdc-gold', owner: 'app/web', paused: false });
    expect(state.settings).toEqual({
      rpo_minutes: 60,
      retention_rules: [{ instances: 3, distance_minutes: 60 }],
      sla_profile_id: null,
      quiescing: true,
      data_connection_type: 'ENCRYPTED',
      description: 'web tier',
      storage_profile: null,
    });
    expect(c.progressEvents).toEqual(['start replicating VM vm-web-01 to site2', 'update 50', 'stop done']);
    expect(c.lines).toContain('info: VM vm-web-01: replicated from site1 to site2 as replication C4-1; the initial sync runs now');
  });

  test('a rerun finds its own replication by the description marker (no local record) and changes nothing', async () => {
    await vcdaReplicationHandler.create(spec(), testContext(ENV, { ownership: null }));
    const c = testContext(ENV, { ownership: null });
    await vcdaReplicationHandler.create(spec(), c);
    expect(fake.changes()).toEqual(['POST /vcda/vm-replications?site=site1', 'GET /vcda/vm-replications/C4-1']);
    expect(c.lines).toContain('info: VM vm-web-01: already replicated (replication C4-1) by this code; taking it up');
  });

  test('an unknown destination site is bad input naming the field and the sites, before any change', async () => {
    const error = await failure(vcdaReplicationHandler.create(spec({ destination: { site: 'site9', vdc: 'vdc-gold' } }), ctx()));
    expect(isInputError(error)).toBe(true);
    expect(error.message).toBe('destination.site: no site "site9" on this VCDA; sites: "site1", "site2"');
    expect(fake.changes()).toEqual([]);
  });

  test('a vDC the API refuses is bad input on destination.vdc quoting the API and the value; nothing is created', async () => {
    const error = await failure(vcdaReplicationHandler.create(spec({ destination: { site: 'site2', vdc: 'vdc-bronze' } }), ctx()));
    expect(isInputError(error)).toBe(true);
    expect(error.message).toBe('destination.vdc: VCDA refused to replicate VM vm-web-01 (BadUserInput: Unknown vdc vdc-bronze.); given "vdc-bronze". Nothing was created');
    expect(fake.replications.size).toBe(0);
  });

  test('an RPO out of range is bad input before any request', () => {
    expect(() => vcdaReplicationHandler.parseSpec(specInput({ settings: { rpo_minutes: 2000 } }), 'create')).toThrow(
      'settings.rpo_minutes: must be an integer between 1 and 1440 minutes, got 2000 [vcda.replication spec]',
    );
  });
});

describe('adoption', () => {
  test('a replication this code did not create is refused without adopt: true, naming the ways out', async () => {
    fake.add(foreign('C4-77'));
    const error = await failure(vcdaReplicationHandler.create(spec(), ctx()));
    expect(error.message).toBe(
      'adopt: VM vm-web-01 is already replicated (replication C4-77, GREEN) by something other than app/web. Taking it over is never silent: ' +
        'set adopt: true on this replication to manage it from this code (its identity must match), or remove it from the other stack, or name another VM',
    );
    expect(fake.changes()).toEqual([]);
  });

  test('adopt: true with a matching identity writes the ownership marker (and the changed settings) in place, loudly', async () => {
    fake.add(foreign('C4-77'));
    const c = ctx();
    const state = await vcdaReplicationHandler.create(spec({ adopt: true }), c);
    expect(fake.server.received('PATCH /vcda/vm-replications/C4-77').map((r) => r.body)).toEqual([{ description: 'web tier [repliform owner=app/web]' }]);
    expect(state.owner).toBe('app/web');
    expect(c.lines.some((l) => l.startsWith('warn: VM vm-web-01: ADOPTING replication C4-77, which this code did not create (adopt: true)'))).toBe(true);
  });

  test('adopt: true with another vDC and other excluded disks lists every difference and changes nothing', async () => {
    fake.add(foreign('C4-77', { destination: { site: 'site2', vdcId: 'vdc-silver', vdcName: 'Silver vDC' } }));
    const error = await failure(vcdaReplicationHandler.create(spec({ adopt: true, exclude_disk_keys: [] }), ctx()));
    expect(error.message).toBe(
      'destination: VM vm-web-01 is already replicated (replication C4-77), and not the way the code says: destination vDC "Silver vDC" (code: "vdc-gold"); ' +
        'excluded disks [2001] (code: []). Adopting it would hide that. Change the code to match it, or replace it on purpose: ' +
        'remove that replication (in VCDA, deleting it deletes its replica) and apply again, which starts a full sync',
    );
    expect(fake.changes()).toEqual([]);
  });
});

describe('update', () => {
  test('sends only what changed: an RPO change is one PATCH with the RPO; a storage profile change is its own call', async () => {
    await vcdaReplicationHandler.create(spec(), ctx());
    await vcdaReplicationHandler.update?.(spec({ settings: { rpo_minutes: 15, retention_rules: [{ instances: 3, distance_minutes: 60 }], quiescing: true, description: 'web tier' } }), ctx());
    await vcdaReplicationHandler.update?.(
      spec({ settings: { rpo_minutes: 15, retention_rules: [{ instances: 3, distance_minutes: 60 }], quiescing: true, description: 'web tier', storage_profile: 'sp-silver' } }),
      ctx(),
    );
    expect(fake.changes()).toEqual([
      'POST /vcda/vm-replications?site=site1',
      'GET /vcda/vm-replications/C4-1',
      'PATCH /vcda/vm-replications/C4-1?site=site1',
      'GET /vcda/vm-replications/C4-1',
      'POST /vcda/vm-replications/C4-1/storage-profile?site=site1',
      'GET /vcda/vm-replications/C4-1',
    ]);
    expect(fake.server.received('PATCH /vcda/vm-replications/C4-1')[0]?.body).toEqual({ rpo: 15 });
    expect(fake.server.received('POST /vcda/vm-replications/C4-1/storage-profile')[0]?.body).toEqual({ storageProfileId: 'sp-silver' });
    expect(fake.replications.get('C4-1')?.destination.storageProfile).toBe('sp-silver');
  });

  test('a paused replication stops an apply with what to do, and nothing is sent', async () => {
    await vcdaReplicationHandler.create(spec(), ctx());
    const live = fake.replications.get('C4-1');
    if (live) live.isPaused = true;
    const error = await failure(Promise.resolve(vcdaReplicationHandler.update?.(spec({ settings: { rpo_minutes: 15 } }), ctx())));
    expect(error.message).toMatch(/^replication C4-1 of VM vm-web-01 is PAUSED: it is not protecting the VM, and the code does not declare that\. Nothing was changed\./);
    expect(fake.server.received('PATCH /vcda/vm-replications/C4-1')).toEqual([]);
  });
});

describe('delete', () => {
  test('by default pauses the replication and keeps it, saying so loudly and how to delete it for real', async () => {
    await vcdaReplicationHandler.create(spec(), ctx());
    const c = ctx();
    await vcdaReplicationHandler.delete(spec(), c);
    expect(fake.server.received('POST /vcda/vm-replications/C4-1/pause')).toHaveLength(1);
    expect(fake.server.received('DELETE /vcda/vm-replications/C4-1')).toEqual([]);
    expect(fake.replications.get('C4-1')?.isPaused).toBe(true);
    expect(c.lines).toContain(
      'warn: VM vm-web-01: replication C4-1 is PAUSED and KEPT, with its replica on site2: in VCDA, deleting a replication deletes its replica, ' +
        'and this code never deletes data unless told. To delete it for real, set on_delete.delete_replica: true before destroying, ' +
        'or delete replication C4-1 in VCDA (DELETE /vm-replications/C4-1)',
    );
  });

  test('on_delete.delete_replica: true deletes it and waits on the task; a second delete finds nothing and succeeds', async () => {
    await vcdaReplicationHandler.create(spec(), ctx());
    await vcdaReplicationHandler.delete(spec({ on_delete: { delete_replica: true } }), ctx());
    expect(fake.replications.size).toBe(0);
    const c = ctx();
    await vcdaReplicationHandler.delete(spec({ on_delete: { delete_replica: true } }), c);
    expect(fake.server.received('DELETE /vcda/vm-replications/C4-1')).toHaveLength(1);
    expect(c.lines).toContain('info: VM vm-web-01: no replication from site1; nothing to remove');
  });

  test("never touches a replication whose marker names another owner", async () => {
    fake.add(foreign('C4-77', { settings: { ...foreign('C4-77').settings, description: 'x [repliform owner=other/stack]' } }));
    const c = ctx();
    await vcdaReplicationHandler.delete(spec({ on_delete: { delete_replica: true } }), c);
    expect(fake.changes()).toEqual([]);
    expect(c.lines).toContain('warn: VM vm-web-01: NOT touching replication C4-77: its description names other/stack as owner, not app/web; it stays as it is');
  });
});

describe('vcda.site', () => {
  const siteSpec = (site: string) => vcdaSiteHandler.parseSpec({ connection: specInput().connection, site }, 'create');

  test('reports a site listed by GET /sites and never creates one', async () => {
    expect(await vcdaSiteHandler.create(siteSpec('site2'), ctx())).toEqual({
      site: 'site2', is_local: false, description: null, api_version: null, incoming_comm_error: null, outgoing_comm_error: null,
    });
    const error = await failure(vcdaSiteHandler.create(siteSpec('site7'), ctx()));
    expect(error.message).toBe('site: no site "site7" on this VCDA; sites: "site1", "site2"');
    expect(await vcdaSiteHandler.read(siteSpec('site7'), ctx())).toBeUndefined();
    await vcdaSiteHandler.delete(siteSpec('site2'), ctx());
    expect(fake.server.requests.map((r) => `${r.method} ${r.path}`).filter((k) => k !== 'POST /vcda/sessions' && k !== 'GET /vcda/sites')).toEqual([]);
  });
});

describe('a destination change with the default delete', () => {
  test('the old replication, paused and kept by the delete, blocks the new one with what to do', async () => {
    await vcdaReplicationHandler.create(spec(), ctx());
    await vcdaReplicationHandler.delete(spec(), ctx());
    const error = await failure(vcdaReplicationHandler.create(spec({ destination: { site: 'site2', vdc: 'vdc-silver' } }), ctx()));
    expect(error.message).toBe(
      'destination: VM vm-web-01 is still replicated by this code (replication C4-1, paused and kept), and not the way the code now says: ' +
        'destination vDC "Gold vDC" (code: "vdc-silver"). VCDA allows one replication per VM, so the new one cannot start beside it. ' +
        'To move it, delete the old one with its replica (set on_delete.delete_replica: true and apply before changing the destination, ' +
        'or DELETE /vm-replications/C4-1) and apply again, which starts a full sync; or change the code back: the next apply resumes replication C4-1',
    );
    expect(fake.server.received('POST /vcda/vm-replications')).toHaveLength(1);
  });
});

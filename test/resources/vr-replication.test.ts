/**
 * Integration: the vr.replication handler against the simulator over HTTP — the 12-step workflow,
 * bad input rejected before any change, faults survived, re-login on 401, task errors surfaced.
 */
import type { RunningSimulator } from '../../src/simulator';
import { isInputError } from '../../src/resources/errors';
import { vrReplicationHandler } from '../../src/resources/vr/replication/handler';
import { vrReplicationSpecSchema } from '../../src/resources/vr/replication/schema';
import { settingsChanges } from '../../src/resources/vr/settings';
import { vrReplicationWording } from '../../src/resources/vr/replication/review';
import type { JsonObject } from '../../src/resources/review-profile';
import { replicationSpec, replicationSpecInput, startVirtualTimeSimulator, testContext, type VirtualClock } from '../helpers/context';

const REPLICATIONS = /^\/pairings\/[^/]+\/replications$/;

let sim: RunningSimulator;
/** Virtual time for the simulator and the clients: task delays and back-off take no real time. */
let clock: VirtualClock;

beforeEach(async () => ({ sim, clock } = await startVirtualTimeSimulator()));
afterEach(async () => sim.close());

function apiRequests(method: string, pattern: RegExp) {
  return sim.requests.filter((r) => r.method === method && pattern.test(r.path.replace('/api/rest/vr/v2', '')));
}

function replicationsOf(vmName: string) {
  return sim.state.replications.filter((r) => r.info.name === vmName);
}

describe('create', () => {
  test('configures the VM with the resolved ids and the settings, then reads the replication back', async () => {
    const ctx = testContext(undefined, { clock });
    const state = await vrReplicationHandler.create(replicationSpec(sim.url), ctx);

    const [post] = apiRequests('POST', REPLICATIONS);
    const body = post.body as Record<string, unknown>[];
    expect(Array.isArray(body)).toBe(true);
    expect(body).toHaveLength(1);
    expect(body[0]).toMatchObject({
      vm_id: expect.stringMatching(/^VirtualMachine:vm-\d+:2a3b6a4e-0c1d-4c9e-9a31-5d1a0f3c1a01$/),
      target_vc_id: '7c9e2b1f-4d3a-4b8e-8f20-6e2b9d4c2b02',
      rpo: 15,
      mpit_enabled: true,
      mpit_instances: 3,
      mpit_days: 5,
      network_compression_enabled: true,
      quiesce_enabled: false,
      lwd_encryption_enabled: false,
      auto_replicate_new_disks: true,
      target_replication_server_id: null,
    });
    const disks = body[0].disks as { enabled_for_replication: boolean; destination_datastore_id: string; destination_disk_format: string }[];
    expect(disks.length).toBeGreaterThanOrEqual(2);
    expect(disks.every((d) => d.enabled_for_replication && /^Datastore:datastore-\d+:7c9e2b1f/.test(d.destination_datastore_id))).toBe(true);
    expect(disks.every((d) => d.destination_disk_format === 'SAME_AS_SOURCE')).toBe(true);

    expect(replicationsOf('web-01')).toHaveLength(1);
    expect(state).toMatchObject({ name: 'web-01', configuration_state: 'OK', settings: { rpo_minutes: 15, point_in_time: { instances_per_day: 3, days: 5 } } });
    expect(state.id).toBe(replicationsOf('web-01')[0].info.id);
    expect(ctx.progressEvents[0]).toBe('start configuring replication of web-01');
    expect(ctx.progressEvents).toContain('stop done');
  });

  test('a rerun on the same machine takes up its own replication instead of configuring a second one', async () => {
    const spec = replicationSpec(sim.url);
    const first = await vrReplicationHandler.create(spec, testContext(undefined, { clock }));
    const ctx = testContext(undefined, { clock });
    const second = await vrReplicationHandler.create(spec, ctx);

    expect(second.id).toBe(first.id);
    expect(apiRequests('POST', REPLICATIONS)).toHaveLength(1);
    expect(replicationsOf('web-01')).toHaveLength(1);
    expect(ctx.lines).toContain(`info: web-01: already replicated (replication ${first.id}) by an earlier run of this code; taking it up`);
  });

  test('a rerun with a different target datastore refuses to adopt, naming every disk that differs once', async () => {
    await vrReplicationHandler.create(replicationSpec(sim.url), testContext(undefined, { clock }));
    const elsewhere = replicationSpec(sim.url, { target: { datastore: 'ds-b-silver' } });
    await expect(vrReplicationHandler.create(elsewhere, testContext(undefined, { clock }))).rejects.toThrow(
      /^target: web-01 is already replicated \(replication .+\), and not the way the code says: disks "VM home", "Hard disk 1" on datastore "ds-b-gold" \(code: "ds-b-silver"\)\. Adopting it would hide that\. Change the code to match it, or replace it on purpose/,
    );
    expect(apiRequests('POST', REPLICATIONS)).toHaveLength(1);
  });

  test('a named storage policy and replication server are resolved to their ids (after a compliance check)', async () => {
    const spec = replicationSpec(sim.url, { target: { datastore: 'ds-b-gold', storage_policy: 'Gold', replication_server: 'vrs-b-02' } });
    await vrReplicationHandler.create(spec, testContext(undefined, { clock }));
    const gold = sim.state.storagePolicies.find((p) => p.policy.storage_policy_name === 'Gold');
    const server = sim.state.replicationServers.find((s) => s.server.name === 'vrs-b-02');
    const body = apiRequests('POST', REPLICATIONS)[0].body as { target_replication_server_id: string; disks: { destination_storage_policy_id: string }[] }[];
    expect(body[0].target_replication_server_id).toBe(server?.server.id);
    expect(body[0].disks.every((d) => d.destination_storage_policy_id === gold?.policy.storage_policy_id)).toBe(true);
    expect(apiRequests('POST', /\/storage-policies\/[^/]+\/actions\/check-compliance$/)).toHaveLength(1);
  });

  test('an unknown replication server is named with the ones that exist', async () => {
    const spec = replicationSpec(sim.url, { target: { datastore: 'ds-b-gold', replication_server: 'vrs-b-09' } });
    await expect(vrReplicationHandler.create(spec, testContext(undefined, { clock }))).rejects.toThrow(/^target\.replication_server: no replication server "vrs-b-09" on vc-b\.example\.local; servers: "vrs-b-01", "vrs-b-02"/);
    expect(sim.state.replications).toHaveLength(0);
  });

  test('seeds found on the target datastore are used for the matching disk', async () => {
    const spec = replicationSpec(sim.url, { vm: { name: 'file-01' }, target: { datastore: 'ds-b-silver' }, seeds: { mode: 'find' } });
    await vrReplicationHandler.create(spec, testContext(undefined, { clock }));
    const body = apiRequests('POST', REPLICATIONS)[0].body as { disks: { use_seeds: boolean; destination_path: string | null; vm_disk: { label?: string } }[] }[];
    const seeded = body[0].disks.filter((d) => d.use_seeds);
    expect(seeded).toEqual([expect.objectContaining({ destination_path: 'seeds/file-01/file-01.vmdk', vm_disk: expect.objectContaining({ label: 'Hard disk 1' }) })]);
  });

  test('excluded disks are sent disabled; an unsupported disk must be excluded', async () => {
    const unsupported = replicationSpec(sim.url, { vm: { name: 'nvme-01' } });
    await expect(vrReplicationHandler.create(unsupported, testContext(undefined, { clock }))).rejects.toThrow(/^exclude_disks: nvme-01: disk .* cannot be replicated .*add it to excludeDisks$/);
    expect(apiRequests('POST', REPLICATIONS)).toHaveLength(0);

    const nvmeDisk = sim.state.vms.find((sv) => sv.vm.name === 'nvme-01')?.vm.disks.find((d) => d.supported_for_replication === false);
    const excluded = replicationSpec(sim.url, { vm: { name: 'nvme-01' }, exclude_disks: [nvmeDisk?.label ?? '?'] });
    await vrReplicationHandler.create(excluded, testContext(undefined, { clock }));
    const body = apiRequests('POST', REPLICATIONS)[0].body as { disks: { enabled_for_replication: boolean; vm_disk: { label?: string } }[] }[];
    expect(body[0].disks.find((d) => d.vm_disk.label === nvmeDisk?.label)?.enabled_for_replication).toBe(false);
  });
});

describe('bad input is rejected with a clear error and changes nothing', () => {
  const cases: [string, () => unknown, RegExp][] = [
    ['unknown VM', () => replicationSpec(sim.url, { vm: { name: 'web-99' } }), /^vm\.name: no VM "web-99" on vc-a\.example\.local \(\d+ VMs there\); did you mean "web-01"/],
    ['datastore not found', () => replicationSpec(sim.url, { target: { datastore: 'ds-b-platinum' } }), /^target\.datastore: no datastore "ds-b-platinum" on vc-b\.example\.local; datastores: "ds-b-gold"/],
    ['storage policy not found', () => replicationSpec(sim.url, { target: { datastore: 'ds-b-gold', storage_policy: 'Platinum' } }), /^target\.storage_policy: no storage policy "Platinum"/],
    ['datastore not compliant with the policy', () => replicationSpec(sim.url, { target: { datastore: 'ds-b-silver', storage_policy: 'Gold' } }), /^target\.storage_policy: datastore "ds-b-silver" is not compliant with storage policy "Gold"/],
    ['quiescing on a VM that cannot quiesce', () => replicationSpec(sim.url, { vm: { name: 'legacy-01' }, settings: { rpo_minutes: 30, quiescing: true } }), /^settings\.quiescing: legacy-01 does not support this/],
    ['RPO below the VM minimum', () => replicationSpec(sim.url, { vm: { name: 'legacy-01' }, settings: { rpo_minutes: 5 } }), /^settings\.rpo_minutes: legacy-01 supports an RPO of at least 15 minutes, got 5$/],
    ['a fault-tolerant VM', () => replicationSpec(sim.url, { vm: { name: 'ft-01' }, settings: { rpo_minutes: 30 } }), /^vm(\.name)?: .*ft-01.*/],
    ['a template', () => replicationSpec(sim.url, { vm: { name: 'template-01' } }), /^vm\.name: VM "template-01" on vc-a\.example\.local is not suitable for replication \(it is a template\)$/],
    ['an unknown pairing', () => replicationSpec(sim.url, { pairing: { remote_site: 'vc-z.example.local' } }), /^pairing\.remote_site: no pairing with remote site "vc-z\.example\.local"; pairings: "vc-b\.example\.local \(c0ffee00/],
  ];

  test.each(cases)('%s', async (_name, spec, message) => {
    const error = await vrReplicationHandler.create(spec() as never, testContext(undefined, { clock })).then(() => undefined, (e: unknown) => e);
    expect(isInputError(error)).toBe(true);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain('\n');
    expect(apiRequests('POST', REPLICATIONS)).toHaveLength(0);
    expect(sim.state.replications).toHaveLength(0);
  });

  test('RPO 3 is rejected when the spec is parsed, naming the field, the range and the value', () => {
    const parse = () => vrReplicationHandler.parseSpec(replicationSpecInput(sim.url, { settings: { rpo_minutes: 3 } }), 'create');
    expect(parse).toThrow('settings.rpo_minutes: must be an integer between 5 and 1440 minutes, got 3 [vr.replication spec]');
  });

  test('missing credentials variables are named', async () => {
    const ctx = testContext({ VR_SITE_A_USER: 'administrator@vsphere.local' });
    await expect(vrReplicationHandler.create(replicationSpec(sim.url), ctx)).rejects.toThrow(
      'connection.credentials.password_env: environment variable VR_SITE_A_PASSWORD is not set; export it before running Terraform',
    );
    expect(sim.requests).toHaveLength(0);
  });
});

describe('update', () => {
  test('an RPO change reconfigures in place and keeps the replication id', async () => {
    const created = await vrReplicationHandler.create(replicationSpec(sim.url), testContext(undefined, { clock }));
    const changed = vrReplicationSpecSchema.parse({ ...replicationSpecInput(sim.url), settings: { rpo_minutes: 5, point_in_time: { instances_per_day: 3, days: 5 }, network_compression: true } });
    const ctx = testContext(undefined, { clock });
    const updated = await vrReplicationHandler.update!(changed, ctx);

    expect(updated.id).toBe(created.id);
    expect(updated.settings.rpo_minutes).toBe(5);
    const [reconfigure] = apiRequests('POST', /\/actions\/reconfigure$/);
    expect(reconfigure.body).toMatchObject({ rpo: 5, mpit_enabled: true, mpit_instances: 3, mpit_days: 5, network_compression_enabled: true });
    expect(apiRequests('POST', REPLICATIONS)).toHaveLength(1);
    expect(apiRequests('POST', /\/actions\/unconfigure$/)).toHaveLength(0);
    expect(ctx.lines).toContain('info: web-01: reconfiguring in place: rpo_minutes 15 → 5');
  });

  test('unchanged settings send no reconfigure', async () => {
    const spec = replicationSpec(sim.url);
    await vrReplicationHandler.create(spec, testContext(undefined, { clock }));
    await vrReplicationHandler.update!(spec, testContext(undefined, { clock }));
    expect(apiRequests('POST', /\/actions\/reconfigure$/)).toHaveLength(0);
  });
});

describe('delete', () => {
  test('unconfigures keeping replica disks by default; deleting again succeeds without a call', async () => {
    const spec = replicationSpec(sim.url);
    await vrReplicationHandler.create(spec, testContext(undefined, { clock }));
    await vrReplicationHandler.delete(spec, testContext(undefined, { clock }));

    const [unconfigure] = apiRequests('POST', /\/actions\/unconfigure$/);
    expect(unconfigure.query).toMatchObject({ retain_replica_disks: 'true' });
    expect(sim.state.replications).toHaveLength(0);

    const ctx = testContext(undefined, { clock });
    await vrReplicationHandler.delete(spec, ctx);
    expect(apiRequests('POST', /\/actions\/unconfigure$/)).toHaveLength(1);
    expect(ctx.lines).toContain('info: web-01: no replication on vc-b.example.local; nothing to remove');
  });

  test('replica disks are deleted only when asked', async () => {
    const spec = replicationSpec(sim.url, { on_delete: { retain_replica_disks: false } });
    await vrReplicationHandler.create(spec, testContext(undefined, { clock }));
    await vrReplicationHandler.delete(spec, testContext(undefined, { clock }));
    expect(apiRequests('POST', /\/actions\/unconfigure$/)[0].query).toMatchObject({ retain_replica_disks: 'false' });
  });

  test('falls back to DELETE only when the remote site is unreachable, says so loudly and fails', async () => {
    const spec = replicationSpec(sim.url);
    await vrReplicationHandler.create(spec, testContext(undefined, { clock }));
    const down = { error_code: 'VR.REMOTE_SITE_DOWN', message: 'Remote site vc-b.example.local is not reachable' };
    sim.faults.addRule({ method: 'POST', path: '/pairings/*/replications/*/actions/unconfigure', status: 500, count: 10, body: down });
    sim.faults.addRule({ method: 'POST', path: '/pairings/*/remote-session', status: 503, count: 50, body: down });
    const ctx = testContext(undefined, { clock });
    await expect(vrReplicationHandler.delete(spec, ctx)).rejects.toThrow(
      /^replication .+ of web-01 was removed on this site only: the remote site vc-b\.example\.local is unreachable \(.*not reachable.*\)\. Its replica configuration is still there; clean it up on that site once it is back/,
    );
    // Unconfigure needs a remote session, which cannot be made: it is not even tried.
    expect(apiRequests('POST', /\/actions\/unconfigure/)).toHaveLength(0);
    expect(apiRequests('POST', /\/remote-session$/).length).toBeGreaterThanOrEqual(2);
    expect(apiRequests('DELETE', /\/replications\/[^/]+$/)).toHaveLength(1);
    expect(sim.state.replications).toHaveLength(0);
    expect(ctx.lines.some((l) => l.startsWith('warn: web-01: REMOTE SITE vc-b.example.local IS UNREACHABLE'))).toBe(true);
    await vrReplicationHandler.delete(spec, testContext(undefined, { clock }));
  });

  test('one transient 500 on unconfigure is retried: the remote site answers, so no local-only DELETE', async () => {
    const spec = replicationSpec(sim.url);
    await vrReplicationHandler.create(spec, testContext(undefined, { clock }));
    sim.faults.addRule({ method: 'POST', path: '/pairings/*/replications/*/actions/unconfigure', status: 500, count: 1 });
    const ctx = testContext(undefined, { clock });
    await vrReplicationHandler.delete(spec, ctx);
    expect(apiRequests('DELETE', /\/replications\/[^/]+$/)).toHaveLength(0);
    expect(sim.state.removedReplications.map((r) => r.method)).toEqual(['unconfigure']);
    expect(ctx.lines.some((l) => /^warn: web-01: unconfigure failed \(.*500.*\); retrying in 1 s$/.test(l))).toBe(true);
    expect(ctx.lines.some((l) => l.includes('UNREACHABLE'))).toBe(false);
  });

  test('unconfigure failing with server errors while the remote site answers fails without a local-only DELETE', async () => {
    const spec = replicationSpec(sim.url);
    await vrReplicationHandler.create(spec, testContext(undefined, { clock }));
    sim.faults.addRule({ method: 'POST', path: '/pairings/*/replications/*/actions/unconfigure', status: 500, count: 10 });
    await expect(vrReplicationHandler.delete(spec, testContext(undefined, { clock }))).rejects.toThrow(/unconfigure.* → 500/);
    expect(apiRequests('DELETE', /\/replications\/[^/]+$/)).toHaveLength(0);
    expect(sim.state.replications).toHaveLength(1);
  });
});

describe('faults during delete', () => {
  test('an unconfigure reset in transit is re-read and sent again: no local-only DELETE', async () => {
    const spec = replicationSpec(sim.url);
    await vrReplicationHandler.create(spec, testContext(undefined, { clock }));
    sim.faults.addRule({ method: 'POST', path: '/pairings/*/replications/*/actions/unconfigure', reset: true, count: 1 });
    await vrReplicationHandler.delete(spec, testContext(undefined, { clock }));
    expect(apiRequests('DELETE', /\/replications\/[^/]+$/)).toHaveLength(0);
    expect(sim.state.replications).toHaveLength(0);
    expect(sim.state.removedReplications.map((r) => r.method)).toEqual(['unconfigure']);
  });
});

describe('faults', () => {
  test('503 with Retry-After and 429 on reads and on configure are survived', async () => {
    sim.faults.addRule({ method: 'GET', path: '/pairings/*/replications', status: 503, retryAfterSeconds: 0, count: 2 });
    sim.faults.addRule({ method: 'POST', path: '/pairings/*/replications', status: 429, retryAfterSeconds: 0, count: 1 });
    sim.faults.addRule({ method: 'GET', path: '/tasks/*', status: 503, retryAfterSeconds: 0, count: 1 });
    const state = await vrReplicationHandler.create(replicationSpec(sim.url), testContext(undefined, { clock }));
    expect(state.configuration_state).toBe('OK');
    expect(replicationsOf('web-01')).toHaveLength(1);
    expect(sim.requests.filter((r) => r.status === 503)).toHaveLength(3);
    expect(sim.requests.filter((r) => r.status === 429)).toHaveLength(1);
  });

  test('a read slower than the client timeout is retried', async () => {
    sim.faults.addRule({ method: 'GET', path: '/pairings', delayMs: 800, count: 1 });
    const state = await vrReplicationHandler.create(replicationSpec(sim.url), testContext(undefined, { clock, timeoutMs: 300 }));
    expect(state.name).toBe('web-01');
    // The simulator records the slow request once its delay is over.
    await new Promise((resolve) => setTimeout(resolve, 900));
    expect(sim.requests.filter((r) => r.method === 'GET' && r.path.endsWith('/pairings')).length).toBeGreaterThanOrEqual(2);
  });

  test('a 401 mid-run logs in again, recreates the remote session and carries on', async () => {
    const ctx = testContext(undefined, { clock });
    const spec = replicationSpec(sim.url);
    await vrReplicationHandler.create(spec, ctx);
    sim.expireSessions();
    const changed = { ...spec, settings: { ...spec.settings, rpo_minutes: 30 } };
    const updated = await vrReplicationHandler.update!(changed, ctx);
    expect(updated.settings.rpo_minutes).toBe(30);
    expect(apiRequests('POST', /^\/session$/)).toHaveLength(2);
    expect(apiRequests('POST', /\/remote-session$/)).toHaveLength(2);
    expect(sim.requests.some((r) => r.status === 401)).toBe(true);
  });

  test('a configure whose response is lost in transit is found and adopted, not sent twice', async () => {
    sim.faults.addRule({ method: 'POST', path: '/pairings/*/replications', dropResponse: true, count: 1 });
    const ctx = testContext(undefined, { clock });
    const state = await vrReplicationHandler.create(replicationSpec(sim.url), ctx);
    expect(apiRequests('POST', REPLICATIONS)).toHaveLength(1);
    expect(replicationsOf('web-01')).toHaveLength(1);
    expect(state).toMatchObject({ id: replicationsOf('web-01')[0].info.id, configuration_state: 'OK' });
    expect(ctx.lines).toContain(`info: web-01: the configure request failed in transit but landed; adopting replication ${state.id}`);
  });

  test('a configure reset before it landed is re-read, then sent once more', async () => {
    sim.faults.addRule({ method: 'POST', path: '/pairings/*/replications', reset: true, count: 1 });
    const ctx = testContext(undefined, { clock });
    await vrReplicationHandler.create(replicationSpec(sim.url), ctx);
    expect(replicationsOf('web-01')).toHaveLength(1);
    expect(apiRequests('POST', REPLICATIONS)).toHaveLength(2);
    expect(ctx.lines.some((l) => l.startsWith('warn: web-01: configure failed in transit') && l.endsWith('and did not land; sending it again'))).toBe(true);
  });

  test('a configure reset twice before it landed is re-read each time and lands on the third try', async () => {
    sim.faults.addRule({ method: 'POST', path: '/pairings/*/replications', reset: true, count: 2 });
    await vrReplicationHandler.create(replicationSpec(sim.url), testContext(undefined, { clock }));
    expect(replicationsOf('web-01')).toHaveLength(1);
    expect(apiRequests('POST', REPLICATIONS)).toHaveLength(3);
  });

  test('a configure that keeps failing in transit gives up after the third try, and a rerun creates it once', async () => {
    sim.faults.addRule({ method: 'POST', path: '/pairings/*/replications', reset: true, count: 3 });
    await expect(vrReplicationHandler.create(replicationSpec(sim.url), testContext(undefined, { clock }))).rejects.toThrow(/ECONNRESET|socket hang up|reset/i);
    expect(sim.state.replications).toHaveLength(0);
    await vrReplicationHandler.create(replicationSpec(sim.url), testContext(undefined, { clock }));
    expect(replicationsOf('web-01')).toHaveLength(1);
    expect(apiRequests('POST', REPLICATIONS)).toHaveLength(4);
  });

  test('a configure task that ends in ERROR surfaces its message', async () => {
    sim.faults.addRule({ method: 'POST', path: '/pairings/*/replications', taskError: 'Not enough space on datastore ds-b-gold', count: 1 });
    await expect(vrReplicationHandler.create(replicationSpec(sim.url), testContext(undefined, { clock }))).rejects.toThrow(/Not enough space on datastore ds-b-gold/);
  });
});

describe('read, and settings changes as values (worded by the review)', () => {
  test('read reports the live replication, or undefined when there is none', async () => {
    const spec = replicationSpec(sim.url);
    expect(await vrReplicationHandler.read(spec, testContext(undefined, { clock }))).toBeUndefined();
    await vrReplicationHandler.create(spec, testContext(undefined, { clock }));
    const live = await vrReplicationHandler.read(spec, testContext(undefined, { clock }));
    expect(live).toMatchObject({ name: 'web-01', settings: { rpo_minutes: 15 } });
    const changed = { ...spec, settings: { ...spec.settings, rpo_minutes: 5, point_in_time: { instances_per_day: 4, days: 2 } } };
    expect(settingsChanges(changed.settings, live?.settings ?? changed.settings)).toEqual([
      { field: 'settings.rpo_minutes', from: 15, to: 5, effect: 'in-place' },
      { field: 'settings.point_in_time', from: { instances_per_day: 3, days: 5 }, to: { instances_per_day: 4, days: 2 }, effect: 'in-place' },
    ]);
    const asJson = (value: unknown) => JSON.parse(JSON.stringify(value)) as JsonObject;
    expect(vrReplicationWording.changes(asJson({ settings: live?.settings }), asJson({ settings: changed.settings })).map((c) => c.text)).toEqual(['RPO 15 → 5 min', 'retention 3×5 → 4×2']);
  });
});

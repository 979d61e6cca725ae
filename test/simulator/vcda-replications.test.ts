/**
 * The simulator's VCDA vm-replications over HTTP (every response validated against specs/vcda-api.json by the
 * simulator itself): the seed's body accepted byte for byte, task progression on a fake clock, the lifecycle
 * after the task, paging and filters, pause/resume/sync, reconfigure, storage-profile change, delete, the
 * checks of a start (with their real error codes), 404 for a missing object, and drift by hand.
 */
import axios from 'axios';
import { VCDA_SLA_PROFILE_ID, VCDA_STORAGE_PROFILE_IDS, VCDA_VDC_IDS, VCDA_VM_IDS } from '../../src/simulator';
import {
  finishTask,
  replicate,
  seedBodyText,
  startBody,
  startVcdaSim,
  taskOf,
  vcdaLogin,
  vcdaLoginBothSites,
  type Json,
} from './vcda-helpers';
import { useSimulator } from '../helpers/simulator';

const t = useSimulator(() => startVcdaSim());

beforeEach(async () => {
  await vcdaLoginBothSites(t.vcda);
});

const liveOf = (id: string): Json => {
  const replication = t.sim.vcda.state.replications.find((candidate) => candidate.info.id === id);
  if (!replication) throw new Error(`no replication ${id}`);
  return replication.info as Json;
};

describe('start (POST /vm-replications)', () => {
  it('accepts the seed body byte for byte and replicates vcd-web-01 to vdc-gold with the SLA profile', async () => {
    const raw = seedBodyText();
    const response = await t.vcda.post('/vm-replications', raw, { params: { site: 'site1' }, headers: { 'content-type': 'application/json' } });
    const task = taskOf(response);

    expect(t.sim.requests.at(-1)?.body).toEqual(JSON.parse(raw));
    expect(task).toMatchObject({ state: 'QUEUED', progress: 0, endTime: -1, site: 'site2', user: 'vcda-admin@org1', result: null, error: null });
    expect(task.workflowInfo).toMatchObject({ type: 'startReplication', resourceType: 'vmReplication', resourceName: 'vcd-web-01' });

    const done = await finishTask(t, task);
    const id = String((done.result as Json).id);
    expect(done).toMatchObject({ state: 'SUCCEEDED', progress: 100, resultType: 'SingleVmReplicationInfo', error: null });
    expect(done.endTime).toBe(done.lastUpdated);
    expect(liveOf(id)).toMatchObject({
      owner: 'org1@site1',
      computerName: 'vcd-web-01',
      isPaused: false,
      source: { site: 'site1', org: 'org1', vmId: VCDA_VM_IDS['vcd-web-01'] },
      destination: { site: 'site2', org: 'org2', vdcId: VCDA_VDC_IDS['vdc-gold'], vdcName: 'vdc-gold', storageProfile: '*' },
      settings: {
        description: 'A Protected Workload',
        rpo: 5,
        slaProfileId: VCDA_SLA_PROFILE_ID,
        dataConnectionType: 'ENCRYPTED',
        quiesced: true,
        retentionPolicy: { rules: [{ numberOfInstances: 3, distance: 60 }] },
        targetDiskType: 'THIN',
        excludedDiskKeys: [],
        isMigration: false,
      },
    });
  });

  it('moves the task QUEUED → RUNNING with rising progress → SUCCEEDED, endTime -1 until the end', async () => {
    const task = taskOf(await t.vcda.post('/vm-replications', startBody()));
    const read = async (): Promise<Json> => (await t.vcda.get(`/tasks/${task.id}`, { params: { site: 'site2' } })).data as Json;

    const seen: Array<[unknown, unknown, unknown]> = [];
    for (const step of [100, 300, 300, 299, 1]) {
      t.clock.advance(step);
      const current = await read();
      seen.push([current.state, current.progress, current.endTime]);
    }

    expect(seen).toEqual([
      ['QUEUED', 0, -1],
      ['RUNNING', 25, -1],
      ['RUNNING', 62, -1],
      ['RUNNING', 99, -1],
      ['SUCCEEDED', 100, t.clock.now()],
    ]);
  });

  it('excludes the disks source.excludedDisks lists (the data-structure pages\' name), reported as settings.excludedDiskKeys', async () => {
    const id = await replicate(t, startBody({ vmId: VCDA_VM_IDS['vcd-db-01'], excludedDiskKeys: [2002, 2001] }));
    expect(liveOf(id).settings).toMatchObject({ excludedDiskKeys: [2001, 2002] });
  });

  it('accepts source.excludedDiskKeys (the operation example\'s name) but ignores it, as a server reading excludedDisks does: every disk is replicated', async () => {
    const body = startBody({ vmId: VCDA_VM_IDS['vcd-db-01'] });
    const source = { ...(body.source as Json), excludedDisks: undefined, excludedDiskKeys: [2001] };
    const id = await replicate(t, { ...body, source });
    expect(liveOf(id).settings).toMatchObject({ excludedDiskKeys: [] });
  });

  it('runs on the site ?site= names (default the local one), which must be the source site: 400 before any task otherwise', async () => {
    t.sim.vcda.change((state) => {
      state.localSite = 'site2';
    });
    const local = await t.vcda.post('/vm-replications', startBody());
    expect([local.status, local.data.code, local.data.msg]).toEqual([
      400,
      'BadUserInput',
      "The operation runs on site 'site2', but VM '441a891a-5294-4dff-b02d-c605d335be1c' is on site 'site1': run it on its source site (?site=site1).",
    ]);
    expect(t.sim.vcda.state.tasks).toEqual([]);
    const named = taskOf(await t.vcda.post('/vm-replications', startBody(), { params: { site: 'site1' } }));
    const id = String(((await finishTask(t, named)).result as Json).id);

    const pauseHere = await t.vcda.post(`/vm-replications/${id}/pause`);
    expect([pauseHere.status, pauseHere.data.msg]).toEqual([400, `The operation runs on site 'site2', but VM replication '${id}' is managed from its source site 'site1': run it there (?site=site1).`]);
    await finishTask(t, taskOf(await t.vcda.post(`/vm-replications/${id}/pause`, null, { params: { site: 'site1' } })));
    expect(liveOf(id).isPaused).toBe(true);
  });

  it('runs the initial sync after the task (YELLOW, SYNCING), then is healthy (GREEN, IDLE) with a first instance', async () => {
    const id = await replicate(t);
    const syncing = { ...liveOf(id) };
    t.clock.advance(1000);
    const healthy = (await t.vcda.get(`/vm-replications/${id}`)).data as Json;

    expect(syncing).toMatchObject({ overallHealth: 'YELLOW', dataConnectionState: 'SYNCING', destinationState: { state: 'INITIAL_SYNC', latestInstance: null } });
    expect(healthy).toMatchObject({ overallHealth: 'GREEN', dataConnectionState: 'IDLE', destinationState: { state: 'IDLE', currentRpoViolation: 0, latestInstance: { sequenceNumber: 1 } } });
  });

  it('needs the session extended to a remote destination: 403 Forbidden before, and no task', async () => {
    const other = axios.create({ baseURL: `${t.sim.url}/vcda`, validateStatus: () => true });
    await vcdaLogin(other);
    const response = await other.post('/vm-replications', startBody());

    expect(response.status).toBe(403);
    expect(response.data).toMatchObject({ code: 'Forbidden', msg: "The session is not authenticated to site 'site2': extend it with POST /sessions/extend first." });
    expect(t.sim.vcda.state.tasks).toEqual([]);
  });

  it.each([
    ['an unknown VM', { vmId: '00000000-0000-4000-8000-000000000000' }, 'BadUserInput', "Source VM '00000000-0000-4000-8000-000000000000' was not found on site 'site1'."],
    ['an unknown vDC', { vdc: 'vdc-gold' }, 'BadUserInput', "Destination vDC 'vdc-gold' was not found on site 'site2'."],
    ['a disk key the VM lacks', { vmId: VCDA_VM_IDS['vcd-db-01'], excludedDiskKeys: [2001, 2005] }, 'BadUserInput', "Disk key(s) 2005 do not belong to VM 'vcd-db-01' (its disk keys: 2000, 2001, 2002)."],
    ['every disk excluded', { excludedDiskKeys: [2000] }, 'BadUserInput', "Every disk of VM 'vcd-web-02' is excluded: nothing would be replicated."],
    ['an unknown storage profile', { storageProfile: 'Platinum' }, 'BadUserInput', "Storage profile 'Platinum' is not available in vDC 'vdc-gold'."],
  ] as const)('refuses %s with 400 and no task', async (_what, overrides, code, msg) => {
    const response = await t.vcda.post('/vm-replications', startBody(overrides));

    expect(response.status).toBe(400);
    expect(response.data).toMatchObject({ code, msg });
    expect(response.data.stacktrace).toContain(msg);
    expect(t.sim.vcda.state.tasks).toEqual([]);
  });

  it('refuses an unknown SLA profile, a body without rpo or SLA profile, and an unknown site', async () => {
    const sla = await t.vcda.post('/vm-replications', { ...startBody(), rpo: null, slaProfileId: 'gold-sla' });
    const noPolicy = await t.vcda.post('/vm-replications', { ...startBody(), rpo: null });
    const site = await t.vcda.post('/vm-replications', { ...startBody(), destination: { type: 'vcloud', site: 'site3', vdc: VCDA_VDC_IDS['vdc-gold'] } });

    expect([sla.status, sla.data.code, sla.data.msg]).toEqual([400, 'BadUserInput', "SLA profile 'gold-sla' does not exist."]);
    expect([noPolicy.status, noPolicy.data.code, noPolicy.data.msg]).toEqual([400, 'BadUserInput', 'Either rpo or slaProfileId is required.']);
    expect([site.status, site.data.code, site.data.msg]).toEqual([404, 'SiteNotFound', "Site 'site3' not found."]);
  });

  it('refuses a body that breaks the contract with 400 BadRequest naming the field', async () => {
    const response = await t.vcda.post('/vm-replications', { ...startBody(), rpo: 0, dataConnectionType: 'FAST' });

    expect(response.status).toBe(400);
    expect(response.data.code).toBe('BadRequest');
    expect(response.data.msg).toContain('body.rpo must be >= 1');
    expect(response.data.msg).toContain('body.dataConnectionType must be equal to one of the allowed values: PLAIN, ENCRYPTED, ENCRYPTED_COMPRESSED');
  });

  it('replicates a VM once: a second start while the first runs, or after it, is 400 BadRequest', async () => {
    const first = taskOf(await t.vcda.post('/vm-replications', startBody()));
    const during = await t.vcda.post('/vm-replications', startBody({ vdc: VCDA_VDC_IDS['vdc-silver'] }));
    const done = await finishTask(t, first);
    const after = await t.vcda.post('/vm-replications', startBody());

    expect(during.status).toBe(400);
    expect(during.data).toMatchObject({ code: 'BadRequest', msg: `VM 'vcd-web-02' (${VCDA_VM_IDS['vcd-web-02']}) is already replicated by the running task '${first.id}'.` });
    expect(after.data).toMatchObject({ code: 'BadRequest', msg: `VM 'vcd-web-02' (${VCDA_VM_IDS['vcd-web-02']}) is already replicated by replication '${String((done.result as Json).id)}'.` });
    expect(t.sim.vcda.state.replications).toHaveLength(1);
  });

  it('ends FAILED with error {code, msg, args, stacktrace} and creates nothing when a fault rule says taskError', async () => {
    t.sim.faults.addRule({ service: 'vcda', method: 'POST', path: '/vm-replications', taskError: 'Replicator unreachable', count: 1 });
    const done = await finishTask(t, taskOf(await t.vcda.post('/vm-replications', startBody())));

    expect(done).toMatchObject({
      state: 'FAILED',
      result: null,
      error: { code: 'GeneralServerFailure', msg: 'Replicator unreachable', args: [], stacktrace: expect.stringContaining('Replicator unreachable') },
    });
    expect(done.endTime).not.toBe(-1);
    expect(t.sim.vcda.state.replications).toEqual([]);
  });
});

describe('list (GET /vm-replications)', () => {
  it('pages with offset/limit → {items, total} and filters by ids and destinationVdcId', async () => {
    const ids: string[] = [];
    for (const [name, vdc] of [['vcd-web-01', 'vdc-gold'], ['vcd-web-02', 'vdc-silver'], ['vcd-app-01', 'vdc-gold'], ['vcd-db-01', 'vdc-silver']] as const) {
      ids.push(await replicate(t, startBody({ vmId: VCDA_VM_IDS[name], vdc: VCDA_VDC_IDS[vdc] })));
    }
    const page = async (params: Record<string, unknown>): Promise<{ ids: string[]; total: number }> => {
      const response = await t.vcda.get('/vm-replications', { params });
      return { ids: response.data.items.map((item: Json) => item.id), total: response.data.total };
    };

    expect(await page({})).toEqual({ ids, total: 4 });
    expect(await page({ offset: 1, limit: 2 })).toEqual({ ids: ids.slice(1, 3), total: 4 });
    expect(await page({ offset: 4, limit: 2 })).toEqual({ ids: [], total: 4 });
    expect(await page({ ids: `${ids[0] ?? ''},${ids[3] ?? ''}` })).toEqual({ ids: [ids[0], ids[3]], total: 2 });
    expect(await page({ destinationVdcId: VCDA_VDC_IDS['vdc-silver'], limit: 1 })).toEqual({ ids: [ids[1]], total: 2 });
    expect((await t.vcda.get('/vm-replications', { params: { limit: 101 } })).data).toMatchObject({ code: 'BadRequest', msg: 'Invalid request: query.limit must be <= 100' });
  });
  it('filters by source VM with ?vmId= (exact match), the total counting only that VM’s replications', async () => {
    const ids: string[] = [];
    for (const name of ['vcd-web-01', 'vcd-web-02', 'vcd-app-01'] as const) ids.push(await replicate(t, startBody({ vmId: VCDA_VM_IDS[name] })));
    const page = async (params: Record<string, unknown>): Promise<{ ids: string[]; total: number; vmIds: string[] }> => {
      const response = await t.vcda.get('/vm-replications', { params });
      expect(response.data).toHaveProperty('items');
      const items: Json[] = response.data.items;
      return { ids: items.map((item) => String(item.id)), total: response.data.total, vmIds: items.map((item) => String((item.source as Json).vmId)) };
    };
    const web02 = VCDA_VM_IDS['vcd-web-02'];

    expect(await page({ vmId: web02 })).toEqual({ ids: [ids[1]], total: 1, vmIds: [web02] });
    expect(await page({ vmId: web02, offset: 1 })).toEqual({ ids: [], total: 1, vmIds: [] });
    expect(await page({ vmId: web02.slice(0, -1) })).toEqual({ ids: [], total: 0, vmIds: [] });
    expect(await page({ vmId: VCDA_VM_IDS['vcd-db-01'] })).toEqual({ ids: [], total: 0, vmIds: [] });
    expect(await page({ vmId: VCDA_VM_IDS['vcd-app-01'], ids: ids.join(',') })).toEqual({ ids: [ids[2]], total: 1, vmIds: [VCDA_VM_IDS['vcd-app-01']] });
  });
});

describe('operations on one replication', () => {
  let id: string;

  beforeEach(async () => {
    id = await replicate(t);
    t.clock.advance(1000);
  });

  async function run(method: 'post' | 'patch' | 'delete', path: string, body?: unknown): Promise<Json> {
    const response = await t.vcda.request({ method, url: `/vm-replications/${id}${path}`, data: body });
    return finishTask(t, taskOf(response));
  }

  it('pauses and resumes (isPaused), each through a task on the destination site', async () => {
    const paused = await run('post', '/pause');
    const whilePaused = { ...liveOf(id) };
    const sync = await t.vcda.post(`/vm-replications/${id}/sync`);
    const resumed = await run('post', '/resume');

    expect(paused).toMatchObject({ state: 'SUCCEEDED', site: 'site2', workflowInfo: { type: 'pause', resourceId: id }, result: { id, isPaused: true } });
    expect(whilePaused.isPaused).toBe(true);
    expect(sync.status).toBe(400);
    expect(sync.data).toMatchObject({ code: 'BadRequest', msg: `VM replication '${id}' is paused: resume it before a sync.` });
    expect(resumed).toMatchObject({ state: 'SUCCEEDED', result: { isPaused: false } });
    expect(liveOf(id).isPaused).toBe(false);
  });

  it('syncs: a new instance, the RPO met again', async () => {
    await t.vcda.post(`${t.sim.url}/_sim/vcda/replications/${id}`, { currentRpoViolation: 12 });
    const done = await run('post', '/sync');

    expect(done).toMatchObject({ state: 'SUCCEEDED', workflowInfo: { type: 'sync' } });
    expect(liveOf(id).destinationState).toMatchObject({ currentRpoViolation: 0, latestInstance: { sequenceNumber: 2 } });
  });

  it('reconfigures in place (PATCH): given fields change, omitted ones stay, the description is kept verbatim', async () => {
    const description = 'web tier  [repliform owner=stack/web] — ünïcode';
    await run('patch', '', { rpo: 30, description, retentionPolicy: { rules: [{ numberOfInstances: 2, distance: 120 }] } });

    expect(liveOf(id).settings).toMatchObject({
      rpo: 30,
      description,
      retentionPolicy: { rules: [{ numberOfInstances: 2, distance: 120 }] },
      dataConnectionType: 'ENCRYPTED_COMPRESSED',
      quiesced: false,
    });
    expect(liveOf(id).id).toBe(id);
  });

  it('switches to the SLA profile and back to a custom policy', async () => {
    await run('patch', '', { slaProfileId: VCDA_SLA_PROFILE_ID });
    const withSla = { ...(liveOf(id).settings as Json) };
    await run('patch', '', { slaProfileId: null, rpo: 60, dataConnectionType: 'PLAIN' });

    expect(withSla).toMatchObject({ slaProfileId: VCDA_SLA_PROFILE_ID, rpo: 5, dataConnectionType: 'ENCRYPTED' });
    expect(liveOf(id).settings).toMatchObject({ slaProfileId: null, rpo: 60, dataConnectionType: 'PLAIN' });
  });

  it('changes the storage profile in place, and refuses one the vDC lacks', async () => {
    const refused = await t.vcda.post(`/vm-replications/${id}/storage-profile`, { storageProfileId: 'Platinum' });
    const done = await run('post', '/storage-profile', { storageProfileId: VCDA_STORAGE_PROFILE_IDS.Silver });

    expect(refused.data).toMatchObject({ code: 'BadUserInput', msg: "Storage profile 'Platinum' is not available in vDC 'vdc-gold'." });
    expect(done).toMatchObject({ state: 'SUCCEEDED', workflowInfo: { type: 'changeStorageProfile' }, result: { destination: { storageProfile: VCDA_STORAGE_PROFILE_IDS.Silver } } });
    expect((liveOf(id).destination as Json).storageProfile).toBe(VCDA_STORAGE_PROFILE_IDS.Silver);
  });

  it('deletes through a task; afterwards every call on it is 404 NotFound', async () => {
    const done = await run('delete', '');
    const get = await t.vcda.get(`/vm-replications/${id}`);
    const pause = await t.vcda.post(`/vm-replications/${id}/pause`);

    expect(done).toMatchObject({ state: 'SUCCEEDED', workflowInfo: { type: 'deleteReplication', resourceId: id } });
    expect(t.sim.vcda.state.replications).toEqual([]);
    expect(get.status).toBe(404);
    expect(get.data).toEqual({ args: [id], code: 'NotFound', msg: `VM replication '${id}' not found.`, stacktrace: `com.vmware.h4.api.error.exceptions.NotFoundException: VM replication '${id}' not found.` });
    expect(pause.status).toBe(404);
  });

  it('reads a task only on its own site (?site=), 404 NotFound elsewhere', async () => {
    const task = taskOf(await t.vcda.post(`/vm-replications/${id}/pause`));
    const local = await t.vcda.get(`/tasks/${task.id}`);
    const remote = await t.vcda.get(`/tasks/${task.id}`, { params: { site: 'site2' } });

    expect(local.status).toBe(404);
    expect(local.data).toMatchObject({ code: 'NotFound', msg: `Task '${task.id}' not found.` });
    expect(remote.status).toBe(200);
  });
});

describe('drift by hand (/_sim/vcda/replications/{id})', () => {
  it('pauses, sets the health and changes the RPO; refuses a bad field naming it; removes a replication', async () => {
    const id = await replicate(t);
    const admin = axios.create({ baseURL: `${t.sim.url}/_sim/vcda`, validateStatus: () => true });

    const drifted = await admin.post(`/replications/${id}`, { isPaused: true, overallHealth: 'RED', rpo: 240 });
    const bad = await admin.post(`/replications/${id}`, { overallHealth: 'PURPLE', rpo: 30 });
    const live = (await t.vcda.get(`/vm-replications/${id}`)).data as Json;
    const removed = await admin.delete(`/replications/${id}`);
    const missing = await admin.post(`/replications/${id}`, { isPaused: false });

    expect(drifted.status).toBe(200);
    expect(live).toMatchObject({ isPaused: true, overallHealth: 'RED', settings: { rpo: 240 } });
    expect(bad.status).toBe(400);
    expect(bad.data).toMatchObject({ code: 'BadUserInput', msg: "drift field 'overallHealth' must be one of GREEN, YELLOW, RED, UNKNOWN, got \"PURPLE\"." });
    expect(removed.status).toBe(204);
    expect(t.sim.vcda.state.replications).toEqual([]);
    expect(missing.status).toBe(404);
    expect(missing.data.code).toBe('NotFound');
  });
});

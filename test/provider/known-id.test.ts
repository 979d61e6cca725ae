/**
 * Integration: the provider hands a kind the id Terraform's state holds (core/locate.ts), so a refresh, an update and
 * a destroy read the object by it — one request whatever the size of the fleet — and fall back to the natural key
 * only when the id names nothing (deleted outside Terraform) or another object. Driven as Terraform drives it,
 * against the simulator over HTTP; the requests are the ones the simulator received.
 */
import axios from 'axios';
import type { ResourceType } from '../../src/provider/resource-type';
import { memoryOwnershipRecords } from '../../src/resources/ownership';
import { kindFor } from '../../src/resources/registry';
import { SDRS_VOLUME_IDS } from '../../src/simulator';
import { VCDA_VDC_IDS, VCDA_VM_IDS } from '../../src/simulator/vcda/inventory-seed';
import { ResourceType as Type } from '../../src/provider/resource-type';
import { SIM_ENV, testContext } from '../helpers/context';
import { configOf, createdBy, objectOf, refreshedBy, sdrsTypeOf } from '../helpers/provider-types';
import { sdrsGroupJson, sdrsGroupRef, vcdaConnection, vrConnection, VCDA_SIM_ENV } from '../helpers/sim-connections';
import { useSimulator } from '../helpers/simulator';

const sim = useSimulator({ taskDelayMs: 0, validateResponses: true });

/** The operations a service received since the last clear, reads of its objects only (GETs but polls). */
function reads(service: string): string[] {
  return sim.requests.filter((r) => r.service === service && r.method === 'GET' && !/task|job/i.test(r.operationId ?? '')).map((r) => r.operationId ?? r.path);
}

/** A resource type served as the provider serves it: one client factory for every call of the process. */
async function vendorType(kind: string, vendor: string, connection: unknown, env: NodeJS.ProcessEnv): Promise<ResourceType> {
  const ctx = testContext(env, { ownership: memoryOwnershipRecords() });
  return new Type(await kindFor(kind)).bind({
    connectionFor: (name) => (name === vendor ? connection : undefined),
    stopReason: () => undefined,
    context: () => ctx,
  });
}

async function destroyed(type: ResourceType, state: ReturnType<typeof objectOf>): Promise<void> {
  const applied = await type.apply(state, null, undefined);
  expect(applied.diagnostics.filter((d) => d.severity === 'ERROR')).toEqual([]);
  expect(applied.state).toBeNull();
}

describe('vcda.replication', () => {
  const replicationOf = (vm: keyof typeof VCDA_VM_IDS) => ({
    source: { site: 'site1', vm_id: VCDA_VM_IDS[vm] },
    destination: { site: 'site2', vdc: VCDA_VDC_IDS['vdc-gold'] },
    settings: { rpo_minutes: 30 },
    owner: `app/${vm}`,
  });
  const typeOf = () => vendorType('vcda.replication', 'vcda', vcdaConnection(sim.url), VCDA_SIM_ENV);

  test('refresh, update and destroy read the replication by its id, never the list', async () => {
    const type = await typeOf();
    const state = await createdBy(type, replicationOf('vcd-web-01'));
    sim.clearRequests();

    const refreshed = await refreshedBy(type, state);
    expect(reads('vcda')).toEqual(['getVmReplication']);

    sim.clearRequests();
    const changed = configOf(type, { ...replicationOf('vcd-web-01'), settings: { rpo_minutes: 60 } });
    const plan = await type.plan(refreshed, changed, changed, undefined);
    const updated = await type.apply(refreshed, plan.planned, undefined);
    expect(updated.diagnostics).toEqual([]);
    expect(reads('vcda')).toEqual(['getVmReplication', 'getVmReplication']); // located, then read back after the change

    sim.clearRequests();
    await destroyed(type, objectOf(updated.state));
    expect(reads('vcda')).toEqual(['getVmReplication']); // the sites as the create read them: no GET /sites per replication
    expect(sim.vcda.state.replications.map((r) => r.info.isPaused)).toEqual([true]);
  });

  test('deleted outside Terraform: the id names nothing, the natural key (one list filtered on the VM) confirms it is gone', async () => {
    const type = await typeOf();
    const state = await createdBy(type, replicationOf('vcd-web-01'));
    expect((await axios.delete(`${sim.url}/_sim/vcda/replications/${String(state.id)}`)).status).toBe(204);
    sim.clearRequests();

    expect(await type.read(state, undefined)).toEqual({ state: null, diagnostics: [] });
    expect(reads('vcda')).toEqual(['getVmReplication', 'getVmReplications']);
    const list = sim.requests.find((r) => r.operationId === 'getVmReplications');
    expect(new URLSearchParams(list?.query).get('vmId')).toBe(VCDA_VM_IDS['vcd-web-01']);
  });

  test("an id that names another VM's replication is not taken: the natural key finds this one", async () => {
    const type = await typeOf();
    const web01 = await createdBy(type, replicationOf('vcd-web-01'));
    const web02 = await createdBy(type, replicationOf('vcd-web-02'));
    const read = await type.read({ ...web01, id: web02.id }, undefined);
    expect(objectOf(read.state).id).toBe(web01.id);
  });
});

describe('sdrs.replication-pair', () => {
  const DATA = SDRS_VOLUME_IDS['evs-web-01-data'];
  const pairJson = { group: sdrsGroupRef('app/group'), volume_id: DATA, name: 'web-data', size_gb: null, owner: 'app/web-data' };

  test("refresh and destroy read the pair by its id: neither the group's pairs nor the groups are listed", async () => {
    await createdBy(await sdrsTypeOf(sim, 'sdrs.protection-group'), sdrsGroupJson('app/group'));
    const pairs = await sdrsTypeOf(sim, 'sdrs.replication-pair');
    const state = await createdBy(pairs, pairJson);
    sim.clearRequests();

    const refreshed = await refreshedBy(pairs, state);
    expect(reads('sdrs')).toEqual(['getReplication']);

    sim.clearRequests();
    await destroyed(pairs, refreshed);
    // … and the group's drills: a pair is never deleted under a running drill (issue 20).
    expect(reads('sdrs')).toEqual(['getReplication', 'listDisasterRecoveryDrills']);
    const deletion = sim.requests.find((r) => r.operationId === 'deleteReplication');
    expect(deletion?.body).toEqual({ replication: { server_group_id: state.group_id, delete_target_volume: false } });
  });
});

describe('vr.replication', () => {
  test('refresh and destroy read the replication by its id: one list filtered on the ids (lookups in flight share it)', async () => {
    const type = await vendorType('vr.replication', 'vr', vrConnection(sim.url), SIM_ENV);
    const state = await createdBy(type, { pairing: { remote_site: 'vc-b.example.local' }, vm: { name: 'web-01' }, target: { datastore: 'ds-b-gold' }, settings: { rpo_minutes: 15 } });
    const replicationReads = () => sim.requests.filter((r) => r.service === 'vr' && r.method === 'GET' && /\/replications(\/|$)/.test(r.path));
    const byId = () => replicationReads().map((r) => new URLSearchParams(r.query)).map((q) => `${q.get('filter_property') ?? ''}=${q.getAll('filter').join(',')}`);
    sim.clearRequests();

    const refreshed = await refreshedBy(type, state);
    expect(byId()).toEqual([`id=${String(state.id)}`]);

    sim.clearRequests();
    await destroyed(type, refreshed);
    expect(byId()).toEqual([`id=${String(state.id)}`]);
  });
});

/**
 * Kind vcda.test-failover over HTTP against the simulator's VCDA service (requests and responses validated against
 * specs/vcda-api.json), on virtual time: create starts a test failover and waits (the request the server got, the
 * test VM left on the destination site), a second start is refused naming the running one, delete cleans up and
 * a drill already gone sends nothing; a failing test-failover task leaves nothing; a cleanup that fails once is
 * retried and succeeds; destroying the replication under a running drill is refused with the way out.
 */
import type { RunningSimulator } from '../../src/simulator';
import { VCDA_VDC_IDS, VCDA_VM_IDS } from '../../src/simulator/vcda/inventory-seed';
import { vcdaReplicationHandler } from '../../src/resources/vcda/replication/handler';
import { vcdaReplicationSpecSchema, type VcdaReplicationSpec } from '../../src/resources/vcda/replication/schema';
import { vcdaTestFailoverHandler } from '../../src/resources/vcda/test-failover/handler';
import { vcdaTestFailoverSpecSchema, type VcdaTestFailoverSpec, type VcdaTestFailoverSpecInput } from '../../src/resources/vcda/test-failover/schema';
import { startVirtualTimeSimulator, testContext, type TestContext, type VirtualClock } from '../helpers/context';
import { vcdaConnection, VCDA_SIM_ENV } from '../helpers/sim-connections';

const WEB_01 = VCDA_VM_IDS['vcd-web-01'];
let sim: RunningSimulator;
let clock: VirtualClock;

beforeEach(async () => {
  ({ sim, clock } = await startVirtualTimeSimulator());
});
afterEach(async () => {
  await sim.close();
});

const ctx = (): TestContext => testContext(VCDA_SIM_ENV, { ownership: null, clock });

function replicationSpec(overrides: Partial<VcdaReplicationSpec> = {}): VcdaReplicationSpec {
  const spec = vcdaReplicationSpecSchema.parse({
    connection: vcdaConnection(sim.url),
    source: { site: 'site1', vm_id: WEB_01 },
    destination: { site: 'site2', vdc: VCDA_VDC_IDS['vdc-gold'] },
    settings: { rpo_minutes: 15, retention_rules: [{ instances: 3, distance_minutes: 60 }] },
    owner: 'app/web',
  });
  return { ...spec, ...overrides };
}

function drill(overrides: Partial<VcdaTestFailoverSpecInput> = {}): VcdaTestFailoverSpec {
  return vcdaTestFailoverSpecSchema.parse({ connection: vcdaConnection(sim.url), source_site: 'site1', vm_id: WEB_01, ...overrides });
}

/** A replication of vcd-web-01 with its initial sync done (one retained instance). */
async function healthyReplication(): Promise<string> {
  const created = await vcdaReplicationHandler.create(replicationSpec(), ctx());
  await clock.sleep(1000);
  return created.id;
}

const requestsTo = (method: string, suffix: string) => sim.requests.filter((r) => r.method === method && r.path.endsWith(suffix));
const replicationOf = (id: string) => sim.vcda.state.replications.find((r) => r.info.id === id);
const testVms = () => sim.vcda.state.vms.filter((vm) => vm.testOf !== undefined);

async function failure(promise: Promise<unknown>): Promise<Error> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  if (!(error instanceof Error)) throw new Error('expected a failure');
  return error;
}

test('create starts the test failover and waits; a second start is refused naming it; delete cleans up; a drill gone is a no-op delete', async () => {
  const id = await healthyReplication();
  const latest = replicationOf(id)?.instances?.at(-1);
  const started = ctx();

  const state = await vcdaTestFailoverHandler.create(drill(), started);

  const posts = requestsTo('POST', `/vm-replications/${id}/failover-test`);
  expect(posts).toHaveLength(1);
  expect(posts[0]?.query).toEqual({ site: 'site1' });
  expect(posts[0]?.body).toEqual({ type: 'vcloud', powerOn: true, sync: false });
  const [vm] = testVms();
  expect(vm).toMatchObject({ site: 'site2', name: 'vcd-web-01-test', powerState: 'POWERED_ON' });
  expect(state).toMatchObject({
    id,
    vm_name: 'vcd-web-01',
    destination_site: 'site2',
    status: 'running',
    recovery_state: 'TEST',
    test_vm_id: vm?.id,
    power_state: 'POWERED_ON',
    ip_address: vm?.ipAddress,
    recovery_point_id: latest?.key,
    recovery_point_time: new Date(latest?.timestamp ?? 0).toISOString(),
    rpo_minutes: 15,
  });
  expect(started.progressEvents[0]).toBe('start test failover of vcd-web-01 on site2');
  expect(started.progressEvents.at(-1)).toBe('stop done');
  expect(await vcdaTestFailoverHandler.read(drill(), ctx(), { id })).toEqual(state);

  const second = await failure(vcdaTestFailoverHandler.create(drill({ power_on: false }), ctx()));
  expect(second.message).toContain(`a test failover of replication ${id} is running already (test VM ${vm?.id ?? '?'})`);
  expect(requestsTo('POST', '/failover-test')).toHaveLength(1);

  await vcdaTestFailoverHandler.delete(drill(), ctx(), { id });
  expect(requestsTo('DELETE', `/vm-replications/${id}/failover-test`)).toHaveLength(1);
  expect(testVms()).toEqual([]);
  expect(replicationOf(id)?.info.destinationState?.recoveryInfo).toEqual({ recoveryState: 'NOT_STARTED' });
  expect(await vcdaTestFailoverHandler.read(drill(), ctx(), { id })).toBeUndefined();

  await vcdaTestFailoverHandler.delete(drill(), ctx(), { id });
  expect(requestsTo('DELETE', '/failover-test')).toHaveLength(1);
  // Nothing but the test failover and its cleanup was ever asked of the replication: production untouched.
  const writes = sim.requests.filter((r) => r.method !== 'GET' && r.path.includes(`/vm-replications/${id}`)).map((r) => `${r.method} ${r.path.split(id)[1] ?? ''}`);
  expect(writes).toEqual(['POST /failover-test', 'DELETE /failover-test']);
});

test('a retained instance by id and powered off: the body names it, the test VM is made from it and stays off', async () => {
  const id = await healthyReplication();
  const first = replicationOf(id)?.instances?.[0]?.key ?? '';
  const state = await vcdaTestFailoverHandler.create(drill({ replication_id: id, source_site: null, vm_id: null, instance_id: first, power_on: false }), ctx());
  expect(requestsTo('POST', '/failover-test')[0]?.body).toEqual({ type: 'vcloud', powerOn: false, sync: false, instanceId: first });
  expect(state).toMatchObject({ recovery_point_id: first, power_state: 'POWERED_OFF', ip_address: null });
  expect(() => drill({ instance_id: first, recovery_point: 'sync' })).not.toThrow();
  expect(() => vcdaTestFailoverHandler.parseSpec({ connection: vcdaConnection(sim.url), replication_id: id, instance_id: first, recovery_point: 'sync' }, 'create')).toThrow(
    'instance_id: a retained instance cannot be used with recovery_point = "sync"',
  );
});

test('a paused replication is refused before anything is sent', async () => {
  const id = await healthyReplication();
  sim.vcda.change((state) => {
    const found = state.replications.find((r) => r.info.id === id);
    if (found) found.info.isPaused = true;
  });
  const error = await failure(vcdaTestFailoverHandler.create(drill(), ctx()));
  expect(error.message).toContain(`replication ${id} is PAUSED: resume it`);
  expect(error.message).toContain('Nothing was started');
  expect(requestsTo('POST', '/failover-test')).toEqual([]);
});

test('a failing test-failover task fails the create and leaves no test image', async () => {
  const id = await healthyReplication();
  sim.faults.addRule({ service: 'vcda', method: 'POST', path: '/vm-replications/*/failover-test', taskError: 'Recovery of the test image failed.', count: 1 });
  const error = await failure(vcdaTestFailoverHandler.create(drill(), ctx()));
  expect(error.message).toContain('Recovery of the test image failed.');
  expect(testVms()).toEqual([]);
  expect(replicationOf(id)?.info.destinationState?.recoveryInfo).toEqual({ recoveryState: 'NOT_STARTED' });
  expect(await vcdaTestFailoverHandler.read(drill(), ctx(), { id })).toBeUndefined();
});

test('a cleanup that fails once is retried, loudly, and succeeds', async () => {
  const id = await healthyReplication();
  await vcdaTestFailoverHandler.create(drill(), ctx());
  sim.faults.addRule({ service: 'vcda', method: 'DELETE', path: '/vm-replications/*/failover-test', taskError: 'The test VM is locked.', count: 1 });
  const cleaning = ctx();
  await vcdaTestFailoverHandler.delete(drill(), cleaning, { id });
  expect(requestsTo('DELETE', '/failover-test')).toHaveLength(2);
  expect(cleaning.lines.some((l) => l.startsWith(`warn: replication ${id}: cleanup of the test failover FAILED`) && l.includes('The test VM is locked.') && l.includes('is LEFT'))).toBe(true);
  expect(testVms()).toEqual([]);
  expect(replicationOf(id)?.info.destinationState?.recoveryInfo?.recoveryState).toBe('NOT_STARTED');
});

test('destroying the replication under a running drill is refused with the way out; after the cleanup it goes', async () => {
  const id = await healthyReplication();
  await vcdaTestFailoverHandler.create(drill(), ctx());
  const withReplica = replicationSpec({ on_delete: { delete_replica: true } });

  const error = await failure(vcdaReplicationHandler.delete(withReplica, ctx(), { id }));
  expect(error.message).toContain(`replication ${id} of VM ${WEB_01} is under a test failover (TEST`);
  expect(error.message).toContain('Clean the drill up first — destroy its repliform_vcda_test_failover resource');
  expect(sim.requests.filter((r) => r.method === 'DELETE' || r.path.endsWith('/pause'))).toEqual([]);
  expect(replicationOf(id)).toBeDefined();

  await vcdaTestFailoverHandler.delete(drill(), ctx(), { id });
  await vcdaReplicationHandler.delete(withReplica, ctx(), { id });
  expect(replicationOf(id)).toBeUndefined();
});

test('a replication still in its initial sync (made by the same apply) is waited for, then tested from its first instance', async () => {
  const created = await vcdaReplicationHandler.create(replicationSpec(), ctx());
  // The initial sync still runs for 5 s (virtual time): no instance yet.
  sim.vcda.change((state) => {
    const found = state.replications.find((r) => r.info.id === created.id);
    if (!found) return;
    found.initialSyncDoneAt = clock.now() + 5000;
    found.instances = [];
    found.info.overallHealth = 'YELLOW';
    found.info.destinationState = { ...found.info.destinationState, state: 'INITIAL_SYNC', latestInstance: null };
  });
  const waiting = ctx();
  const state = await vcdaTestFailoverHandler.create(drill(), waiting);
  expect(waiting.progressEvents[0]).toBe(`start waiting for the first recovery point of replication ${created.id} (initial sync)`);
  expect(state).toMatchObject({ status: 'running', recovery_point_id: 'instance-1' });
});

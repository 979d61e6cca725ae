/**
 * VcdaClient's test failover calls against the simulator over HTTP (requests and responses validated against
 * specs/vcda-api.json by the simulator): the requests the server received, the test image left (recoveryInfo TEST,
 * the test VM in site2's inventory), its cleanup, and the simulator's refusals with their codes.
 */
import { ApiError } from '../../lib/client/http/errors';
import { VcdaClient } from '../../lib/client/vcda/vcda-client';
import { DEFAULT_VCDA_USERS, VCDA_VM_IDS } from '../../src/simulator';
import { startVirtualTimeSimulator, type VirtualClock } from '../helpers/context';
import type { RunningSimulator } from '../../src/simulator';
import { startBody } from './vcda-helpers';

let sim: RunningSimulator;
let clock: VirtualClock;
let client: VcdaClient;

beforeEach(async () => {
  ({ sim, clock } = await startVirtualTimeSimulator());
  client = new VcdaClient({ endpoint: `${sim.url}/vcda`, credentials: DEFAULT_VCDA_USERS.site1, remoteCredentials: DEFAULT_VCDA_USERS.site2, clock });
  await client.extendSession('site2');
});
afterEach(async () => {
  await client.logout();
  await sim.close();
});

const wait = { timeoutMs: 60_000, minDelayMs: 10, maxDelayMs: 100 };

async function healthy(): Promise<string> {
  const done = await client.waitForTask(await client.startReplication(startBody() as never, { site: 'site1' }), wait);
  await clock.sleep(1000);
  return String((done.result as { id: string }).id);
}

async function refusal(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  if (!(error instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(error)}`);
  return error;
}

test('start → the test VM on site2 and recoveryInfo TEST; a second start and a delete are refused; cleanup removes it', async () => {
  const id = await healthy();
  const task = await client.startTestFailover(id, { type: 'vcloud', powerOn: true, sync: false }, { site: 'site1' });
  const post = sim.requests.at(-1);
  expect(post).toMatchObject({ method: 'POST', path: `/vcda/vm-replications/${id}/failover-test`, query: { site: 'site1' }, body: { type: 'vcloud', powerOn: true, sync: false } });
  expect(task).toMatchObject({ state: 'QUEUED', site: 'site2', workflowInfo: { type: 'testFailover', resourceId: id } });
  expect((await client.getReplication(id))?.destinationState?.recoveryInfo?.recoveryState).toBe('IN_PROGRESS');

  const second = await refusal(client.startTestFailover(id, { type: 'vcloud' }, { site: 'site1' }));
  expect(second).toMatchObject({ status: 400, errorCode: 'BadRequest' });
  expect(second.serverMessage).toContain('is already test-recovered (IN_PROGRESS)');

  await client.waitForTask(task, wait);
  const live = await client.getReplication(id);
  const vms = await client.listInventoryVms({ site: 'site2' });
  const testVm = vms.find((vm) => vm.id === live?.destinationState?.recoveryInfo?.vcdVmId);
  expect(live?.destinationState?.recoveryInfo).toMatchObject({ recoveryState: 'TEST', type: 'vcd', testInstance: { key: 'instance-1' } });
  expect(testVm).toMatchObject({ name: 'vcd-web-02-test', site: 'site2', powerState: 'POWERED_ON' });

  const deleting = await refusal(client.deleteReplication(id, { site: 'site1' }));
  expect(deleting.serverMessage).toContain('has a test failover (TEST): clean it up first');

  await client.waitForTask(await client.cleanupTestFailover(id, { site: 'site1' }), wait);
  expect(sim.requests.filter((r) => r.method === 'DELETE').map((r) => r.path)).toEqual([`/vcda/vm-replications/${id}`, `/vcda/vm-replications/${id}/failover-test`]);
  expect((await client.getReplication(id))?.destinationState?.recoveryInfo).toEqual({ recoveryState: 'NOT_STARTED' });
  expect((await client.listInventoryVms({ site: 'site2' })).filter((vm) => vm.name.endsWith('-test'))).toEqual([]);
  const again = await refusal(client.cleanupTestFailover(id, { site: 'site1' }));
  expect(again.serverMessage).toContain('has no test failover to clean up (NOT_STARTED)');
});

test('refusals before a task: sync with an instance, an instance not retained, a paused replication, one still in its initial sync', async () => {
  const id = await healthy();
  expect((await refusal(client.startTestFailover(id, { type: 'vcloud', sync: true, instanceId: 'instance-1' }, { site: 'site1' }))).serverMessage).toBe(
    "'instanceId' cannot be used together with 'sync' set to true.",
  );
  expect((await refusal(client.startTestFailover(id, { type: 'vcloud', instanceId: 'instance-9' }, { site: 'site1' }))).serverMessage).toBe(
    `Instance 'instance-9' is not retained by VM replication '${id}' (retained: instance-1).`,
  );
  await client.waitForTask(await client.pauseReplication(id, { site: 'site1' }), wait);
  expect((await refusal(client.startTestFailover(id, { type: 'vcloud' }, { site: 'site1' }))).serverMessage).toContain('is paused');

  const started = await client.waitForTask(await client.startReplication(startBody({ vmId: VCDA_VM_IDS['vcd-db-01'] }) as never, { site: 'site1' }), wait);
  const fresh = String((started.result as { id: string }).id);
  sim.vcda.change((state) => {
    const found = state.replications.find((r) => r.info.id === fresh);
    if (found) found.initialSyncDoneAt = clock.now() + 60_000;
  });
  expect((await refusal(client.startTestFailover(fresh, { type: 'vcloud' }, { site: 'site1' }))).serverMessage).toContain('its initial sync is not done');
  expect(sim.vcda.state.tasks.filter((t) => t.kind === 'testFailover')).toEqual([]);
});

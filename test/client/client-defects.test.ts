/**
 * Issue 7, client layer: reads retried on 500, paging links outside the API root refused, cancelled tasks
 * reported as such, and replications whose values lie outside the API's documented ranges flagged.
 * Against the simulator (fault rules, drift) where it can produce the case, a capture server where it cannot.
 */
import { ApiError } from '../../lib/client/http/errors';
import { TaskFailedError } from '../../lib/client/tasks';
import { replicationRangeWarnings, type RangeCheckedReplication } from '../../lib/client/vr/ranges';
import { VrClient, type VrClientOptions } from '../../lib/client/vr/vr-client';

import { DEFAULT_USERS, PAIRING_ID, startSimulator, type RunningSimulator } from '../../src/simulator';
import { createClientFactory } from '../../src/resources/clients';
import { vrClient } from '../../src/resources/vr/client';
import { replicationSpec, SIM_ENV } from '../helpers/context';
import { fakeClock, startCaptureServer, type CaptureServer } from './helpers/capture-server';

const API = '/api/rest/vr/v2';

function clientOf(endpoint: string, clock: ReturnType<typeof fakeClock>, extra: Partial<VrClientOptions> = {}): VrClient {
  return new VrClient({
    endpoint,
    credentials: DEFAULT_USERS.local,
    remoteCredentials: DEFAULT_USERS.remote,
    clock,
    random: () => 1, // the top of the jitter window: the exponential steps themselves
    retry: { maxAttempts: 5, minDelayMs: 500, maxDelayMs: 10_000 },
    ...extra,
  });
}

describe('against the simulator', () => {
  let sim: RunningSimulator;
  let clock: ReturnType<typeof fakeClock>;

  beforeEach(async () => {
    sim = await startSimulator({ taskDelayMs: 0 });
    clock = fakeClock();
  });
  afterEach(() => sim.close());

  const infoRequests = (): number => sim.requests.filter((r) => r.method === 'GET' && r.path === `${API}/info`).length;

  it('retries a GET on 500 with the bounded backoff of 502/503/504, then succeeds', async () => {
    sim.faults.addRule({ id: 'boom', method: 'GET', path: '/info', status: 500, count: 2 });
    const vr = clientOf(sim.url, clock);
    const info = await vr.getInfo();
    expect(info.version).toBe('9.0.2.0');
    expect(infoRequests()).toBe(3);
    expect(sim.faults.stats()).toEqual([{ id: 'boom', matched: 3, skipped: 0, hits: 2 }]);
    expect(clock.sleeps).toEqual([500, 1000]);
    expect(vr.stats.retries).toBe(2);
  });

  it('gives up on a GET that keeps answering 500 after maxAttempts, with the server error', async () => {
    sim.faults.addRule({ method: 'GET', path: '/info', status: 500, body: { error_code: 'VR.INTERNAL', message: 'database unavailable' } });
    const error = await clientOf(sim.url, clock).getInfo().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).message).toMatch(new RegExp(`^GET ${API}/info → 500 VR\\.INTERNAL: database unavailable \\(op_id [0-9a-f-]{36}\\)$`));
    expect((error as ApiError).retryable).toBe(true);
    expect(infoRequests()).toBe(5);
    expect(clock.sleeps).toEqual([500, 1000, 2000, 4000]);
  });

  it('never resends a POST that got a 500: it may have landed', async () => {
    sim.faults.addRule({ method: 'POST', path: '/pairings/*/replications/*/actions/sync', status: 500 });
    const vr = clientOf(sim.url, clock);
    await expect(vr.syncReplication(PAIRING_ID, 'no-such-replication')).rejects.toMatchObject({ status: 500 });
    expect(sim.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/actions/sync'))).toHaveLength(1);
    expect(clock.sleeps).toEqual([]);
  });

  it('reports a task the server cancelled as a failure naming the task, the operation and "cancelled"', async () => {
    sim.faults.addRule({ method: 'POST', path: '/pairings/*/replications/*/actions/sync', taskCancel: true });
    const vr = clientOf(sim.url, clock);
    const id = await configuredReplicationId(vr);
    const task = await vr.syncReplication(PAIRING_ID, id);
    const error = await vr.waitForTask(task.id, { timeoutMs: 60_000 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TaskFailedError);
    expect((error as TaskFailedError).taskStatus).toBe('CANCELLED');
    expect((error as TaskFailedError).errorCode).toBe('TASK_CANCELLED');
    expect((error as Error).message).toBe(`task ${task.id} (Sync replication web-01) was cancelled`);
  });

  it('keeps the server message of a cancelled task when it sends one', async () => {
    sim.faults.addRule({ method: 'POST', path: '/pairings/*/replications/*/actions/sync', taskCancel: 'Cancelled by administrator@vsphere.local' });
    const vr = clientOf(sim.url, clock);
    const id = await configuredReplicationId(vr);
    const task = await vr.syncReplication(PAIRING_ID, id);
    await expect(vr.waitForTask(task.id, { timeoutMs: 60_000, description: 'syncing web-01' })).rejects.toThrow(
      'syncing web-01 was cancelled: Cancelled by administrator@vsphere.local',
    );
  });

  it('flags (once per client) a replication read with an RPO or a point-in-time retention outside the API ranges, and returns it unchanged', async () => {
    const warnings: string[] = [];
    const vr = clientOf(sim.url, clock, { onWarning: (message) => warnings.push(message) });
    const id = await configuredReplicationId(vr);
    expect(warnings).toEqual([]);
    sim.setReplicationStatus(id, { rpo: -5, mpit_enabled: true, mpit_instances: 12, mpit_days: 30 });

    const read = await vr.getReplication(PAIRING_ID, id);
    await vr.getReplication(PAIRING_ID, id);
    const expected = [
      `replication web-01 (${id}) as read from the server: rpo is -5, outside the API's range 5..1440 minutes`,
      `replication web-01 (${id}) as read from the server: point-in-time retention of 12 instances/day × 30 days = 360 instances, above the API's maximum of 24`,
    ];
    expect(warnings).toEqual(expected);
    expect(read).toMatchObject({ rpo: -5, mpit_instances: 12, mpit_days: 30 });

    const listed: string[] = [];
    const other = clientOf(sim.url, clock, { onWarning: (message) => listed.push(message) });
    expect((await other.listReplications(PAIRING_ID, { names: ['web-01'] })).map((r) => r.rpo)).toEqual([-5]);
    expect(listed).toEqual(expected);
  });

  it('the client factory of the handlers logs those values as warnings', async () => {
    const lines: string[] = [];
    const log = { info: () => undefined, debug: () => undefined, warn: (message: string) => lines.push(`warn: ${message}`) };
    const connection = replicationSpec(sim.url).connection;
    const vr = createClientFactory({ log, env: SIM_ENV }).get(vrClient, connection);
    const id = await configuredReplicationId(vr);
    sim.setReplicationStatus(id, { rpo: 2000 });
    expect((await vr.getReplication(PAIRING_ID, id))?.rpo).toBe(2000);
    expect(lines).toEqual([`warn: replication web-01 (${id}) as read from the server: rpo is 2000, outside the API's range 5..1440 minutes`]);
  });

  async function configuredReplicationId(vr: VrClient): Promise<string> {
    const pairing = await vr.getPairing(PAIRING_ID);
    await vr.ensureRemoteSession(pairing);
    const localVc = pairing.local_vc_server?.id ?? '';
    const remoteVc = pairing.remote_vc_server?.id ?? '';
    const [vm] = await vr.listVms(PAIRING_ID, localVc, { names: ['web-01'] });
    const disks = await vr.getVmDisks(PAIRING_ID, localVc, vm.id ?? '');
    const [datastore] = (await vr.listDatastores(PAIRING_ID, remoteVc)).filter((d) => d.name === 'ds-b-gold');
    const [task] = await vr.configureReplications(PAIRING_ID, [
      {
        vm_id: vm.id ?? '',
        target_vc_id: remoteVc,
        rpo: 60,
        quiesce_enabled: false,
        network_compression_enabled: false,
        mpit_enabled: false,
        mpit_instances: 0,
        mpit_days: 0,
        auto_replicate_new_disks: true,
        lwd_encryption_enabled: false,
        target_replication_server_id: null,
        disks: disks.map((disk) => ({
          vm_disk: disk,
          enabled_for_replication: true,
          use_seeds: false,
          destination_path: null,
          destination_datastore_id: datastore.id ?? '',
          destination_storage_policy_id: null,
          destination_disk_format: 'SAME_AS_SOURCE',
        })),
      },
    ]);
    const done = await vr.waitForTask(task.id, { timeoutMs: 60_000 });
    return done.entity ?? '';
  }
});

describe('paging links', () => {
  let server: CaptureServer;

  beforeEach(async () => {
    server = await startCaptureServer();
    server.route(`POST ${API}/session`, { body: { session_id: 'sess-1' } });
  });
  afterEach(() => server.close());

  const pageWithNext = (href: string) => ({ body: { list: [{ pairing_id: 'p1' }], _meta: { links: { next: { href } } } } });

  it.each([
    ['the OpenAPI example value', 'string'],
    ['a relative path', 'pairings?offset=1'],
    ['a path outside the API root', '/pairings?offset=1'],
    ['another API version', '/api/rest/vr/v1/pairings?offset=1'],
  ])('refuses a next link that is not under the API root: %s', async (_case, href) => {
    server.route(`GET ${API}/pairings`, pageWithNext(href));
    const vr = clientOf(server.origin, fakeClock());
    const error = await vr.listPairings().catch((e: unknown) => e);
    expect((error as ApiError).errorCode).toBe('INVALID_RESPONSE');
    expect((error as Error).message).toBe(
      `GET ${API}/pairings → 200: unexpected response, the paging link _meta.links.next.href of pairings is not under the API root ${server.origin}${API}: ${JSON.stringify(href)}`,
    );
    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual([`POST ${API}/session`, `GET ${API}/pairings`]);
  });

  it('never sends the session to another host a next link names: only its path is followed, on the configured origin', async () => {
    server.route(`GET ${API}/pairings`, (req) => (req.query === '' ? pageWithNext(`https://elsewhere.example${API}/pairings?offset=1`) : { body: { list: [] } }));
    await clientOf(server.origin, fakeClock()).listPairings();
    expect(server.received(`GET ${API}/pairings`).map((r) => r.query)).toEqual(['', 'offset=1']);
  });

  it('follows absolute and root-relative next links under the API root', async () => {
    server.route(`GET ${API}/pairings`, (req) => {
      if (req.query === '') return pageWithNext(`${server.origin}${API}/pairings?offset=1`);
      if (req.query === 'offset=1') return pageWithNext(`${API}/pairings?offset=2`);
      return { body: { list: [{ pairing_id: 'p3' }], _meta: { links: { next: null } } } };
    });
    const pairings = await clientOf(server.origin, fakeClock()).listPairings();
    expect(pairings.map((p) => p.pairing_id)).toEqual(['p1', 'p1', 'p3']);
    expect(server.received(`GET ${API}/pairings`).map((r) => r.query)).toEqual(['', 'offset=1', 'offset=2']);
  });
});

describe('replicationRangeWarnings', () => {
  const base: RangeCheckedReplication = { id: 'r1', name: 'db-01', rpo: 15, mpit_instances: 3, mpit_days: 5 };

  it('accepts values inside the documented ranges', () => {
    expect(replicationRangeWarnings(base)).toEqual([]);
    expect(replicationRangeWarnings({ ...base, rpo: 5, mpit_instances: 24, mpit_days: 1 })).toEqual([]);
    expect(replicationRangeWarnings({ ...base, rpo: 1440, mpit_instances: 0, mpit_days: 0 })).toEqual([]);
  });

  it('names the field, the range and the value', () => {
    expect(replicationRangeWarnings({ ...base, rpo: 2000 })).toEqual([
      "replication db-01 (r1) as read from the server: rpo is 2000, outside the API's range 5..1440 minutes",
    ]);
    expect(replicationRangeWarnings({ ...base, mpit_instances: -1 })).toEqual([
      "replication db-01 (r1) as read from the server: mpit_instances is -1, negative",
    ]);
    expect(replicationRangeWarnings({ ...base, mpit_days: -2, mpit_instances: 0 })).toEqual([
      "replication db-01 (r1) as read from the server: mpit_days is -2, negative",
    ]);
  });
});

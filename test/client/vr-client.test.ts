import { inspect } from 'node:util';
import { ApiAuthenticationError, ApiError, ApiNotFoundError, isApiError } from '../../lib/client/http/errors';
import { TaskFailedError } from '../../lib/client/tasks';
import type { HttpLogEntry } from '../../lib/client/http/http-client';
import { WaitTimeoutError, type WaitProgress } from '../../lib/client/wait';
import { VrClient, isLocalPairing, parseTime, vrBaseUrl, type VrClientOptions } from '../../lib/client/vr/vr-client';
import type { ConfigureReplicationSpec, Pairing } from '../../lib/client/vr/types';
import { fakeClock, startCaptureServer, type CaptureServer } from './helpers/capture-server';

const BASE = '/api/rest/vr/v2';
const USER = 'administrator@vsphere.local';
const PASSWORD = 'P@ss-w0rd-LOCAL-7731';
const REMOTE_USER = 'admin@remote.local';
const REMOTE_PASSWORD = 'R3mote-PASS-9924';
const basic = (u: string, p: string): string => `Basic ${Buffer.from(`${u}:${p}`).toString('base64')}`;

const PAIRING: Pairing = {
  pairing_id: 'pair-1',
  local_vc_server: { id: 'vc-local', name: 'vc-a' },
  remote_vc_server: { id: 'vc-remote', name: 'vc-b' },
};
const ROBO_PAIRING: Pairing = { pairing_id: 'pair-robo', local_vc_server: { id: 'vc-local' }, remote_vc_server: { id: 'vc-local' } };

describe('VrClient', () => {
  let server: CaptureServer;
  let sessions: number;
  let clock: ReturnType<typeof fakeClock>;
  let logs: HttpLogEntry[];

  beforeEach(async () => {
    server = await startCaptureServer();
    sessions = 0;
    clock = fakeClock();
    logs = [];
    // login hands out sess-1, sess-2, … for the right credentials only
    server.route(`POST ${BASE}/session`, (req) => {
      if (req.headers.authorization !== basic(USER, PASSWORD)) return { status: 401 };
      sessions += 1;
      return { status: 200, body: { session_id: `sess-${sessions}` } };
    });
    server.route(`DELETE ${BASE}/session`, { status: 204 });
    server.route(`POST ${BASE}/pairings/pair-1/remote-session`, (req) =>
      req.headers.authorization === basic(REMOTE_USER, REMOTE_PASSWORD) ? { status: 204 } : { status: 401 },
    );
  });
  afterEach(async () => {
    await server.close();
  });

  function vr(extra: Partial<VrClientOptions> = {}): VrClient {
    return new VrClient({
      endpoint: server.origin,
      credentials: { username: USER, password: PASSWORD },
      remoteCredentials: { username: REMOTE_USER, password: REMOTE_PASSWORD },
      clock,
      random: () => 1,
      logger: (e) => logs.push(e),
      ...extra,
    });
  }

  const calls = (): string[] => server.requests.map((r) => `${r.method} ${r.url.replace(BASE, '')} [${String(r.headers['x-dr-session'] ?? '-')}]`);

  describe('endpoint', () => {
    it('appends /api/rest/vr/v2 unless a gateway path is already there', () => {
      expect(vrBaseUrl('https://vr-a.example.local')).toBe('https://vr-a.example.local/api/rest/vr/v2');
      expect(vrBaseUrl('https://vr-a.example.local/')).toBe('https://vr-a.example.local/api/rest/vr/v2');
      expect(vrBaseUrl('https://vr-a.example.local/api/rest/vr/v2/')).toBe('https://vr-a.example.local/api/rest/vr/v2');
      expect(vrBaseUrl('https://vr-a.example.local:8443/api/rest/vr/v1')).toBe('https://vr-a.example.local:8443/api/rest/vr/v1');
      expect(() => vrBaseUrl('vr-a.example.local')).toThrow(/endpoint must be an absolute https URL/);
    });

    it('rejects missing credentials before any call', () => {
      expect(() => new VrClient({ endpoint: server.origin, credentials: { username: USER, password: '' } })).toThrow('credentials.password must be a non-empty string');
      expect(server.requests).toHaveLength(0);
    });
  });

  describe('session', () => {
    it('logs in lazily with Basic once and sends x-dr-session (not Basic) afterwards', async () => {
      server.route(`GET ${BASE}/info`, { body: { id: 'vrms-a', vc_name: 'vc-a', _meta: { errors: [] } } });
      const client = vr();
      expect(server.requests).toHaveLength(0);
      const [a, b] = await Promise.all([client.getInfo(), client.getInfo()]);
      expect(a).toEqual({ id: 'vrms-a', vc_name: 'vc-a' });
      expect(b).toEqual(a);
      const logins = server.received(`POST ${BASE}/session`);
      expect(logins).toHaveLength(1);
      expect(logins[0]?.headers.authorization).toBe(basic(USER, PASSWORD));
      for (const r of server.received(`GET ${BASE}/info`)) {
        expect(r.headers['x-dr-session']).toBe('sess-1');
        expect(r.headers.authorization).toBeUndefined();
      }
      expect(client.stats).toMatchObject({ logins: 1, requests: 3, retries: 0 });
    });

    it('creates the remote session with x-dr-session AND the remote Basic credentials, once per pairing', async () => {
      const client = vr();
      await client.ensureRemoteSession(PAIRING);
      await client.ensureRemoteSession(PAIRING);
      const remote = server.received(`POST ${BASE}/pairings/pair-1/remote-session`);
      expect(remote).toHaveLength(1);
      expect(remote[0]?.headers['x-dr-session']).toBe('sess-1');
      expect(remote[0]?.headers.authorization).toBe(basic(REMOTE_USER, REMOTE_PASSWORD));
      expect(client.remoteSessionPairings).toEqual(['pair-1']);
    });

    it('uses the local credentials for the remote session when no remote credentials are given', async () => {
      server.route(`POST ${BASE}/pairings/pair-1/remote-session`, { status: 204 });
      await vr({ remoteCredentials: undefined }).createRemoteSession('pair-1');
      expect(server.received(`POST ${BASE}/pairings/pair-1/remote-session`)[0]?.headers.authorization).toBe(basic(USER, PASSWORD));
    });

    it('skips the remote session of a local (ROBO) pairing', async () => {
      expect(isLocalPairing(ROBO_PAIRING)).toBe(true);
      expect(isLocalPairing(PAIRING)).toBe(false);
      await vr().ensureRemoteSession(ROBO_PAIRING);
      expect(server.requests).toHaveLength(0);
    });

    it('on a 401 mid-run logs in again once, recreates the remote session and retries the call', async () => {
      // GIVEN sess-1 expires after the remote session was created
      server.route(`GET ${BASE}/pairings/pair-1/replications`, (req) =>
        req.headers['x-dr-session'] === 'sess-1' ? { status: 401 } : { body: { list: [{ id: 'rep-1', name: 'web-01' }], _meta: { links: { next: null } } } },
      );
      const client = vr();
      await client.ensureRemoteSession(PAIRING);
      // WHEN
      const list = await client.listReplications('pair-1');
      // THEN
      expect(list).toEqual([{ id: 'rep-1', name: 'web-01' }]);
      expect(calls()).toEqual([
        'POST /session [-]',
        'POST /pairings/pair-1/remote-session [sess-1]',
        'GET /pairings/pair-1/replications [sess-1]',
        'POST /session [-]',
        'POST /pairings/pair-1/remote-session [sess-2]',
        'GET /pairings/pair-1/replications [sess-2]',
      ]);
      expect(server.received(`POST ${BASE}/pairings/pair-1/remote-session`)[1]?.headers.authorization).toBe(basic(REMOTE_USER, REMOTE_PASSWORD));
      expect(client.stats.logins).toBe(2);
    });

    it('re-logs in only once when concurrent calls hit the same 401', async () => {
      server.route(`GET ${BASE}/tasks/t1`, (req) => (req.headers['x-dr-session'] === 'sess-1' ? { status: 401 } : { body: { id: 't1', status: 'RUNNING' } }));
      const client = vr();
      await client.login();
      await Promise.all([client.getTask('t1'), client.getTask('t1'), client.getTask('t1')]);
      expect(server.received(`POST ${BASE}/session`)).toHaveLength(2);
    });

    it('a second 401 after the re-login is an ApiAuthenticationError naming endpoint and user, never the password', async () => {
      server.route(`GET ${BASE}/pairings`, { status: 401 });
      const client = vr();
      const error = (await client.listPairings().catch((e: unknown) => e)) as ApiAuthenticationError;
      expect(error).toBeInstanceOf(ApiAuthenticationError);
      expect(error.status).toBe(401);
      expect(error.username).toBe(USER);
      expect(error.message).toBe(
        `GET ${BASE}/pairings → 401 again after logging in again to ${server.origin}${BASE} as "${USER}": ` +
          'the appliance does not accept the new session (check the user’s privileges and that the appliance is healthy)',
      );
      expect(server.received(`GET ${BASE}/pairings`)).toHaveLength(2);
      expect(server.received(`POST ${BASE}/session`)).toHaveLength(2);
    });

    it('a rejected login is an ApiAuthenticationError naming the endpoint and user', async () => {
      const client = vr({ credentials: { username: USER, password: 'wrong-PASSWORD-123' } });
      const error = (await client.getInfo().catch((e: unknown) => e)) as ApiAuthenticationError;
      expect(error).toBeInstanceOf(ApiAuthenticationError);
      expect(error.message).toBe(
        `login to ${server.origin}${BASE} as "${USER}" was rejected (POST /session → 401): check the user name and password (a vCenter SSO user, e.g. administrator@vsphere.local)`,
      );
      expect(inspect(error, { depth: 10 })).not.toContain('wrong-PASSWORD-123');
      expect(server.received(`POST ${BASE}/session`)).toHaveLength(1); // no retry of a rejected login
    });

    it('rejected remote credentials are an ApiAuthenticationError naming the remote user', async () => {
      const client = vr({ remoteCredentials: { username: REMOTE_USER, password: 'bad-REMOTE' } });
      const error = (await client.createRemoteSession('pair-1').catch((e: unknown) => e)) as ApiAuthenticationError;
      expect(error).toBeInstanceOf(ApiAuthenticationError);
      expect(error.username).toBe(REMOTE_USER);
      expect(error.message).toContain(`rejected the login of "${REMOTE_USER}"`);
      expect(client.remoteSessionPairings).toEqual([]);
    });

    it('logout deletes the session and tolerates a 401', async () => {
      server.route(`DELETE ${BASE}/session`, { status: 401 });
      const client = vr();
      await client.login();
      await expect(client.logout()).resolves.toBeUndefined();
      expect(server.received(`DELETE ${BASE}/session`)[0]?.headers['x-dr-session']).toBe('sess-1');
      await client.logout(); // no session: nothing sent
      expect(server.received(`DELETE ${BASE}/session`)).toHaveLength(1);
    });
  });

  describe('request shapes', () => {
    it('follows _meta.links.next (full URL, then path) across 3 pages and returns every item', async () => {
      server.route(`GET ${BASE}/pairings`, (req) => {
        if (req.query === '') return { body: { list: [{ pairing_id: 'p1' }], _meta: { links: { next: { href: `${server.origin}${BASE}/pairings?offset=1&limit=1` } } } } };
        if (req.query === 'offset=1&limit=1') return { body: { list: [{ pairing_id: 'p2' }], _meta: { links: { next: { href: `${BASE}/pairings?offset=2&limit=1` } } } } };
        return { body: { list: [{ pairing_id: 'p3' }], _meta: { links: { next: null, self: { href: 'x' } } } } };
      });
      const pairings = await vr().listPairings();
      expect(pairings.map((p) => p.pairing_id)).toEqual(['p1', 'p2', 'p3']);
      expect(server.received(`GET ${BASE}/pairings`).map((r) => r.query)).toEqual(['', 'offset=1&limit=1', 'offset=2&limit=1']);
    });

    it('fails instead of looping forever when a next link points back to a page already read', async () => {
      server.route(`GET ${BASE}/tasks`, { body: { list: [], _meta: { links: { next: { href: `${BASE}/tasks` } } } } });
      await expect(vr().listTasks()).rejects.toThrow(/loops back/);
    });

    it('filters VMs by name with the exact repeated-filter query string and encodes ids in the path', async () => {
      server.route(`GET ${BASE}/pairings/pair-1/vcenters/vc-local/vms`, { body: { list: [{ id: 'VirtualMachine:vm-80:vc-local', name: 'web-01' }] } });
      const client = vr();
      await client.listVms('pair-1', 'vc-local', { names: ['web-01', 'web-02'] });
      await client.listVms('pair-1', 'vc-local', { suitableForReplication: true, names: ['web-01'] });
      expect(await client.listVms('pair-1', 'vc-local', { names: [] })).toEqual([]);
      const queries = server.received(`GET ${BASE}/pairings/pair-1/vcenters/vc-local/vms`).map((r) => r.query);
      expect(queries).toEqual(['filter_property=name&filter=web-01&filter=web-02', 'suitable_for_replication=true&filter_property=name&filter=web-01']);

      server.route(`GET ${BASE}/pairings/pair-1/vcenters/vc-local/vms/VirtualMachine%3Avm-80%3Avc-local/disks`, { body: { list: [{ vm_id: 'VirtualMachine:vm-80:vc-local', device_key: 2000 }] } });
      const disks = await client.getVmDisks('pair-1', 'vc-local', 'VirtualMachine:vm-80:vc-local');
      expect(disks).toEqual([{ vm_id: 'VirtualMachine:vm-80:vc-local', device_key: 2000 }]);
    });

    it('filters replications by VM id, name or id and passes source_vc_guid / extended_info', async () => {
      server.route(`GET ${BASE}/pairings/pair-1/replications`, { body: { list: [] } });
      const client = vr();
      await client.listReplications('pair-1', { sourceVcGuid: 'vc-local', extendedInfo: true, vmIds: ['VirtualMachine:vm-1:g'] });
      await client.listReplications('pair-1', { names: ['web-01'] });
      await client.listReplications('pair-1', { ids: ['GID-1', 'GID-2'] });
      expect(await client.listReplications('pair-1', { ids: [] })).toEqual([]);
      expect(server.received(`GET ${BASE}/pairings/pair-1/replications`).map((r) => r.query)).toEqual([
        'source_vc_guid=vc-local&extended_info=true&filter_property=vm_id&filter=VirtualMachine%3Avm-1%3Ag',
        'filter_property=name&filter=web-01',
        'filter_property=id&filter=GID-1&filter=GID-2',
      ]);
      await expect(client.listReplications('pair-1', { names: ['a'], vmIds: ['b'] })).rejects.toThrow(
        'listReplications: filter by one of ids, vmIds and names (the API filters on one property)',
      );
    });

    it('configures replications with a JSON ARRAY body and returns one task per spec', async () => {
      server.route(`POST ${BASE}/pairings/pair-1/replications`, {
        status: 202,
        body: { list: [{ id: 'task-1', status: 'QUEUED', queued_time: '1700000000000' }], _meta: {} },
      });
      const spec: ConfigureReplicationSpec = {
        vm_id: 'VirtualMachine:vm-80:vc-local',
        target_vc_id: 'vc-remote',
        rpo: 60,
        network_compression_enabled: false,
        mpit_enabled: false,
        auto_replicate_new_disks: true,
        lwd_encryption_enabled: false,
        target_replication_server_id: null,
        disks: [],
      };
      const tasks = await vr().configureReplications('pair-1', [spec]);
      expect(tasks).toEqual([{ id: 'task-1', status: 'QUEUED', queued_time: 1_700_000_000_000 }]);
      const sent = server.received(`POST ${BASE}/pairings/pair-1/replications`)[0];
      expect(sent?.rawBody.startsWith('[')).toBe(true);
      expect(sent?.body).toEqual([spec]);
      expect(sent?.headers['content-type']).toBe('application/json');
    });

    it('sends retain_replica_disks / force explicitly and the check-compliance body as an array of ids', async () => {
      const task = { status: 202, body: { id: 't', status: 'QUEUED' } };
      server.route(`POST ${BASE}/pairings/pair-1/replications/rep%3A1/actions/unconfigure`, task);
      server.route(`DELETE ${BASE}/pairings/pair-1/replications/rep%3A1`, task);
      server.route(`DELETE ${BASE}/pairings/pair-1`, task);
      server.route(`POST ${BASE}/pairings/pair-1/replications/rep%3A1/actions/reconfigure`, task);
      server.route(`POST ${BASE}/pairings/pair-1/vcenters/vc-remote/storage-policies/pol-1/actions/check-compliance`, {
        body: { list: [{ storage_policy_id: 'pol-1', datastore: 'ds-1', compliant: true }] },
      });
      const client = vr();
      await client.unconfigureReplication('pair-1', 'rep:1', { retainReplicaDisks: true });
      await client.deleteReplication('pair-1', 'rep:1', { retainReplicaDisks: false });
      await client.deletePairing('pair-1');
      await client.reconfigureReplication('pair-1', 'rep:1', { rpo: 30, network_compression_enabled: true, mpit_enabled: false, auto_replicate_new_disks: true, lwd_encryption_enabled: false, disks: [] });
      const compliance = await client.checkStoragePolicyCompliance('pair-1', 'vc-remote', 'pol-1', ['ds-1', 'ds-2']);
      expect(compliance).toEqual([{ storage_policy_id: 'pol-1', datastore: 'ds-1', compliant: true }]);
      expect(calls().slice(1)).toEqual([
        'POST /pairings/pair-1/replications/rep%3A1/actions/unconfigure?retain_replica_disks=true [sess-1]',
        'DELETE /pairings/pair-1/replications/rep%3A1?retain_replica_disks=false [sess-1]',
        'DELETE /pairings/pair-1?force=false [sess-1]',
        'POST /pairings/pair-1/replications/rep%3A1/actions/reconfigure [sess-1]',
        'POST /pairings/pair-1/vcenters/vc-remote/storage-policies/pol-1/actions/check-compliance [sess-1]',
      ]);
      expect(server.requests.at(-2)?.body).toMatchObject({ rpo: 30 });
      expect(server.requests.at(-1)?.body).toEqual(['ds-1', 'ds-2']);
    });

    it('returns undefined for a missing replication but throws ApiNotFoundError for a missing pairing', async () => {
      server.route(`GET ${BASE}/pairings/pair-1/replications/gone`, { status: 404 });
      server.route(`GET ${BASE}/pairings/nope`, { status: 404 });
      const client = vr();
      await expect(client.getReplication('pair-1', 'gone')).resolves.toBeUndefined();
      await expect(client.getPairing('nope')).rejects.toBeInstanceOf(ApiNotFoundError);
    });

    it('retries a 503 with Retry-After: 2 after exactly 2000 ms of injected sleep', async () => {
      server.route(`GET ${BASE}/info`, (_r, n) => (n === 1 ? { status: 503, headers: { 'retry-after': '2' } } : { body: { id: 'vrms-a' } }));
      const client = vr();
      await expect(client.getInfo()).resolves.toEqual({ id: 'vrms-a' });
      expect(clock.sleeps).toEqual([2000]);
      expect(client.stats).toMatchObject({ retries: 1 });
    });

    it('does not retry a configure POST whose connection was reset', async () => {
      server.route(`POST ${BASE}/pairings/pair-1/replications`, { reset: true });
      const error: unknown = await vr().configureReplications('pair-1', [{ vm_id: 'v' } as ConfigureReplicationSpec]).catch((e: unknown) => e);
      expect(isApiError(error) && error.status).toBe(0);
      expect(server.received(`POST ${BASE}/pairings/pair-1/replications`)).toHaveLength(1);
    });

    it('puts the error body into the ApiError fields', async () => {
      server.route(`POST ${BASE}/pairings/pair-1/replications/r1/actions/pause`, {
        status: 400,
        body: { error_code: 'VR.ALREADY_PAUSED', message: 'the replication is already paused', op_id: '0b7a-op' },
      });
      const error = (await vr().pauseReplication('pair-1', 'r1').catch((e: unknown) => e)) as ApiError;
      expect({ status: error.status, errorCode: error.errorCode, opId: error.opId, message: error.message }).toEqual({
        status: 400,
        errorCode: 'VR.ALREADY_PAUSED',
        opId: '0b7a-op',
        message: `POST ${BASE}/pairings/pair-1/replications/r1/actions/pause → 400 VR.ALREADY_PAUSED: the replication is already paused (op_id 0b7a-op)`,
      });
    });

    it('requires an explicit replica-disk choice and non-empty ids before any call', async () => {
      const client = vr();
      // @ts-expect-error the option is required
      await expect(client.unconfigureReplication('pair-1', 'r1', {})).rejects.toThrow(/retainReplicaDisks must be true or false/);
      await expect(client.getTask('')).rejects.toThrow('taskId must be a non-empty string');
      expect(server.requests).toHaveLength(0);
    });
  });

  describe('waitForTask', () => {
    it('polls with backoff, then at the time progress predicts, until SUCCESS; reports progress and normalises string times', async () => {
      const states = [
        { id: 't1', status: 'QUEUED', description: 'Configure replication', entity_name: 'web-01' },
        { id: 't1', status: 'RUNNING', progress: 40 },
        { id: 't1', status: 'RUNNING', progress: 80 },
        { id: 't1', status: 'SUCCESS', progress: 100, entity: 'rep-9', start_time: '2024-05-01T10:00:00Z', complete_time: 1714557660000 },
      ];
      server.route(`GET ${BASE}/tasks/t1`, (_r, n) => ({ body: states[Math.min(n, states.length) - 1] }));
      const client = vr();
      const progress: WaitProgress[] = [];
      const task = await client.waitForTask('t1', { timeoutMs: 60_000, onProgress: (p) => progress.push(p) });
      expect(task).toEqual({ id: 't1', status: 'SUCCESS', progress: 100, entity: 'rep-9', start_time: Date.parse('2024-05-01T10:00:00Z'), complete_time: 1714557660000 });
      // 40 % at 500 ms, 80 % at 1500 ms: 0.04 %/ms, so the last 20 % take 500 ms (+ one percent's time, 25 ms).
      expect(clock.sleeps).toEqual([500, 1000, 525]);
      expect(progress.map((p) => [p.attempt, p.progress, p.detail])).toEqual([
        [1, undefined, 'QUEUED'],
        [2, 40, 'RUNNING 40%'],
        [3, 80, 'RUNNING 80%'],
      ]);
      expect(client.stats.taskPolls).toBe(4);
    });

    it('throws TaskFailedError with the task error message when the task ends ERROR', async () => {
      server.route(`GET ${BASE}/tasks/t2`, {
        body: { id: 't2', status: 'ERROR', description: 'Configure replication', entity_name: 'web-01', error: { message: 'Not enough space on datastore ds-1', details: 'x' } },
      });
      const error = (await vr().waitForTask('t2', { timeoutMs: 60_000 }).catch((e: unknown) => e)) as TaskFailedError;
      expect(error).toBeInstanceOf(TaskFailedError);
      expect({ taskId: error.taskId, taskStatus: error.taskStatus, taskErrorMessage: error.taskErrorMessage }).toEqual({
        taskId: 't2',
        taskStatus: 'ERROR',
        taskErrorMessage: 'Not enough space on datastore ds-1',
      });
      expect(error.message).toBe('task t2 (Configure replication web-01) ended ERROR: Not enough space on datastore ds-1');
    });

    it('throws TaskFailedError for CANCELLED', async () => {
      server.route(`GET ${BASE}/tasks/t3`, { body: { id: 't3', status: 'CANCELLED' } });
      await expect(vr().waitForTask('t3', { timeoutMs: 60_000 })).rejects.toMatchObject({ name: 'TaskFailedError', taskStatus: 'CANCELLED', message: 'task t3 was cancelled' });
    });

    it('times out with a WaitTimeoutError naming the task, the timeout and the last state', async () => {
      server.route(`GET ${BASE}/tasks/t4`, { body: { id: 't4', status: 'RUNNING', progress: 10, description: 'Sync replication', entity_name: 'db-01' } });
      const error = (await vr().waitForTask('t4', { timeoutMs: 5000, minDelayMs: 1000, maxDelayMs: 2000 }).catch((e: unknown) => e)) as WaitTimeoutError;
      expect(error).toBeInstanceOf(WaitTimeoutError);
      expect(error.message).toMatch(/^timed out after 5 s waiting for task t4 \(Sync replication db-01\) \(\d+ checks; last state: RUNNING 10%\)/);
      expect(clock.sleeps.reduce((a, b) => a + b, 0)).toBe(5000);
    });
  });

  describe('redaction', () => {
    it('never puts the password, the Basic header or a session id in log entries or error messages', async () => {
      // GIVEN a run with a login, a remote session, an expired session, a server error and a failed re-auth
      server.route(`GET ${BASE}/pairings/pair-1/replications`, (req) => (req.headers['x-dr-session'] === 'sess-1' ? { status: 401 } : { status: 500, body: { error_code: 'X', message: 'boom', op_id: 'op-1' } }));
      server.route(`GET ${BASE}/pairings`, { status: 401 });
      const client = vr();
      await client.ensureRemoteSession(PAIRING);
      const errors: unknown[] = [];
      errors.push(await client.listReplications('pair-1').catch((e: unknown) => e));
      errors.push(await client.listPairings().catch((e: unknown) => e));
      errors.push(await vr({ credentials: { username: USER, password: `${PASSWORD}-typo` } }).getInfo().catch((e: unknown) => e));
      expect(errors.every((e) => isApiError(e))).toBe(true);

      const secrets = [
        PASSWORD,
        REMOTE_PASSWORD,
        basic(USER, PASSWORD).slice('Basic '.length),
        basic(REMOTE_USER, REMOTE_PASSWORD).slice('Basic '.length),
        basic(USER, `${PASSWORD}-typo`).slice('Basic '.length),
        'sess-1',
        'sess-2',
        'sess-3',
      ];
      const text = [JSON.stringify(logs), ...errors.map((e) => `${(e as Error).message} ${inspect(e, { depth: 20, showHidden: true })} ${JSON.stringify(e)}`)].join('\n');
      expect(logs.length).toBeGreaterThan(5);
      for (const secret of secrets) expect(text).not.toContain(secret);
      // and the server really did receive those secrets, so the test would catch a leak
      expect(server.requests.some((r) => r.headers['x-dr-session'] === 'sess-2')).toBe(true);
    });
  });
});

describe('parseTime', () => {
  it('accepts epoch numbers, numeric strings and ISO strings', () => {
    expect(parseTime(1714557600000)).toBe(1714557600000);
    expect(parseTime('1714557600000')).toBe(1714557600000);
    expect(parseTime('2024-05-01T10:00:00Z')).toBe(1714557600000);
    expect(parseTime(null)).toBeNull();
    expect(parseTime('not a date')).toBeNull();
  });
});

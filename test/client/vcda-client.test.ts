/**
 * VcdaClient against a capture server with fake time: the login body and header, the versioned Accept header, one
 * re-login on 401 with the session extended again, logout, offset/limit paging with filters, the task states and
 * progress, the error body {code,msg} and no secret in any message.
 */
import { ApiAuthenticationError, ApiError } from '../../lib/client/http/errors';
import { TaskFailedError } from '../../lib/client/tasks';
import { VcdaClient, type VcdaClientOptions } from '../../lib/client/vcda/vcda-client';
import type { VcdaReplication, VcdaStartReplication, VcdaTask } from '../../lib/client/vcda/types';
import { fakeClock, startCaptureServer, type CaptureServer } from './helpers/capture-server';

const PASSWORD = 's3cret-Pa55';
const REMOTE_PASSWORD = 'r3mote-Pa55';
let server: CaptureServer;

beforeEach(async () => {
  server = await startCaptureServer();
});
afterEach(async () => server.close());

function client(extra: Partial<VcdaClientOptions> = {}): VcdaClient {
  return new VcdaClient({
    endpoint: `${server.origin}/vcda`,
    credentials: { username: 'vcda-admin@org1', password: PASSWORD },
    remoteCredentials: { username: 'vcda-admin@org2', password: REMOTE_PASSWORD },
    clock: fakeClock(),
    random: () => 0.5,
    retry: { maxAttempts: 1 },
    ...extra,
  });
}

function task(state: VcdaTask['state'], progress: number, extra: Partial<VcdaTask> = {}): VcdaTask {
  return { id: 'task-1', state, progress, startTime: 1, endTime: state === 'RUNNING' || state === 'QUEUED' ? -1 : 2, site: 'site2', ...extra };
}

function replication(id: string, vmId: string): VcdaReplication {
  return { id, owner: 'org1@site1', source: { site: 'site1', vmId }, destination: { site: 'site2', vdcId: 'vdc-1' }, settings: { rpo: 60 } };
}

describe('session', () => {
  test('logs in with the vcdCredentials body and sends the X-VCAV-Auth token and the versioned Accept header', async () => {
    server.route('GET /vcda/sites', { body: [{ site: 'site1', isLocal: true }] });
    server.route('POST /vcda/sessions', { headers: { 'X-VCAV-Auth': 'token-A' }, body: { user: 'u', roles: [], authenticatedSites: [] } });
    const sites = await client().listSites();
    expect(sites).toEqual([{ site: 'site1', isLocal: true }]);
    const [login] = server.received('POST /vcda/sessions');
    expect(login?.body).toEqual({ type: 'vcdCredentials', vcdUser: 'vcda-admin@org1', vcdPassword: PASSWORD });
    const [get] = server.received('GET /vcda/sites');
    expect(get?.headers['x-vcav-auth']).toBe('token-A');
    expect(get?.headers.accept).toBe('application/vnd.vmware.h4-v4+json;charset=UTF-8');
  });

  test('localUser and ssoCredentials bodies; the API version is configurable', async () => {
    server.route('POST /vcda/sessions', { headers: { 'X-VCAV-Auth': 'token-remote-test' }, body: { user: 'u', roles: [], authenticatedSites: [] } });
    server.route('GET /vcda/sites', { body: [] });
    await client({ loginType: 'localUser', apiVersion: 'v4.7' }).listSites();
    await client({ loginType: 'ssoCredentials' }).login();
    const [local, sso] = server.received('POST /vcda/sessions');
    expect(local?.body).toEqual({ type: 'localUser', localUser: 'vcda-admin@org1', localPassword: PASSWORD });
    expect(sso?.body).toEqual({ type: 'ssoCredentials', username: 'vcda-admin@org1', password: PASSWORD });
    expect(server.received('GET /vcda/sites')[0]?.headers.accept).toBe('application/vnd.vmware.h4-v4.7+json;charset=UTF-8');
  });

  test('a rejected login names the user and type, never the password', async () => {
    server.route('POST /vcda/sessions', { status: 401, body: { code: 'NotAuthenticated', msg: 'Authentication required.', args: [], stacktrace: null } });
    const error = await client().login().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiAuthenticationError);
    expect((error as Error).message).toBe(
      `login to ${server.origin}/vcda as "vcda-admin@org1" (vcdCredentials) was rejected (POST /sessions → 401 NotAuthenticated): check the user name, the password and the login type`,
    );
    expect(JSON.stringify(error)).not.toContain(PASSWORD);
  });

  test('extends the session to a remote site once, and again after a 401 forced a re-login', async () => {
    let n = 0;
    server.route('POST /vcda/sessions', () => ({ headers: { 'X-VCAV-Auth': `token-${++n}` }, body: { user: 'u', roles: [], authenticatedSites: [] } }));
    server.route('POST /vcda/sessions/extend', { body: { user: 'u', roles: [], authenticatedSites: [{ site: 'site2' }] } });
    server.route('GET /vcda/sites', (req) => (req.headers['x-vcav-auth'] === 'token-1' && n === 1 && server.received('GET /vcda/sites').length === 1
      ? { status: 401, body: { code: 'NotAuthenticated', msg: 'expired' } }
      : { body: [] }));
    const c = client();
    await c.extendSession('site2');
    await c.extendSession('site2');
    await c.listSites();
    const extends_ = server.received('POST /vcda/sessions/extend');
    expect(extends_.map((r) => [r.headers['x-vcav-auth'], r.body])).toEqual([
      ['token-1', { type: 'credentials', site: 'site2', vcdUsername: 'vcda-admin@org2', vcdPassword: REMOTE_PASSWORD }],
      ['token-2', { type: 'credentials', site: 'site2', vcdUsername: 'vcda-admin@org2', vcdPassword: REMOTE_PASSWORD }],
    ]);
    expect(server.received('GET /vcda/sites').map((r) => r.headers['x-vcav-auth'])).toEqual(['token-1', 'token-2']);
    expect(c.stats.logins).toBe(2);
  });

  test('a remote site rejecting the extension names the site and the remote user', async () => {
    server.route('POST /vcda/sessions', { headers: { 'X-VCAV-Auth': 'token-remote-test' }, body: { user: 'u', roles: [], authenticatedSites: [] } });
    server.route('POST /vcda/sessions/extend', { status: 401, body: { code: 'RemoteAuthenticationFailure', msg: 'bad remote credentials' } });
    const error = await client().extendSession('site2').catch((e: unknown) => e);
    expect((error as Error).message).toBe(
      'site site2 rejected the login of "vcda-admin@org2" (POST /vcda/sessions/extend → 401 RemoteAuthenticationFailure): check the remote credentials (a Cloud Director user of site2)',
    );
    expect(JSON.stringify(error) + String(error)).not.toContain(REMOTE_PASSWORD);
  });

  test('logout sends DELETE /sessions with the token; nothing when never logged in', async () => {
    server.route('POST /vcda/sessions', { headers: { 'X-VCAV-Auth': 'tok' }, body: { user: 'u', roles: [], authenticatedSites: [] } });
    server.route('DELETE /vcda/sessions', { status: 204 });
    await client().logout();
    expect(server.received('DELETE /vcda/sessions')).toHaveLength(0);
    const c = client();
    await c.login();
    await c.logout();
    expect(server.received('DELETE /vcda/sessions').map((r) => r.headers['x-vcav-auth'])).toEqual(['tok']);
  });
});

describe('replications', () => {
  beforeEach(() => {
    server.route('POST /vcda/sessions', { headers: { 'X-VCAV-Auth': 'tok' }, body: { user: 'u', roles: [], authenticatedSites: [] } });
  });

  test('lists every page with offset/limit and the filters', async () => {
    const all = [replication('C4-1', 'vm-1'), replication('C4-2', 'vm-2'), replication('C4-3', 'vm-3')];
    server.route('GET /vcda/vm-replications', (req) => {
      const q = new URLSearchParams(req.query);
      const offset = Number(q.get('offset'));
      return { body: { items: all.slice(offset, offset + Number(q.get('limit'))), total: all.length } };
    });
    const list = await client({ pageSize: 2 }).listReplications({ destinationVdcId: 'vdc-1', ids: ['C4-1', 'C4-2', 'C4-3'] });
    expect(list.map((r) => r.id)).toEqual(['C4-1', 'C4-2', 'C4-3']);
    expect(server.received('GET /vcda/vm-replications').map((r) => r.query)).toEqual([
      'ids=C4-1%2CC4-2%2CC4-3&destinationVdcId=vdc-1&offset=0&limit=2',
      'ids=C4-1%2CC4-2%2CC4-3&destinationVdcId=vdc-1&offset=2&limit=2',
    ]);
  });

  test('filters by source VM with ?vmId=', async () => {
    server.route('GET /vcda/vm-replications', { body: { items: [replication('C4-2', 'vm-2')], total: 1 } });
    const list = await client().listReplications({ vmId: 'vm-2', site: 'site1' });
    expect(list.map((r) => r.id)).toEqual(['C4-2']);
    expect(server.received('GET /vcda/vm-replications').map((r) => r.query)).toEqual(['site=site1&vmId=vm-2&offset=0&limit=100']);
  });

  test('an empty ids filter sends nothing; a missing replication reads as undefined (404)', async () => {
    server.route('GET /vcda/vm-replications/C4-gone', { status: 404, body: { code: 'NotFound', msg: 'Replication C4-gone not found.' } });
    const c = client();
    expect(await c.listReplications({ ids: [] })).toEqual([]);
    expect(await c.getReplication('C4-gone')).toBeUndefined();
    expect(server.received('GET /vcda/vm-replications')).toHaveLength(0);
  });

  test('start, reconfigure, storage profile, pause, resume, sync and delete send their bodies and return the task', async () => {
    const accepted = { status: 202, body: task('RUNNING', 0) };
    for (const route of ['POST /vcda/vm-replications', 'PATCH /vcda/vm-replications/C4-1', 'POST /vcda/vm-replications/C4-1/storage-profile',
      'POST /vcda/vm-replications/C4-1/pause', 'POST /vcda/vm-replications/C4-1/resume', 'POST /vcda/vm-replications/C4-1/sync', 'DELETE /vcda/vm-replications/C4-1']) {
      server.route(route, accepted);
    }
    const body: VcdaStartReplication = {
      source: { type: 'vm', site: 'site1', vmId: 'vm-1', excludedDisks: [2001] },
      destination: { type: 'vcloud', site: 'site2', vdc: 'vdc-1', storageProfile: '*' },
      rpo: 60,
      initialSyncTime: 0,
      isMigration: false,
    };
    const c = client();
    expect((await c.startReplication(body)).id).toBe('task-1');
    await c.reconfigureReplication('C4-1', { rpo: 30 }, { site: 'site1' });
    await c.changeStorageProfile('C4-1', 'sp-gold');
    await c.pauseReplication('C4-1');
    await c.resumeReplication('C4-1');
    await c.syncReplication('C4-1');
    await c.deleteReplication('C4-1');
    expect(server.requests.filter((r) => r.path !== '/vcda/sessions').map((r) => [r.method, r.url, r.body])).toEqual([
      ['POST', '/vcda/vm-replications', body],
      ['PATCH', '/vcda/vm-replications/C4-1?site=site1', { rpo: 30 }],
      ['POST', '/vcda/vm-replications/C4-1/storage-profile', { storageProfileId: 'sp-gold' }],
      ['POST', '/vcda/vm-replications/C4-1/pause', undefined],
      ['POST', '/vcda/vm-replications/C4-1/resume', undefined],
      ['POST', '/vcda/vm-replications/C4-1/sync', undefined],
      ['DELETE', '/vcda/vm-replications/C4-1', undefined],
    ]);
  });

  test('an API error reads {code, msg}', async () => {
    server.route('POST /vcda/vm-replications', { status: 400, body: { code: 'BadUserInput', msg: 'Unknown vDC nope.', args: ['nope'], stacktrace: 'com.vmware…' } });
    const error = await client().startReplication({ source: { type: 'vm', site: 'site1', vmId: 'v' }, destination: { type: 'vcloud', site: 'site2', vdc: 'nope' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, errorCode: 'BadUserInput', serverMessage: 'Unknown vDC nope.' });
  });
});

describe('tasks', () => {
  beforeEach(() => {
    server.route('POST /vcda/sessions', { headers: { 'X-VCAV-Auth': 'tok' }, body: { user: 'u', roles: [], authenticatedSites: [] } });
  });

  test('polls the task on its site through QUEUED and RUNNING with progress until SUCCEEDED', async () => {
    const states = [task('QUEUED', 0), task('RUNNING', 40), task('SUCCEEDED', 100, { result: { id: 'C4-1' } })];
    server.route('GET /vcda/tasks/task-1', (_req, count) => ({ body: states[Math.min(count, states.length) - 1] }));
    const progress: (string | undefined)[] = [];
    const c = client();
    const done = await c.waitForTask({ id: 'task-1', site: 'site2' }, { timeoutMs: 60_000, onProgress: (p) => progress.push(p.detail) });
    expect(done.result).toEqual({ id: 'C4-1' });
    expect(progress).toEqual(['QUEUED 0%', 'RUNNING 40%']);
    expect(server.received('GET /vcda/tasks/task-1').map((r) => r.query)).toEqual(['site=site2', 'site=site2', 'site=site2']);
    expect(c.stats.taskPolls).toBe(3);
  });

  test('a FAILED task is a TaskFailedError quoting the task error code and message', async () => {
    server.route('GET /vcda/tasks/task-1', { body: task('FAILED', 100, { error: { code: 'Forbidden', msg: 'Permission denied.', args: [] }, workflowInfo: { type: 'startVmReplication', resourceName: 'vcd-web-01' } }) });
    const error = await client().waitForTask({ id: 'task-1' }, { timeoutMs: 60_000 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TaskFailedError);
    expect((error as Error).message).toBe('task task-1 (startVmReplication vcd-web-01) ended FAILED: Forbidden: Permission denied.');
  });
});

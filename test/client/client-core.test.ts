/**
 * The client core under every vendor client, against a capture server with fake time: the resolved config sends the
 * vendor's headers and signs each attempt with the clock's time; a client without sessions turns a 401 into the
 * vendor's error; a session client logs in once, sends its token in the vendor's header, logs in again once on a 401
 * and says what to check when the fresh session is refused too, makes its extensions and logs out; task waits count
 * their polls; the shared checks name the field and the value given.
 */
import { ClientCore, SessionClientCore, type SessionWiring } from '../../lib/client/core/client-core';
import { httpEndpoint, isRecord, pageSizeOf, requireCredentials, requireId } from '../../lib/client/core/guards';
import { ApiAuthenticationError, ApiError } from '../../lib/client/http/errors';
import { plainHttpProfile } from '../../lib/client/http/vendor';
import { fakeClock, startCaptureServer, type CaptureServer } from './helpers/capture-server';

let server: CaptureServer;
beforeEach(async () => {
  server = await startCaptureServer();
});
afterEach(async () => server.close());

const START = Date.UTC(2026, 10, 23, 21, 0, 0);

function vendor(extra: { headers?: Record<string, string>; sign?: (request: unknown, now: number) => Record<string, string> } = {}) {
  return { profile: { ...plainHttpProfile, secretHeaders: ['x-token'] }, baseUrl: (endpoint: string) => `${httpEndpoint(endpoint, 'https://api.example')}/api`, ...extra };
}

function wiring(extra: Partial<SessionWiring> = {}): SessionWiring {
  return {
    header: 'x-token',
    username: 'alice',
    login: {
      request: { path: '/login', body: { user: 'alice' } },
      tokenOf: (res) => (isRecord(res.data) && typeof res.data['token'] === 'string' ? res.data['token'] : undefined),
      noToken: 'the login answer has no token',
      rejected: (err) => new Error(`login refused (${err.status})`),
    },
    logoutPath: '/login',
    rejectedAgainCheck: 'the user’s rights',
    extension: { request: (site) => ({ path: '/extend', body: { site } }), rejected: (site, err) => new Error(`site ${site} refused (${err.status})`) },
    ...extra,
  };
}

describe('resolved config', () => {
  test('the vendor base URL, its headers on every request, and a signature made with the clock’s time for each attempt', async () => {
    server.route('GET /api/things', { body: { ok: true } });
    const signedAt: number[] = [];
    const core = new ClientCore(
      { endpoint: `${server.origin}/`, clock: fakeClock(START), random: () => 0.5, retry: { maxAttempts: 1 } },
      vendor({ headers: { accept: 'application/vnd.example+json' }, sign: (_request, now) => (signedAt.push(now), { 'x-signed-at': String(now) }) }),
    );
    await core.send({ method: 'GET', path: '/things' });
    expect(core.baseUrl).toBe(`${server.origin}/api`);
    const [request] = server.received('GET /api/things');
    expect(request?.headers['accept']).toBe('application/vnd.example+json');
    expect(request?.headers['x-signed-at']).toBe(String(START));
    expect(signedAt).toEqual([START]);
    expect(core.stats).toEqual({ requests: 1, retries: 0, logins: 0, taskPolls: 0 });
  });

  test('an endpoint that is not a URL is refused naming the field, an example and the value', () => {
    expect(() => new ClientCore({ endpoint: 'api.example' }, vendor())).toThrow('endpoint must be an absolute https URL such as https://api.example, got "api.example"');
  });
});

describe('without a session', () => {
  test('a 401 is the vendor’s authentication error; other errors pass unchanged', async () => {
    server.route('GET /api/secret', { status: 401, body: {} });
    server.route('GET /api/missing', { status: 404, body: {} });
    const core = new ClientCore({ endpoint: server.origin, retry: { maxAttempts: 1 } }, vendor(), {
      rejected: (err) => new ApiAuthenticationError({ status: err.status, method: err.method, url: err.url }, 'check the token'),
    });
    await expect(core.send({ method: 'GET', path: '/secret' })).rejects.toThrow(new ApiAuthenticationError({ status: 401, method: 'GET', url: '' }, 'check the token'));
    await expect(core.send({ method: 'GET', path: '/missing' })).rejects.toMatchObject({ status: 404 });
  });
});

describe('with a session', () => {
  test('logs in once (POST, counted), sends the token in the vendor header, extends, and logs out with DELETE', async () => {
    server.route('POST /api/login', { body: { token: 'tok-1' } });
    server.route('POST /api/extend', { body: {} });
    server.route('GET /api/things', { body: [] });
    server.route('DELETE /api/login', { status: 204 });
    const core = new SessionClientCore({ endpoint: server.origin, retry: { maxAttempts: 1 } }, vendor(), wiring());
    await Promise.all([core.send({ method: 'GET', path: '/things' }), core.send({ method: 'GET', path: '/things' })]);
    await core.session.extend('site-b');
    await core.logout();
    expect(server.requests.map((r) => `${r.method} ${r.path} ${String(r.headers['x-token'])}`)).toEqual([
      'POST /api/login undefined',
      'GET /api/things tok-1',
      'GET /api/things tok-1',
      'POST /api/extend tok-1',
      'DELETE /api/login tok-1',
    ]);
    expect(server.received('POST /api/login')[0]?.body).toEqual({ user: 'alice' });
    expect(server.received('POST /api/extend')[0]?.body).toEqual({ site: 'site-b' });
    expect(core.stats.logins).toBe(1);
    expect(core.session.extensions).toEqual([]);
  });

  test('a 401 logs in again once and makes the extensions again; refused again, the error names the user and what to check', async () => {
    let logins = 0;
    server.route('POST /api/login', () => ({ body: { token: `tok-${++logins}` } }));
    server.route('POST /api/extend', { body: {} });
    server.route('GET /api/things', { status: 401, body: {} });
    const core = new SessionClientCore({ endpoint: server.origin, retry: { maxAttempts: 1 } }, vendor(), wiring());
    await core.session.extend('site-b');
    const failure = core.send({ method: 'GET', path: '/things' });
    await expect(failure).rejects.toThrow(
      `GET /api/things → 401 again after logging in again to ${server.origin}/api as "alice": the appliance does not accept the new session ` +
        '(check the user’s rights and that the appliance is healthy)',
    );
    await expect(failure).rejects.toBeInstanceOf(ApiAuthenticationError);
    expect(server.received('POST /api/extend').map((r) => r.headers['x-token'])).toEqual(['tok-1', 'tok-2']);
    expect(core.stats.logins).toBe(2);
  });

  test('a refused login is the vendor’s error; a login answer without a token is an invalid response', async () => {
    server.route('POST /api/login', { status: 403, body: {} });
    const refused = new SessionClientCore({ endpoint: server.origin, retry: { maxAttempts: 1 } }, vendor(), wiring());
    await expect(refused.login()).rejects.toThrow('login refused (403)');
    server.route('POST /api/login', { body: {} });
    const tokenless = new SessionClientCore({ endpoint: server.origin, retry: { maxAttempts: 1 } }, vendor(), wiring());
    await expect(tokenless.login()).rejects.toThrow(/the login answer has no token/);
    await expect(tokenless.login()).rejects.toBeInstanceOf(ApiError);
    expect(tokenless.stats.logins).toBe(0);
  });
});

describe('task waits', () => {
  test('poll until done, each poll counted, the caller’s description in a timeout', async () => {
    let polls = 0;
    server.route('GET /api/tasks/t-1', () => ({ body: { state: ++polls < 3 ? 'running' : 'done' } }));
    const clock = fakeClock(START);
    const core = new ClientCore({ endpoint: server.origin, clock, random: () => 0, retry: { maxAttempts: 1 } }, vendor());
    const task = {
      id: 't-1',
      get: async () => (await core.send({ method: 'GET', path: '/tasks/t-1' })).data as { state: string },
      observe: (t: { state: string }) => ({ state: t.state === 'done' ? ('succeeded' as const) : ('running' as const), status: t.state }),
      describe: () => 'task t-1',
      path: '/tasks/t-1',
    };
    await expect(core.waitForTask(task, { timeoutMs: 60_000 })).resolves.toEqual({ state: 'done' });
    expect(core.stats.taskPolls).toBe(3);
    server.route('GET /api/tasks/t-1', { body: { state: 'running' } });
    await expect(core.waitForTask(task, { timeoutMs: 2_000, description: 'the copy of web-01' })).rejects.toThrow(/the copy of web-01/);
  });
});

describe('shared checks', () => {
  test('name the field and the value given', () => {
    expect(() => requireId('  ', 'pairingId')).toThrow('pairingId must be a non-empty string, got "  "');
    expect(() => requireId(undefined, 'taskId')).toThrow('taskId must be a non-empty string, got undefined');
    expect(() => requireCredentials({ username: 'a', password: '' }, 'remoteCredentials')).toThrow('remoteCredentials.password must be a non-empty string');
    expect(() => pageSizeOf(0, { fallback: 100, max: 100 })).toThrow('pageSize must be an integer from 1 to 100, got 0');
    expect(pageSizeOf(undefined, { fallback: 100, max: 1000 })).toBe(100);
    expect([isRecord({}), isRecord([]), isRecord(null)]).toEqual([true, false, false]);
  });
});

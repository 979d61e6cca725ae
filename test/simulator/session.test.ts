import { DEFAULT_USERS, PAIRING_ID, SITE_B, login, startTestSim, vmsPath } from './helpers';
import { useSimulator } from '../helpers/simulator';

describe('VR simulator sessions', () => {
  const t = useSimulator(() => startTestSim({ sessionTtlMs: 60_000 }));

  it('logs in with Basic auth and returns the session id in the body and the x-dr-session header', async () => {
    const response = await t.http.post('/session', undefined, { auth: DEFAULT_USERS.local });
    expect(response.status).toBe(200);
    expect(typeof response.data.session_id).toBe('string');
    expect(response.headers['x-dr-session']).toBe(response.data.session_id);
    const current = await t.http.get('/session', { headers: { 'x-dr-session': response.data.session_id } });
    expect(current.data).toEqual({ username: DEFAULT_USERS.local.username });
  });

  it('answers 401 with no body to a wrong password and to calls without a session', async () => {
    const wrong = await t.http.post('/session', undefined, { auth: { ...DEFAULT_USERS.local, password: 'nope' } });
    expect(wrong.status).toBe(401);
    expect(wrong.data).toBe('');
    const anonymous = await t.http.get('/pairings');
    expect(anonymous.status).toBe(401);
    expect(anonymous.data).toBe('');
  });

  it('expires idle sessions after sessionTtlMs and on expireSessions()', async () => {
    await login(t.http);
    t.clock.advance(59_000);
    expect((await t.http.get('/pairings')).status).toBe(200);
    t.clock.advance(59_000);
    expect((await t.http.get('/pairings')).status).toBe(200); // the previous call refreshed the idle timer
    t.clock.advance(60_001);
    const expired = await t.http.get('/pairings');
    expect(expired.status).toBe(401);
    expect(expired.data).toBe('');

    await login(t.http);
    t.sim.expireSessions();
    expect((await t.http.get('/pairings')).status).toBe(401);
    expect(t.sim.state.sessions).toHaveLength(0);
  });

  it('logs out with 204 and the session stops working', async () => {
    await login(t.http);
    expect((await t.http.delete('/session')).status).toBe(204);
    expect((await t.http.get('/info')).status).toBe(401);
  });

  it('needs both the session and the remote site credentials for a remote session', async () => {
    await login(t.http);
    const remoteVms = `${vmsPath(SITE_B.vcId)}`;
    const before = await t.http.get(remoteVms);
    expect(before.status).toBe(403);
    expect(before.data.error_code).toBe('VR.REMOTE_NOT_AUTHENTICATED');
    expect(before.data.message).toContain(`POST /pairings/${PAIRING_ID}/remote-session first`);
    expect(before.data.op_id).toMatch(/^[0-9a-f-]{36}$/);

    const withLocalPassword = await t.http.post(`/pairings/${PAIRING_ID}/remote-session`, undefined, {
      auth: DEFAULT_USERS.local,
    });
    expect(withLocalPassword.status).toBe(401);
    expect((await t.http.get(`/pairings/${PAIRING_ID}/remote-session`)).status).toBe(404);

    const ok = await t.http.post(`/pairings/${PAIRING_ID}/remote-session`, undefined, { auth: DEFAULT_USERS.remote });
    expect(ok.status).toBe(204);
    expect((await t.http.get(`/pairings/${PAIRING_ID}/remote-session`)).data).toEqual({
      username: DEFAULT_USERS.remote.username,
    });
    expect((await t.http.get(remoteVms)).status).toBe(200);
  });

  it('redacts credentials in the recorded requests', async () => {
    await login(t.http);
    const loginCall = t.sim.requests.find((request) => request.path.endsWith('/session') && request.method === 'POST');
    expect(loginCall?.headers.authorization).toBe('REDACTED');
    expect(loginCall?.status).toBe(200);
    expect(loginCall?.operationId).toBe('login');
    const later = t.sim.requests.filter((request) => request.headers['x-dr-session'] !== undefined);
    for (const request of later) expect(request.headers['x-dr-session']).toBe('REDACTED');
    t.sim.clearRequests();
    expect(t.sim.requests).toHaveLength(0);
  });
});

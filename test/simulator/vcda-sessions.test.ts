/**
 * The simulator's VCDA service over HTTP: mounted at /vcda next to VR in one process; logins by type with the
 * X-VCAV-Auth header; 401 NotAuthenticated without a token, with an expired one and after logout; the session
 * extended to site2; sites and about; the ApiError body of errors; a fault rule on a VCDA path.
 */
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { DEFAULT_USERS, DEFAULT_VCDA_SESSION_TTL_MS } from '../../src/simulator';
import { EXTEND_SITE2, LOGIN_BODIES, startVcdaSim, vcdaLogin } from './vcda-helpers';
import { useSimulator, withSimulator } from '../helpers/simulator';

const t = useSimulator(() => startVcdaSim());

const stacktraceOf = (exception: string, message: string): string => `com.vmware.h4.api.error.exceptions.${exception}: ${message}`;

describe('VCDA sessions', () => {
  it.each([
    ['vcdCredentials', 'vcda-admin@org1', [{ site: 'site1', org: 'org1' }]],
    ['localUser', 'root', [{ site: 'site1', org: null }]],
    ['ssoCredentials', 'administrator@vsphere.local', [{ site: 'site1', org: null }]],
  ] as const)('logs in with %s: the token is the X-VCAV-Auth header and works on the next call', async (type, user, sites) => {
    const login = await t.vcda.post('/sessions', LOGIN_BODIES[type]);
    const token = String(login.headers['x-vcav-auth']);
    const current = await t.vcda.get('/sessions', { headers: { 'X-VCAV-Auth': token } });

    expect(login.status).toBe(200);
    expect(login.data).toEqual({ user, roles: expect.arrayContaining(['EVERYONE']), authenticatedSites: sites });
    expect(t.sim.issuedSessionIds).toContain(token);
    expect(current.status).toBe(200);
    expect(current.data.user).toBe(user);
  });

  it('refuses a wrong password with 401 NotAuthenticated in the ApiError shape, and issues no token', async () => {
    const login = await t.vcda.post('/sessions', { ...LOGIN_BODIES.vcdCredentials, vcdPassword: 'wrong' });

    expect(login.status).toBe(401);
    expect(login.headers['x-vcav-auth']).toBeUndefined();
    const msg = 'Authentication failed: wrong user name or password.';
    expect(login.data).toEqual({ args: [], code: 'NotAuthenticated', msg, stacktrace: stacktraceOf('NotAuthenticatedException', msg) });
    expect(t.sim.vcda.state.sessions).toEqual([]);
  });

  it('answers 401 NotAuthenticated without a token, with an expired one, and after logout', async () => {
    const none = await t.vcda.get('/sites');
    const token = await vcdaLogin(t.vcda);
    t.clock.advance(DEFAULT_VCDA_SESSION_TTL_MS);
    const expired = await t.vcda.get('/sites');

    await vcdaLogin(t.vcda);
    const loggedOut = await t.vcda.delete('/sessions');
    const afterLogout = await t.vcda.get('/sites');

    expect(none.status).toBe(401);
    expect(none.data).toMatchObject({ code: 'NotAuthenticated', msg: 'Not authenticated: send the X-VCAV-Auth header of a session.' });
    expect(expired.status).toBe(401);
    expect(expired.data).toMatchObject({ code: 'NotAuthenticated', msg: 'Not authenticated: the session does not exist or has expired.' });
    expect(t.sim.vcda.state.sessions.map((session) => session.token)).not.toContain(token);
    expect(loggedOut.status).toBe(204);
    expect(afterLogout.status).toBe(401);
  });

  it('keeps a session alive while it is used (idle expiry)', async () => {
    await vcdaLogin(t.vcda);
    t.clock.advance(DEFAULT_VCDA_SESSION_TTL_MS - 1000);
    const used = await t.vcda.get('/sites');
    t.clock.advance(DEFAULT_VCDA_SESSION_TTL_MS - 1000);
    const stillAlive = await t.vcda.get('/sites');

    expect([used.status, stillAlive.status]).toEqual([200, 200]);
  });

  it('extends the session to site2 with site2 credentials (vcdUsername or vcdUser), and refuses wrong ones', async () => {
    await vcdaLogin(t.vcda);
    const wrong = await t.vcda.post('/sessions/extend', { ...EXTEND_SITE2, vcdPassword: 'nope' });
    const unknownSite = await t.vcda.post('/sessions/extend', { ...EXTEND_SITE2, site: 'site9' });
    const extended = await t.vcda.post('/sessions/extend', EXTEND_SITE2);
    const again = await t.vcda.post('/sessions/extend', { type: 'credentials', site: 'site2', vcdUser: EXTEND_SITE2.vcdUsername, vcdPassword: EXTEND_SITE2.vcdPassword });

    expect(wrong.status).toBe(401);
    expect(wrong.data).toMatchObject({ code: 'RemoteAuthenticationFailure', msg: "Authentication to site 'site2' failed.", args: ['site2'] });
    expect(unknownSite.status).toBe(404);
    expect(unknownSite.data).toMatchObject({ code: 'SiteNotFound', msg: "Site 'site9' not found.", args: ['site9'] });
    expect(extended.status).toBe(200);
    expect(extended.data.authenticatedSites).toEqual([
      { site: 'site1', org: 'org1' },
      { site: 'site2', org: 'org2' },
    ]);
    expect(again.data.authenticatedSites).toHaveLength(2);
  });

  it('validates the login body against the contract: an unknown type is a 400 BadRequest naming the field', async () => {
    const response = await t.vcda.post('/sessions', { type: 'password', user: 'x' });

    expect(response.status).toBe(400);
    expect(response.data.code).toBe('BadRequest');
    expect(response.data.msg).toMatch(/^Invalid request: body/);
  });
});

describe('VCDA next to VR in one process', () => {
  it('serves both APIs: VR at /api/rest/vr/v2, VCDA at /vcda, each request recorded with its service', async () => {
    const vr = await t.http.post('/session', undefined, { auth: DEFAULT_USERS.local });
    await vcdaLogin(t.vcda);
    const sites = await t.vcda.get('/sites');
    const about = await t.vcda.get('/diagnostics/about');

    expect(vr.status).toBe(200);
    expect(sites.status).toBe(200);
    expect(sites.data.map((site: { site: string; isLocal: boolean }) => [site.site, site.isLocal])).toEqual([
      ['site1', true],
      ['site2', false],
    ]);
    expect(about.data).toMatchObject({ productName: expect.stringContaining('Cloud Director Availability'), buildVersion: '4.7.0-sim' });
    expect(t.sim.requests.map((request) => [request.service, request.operationId])).toEqual([
      ['vr', 'login'],
      ['vcda', 'login'],
      ['vcda', 'getSites'],
      ['vcda', 'getAbout'],
    ]);
  });

  it('answers a path outside the contract with 404 NotFound in the ApiError shape', async () => {
    await vcdaLogin(t.vcda);
    const response = await t.vcda.get('/vapp-replications');

    expect(response.status).toBe(404);
    expect(response.data).toMatchObject({ code: 'NotFound', msg: 'No such API: GET /vapp-replications', args: [] });
  });

  it('applies a core fault rule on a VCDA path with the VCDA error body, and nothing changes', async () => {
    await vcdaLogin(t.vcda);
    t.sim.faults.addRule({ id: 'vcda-down', service: 'vcda', method: 'POST', path: '/vm-replications', status: 503, count: 1 });
    const faulted = await t.vcda.post('/vm-replications', {});
    const sites = await t.vcda.get('/sites');

    expect(faulted.status).toBe(503);
    const msg = 'Injected fault (rule vcda-down)';
    expect(faulted.data).toEqual({ args: [], code: 'SIM.INJECTED_FAULT', msg, stacktrace: stacktraceOf('H4Exception', msg) });
    expect(sites.status).toBe(200);
    expect(t.sim.vcda.state.tasks).toEqual([]);
    expect(t.sim.faults.stats()).toEqual([{ id: 'vcda-down', matched: 1, skipped: 0, hits: 1 }]);
  });

  it('records no X-VCAV-Auth token nor password: the header and the password fields are REDACTED', async () => {
    const token = await vcdaLogin(t.vcda);
    await t.vcda.post('/sessions/extend', EXTEND_SITE2);
    const recorded = JSON.stringify(t.sim.requests);

    expect(recorded).not.toContain(token);
    expect(recorded).not.toContain(EXTEND_SITE2.vcdPassword);
    expect(t.sim.requests.at(-1)?.headers['x-vcav-auth']).toBe('REDACTED');
  });

  it('validates its responses against the contract: a response the contract forbids becomes a 500 naming the field', async () => {
    const spec = JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'specs', 'vcda-api.json'), 'utf8'));
    spec.components.schemas.Site.required.push('region');
    const specPath = path.join(mkdtempSync(path.join(tmpdir(), 'vcda-spec-')), 'vcda-api.json');
    writeFileSync(specPath, JSON.stringify(spec));
    await withSimulator(() => startVcdaSim({ vcda: { specPath } }), async (strict) => {
      await vcdaLogin(strict.vcda);
      const response = await strict.vcda.get('/sites');

      expect(response.status).toBe(500);
      expect(response.data).toMatchObject({ code: 'GeneralServerFailure', msg: 'Simulator bug: the 200 response of getSites does not match the contract: 0.region is required; 1.region is required' });
    });
  });

  it('expires VCDA sessions with POST /_sim/expire-sessions like every service', async () => {
    await vcdaLogin(t.vcda);
    await t.vcda.post(`${t.sim.url}/_sim/expire-sessions`);
    const response = await t.vcda.get('/sites');

    expect(response.status).toBe(401);
  });
});

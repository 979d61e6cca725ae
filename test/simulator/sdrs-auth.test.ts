/**
 * The simulator's SDRS authentication over HTTP: an AK/SK-signed request (lib/client/sdrs/signer.ts, at the
 * simulator's clock) is served; a wrong secret key, a body or query changed after signing, an X-Sdk-Date more than
 * 15 minutes from the simulator's clock, an unknown or missing credential are refused with APIG's 401 APIGW.0301
 * in its flat shape — and nothing is changed; an X-Auth-Token issued by the admin API (or the fixed test token)
 * is served until the tokens expire; the request log never holds the token or the signature.
 */
import axios from 'axios';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { SDRS_PROJECT_ID, SDRS_TEST_TOKEN } from '../../src/simulator';
import { groupBody, startSdrsSim } from './sdrs-helpers';
import { useSimulator } from '../helpers/simulator';

const t = useSimulator(() => startSdrsSim());

const refusal = (message: string): unknown => ({ error_code: 'APIGW.0301', error_msg: `Incorrect IAM authentication information: ${message}`, request_id: expect.stringMatching(/^[0-9a-f]{32}$/) });

describe('AK/SK signature', () => {
  it('serves a signed request and records its operation', async () => {
    const response = await t.call('GET', '/server-groups', { query: { limit: '10', offset: '0' } });
    expect(response.status).toBe(200);
    expect(response.data).toEqual({ server_groups: [], count: 0 });
    expect(t.sim.requests.at(-1)).toMatchObject({ service: 'sdrs', operationId: 'listServerGroups', status: 200 });
  });

  it('refuses a signature made with the wrong secret key: 401 "verify aksk signature fail", nothing created', async () => {
    const response = await t.call('POST', '/server-groups', { body: groupBody(), secretKey: 'not-the-secret' });
    expect(response.status).toBe(401);
    expect(response.data).toEqual(refusal('verify aksk signature fail'));
    expect(t.sim.sdrs.state.groups).toEqual([]);
    expect(t.sim.sdrs.state.jobs).toEqual([]);
  });

  it('refuses a body changed after signing', async () => {
    const response = await t.call('POST', '/server-groups', {
      body: groupBody('signed-name'),
      tamper: ({ url, body }) => ({ url, body: body?.replace('signed-name', 'other-name') }),
    });
    expect(response.status).toBe(401);
    expect(response.data).toEqual(refusal('verify aksk signature fail'));
    expect(t.sim.sdrs.state.groups).toEqual([]);
  });

  it('refuses a query changed after signing', async () => {
    const response = await t.call('GET', '/server-groups', { query: { limit: '10' }, tamper: ({ url, body }) => ({ url: url.replace('limit=10', 'limit=11'), body }) });
    expect(response.status).toBe(401);
    expect(response.data).toEqual(refusal('verify aksk signature fail'));
  });

  it('refuses an X-Sdk-Date more than 15 minutes from the simulator clock (either way), accepts one within', async () => {
    const now = t.clock.now();
    const stale = await t.call('GET', '/server-groups', { signedAt: now - 15 * 60 * 1000 - 1000 });
    const future = await t.call('GET', '/server-groups', { signedAt: now + 16 * 60 * 1000 });
    const withinSkew = await t.call('GET', '/server-groups', { signedAt: now - 14 * 60 * 1000 });
    expect([stale.status, future.status, withinSkew.status]).toEqual([401, 401, 200]);
    expect(stale.data).toEqual(refusal('verify aksk signature fail, the request has expired'));
  });

  it('refuses a request that moved past 15 minutes on the simulator clock after it was signed', async () => {
    const signedAt = t.clock.now();
    t.clock.advance(16 * 60 * 1000);
    const response = await t.call('GET', '/server-groups', { signedAt });
    expect(response.status).toBe(401);
    expect(response.data).toEqual(refusal('verify aksk signature fail, the request has expired'));
  });

  it('refuses a request without credentials as APIG does: "x-auth-token not found"', async () => {
    const response = await t.call('GET', '/server-groups', { auth: 'none' });
    expect(response.status).toBe(401);
    expect(response.data).toEqual(refusal('x-auth-token not found'));
  });
});

describe('X-Auth-Token', () => {
  it('serves the fixed test token and a token issued by POST /_sim/sdrs/tokens; refuses any other', async () => {
    const issued = await axios.post(`${t.sim.url}/_sim/sdrs/tokens`);
    expect(issued.status).toBe(201);
    const token = String(issued.data.token);
    expect(t.sim.issuedSessionIds).toContain(token);

    expect((await t.call('GET', '/server-groups', { auth: 'token', token: SDRS_TEST_TOKEN })).status).toBe(200);
    expect((await t.call('GET', '/server-groups', { auth: 'token', token })).status).toBe(200);
    const wrong = await t.call('GET', '/server-groups', { auth: 'token', token: 'MIIforged' });
    expect(wrong.status).toBe(401);
    expect(wrong.data).toEqual(refusal('decrypt token fail'));
  });

  it('refuses an issued token once sessions expire (the fixed test token stays valid)', async () => {
    const token = String((await axios.post(`${t.sim.url}/_sim/sdrs/tokens`)).data.token);
    t.sim.expireSessions();
    expect((await t.call('GET', '/server-groups', { auth: 'token', token })).status).toBe(401);
    expect((await t.call('GET', '/server-groups', { auth: 'token', token: SDRS_TEST_TOKEN })).status).toBe(200);
  });

  it('keeps the token and the signature out of the request log', async () => {
    await t.call('GET', '/server-groups', { auth: 'token', token: SDRS_TEST_TOKEN });
    await t.call('GET', '/server-groups');
    const logged = JSON.stringify(t.sim.requests);
    expect(logged).not.toContain(SDRS_TEST_TOKEN);
    expect(logged).not.toMatch(/Signature=[0-9a-f]{64}/);
  });
});

describe('project and paths', () => {
  it('answers another project with 400 SDRS.0001 and an unknown path with APIG 404 APIGW.0101', async () => {
    const other = await t.call('GET', '/server-groups', { project: 'ffffffffffffffffffffffffffffffff' });
    expect(other.status).toBe(400);
    expect(other.data).toEqual({ error: { code: 'SDRS.0001', message: 'Invalid tenant ID: ffffffffffffffffffffffffffffffff.' } });
    const unknown = await t.call('GET', '/no-such-things');
    expect(unknown.status).toBe(404);
    expect(unknown.data).toMatchObject({ error_code: 'APIGW.0101' });
    expect(SDRS_PROJECT_ID).toMatch(/^[0-9a-f]{32}$/);
  });
});

describe('response validation', () => {
  it('answers 500 naming the field when a response breaks the contract (so every test above had valid responses)', async () => {
    const spec = JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'specs', 'sdrs-api.json'), 'utf8')) as { components: { schemas: Record<string, { required: string[] }> } };
    spec.components.schemas.ServerGroupList?.required.push('marker');
    const specPath = path.join(mkdtempSync(path.join(tmpdir(), 'repliform-sdrs-spec-')), 'sdrs-api.json');
    writeFileSync(specPath, JSON.stringify(spec));
    await t.restart(() => startSdrsSim({ sdrs: { specPath } }));
    const response = await t.call('GET', '/server-groups');
    expect(response.status).toBe(500);
    expect(response.data).toEqual({ error: { code: 'SDRS.1014', message: expect.stringContaining('the 200 response of listServerGroups does not match the contract: marker is required') } });
  });
});

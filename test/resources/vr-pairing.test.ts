/**
 * Integration: the vr.pairing handler against the simulator — found, never created or deleted unless asked,
 * and never deleted while it still carries replications.
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClientFactory } from '../../src/resources/clients';
import { isInputError } from '../../src/resources/errors';
import { vrPairingHandler } from '../../src/resources/vr/pairing/handler';
import { vrReplicationHandler } from '../../src/resources/vr/replication/handler';
import { vrPairingSpecSchema, type VrPairingSpecInput } from '../../src/resources/vr/pairing/schema';
import { replicationSpec, SIM_ENV, testContext } from '../helpers/context';
import { useSimulator } from '../helpers/simulator';

const PAIRING_ID = 'c0ffee00-1111-4a2b-9c3d-000000000001';
const SITE_B_VC_ID = '7c9e2b1f-4d3a-4b8e-8f20-6e2b9d4c2b02';

const sim = useSimulator({ taskDelayMs: 30, validateResponses: true });

function pairingSpec(overrides: Partial<VrPairingSpecInput> = {}) {
  return vrPairingSpecSchema.parse({
    connection: {
      endpoint: sim.url,
      credentials: { username_env: 'VR_SITE_A_USER', password_env: 'VR_SITE_A_PASSWORD' },
      remote_credentials: { username_env: 'VR_SITE_B_USER', password_env: 'VR_SITE_B_PASSWORD' },
    },
    pairing: { remote_site: 'vc-b.example.local' },
    ...overrides,
  });
}

const requestsTo = (method: string, path: RegExp) => sim.requests.filter((r) => r.method === method && path.test(r.path));

test('create finds the existing pairing by remote site and creates nothing', async () => {
  const state = await vrPairingHandler.create(pairingSpec(), testContext());
  expect(state).toEqual({
    id: PAIRING_ID,
    local_site: 'vc-a.example.local',
    remote_site: 'vc-b.example.local',
    local_vc_id: '2a3b6a4e-0c1d-4c9e-9a31-5d1a0f3c1a01',
    remote_vc_id: SITE_B_VC_ID,
    status: 'OK',
  });
  expect(requestsTo('POST', /\/pairings$/)).toHaveLength(0);
});

test('a pairing is found by id too', async () => {
  const state = await vrPairingHandler.create(pairingSpec({ pairing: { id: PAIRING_ID } }), testContext());
  expect(state.remote_site).toBe('vc-b.example.local');
});

test('destroy keeps the pairing unless delete_on_destroy is set', async () => {
  const ctx = testContext();
  await vrPairingHandler.delete(pairingSpec(), ctx);
  expect(requestsTo('DELETE', /\/pairings\//)).toHaveLength(0);
  expect(sim.state.pairings).toHaveLength(1);
  expect(ctx.lines).toContain('info: pairing with vc-b.example.local kept: it is only deleted when delete_on_destroy is true');
});

test('a pairing that still carries replications is never deleted', async () => {
  await vrReplicationHandler.create(replicationSpec(sim.url), testContext());
  const error = await vrPairingHandler.delete(pairingSpec({ delete_on_destroy: true }), testContext()).catch((e: unknown) => e);
  expect(isInputError(error)).toBe(true);
  expect((error as Error).message).toBe(`delete_on_destroy: pairing ${PAIRING_ID} still carries 1 replication(s); remove them first`);
  expect(sim.state.pairings).toHaveLength(1);
});

test('deleted when asked; then created only when the spec carries a create block', async () => {
  await vrPairingHandler.delete(pairingSpec({ delete_on_destroy: true }), testContext());
  expect(requestsTo('DELETE', /\/pairings\/[^/]+$/)).toHaveLength(1);
  expect(sim.state.pairings).toHaveLength(0);
  await vrPairingHandler.delete(pairingSpec({ delete_on_destroy: true }), testContext());
  expect(requestsTo('DELETE', /\/pairings\/[^/]+$/)).toHaveLength(1);

  await expect(vrPairingHandler.create(pairingSpec(), testContext())).rejects.toThrow(
    'pairing.remote_site: no pairing with remote site "vc-b.example.local"; pairings: (none)',
  );
  expect(requestsTo('POST', /\/pairings$/)).toHaveLength(0);

  const withCreate = pairingSpec({
    create: { remote_vc_id: SITE_B_VC_ID, psc_url: 'vc-b.example.local', credentials: { username_env: 'VR_SITE_B_USER', password_env: 'VR_SITE_B_PASSWORD' } },
  });
  const created = await vrPairingHandler.create(withCreate, testContext());
  expect(created.remote_site).toBe('vc-b.example.local');
  const [post] = requestsTo('POST', /\/pairings$/);
  expect(post.body).toMatchObject({ pair_vc_id: SITE_B_VC_ID, pair_psc_info: { url: 'vc-b.example.local', port: 443, username: SIM_ENV.VR_SITE_B_USER } });
  expect(JSON.stringify(post.body)).not.toContain(SIM_ENV.VR_SITE_B_PASSWORD);
  expect(JSON.stringify(sim.state)).not.toContain(SIM_ENV.VR_SITE_B_PASSWORD);
});

test('read reports undefined for a pairing that does not exist', async () => {
  expect(await vrPairingHandler.read(pairingSpec({ pairing: { remote_site: 'vc-z.example.local' } }), testContext())).toBeUndefined();
});

describe('the pairing list shared between processes (2-minute cache)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'repliform-pairing-cache-'));
    chmodSync(dir, 0o700);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** One `repliform` process of a Terraform run: its own client factory on the shared cache directory. */
  function processContext() {
    const base = testContext();
    return { ...base, clients: createClientFactory({ log: base.log, env: SIM_ENV, sharedStateDir: dir }) };
  }

  const withCreate = () =>
    pairingSpec({
      delete_on_destroy: true,
      create: { remote_vc_id: SITE_B_VC_ID, psc_url: 'vc-b.example.local', credentials: { username_env: 'VR_SITE_B_USER', password_env: 'VR_SITE_B_PASSWORD' } },
    });

  test('destroy then apply within the cache lifetime creates the pairing again instead of recording the deleted one', async () => {
    expect(await vrPairingHandler.read(withCreate(), processContext())).toMatchObject({ id: PAIRING_ID });
    await vrPairingHandler.delete(withCreate(), processContext());
    expect(sim.state.pairings).toHaveLength(0);

    expect(await vrPairingHandler.read(withCreate(), processContext())).toBeUndefined();
    const created = await vrPairingHandler.create(withCreate(), processContext());

    expect(requestsTo('POST', /\/pairings$/)).toHaveLength(1);
    expect(sim.state.pairings.map((p) => p.pairing_id)).toEqual([created.id]);
  });

  test('a code without a create block is told the pairing is gone, not given the deleted one', async () => {
    expect(await vrPairingHandler.read(withCreate(), processContext())).toMatchObject({ id: PAIRING_ID });
    await vrPairingHandler.delete(withCreate(), processContext());
    await expect(vrPairingHandler.create(pairingSpec(), processContext())).rejects.toThrow(
      'pairing.remote_site: no pairing with remote site "vc-b.example.local"; pairings: (none)',
    );
  });
});

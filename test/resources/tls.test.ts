/**
 * TLS for real: the simulator serves HTTPS with a self-signed certificate, as appliances do. Verification is
 * on by default; a CA bundle (spec or REPLIFORM_CA_BUNDLE) trusts it; insecure mode works only when asked.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { vrReplicationHandler } from '../../src/resources/vr/replication/handler';
import { replicationSpec, SIM_ENV, testContext } from '../helpers/context';
import { useSimulator } from '../helpers/simulator';

const sim = useSimulator({ tls: true, taskDelayMs: 30 }, 'all');
let caFile: string;

beforeAll(async () => {
  caFile = join(mkdtempSync(join(tmpdir(), 'repliform-ca-')), 'sim-ca.pem');
  writeFileSync(caFile, sim.caCertPem ?? '');
});

function connection(extra: { ca_bundle_file?: string; insecure?: boolean }) {
  const spec = replicationSpec(sim.url);
  return { ...spec, connection: { ...spec.connection, ...extra } };
}

test('an untrusted certificate fails before anything is sent, and the message says how to trust it', async () => {
  expect(sim.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
  const error = await vrReplicationHandler.read(connection({}), testContext()).catch((e: unknown) => e);
  expect((error as Error).message).toMatch(/certificate/i);
  expect((error as Error).message).toMatch(/ca_bundle_file|REPLIFORM_CA_BUNDLE/);
  expect(sim.requests).toHaveLength(0);
});

test('a CA bundle from the spec trusts the appliance', async () => {
  const state = await vrReplicationHandler.create(connection({ ca_bundle_file: caFile }), testContext());
  expect(state.name).toBe('web-01');
});

test('REPLIFORM_CA_BUNDLE trusts it when the spec names no bundle', async () => {
  const live = await vrReplicationHandler.read(connection({}), testContext({ ...SIM_ENV, REPLIFORM_CA_BUNDLE: caFile }));
  expect(live?.name).toBe('web-01');
});

test('insecure mode skips verification only when asked, with a warning', async () => {
  const ctx = testContext();
  const live = await vrReplicationHandler.read(connection({ insecure: true }), ctx);
  expect(live?.name).toBe('web-01');
  expect(ctx.lines).toContain(`warn: TLS certificate verification is OFF for ${sim.url} (insecure: true); use a CA bundle outside a lab`);
});

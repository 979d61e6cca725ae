/**
 * End to end with Terraform 1.11 and the native provider (the default backing): a `VcdaReplication` with an SLA
 * profile instead of its own RPO, synthesized by the constructs as a user's app does, deployed, planned again
 * (no change), and destroyed (paused and kept, the default) — the request the server received names the profile.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalBackend } from 'cdktf';
import { App, Credentials, TerraformStack, VcdaReplication, VcdaSite } from '../../src/constructs';
import { planChanges, providerEnv, terraform } from '../../scripts/deploy-kit';
import { startSimulator, type RunningSimulator } from '../../src/simulator';
import { VCDA_SLA_PROFILE_ID, VCDA_VDC_IDS, VCDA_VM_IDS } from '../../src/simulator/vcda/inventory-seed';
import { DEFAULT_VCDA_USERS } from '../../src/simulator/vcda/service';

let sim: RunningSimulator;
let workDir: string;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  sim = await startSimulator({ taskDelayMs: 50 });
  workDir = mkdtempSync(join(tmpdir(), 'repliform-e2e-vcda-sla-'));
  env = await providerEnv(workDir, {
    VCDA_SITE1_USER: DEFAULT_VCDA_USERS.site1.username,
    VCDA_SITE1_PASSWORD: DEFAULT_VCDA_USERS.site1.password,
    VCDA_SITE2_USER: DEFAULT_VCDA_USERS.site2.username,
    VCDA_SITE2_PASSWORD: DEFAULT_VCDA_USERS.site2.password,
  });
});

afterAll(async () => {
  await sim.close();
  rmSync(workDir, { recursive: true, force: true });
});

/** The user's app: one VM protected under the SLA profile, synthesized with the default backing. */
function synthApp(): string {
  const app = new App({ outdir: join(workDir, 'cdktf.out') });
  const stack = new TerraformStack(app, 'vcda-sla');
  new LocalBackend(stack, { path: join(workDir, 'terraform.vcda-sla.tfstate') });
  const site1 = new VcdaSite(stack, 'site1', {
    endpoint: `${sim.url}/vcda`,
    site: 'site1',
    credentials: Credentials.fromEnv('VCDA_SITE1_USER', 'VCDA_SITE1_PASSWORD'),
    remoteCredentials: Credentials.fromEnv('VCDA_SITE2_USER', 'VCDA_SITE2_PASSWORD'),
  });
  new VcdaReplication(stack, 'vcd-web-01', {
    site: site1,
    vmId: VCDA_VM_IDS['vcd-web-01'],
    destinationSite: 'site2',
    destinationVdc: VCDA_VDC_IDS['vdc-gold'],
    slaProfileId: VCDA_SLA_PROFILE_ID,
    quiescing: true,
  });
  app.synth();
  return join(workDir, 'cdktf.out', 'stacks', 'vcda-sla');
}

test('an SLA profile through the provider: apply starts it with the profile, the next plan is empty, destroy pauses and keeps it', async () => {
  const stackDir = synthApp();
  expect(readFileSync(join(stackDir, 'cdk.tf.json'), 'utf8')).toContain('"repliform_vcda_replication"');
  await terraform(stackDir, ['init'], env);
  await terraform(stackDir, ['apply', '-auto-approve'], env);

  const starts = sim.requests.filter((r) => r.method === 'POST' && r.path === '/vcda/vm-replications');
  expect(starts).toHaveLength(1);
  expect(starts[0].body).toMatchObject({ slaProfileId: VCDA_SLA_PROFILE_ID, quiesced: true, description: '[repliform owner=vcda-sla/vcd-web-01]' });
  expect(starts[0].body).not.toHaveProperty('rpo');
  const [live] = sim.vcda.state.replications;
  expect(live.info.settings.slaProfileId).toBe(VCDA_SLA_PROFILE_ID);

  const idle = await planChanges(stackDir, env);
  expect(idle.filter((c) => c.actions.join() !== 'no-op')).toEqual([]);

  await terraform(stackDir, ['destroy', '-auto-approve'], env);
  expect(sim.vcda.state.replications.map((r) => [r.info.id, r.info.isPaused])).toEqual([[live.info.id, true]]);
});

/**
 * End to end with Terraform 1.11 and the native provider (the default backing): a `VcdaReplication` whose code
 * sets no retention rules leaves them to the server. Deployed (the server answers `rules: []`), then given rules
 * in VCDA outside Terraform, `terraform plan` changes nothing each time — and a quiescing changed outside is still
 * planned back to the code.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalBackend } from 'cdktf';
import { App, Credentials, TerraformStack, VcdaReplication, VcdaSite } from '../../src/constructs';
import { planChanges, providerEnv, terraform } from '../../scripts/deploy-kit';
import { startSimulator, type RunningSimulator } from '../../src/simulator';
import { VCDA_VDC_IDS, VCDA_VM_IDS } from '../../src/simulator/vcda/inventory-seed';
import { DEFAULT_VCDA_USERS } from '../../src/simulator/vcda/service';

let sim: RunningSimulator;
let workDir: string;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  sim = await startSimulator({ taskDelayMs: 50 });
  workDir = mkdtempSync(join(tmpdir(), 'repliform-e2e-vcda-no-retention-'));
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

/** The user's app: one VM replicated with an RPO and nothing else set. */
function synthApp(): string {
  const app = new App({ outdir: join(workDir, 'cdktf.out') });
  const stack = new TerraformStack(app, 'vcda-no-retention');
  new LocalBackend(stack, { path: join(workDir, 'terraform.vcda-no-retention.tfstate') });
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
    rpoMinutes: 30,
  });
  app.synth();
  return join(workDir, 'cdktf.out', 'stacks', 'vcda-no-retention');
}

const planned = async (stackDir: string): Promise<string[]> =>
  (await planChanges(stackDir, env)).filter((c) => c.actions.join() !== 'no-op').map((c) => `${c.actions.join('+')} ${c.address}`);

test('retention rules the code leaves out: no change planned after the apply, nor after rules are set in VCDA; a changed quiescing is planned back', async () => {
  const stackDir = synthApp();
  await terraform(stackDir, ['init'], env);
  await terraform(stackDir, ['apply', '-auto-approve'], env);
  const [replication] = sim.vcda.state.replications;
  expect(replication.info.settings.retentionPolicy).toEqual({ rules: [] });
  expect(await planned(stackDir)).toEqual([]);

  const rules = { rules: [{ numberOfInstances: 3, distance: 60 }] };
  sim.vcda.change(() => {
    replication.info.settings.retentionPolicy = rules;
  });
  expect(await planned(stackDir)).toEqual([]);

  sim.vcda.change(() => {
    replication.info.settings.quiesced = true;
  });
  expect(await planned(stackDir)).toEqual([expect.stringMatching(/^update repliform_vcda_replication\.vcd-web-01_replication/)]);
  await terraform(stackDir, ['apply', '-auto-approve', 'tfplan'], env);
  expect(replication.info.settings).toMatchObject({ quiesced: false, retentionPolicy: rules });
  expect(await planned(stackDir)).toEqual([]);
});

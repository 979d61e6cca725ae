/**
 * Runbook operations with real Terraform: a VrReplication with a `syncTrigger` syncs when the trigger is bumped
 * (only the sync resource is replaced), `repliform vr pause|resume --stack-dir --construct` act on the
 * deployed stack, and a bump while paused fails the apply saying to resume first.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { planChanges, projectRoot, run, runOrThrow, terraform, terraformEnv } from '../../scripts/deploy-kit';
import { startSimulator, type RunningSimulator } from '../../src/simulator';
import { SIM_ENV } from '../helpers/context';

let sim: RunningSimulator;
let workDir: string;
let appFile: string;

const APP = (root: string) => `const { App, LocalBackend, TerraformStack } = require(${JSON.stringify(join(root, 'node_modules', 'cdktf'))});
const { Credentials, VrPairing, VrReplication } = require(${JSON.stringify(join(root, 'dist', 'src', 'index.js'))});
const app = new App();
const stack = new TerraformStack(app, 'dr');
new LocalBackend(stack, { path: '../../../terraform.dr.tfstate' });
const pairing = new VrPairing(stack, 'site-b', {
  endpoint: process.env.VR_ENDPOINT,
  credentials: Credentials.fromEnv('VR_SITE_A_USER', 'VR_SITE_A_PASSWORD'),
  remoteCredentials: Credentials.fromEnv('VR_SITE_B_USER', 'VR_SITE_B_PASSWORD'),
  remoteSite: 'vc-b.example.local',
});
new VrReplication(stack, 'web-01', { pairing, vmName: 'web-01', targetDatastore: 'ds-b-gold', rpoMinutes: 15, syncTrigger: process.env.SYNC_TRIGGER });
app.synth();
`;

beforeAll(async () => {
  sim = await startSimulator({ taskDelayMs: 50 });
  workDir = mkdtempSync(join(tmpdir(), 'repliform-e2e-sync-'));
  appFile = join(workDir, 'main.js');
  writeFileSync(appFile, APP(projectRoot()));
});

afterAll(async () => {
  await sim.close();
  rmSync(workDir, { recursive: true, force: true });
});

function env(trigger: string): NodeJS.ProcessEnv {
  return terraformEnv(workDir, { ...SIM_ENV, VR_ENDPOINT: sim.url, SYNC_TRIGGER: trigger });
}

async function synth(trigger: string): Promise<string> {
  await runOrThrow('node', [appFile], { cwd: workDir, env: env(trigger) });
  return join(workDir, 'cdktf.out', 'stacks', 'dr');
}

const syncs = () => sim.state.tasks.filter((t) => t.kind === 'sync');
const status = () => sim.state.replications.find((r) => r.info.name === 'web-01')?.info.status.status;

test('sync on a bumped trigger; pause and resume by construct; a bump while paused fails with what to do', async () => {
  const stackDir = await synth('1');
  await terraform(stackDir, ['init'], env('1'));
  await terraform(stackDir, ['apply', '-auto-approve'], env('1'));
  expect(sim.state.replications.map((r) => r.info.name)).toEqual(['web-01']);

  // Bump: only the sync resource is replaced, and one sync task runs to SUCCESS.
  await synth('2');
  const plan = await planChanges(stackDir, env('2'));
  const changed = plan.filter((c) => c.actions.join() !== 'no-op').map((c) => `${c.actions.join('+')} ${c.address.replace(/_[0-9A-F]{8}$/, '')}`);
  expect(changed).toEqual(['delete+create terraform_data.web-01_sync']);
  // The review does not mistake the sync resource for the replication: no resync, no change to the replication.
  const shown = await run('terraform', ['show', '-json', 'tfplan'], { cwd: stackDir, env: env('2') });
  writeFileSync(join(workDir, 'plan.json'), shown.stdout);
  const review = await run(join(workDir, 'bin', 'repliform'), ['review', '--plan', join(workDir, 'plan.json'), '--format', 'json'], { cwd: workDir, env: env('2') });
  // Exit 2: the plan changes something (the sync resource), as terraform plan -detailed-exitcode says.
  expect(review.code).toBe(2);
  const report = JSON.parse(review.stdout) as { summary: { risks: { resync: number; destroy: number } }; items: Array<{ name: string; action: string }> };
  // The sync resource is repliform's own (a sync request), not another resource destroyed.
  expect(report.summary.risks.destroy).toBe(0);
  expect(report.summary.risks.resync).toBe(0);
  expect(report.items.find((item) => item.name === 'web-01')?.action).toBe('no-change');
  const before = syncs().length;
  const bumped = await terraform(stackDir, ['apply', '-auto-approve', 'tfplan'], env('2'));
  expect(syncs().slice(before).map((t) => t.task.status)).toEqual(['SUCCESS']);
  expect(bumped.stdout).toContain('syncing replication of web-01: done');

  // Pause by construct path, from the synthesized stack.
  const repliform = join(workDir, 'bin', 'repliform');
  const paused = await run(repliform, ['vr', 'pause', '--stack-dir', stackDir, '--construct', 'web-01'], { cwd: workDir, env: env('2') });
  expect(paused.code).toBe(0);
  expect(status()).toBe('PAUSED');

  // A bump while paused fails the apply and says what to do; nothing is synced.
  await synth('3');
  const refused = await run('terraform', ['apply', '-input=false', '-no-color', '-auto-approve'], { cwd: stackDir, env: env('3') });
  expect(refused.code).not.toBe(0);
  expect(refused.stdout + refused.stderr).toContain('web-01: the replication is paused and cannot be synced; resume it first (repliform vr resume)');
  expect(syncs().length).toBe(before + 1);

  const resumed = await run(repliform, ['vr', 'resume', '--stack-dir', stackDir, '--construct', 'dr/web-01'], { cwd: workDir, env: env('3') });
  expect(resumed.code).toBe(0);
  expect(status()).toBe('OK');
  await terraform(stackDir, ['apply', '-auto-approve'], env('3'));
  expect(syncs().length).toBe(before + 2);

  // Destroy: the sync resource does nothing, the replication is removed.
  await terraform(stackDir, ['destroy', '-auto-approve'], env('3'));
  expect(sim.state.replications).toHaveLength(0);
});

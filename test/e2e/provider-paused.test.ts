/**
 * End to end with Terraform 1.11 and the native provider: a replication paused outside Terraform. `terraform plan`
 * refreshes its `status` and says so in a warning — with no change planned ("No changes." alone hid it), and with a
 * settings change planned (which the apply refuses while it is paused) — and says the way out.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { providerEnv, run, terraform, terraformBinary } from '../../scripts/deploy-kit';
import { startSimulator, type RunningSimulator } from '../../src/simulator';
import { SIM_ENV } from '../helpers/context';

let sim: RunningSimulator;
let workDir: string;
let stackDir: string;
let env: NodeJS.ProcessEnv;

function writeConfig(rpoMinutes: number): void {
  writeFileSync(
    join(stackDir, 'main.tf'),
    `
terraform {
  required_providers {
    repliform = { source = "repliform/repliform" }
  }
}

provider "repliform" {
  vr = {
    endpoint           = "${sim.url}"
    credentials        = { username_env = "VR_SITE_A_USER", password_env = "VR_SITE_A_PASSWORD" }
    remote_credentials = { username_env = "VR_SITE_B_USER", password_env = "VR_SITE_B_PASSWORD" }
  }
}

resource "repliform_vr_replication" "web-01" {
  pairing  = { remote_site = "vc-b.example.local" }
  vm       = { name = "web-01" }
  target   = { datastore = "ds-b-gold" }
  settings = { rpo_minutes = ${rpoMinutes} }
}
`,
  );
}

/** Terraform's warning block, its lines joined (it wraps long lines). */
function warningText(output: string): string {
  return output.replace(/\s*\n\s*/g, ' ');
}

beforeAll(async () => {
  sim = await startSimulator({ taskDelayMs: 50 });
  workDir = mkdtempSync(join(tmpdir(), 'repliform-e2e-paused-'));
  stackDir = join(workDir, 'stack');
  env = await providerEnv(workDir, { ...SIM_ENV });
  mkdirSync(stackDir);
});

afterAll(async () => {
  await sim.close();
  rmSync(workDir, { recursive: true, force: true });
});

test('a replication paused outside Terraform shows in terraform plan, with what apply will do', async () => {
  writeConfig(15);
  await terraform(stackDir, ['init'], env);
  await terraform(stackDir, ['apply', '-auto-approve'], env);
  const [replication] = sim.state.replications;
  sim.setReplicationStatus(replication.info.id, { status: 'PAUSED' });

  const unchanged = await terraform(stackDir, ['plan'], env);
  const said = warningText(unchanged.stdout);
  expect(said).toContain('No changes.');
  expect(said).toContain(
    `Warning: repliform_vr_replication web-01 is PAUSED on the server (not by this configuration): replication ${replication.info.id} is not protecting the VM`,
  );
  expect(said).toContain('This plan changes nothing for it: terraform apply leaves it PAUSED.');
  expect(said).toContain(`Resume it with \`repliform vr resume --vm web-01 --remote-site vc-b.example.local --endpoint ${sim.url} …\` if the pause is over`);

  writeConfig(30);
  const changed = await terraform(stackDir, ['plan'], env);
  const warned = warningText(changed.stdout);
  expect(warned).toContain('Plan: 0 to add, 1 to change, 0 to destroy.');
  expect(warned).toContain('terraform apply will stop at it before making any change, as it is PAUSED.');

  const applied = await run(terraformBinary(), ['apply', '-input=false', '-no-color', '-auto-approve'], { cwd: stackDir, env });
  expect(applied.code).toBe(1);
  expect(sim.requests.filter((r) => r.method === 'POST' && /\/actions\/reconfigure$/.test(r.path))).toEqual([]);
});

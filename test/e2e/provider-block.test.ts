/**
 * The provider block in hand-written HCL, with real Terraform:
 * - `terraform validate` catches a bad provider block, also while other values are variables (unknown to validate);
 * - an endpoint another resource of the same apply produces (`endpoint = terraform_data.e.output`) applies in one
 *   go, where the provider used to say "the provider configuration has no vr block";
 * - a password from a sensitive variable (as a Vault data source would give it) works, and reaches neither the
 *   state, nor the plan (beyond the variables Terraform itself keeps in a saved plan), nor Terraform's output, nor
 *   the trace log.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { run, terraform, terraformBinary } from '../../scripts/deploy-kit';
import { PROVIDER_SOURCE } from '../../src/resources/terraform-names';
import { SIM_ENV } from '../helpers/context';
import { providerWorld } from '../helpers/e2e';

// Site A's password is not in the environment: the configuration gives it.
const { VR_SITE_A_PASSWORD: SITE_A_PASSWORD, ...WITHOUT_SITE_A_PASSWORD } = SIM_ENV;
const world = providerWorld('e2e-provider-block', () => WITHOUT_SITE_A_PASSWORD);

const REQUIRED = `
terraform {
  required_providers {
    repliform = { source = "${PROVIDER_SOURCE}" }
  }
}
`;

function replication(vm: string): string {
  return `
resource "repliform_vr_replication" "${vm}" {
  pairing  = { remote_site = "vc-b.example.local" }
  vm       = { name = "${vm}" }
  target   = { datastore = "ds-b-gold" }
  settings = { rpo_minutes = 15 }
}
`;
}

function writeStack(dir: string, text: string): void {
  writeFileSync(join(dir, 'main.tf'), text);
}

const tf = (dir: string, args: readonly string[], env: NodeJS.ProcessEnv) => run(terraformBinary(), [args[0], '-no-color', ...args.slice(1)], { cwd: dir, env });
const oneLine = (text: string) => text.replace(/\s+/g, ' ');

test('terraform validate catches a bad provider block, also beside a variable it cannot know', async () => {
  const { stackDir, env } = world;
  writeStack(stackDir, `${REQUIRED}
variable "endpoint" {
  type = string
}

provider "repliform" {
  vr = {
    endpoint    = var.endpoint
    credentials = { username_env = "VR USER", password_env = "VR_SITE_A_PASSWORD" }
  }
}
${replication('web-01')}`);
  await terraform(stackDir, ['init'], env);
  const validated = await tf(stackDir, ['validate'], env);
  expect(validated.code).toBe(1);
  expect(oneLine(validated.stderr)).toContain(
    'Error: vr.credentials.username_env: must be an environment variable name ([A-Za-z_][A-Za-z0-9_]*), got a value that is not a variable name (not shown: it may be a secret)',
  );
});

test('an endpoint made in the same apply, and a password from a sensitive variable: one apply, no secret anywhere', async () => {
  const { sim, stackDir, env } = world;
  const password = String(SITE_A_PASSWORD);
  writeStack(stackDir, `${REQUIRED}
variable "vr_password" {
  type      = string
  sensitive = true
}

resource "terraform_data" "endpoint" {
  input = "${sim.url}"
}

provider "repliform" {
  vr = {
    endpoint           = terraform_data.endpoint.output
    credentials        = { username_env = "VR_SITE_A_USER", password = var.vr_password }
    remote_credentials = { username_env = "VR_SITE_B_USER", password_env = "VR_SITE_B_PASSWORD" }
  }
}
${replication('web-01')}`);
  const withPassword = { ...env, TF_VAR_vr_password: password, TF_LOG: 'trace', TF_LOG_PATH: join(world.workDir, 'trace.log') };
  await terraform(stackDir, ['init'], env);
  const validated = await tf(stackDir, ['validate'], withPassword);
  expect({ code: validated.code, stderr: validated.stderr }).toEqual({ code: 0, stderr: '' });

  const applied = await tf(stackDir, ['apply', '-input=false', '-auto-approve'], withPassword);
  expect({ code: applied.code, stderr: applied.stderr }).toEqual({ code: 0, stderr: '' });
  expect(applied.stdout).toContain('Apply complete! Resources: 2 added, 0 changed, 0 destroyed.');
  expect(sim.state.replications.map((r) => r.info.name)).toEqual(['web-01']);

  const plan = await tf(stackDir, ['plan', '-input=false', '-detailed-exitcode', '-out=tfplan'], withPassword);
  expect({ code: plan.code, stderr: plan.stderr }).toEqual({ code: 0, stderr: '' });
  const shown = await tf(stackDir, ['show', '-json', 'tfplan'], withPassword);

  // A saved plan holds the values of the root module's variables (Terraform's own rule, sensitive or not): the
  // rest of it must not hold the password.
  const { variables, ...planJson } = JSON.parse(shown.stdout) as { variables?: unknown };
  expect(Object.keys(variables ?? {})).toEqual(['vr_password']);
  const texts = [applied.stdout, plan.stdout, JSON.stringify(planJson), readFileSync(join(stackDir, 'terraform.tfstate'), 'utf8'), readFileSync(join(world.workDir, 'trace.log'), 'utf8')];
  expect(texts[4]).toContain('ConfigureProvider');
  expect(texts.map((text) => text.includes(password))).toEqual([false, false, false, false, false]);
  expect(readdirSync(stackDir).filter((name) => name.endsWith('.tfstate'))).toEqual(['terraform.tfstate']);
});

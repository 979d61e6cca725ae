/**
 * End-to-end plumbing (real Terraform, the compiled provider, the simulator): a test file's simulator and work
 * directory, started before its tests and gone after them, with the environment Terraform runs the native provider
 * in; HCL of a stack that manages VR replications through the provider; and a user's app with one VcdaReplication,
 * synthesized by the real constructs, then deployed.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalBackend } from 'cdktf';
import { App, TerraformStack, type VcdaReplicationProps } from '../../src/constructs';
import { providerEnv, terraform, type CommandResult } from '../../scripts/deploy-kit';
import { startSimulator, type RunningSimulator, type SimulatorOptions } from '../../src/simulator';
import { PROVIDER_SOURCE } from '../../src/resources/terraform-names';
import { SDRS_DOMAIN_ID, SDRS_PROJECT_ID, SDRS_SOURCE_AZ, SDRS_TARGET_AZ, SDRS_VPC_ID } from '../../src/simulator/sdrs/inventory-seed';
import { SITE2_CREDENTIALS, vcdaReplication, vcdaSite } from '../constructs/vcda-helpers';

export interface SimulatorWorkDir {
  readonly sim: RunningSimulator;
  /** A fresh temporary directory, removed after the file's tests. */
  readonly workDir: string;
}

export interface ProviderWorld extends SimulatorWorkDir {
  /** Terraform's environment: the provider installed under workDir (providerEnv), and the variables given. */
  readonly env: NodeJS.ProcessEnv;
  /** `<workDir>/stack`, made empty for a main.tf. */
  readonly stackDir: string;
}

function started<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`${what} is set in beforeAll: read it in a test or a hook`);
  return value;
}

/** Starts the simulator (50 ms tasks unless `options` say otherwise) and makes `<tmp>/repliform-<name>-…` before the file's tests. */
export function simulatorWorkDir(name: string, options: SimulatorOptions = { taskDelayMs: 50 }): SimulatorWorkDir {
  let sim: RunningSimulator | undefined;
  let workDir: string | undefined;
  beforeAll(async () => {
    sim = await startSimulator(options);
    workDir = mkdtempSync(join(tmpdir(), `repliform-${name}-`));
  });
  afterAll(async () => {
    await sim?.close();
    if (workDir !== undefined) rmSync(workDir, { recursive: true, force: true });
  });
  return {
    get sim() {
      return started(sim, 'sim');
    },
    get workDir() {
      return started(workDir, 'workDir');
    },
  };
}

/** simulatorWorkDir, with the provider installed for Terraform and `variables(sim)` in its environment. */
export function providerWorld(name: string, variables: (sim: RunningSimulator) => NodeJS.ProcessEnv, options?: SimulatorOptions): ProviderWorld {
  const base = simulatorWorkDir(name, options);
  let env: NodeJS.ProcessEnv | undefined;
  beforeAll(async () => {
    env = await providerEnv(base.workDir, variables(base.sim));
    mkdirSync(join(base.workDir, 'stack'));
  });
  return {
    get sim() {
      return base.sim;
    },
    get workDir() {
      return base.workDir;
    },
    get env() {
      return started(env, 'env');
    },
    get stackDir() {
      return join(base.workDir, 'stack');
    },
  };
}

/** One vendor's connection block of `provider "repliform"` for the simulator at `simUrl`, naming the test variables. */
const VENDOR_BLOCKS: Readonly<Record<'vr' | 'vcda' | 'sdrs', (simUrl: string) => string>> = {
  vr: (simUrl) => `
  vr = {
    endpoint           = "${simUrl}"
    credentials        = { username_env = "VR_SITE_A_USER", password_env = "VR_SITE_A_PASSWORD" }
    remote_credentials = { username_env = "VR_SITE_B_USER", password_env = "VR_SITE_B_PASSWORD" }
  }`,
  vcda: (simUrl) => `
  vcda = {
    endpoint           = "${simUrl}/vcda"
    credentials        = { username_env = "VCDA_SITE1_USER", password_env = "VCDA_SITE1_PASSWORD" }
    remote_credentials = { username_env = "VCDA_SITE2_USER", password_env = "VCDA_SITE2_PASSWORD" }
  }`,
  sdrs: (simUrl) => `
  sdrs = {
    endpoint    = "${simUrl}/sdrs"
    project_id  = "${SDRS_PROJECT_ID}"
    credentials = { access_key_env = "HW_AK", secret_key_env = "HW_SK" }
  }`,
};

/**
 * The `terraform` and `provider "repliform"` blocks of a stack managing `vendors` on the simulator at `simUrl` (its
 * VR API at the root, VCDA under /vcda, SDRS under /sdrs), with the variables of SIM_ENV, VCDA_SIM_ENV, SDRS_SIM_ENV.
 */
export function providerHcl(simUrl: string, vendors: ReadonlyArray<keyof typeof VENDOR_BLOCKS> = ['vr', 'vcda', 'sdrs']): string {
  return `
terraform {
  required_providers {
    repliform = { source = "${PROVIDER_SOURCE}" }
  }
}

provider "repliform" {${vendors.map((vendor) => VENDOR_BLOCKS[vendor](simUrl)).join('')}
}
`;
}

/** The `terraform` and `provider "repliform"` blocks of a stack managing VR at `endpoint`, with SIM_ENV's variables. */
export function vrProviderHcl(endpoint: string): string {
  return providerHcl(endpoint, ['vr']);
}

/** The SDRS protection group `web` (owner e2e/group) in the simulator's seeded AZs and VPC, as HCL. */
export const SDRS_GROUP_HCL = `
resource "repliform_sdrs_protection_group" "web" {
  name                     = "web-group"
  source_availability_zone = "${SDRS_SOURCE_AZ}"
  target_availability_zone = "${SDRS_TARGET_AZ}"
  domain_id                = "${SDRS_DOMAIN_ID}"
  source_vpc_id            = "${SDRS_VPC_ID}"
  owner                    = "e2e/group"
}
`;

/** How the other SDRS resources name that group (its natural key), as an HCL object. */
export const SDRS_GROUP_REF_HCL = `{ source_availability_zone = "${SDRS_SOURCE_AZ}", target_availability_zone = "${SDRS_TARGET_AZ}", source_vpc_id = "${SDRS_VPC_ID}", owner = "e2e/group" }`;

export interface VrReplicationBlock {
  /** The resource's name in `repliform_vr_replication.<name>`. @default the VM's name */
  readonly name?: string;
  readonly vm: string;
  readonly rpoMinutes: number;
  /** More attribute lines, each ending in a newline. @default none */
  readonly attributes?: string;
}

/** A repliform_vr_replication block: the VM to ds-b-gold over the pairing with vc-b.example.local. */
export function vrReplicationHcl(block: VrReplicationBlock): string {
  return `
resource "repliform_vr_replication" "${block.name ?? block.vm}" {
  pairing  = { remote_site = "vc-b.example.local" }
  vm       = { name = "${block.vm}" }
  target   = { datastore = "ds-b-gold" }
  settings = { rpo_minutes = ${block.rpoMinutes} }
${block.attributes ?? ''}}
`;
}

/** Writes `<stackDir>/main.tf`: the VR provider at `endpoint`, the replications, then `tail` (e.g. import blocks). */
export function writeVrStack(stackDir: string, endpoint: string, replications: readonly VrReplicationBlock[], tail = ''): void {
  writeFileSync(join(stackDir, 'main.tf'), vrProviderHcl(endpoint) + replications.map(vrReplicationHcl).join('') + tail);
}

/** `terraform init`, then `terraform apply -auto-approve`: the apply's result. */
export async function initAndApply(stackDir: string, env: NodeJS.ProcessEnv): Promise<CommandResult> {
  await terraform(stackDir, ['init'], env);
  return terraform(stackDir, ['apply', '-auto-approve'], env);
}

/**
 * A user's app (default backing, local state under workDir): the simulator's site1 at `simUrl` with both sites'
 * credentials from the environment, and one VcdaReplication of vcd-web-01 to vdc-gold on site2 with `props`.
 * Synthesized into `<workDir>/cdktf.out`; returns the stack's directory.
 */
export function synthVcdaApp(workDir: string, simUrl: string, stackName: string, props: Partial<VcdaReplicationProps>): string {
  const app = new App({ outdir: join(workDir, 'cdktf.out') });
  const stack = new TerraformStack(app, stackName);
  new LocalBackend(stack, { path: join(workDir, `terraform.${stackName}.tfstate`) });
  const site1 = vcdaSite(stack, { endpoint: `${simUrl}/vcda`, remoteCredentials: SITE2_CREDENTIALS });
  vcdaReplication(stack, props, 'vcd-web-01', site1);
  app.synth();
  return join(workDir, 'cdktf.out', 'stacks', stackName);
}

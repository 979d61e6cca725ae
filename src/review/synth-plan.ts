/**
 * `--synth-dir cdktf.out`: plans every synthesized stack with the Terraform (or OpenTofu) on PATH and
 * returns each plan's JSON, so a reviewer needs one command:
 *   terraform init → terraform plan -lock=false -out=<tmp> → terraform show -json <tmp>   (in each stack's directory)
 * A review never writes state, so its plan does not take the state lock: two pull requests, or a review
 * during a deploy, do not make each other fail with "Error acquiring the state lock".
 * It also reads each stack's `removed` blocks from cdk.tf.json, which the plan JSON does not show.
 */
import { spawn } from 'node:child_process';
import { accessSync, constants, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { isObject } from './plan-reader';

export interface StackPlan {
  readonly stack: string;
  readonly source: string;
  readonly text: string;
  /** Addresses a `removed` block covers with a destroy-time provisioner (their delete hook runs). */
  readonly removedWithHook: ReadonlySet<string>;
}

export interface SynthPlanOptions {
  readonly env: NodeJS.ProcessEnv;
  /** The binary to run. @default - REPLIFORM_TERRAFORM, else `terraform`, else `tofu` found on PATH */
  readonly terraform?: string;
  /**
   * Let Terraform read the live objects (the native provider's refresh, which needs the API credentials). Off,
   * the plan is made against the stored state, as a lifecycle backing's always is: a plan-only review needs no
   * credentials. @default true
   */
  readonly refresh?: boolean;
}

/** `terraform` or `tofu`, whichever PATH has first (REPLIFORM_TERRAFORM overrides). */
export function findTerraform(env: NodeJS.ProcessEnv): string {
  if (env.REPLIFORM_TERRAFORM) return env.REPLIFORM_TERRAFORM;
  const dirs = (env.PATH ?? '').split(delimiter).filter((dir) => dir.length > 0);
  for (const binary of ['terraform', 'tofu']) {
    for (const dir of dirs) {
      try {
        accessSync(join(dir, binary), constants.X_OK);
        return binary;
      } catch {
        // not here
      }
    }
  }
  throw new Error('neither terraform nor tofu is on PATH; install one, set REPLIFORM_TERRAFORM, or review a saved plan with --plan');
}

function run(binary: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(Buffer.concat(out).toString('utf8'));
      else reject(new Error(`${binary} ${args.join(' ')} failed in ${cwd} (exit ${code}):\n${Buffer.concat(err).toString('utf8').trim()}`));
    });
  });
}

/** Stack name → its working directory, from cdktf.out/manifest.json. */
export function synthesizedStacks(synthDir: string): Array<[string, string]> {
  const file = join(synthDir, 'manifest.json');
  if (!existsSync(file)) throw new Error(`${file} not found: run \`cdktf synth\` (or your app) first, or give the right --synth-dir`);
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as unknown;
  const stacks = isObject(manifest) && isObject(manifest.stacks) ? manifest.stacks : {};
  return Object.entries(stacks)
    .map(([name, entry]): [string, string] => [name, join(synthDir, isObject(entry) && typeof entry.workingDirectory === 'string' ? entry.workingDirectory : join('stacks', name))])
    .sort(([a], [b]) => a.localeCompare(b));
}

/** Addresses of `removed` blocks in cdk.tf.json that destroy (the default) with a destroy-time provisioner. */
export function removedWithHook(stackDir: string): Set<string> {
  const file = join(stackDir, 'cdk.tf.json');
  const found = new Set<string>();
  if (!existsSync(file)) return found;
  const config = JSON.parse(readFileSync(file, 'utf8')) as unknown;
  const blocks = isObject(config) && Array.isArray(config.removed) ? config.removed : [];
  for (const block of blocks) {
    if (!isObject(block) || typeof block.from !== 'string') continue;
    const destroys = !(isObject(block.lifecycle) && block.lifecycle.destroy === false);
    const provisioners = Array.isArray(block.provisioner) ? block.provisioner : [];
    const hook = provisioners.some((p) => isObject(p) && Object.values(p).some((body) => isObject(body) && body.when === 'destroy'));
    if (destroys && hook) found.add(block.from);
  }
  return found;
}

/** Plans every stack of a cdktf.out directory and returns the plans' JSON. */
export async function planSynthDir(synthDir: string, options: SynthPlanOptions): Promise<StackPlan[]> {
  const binary = options.terraform ?? findTerraform(options.env);
  const scratch = mkdtempSync(join(tmpdir(), 'repliform-review-'));
  try {
    const plans: StackPlan[] = [];
    for (const [stack, dir] of synthesizedStacks(synthDir)) {
      const planFile = join(scratch, `${stack}.tfplan`);
      await run(binary, ['init', '-input=false', '-no-color'], dir, options.env);
      const refresh = options.refresh === false ? ['-refresh=false'] : [];
      await run(binary, ['plan', '-input=false', '-no-color', '-lock=false', ...refresh, `-out=${planFile}`], dir, options.env);
      const text = await run(binary, ['show', '-json', planFile], dir, options.env);
      plans.push({ stack, source: `${dir} (${binary} plan)`, text, removedWithHook: removedWithHook(dir) });
    }
    return plans;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * Shared plumbing for the main job (`npm start`), the end-to-end tests and the benchmark: synthesize an
 * example, run real Terraform (or OpenTofu) on it, and put a `repliform` command on PATH for the
 * provisioners — the way an installed package's bin would be.
 */
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The repository root (the directory holding package.json), found from this file. */
export function projectRoot(): string {
  for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'examples'))) return dir;
  }
  throw new Error(`cannot find the repliform project root above ${__dirname}`);
}

export interface CommandResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface RunOptions {
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  /** Echo output as it comes (the main job), or only collect it (tests). */
  readonly echo?: boolean;
}

/**
 * How long a command may run before it is taken as hung: `REPLIFORM_COMMAND_HANG_LIMIT_MS` (the tests set
 * 300 s), none when unset (the main job and the benchmark at any size). A limit for hangs, not for speed.
 */
function hangLimitMs(): number | undefined {
  const limit = Number(process.env.REPLIFORM_COMMAND_HANG_LIMIT_MS);
  return Number.isFinite(limit) && limit > 0 ? limit : undefined;
}

export function run(command: string, args: readonly string[], options: RunOptions): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const limit = hangLimitMs();
    // With a hang limit the command leads its own process group, so that a hung one is killed with everything it started (providers).
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'], detached: limit !== undefined });
    let stdout = '';
    let stderr = '';
    const hang = limit === undefined ? undefined : setTimeout(() => {
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      reject(new Error(`${command} ${args.join(' ')} did not finish in ${limit / 1000} s: it hung (output so far:\n${stdout.slice(-2000)}${stderr.slice(-2000)})`));
    }, limit);
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (options.echo) process.stdout.write(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (options.echo) process.stderr.write(chunk);
    });
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(hang);
      resolve({ code: code ?? 1, stdout, stderr });
    });
  });
}

export async function runOrThrow(command: string, args: readonly string[], options: RunOptions): Promise<CommandResult> {
  const result = await run(command, args, options);
  if (result.code !== 0) {
    throw new Error(`${command} ${args.join(' ')} exited with ${result.code}\n${result.stderr || result.stdout}`);
  }
  return result;
}

/**
 * A directory with a `repliform` executable that runs this checkout's compiled CLI; prepend it to PATH.
 * (An installed package gets the same from npm's bin link.)
 */
export function makeCliShim(dir: string): string {
  mkdirSync(dir, { recursive: true });
  const shim = join(dir, 'repliform');
  const cli = join(projectRoot(), 'dist', 'src', 'cli', 'main.js');
  writeFileSync(shim, `#!/bin/sh\nexec node "${cli}" "$@"\n`);
  chmodSync(shim, 0o755);
  return dir;
}

/** The app context that selects the lifecycle backing (the provider is the default). */
export const LIFECYCLE_CONTEXT_JSON = JSON.stringify({ 'repliform:backing': 'terraform_data' });

/**
 * The environment Terraform runs in: its own empty CLI config, no checkpoint calls, the CLI shim first on PATH,
 * and apps synthesized with the lifecycle backing unless `extra` sets CDKTF_CONTEXT_JSON (providerEnv does).
 */
export function terraformEnv(workDir: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const cliConfig = join(workDir, 'terraform.rc');
  if (!existsSync(cliConfig)) writeFileSync(cliConfig, '');
  const bin = makeCliShim(join(workDir, 'bin'));
  return {
    ...process.env,
    CDKTF_CONTEXT_JSON: LIFECYCLE_CONTEXT_JSON,
    ...extra,
    PATH: `${bin}:${process.env.PATH ?? ''}`,
    TF_CLI_CONFIG_FILE: cliConfig,
    REPLIFORM_CACHE_DIR: join(workDir, 'cache'),
    TF_IN_AUTOMATION: '1',
    CHECKPOINT_DISABLE: '1',
  };
}

/**
 * `terraformEnv` for the native provider: `repliform provider install` puts the provider into a filesystem
 * mirror under `workDir` and writes the CLI configuration that makes `terraform init` use it with no network.
 */
export async function providerEnv(workDir: string, extra: NodeJS.ProcessEnv = {}): Promise<NodeJS.ProcessEnv> {
  const cli = join(projectRoot(), 'dist', 'src', 'cli', 'main.js');
  const args = [cli, 'provider', 'install', '--mirror', join(workDir, 'mirror'), '--cli-config', join(workDir, 'terraform.rc')];
  await runOrThrow(process.execPath, args, { cwd: workDir, env: process.env });
  return terraformEnv(workDir, { CDKTF_CONTEXT_JSON: JSON.stringify({ 'repliform:backing': 'provider' }), ...extra });
}

/** `terraform` by default; REPLIFORM_TERRAFORM=tofu runs OpenTofu instead. */
export function terraformBinary(): string {
  return process.env.REPLIFORM_TERRAFORM ?? 'terraform';
}

/** Synthesizes examples/<name> into `outdir`; returns the directory of each stack. */
export async function synthExample(name: string, outdir: string, env: NodeJS.ProcessEnv): Promise<Record<string, string>> {
  const app = join(projectRoot(), 'dist', 'examples', name, 'main.js');
  await runOrThrow('node', [app], { cwd: projectRoot(), env: { ...env, CDKTF_OUTDIR: outdir } });
  const manifest = JSON.parse(readFileSync(join(outdir, 'manifest.json'), 'utf8')) as { stacks: Record<string, { workingDirectory: string }> };
  return Object.fromEntries(Object.entries(manifest.stacks).map(([stack, entry]) => [stack, join(outdir, entry.workingDirectory)]));
}

export interface ResourceChange {
  readonly address: string;
  readonly actions: readonly string[];
}

/** `terraform plan` saved and read back as JSON: which resources would be created, updated, replaced. */
export async function planChanges(stackDir: string, env: NodeJS.ProcessEnv): Promise<ResourceChange[]> {
  const tf = terraformBinary();
  await runOrThrow(tf, ['plan', '-input=false', '-no-color', '-out=tfplan'], { cwd: stackDir, env });
  const shown = await runOrThrow(tf, ['show', '-json', 'tfplan'], { cwd: stackDir, env });
  const plan = JSON.parse(shown.stdout) as { resource_changes?: { address: string; change: { actions: string[] } }[] };
  return (plan.resource_changes ?? []).map((change) => ({ address: change.address, actions: change.change.actions }));
}

export async function terraform(stackDir: string, args: readonly string[], env: NodeJS.ProcessEnv, echo = false): Promise<CommandResult> {
  const [subcommand, ...rest] = args;
  return runOrThrow(terraformBinary(), [subcommand, '-input=false', '-no-color', ...rest], { cwd: stackDir, env, echo });
}

/**
 * The vendor-neutral harness of the benchmark and the fault campaign: a fleet example synthesized and deployed
 * with real Terraform (through deploy-kit) against a simulator the vendor's profile starts, timing, the
 * simulator's request log turned into figures through the profile's operation names (requests per operation,
 * logins, task polls), the CLI's per-process metrics, secret scans, machine info and report tables.
 * Everything a vendor decides is in its profile (scripts/bench/profiles/<vendor>.ts, see BenchProfile).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, relative } from 'node:path';
import type { FaultRule, RecordedRequest, RunningSimulator, SimulatorOptions } from '../../src/simulator';
import { providerEnv, run, synthExample, terraform, terraformBinary, terraformEnv, type CommandResult } from '../deploy-kit';

/** Terraform's `-parallelism` unless the bench says otherwise (`--parallelism`). */
export const PARALLELISM = 10;

/**
 * How the fleet's objects reach Terraform: `lifecycle` = terraform_data resources whose provisioners run one
 * `repliform` process per resource action; `provider` = one `repliform_<vendor>_<kind>` resource per object served
 * by the native provider (one process per Terraform command, installed offline through deploy-kit's providerEnv).
 */
export type Backing = 'lifecycle' | 'provider';

export const BACKINGS: readonly Backing[] = ['lifecycle', 'provider'];

/** `provider,lifecycle` → the backings in that order, or a one-line error naming the allowed values. */
export function backingList(text: string): Backing[] {
  const values = text.split(',').map((part) => part.trim()).filter((part) => part !== '');
  const unknown = values.filter((value) => !(BACKINGS as readonly string[]).includes(value));
  if (values.length === 0 || unknown.length > 0) {
    throw new Error(`--backing must be a comma-separated list of ${BACKINGS.join(', ')}, got ${JSON.stringify(text)}`);
  }
  return [...new Set(values)] as Backing[];
}

/** One work dir with the fleet synthesized, Terraform initialized, and the CLI's metrics going to a file. */
export interface FleetDeployment {
  readonly workDir: string;
  readonly stackDir: string;
  readonly metricsFile: string;
  readonly backing: Backing;
  /** Terraform's `-parallelism` for every command of this deployment. */
  readonly parallelism: number;
  /** TF_LOG=trace output of every Terraform command (scanned for secrets with the rest of the work dir), when traced. */
  readonly traceLog?: string;
  env: NodeJS.ProcessEnv;
  /** Everything Terraform and the CLI printed (for secret scans). */
  readonly printed: string[];
}

export interface FleetDeploymentOptions {
  readonly profile: BenchProfile;
  readonly workDir: string;
  readonly sim: RunningSimulator;
  readonly size: number;
  readonly users: CanaryUsers;
  /** Extra environment (e.g. REPLIFORM_HTTP_TIMEOUT_MS). */
  readonly extraEnv?: NodeJS.ProcessEnv;
  /** Directories put on PATH ahead of deploy-kit's CLI shim (the chaos kill shim). */
  readonly pathFirst?: readonly string[];
  /** @default 'lifecycle' */
  readonly backing?: Backing;
  /** Run every Terraform command with TF_LOG=trace into <workDir>/terraform-trace.log. */
  readonly trace?: boolean;
  /** Terraform's `-parallelism`. @default PARALLELISM */
  readonly parallelism?: number;
}

export async function prepareFleet(options: FleetDeploymentOptions): Promise<FleetDeployment> {
  const { profile, workDir, sim, size, users } = options;
  mkdirSync(workDir, { recursive: true });
  const metricsFile = join(workDir, 'metrics.jsonl');
  // Keep whatever the CLI caches (a shared session store) inside the work dir, where the scans look.
  for (const dir of ['cache', 'tmp', 'runtime']) mkdirSync(join(workDir, dir), { recursive: true, mode: 0o700 });
  const backing = options.backing ?? 'lifecycle';
  const traceLog = options.trace ? join(workDir, 'terraform-trace.log') : undefined;
  const extra: NodeJS.ProcessEnv = {
    ...users,
    ...options.extraEnv,
    ...profile.fleet.env(size, sim.url),
    REPLIFORM_METRICS_FILE: metricsFile,
    XDG_CACHE_HOME: join(workDir, 'cache'),
    XDG_RUNTIME_DIR: join(workDir, 'runtime'),
    TMPDIR: join(workDir, 'tmp'),
    ...(traceLog ? { TF_LOG: 'trace', TF_LOG_PATH: traceLog } : {}),
  };
  const env = backing === 'provider' ? await providerEnv(workDir, extra) : terraformEnv(workDir, extra);
  if (options.pathFirst?.length) env.PATH = `${options.pathFirst.join(':')}:${env.PATH ?? ''}`;
  const stackDir = (await synthExample(profile.fleet.example, join(workDir, 'cdktf.out'), env))[profile.fleet.stack];
  await terraform(stackDir, ['init'], env);
  return { workDir, stackDir, metricsFile, backing, parallelism: options.parallelism ?? PARALLELISM, traceLog, env, printed: [] };
}

export interface TimedCommand extends CommandResult {
  readonly wallMs: number;
  /** CPU of the command and every descendant it waited for (Terraform, its provider, the provisioner shells, the CLI processes). */
  readonly childCpu: ChildCpu;
  /** CPU of this (bench) process meanwhile: the in-process simulator serving the requests. */
  readonly selfCpuMs: number;
}

export interface ChildCpu {
  readonly userMs: number;
  readonly systemMs: number;
}

const CLOCK_TICKS_PER_SECOND = 100;

/**
 * CPU time of the reaped descendants of this process (cutime + cstime of /proc/self/stat, in clock ticks of
 * 10 ms). A delta around one command gives the command's CPU with all its children. NaN off Linux.
 */
export function reapedChildrenCpu(): ChildCpu {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // fields[0] is field 3 (state); cutime is field 16, cstime field 17
    const tick = 1000 / CLOCK_TICKS_PER_SECOND;
    return { userMs: Number(fields[13]) * tick, systemMs: Number(fields[14]) * tick };
  } catch {
    return { userMs: Number.NaN, systemMs: Number.NaN };
  }
}

function selfCpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

/** `terraform apply|destroy -auto-approve -parallelism=<the deployment's>`, timed; never throws (faults make it fail on purpose). */
export async function terraformTimed(deployment: FleetDeployment, subcommand: 'apply' | 'destroy', extra: readonly string[] = []): Promise<TimedCommand> {
  const started = performanceNow();
  const cpuBefore = reapedChildrenCpu();
  const selfBefore = selfCpuMs();
  const result = await run(
    terraformBinary(),
    [subcommand, '-input=false', '-no-color', '-auto-approve', `-parallelism=${deployment.parallelism}`, ...extra],
    { cwd: deployment.stackDir, env: deployment.env },
  );
  const wallMs = performanceNow() - started;
  const cpuAfter = reapedChildrenCpu();
  const childCpu = { userMs: cpuAfter.userMs - cpuBefore.userMs, systemMs: cpuAfter.systemMs - cpuBefore.systemMs };
  deployment.printed.push(result.stdout, result.stderr);
  return { ...result, wallMs, childCpu, selfCpuMs: selfCpuMs() - selfBefore };
}

/** `terraform plan -detailed-exitcode`: 0 = converged, 2 = changes pending. */
export async function planPending(deployment: FleetDeployment): Promise<{ pending: boolean; output: string }> {
  const result = await run(terraformBinary(), ['plan', '-input=false', '-no-color', '-detailed-exitcode', `-parallelism=${deployment.parallelism}`], {
    cwd: deployment.stackDir,
    env: deployment.env,
  });
  deployment.printed.push(result.stdout, result.stderr);
  if (result.code === 1) throw new Error(`terraform plan failed:\n${result.stderr || result.stdout}`);
  return { pending: result.code === 2, output: result.stdout };
}

export function performanceNow(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

// ------------------------------------------------------------------------------------------ requests

export interface RequestSummary {
  readonly total: number;
  readonly logins: number;
  readonly logouts: number;
  readonly remoteLogins: number;
  readonly taskPolls: number;
  /** Requests that created a task (2xx POST/DELETE on replications and pairings). */
  readonly tasksCreated: number;
  /** total − task polls − logins − logouts. */
  readonly beyondPolling: number;
  readonly faulted: number;
  readonly unauthorized: number;
  /** Operation → count, most frequent first. */
  readonly byOperation: readonly { operation: string; count: number }[];
}

/** Counts the requests by the profile's operation names; "beyond polling" leaves out its polls, logins and logouts. */
export function summarizeRequests(records: readonly RecordedRequest[], requests: RequestProfile): RequestSummary {
  const counts = new Map<string, number>();
  let tasksCreated = 0;
  for (const record of records) {
    const operation = requests.operationOf(record);
    counts.set(operation, (counts.get(operation) ?? 0) + 1);
    if (requests.createsTask(operation, record.status)) tasksCreated += 1;
  }
  const count = (operation: string) => counts.get(operation) ?? 0;
  const total = records.length;
  const logins = count(requests.login);
  const logouts = count(requests.logout);
  const taskPolls = count(requests.taskPoll);
  return {
    total,
    logins,
    logouts,
    remoteLogins: requests.remoteLogin === undefined ? 0 : count(requests.remoteLogin),
    taskPolls,
    tasksCreated,
    beyondPolling: total - taskPolls - logins - logouts,
    faulted: records.filter((r) => r.fault !== undefined).length,
    unauthorized: records.filter((r) => r.status === 401).length,
    byOperation: [...counts.entries()].map(([operation, n]) => ({ operation, count: n })).sort((a, b) => b.count - a.count || a.operation.localeCompare(b.operation)),
  };
}

/** Requests recorded since `from` (an index into sim.requests taken before the phase). */
export function requestsSince(sim: RunningSimulator, from: number): RecordedRequest[] {
  return sim.requests.slice(from);
}

// ------------------------------------------------------------------------------------------ metrics

export interface ProcessMetricsLine {
  pid: number;
  action: string;
  kind: string;
  exitCode: number;
  startupMs: number;
  totalMs: number;
  maxRssKb: number;
  /** CPU (user + system) of the process; absent from CLIs older than the field. */
  cpuMs?: number;
  requests?: number;
  retries?: number;
  logins?: number;
  taskPolls?: number;
  /** The provider's line (action `provider`): the resource RPCs it served (validate, read, plan, apply, import). */
  resourceActions?: number;
}

/** The metrics line each provider process appends at shutdown. */
export const PROVIDER_ACTION = 'provider';

/** The provider processes of a phase (Terraform starts one per command, and more for validation and plan). */
export interface ProviderSummary {
  readonly processes: number;
  /** From process start to the handshake line. */
  readonly startupP50Ms: number;
  readonly startupMaxMs: number;
  readonly startupSumMs: number;
  readonly cpuSumMs: number;
  readonly resourceActions: number;
  readonly requests: number;
  readonly retries: number;
  readonly logins: number;
  /** CPU ÷ resource actions (NaN when no action was served). */
  readonly cpuPerActionMs: number;
  readonly peakRssMb: number;
}

export function summarizeProvider(lines: readonly ProcessMetricsLine[]): ProviderSummary {
  const providers = lines.filter((line) => line.action === PROVIDER_ACTION);
  const sum = (field: (line: ProcessMetricsLine) => number | undefined) => providers.reduce((total, line) => total + (field(line) ?? 0), 0);
  const cpuSumMs = sum((l) => l.cpuMs);
  const resourceActions = sum((l) => l.resourceActions);
  return {
    processes: providers.length,
    startupP50Ms: percentile(providers.map((l) => l.startupMs), 50),
    startupMaxMs: providers.length ? Math.max(...providers.map((l) => l.startupMs)) : Number.NaN,
    startupSumMs: sum((l) => l.startupMs),
    cpuSumMs,
    resourceActions,
    requests: sum((l) => l.requests),
    retries: sum((l) => l.retries),
    logins: sum((l) => l.logins),
    cpuPerActionMs: resourceActions > 0 ? cpuSumMs / resourceActions : Number.NaN,
    peakRssMb: providers.length ? Math.max(...providers.map((l) => l.maxRssKb / 1024)) : Number.NaN,
  };
}

export function readMetrics(file: string): ProcessMetricsLine[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .flatMap((line) => {
      try {
        return [JSON.parse(line) as ProcessMetricsLine];
      } catch {
        return []; // a process killed mid-write
      }
    });
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

export interface ProcessSummary {
  readonly processes: number;
  readonly startupP50Ms: number;
  readonly startupP95Ms: number;
  readonly totalP50Ms: number;
  readonly peakRssMb: number;
  readonly medianRssMb: number;
  readonly retries: number;
  readonly failed: number;
  /** Sums over the processes: CPU (user + system) and wall time (each process holds a Terraform slot that long). */
  readonly cpuSumMs: number;
  readonly wallSumMs: number;
  readonly cpuMeanMs: number;
  readonly wallMeanMs: number;
  /** Processes that made no API request at all (for `update`: the no-op path after a create). */
  readonly noRequest: number;
}

export function summarizeProcesses(lines: readonly ProcessMetricsLine[]): ProcessSummary {
  const startups = lines.map((l) => l.startupMs);
  const rss = lines.map((l) => l.maxRssKb / 1024);
  return {
    processes: lines.length,
    startupP50Ms: percentile(startups, 50),
    startupP95Ms: percentile(startups, 95),
    totalP50Ms: percentile(lines.map((l) => l.totalMs), 50),
    peakRssMb: rss.length ? Math.max(...rss) : Number.NaN,
    medianRssMb: percentile(rss, 50),
    retries: lines.reduce((sum, l) => sum + (l.retries ?? 0), 0),
    failed: lines.filter((l) => l.exitCode !== 0).length,
    cpuSumMs: lines.reduce((sum, l) => sum + (l.cpuMs ?? Number.NaN), 0),
    wallSumMs: lines.reduce((sum, l) => sum + l.totalMs, 0),
    cpuMeanMs: lines.length ? lines.reduce((sum, l) => sum + (l.cpuMs ?? Number.NaN), 0) / lines.length : Number.NaN,
    wallMeanMs: lines.length ? lines.reduce((sum, l) => sum + l.totalMs, 0) / lines.length : Number.NaN,
    noRequest: lines.filter((l) => (l.requests ?? 0) === 0).length, // the no-op path reports no counters at all
  };
}

// ------------------------------------------------------------------------------------------ secrets

export interface SecretFinding {
  readonly where: string;
  readonly secret: 'password' | 'basic-auth' | 'session-id';
  /** File mode (octal) when it is a file. */
  readonly mode?: string;
}

/** Every regular file under `dir` (following no symlinks). */
export function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  const walk = (current: string) => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const path = join(current, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) out.push(path);
    }
  };
  walk(dir);
  return out;
}

export interface SecretNeedle {
  readonly needle: string;
  readonly secret: SecretFinding['secret'];
}

export interface SecretScan {
  readonly filesScanned: number;
  readonly outputsScanned: number;
  /** Passwords (or Basic credentials) anywhere: must be empty. */
  readonly passwordLeaks: SecretFinding[];
  /** Session ids in state, cdk.tf.json, plans, logs or printed output: must be empty. */
  readonly sessionLeaks: SecretFinding[];
  /** Files that hold a session id legitimately (a session store): each must be mode 0600. */
  readonly sessionStores: SecretFinding[];
}

function isTerraformArtifact(path: string): boolean {
  return /(\.tfstate(\.backup)?|cdk\.tf\.json|tfplan|\.log|\.jsonl|\.md|manifest\.json)$/.test(path);
}

/** Scans every file under `dirs` and every captured output for the passwords (the profile's needles) and the session ids. */
export function scanForSecrets(dirs: readonly string[], outputs: readonly string[], passwords: readonly SecretNeedle[], sessionIds: readonly string[]): SecretScan {
  const sessions = sessionIds.filter((id) => id.length >= 8);
  const passwordLeaks: SecretFinding[] = [];
  const sessionLeaks: SecretFinding[] = [];
  const sessionStores: SecretFinding[] = [];
  let filesScanned = 0;
  for (const dir of dirs) {
    for (const file of filesUnder(dir)) {
      filesScanned += 1;
      const text = readFileSync(file).toString('latin1');
      const where = relative(dir, file) || file;
      const mode = (statSync(file).mode & 0o777).toString(8).padStart(4, '0');
      for (const { needle, secret } of passwords) if (text.includes(needle)) passwordLeaks.push({ where, secret, mode });
      if (sessions.some((id) => text.includes(id))) {
        (isTerraformArtifact(file) ? sessionLeaks : sessionStores).push({ where, secret: 'session-id', mode });
      }
    }
  }
  outputs.forEach((output, index) => {
    for (const { needle, secret } of passwords) if (output.includes(needle)) passwordLeaks.push({ where: `captured output #${index}`, secret });
    if (sessions.some((id) => output.includes(id))) sessionLeaks.push({ where: `captured output #${index}`, secret: 'session-id' });
  });
  return { filesScanned, outputsScanned: outputs.length, passwordLeaks, sessionLeaks, sessionStores };
}

// ------------------------------------------------------------------------------------------ machine

export interface MachineInfo {
  readonly cores: number;
  readonly cpuModel: string;
  readonly memoryGb: number;
  readonly node: string;
  readonly terraform: string;
}

export function machineInfo(): MachineInfo {
  let tf = 'unknown';
  try {
    const out = execFileSync(terraformBinary(), ['version', '-json'], { env: { ...process.env, CHECKPOINT_DISABLE: '1', TF_CLI_CONFIG_FILE: '/dev/null' }, stdio: ['ignore', 'pipe', 'ignore'] }).toString();
    tf = (JSON.parse(out) as { terraform_version?: string }).terraform_version ?? tf;
  } catch {
    // keep unknown
  }
  return {
    cores: cpus().length,
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    memoryGb: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    terraform: `${terraformBinary()} ${tf}`,
  };
}

export function machineLine(machine: MachineInfo): string {
  return `${machine.cores} cores (${machine.cpuModel}), ${machine.memoryGb} GB RAM, Node ${machine.node}, ${machine.terraform}`;
}

// ------------------------------------------------------------------------------------------ formatting

export function seconds(ms: number, digits = 1): string {
  return Number.isFinite(ms) ? `${(ms / 1000).toFixed(digits)} s` : 'n/a';
}

export function fixed(value: number, digits = 1): string {
  return Number.isFinite(value) ? value.toFixed(digits) : 'n/a';
}

export function mark(ok: boolean): string {
  return ok ? '✓' : '✗';
}

export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** Flag `--name value` or `--name=value`, else the environment variable, else the default. */
export function option(argv: readonly string[], name: string, envName: string, fallback: string): string {
  const index = argv.findIndex((arg) => arg === `--${name}` || arg.startsWith(`--${name}=`));
  if (index >= 0) {
    const arg = argv[index];
    const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[index + 1];
    if (value === undefined) throw new Error(`--${name} needs a value`);
    return value;
  }
  return process.env[envName] ?? fallback;
}

export function numberList(text: string, what: string): number[] {
  const values = text.split(',').map((part) => part.trim()).filter((part) => part !== '').map(Number);
  if (values.length === 0 || values.some((v) => !Number.isInteger(v) || v < 0)) throw new Error(`${what} must be a comma-separated list of integers, got ${JSON.stringify(text)}`);
  return values;
}

export function positiveNumber(text: string, what: string): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${what} must be a non-negative number, got ${JSON.stringify(text)}`);
  return value;
}

export function today(): string {
  return new Date().toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC');
}

// ------------------------------------------------------------------------------------------ vendor profile

/** A baseline run: what a user would script instead of repliform, sequentially, with the vendor's client. */
export interface BaselineResult {
  readonly replications: number;
  readonly wallMs: number;
  /** From the client's own counters. */
  readonly requests: number;
  readonly logins: number;
  readonly taskPolls: number;
}

/** One bad-input case of the chaos campaign, run with the real CLI. */
export interface BadInputCase {
  readonly name: string;
  readonly expectedExit: number;
  readonly exitCode: number;
  /** The non-empty lines printed on stderr. */
  readonly stderrLines: string[];
  readonly stdout: string;
  readonly oneLine: boolean;
  /** Write requests (anything but GET and the session calls) the case sent to the simulator. */
  readonly writes: number;
  readonly replicationsBefore: number;
  readonly replicationsAfter: number;
  readonly unchanged: boolean;
  readonly wallMs: number;
  readonly ok: boolean;
}

export interface BadInputRun {
  readonly sim: RunningSimulator;
  readonly users: CanaryUsers;
  /** The deployed fleet's stack (a valid spec is read from its cdk.tf.json). */
  readonly stackDir: string;
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  readonly httpTimeoutMs: number;
}

/** Canary credentials as the environment variables the CLI reads (name → value); the passwords must never leak. */
export type CanaryUsers = Readonly<Record<string, string>>;

/** How a vendor's requests are named and counted. */
export interface RequestProfile {
  /** `GET /tasks/{id}`: the request's method and its API path with ids replaced by `{id}`. */
  readonly operationOf: (request: Pick<RecordedRequest, 'method' | 'path'>) => string;
  readonly login: string;
  readonly logout: string;
  /** A second login some vendors need (VR: the remote site's session). */
  readonly remoteLogin?: string;
  /** The request that counts as "polling" a task or job. */
  readonly taskPoll: string;
  /** Whether a request created a task (a write the CLI then polls). */
  readonly createsTask: (operation: string, status: number) => boolean;
}

/** One replicated object as the simulator holds it (read from its state, not through the faulty API). */
export interface LiveObject {
  readonly name: string;
  /** Healthy, as the vendor's state says (VR: configuration_state OK). */
  readonly ok: boolean;
  /** Its settings are those the fleet example declares. */
  readonly settingsAsDeclared: boolean;
}

export type FaultProfile = 'random' | 'forced';
/** all: HTTP faults, tasks in ERROR and SIGKILLs; http: HTTP faults and session expiry only. */
export type FaultSet = 'all' | 'http';

/** Everything the bench and the chaos campaign need to know about one vendor: one file per vendor in profiles/. */
export interface BenchProfile {
  readonly vendor: string;
  /** The example app synthesized for a fleet of N, its stack, and the environment it reads N and the endpoint from. */
  readonly fleet: {
    readonly example: string;
    readonly stack: string;
    readonly env: (size: number, endpoint: string) => NodeJS.ProcessEnv;
    /** The endpoint a synth-only run (no simulator) writes into the stack. */
    readonly placeholderEndpoint: string;
  };
  /** The resource kinds of the fleet (the replication is two Terraform resources: create + update). */
  readonly kinds: { readonly replication: string; readonly pairing: string };
  readonly canaryUsers: (tag: string) => CanaryUsers;
  readonly secretNeedles: (users: CanaryUsers) => SecretNeedle[];
  /** A simulator serving a fleet of `size` objects, with the canary users. */
  readonly startSimulator: (size: number, users: CanaryUsers, options?: SimulatorOptions) => Promise<RunningSimulator>;
  readonly requests: RequestProfile;
  /** The names the fleet example gives its N objects. */
  readonly expectedNames: (size: number) => string[];
  readonly liveObjects: (sim: RunningSimulator) => LiveObject[];
  /** The chaos campaign's fault mix; later rules fire only when earlier ones did not. */
  readonly faultRules: (profile: FaultProfile, httpTimeoutMs: number, faults: FaultSet) => FaultRule[];
  /** The baseline on a fresh simulator of `size` (the bench compares the deploy with it). */
  readonly baseline: (sim: RunningSimulator, users: CanaryUsers, size: number) => Promise<BaselineResult>;
  /** The bad-input cases of the chaos campaign, faults off. */
  readonly badInput: (run: BadInputRun) => Promise<BadInputCase[]>;
}

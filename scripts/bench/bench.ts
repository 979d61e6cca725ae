/**
 * The benchmark (`npm run bench`): fleets of N replications deployed and destroyed with real Terraform
 * (-parallelism=10) against the simulator, the baseline script on the same fleet, the synth time of a
 * 1,000-replication app and the `review` time of a 2,000-resource plan; figures against the targets of the
 * issue, written to bench/results.md.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { LIFECYCLE_CONTEXT_JSON, projectRoot, run, runOrThrow, terraform, terraformBinary, terraformEnv } from '../deploy-kit';
import {
  fixed,
  machineInfo,
  machineLine,
  mark,
  PARALLELISM,
  performanceNow,
  prepareFleet,
  readMetrics,
  requestsSince,
  scanForSecrets,
  seconds,
  summarizeProcesses,
  summarizeProvider,
  summarizeRequests,
  table,
  terraformTimed,
  today,
  type MachineInfo,
  type ProcessMetricsLine,
  type ProcessSummary,
  type ProviderSummary,
  type RequestSummary,
  type Backing,
  type SecretScan,
  type BaselineResult,
  type BenchProfile,
  type ChildCpu,
} from './harness';
import { benchProfile } from './profiles';

export const TARGETS = {
  loginsPerSitePair: 2,
  requestsPerReplication: 6,
  deployRatioAt100: 1.3,
  startupP50Ms: 250,
  synthMs: 10_000,
} as const;

/** The native provider's goals (issue 11). */
export const PROVIDER_TARGETS = {
  deployRatio: { 100: 1.1, 500: 1.3 } as Readonly<Record<number, number>>,
  cpuPerActionMs: 10,
  requestsPerReplication: 5,
} as const;

export interface BenchOptions {
  readonly sizes: readonly number[];
  readonly taskMs: number;
  /**
   * The baseline runs for real for fleets up to this size (it is sequential: N × task duration); larger fleets
   * get an estimate, linear from the largest fleet it ran for.
   */
  readonly baselineMax: number;
  /** Replications in the synth-time app. */
  readonly synthSize: number;
  /** Resources in the plan given to `review` (0 = skip). */
  readonly reviewResources: number;
  /** Markdown report path; undefined = do not write. */
  readonly outFile?: string;
  readonly keepWorkDirs?: boolean;
  /** The vendor profile (scripts/bench/profiles). @default 'vr' */
  readonly vendor?: string;
  /** Each fleet size runs once per backing, in this order, side by side in the report. @default ['lifecycle'] */
  readonly backings?: readonly Backing[];
  /** Terraform's `-parallelism` for apply, plan and destroy (the ideal is task × ⌈N / parallelism⌉). @default 10 */
  readonly parallelism?: number;
  readonly log?: (line: string) => void;
}

export interface PhaseResult {
  /** The kind of the replication resources (their processes make the per-replication slot time). */
  readonly replicationKind: string;
  /** The kind of the pairing resource (left out of the per-replication figures). */
  readonly pairingKind: string;
  readonly wallMs: number;
  readonly exitCode: number;
  readonly requests: RequestSummary;
  readonly processes: ProcessSummary;
  readonly byAction: Record<string, ProcessSummary>;
  /** CPU of `terraform apply|destroy` with all its descendants (CLI processes included). */
  readonly terraformCpu: ChildCpu;
  /** CPU of the bench process meanwhile (the in-process simulator). */
  readonly simulatorCpuMs: number;
  /** The provider processes' own lines (none with the lifecycle backing). */
  readonly provider: ProviderSummary;
  /** Resources added + changed + destroyed, from Terraform's closing line. */
  readonly resourcesChanged: number;
}

/** `terraform plan -detailed-exitcode` right after the deploy: refresh of every resource, nothing to change. */
export interface PlanResult {
  readonly wallMs: number;
  readonly exitCode: number;
  readonly provider: ProviderSummary;
  readonly requests: RequestSummary;
}

export interface SizeResult {
  readonly size: number;
  readonly backing: Backing;
  /** Terraform's `-parallelism` in this run. */
  readonly parallelism: number;
  /** The no-change plan after the deploy. */
  readonly plan: PlanResult;
  readonly idealMs: number;
  readonly deploy: PhaseResult;
  readonly destroy: PhaseResult;
  readonly replicationsAfterDeploy: number;
  readonly replicationsAfterDestroy: number;
  readonly configuredOk: number;
  readonly secrets: SecretScan;
  readonly baseline?: BaselineResult;
}

export interface SynthResult {
  readonly size: number;
  readonly wallMs: number;
  readonly resources: number;
}

export interface ReviewResult {
  readonly available: boolean;
  readonly note: string;
  readonly resources?: number;
  readonly wallMs?: number;
  readonly exitCode?: number;
  readonly ok?: boolean;
}

export interface BenchResult {
  readonly date: string;
  readonly machine: MachineInfo;
  readonly options: Omit<BenchOptions, 'log'>;
  readonly sizes: SizeResult[];
  readonly synth?: SynthResult;
  readonly review?: ReviewResult;
  readonly totalMs: number;
  readonly markdown: string;
}

function cliPath(): string {
  return join(projectRoot(), 'dist', 'src', 'cli', 'main.js');
}

function byAction(lines: readonly ProcessMetricsLine[]): Record<string, ProcessSummary> {
  const groups = new Map<string, ProcessMetricsLine[]>();
  for (const line of lines) {
    const key = `${line.action} ${line.kind}`;
    groups.set(key, [...(groups.get(key) ?? []), line]);
  }
  return Object.fromEntries([...groups.entries()].map(([key, group]) => [key, summarizeProcesses(group)]));
}

/** `Apply complete! Resources: 3 added, 1 changed, 0 destroyed.` / `Destroy complete! Resources: 4 destroyed.` → 4. */
export function resourcesChangedIn(output: string): number {
  const line = /(?:Apply|Destroy) complete! Resources: ([^\n]*)/.exec(output)?.[1] ?? '';
  return [...line.matchAll(/(\d+) (?:added|changed|destroyed|imported)/g)].reduce((sum, match) => sum + Number(match[1]), 0);
}

async function benchSize(size: number, backing: Backing, runBaseline: boolean, options: BenchOptions, profile: BenchProfile): Promise<SizeResult> {
  const log = (line: string) => (options.log ?? (() => undefined))(line.replace(/^\[bench N=(\d+)\]/, `[bench N=$1 ${backing}]`));
  const users = profile.canaryUsers(`bench${size}`);
  const sim = await profile.startSimulator(size, users, { taskDelayMs: options.taskMs });
  const workDir = mkdtempSync(join(tmpdir(), `repliform-bench-${size}-${backing}-`));
  try {
    log(`[bench N=${size}] synth + terraform init in ${workDir}`);
    const parallelism = options.parallelism ?? PARALLELISM;
    const deployment = await prepareFleet({ profile, workDir, sim, size, users, backing, parallelism });

    const phase = async (subcommand: 'apply' | 'destroy'): Promise<PhaseResult> => {
      const fromRequest = sim.requests.length;
      const fromMetric = readMetrics(deployment.metricsFile).length;
      log(`[bench N=${size}] terraform ${subcommand} -parallelism=${parallelism}`);
      const result = await terraformTimed(deployment, subcommand);
      if (result.code !== 0) throw new Error(`terraform ${subcommand} of a fleet of ${size} failed (exit ${result.code}):\n${(result.stderr || result.stdout).slice(-4000)}`);
      const lines = readMetrics(deployment.metricsFile).slice(fromMetric);
      log(`[bench N=${size}] ${subcommand}: ${seconds(result.wallMs)}`);
      return {
        replicationKind: profile.kinds.replication,
        pairingKind: profile.kinds.pairing,
        wallMs: result.wallMs,
        exitCode: result.code,
        requests: summarizeRequests(requestsSince(sim, fromRequest), profile.requests),
        processes: summarizeProcesses(lines),
        byAction: byAction(lines),
        terraformCpu: result.childCpu,
        simulatorCpuMs: result.selfCpuMs,
        provider: summarizeProvider(lines),
        resourcesChanged: resourcesChangedIn(result.stdout),
      };
    };

    const deploy = await phase('apply');
    const plan = await timedPlan(deployment, sim, profile);
    log(`[bench N=${size}] no-change plan: ${seconds(plan.wallMs)} (exit ${plan.exitCode})`);
    const live = profile.liveObjects(sim);
    const replicationsAfterDeploy = live.length;
    const configuredOk = live.filter((object) => object.ok).length;
    const destroy = await phase('destroy');
    const replicationsAfterDestroy = profile.liveObjects(sim).length;
    const secrets = scanForSecrets([workDir], deployment.printed, profile.secretNeedles(users), sim.issuedSessionIds);

    let baseline: BaselineResult | undefined;
    if (runBaseline && size <= options.baselineMax) {
      log(`[bench N=${size}] baseline (sequential VrClient script)`);
      const baseSim = await profile.startSimulator(size, users, { taskDelayMs: options.taskMs });
      try {
        baseline = await profile.baseline(baseSim, users, size);
      } finally {
        await baseSim.close();
      }
      log(`[bench N=${size}] baseline: ${seconds(baseline.wallMs)}`);
    }
    return {
      size,
      backing,
      parallelism,
      plan,
      idealMs: options.taskMs * Math.ceil(size / parallelism),
      deploy,
      destroy,
      replicationsAfterDeploy,
      replicationsAfterDestroy,
      configuredOk,
      secrets,
      baseline,
    };
  } finally {
    await sim.close();
    if (!options.keepWorkDirs) rmSync(workDir, { recursive: true, force: true });
  }
}

/** The plan that follows a deploy (`-detailed-exitcode`: 0 = nothing to change), timed, with its provider lines. */
async function timedPlan(deployment: Awaited<ReturnType<typeof prepareFleet>>, sim: Parameters<BenchProfile['liveObjects']>[0], profile: BenchProfile): Promise<PlanResult> {
  const fromRequest = sim.requests.length;
  const fromMetric = readMetrics(deployment.metricsFile).length;
  const started = performanceNow();
  const result = await run(terraformBinary(), ['plan', '-input=false', '-no-color', '-detailed-exitcode', `-parallelism=${deployment.parallelism}`], { cwd: deployment.stackDir, env: deployment.env });
  const wallMs = performanceNow() - started;
  deployment.printed.push(result.stdout, result.stderr);
  return {
    wallMs,
    exitCode: result.code,
    provider: summarizeProvider(readMetrics(deployment.metricsFile).slice(fromMetric)),
    requests: summarizeRequests(requestsSince(sim, fromRequest), profile.requests),
  };
}

async function timeSynth(profile: BenchProfile, size: number, outdir: string): Promise<number> {
  const app = join(projectRoot(), 'dist', 'examples', profile.fleet.example, 'main.js');
  // The lifecycle backing: the review step plans this app with terraformEnv, which has no provider installed.
  const env = { ...process.env, CDKTF_CONTEXT_JSON: LIFECYCLE_CONTEXT_JSON, ...profile.fleet.env(size, profile.fleet.placeholderEndpoint), CDKTF_OUTDIR: outdir };
  const started = performanceNow();
  await runOrThrow('node', [app], { cwd: projectRoot(), env });
  return performanceNow() - started;
}

async function benchSynth(profile: BenchProfile, size: number, workDir: string): Promise<SynthResult> {
  const outdir = join(workDir, 'cdktf.out');
  const wallMs = await timeSynth(profile, size, outdir);
  const json = JSON.parse(readFileSync(join(outdir, 'stacks', profile.fleet.stack, 'cdk.tf.json'), 'utf8')) as { resource?: Record<string, Record<string, unknown>> };
  const resources = Object.values(json.resource ?? {}).reduce((sum, group) => sum + Object.keys(group).length, 0);
  return { size, wallMs, resources };
}

/** Whether this checkout's CLI has `review` (another piece of work); detected, never assumed. */
export async function reviewAvailable(): Promise<boolean> {
  const help = await run('node', [cliPath(), 'review', '--help'], { cwd: projectRoot(), env: process.env });
  return help.code === 0 && /--plan/.test(help.stdout + help.stderr);
}

function reviewSucceeded(result: { code: number; stdout: string }): boolean {
  if (result.code !== 0 && result.code !== 2) return false;
  try {
    JSON.parse(result.stdout);
    return true;
  } catch {
    return false;
  }
}

async function benchReview(stackDir: string, workDir: string, log: (line: string) => void): Promise<ReviewResult> {
  if (!(await reviewAvailable())) return { available: false, note: 'n/a (review not available)' };
  log('[bench] review: terraform plan of the synth app as JSON');
  const env = terraformEnv(workDir, {});
  await terraform(stackDir, ['init'], env);
  await terraform(stackDir, ['plan', '-out=tfplan', `-parallelism=${PARALLELISM}`], env);
  const shown = await runOrThrow(terraformBinary(), ['show', '-json', 'tfplan'], { cwd: stackDir, env });
  const planFile = join(workDir, 'plan.json');
  writeFileSync(planFile, shown.stdout);
  const resources = ((JSON.parse(shown.stdout) as { resource_changes?: unknown[] }).resource_changes ?? []).length;
  const started = performanceNow();
  const result = await run('node', [cliPath(), 'review', '--plan', planFile, '--format', 'json'], { cwd: workDir, env });
  const wallMs = performanceNow() - started;
  return {
    available: true,
    resources,
    wallMs,
    exitCode: result.code,
    ok: reviewSucceeded(result),
    // `review` exits like `terraform plan -detailed-exitcode`: 0 no changes, 2 changes, 1 error.
    note: reviewSucceeded(result) ? `ok (exit ${result.code}, ${result.stdout.length} bytes of JSON)` : `review exited ${result.code}: ${(result.stderr.trim().split('\n')[0] ?? '').slice(0, 200)}`,
  };
}

export async function runBench(options: BenchOptions): Promise<BenchResult> {
  const started = performanceNow();
  const log = options.log ?? (() => undefined);
  const machine = machineInfo();
  const profile = benchProfile(options.vendor);
  const sizes: SizeResult[] = [];
  const backings = options.backings ?? ['lifecycle'];
  for (const size of options.sizes) {
    for (const [index, backing] of backings.entries()) sizes.push(await benchSize(size, backing, index === 0, options, profile));
  }

  let synth: SynthResult | undefined;
  let review: ReviewResult | undefined;
  if (options.synthSize > 0) {
    const workDir = mkdtempSync(join(tmpdir(), 'repliform-bench-synth-'));
    try {
      log(`[bench] synth of ${options.synthSize} replications`);
      synth = await benchSynth(profile, options.synthSize, workDir);
      log(`[bench] synth: ${seconds(synth.wallMs)}`);
      if (options.reviewResources > 0) {
        review = await benchReview(join(workDir, 'cdktf.out', 'stacks', profile.fleet.stack), workDir, log);
        log(`[bench] review: ${review.wallMs !== undefined ? seconds(review.wallMs) : review.note}`);
      }
    } finally {
      if (!options.keepWorkDirs) rmSync(workDir, { recursive: true, force: true });
    }
  }
  const { log: _unused, ...printable } = options;
  void _unused;
  const partial = { date: today(), machine, options: printable, sizes, synth, review, totalMs: performanceNow() - started };
  const markdown = renderBench(partial);
  if (options.outFile) {
    mkdirSync(dirname(options.outFile), { recursive: true });
    writeFileSync(options.outFile, markdown);
  }
  return { ...partial, markdown };
}

// ------------------------------------------------------------------------------------------ report

function perN(value: number, n: number, digits = 1): string {
  return n > 0 ? fixed(value / n, digits) : 'n/a';
}

interface Verdict {
  readonly figure: string;
  readonly target: string;
  readonly value: string;
  readonly ok: boolean | undefined;
  readonly miss: string;
}

function baselineCell(result: Pick<BenchResult, 'sizes'>, s: SizeResult, format: (b: BaselineFigures) => string): string {
  const b = baselineFor(result, s);
  if (!b) return 'not run';
  return b.estimatedFrom === undefined ? format(b) : `${format(b)} *est.* (from N=${b.estimatedFrom}, linear)`;
}

function topOperations(requests: RequestSummary, n: number, exclude: readonly string[], limit = 5): string {
  return requests.byOperation
    .filter((op) => !exclude.includes(op.operation))
    .slice(0, limit)
    .map((op) => `\`${op.operation}\` ${perN(op.count, n)}`)
    .join(', ');
}

/** The baseline of a fleet: measured, or estimated linearly from the largest fleet it ran for (it is sequential). */
export interface BaselineFigures {
  readonly wallMs: number;
  readonly requests: number;
  readonly logins: number;
  readonly taskPollsPerReplication: number;
  /** The fleet size it was measured on, when this is an estimate. */
  readonly estimatedFrom?: number;
}

export function baselineFor(result: Pick<BenchResult, 'sizes'>, s: SizeResult): BaselineFigures | undefined {
  const same = s.baseline ? s : result.sizes.find((x) => x.size === s.size && x.baseline);
  if (same?.baseline) return { wallMs: same.baseline.wallMs, requests: same.baseline.requests, logins: same.baseline.logins, taskPollsPerReplication: same.baseline.taskPolls / s.size };
  const measured = result.sizes.filter((x) => x.baseline && x.size > 0).sort((a, b) => b.size - a.size)[0];
  if (!measured?.baseline) return undefined;
  const scale = s.size / measured.size;
  return {
    wallMs: measured.baseline.wallMs * scale,
    requests: measured.baseline.requests * scale,
    logins: measured.baseline.logins,
    taskPollsPerReplication: measured.baseline.taskPolls / measured.size,
    estimatedFrom: measured.size,
  };
}

const NO_SUMMARY: ProcessSummary = {
  processes: 0,
  startupP50Ms: Number.NaN,
  startupP95Ms: Number.NaN,
  totalP50Ms: Number.NaN,
  peakRssMb: Number.NaN,
  medianRssMb: Number.NaN,
  retries: 0,
  failed: 0,
  cpuSumMs: 0,
  wallSumMs: 0,
  cpuMeanMs: Number.NaN,
  wallMeanMs: Number.NaN,
  noRequest: 0,
};

/** Where a phase's wall time goes: the slot floor (process wall time / parallelism) and the CPU floor (CPU / cores). */
export interface PhaseFloors {
  readonly cores: number;
  readonly terraformCpuMs: number;
  readonly cliCpuMs: number;
  readonly cliCpuByActionMs: Record<string, number>;
  /** terraform + its provider + provisioner shells: the CPU of the whole apply minus the CLI processes. */
  readonly terraformOwnCpuMs: number;
  readonly simulatorCpuMs: number;
  readonly cpuFloorMs: number;
  readonly slotMs: number;
  readonly slotFloorMs: number;
  /** Mean wall time per replication of the replication processes of the phase (create + update, or delete). */
  readonly perReplicationSlotMs: number;
}

export function phaseFloors(phase: PhaseResult, cores: number, kind: 'deploy' | 'destroy', parallelism: number): PhaseFloors {
  const terraformCpuMs = phase.terraformCpu.userMs + phase.terraformCpu.systemMs;
  const cliCpuMs = phase.processes.cpuSumMs;
  const cliCpuByActionMs = Object.fromEntries(Object.entries(phase.byAction).map(([action, p]) => [action, p.cpuSumMs]));
  const replicationActions = (kind === 'deploy' ? ['create', 'update'] : ['delete']).map((action) => `${action} ${phase.replicationKind}`);
  const perReplicationSlotMs = replicationActions.reduce((sum, action) => sum + (phase.byAction[action]?.wallMeanMs ?? 0), 0);
  return {
    cores,
    terraformCpuMs,
    cliCpuMs,
    cliCpuByActionMs,
    terraformOwnCpuMs: terraformCpuMs - cliCpuMs,
    simulatorCpuMs: phase.simulatorCpuMs,
    cpuFloorMs: (terraformCpuMs + phase.simulatorCpuMs) / cores,
    slotMs: phase.processes.wallSumMs,
    slotFloorMs: phase.processes.wallSumMs / parallelism,
    perReplicationSlotMs,
  };
}

function deployMiss(s: SizeResult, cores: number, taskMs: number): string {
  const f = phaseFloors(s.deploy, cores, 'deploy', s.parallelism);
  const create = s.deploy.byAction[`create ${s.deploy.replicationKind}`] ?? NO_SUMMARY;
  const update = s.deploy.byAction[`update ${s.deploy.replicationKind}`] ?? NO_SUMMARY;
  const ratio = s.deploy.wallMs / s.idealMs;
  const larger = Math.max(f.slotFloorMs, f.cpuFloorMs);
  const bound = f.slotFloorMs >= f.cpuFloorMs ? 'slot' : 'CPU';
  const target = TARGETS.deployRatioAt100 * s.idealMs;
  return [
    `${fixed(ratio - TARGETS.deployRatioAt100, 2)}× over (${seconds(s.deploy.wallMs - target)} above ${seconds(target)}).`,
    `Slot floor: the ${s.deploy.processes.processes} CLI processes held a Terraform slot for ${seconds(f.slotMs)} in all — per replication create ${fixed(create.wallMeanMs, 0)} ms + update ${fixed(update.wallMeanMs, 0)} ms = ${fixed(f.perReplicationSlotMs, 0)} ms for a ${fixed(taskMs, 0)} ms task (create start-up p50 ${fixed(create.startupP50Ms, 0)} ms; ${update.noRequest} of ${update.processes} updates took the no-op path) — / ${s.parallelism} slots = ${seconds(f.slotFloorMs)} (${fixed(f.slotFloorMs / s.idealMs, 2)}× ideal).`,
    `CPU floor: \`terraform apply\` with its children used ${seconds(f.terraformCpuMs)} CPU (${seconds(s.deploy.terraformCpu.userMs)} user + ${seconds(s.deploy.terraformCpu.systemMs)} sys): CLI processes ${seconds(f.cliCpuMs)} (create ${seconds(create.cpuSumMs)}, ${fixed(create.cpuMeanMs, 0)} ms each; update ${seconds(update.cpuSumMs)}, ${fixed(update.cpuMeanMs, 0)} ms each), Terraform + provider + shells ${seconds(f.terraformOwnCpuMs)}; the in-process simulator ${seconds(f.simulatorCpuMs)}; on ${cores} cores = ${seconds(f.cpuFloorMs)} (${fixed(f.cpuFloorMs / s.idealMs, 2)}× ideal).`,
    `The ${bound} floor (${seconds(larger)}) is ${larger > target ? 'itself above' : 'below'} the target; the deploy took ${fixed(s.deploy.wallMs / larger, 2)}× that floor — the two overlap (a slot's wall time includes waiting for a core), so neither alone is the whole story: ${s.parallelism} Node processes and Terraform share ${cores} cores, which stretches each create ${fixed(create.wallMeanMs - taskMs, 0)} ms beyond its task.`,
  ].join(' ');
}

/** Whether the report names each fleet's backing (any fleet but the lifecycle one). */
function showsBacking(result: Pick<BenchResult, 'sizes'>): boolean {
  return result.sizes.some((s) => s.backing !== 'lifecycle');
}

/** `N=100` or, with several backings, `N=100 provider`. */
function tagOf(result: Pick<BenchResult, 'sizes'>, s: SizeResult): string {
  return showsBacking(result) ? `N=${s.size} ${s.backing}` : `N=${s.size}`;
}

function columnOf(result: Pick<BenchResult, 'sizes'>, s: SizeResult): string {
  return showsBacking(result) ? `N = ${s.size} ${s.backing}` : `N = ${s.size}`;
}

/** CPU of the repliform processes of a phase and what it is divided by (a CLI process is one resource action). */
export function repliformCpu(s: SizeResult, phase: 'deploy' | 'destroy'): { cpuMs: number; actions: number; perActionMs: number; perResourceMs: number } {
  const p = s[phase];
  const cpuMs = p.processes.cpuSumMs;
  const actions = s.backing === 'provider' ? p.provider.resourceActions : p.processes.processes;
  return { cpuMs, actions, perActionMs: actions > 0 ? cpuMs / actions : Number.NaN, perResourceMs: p.resourcesChanged > 0 ? cpuMs / p.resourcesChanged : Number.NaN };
}

function providerDeployMiss(result: Omit<BenchResult, 'markdown'>, s: SizeResult, goal: number): string {
  const f = phaseFloors(s.deploy, result.machine.cores, 'deploy', s.parallelism);
  const target = goal * s.idealMs;
  const p = s.deploy.provider;
  return [
    `${seconds(s.deploy.wallMs - target)} above ${seconds(target)}; ${seconds(s.deploy.wallMs - s.idealMs)} above the ideal in all.`,
    `Provider start-up: ${p.processes} process(es), ${seconds(p.startupSumMs, 2)} to their handshakes (p50 ${fixed(p.startupP50Ms, 0)} ms).`,
    `A no-change plan of the same stack (graph walk + ${s.size + 1} refreshes) takes ${seconds(s.plan.wallMs)}.`,
    `CPU: Terraform + children ${seconds(f.terraformCpuMs)} (provider ${seconds(p.cpuSumMs)}, Terraform itself ${seconds(f.terraformOwnCpuMs)}), simulator ${seconds(f.simulatorCpuMs)}: ${seconds(f.cpuFloorMs)} on ${result.machine.cores} cores.`,
  ].join(' ');
}

function providerVerdicts(result: Omit<BenchResult, 'markdown'>, s: SizeResult): Verdict[] {
  const tag = tagOf(result, s);
  const out: Verdict[] = [];
  // no goal without an ideal (a run with --task-ms 0 measures everything but the task)
  const goal = s.idealMs > 0 ? PROVIDER_TARGETS.deployRatio[s.size] : undefined;
  const ratio = s.deploy.wallMs / s.idealMs;
  out.push({
    figure: `deploy wall time / ideal, ${tag}`,
    target: goal === undefined ? '(reported; goals at N=100 and N=500)' : `≤ ${goal} × ideal`,
    value: `${seconds(s.deploy.wallMs)} / ${seconds(s.idealMs)} = ${fixed(ratio, 2)}×`,
    ok: goal === undefined ? undefined : ratio <= goal,
    miss: goal === undefined || ratio <= goal ? '' : providerDeployMiss(result, s, goal),
  });
  out.push({
    figure: `destroy wall time / ideal, ${tag}`,
    target: '(reported)',
    value: `${seconds(s.destroy.wallMs)} / ${seconds(s.idealMs)} = ${fixed(s.destroy.wallMs / s.idealMs, 2)}×`,
    ok: undefined,
    miss: '',
  });
  for (const phase of ['deploy', 'destroy'] as const) {
    const cpu = repliformCpu(s, phase);
    const cpuOk = cpu.perActionMs <= PROVIDER_TARGETS.cpuPerActionMs;
    out.push({
      figure: `provider CPU per resource action, ${phase}, ${tag}`,
      target: `≤ ${PROVIDER_TARGETS.cpuPerActionMs} ms`,
      value: `${fixed(cpu.perActionMs, 2)} ms (${seconds(cpu.cpuMs, 2)} ÷ ${cpu.actions} resource calls; ${fixed(cpu.perResourceMs, 1)} ms per resource ${phase === 'deploy' ? 'created' : 'destroyed'})`,
      ok: cpuOk,
      miss: cpuOk ? '' : `${fixed(cpu.perActionMs - PROVIDER_TARGETS.cpuPerActionMs, 2)} ms over, including ${s[phase].provider.processes} start-up(s) (module loading) and the login(s)`,
    });
    const perRepl = s.size > 0 ? s[phase].requests.beyondPolling / s.size : 0;
    const reqOk = perRepl <= PROVIDER_TARGETS.requestsPerReplication;
    out.push({
      figure: `API requests per replication beyond polling, ${phase}, ${tag}`,
      target: `≤ ${PROVIDER_TARGETS.requestsPerReplication}`,
      value: fixed(perRepl, 2),
      ok: reqOk,
      miss: reqOk ? '' : `per replication: ${topOperations(s[phase].requests, s.size, ['POST /session', 'DELETE /session', 'GET /tasks/{id}'])}`,
    });
  }
  out.push({
    figure: `provider start-up (to the handshake), ${tag}`,
    target: `≤ ${TARGETS.startupP50Ms} ms p50`,
    value: `p50 ${fixed(s.deploy.provider.startupP50Ms, 0)} ms, max ${fixed(s.deploy.provider.startupMaxMs, 0)} ms, ${s.deploy.provider.processes} process(es) per apply`,
    ok: s.deploy.provider.startupP50Ms <= TARGETS.startupP50Ms,
    miss: s.deploy.provider.startupP50Ms <= TARGETS.startupP50Ms ? '' : 'Node start-up and loading the handlers, the protos and gRPC before the handshake line',
  });
  const leaks = s.secrets.sessionLeaks.length + s.secrets.passwordLeaks.length;
  out.push({
    figure: `no secret in state, plan, logs or output, ${tag}`,
    target: '0 leaks',
    value: `${leaks} leak(s)`,
    ok: leaks === 0,
    miss: leaks === 0 ? '' : [...s.secrets.passwordLeaks, ...s.secrets.sessionLeaks].map((f) => `${f.secret} in ${f.where}`).join('; '),
  });
  return out;
}

function verdicts(result: Omit<BenchResult, 'markdown'>): Verdict[] {
  const out: Verdict[] = [];
  const excluded = ['POST /session', 'DELETE /session', 'GET /tasks/{id}'];
  for (const s of result.sizes) {
    if (s.backing === 'provider') {
      out.push(...providerVerdicts(result, s));
      continue;
    }
    const logins = s.deploy.requests.logins;
    const processes = s.deploy.processes.processes;
    out.push({
      figure: `logins per deploy, ${tagOf(result, s)}`,
      target: `≤ ${TARGETS.loginsPerSitePair} per site pair`,
      value: `${logins} (+ ${s.deploy.requests.remoteLogins} remote-session)`,
      ok: logins <= TARGETS.loginsPerSitePair,
      miss:
        logins <= TARGETS.loginsPerSitePair
          ? ''
          : `${logins - TARGETS.loginsPerSitePair} too many (${fixed(logins / TARGETS.loginsPerSitePair, 1)}×): ${processes} CLI processes made ${logins} \`POST /session\` (and ${s.deploy.requests.logouts} \`DELETE /session\`)`,
    });
    const perRepl = s.size > 0 ? s.deploy.requests.beyondPolling / s.size : 0;
    out.push({
      figure: `API requests per replication beyond polling, ${tagOf(result, s)}`,
      target: `≤ ${TARGETS.requestsPerReplication}`,
      value: fixed(perRepl, 2),
      ok: perRepl <= TARGETS.requestsPerReplication,
      miss:
        perRepl <= TARGETS.requestsPerReplication
          ? ''
          : `${fixed(perRepl - TARGETS.requestsPerReplication, 2)} over (${fixed(perRepl / TARGETS.requestsPerReplication, 2)}×); per replication: ${topOperations(s.deploy.requests, s.size, excluded)}`,
    });
    const ratio = s.deploy.wallMs / s.idealMs;
    const isTargetSize = s.size === 100 && s.idealMs > 0;
    out.push({
      figure: `deploy wall time / ideal, ${tagOf(result, s)}`,
      target: isTargetSize ? `≤ ${TARGETS.deployRatioAt100} × ideal` : '(reported; target at N=100)',
      value: `${seconds(s.deploy.wallMs)} / ${seconds(s.idealMs)} = ${fixed(ratio, 2)}×`,
      ok: isTargetSize ? ratio <= TARGETS.deployRatioAt100 : undefined,
      miss: !isTargetSize || ratio <= TARGETS.deployRatioAt100 ? '' : deployMiss(s, result.machine.cores, result.options.taskMs),
    });
    const p50 = s.deploy.processes.startupP50Ms;
    out.push({
      figure: `process start-up p50, ${tagOf(result, s)}`,
      target: `≤ ${TARGETS.startupP50Ms} ms`,
      value: `${fixed(p50, 0)} ms (p95 ${fixed(s.deploy.processes.startupP95Ms, 0)} ms)`,
      ok: p50 <= TARGETS.startupP50Ms,
      miss: p50 <= TARGETS.startupP50Ms ? '' : `${fixed(p50 - TARGETS.startupP50Ms, 0)} ms over: Node start-up plus module loading before the action starts, on ${result.machine.cores} cores shared by ${s.parallelism} concurrent processes and Terraform`,
    });
    const stateLeaks = s.secrets.sessionLeaks.length + s.secrets.passwordLeaks.length;
    const loose = s.secrets.sessionStores.filter((f) => f.mode !== '0600');
    out.push({
      figure: `sessions stored 0600, never in state / logs, ${tagOf(result, s)}`,
      target: 'no secret in state, cdk.tf.json or output; session files 0600',
      value: `${s.secrets.sessionStores.length} session file(s)${loose.length ? ` (${loose.length} not 0600)` : ''}, ${stateLeaks} leak(s)`,
      ok: stateLeaks === 0 && loose.length === 0,
      miss: stateLeaks === 0 && loose.length === 0 ? '' : `leaks: ${[...s.secrets.passwordLeaks, ...s.secrets.sessionLeaks, ...loose].map((f) => `${f.secret} in ${f.where}${f.mode ? ` (mode ${f.mode})` : ''}`).join('; ')}`,
    });
  }
  if (result.synth) {
    const ok = result.synth.wallMs <= TARGETS.synthMs;
    out.push({
      figure: `synth of ${result.synth.size} replications`,
      target: `≤ ${seconds(TARGETS.synthMs, 0)}`,
      value: `${seconds(result.synth.wallMs)} (${result.synth.resources} resources)`,
      ok,
      miss: ok ? '' : `${seconds(result.synth.wallMs - TARGETS.synthMs)} over (${fixed(result.synth.wallMs / TARGETS.synthMs)}×) for ${result.synth.resources} resources`,
    });
  }
  return out;
}

/** The lifecycle and provider backings on the same fleets: the figures of issue 11. */
function backingsSideBySide(result: Omit<BenchResult, 'markdown'>): string[] {
  const row = (label: string, f: (s: SizeResult) => string) => [label, ...result.sizes.map(f)];
  const ratio = (ms: number, s: SizeResult) => `${fixed(ms / s.idealMs, 2)}×`;
  const goal = (s: SizeResult) => {
    const target = s.backing === 'provider' ? PROVIDER_TARGETS.deployRatio[s.size] : s.size === 100 ? TARGETS.deployRatioAt100 : undefined;
    return target === undefined || s.idealMs === 0 ? '' : ` (goal ≤ ${target} ${mark(s.deploy.wallMs / s.idealMs <= target)})`;
  };
  const cpuCell = (s: SizeResult, phase: 'deploy' | 'destroy') => {
    const cpu = repliformCpu(s, phase);
    const ok = s.backing === 'provider' ? ` ${mark(cpu.perActionMs <= PROVIDER_TARGETS.cpuPerActionMs)}` : '';
    return `${fixed(cpu.perActionMs, 1)} ms${ok} (${seconds(cpu.cpuMs, 1)} ÷ ${cpu.actions})`;
  };
  const requestsCell = (s: SizeResult, phase: 'deploy' | 'destroy') => {
    const perRepl = s.size > 0 ? s[phase].requests.beyondPolling / s.size : Number.NaN;
    return s.backing === 'provider' ? `${fixed(perRepl, 2)} ${mark(perRepl <= PROVIDER_TARGETS.requestsPerReplication)}` : fixed(perRepl, 2);
  };
  const startup = (p: ProviderSummary) => (p.processes > 0 ? `${p.processes} × p50 ${fixed(p.startupP50Ms, 0)} ms (max ${fixed(p.startupMaxMs, 0)})` : '–');
  const header = ['', ...result.sizes.map((s) => columnOf(result, s))];
  return [
    '## Backings side by side', '',
    `Both backings deploy the same fleet against a fresh simulator in the same run. *Lifecycle* = \`terraform_data\` resources whose provisioners run one \`repliform\` process per resource action (identity + settings per replication); *provider* = one \`repliform_vr_replication\` per replication served by \`terraform-provider-repliform\`, one process per Terraform command (installed into a filesystem mirror, \`terraform init\` offline). A *resource action* is one CLI process (lifecycle) or one resource call the provider served (validate, upgrade, read, plan, apply; from the provider's own metrics line at shutdown); the CPU is that of the repliform processes only (CLI processes, or the provider's \`process.cpuUsage()\`), start-up included. Requests are counted on the simulator.`,
    '',
    table(header, [
      row('Terraform resources created / destroyed', (s) => `${s.deploy.resourcesChanged} / ${s.destroy.resourcesChanged}`),
      row('ideal (task × ⌈N/10⌉)', (s) => seconds(s.idealMs)),
      row('deploy wall time', (s) => seconds(s.deploy.wallMs)),
      row('deploy ÷ ideal', (s) => `${ratio(s.deploy.wallMs, s)}${goal(s)}`),
      row('destroy wall time', (s) => seconds(s.destroy.wallMs)),
      row('destroy ÷ ideal', (s) => ratio(s.destroy.wallMs, s)),
      row('no-change plan after the deploy (exit code)', (s) => `${seconds(s.plan.wallMs)} (${s.plan.exitCode})`),
      row('repliform processes, deploy / destroy', (s) => `${s.deploy.processes.processes} / ${s.destroy.processes.processes}`),
      row('repliform CPU per resource action, deploy (goal ≤ 10 ms for the provider)', (s) => cpuCell(s, 'deploy')),
      row('repliform CPU per resource action, destroy', (s) => cpuCell(s, 'destroy')),
      row('repliform CPU per Terraform resource, deploy / destroy', (s) => `${fixed(repliformCpu(s, 'deploy').perResourceMs, 1)} / ${fixed(repliformCpu(s, 'destroy').perResourceMs, 1)} ms`),
      row('provider start-up to handshake, deploy', (s) => startup(s.deploy.provider)),
      row('provider start-up to handshake, destroy', (s) => startup(s.destroy.provider)),
      row('terraform + children CPU, deploy (Terraform itself)', (s) => {
        const f = phaseFloors(s.deploy, result.machine.cores, 'deploy', s.parallelism);
        return `${seconds(f.terraformCpuMs)} (${seconds(f.terraformOwnCpuMs)})`;
      }),
      row('simulator CPU, deploy', (s) => seconds(s.deploy.simulatorCpuMs)),
      row('API requests per replication beyond polling, deploy (goal ≤ 5 for the provider)', (s) => requestsCell(s, 'deploy')),
      row('API requests per replication beyond polling, destroy', (s) => requestsCell(s, 'destroy')),
      row('API requests per replication, no-change plan', (s) => perN(s.plan.requests.total, s.size, 2)),
      row('logins deploy / destroy (POST /session)', (s) => `${s.deploy.requests.logins} / ${s.destroy.requests.logins}`),
      row('replications after deploy (OK) / after destroy', (s) => `${s.replicationsAfterDeploy} (${s.configuredOk}) / ${s.replicationsAfterDestroy}`),
    ]),
    '',
  ];
}

export function renderBench(result: Omit<BenchResult, 'markdown'>): string {
  const o = result.options;
  const parallelism = o.parallelism ?? PARALLELISM;
  const lines: string[] = [];
  lines.push('# repliform benchmark', '');
  lines.push(`- Date: ${result.date}`);
  lines.push(`- Machine: ${machineLine(result.machine)}`);
  lines.push(`- Settings: fleets of ${o.sizes.join(', ')} replications; simulator task duration ${o.taskMs} ms; \`terraform apply|destroy -parallelism=${parallelism}\`; baseline run for N ≤ ${o.baselineMax} (estimated above); synth of ${o.synthSize}; review plan of ${o.reviewResources} resources`);
  const backings = o.backings ?? ['lifecycle'];
  lines.push(`- Command: \`npm run bench -- --vendor ${o.vendor ?? 'vr'} --backing ${backings.join(',')} --sizes ${o.sizes.join(',')} --task-ms ${o.taskMs}\` (took ${seconds(result.totalMs)})`);
  lines.push('');
  lines.push(
    `Ideal = task duration × ⌈N / ${parallelism}⌉. ${showsBacking(result) ? 'With the lifecycle backing, each' : 'Each'} replication is two Terraform resources (identity: configure; settings: reconfigure in place), and each spawns a \`repliform\` process, so a deploy of N runs 2N + 1 processes (the +1 is the pairing); the settings \`update\` right after a \`create\` of the same spec makes no request ("nothing to update"), but its process still holds a slot while Node starts. The ideal counts only the N configure tasks.`,
    'Requests are counted on the simulator (`sim.requests`); "beyond polling" = all requests − `GET /tasks/{id}` − `POST /session` − `DELETE /session`, divided by N. Logins = `POST /session`. Start-up and memory come from `REPLIFORM_METRICS_FILE` (one line per CLI process).',
    '',
  );

  lines.push('## Targets', '');
  const v = verdicts(result);
  lines.push(table(['Figure', 'Target', 'Measured', '', 'Miss'], v.map((x) => [x.figure, x.target, x.value, x.ok === undefined ? '–' : mark(x.ok), x.miss || ''])));
  lines.push('');

  if (showsBacking(result)) lines.push(...backingsSideBySide(result));

  lines.push('## Fleets side by side', '');
  const header = ['', ...result.sizes.map((s) => columnOf(result, s))];
  const row = (label: string, f: (s: SizeResult) => string) => [label, ...result.sizes.map(f)];
  lines.push(
    table(header, [
      row('Terraform resources / repliform processes (deploy)', (s) => `${s.deploy.resourcesChanged} / ${s.deploy.processes.processes}`),
      row('ideal (task × ⌈N/10⌉)', (s) => seconds(s.idealMs)),
      row('deploy wall time', (s) => seconds(s.deploy.wallMs)),
      row('deploy / ideal', (s) => `${fixed(s.deploy.wallMs / s.idealMs, 2)}×`),
      row('destroy wall time', (s) => seconds(s.destroy.wallMs)),
      row('destroy / ideal', (s) => `${fixed(s.destroy.wallMs / s.idealMs, 2)}×`),
      row('replications after deploy (OK) / after destroy', (s) => `${s.replicationsAfterDeploy} (${s.configuredOk}) / ${s.replicationsAfterDestroy}`),
      row('API requests, deploy (all)', (s) => String(s.deploy.requests.total)),
      row('API requests per replication, deploy, all', (s) => perN(s.deploy.requests.total, s.size)),
      row('API requests per replication, deploy, beyond polling', (s) => perN(s.deploy.requests.beyondPolling, s.size)),
      row('logins per deploy (POST /session)', (s) => String(s.deploy.requests.logins)),
      row('remote sessions per deploy (POST …/remote-session)', (s) => String(s.deploy.requests.remoteLogins)),
      row('logouts per deploy (DELETE /session)', (s) => String(s.deploy.requests.logouts)),
      row('tasks created, deploy', (s) => String(s.deploy.requests.tasksCreated)),
      row('task polls per task, deploy', (s) => (s.deploy.requests.tasksCreated ? fixed(s.deploy.requests.taskPolls / s.deploy.requests.tasksCreated) : 'n/a')),
      row('API requests per replication, destroy, beyond polling', (s) => perN(s.destroy.requests.beyondPolling, s.size)),
      row('logins per destroy', (s) => String(s.destroy.requests.logins)),
      row('task polls per task, destroy', (s) => (s.destroy.requests.tasksCreated ? fixed(s.destroy.requests.taskPolls / s.destroy.requests.tasksCreated) : 'n/a')),
      row('process start-up p50 / p95 (deploy)', (s) => `${fixed(s.deploy.processes.startupP50Ms, 0)} / ${fixed(s.deploy.processes.startupP95Ms, 0)} ms`),
      row('process start-up p50 / p95 (destroy)', (s) => `${fixed(s.destroy.processes.startupP50Ms, 0)} / ${fixed(s.destroy.processes.startupP95Ms, 0)} ms`),
      row('process total time p50 (deploy)', (s) => `${fixed(s.deploy.processes.totalP50Ms, 0)} ms`),
      row('peak memory per process, max / median', (s) => `${fixed(Math.max(s.deploy.processes.peakRssMb, s.destroy.processes.peakRssMb), 0)} / ${fixed(s.deploy.processes.medianRssMb, 0)} MB`),
      row('`update` processes that took the no-op path (0 requests) / all updates', (s) => {
        const update = s.deploy.byAction[`update ${s.deploy.replicationKind}`];
        return update ? `${update.noRequest} / ${update.processes}` : '–';
      }),
      row('CLI retries (deploy + destroy)', (s) => String(s.deploy.processes.retries + s.destroy.processes.retries)),
      row('baseline wall time', (s) => baselineCell(result, s, (b) => seconds(b.wallMs))),
      row('baseline requests (per replication)', (s) => baselineCell(result, s, (b) => `${fixed(b.requests, 0)} (${perN(b.requests, s.size)})`)),
      row('baseline logins / task polls per replication', (s) => baselineCell(result, s, (b) => `${b.logins} / ${fixed(b.taskPollsPerReplication)}`)),
      row('deploy / baseline wall time', (s) => baselineCell(result, s, (b) => `${fixed(s.deploy.wallMs / b.wallMs, 2)}×`)),
      row('deploy / baseline requests', (s) => baselineCell(result, s, (b) => `${fixed(s.deploy.requests.total / b.requests, 2)}×`)),
    ]),
  );
  lines.push('');
  const measuredBaselines = result.sizes.filter((s) => s.baseline).map((s) => s.size);
  lines.push(
    `The baseline is sequential (one configure task at a time), so its wall time is about N × (task duration + the seed workflow's requests); repliform's deploy runs ${parallelism} at a time. It runs for real for N ≤ ${o.baselineMax}${measuredBaselines.length ? ` (here: N = ${measuredBaselines.join(', ')})` : ''}; figures marked *est.* are estimated from the largest measured fleet, linear: the baseline is sequential (\`--baseline-max N\` runs it for real, at about N × ${seconds(o.taskMs)}).`,
    '',
  );

  lines.push('## Deploy and destroy time: slots and CPU', '');
  lines.push(
    `Two floors under the wall time, both measured in this run. *Slot floor* = the wall time of every CLI process (from \`REPLIFORM_METRICS_FILE\`: each holds one of the ${parallelism} Terraform slots that long) / ${parallelism}. *CPU floor* = CPU of \`terraform apply|destroy\` with every descendant it reaped (cutime + cstime of the bench process around the command: Terraform, the null provider, the provisioner shells and the CLI processes) plus the bench process's own CPU meanwhile (the in-process simulator), / ${result.machine.cores} cores. CLI CPU is the sum of the processes' \`cpuMs\`; "Terraform + provider + shells" is the rest.`,
    '',
  );
  const floorRows: string[][] = [];
  for (const s of result.sizes) {
    for (const kind of ['deploy', 'destroy'] as const) {
      const phase = s[kind];
      const f = phaseFloors(phase, result.machine.cores, kind, s.parallelism);
      const byAction = Object.entries(phase.byAction)
        .filter(([action]) => !action.endsWith(` ${phase.pairingKind}`))
        .map(([action, p]) => `${action.split(' ')[0]} ${seconds(p.cpuSumMs)} (${fixed(p.cpuMeanMs, 0)} ms × ${p.processes}; wall ${fixed(p.wallMeanMs, 0)} ms each)`)
        .join('; ');
      floorRows.push([
        tagOf(result, s),
        kind,
        seconds(phase.wallMs),
        seconds(s.idealMs),
        `${seconds(f.terraformCpuMs)} (${seconds(phase.terraformCpu.userMs)} user + ${seconds(phase.terraformCpu.systemMs)} sys)`,
        `${seconds(f.cliCpuMs)}: ${byAction}`,
        seconds(f.terraformOwnCpuMs),
        seconds(f.simulatorCpuMs),
        `${seconds(f.cpuFloorMs)} (${fixed(f.cpuFloorMs / s.idealMs, 2)}×)`,
        ...(s.backing === 'provider'
          ? ['n/a (one provider process per command)', 'n/a']
          : [`${fixed(f.perReplicationSlotMs, 0)} ms`, `${seconds(f.slotMs)} / ${s.parallelism} = ${seconds(f.slotFloorMs)} (${fixed(f.slotFloorMs / s.idealMs, 2)}×)`]),
      ]);
    }
  }
  lines.push(
    table(
      ['N', 'phase', 'wall', 'ideal', 'terraform + children CPU', 'CLI processes CPU', 'Terraform + provider + shells CPU', 'simulator CPU', `CPU floor (/ ${result.machine.cores} cores; × ideal)`, 'slot time per replication', `slot-seconds / parallelism (× ideal)`],
      floorRows,
    ),
  );
  lines.push('');

  lines.push('## Where the requests go (deploy, per replication)', '');
  const operations = [...new Set(result.sizes.flatMap((s) => s.deploy.requests.byOperation.map((op) => op.operation)))];
  const countOf = (s: SizeResult, phase: 'deploy' | 'destroy', operation: string) => s[phase].requests.byOperation.find((op) => op.operation === operation)?.count ?? 0;
  operations.sort((a, b) => countOf(result.sizes[result.sizes.length - 1], 'deploy', b) - countOf(result.sizes[result.sizes.length - 1], 'deploy', a));
  lines.push(table(['Operation', ...result.sizes.map((s) => columnOf(result, s))], operations.map((op) => [`\`${op}\``, ...result.sizes.map((s) => `${perN(countOf(s, 'deploy', op), s.size, 2)} (${countOf(s, 'deploy', op)})`)])));
  lines.push('');
  lines.push('## Where the requests go (destroy, per replication)', '');
  const destroyOps = [...new Set(result.sizes.flatMap((s) => s.destroy.requests.byOperation.map((op) => op.operation)))];
  lines.push(table(['Operation', ...result.sizes.map((s) => columnOf(result, s))], destroyOps.map((op) => [`\`${op}\``, ...result.sizes.map((s) => `${perN(countOf(s, 'destroy', op), s.size, 2)} (${countOf(s, 'destroy', op)})`)])));
  lines.push('');

  lines.push('## CLI processes by action', '');
  const actionRows: string[][] = [];
  for (const s of result.sizes) {
    for (const [phase, summary] of [['deploy', s.deploy], ['destroy', s.destroy]] as const) {
      for (const [action, p] of Object.entries(summary.byAction)) {
        actionRows.push([tagOf(result, s), phase, action, String(p.processes), `${fixed(p.startupP50Ms, 0)} / ${fixed(p.startupP95Ms, 0)} ms`, `${fixed(p.totalP50Ms, 0)} ms`, `${fixed(p.peakRssMb, 0)} MB`, String(p.failed)]);
      }
    }
  }
  lines.push(table(['N', 'phase', 'action', 'processes', 'start-up p50 / p95', 'total p50', 'peak RSS', 'failed'], actionRows));
  lines.push('');

  lines.push('## Synth and review', '');
  if (result.synth) {
    lines.push(`- Synth of ${result.synth.size} replications (\`node dist/examples/fleet/main.js\`, FLEET_SIZE=${result.synth.size}): ${seconds(result.synth.wallMs)} for ${result.synth.resources} resources (target ≤ ${seconds(TARGETS.synthMs, 0)}: ${mark(result.synth.wallMs <= TARGETS.synthMs)})`);
  }
  else lines.push('- Synth: not run');
  if (!result.review) lines.push('- Review: not run');
  else if (!result.review.available) lines.push(`- \`repliform review --plan FILE --format json\` on a ${o.reviewResources}-resource plan: ${result.review.note}`);
  else lines.push(`- \`repliform review --plan FILE --format json\` on a plan of ${result.review.resources} resources (\`terraform show -json\` of the synth app's plan): ${seconds(result.review.wallMs ?? Number.NaN, 2)} (${result.review.note})`);
  lines.push('');

  lines.push('## Secrets', '');
  for (const s of result.sizes) {
    lines.push(
      `- ${tagOf(result, s)}: scanned ${s.secrets.filesScanned} files and ${s.secrets.outputsScanned} captured outputs for the canary passwords and every session id the simulator issued: ${s.secrets.passwordLeaks.length} password leak(s), ${s.secrets.sessionLeaks.length} session id(s) in state/plans/logs/output, ${s.secrets.sessionStores.length} session store file(s)${s.secrets.sessionStores.length ? ` (${s.secrets.sessionStores.map((f) => `${f.where} ${f.mode}`).join(', ')})` : ''}.`,
    );
  }
  lines.push('');
  return `${lines.join('\n')}\n`;
}

export function defaultBenchFile(): string {
  return join(projectRoot(), 'bench', 'results.md');
}

export function ensureBuilt(): void {
  if (!existsSync(join(projectRoot(), 'dist', 'examples', 'fleet', 'main.js'))) throw new Error('dist/examples/fleet/main.js is missing: run `npm run build` first');
}

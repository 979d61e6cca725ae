/**
 * The fault campaign (`npm run chaos`): deploy a fleet through real Terraform while the simulator injects
 * 503 + Retry-After, 429, connection resets, responses slower than the CLI's timeout, responses dropped after
 * the request was handled, session expiry and — with the `all` fault set — configure tasks ending in ERROR
 * while a shim SIGKILLs some `repliform lifecycle create` processes; re-apply until `terraform plan` shows no
 * change; check exactly N replications (none duplicated, none missing); destroy until nothing is left; run the
 * bad-input cases; scan everything for the canary passwords. With the `http` fault set (HTTP faults only) one
 * apply and one destroy must be enough.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { FaultRule, RecordedRequest } from '../../src/simulator';
import { projectRoot, run, terraformBinary } from '../deploy-kit';
import {
  fixed,
  machineInfo,
  machineLine,
  mark,
  PARALLELISM,
  performanceNow,
  planPending,
  PROVIDER_ACTION,
  prepareFleet,
  readMetrics,
  scanForSecrets,
  seconds,
  summarizeProcesses,
  summarizeRequests,
  table,
  terraformTimed,
  today,
  type MachineInfo,
  type RequestSummary,
  type BadInputCase,
  type Backing,
  type BenchProfile,
  type FaultProfile,
  type FaultSet,
  type SecretScan,
} from '../bench/harness';
import { benchProfile } from '../bench/profiles';
import { readKills, writeKillShim, type KillRecord } from './kill-shim';

export type { FaultProfile, FaultSet };

export const FAULT_SET_LABELS: Record<FaultSet, string> = {
  all: 'all faults (HTTP, session expiry, configure task in ERROR, SIGKILL of creates)',
  http: 'HTTP faults only (503, 429, resets, timeouts, dropped responses, session expiry)',
};

export interface ChaosOptions {
  readonly size: number;
  readonly taskMs: number;
  /** random: the issue's rates as probabilities; forced: a few faults of each class at fixed counts (tests). */
  readonly profile: FaultProfile;
  /** @default 'all' */
  readonly faults?: FaultSet;
  /** The vendor profile (scripts/bench/profiles): fleet, operations, fault mix. @default 'vr' */
  readonly vendor?: string;
  /**
   * `provider`: the fleet through the native provider, every Terraform command with TF_LOG=trace (scanned with
   * the rest); no SIGKILL class (there is no per-resource process to kill) and no CLI bad-input cases. @default 'lifecycle'
   */
  readonly backing?: Backing;
  /** REPLIFORM_HTTP_TIMEOUT_MS of the run; slow responses take longer than this. */
  readonly httpTimeoutMs: number;
  readonly sessionExpiryMs: number;
  /** Stop expiring sessions after this many expirations. @default unlimited */
  readonly maxSessionExpirations?: number;
  /** Fault rules to use instead of the profile's (tests that aim one fault at one operation). */
  readonly rules?: FaultRule[];
  readonly killProbability: number;
  readonly maxKills: number;
  readonly maxApplies: number;
  readonly maxDestroys: number;
  readonly seed: number;
  readonly outFile?: string;
  readonly keepWorkDir?: boolean;
  readonly log?: (line: string) => void;
}

export interface FaultClassResult {
  readonly name: string;
  readonly configured: string;
  readonly injected: number;
  readonly survived: boolean;
}

export interface RunStep {
  readonly command: string;
  readonly exitCode: number;
  readonly wallMs: number;
  readonly errors: number;
  /** The CLI's own failure lines (`repliform: … failed: …`), one per failed resource. */
  readonly failures: string[];
}

export interface ChaosResult {
  readonly backing: Backing;
  /** Bytes of TF_LOG=trace output scanned (provider backing; 0 otherwise). */
  readonly traceBytes: number;
  readonly date: string;
  readonly machine: MachineInfo;
  readonly options: Omit<ChaosOptions, 'log'>;
  readonly steps: RunStep[];
  readonly appliesToConverge: number;
  readonly converged: boolean;
  /** HTTP faults only: converged with one apply and removed everything with one destroy (always true for `all`). */
  readonly convergedInOne: boolean;
  /** Injected faults by operation and rule id (which request got which fault). */
  readonly faultsByOperation: { operation: string; rule: string; count: number }[];
  readonly replicationsOnServer: number;
  readonly duplicates: string[];
  readonly missing: string[];
  readonly notOk: number;
  readonly wrongSettings: number;
  readonly destroysNeeded: number;
  readonly orphansAfterDestroy: number;
  readonly stateResourcesAfterDestroy: number;
  readonly retriedByCli: number;
  readonly faultedRequests: number;
  readonly unauthorized: number;
  readonly sessionExpirations: number;
  readonly kills: KillRecord[];
  readonly faultClasses: FaultClassResult[];
  readonly requests: RequestSummary;
  readonly processes: number;
  readonly failedProcesses: number;
  /** The slowest CLI process that reported, and how many took longer than their task could explain. */
  readonly slowestProcessMs: number;
  readonly stalledProcesses: number;
  readonly badInput: BadInputCase[];
  readonly secrets: SecretScan;
  readonly totalMs: number;
  readonly ok: boolean;
  readonly markdown: string;
}

/** A process slower than this waited on something other than its own task and retries. */
export function stallThresholdMs(options: Pick<ChaosOptions, 'taskMs' | 'httpTimeoutMs'>): number {
  return 20_000 + 3 * options.taskMs + 5 * options.httpTimeoutMs;
}

function countErrors(output: string): number {
  return (output.match(/^Error: /gm) ?? []).length;
}

/** The CLI's failure lines as Terraform echoed them (`… (local-exec): repliform: … failed: …`), deduplicated. */
export function failureLines(output: string): string[] {
  const lines = output
    .split('\n')
    .map((line) => /\(local-exec\): (repliform: .* (?:failed|rejected): .*)$/.exec(line)?.[1]?.trim())
    .filter((line): line is string => line !== undefined);
  return [...new Set(lines)];
}

/** The provider's failures: Terraform's `Error: <summary>` diagnostics, deduplicated. */
export function diagnosticLines(output: string): string[] {
  const lines = output
    .split('\n')
    .map((line) => /^│? ?Error: (.+)$/.exec(line)?.[1]?.trim())
    .filter((line): line is string => line !== undefined && line !== '');
  return [...new Set(lines)];
}

function runStep(command: string, result: { code: number; wallMs: number; stdout: string; stderr: string }, backing: Backing): RunStep {
  const output = result.stdout + result.stderr;
  const failures = backing === 'provider' ? diagnosticLines(output) : failureLines(output);
  return { command, exitCode: result.code, wallMs: result.wallMs, errors: countErrors(output), failures };
}

function faultsByOperation(records: readonly RecordedRequest[], operationOf: BenchProfile['requests']['operationOf']): ChaosResult['faultsByOperation'] {
  const counts = new Map<string, { operation: string; rule: string; count: number }>();
  for (const record of records) {
    if (!record.fault) continue;
    const operation = operationOf(record);
    const key = `${operation} ${record.fault}`;
    const entry = counts.get(key) ?? { operation, rule: record.fault, count: 0 };
    entry.count += 1;
    counts.set(key, entry);
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || a.operation.localeCompare(b.operation) || a.rule.localeCompare(b.rule));
}

export async function runChaos(options: ChaosOptions): Promise<ChaosResult> {
  const started = performanceNow();
  const log = options.log ?? (() => undefined);
  const vendor = benchProfile(options.vendor);
  const users = vendor.canaryUsers('chaos');
  const faults = options.faults ?? 'all';
  const backing = options.backing ?? 'lifecycle';
  const killsOn = faults === 'all' && backing === 'lifecycle';
  const rules = options.rules ?? vendor.faultRules(options.profile, options.httpTimeoutMs, faults);
  const sim = await vendor.startSimulator(options.size, users, { taskDelayMs: options.taskMs, randomSeed: options.seed });
  const workDir = mkdtempSync(join(tmpdir(), 'repliform-chaos-'));
  let expiryTimer: NodeJS.Timeout | undefined;
  try {
    const killDir = join(workDir, 'kills');
    const killShim = () => writeKillShim({
      binDir: join(workDir, 'chaos-bin'),
      killDir,
      probability: options.killProbability,
      maxKills: options.maxKills,
      minDelayMs: 50,
      maxDelayMs: options.taskMs + 800,
    });
    log(`[chaos] synth + terraform init of ${options.size} replications (${backing} backing) in ${workDir}`);
    const deployment = await prepareFleet({
      profile: vendor,
      workDir,
      sim,
      size: options.size,
      users,
      extraEnv: { REPLIFORM_HTTP_TIMEOUT_MS: String(options.httpTimeoutMs) },
      pathFirst: killsOn ? [killShim()] : [],
      backing,
      trace: backing === 'provider',
    });

    // Faults on: HTTP rules and the session-expiry timer, for every apply and destroy.
    const fromRequest = sim.requests.length;
    for (const rule of rules) sim.faults.addRule(rule);
    let sessionExpirations = 0;
    expiryTimer = setInterval(() => {
      if (sessionExpirations >= (options.maxSessionExpirations ?? Infinity)) return;
      sim.expireSessions();
      sessionExpirations += 1;
    }, options.sessionExpiryMs);

    const steps: RunStep[] = [];
    let converged = false;
    let applies = 0;
    while (applies < options.maxApplies) {
      applies += 1;
      const result = await terraformTimed(deployment, 'apply');
      const step = runStep(`apply #${applies}`, result, backing);
      steps.push(step);
      log(`[chaos] apply #${applies}: exit ${result.code} in ${seconds(result.wallMs)}, ${step.errors} error(s)`);
      for (const failure of step.failures) log(`[chaos]   ${failure}`);
      if (!(await planPending(deployment)).pending) {
        converged = true;
        break;
      }
    }

    // Verify with the server's own state (no HTTP: the faults stay on).
    const expected = vendor.expectedNames(options.size);
    const live = vendor.liveObjects(sim);
    const names = live.map((object) => object.name);
    const duplicates = [...new Set(names.filter((name, index) => names.indexOf(name) !== index))];
    const missing = expected.filter((name) => !names.includes(name));
    const notOk = live.filter((object) => !object.ok).length;
    const wrongSettings = live.filter((object) => !object.settingsAsDeclared).length;
    const replicationsOnServer = live.length;
    log(`[chaos] converged=${converged} after ${applies} apply(s): ${replicationsOnServer} replications, ${duplicates.length} duplicated, ${missing.length} missing`);

    let destroys = 0;
    let stateResourcesAfterDestroy = -1;
    while (destroys < options.maxDestroys) {
      destroys += 1;
      const result = await terraformTimed(deployment, 'destroy');
      const step = runStep(`destroy #${destroys}`, result, backing);
      steps.push(step);
      log(`[chaos] destroy #${destroys}: exit ${result.code} in ${seconds(result.wallMs)}`);
      for (const failure of step.failures) log(`[chaos]   ${failure}`);
      stateResourcesAfterDestroy = await stateResourceCount(deployment.stackDir, deployment.env);
      if (result.code === 0 && stateResourcesAfterDestroy === 0) break;
    }
    clearInterval(expiryTimer);
    expiryTimer = undefined;
    const orphansAfterDestroy = vendor.liveObjects(sim).length;
    const faultStats = sim.faults.stats();
    sim.faults.clearRules();
    const campaignRequests = sim.requests.slice(fromRequest);
    const requests = summarizeRequests(campaignRequests, vendor.requests);
    const metrics = readMetrics(deployment.metricsFile);
    const processes = summarizeProcesses(metrics);
    const cliMetrics = metrics.filter((m) => m.action !== PROVIDER_ACTION);
    const killRecords = killsOn ? readKills(killDir) : [];

    if (backing === 'lifecycle') log('[chaos] bad-input cases');
    const badInput = backing === 'provider' ? [] : await vendor.badInput({
      sim,
      users,
      stackDir: deployment.stackDir,
      cwd: workDir,
      env: { XDG_CACHE_HOME: deployment.env.XDG_CACHE_HOME, XDG_RUNTIME_DIR: deployment.env.XDG_RUNTIME_DIR, TMPDIR: deployment.env.TMPDIR },
      httpTimeoutMs: options.httpTimeoutMs,
    });
    const outputs = [...deployment.printed, ...badInput.flatMap((c) => [c.stdout, c.stderrLines.join('\n')])];
    const secrets = scanForSecrets([workDir], outputs, vendor.secretNeedles(users), sim.issuedSessionIds);

    const invariantsHold =
      converged && replicationsOnServer === options.size && duplicates.length === 0 && missing.length === 0 && notOk === 0 && wrongSettings === 0 && orphansAfterDestroy === 0 && stateResourcesAfterDestroy === 0;
    const hits = (id: string) => faultStats.find((s) => s.id === id)?.hits ?? 0;
    const configuredOf = (id: string) => {
      const rule = rules.find((r) => r.id === id);
      if (!rule) return '';
      return rule.probability !== undefined ? `${fixed(rule.probability * 100, 2)} % of the requests that reach the rule` : `${rule.count ?? '∞'} forced (after ${rule.skip ?? 0} matches)`;
    };
    const cls = (name: string, configured: string, injected: number): FaultClassResult => ({ name, configured, injected, survived: injected > 0 && invariantsHold });
    const httpClasses = [
      cls('HTTP 503 + Retry-After: 1', configuredOf('http-503'), hits('http-503')),
      cls('HTTP 429 + Retry-After: 1', configuredOf('http-429'), hits('http-429')),
      cls('connection reset', configuredOf('reset'), hits('reset')),
      cls(`slow response (${rules.find((r) => r.id === 'slow')?.delayMs} ms > ${options.httpTimeoutMs} ms timeout)`, configuredOf('slow'), hits('slow')),
      cls('response dropped after the request was handled', configuredOf('drop'), hits('drop')),
      cls(sessionExpiryName(options, rules), `${sessionExpirations + hits('session-expiry')} expirations, ${requests.unauthorized} requests answered 401`, Math.min(sessionExpirations + hits('session-expiry'), requests.unauthorized)),
    ];
    const processClasses = [
      cls('configure task ends in ERROR', options.profile === 'forced' ? configuredOf('task-error') : '2 % of configure requests', hits('task-error')),
      cls('SIGKILL of `repliform lifecycle create`', `p = ${options.killProbability} per create, at most ${options.maxKills}, after 50…${options.taskMs + 800} ms`, killRecords.length),
    ];
    // With the provider there is no `repliform lifecycle create` process to kill.
    const faultClasses = faults === 'all' ? [...httpClasses, ...processClasses.filter((c) => killsOn || !c.name.startsWith('SIGKILL'))] : httpClasses;
    const convergedInOne = faults === 'all' || (converged && applies === 1 && destroys === 1 && stateResourcesAfterDestroy === 0);
    const canaryClean = secrets.passwordLeaks.length === 0 && secrets.sessionLeaks.length === 0 && secrets.sessionStores.every((f) => f.mode === '0600');
    const ok = invariantsHold && convergedInOne && faultClasses.every((c) => c.survived) && badInput.every((c) => c.ok) && canaryClean;
    const { log: _unused, ...printable } = options;
    void _unused;
    const partial = {
      backing,
      traceBytes: deployment.traceLog && existsSync(deployment.traceLog) ? statSync(deployment.traceLog).size : 0,
      date: today(),
      machine: machineInfo(),
      options: printable,
      steps,
      appliesToConverge: applies,
      converged,
      convergedInOne,
      faultsByOperation: faultsByOperation(campaignRequests, vendor.requests.operationOf),
      replicationsOnServer,
      duplicates,
      missing,
      notOk,
      wrongSettings,
      destroysNeeded: destroys,
      orphansAfterDestroy,
      stateResourcesAfterDestroy,
      retriedByCli: processes.retries,
      faultedRequests: requests.faulted,
      unauthorized: requests.unauthorized,
      sessionExpirations,
      kills: killRecords,
      faultClasses,
      requests,
      processes: processes.processes,
      failedProcesses: processes.failed,
      // A provider process lives as long as its Terraform command: only CLI processes can stall on a lock.
      slowestProcessMs: cliMetrics.reduce((max, m) => Math.max(max, m.totalMs), 0),
      stalledProcesses: cliMetrics.filter((m) => m.totalMs > stallThresholdMs(options)).length,
      badInput,
      secrets,
      totalMs: performanceNow() - started,
      ok,
    };
    const markdown = renderChaos(partial);
    if (options.outFile) {
      mkdirSync(dirname(options.outFile), { recursive: true });
      writeFileSync(options.outFile, markdown);
    }
    return { ...partial, markdown };
  } finally {
    if (expiryTimer) clearInterval(expiryTimer);
    await sim.close();
    if (!options.keepWorkDir) rmSync(workDir, { recursive: true, force: true });
  }
}

async function stateResourceCount(stackDir: string, env: NodeJS.ProcessEnv): Promise<number> {
  const listed = await run(terraformBinary(), ['state', 'list'], { cwd: stackDir, env });
  if (listed.code !== 0) return /No state file was found/i.test(listed.stderr) ? 0 : -1;
  return listed.stdout.split('\n').filter((line) => line.trim() !== '').length;
}

// ------------------------------------------------------------------------------------------ report

export function renderChaos(result: Omit<ChaosResult, 'markdown'>): string {
  const o = result.options;
  const faults = o.faults ?? 'all';
  const httpOnly = faults === 'http';
  const lines: string[] = [];
  lines.push('# repliform fault campaign', '');
  lines.push(`- Date: ${result.date}`);
  lines.push(`- Machine: ${machineLine(result.machine)}`);
  lines.push(`- Fault set: \`${faults}\`, ${FAULT_SET_LABELS[faults]}`);
  const provider = result.backing === 'provider';
  const kills = httpOnly || provider ? 'no SIGKILL' : `SIGKILL p = ${o.killProbability} per create (at most ${o.maxKills})`;
  lines.push(
    provider
      ? `- Backing: \`provider\` (one \`repliform_vr_replication\` per replication served by \`terraform-provider-repliform\`; every Terraform command ran with \`TF_LOG=trace\`, ${fixed(result.traceBytes / 1e6, 1)} MB of trace scanned for secrets)`
      : '- Backing: `lifecycle` (`terraform_data` resources whose provisioners run the CLI)',
  );
  lines.push(
    `- Settings: ${o.size} replications (${provider ? o.size + 1 : 2 * o.size + 1} Terraform resources), \`-parallelism=${PARALLELISM}\`, simulator task ${o.taskMs} ms, fault profile \`${o.profile}\` (seed ${o.seed}), \`REPLIFORM_HTTP_TIMEOUT_MS=${o.httpTimeoutMs}\`, session expiry every ${seconds(o.sessionExpiryMs, 1)}, ${kills}, at most ${o.maxApplies} applies and ${o.maxDestroys} destroys`,
  );
  lines.push(`- Command: \`npm run chaos -- --backing ${result.backing} --faults ${faults} --size ${o.size} --task-ms ${o.taskMs} --profile ${o.profile} --seed ${o.seed}\` (took ${seconds(result.totalMs)})`);
  lines.push(`- Verdict: ${result.ok ? '✓ every invariant held, every fault class was hit and survived' : '✗ see the ✗ rows below'}`);
  lines.push('');
  lines.push(
    `Faults stay on through every apply and destroy (HTTP faults on every path of the VR API, including the session calls)${httpOnly || provider ? '' : '; kills hit `lifecycle create` only'}. The server is checked from the simulator's own state, not through the faulty API.`,
    '',
  );

  lines.push('## Figures', '');
  lines.push(
    table(
      ['Figure', 'Target', 'Measured', ''],
      [
        [
          'applies needed to converge (`terraform plan` shows no change)',
          httpOnly ? '1' : `≤ ${o.maxApplies} (cap)`,
          result.converged ? String(result.appliesToConverge) : `not converged after ${result.appliesToConverge}`,
          mark(result.converged && (!httpOnly || result.appliesToConverge === 1)),
        ],
        ['replications on the server after converging', `exactly ${o.size}`, String(result.replicationsOnServer), mark(result.replicationsOnServer === o.size)],
        ['duplicated replications (same VM twice)', '0', `${result.duplicates.length}${result.duplicates.length ? ` (${result.duplicates.join(', ')})` : ''}`, mark(result.duplicates.length === 0)],
        ['missing replications', '0', `${result.missing.length}${result.missing.length ? ` (${result.missing.slice(0, 10).join(', ')})` : ''}`, mark(result.missing.length === 0)],
        ['replications not in configuration state OK', '0', String(result.notOk), mark(result.notOk === 0)],
        ['replications whose settings differ from the code (RPO 15, PIT 3×5)', '0', String(result.wrongSettings), mark(result.wrongSettings === 0)],
        [
          'destroys needed',
          httpOnly ? '1' : `≤ ${o.maxDestroys}`,
          String(result.destroysNeeded),
          mark(result.orphansAfterDestroy === 0 && result.stateResourcesAfterDestroy === 0 && (!httpOnly || result.destroysNeeded === 1)),
        ],
        ['orphans after destroy (replications left on the server)', '0', String(result.orphansAfterDestroy), mark(result.orphansAfterDestroy === 0)],
        ['resources left in the Terraform state', '0', String(result.stateResourcesAfterDestroy), mark(result.stateResourcesAfterDestroy === 0)],
        ['requests retried by the CLI (sum of per-process counters)', 'reported', String(result.retriedByCli), '–'],
        ['requests answered with an injected fault', 'reported', String(result.faultedRequests), '–'],
        ['requests answered 401 (expired session)', 'reported', String(result.unauthorized), '–'],
        ['API requests in total / logins (POST /session)', 'reported', `${result.requests.total} / ${result.requests.logins}`, '–'],
        ['CLI processes that reported / failed (killed ones do not report)', 'reported', `${result.processes} / ${result.failedProcesses}`, '–'],
        ['slowest CLI process / processes slower than ' + seconds(stallThresholdMs(o), 0), 'reported', `${seconds(result.slowestProcessMs)} / ${result.stalledProcesses}`, '–'],
        ['canary passwords in any file, state, plan, log or output', '0', String(result.secrets.passwordLeaks.length), mark(result.secrets.passwordLeaks.length === 0)],
        ['session ids in state, cdk.tf.json, logs or output', '0', String(result.secrets.sessionLeaks.length), mark(result.secrets.sessionLeaks.length === 0)],
        [
          'session store files, mode',
          '0600',
          result.secrets.sessionStores.length ? result.secrets.sessionStores.map((f) => `${f.where} ${f.mode}`).join(', ') : 'none',
          mark(result.secrets.sessionStores.every((f) => f.mode === '0600')),
        ],
      ],
    ),
  );
  lines.push('');

  if (result.stalledProcesses > 0) {
    lines.push(
      `Note: ${result.stalledProcesses} CLI process(es) took longer than ${seconds(stallThresholdMs(o), 0)} (slowest ${seconds(result.slowestProcessMs)}) with few requests: they waited on the shared-state lock (\`lib/client/vr/shared-state.ts\`, stale after 30 s) left behind by a SIGKILLed process; that apply stalls for up to 30 s.`,
      '',
    );
  }
  lines.push('## Fault classes', '');
  lines.push(table(['Fault class', 'Configured', 'Injected', 'Survived'], result.faultClasses.map((c) => [c.name, c.configured, String(c.injected), mark(c.survived)])));
  lines.push('');
  lines.push('"Survived" = injected at least once and, at the end, the fleet converged with exactly the declared replications, none duplicated, and nothing left after destroy.', '');
  if (result.kills.length) {
    lines.push(`SIGKILLs: ${result.kills.map((k) => `\`${k.args}\` after ${k.delayMs} ms`).join('; ')}.`, '');
  }

  lines.push('## Applies and destroys', '');
  lines.push(table(['Step', 'Exit code', 'Wall time', 'Resources in error'], result.steps.map((s) => [s.command, String(s.exitCode), seconds(s.wallMs), String(s.errors)])));
  lines.push('');
  for (const step of result.steps.filter((s) => s.failures.length > 0)) {
    lines.push(`Failures of ${step.command}:`, '');
    for (const failure of step.failures) lines.push(`- \`${failure.replace(/`/g, "'").slice(0, 400)}\``);
    lines.push('');
  }

  lines.push('## Injected faults by operation', '');
  lines.push(table(['Operation', 'Fault rule', 'Injected'], result.faultsByOperation.map((f) => [`\`${f.operation}\``, f.rule, String(f.count)])));
  lines.push('');

  lines.push('## Requests by operation (whole campaign)', '');
  lines.push(table(['Operation', 'Requests'], result.requests.byOperation.map((op) => [`\`${op.operation}\``, String(op.count)])));
  lines.push('');

  lines.push('## Bad input', '');
  if (provider) lines.push('Not run with the provider backing: the cases run the CLI (`lifecycle create`), whatever the backing; the provider\'s own validation is tested in test/provider.', '');
  else lines.push('Each case runs `node dist/src/cli/main.js lifecycle create …` once, with the faults off.', '');
  if (!provider) lines.push(
    table(
      ['Case', 'Exit (expected)', 'One line', 'Server unchanged', 'Message', ''],
      result.badInput.map((c) => [
        c.name,
        `${c.exitCode} (${c.expectedExit})`,
        mark(c.oneLine),
        `${mark(c.unchanged)} (${c.writes} writes, ${c.replicationsBefore}→${c.replicationsAfter} replications)`,
        `\`${(c.stderrLines.length === 1 ? c.stderrLines[0] : c.stderrLines.join(' ⏎ ')).replace(/\|/g, '\\|').slice(0, 300)}\``,
        mark(c.ok),
      ]),
    ),
  );
  lines.push('');

  lines.push('## Canary', '');
  lines.push(
    `Both sites ran with canary passwords. Scanned ${result.secrets.filesScanned} files under the work dir (state, backups, cdk.tf.json, plans, the metrics file, the kill records, whatever the CLI cached there${provider ? ', the `TF_LOG=trace` log of every Terraform command' : ''}) and ${result.secrets.outputsScanned} captured outputs (every Terraform and CLI stdout/stderr, the bad-input cases) for each password, its Basic-auth form, and every session id the simulator issued: ${result.secrets.passwordLeaks.length} password leak(s), ${result.secrets.sessionLeaks.length} session-id leak(s).`,
  );
  for (const leak of [...result.secrets.passwordLeaks, ...result.secrets.sessionLeaks]) lines.push(`- ✗ ${leak.secret} in ${leak.where}${leak.mode ? ` (mode ${leak.mode})` : ''}`);
  lines.push('');
  return `${lines.join('\n')}\n`;
}

/** The session-expiry class: by the profile's rule (once, before a given read), by the timer, or both. */
function sessionExpiryName(options: ChaosOptions, rules: readonly FaultRule[]): string {
  const timer = (options.maxSessionExpirations ?? Infinity) > 0 ? `every ${seconds(options.sessionExpiryMs, 1)}` : undefined;
  const rule = rules.find((r) => r.expireSessions === true);
  const byRule = rule ? `before read #${(rule.skip ?? 0) + 1} of the faulted run` : undefined;
  return `session expiry (${[byRule, timer].filter((part) => part !== undefined).join(', then ') || 'none'})`;
}

/** Several campaigns (one per fault set) in one file: a summary of the convergence figures, then each report. */
export function renderCampaigns(results: readonly Omit<ChaosResult, 'markdown'>[]): string {
  const lines: string[] = ['# repliform fault campaign', ''];
  lines.push(`- Date: ${results[0]?.date ?? today()}`);
  lines.push(`- Machine: ${results[0] ? machineLine(results[0].machine) : ''}`);
  const backings = [...new Set(results.map((r) => r.backing))].join(',');
  lines.push(`- Command: \`npm run chaos -- --backing ${backings} --faults both\` (one campaign per fault set, ${seconds(results.reduce((sum, r) => sum + r.totalMs, 0))} in all)`);
  lines.push('');
  lines.push('## Convergence by fault set', '');
  lines.push(
    table(
      ['Fault set', 'Applies to converge', 'Destroys needed', 'Target', 'Verdict'],
      results.map((r) => {
        const faults = r.options.faults ?? 'all';
        const target = faults === 'http' ? '1 apply, 1 destroy' : `converges (≤ ${r.options.maxApplies} applies, ≤ ${r.options.maxDestroys} destroys)`;
        const label = r.backing === 'provider' ? `${FAULT_SET_LABELS[faults]}, provider backing` : FAULT_SET_LABELS[faults];
        return [label, r.converged ? String(r.appliesToConverge) : `not converged after ${r.appliesToConverge}`, String(r.destroysNeeded), target, mark(r.ok)];
      }),
    ),
  );
  lines.push('');
  for (const result of results) {
    const report = renderChaos(result)
      .replace(/^# repliform fault campaign$/m, `## Fault set \`${result.options.faults ?? 'all'}\`${result.backing === 'provider' ? ', provider backing' : ''}`)
      .replace(/^## (?!Fault set)/gm, '### ');
    lines.push(report.trimEnd(), '');
  }
  return `${lines.join('\n')}\n`;
}

export function defaultChaosFile(): string {
  return join(projectRoot(), 'bench', 'chaos.md');
}

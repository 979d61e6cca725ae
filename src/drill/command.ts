/**
 * `repliform drill`: the replications of one or more synthesized stacks (narrowed by --construct / --select),
 * drilled as one — preflight, start, wait with progress, checks, cleanup always — and the evidence written as
 * Markdown and JSON (--out). Returns the exit code (exit-codes.ts); never throws.
 *
 * Calls no endpoint itself: the units do.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { systemClock, type Clock } from '../../lib/client/wait';
import { createClientFactory } from '../resources/clients';
import type { Context } from '../resources/contract';
import { InputError, isInputError, listForMessage } from '../resources/errors';
import { cacheDirFrom } from '../runtime/cache-dir';
import { createLogger, logLevelFrom } from '../runtime/logger';
import { createProgress } from '../runtime/progress';
import type { CheckCommandRunner } from './checks';
import type { CleanupPolicy } from './cleanup';
import { buildEvidence, renderJson, type Evidence } from './evidence';
import { DRILL_EXIT } from './exit-codes';
import { provenanceOf, type GitRunner } from './provenance';
import { renderMarkdown } from './render-markdown';
import { renderSummary } from './render-text';
import { runDrill } from './run';
import { drillNameAt, sdrsUnit, SDRS_KINDS } from './sdrs/units';
import { isSelected, resourcesOfKinds, type StackResource } from '../resources/synthesized-stack';
import type { DrillUnit } from './types';
import { vcdaUnit, VCDA_KINDS } from './vcda/units';
import { vrUnit, VR_KINDS } from './vr/units';

/** What commander parsed. */
export interface DrillCommandOptions {
  readonly stackDir?: string[];
  readonly construct?: string[];
  readonly select?: string[];
  readonly out?: string;
  readonly rtoMinutes?: string;
  readonly timeoutMinutes?: string;
  readonly checkCommand?: string;
  readonly cleanupOnly?: boolean;
  readonly sdrsDrillVpc?: string;
  readonly appDir?: string;
}

export interface DrillIo {
  readonly env?: NodeJS.ProcessEnv;
  readonly stdout?: NodeJS.WritableStream;
  readonly stderr?: NodeJS.WriteStream;
  readonly signal?: AbortSignal;
  readonly clock?: Clock;
  readonly git?: GitRunner;
  readonly checkRunner?: CheckCommandRunner;
  readonly cleanupPolicy?: CleanupPolicy;
}

const DEFAULT_TIMEOUT_MINUTES = 60;
const DEFAULT_OUT = 'drill-report';
export const REPORT_FILES = { markdown: 'drill-report.md', json: 'drill-report.json' } as const;

function positiveMinutes(text: string | undefined, flag: string): number | undefined {
  if (text === undefined) return undefined;
  const minutes = Number(text);
  if (!Number.isFinite(minutes) || minutes <= 0) throw new InputError(flag, `must be a positive number of minutes, got ${JSON.stringify(text)}`);
  return minutes;
}

/** The command that removes what a drill of this construct left: the same stacks, this construct, --cleanup-only. */
function cleanupCommandFor(stackDirs: readonly string[]): (construct: string) => string {
  const stacks = stackDirs.map((dir) => `--stack-dir ${dir}`).join(' ');
  return (construct) => `repliform drill ${stacks} --construct ${construct} --cleanup-only`;
}

/** SDRS groups are selected by their own path or by any of their protected instances' paths. */
function groupSelected(group: StackResource, instances: readonly StackResource[], constructs: readonly string[], patterns: readonly string[]): boolean {
  if (isSelected(group, constructs, patterns)) return true;
  return instances.some((instance) => {
    const ref: unknown = typeof instance.input === 'object' && instance.input !== null && 'group' in instance.input ? instance.input.group : undefined;
    const owner: unknown = typeof ref === 'object' && ref !== null && 'owner' in ref ? ref.owner : undefined;
    return owner === group.owner && isSelected(instance, constructs, patterns);
  });
}

export function unitsOf(options: DrillCommandOptions, startedAt: number, timeoutSeconds: number): DrillUnit[] {
  const stackDirs = options.stackDir ?? [];
  if (stackDirs.length === 0) throw new InputError('--stack-dir', 'is required: a synthesized stack, e.g. cdktf.out/stacks/<stack> (repeatable)');
  const [constructs, patterns] = [options.construct ?? [], options.select ?? []];
  const cleanupCommand = cleanupCommandFor(stackDirs);
  const units: DrillUnit[] = [];
  const seen: string[] = [];
  for (const dir of stackDirs) {
    const resources = resourcesOfKinds(dir, [...VR_KINDS, ...VCDA_KINDS, ...SDRS_KINDS, 'sdrs.protected-instance'], 'synthesize with the provider or the terraform_data backing to drill it');
    seen.push(...resources.filter((r) => r.kind !== 'sdrs.protected-instance').map((r) => r.owner));
    const instances = resources.filter((r) => r.kind === 'sdrs.protected-instance');
    for (const r of resources) {
      if (r.kind === 'vr.replication' && isSelected(r, constructs, patterns)) units.push(vrUnit(r));
      if (r.kind === 'vcda.replication' && isSelected(r, constructs, patterns)) units.push(vcdaUnit(r, { timeoutSeconds, cleanupCommand }));
      if (r.kind === 'sdrs.protection-group' && groupSelected(r, instances, constructs, patterns)) {
        units.push(sdrsUnit(r, { timeoutSeconds, cleanupCommand, drillName: drillNameAt(startedAt), drillVpcId: options.sdrsDrillVpc }));
      }
    }
  }
  if (units.length === 0) {
    const what = seen.length === 0 ? 'the stacks declare no VR or VCDA replication and no SDRS protection group' : `nothing matches --construct/--select; the stacks declare: ${listForMessage(seen)}`;
    throw new InputError(constructs.length + patterns.length > 0 ? '--construct/--select' : '--stack-dir', what);
  }
  return units;
}

function writeReports(out: string, evidence: Evidence): string[] {
  mkdirSync(out, { recursive: true });
  const files = [join(out, REPORT_FILES.markdown), join(out, REPORT_FILES.json)];
  writeFileSync(files[0], renderMarkdown(evidence));
  writeFileSync(files[1], renderJson(evidence));
  return files;
}

export async function runDrillCommand(options: DrillCommandOptions, io: DrillIo = {}): Promise<number> {
  const env = io.env ?? process.env;
  const stderr = io.stderr ?? process.stderr;
  const clock = io.clock ?? systemClock;
  const log = createLogger(logLevelFrom(env), (line) => stderr.write(`${line}\n`));
  try {
    const timeoutMinutes = positiveMinutes(options.timeoutMinutes, '--timeout-minutes') ?? DEFAULT_TIMEOUT_MINUTES;
    const rtoMinutes = positiveMinutes(options.rtoMinutes, '--rto-minutes') ?? null;
    const startedAt = clock.now();
    const units = unitsOf(options, startedAt, Math.ceil(timeoutMinutes * 60));
    // No signal for the clients: a Ctrl-C stops the drill's waits, never the cleanup's requests.
    const clients = createClientFactory({ log, env, onRequest: (entry) => log.request(entry), sharedStateDir: cacheDirFrom(env), clock: io.clock });
    const ctx: Context = { env, log, clients, signal: io.signal, clock, progress: createProgress({ stream: stderr, quiet: log.level === 'quiet' }) };
    try {
      const run = await runDrill(units, { ctx, clock, timeoutMs: timeoutMinutes * 60_000, checkCommand: options.checkCommand, checkRunner: io.checkRunner, cleanupPolicy: io.cleanupPolicy, cleanupOnly: options.cleanupOnly === true });
      const stackDirs = options.stackDir ?? [];
      const evidence = buildEvidence({ run, provenance: provenanceOf(env, stackDirs[0], io.git, options.appDir), stacks: stackDirs, rtoMinutes }, options.cleanupOnly === true);
      const files = writeReports(options.out ?? DEFAULT_OUT, evidence);
      (io.stdout ?? process.stdout).write(renderSummary(evidence, files));
      return evidence.exit_code;
    } finally {
      await Promise.all(clients.all().map((client) => client.logout().catch(() => undefined)));
    }
  } catch (error) {
    const badInput = isInputError(error);
    stderr.write(`repliform: drill ${badInput ? 'rejected' : 'failed'}: ${error instanceof Error ? error.message : String(error)}\n`);
    return badInput ? DRILL_EXIT.badInput : DRILL_EXIT.error;
  }
}

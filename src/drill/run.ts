/**
 * One drill over its units: preflight (refuse when a unit is busy or not ready, saying what is not), start, wait
 * with progress, checks, and cleanup of every unit it tried to start — always, whatever ended the drill. Returns
 * what happened, from which evidence.ts writes the report; never throws.
 *
 * Calls no endpoint itself: the units do.
 */
import type { Clock } from '../../lib/client/wait';
import type { Context, ProgressReporter } from '../resources/contract';
import { builtInChecks, commandCheck, type CheckCommandRunner, type CheckResult } from './checks';
import { cleanupAlways, DEFAULT_CLEANUP_POLICY, type CleanupPolicy, type CleanupResult } from './cleanup';
import type { DrillUnit, DrillVendor, RecoveredVm, UnitPreflight } from './types';

/** Why the drill stopped where it did. */
export type DrillStop = 'completed' | 'refused' | 'not-ready' | 'timed-out' | 'interrupted' | 'error';

export interface VmResult extends RecoveredVm {
  readonly checks: readonly CheckResult[];
}

export interface UnitResult {
  readonly vendor: DrillVendor;
  readonly construct: string;
  readonly name: string;
  readonly recovers: boolean;
  readonly rpoMinutes: number | null;
  readonly preflight: UnitPreflight | null;
  /** When its recovery was started (the clock's milliseconds); null when it was not. */
  readonly startedAt: number | null;
  /** When its VMs were recovered (the wait ended); null when they were not. */
  readonly recoveredAt: number | null;
  /** What went wrong with this unit, if anything. */
  readonly failure: string | null;
  readonly vms: readonly VmResult[];
  /** Null when nothing was started, so nothing needed cleaning up. */
  readonly cleanup: CleanupResult | null;
}

export interface DrillRun {
  readonly startedAt: number;
  readonly finishedAt: number;
  readonly stop: DrillStop;
  /** Why it stopped, in a sentence (null when it completed). */
  readonly reason: string | null;
  readonly units: readonly UnitResult[];
}

export interface DrillOptions {
  /** The context of the drill: its signal is the user's (Ctrl-C); the cleanup gets the same without a signal. */
  readonly ctx: Context;
  readonly clock: Clock;
  /** Start, wait and checks must end within this; then the drill is stopped and cleaned up. */
  readonly timeoutMs: number;
  readonly checkCommand?: string;
  readonly checkRunner?: CheckCommandRunner;
  readonly cleanupPolicy?: CleanupPolicy;
  /** Only clean up what an earlier drill left (--cleanup-only): no preflight, no start. */
  readonly cleanupOnly?: boolean;
}

class DrillStopped extends Error {
  constructor(
    readonly stop: 'timed-out' | 'interrupted',
    message: string,
  ) {
    super(message);
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Mutable record of one unit while the drill runs. */
interface Tracked {
  readonly unit: DrillUnit;
  preflight: UnitPreflight | null;
  attempted: boolean;
  startedAt: number | null;
  recoveredAt: number | null;
  failure: string | null;
  vms: VmResult[];
  cleanup: CleanupResult | null;
  percent: number;
}

function track(unit: DrillUnit): Tracked {
  return { unit, preflight: null, attempted: false, startedAt: null, recoveredAt: null, failure: null, vms: [], cleanup: null, percent: 0 };
}

function resultOf(t: Tracked): UnitResult {
  const { vendor, construct, name, recovers, rpoMinutes } = t.unit;
  return { vendor, construct, name, recovers, rpoMinutes, preflight: t.preflight, startedAt: t.startedAt, recoveredAt: t.recoveredAt, failure: t.failure, vms: t.vms, cleanup: t.cleanup };
}

/** The reason a drill cannot start: busy units (refused) first, then units not ready. */
function refusal(tracked: readonly Tracked[]): { stop: 'refused' | 'not-ready'; reason: string } | undefined {
  const busy = tracked.filter((t) => t.preflight?.busy !== undefined).map((t) => `${t.unit.name}: ${t.preflight?.busy ?? ''}`);
  if (busy.length > 0) return { stop: 'refused', reason: `another drill is running — ${busy.join('; ')}` };
  const notReady = tracked
    .filter((t) => t.unit.recovers)
    .flatMap((t) => (t.preflight?.vms ?? []).filter((vm) => vm.problems.length > 0).map((vm) => `${vm.vm}: ${vm.problems.join(', ')}`));
  if (notReady.length > 0) return { stop: 'not-ready', reason: `preflight not met — ${notReady.join('; ')}` };
  return undefined;
}

/** An abort signal for the user's signal or the deadline, whichever comes first; `clear` stops the deadline. */
function runSignal(user: AbortSignal | undefined, timeoutMs: number): { signal: AbortSignal; clear: () => void } {
  const controller = new AbortController();
  const minutes = Math.round(timeoutMs / 60_000);
  const timer = setTimeout(() => controller.abort(new DrillStopped('timed-out', `the drill did not finish within ${minutes >= 1 ? `${minutes} min` : `${timeoutMs / 1000} s`} (--timeout-minutes)`)), timeoutMs);
  timer.unref?.();
  const onUser = () => controller.abort(new DrillStopped('interrupted', `interrupted (${messageOf(user?.reason ?? 'signal')})`));
  if (user?.aborted) onUser();
  user?.addEventListener('abort', onUser, { once: true });
  return {
    signal: controller.signal,
    clear: () => {
      clearTimeout(timer);
      user?.removeEventListener('abort', onUser);
    },
  };
}

function stoppedBy(signal: AbortSignal): DrillStopped | undefined {
  return signal.aborted && signal.reason instanceof DrillStopped ? signal.reason : undefined;
}

async function checksOf(vm: RecoveredVm, unit: DrillUnit, options: DrillOptions, signal: AbortSignal): Promise<VmResult> {
  const checks = builtInChecks(vm);
  if (options.checkCommand !== undefined && unit.recovers) {
    checks.push(await commandCheck(vm, { command: options.checkCommand, vendor: unit.vendor, env: options.ctx.env, signal, runner: options.checkRunner }));
  }
  return { ...vm, checks };
}

/** One recovering unit: start, wait, read what was recovered, check it. Records its failure instead of throwing. */
async function recover(t: Tracked, ctx: Context, options: DrillOptions, report: () => void): Promise<void> {
  const { clock } = options;
  try {
    t.attempted = true;
    t.startedAt = clock.now();
    const unitCtx: Context = { ...ctx, progress: unitProgress(t, report) };
    await t.unit.start(unitCtx);
    await t.unit.wait(unitCtx);
    t.recoveredAt = clock.now();
    t.percent = 100;
    report();
    const vms = await t.unit.recovered(ctx);
    for (const vm of vms) t.vms.push(await checksOf(vm, t.unit, options, ctx.signal ?? new AbortController().signal));
  } catch (error) {
    const stopped = ctx.signal !== undefined ? stoppedBy(ctx.signal) : undefined;
    t.failure = stopped?.message ?? messageOf(error);
  }
}

/** The evidence of a unit that recovers nothing (VR): its replicas as they stand. */
async function evidenceOnly(t: Tracked, ctx: Context): Promise<void> {
  try {
    t.vms.push(...(await t.unit.recovered(ctx)).map((vm) => ({ ...vm, checks: [] })));
  } catch (error) {
    t.failure = messageOf(error);
  }
}

/** A unit's own waits (each task or job) feed its share of the drill's one progress. */
function unitProgress(t: Tracked, report: () => void): ProgressReporter {
  return {
    start: () => undefined,
    update: (percent) => {
      t.percent = Math.max(t.percent, percent ?? t.percent);
      report();
    },
    stop: () => undefined,
  };
}

/** Cleanup's waits are not shown one by one: the drill shows one line for the whole cleanup. */
const QUIET_PROGRESS: ProgressReporter = { start: () => undefined, update: () => undefined, stop: () => undefined };

function progressOf(tracked: readonly Tracked[], progress: ProgressReporter): () => void {
  return () => {
    const percent = tracked.reduce((sum, t) => sum + t.percent, 0) / tracked.length;
    const done = tracked.filter((t) => t.recoveredAt !== null).length;
    progress.update(percent, `${done} of ${tracked.length} recovered`);
  };
}

async function preflightAll(tracked: readonly Tracked[], ctx: Context): Promise<string | undefined> {
  const failures = await Promise.all(
    tracked.map(async (t) => {
      try {
        t.preflight = await t.unit.preflight(ctx);
        return undefined;
      } catch (error) {
        t.failure = `preflight failed: ${messageOf(error)}`;
        return `${t.unit.name}: ${messageOf(error)}`;
      }
    }),
  );
  const failed = failures.filter((f): f is string => f !== undefined);
  return failed.length > 0 ? `preflight could not read the replications — ${failed.join('; ')}` : undefined;
}

async function cleanupAll(tracked: readonly Tracked[], ctx: Context, options: DrillOptions): Promise<void> {
  const cleanupCtx: Context = { ...ctx, signal: undefined, progress: QUIET_PROGRESS };
  const started = tracked.filter((t) => t.attempted);
  if (started.length === 0) return;
  ctx.progress.start(`cleaning up ${started.length} drill${started.length === 1 ? '' : 's'}`);
  await Promise.all(started.map(async (t) => (t.cleanup = await cleanupAlways(t.unit, cleanupCtx, options.clock, options.cleanupPolicy ?? DEFAULT_CLEANUP_POLICY))));
  const left = started.reduce((sum, t) => sum + (t.cleanup?.leftovers.length ?? 0), 0);
  ctx.progress.stop(left === 0 ? 'done' : `${left} left behind`);
}

function finish(startedAt: number, tracked: readonly Tracked[], clock: Clock, stop: DrillStop, reason: string | null): DrillRun {
  return { startedAt, finishedAt: clock.now(), stop, reason, units: tracked.map(resultOf) };
}

export async function runDrill(units: readonly DrillUnit[], options: DrillOptions): Promise<DrillRun> {
  const { ctx, clock } = options;
  const startedAt = clock.now();
  const tracked = units.map(track);
  if (options.cleanupOnly) {
    for (const t of tracked) t.attempted = t.unit.recovers;
    await cleanupAll(tracked, ctx, options);
    return finish(startedAt, tracked, clock, 'completed', null);
  }
  const unreadable = await preflightAll(tracked, ctx);
  if (unreadable !== undefined) return finish(startedAt, tracked, clock, 'error', unreadable);
  const refused = refusal(tracked);
  if (refused !== undefined) return finish(startedAt, tracked, clock, refused.stop, refused.reason);

  const { signal, clear } = runSignal(ctx.signal, options.timeoutMs);
  const runCtx: Context = { ...ctx, signal };
  const recovering = tracked.filter((t) => t.unit.recovers);
  try {
    if (recovering.length > 0) ctx.progress.start(`recovering ${recovering.length} in the test network`);
    await Promise.all([...recovering.map((t) => recover(t, runCtx, options, progressOf(recovering, ctx.progress))), ...tracked.filter((t) => !t.unit.recovers).map((t) => evidenceOnly(t, runCtx))]);
    if (recovering.length > 0) ctx.progress.stop(recovering.every((t) => t.failure === null) ? 'done' : 'failed');
  } finally {
    clear();
    await cleanupAll(tracked, ctx, options);
  }
  const stopped = stoppedBy(signal);
  if (stopped !== undefined) return finish(startedAt, tracked, clock, stopped.stop, stopped.message);
  return finish(startedAt, tracked, clock, 'completed', null);
}

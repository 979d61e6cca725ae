/**
 * Cleanup, always: every unit a drill tried to start is cleaned up, whatever ended the drill (success, failure,
 * timeout, a signal). A cleanup that fails is retried; whatever is still there afterwards is read back and
 * reported with how to remove it. The context given here carries no abort signal: a Ctrl-C stops the drill, never
 * its cleanup.
 *
 * Calls no endpoint itself: the units do.
 */
import type { Clock } from '../../lib/client/wait';
import type { Context } from '../resources/contract';
import type { DrillUnit, Leftover } from './types';

export interface CleanupPolicy {
  /** Tries in all (the first and the retries). */
  readonly attempts: number;
  /** Wait before a retry, doubled each time. */
  readonly delayMs: number;
}

export const DEFAULT_CLEANUP_POLICY: CleanupPolicy = { attempts: 3, delayMs: 5_000 };

export interface CleanupResult {
  readonly attempts: number;
  /** The error of each failed attempt, in order. */
  readonly errors: readonly string[];
  /** What is still there after the last attempt: empty when the cleanup is complete. */
  readonly leftovers: readonly Leftover[];
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** What the unit reports left; when even that read fails, the unit itself is the leftover. */
async function readLeftovers(unit: DrillUnit, ctx: Context, lastError: string | undefined): Promise<Leftover[]> {
  try {
    return await unit.leftovers(ctx);
  } catch (error) {
    const why = lastError ?? messageOf(error);
    return [{ what: `the drill of ${unit.name} (${unit.construct}): could not read what is left (${messageOf(error)}; cleanup: ${why})`, removeWith: `repliform drill --cleanup-only with the same --stack-dir and --construct ${unit.construct}` }];
  }
}

export async function cleanupAlways(unit: DrillUnit, ctx: Context, clock: Clock, policy: CleanupPolicy = DEFAULT_CLEANUP_POLICY): Promise<CleanupResult> {
  const errors: string[] = [];
  for (let attempt = 1; attempt <= policy.attempts; attempt++) {
    try {
      await unit.cleanup(ctx);
      return { attempts: attempt, errors, leftovers: await readLeftovers(unit, ctx, undefined) };
    } catch (error) {
      errors.push(messageOf(error));
      ctx.log.warn(`cleanup of ${unit.name} failed (attempt ${attempt} of ${policy.attempts}): ${messageOf(error)}`);
      if (attempt < policy.attempts) await clock.sleep(policy.delayMs * 2 ** (attempt - 1));
    }
  }
  return { attempts: policy.attempts, errors, leftovers: await readLeftovers(unit, ctx, errors.at(-1)) };
}

/**
 * Waiting for a live object to reach a state (listed, gone, settled) with the context's progress, clock and signal
 * and the spec's timeout: the one polling wait of the handlers beside their vendor's task or job wait.
 *
 * Calls no endpoint (the check does).
 */
import { waitFor, type WaitCheck, type WaitPacing } from '../../../lib/client/wait';
import type { Context } from '../contract';
import { withProgress } from '../task-progress';

/** How a wait polls: from `minDelayMs`, backing off to `maxDelayMs`. */
export type PollDelays = Required<Pick<WaitPacing, 'minDelayMs' | 'maxDelayMs'>> & Pick<WaitPacing, 'maxLateness'>;

export interface ObjectWait<T> {
  /** The progress label, e.g. `waiting for replication C4-1 to be deleted`. */
  readonly label: string;
  /** What is awaited, for a timeout's message. @default label */
  readonly description?: string;
  readonly timeoutSeconds: number;
  readonly poll: PollDelays;
  readonly check: () => Promise<WaitCheck<T>>;
}

export async function waitUntil<T>(ctx: Context, wait: ObjectWait<T>): Promise<T> {
  return withProgress(ctx, wait.label, (onProgress) =>
    waitFor<T>({
      description: wait.description ?? wait.label,
      timeoutMs: wait.timeoutSeconds * 1000,
      signal: ctx.signal,
      clock: ctx.clock,
      onProgress,
      ...wait.poll,
      check: wait.check,
    }),
  );
}

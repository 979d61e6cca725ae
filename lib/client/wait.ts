/**
 * waitFor(): the ONE generic poller of repliform (modelled on smithy-typescript's util-waiter).
 *
 * Calls no endpoint itself: `check()` does the reading (e.g. VR `GET /tasks/{task_id}`).
 *
 * Behaviour:
 * - checks once immediately, then sleeps `backoffDelay(attempt, minDelayMs, maxDelayMs, random)` between checks
 *   (exponential backoff with full jitter above the minimum, capped at `maxDelayMs`);
 * - never sleeps past the deadline: the last sleep is shortened so that one final check happens exactly at the
 *   deadline, after which `WaitTimeoutError` is thrown;
 * - an `AbortSignal` stops the wait (also during a sleep) with `WaitAbortedError`;
 * - time, sleep and randomness are injectable (`clock`, `random`) so tests take no real time.
 *
 * @public
 */

/** Time source and sleeper. Injected in tests; `systemClock` otherwise. @public */
export interface Clock {
  /** Milliseconds since the epoch (or any monotonic origin). */
  now(): number;
  /** Resolve after `ms` milliseconds; reject early when `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/** Result of one check: finished with a value, or not yet (with optional progress). @public */
export type WaitCheck<T> =
  | { readonly done: true; readonly value: T }
  | {
      readonly done: false;
      readonly progress?: number;
      readonly detail?: string;
      /**
       * When the check can predict completion (e.g. from the rate of progress), check again after this long
       * instead of backing off: at most maxDelayMs, and sooner than minDelayMs if predicted (a prediction aims at
       * the end of the task), but never sooner than 20 ms.
       */
      readonly nextCheckInMs?: number;
    };

/** What `onProgress` receives after each unfinished check. @public */
export interface WaitProgress {
  /** 1-based number of the check that just ran. */
  readonly attempt: number;
  /** Milliseconds since the wait started. */
  readonly elapsedMs: number;
  /** 0..100 when the check reported it. */
  readonly progress?: number;
  /** Free text from the check, e.g. "RUNNING 40%". */
  readonly detail?: string;
}

/** Options of `waitFor`. @public */
export interface WaitOptions<T> {
  /** Reads the current state once. Errors it throws end the wait and are rethrown unchanged. */
  readonly check: () => Promise<WaitCheck<T>>;
  /**
   * What is being waited on, used in error messages, e.g. "task 123 (Configure replication web-01)".
   * A function is evaluated when the message is built (so it can include what the checks learnt).
   */
  readonly description: string | (() => string);
  /** Total time allowed, in milliseconds. Required: every wait has a deadline. */
  readonly timeoutMs: number;
  /**
   * First (and minimum) delay between checks, in milliseconds.
   * @default 500
   */
  readonly minDelayMs?: number;
  /**
   * Maximum delay between checks, in milliseconds.
   * @default 10_000
   */
  readonly maxDelayMs?: number;
  /**
   * A bound on how late the check that sees the end comes, as a fraction of the time waited so far: the delay
   * between checks is at most `max(minDelayMs, elapsed × maxLateness)`. For what reports no progress to predict
   * its end (an SDRS job): exponential backoff alone may see a 2 s job end at 3.75 s; with 0.25, by 2.5 s.
   * @default - no bound: backoff alone
   */
  readonly maxLateness?: number;
  /**
   * Stops the wait with `WaitAbortedError`.
   * @default - not abortable
   */
  readonly signal?: AbortSignal;
  /**
   * Called after every check that is not done.
   * @default - no callback
   */
  readonly onProgress?: (progress: WaitProgress) => void;
  /**
   * Time source and sleeper.
   * @default systemClock (Date.now and setTimeout)
   */
  readonly clock?: Clock;
  /**
   * Random number source in [0, 1) for the jitter.
   * @default Math.random
   */
  readonly random?: () => number;
}

/** How often a wait checks: what a task wait passes on to `waitFor` as it is. @public */
export type WaitPacing = Pick<WaitOptions<unknown>, 'minDelayMs' | 'maxDelayMs' | 'maxLateness'>;

/** The pacing part of wider options, to pass on (a pacing option added later reaches every wait). @internal */
export function pacingOf(options: WaitPacing): WaitPacing {
  return { minDelayMs: options.minDelayMs, maxDelayMs: options.maxDelayMs, maxLateness: options.maxLateness };
}

/** The soonest a predicted check comes (predictions need rising progress, so they cannot spin). */
const PREDICTED_MIN_DELAY_MS = 20;

/** Default delays, shared with the HTTP retry policy. @internal */
export const DEFAULT_MIN_DELAY_MS = 500;
/** @internal */
export const DEFAULT_MAX_DELAY_MS = 10_000;

const WAIT_ERROR_BRAND = Symbol.for('repliform.WaitError');

/** Base of the waiter's own errors. @public */
export class WaitError extends Error {
  /** Description of what was waited on. */
  public readonly description: string;
  /** Number of checks that ran. */
  public readonly attempts: number;
  /** Milliseconds spent waiting. */
  public readonly elapsedMs: number;
  /** The last `detail` reported by a check, if any. */
  public readonly lastDetail?: string;

  constructor(message: string, fields: { description: string; attempts: number; elapsedMs: number; lastDetail?: string }) {
    super(message);
    Object.setPrototypeOf(this, new.target.prototype);
    this.name = new.target.name;
    this.description = fields.description;
    this.attempts = fields.attempts;
    this.elapsedMs = fields.elapsedMs;
    this.lastDetail = fields.lastDetail;
    Object.defineProperty(this, WAIT_ERROR_BRAND, { value: true });
  }
}

/** The deadline passed before the check reported done. @public */
export class WaitTimeoutError extends WaitError {
  /** The timeout that was exceeded, in milliseconds. */
  public readonly timeoutMs: number;

  constructor(fields: { description: string; timeoutMs: number; attempts: number; elapsedMs: number; lastDetail?: string }) {
    const last = fields.lastDetail !== undefined && fields.lastDetail !== '' ? `; last state: ${fields.lastDetail}` : '';
    super(
      `timed out after ${formatDuration(fields.timeoutMs)} waiting for ${fields.description} ` +
        `(${fields.attempts} checks${last}). The operation may still complete on the server; ` +
        'raise the timeout or check its state before retrying.',
      fields,
    );
    this.timeoutMs = fields.timeoutMs;
  }
}

/** The signal aborted the wait. @public */
export class WaitAbortedError extends WaitError {
  constructor(fields: { description: string; attempts: number; elapsedMs: number; lastDetail?: string }) {
    super(`stopped waiting for ${fields.description}: aborted after ${fields.attempts} checks`, fields);
  }
}

/** True for WaitTimeoutError / WaitAbortedError, also across duplicate copies of this module. @public */
export function isWaitError(x: unknown): x is WaitError {
  return typeof x === 'object' && x !== null && (x as Record<symbol, unknown>)[WAIT_ERROR_BRAND] === true;
}

/**
 * Delay before retry/check number `attempt + 1`, in whole milliseconds:
 * a random value in `[minMs, min(maxMs, minMs * 2^(attempt-1))]`. Attempt 1 always gives `minMs`.
 * @public
 */
export function backoffDelay(attempt: number, minMs: number, maxMs: number, random: () => number = Math.random): number {
  const exponent = Math.min(Math.max(attempt, 1) - 1, 30);
  const ceiling = Math.min(maxMs, minMs * 2 ** exponent);
  if (ceiling <= minMs) return Math.round(Math.min(minMs, maxMs));
  const r = Math.min(Math.max(random(), 0), 1);
  return Math.round(minMs + r * (ceiling - minMs));
}

/** Sleep with setTimeout; rejects with the signal's reason when aborted. @public */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortReason(signal));
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(abortReason(signal));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, Math.max(0, ms));
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** The real clock. @public */
export const systemClock: Clock = { now: () => Date.now(), sleep };

/**
 * Poll `check` until it reports done, the deadline passes or the signal aborts.
 * @throws WaitTimeoutError, WaitAbortedError, or whatever `check` throws.
 * @public
 */
export async function waitFor<T>(options: WaitOptions<T>): Promise<T> {
  const minDelayMs = options.minDelayMs ?? DEFAULT_MIN_DELAY_MS;
  const maxDelayMs = options.maxDelayMs ?? DEFAULT_MAX_DELAY_MS;
  validateWaitOptions(options.timeoutMs, minDelayMs, maxDelayMs);
  const clock = options.clock ?? systemClock;
  const random = options.random ?? Math.random;
  const start = clock.now();
  const deadline = start + options.timeoutMs;
  const state = { attempts: 0, lastDetail: undefined as string | undefined };
  const describe = (): string => (typeof options.description === 'function' ? options.description() : options.description);
  const fields = () => ({ description: describe(), attempts: state.attempts, elapsedMs: clock.now() - start, lastDetail: state.lastDetail });

  for (;;) {
    if (options.signal?.aborted) throw new WaitAbortedError(fields());
    state.attempts += 1;
    const result = await options.check();
    if (result.done) return result.value;
    if (result.detail !== undefined) state.lastDetail = result.detail;
    options.onProgress?.({ attempt: state.attempts, elapsedMs: clock.now() - start, progress: result.progress, detail: result.detail });

    const remaining = deadline - clock.now();
    if (remaining <= 0) throw new WaitTimeoutError({ ...fields(), timeoutMs: options.timeoutMs });
    if (options.signal?.aborted) throw new WaitAbortedError(fields());
    const planned = result.nextCheckInMs !== undefined
      ? Math.min(Math.max(result.nextCheckInMs, Math.min(minDelayMs, PREDICTED_MIN_DELAY_MS)), maxDelayMs)
      : Math.min(backoffDelay(state.attempts, minDelayMs, maxDelayMs, random), latenessBound(options.maxLateness, clock.now() - start, minDelayMs));
    const delay = Math.min(planned, remaining);
    try {
      await clock.sleep(delay, options.signal);
    } catch (err) {
      if (options.signal?.aborted) throw new WaitAbortedError(fields());
      throw err;
    }
  }
}

/** The longest delay that keeps a check within `maxLateness` of the time waited so far (never below the minimum). */
function latenessBound(maxLateness: number | undefined, elapsedMs: number, minDelayMs: number): number {
  return maxLateness === undefined ? Number.POSITIVE_INFINITY : Math.max(minDelayMs, Math.round(elapsedMs * maxLateness));
}

function validateWaitOptions(timeoutMs: number, minDelayMs: number, maxDelayMs: number): void {
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) {
    throw new RangeError(`waitFor: timeoutMs must be a positive number of milliseconds, got ${String(timeoutMs)}`);
  }
  if (!Number.isFinite(minDelayMs) || minDelayMs < 0) {
    throw new RangeError(`waitFor: minDelayMs must be >= 0, got ${String(minDelayMs)}`);
  }
  if (!Number.isFinite(maxDelayMs) || maxDelayMs < minDelayMs) {
    throw new RangeError(`waitFor: maxDelayMs must be >= minDelayMs (${minDelayMs}), got ${String(maxDelayMs)}`);
  }
}

function abortReason(signal: AbortSignal | undefined): unknown {
  const reason: unknown = signal?.reason;
  return reason ?? new Error('aborted');
}

/** One signal that aborts when either does; undefined when neither is given. @internal */
export function combineSignals(a: AbortSignal | undefined, b: AbortSignal | undefined): AbortSignal | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return AbortSignal.any([a, b]);
}

/** "90 s", "1500 ms", "10 min". @internal */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${ms} ms`;
  if (ms < 120_000 || ms % 60_000 !== 0) return `${+(ms / 1000).toFixed(1)} s`;
  return `${ms / 60_000} min`;
}

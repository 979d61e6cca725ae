/**
 * pollTask(): wait for a vendor's task or job on the generic waiter (`wait.ts`). The vendor supplies how to read
 * the task once and how to classify it (running, succeeded, failed, cancelled); this module polls, reports
 * progress, predicts from the rate of progress when the task will finish so the next poll lands just after it, and
 * turns a failed or cancelled task into TaskFailedError.
 *
 * Calls no endpoint itself: `get()` does the reading (e.g. VR `GET /tasks/{task_id}`).
 *
 * @public
 */
import { ApiError } from './http/errors';
import { pacingOf, systemClock, waitFor, type Clock, type WaitPacing, type WaitProgress } from './wait';

/** Where a task stands, whatever the vendor calls it. @public */
export type TaskState = 'running' | 'succeeded' | 'failed' | 'cancelled';

/** One reading of a task in generic terms. @public */
export interface TaskObservation {
  readonly state: TaskState;
  /** The vendor's own status word (VR "ERROR"), quoted in messages. */
  readonly status: string;
  /** 0..100 when the task reports it. */
  readonly progress?: number;
  /** Free text for progress reports, e.g. "RUNNING 40%". */
  readonly detail?: string;
  /** The task's own error code (VCDA `error.code`, SDRS `error_code`), when it failed with one. */
  readonly errorCode?: string;
  /** The task's error message, when it failed or was cancelled with one. */
  readonly errorMessage?: string;
  /** The task's error details, if any. */
  readonly errorDetails?: string;
}

/** How a vendor client's `waitForTask` / `waitForJob` waits: the same options for every vendor. @public */
export interface TaskWaitOptions extends WaitPacing {
  /** Total time allowed, in milliseconds. */
  readonly timeoutMs: number;
  /** Called after every poll of an unfinished task. @default - no callback */
  readonly onProgress?: (progress: WaitProgress) => void;
  /** @default - the client's signal */
  readonly signal?: AbortSignal;
  /** What the wait is about, for messages. @default - the task's id and what it works on */
  readonly description?: string;
}

/** Options of `pollTask`. @public */
export interface PollTaskOptions<T> extends WaitPacing {
  readonly taskId: string;
  /**
   * Reads the task once. A retryable error (429, 5xx, no answer: the HTTP layer's own retries already spent) is a
   * missed reading: the wait polls again until its deadline, as the task runs on regardless. Other errors end the
   * wait unchanged.
   */
  readonly get: () => Promise<T>;
  /** Classifies a reading. */
  readonly observe: (task: T) => TaskObservation;
  /** What the wait is about, from the last reading (undefined before the first), for messages. */
  readonly describe: (last: T | undefined) => string;
  /** URL of the read that observes the task, carried by TaskFailedError. */
  readonly url: string;
  /** What the vendor calls it, for messages (SDRS: "job"). @default "task" */
  readonly noun?: string;
  /** Total time allowed, in milliseconds. */
  readonly timeoutMs: number;
  /** @default - not abortable */
  readonly signal?: AbortSignal;
  /** Called after every reading of an unfinished task. @default - no callback */
  readonly onProgress?: (progress: WaitProgress) => void;
  /** @default systemClock */
  readonly clock?: Clock;
  /** @default Math.random */
  readonly random?: () => number;
}

/**
 * Poll until the task succeeds (→ its last reading).
 * @throws TaskFailedError when it fails or is cancelled, WaitTimeoutError, WaitAbortedError, or an error of `get`.
 * @public
 */
export async function pollTask<T>(options: PollTaskOptions<T>): Promise<T> {
  let last: T | undefined;
  const clock = options.clock ?? systemClock;
  const eta = progressEta(() => clock.now());
  const describe = (): string => options.describe(last);
  return waitFor<T>({
    description: describe,
    timeoutMs: options.timeoutMs,
    ...pacingOf(options),
    signal: options.signal,
    onProgress: options.onProgress,
    clock,
    random: options.random,
    check: async () => {
      const task = await readOrMiss(options.get);
      if (task === MISSED) return { done: false, detail: 'the task could not be read this time; polling again' };
      last = task;
      const seen = options.observe(task);
      if (seen.state === 'succeeded') return { done: true, value: task };
      if (seen.state === 'failed' || seen.state === 'cancelled') throw taskFailed(options, seen, describe());
      return { done: false, progress: seen.progress, detail: seen.detail, nextCheckInMs: eta(seen.progress) };
    },
  });
}

const MISSED: unique symbol = Symbol('missed reading');

async function readOrMiss<T>(get: () => Promise<T>): Promise<T | typeof MISSED> {
  try {
    return await get();
  } catch (error) {
    if (error instanceof ApiError && error.retryable) return MISSED;
    throw error;
  }
}

function taskFailed(options: { readonly taskId: string; readonly url: string; readonly noun?: string }, seen: TaskObservation, description: string): TaskFailedError {
  return new TaskFailedError({
    taskId: options.taskId,
    noun: options.noun,
    taskStatus: seen.status,
    cancelled: seen.state === 'cancelled',
    description,
    taskErrorCode: seen.errorCode,
    taskErrorMessage: seen.errorMessage,
    taskErrorDetails: seen.errorDetails,
    url: options.url,
  });
}

/**
 * Predicts when a task will finish from the rate its progress rose between two readings, so the next poll lands
 * just after it does instead of up to a whole backoff step late. No prediction until progress has moved.
 * @internal
 */
export function progressEta(now: () => number): (progress: number | undefined) => number | undefined {
  let previous: { progress: number; at: number } | undefined;
  return (progress) => {
    if (progress === undefined || progress <= 0) return undefined;
    const sample = { progress, at: now() };
    const before = previous;
    previous = sample;
    if (before === undefined || sample.progress <= before.progress || sample.at <= before.at) return undefined;
    const perMs = (sample.progress - before.progress) / (sample.at - before.at);
    // A reading is a whole percent: aim one percent's time past the predicted end (at most 50 ms), so that the poll
    // lands just after the task ends rather than just before.
    const margin = Math.min(ETA_MARGIN_MS, Math.ceil(1 / perMs));
    return Math.ceil((100 - sample.progress) / perMs) + margin;
  };
}

const ETA_MARGIN_MS = 50;

/**
 * A task ended failed or cancelled. `status`/`method`/`url` describe the read that observed it (a 200): messages
 * quote the task's own error, never that status. @public
 */
export class TaskFailedError extends ApiError {
  public readonly taskId: string;
  /** What the vendor calls it: "task", or "job" (SDRS). */
  public readonly noun: string;
  /** The vendor's status word, e.g. "ERROR" or "CANCELLED". */
  public readonly taskStatus: string;
  /** True when the task was cancelled rather than failed. */
  public readonly cancelled: boolean;
  /** The task's own error code (VCDA `error.code`, SDRS `error_code`), if any. */
  public readonly taskErrorCode?: string;
  /** The task's error message, if any. */
  public readonly taskErrorMessage?: string;
  /** The task's error details, if any. */
  public readonly taskErrorDetails?: string;

  constructor(fields: {
    readonly taskId: string;
    /** @default "task" */
    readonly noun?: string;
    readonly taskStatus: string;
    /** @default - true when taskStatus is "CANCELLED" */
    readonly cancelled?: boolean;
    readonly description: string;
    readonly taskErrorCode?: string;
    readonly taskErrorMessage?: string;
    readonly taskErrorDetails?: string;
    readonly url: string;
  }) {
    const taskErrorCode = nonEmpty(fields.taskErrorCode);
    const taskErrorMessage = nonEmpty(fields.taskErrorMessage);
    const cancelled = fields.cancelled ?? fields.taskStatus === 'CANCELLED';
    super(
      { status: 200, method: 'GET', url: fields.url, retryable: false, errorCode: `TASK_${fields.taskStatus}` },
      taskFailureMessage(fields.description, fields.taskStatus, cancelled, taskErrorText(taskErrorCode, taskErrorMessage)),
    );
    this.taskId = fields.taskId;
    this.noun = fields.noun ?? 'task';
    this.taskStatus = fields.taskStatus;
    this.cancelled = cancelled;
    this.taskErrorCode = taskErrorCode;
    this.taskErrorMessage = taskErrorMessage;
    this.taskErrorDetails = nonEmpty(fields.taskErrorDetails);
  }

  /** "task <id> failed (ERROR)", "job <id> failed (FAIL, SDRS.1014)", "task <id> was cancelled". */
  public override get outcome(): string {
    if (this.cancelled) return `${this.noun} ${this.taskId} was cancelled`;
    return `${this.noun} ${this.taskId} failed (${[this.taskStatus, this.taskErrorCode].filter((part) => part !== undefined).join(', ')})`;
  }
}

/** "<code>: <message>", either alone, or undefined. */
function taskErrorText(code: string | undefined, message: string | undefined): string | undefined {
  if (code !== undefined && message !== undefined) return `${code}: ${message}`;
  return message ?? code;
}

/** "<task> was cancelled[: error]" or "<task> ended <STATUS>: <error or 'no error message'>". */
function taskFailureMessage(description: string, taskStatus: string, cancelled: boolean, taskError: string | undefined): string {
  if (cancelled) return `${description} was cancelled${taskError === undefined ? '' : `: ${taskError}`}`;
  return `${description} ended ${taskStatus}: ${taskError ?? 'no error message'}`;
}

function nonEmpty(text: string | undefined): string | undefined {
  return text === undefined || text.trim() === '' ? undefined : text;
}

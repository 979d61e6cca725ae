/**
 * The shared task engine (modelled on vcsim's task.go), generic over each vendor's task record: a task is
 * created queued, turns running with rising progress, and ends succeeded (or failed, or cancelled) once its
 * duration has passed. A service says how its records are read and written and what its statuses are called
 * (VR QUEUED/RUNNING/SUCCESS/ERROR/CANCELLED, VCDA …/SUCCEEDED/FAILED, SDRS jobs INIT/RUNNING/SUCCESS/FAIL).
 * State is computed lazily from the injectable clock by `advance(records, now)`, which the server calls before
 * every request, so tests with a manual clock take no real time and a poller always sees a consistent state.
 * Completion effects (creating or removing a replication, …) are applied by the service's `onComplete` hook, in
 * completion-time order.
 *
 * Endpoints served: none.
 */

/** What the engine needs on every record, whatever the vendor. */
export interface EngineTaskRecord {
  /** Total time from queued to a terminal state. */
  durationMs: number;
  /** When set the task ends failed with this message (fault rule `taskError`). */
  failWith?: string;
  /** When set the task ends cancelled (as if an administrator cancelled it), with this error message if any. */
  cancelWith?: { message?: string };
}

/** A vendor's names for the engine's states. Without `cancelled`, a cancelled task ends `failed`. */
export interface TaskStatusNames<S extends string> {
  queued: S;
  running: S;
  succeeded: S;
  failed: S;
  cancelled?: S;
}

export type TaskResult = Record<string, string | boolean>;

export interface TaskError {
  message: string;
  details: string;
}

/** Fields the engine changes; an absent field is left as it is. */
export interface TaskUpdate<S extends string> {
  status?: S;
  progress?: number;
  startedAt?: number;
  completedAt?: number;
  error?: TaskError | null;
  result?: TaskResult | null;
}

/** How the engine reads and writes one vendor's task record. */
export interface TaskModel<R extends EngineTaskRecord, S extends string> {
  statuses: TaskStatusNames<S>;
  status(record: R): S;
  progress(record: R): number;
  queuedAt(record: R): number;
  startedAt(record: R): number | null;
  write(record: R, update: TaskUpdate<S>): void;
}

/** Thrown by a completion hook to end the task failed. */
export class TaskFailure extends Error {
  constructor(message: string, readonly details = '') {
    super(message);
    this.name = 'TaskFailure';
  }
}

export type CompletionHook<R> = (record: R, completedAt: number) => TaskResult | void;
/** Called when a task ends failed or cancelled (its status tells which). */
export type FailureHook<R> = (record: R) => void;

export interface TaskEffects<R> {
  onComplete: CompletionHook<R>;
  onFailed?: FailureHook<R>;
}

/** Share of the duration a task stays queued before it turns running. */
const QUEUED_SHARE = 0.2;
const MAX_RUNNING_PROGRESS = 99;

export function isTerminalStatus<S extends string>(names: TaskStatusNames<S>, status: S): boolean {
  return status === names.succeeded || status === names.failed || status === names.cancelled;
}

/** Makes these tasks (those a faulted request just created) end cancelled instead of running their effect. */
export function cancelOnCompletion(records: readonly EngineTaskRecord[], message: string | undefined): void {
  for (const record of records) record.cancelWith = message === undefined ? {} : { message };
}

export class TaskEngine<R extends EngineTaskRecord, S extends string> {
  constructor(
    private readonly model: TaskModel<R, S>,
    private readonly effects: TaskEffects<R>,
  ) {}

  isTerminal(record: R): boolean {
    return isTerminalStatus(this.model.statuses, this.model.status(record));
  }

  /**
   * Moves every unfinished task to the state it has at `now`, completing due tasks in completion order.
   * Returns true when anything changed.
   */
  advance(records: readonly R[], now: number): boolean {
    const pending = records.filter((record) => !this.isTerminal(record));
    const due = pending.filter((record) => this.completionTime(record) <= now);
    due.sort((a, b) => this.completionTime(a) - this.completionTime(b));
    for (const record of due) this.finish(record);
    let changed = due.length > 0;
    for (const record of pending) {
      if (!this.isTerminal(record) && this.updateRunningState(record, now)) changed = true;
    }
    return changed;
  }

  private completionTime(record: R): number {
    return this.model.queuedAt(record) + record.durationMs;
  }

  private startTime(record: R): number {
    return this.model.queuedAt(record) + Math.floor(record.durationMs * QUEUED_SHARE);
  }

  private updateRunningState(record: R, now: number): boolean {
    const started = this.startTime(record);
    if (now < started || record.durationMs === 0) return false;
    const span = Math.max(1, this.completionTime(record) - started);
    const progress = Math.min(MAX_RUNNING_PROGRESS, Math.max(1, Math.floor(((now - started) / span) * 100)));
    const running = this.model.statuses.running;
    const changed = this.model.status(record) !== running || this.model.progress(record) !== progress;
    this.model.write(record, { status: running, startedAt: started, progress });
    return changed;
  }

  /** A cancelled task keeps the progress it had and has no result; its completion effect never happens. */
  private cancel(record: R, cancelWith: { message?: string }): void {
    const { statuses } = this.model;
    this.model.write(record, {
      status: statuses.cancelled ?? statuses.failed,
      startedAt: this.model.startedAt(record) ?? this.startTime(record),
      completedAt: this.completionTime(record),
      error: cancelWith.message === undefined ? null : { message: cancelWith.message, details: '' },
    });
    this.effects.onFailed?.(record);
  }

  private finish(record: R): void {
    if (record.cancelWith !== undefined) {
      this.cancel(record, record.cancelWith);
      return;
    }
    const completedAt = this.completionTime(record);
    // The completion effect may read the task's times (a removal records when its task completed).
    this.model.write(record, { startedAt: this.model.startedAt(record) ?? this.startTime(record), completedAt, progress: 100 });
    try {
      if (record.failWith !== undefined) throw new TaskFailure(record.failWith);
      const result = this.effects.onComplete(record, completedAt);
      this.model.write(record, { status: this.model.statuses.succeeded, result: result ?? null });
    } catch (error) {
      const failure = error instanceof TaskFailure ? error : new TaskFailure(String(error));
      this.model.write(record, { status: this.model.statuses.failed, error: { message: failure.message, details: failure.details } });
      this.effects.onFailed?.(record);
    }
  }
}

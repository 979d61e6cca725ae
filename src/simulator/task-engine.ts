/**
 * The shared task engine (modelled on vcsim's task.go): a task is created QUEUED, turns RUNNING with rising
 * progress, and ends SUCCESS (or ERROR) once its duration has passed. State is computed lazily from the
 * injectable clock by `advance(now)`, which the server calls before every request, so tests with a manual
 * clock take no real time and a poller always sees a consistent state. Completion effects (creating or removing
 * a replication, …) are applied by the caller's `onComplete` hook, in completion-time order.
 *
 * Endpoints served: none.
 */
import type { SimTask } from './vr/types';

export interface EngineTaskRecord {
  task: SimTask;
  durationMs: number;
  /** When set the task ends in ERROR with this message. */
  failWith?: string;
  /** When set the task ends CANCELLED (as if an administrator cancelled it), with this error message if any. */
  cancelWith?: { message?: string };
}

/** Thrown by a completion hook to end the task in ERROR. */
export class TaskFailure extends Error {
  constructor(message: string, readonly details = '') {
    super(message);
    this.name = 'TaskFailure';
  }
}

export type TaskResult = Record<string, string | boolean>;
export type CompletionHook<R extends EngineTaskRecord> = (record: R, completedAt: number) => TaskResult | void;
/** Called when a task ends ERROR or CANCELLED (its status tells which). */
export type FailureHook<R extends EngineTaskRecord> = (record: R) => void;

/** Share of the duration a task stays QUEUED before it turns RUNNING. */
const QUEUED_SHARE = 0.2;
const MAX_RUNNING_PROGRESS = 99;

export function isTerminal(status: SimTask['status']): boolean {
  return status === 'SUCCESS' || status === 'ERROR' || status === 'CANCELLED';
}

export interface NewTaskFields {
  id: string;
  description: string;
  descriptionId: string;
  entity: string | null;
  entityName: string | null;
}

export function newQueuedTask(fields: NewTaskFields, now: number): SimTask {
  return {
    id: fields.id,
    description: fields.description,
    description_id: fields.descriptionId,
    entity: fields.entity,
    entity_name: fields.entityName,
    status: 'QUEUED',
    error: null,
    result: null,
    progress: 0,
    queued_time: now,
    start_time: null,
    complete_time: null,
  };
}

function completionTime(record: EngineTaskRecord): number {
  return (record.task.queued_time ?? 0) + record.durationMs;
}

function startTime(record: EngineTaskRecord): number {
  return (record.task.queued_time ?? 0) + Math.floor(record.durationMs * QUEUED_SHARE);
}

function updateRunningState(record: EngineTaskRecord, now: number): boolean {
  const started = startTime(record);
  if (now < started || record.durationMs === 0) return false;
  const span = Math.max(1, completionTime(record) - started);
  const progress = Math.min(MAX_RUNNING_PROGRESS, Math.max(1, Math.floor(((now - started) / span) * 100)));
  const changed = record.task.status !== 'RUNNING' || record.task.progress !== progress;
  record.task.status = 'RUNNING';
  record.task.start_time = started;
  record.task.progress = progress;
  return changed;
}

/** Makes these tasks (those a faulted request just created) end CANCELLED instead of running their effect. */
export function cancelOnCompletion(records: readonly EngineTaskRecord[], message: string | undefined): void {
  for (const record of records) record.cancelWith = message === undefined ? {} : { message };
}

/** A cancelled task keeps the progress it had and has no result; its completion effect never happens. */
function cancel<R extends EngineTaskRecord>(record: R, cancelWith: { message?: string }, onFailed?: FailureHook<R>): void {
  record.task.start_time = record.task.start_time ?? startTime(record);
  record.task.complete_time = completionTime(record);
  record.task.status = 'CANCELLED';
  record.task.error = cancelWith.message === undefined ? null : { message: cancelWith.message, details: '' };
  onFailed?.(record);
}

function finish<R extends EngineTaskRecord>(record: R, onComplete: CompletionHook<R>, onFailed?: FailureHook<R>): void {
  if (record.cancelWith !== undefined) {
    cancel(record, record.cancelWith, onFailed);
    return;
  }
  const completedAt = completionTime(record);
  record.task.start_time = record.task.start_time ?? startTime(record);
  record.task.complete_time = completedAt;
  record.task.progress = 100;
  try {
    if (record.failWith !== undefined) throw new TaskFailure(record.failWith);
    const result = onComplete(record, completedAt);
    record.task.status = 'SUCCESS';
    record.task.result = result ?? null;
  } catch (error) {
    const failure = error instanceof TaskFailure ? error : new TaskFailure(String(error));
    record.task.status = 'ERROR';
    record.task.error = { message: failure.message, details: failure.details };
    onFailed?.(record);
  }
}

/**
 * Moves every unfinished task to the state it has at `now`, completing due tasks in completion order.
 * Returns true when anything changed.
 */
export function advanceTasks<R extends EngineTaskRecord>(
  records: R[],
  now: number,
  onComplete: CompletionHook<R>,
  onFailed?: FailureHook<R>,
): boolean {
  const pending = records.filter((record) => !isTerminal(record.task.status));
  const due = pending.filter((record) => completionTime(record) <= now);
  due.sort((a, b) => completionTime(a) - completionTime(b));
  for (const record of due) finish(record, onComplete, onFailed);
  let changed = due.length > 0;
  for (const record of pending) {
    if (!isTerminal(record.task.status) && updateRunningState(record, now)) changed = true;
  }
  return changed;
}

/**
 * VCDA tasks on the shared task engine: QUEUED → RUNNING (rising progress) → SUCCEEDED (with `result` and
 * `resultType`) or FAILED (with `error {code, msg, args, stacktrace}`); `endTime` is -1 until the task ends. A
 * task belongs to the site it runs on (a replication's tasks run on its destination site, as in the API
 * reference's example) and is read with `GET /tasks/{id}?site=<that site>`.
 *
 * Endpoints served:
 *   GET /tasks/{taskId}?site=   getTask
 */
import type { TaskModel, TaskStatusNames } from '../core/task-engine';
import type { VcdaContext, VcdaHandler } from './context';
import { operationSite } from './context';
import { taskNotFound, vcdaErrorBody } from './errors';
import type { SimVcdaTaskRecord, VcdaTaskKind, VcdaTaskState } from './types';

export const VCDA_TASK_STATUSES: TaskStatusNames<VcdaTaskState> = {
  queued: 'QUEUED',
  running: 'RUNNING',
  succeeded: 'SUCCEEDED',
  failed: 'FAILED',
};

/** What a failed task's error says when the failure names no code (a fault rule's `taskError`, a cancel). */
const FAILURE_CODE = 'GeneralServerFailure';
const CANCELLED_MESSAGE = 'The task was cancelled.';

/** `TaskFailure.details` carries the VCDA error code when a completion hook names one. */
export const VCDA_TASK_MODEL: TaskModel<SimVcdaTaskRecord, VcdaTaskState> = {
  statuses: VCDA_TASK_STATUSES,
  status: (record) => record.task.state,
  progress: (record) => record.task.progress,
  queuedAt: (record) => record.queuedAt,
  startedAt: (record) => record.startedAt,
  write: (record, update) => {
    const { task } = record;
    if (update.progress !== undefined) task.progress = update.progress;
    if (update.startedAt !== undefined) {
      record.startedAt = update.startedAt;
      task.lastUpdated = update.startedAt;
    }
    if (update.completedAt !== undefined) {
      task.endTime = update.completedAt;
      task.lastUpdated = update.completedAt;
    }
    if (update.result !== undefined && update.result !== null) task.result = update.result;
    if (update.status !== undefined) task.state = update.status;
    if (update.status === 'FAILED' || update.error) {
      const message = update.error?.message ?? CANCELLED_MESSAGE;
      task.error = vcdaErrorBody(500, update.error?.details || FAILURE_CODE, message);
      task.result = null;
      task.resultType = null;
    }
  },
};

const WORKFLOW_TYPES: Record<VcdaTaskKind, string> = {
  start: 'startReplication',
  reconfigure: 'reconfigureReplication',
  storageProfile: 'changeStorageProfile',
  pause: 'pause',
  resume: 'resume',
  sync: 'sync',
  delete: 'deleteReplication',
  testFailover: 'testFailover',
  cleanupTestFailover: 'testCleanup',
};

export interface NewTask {
  kind: VcdaTaskKind;
  /** The site the task runs on. */
  site: string;
  user: string;
  replicationId: string;
  resourceName: string;
  payload?: unknown;
  failWith?: string;
}

export function createTask(context: VcdaContext, input: NewTask): SimVcdaTaskRecord {
  const now = context.clock.now();
  const record: SimVcdaTaskRecord = {
    task: {
      id: context.ids(),
      user: input.user,
      workflowInfo: { type: WORKFLOW_TYPES[input.kind], resourceType: 'vmReplication', resourceId: input.replicationId, resourceName: input.resourceName },
      progress: 0,
      state: 'QUEUED',
      lastUpdated: now,
      startTime: now,
      endTime: -1,
      resultType: null,
      result: null,
      error: null,
      warnings: [],
      site: input.site,
    },
    kind: input.kind,
    queuedAt: now,
    startedAt: null,
    replicationId: input.replicationId,
    payload: input.payload,
    durationMs: context.taskDelayMs(),
    failWith: input.failWith,
  };
  context.state.tasks.push(record);
  return record;
}

/** The 202 answer of an operation that started this task. */
export function accepted(record: SimVcdaTaskRecord): { status: number; body: unknown } {
  return { status: 202, body: record.task };
}

export const getTask: VcdaHandler = (request, context) => {
  const site = operationSite(request, context);
  const id = request.params.taskId ?? '';
  const record = context.state.tasks.find((candidate) => candidate.task.id === id && candidate.task.site === site);
  if (!record) throw taskNotFound(id);
  return { status: 200, body: record.task };
};

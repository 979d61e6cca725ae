/**
 * VR tasks on the shared task engine: the `Task` fields the engine reads and writes (status, progress,
 * queued_time, start_time, complete_time, error, result) and VR's status names.
 *
 * Endpoints served: none.
 */
import { isTerminalStatus, type TaskModel, type TaskStatusNames } from '../core/task-engine';
import type { SimTask, SimTaskRecord, TaskStatus } from './types';

export const VR_TASK_STATUSES: TaskStatusNames<TaskStatus> = {
  queued: 'QUEUED',
  running: 'RUNNING',
  succeeded: 'SUCCESS',
  failed: 'ERROR',
  cancelled: 'CANCELLED',
};

export const VR_TASK_MODEL: TaskModel<SimTaskRecord, TaskStatus> = {
  statuses: VR_TASK_STATUSES,
  status: (record) => record.task.status,
  progress: (record) => record.task.progress ?? 0,
  queuedAt: (record) => record.task.queued_time ?? 0,
  startedAt: (record) => record.task.start_time ?? null,
  write: (record, update) => {
    const { task } = record;
    if (update.status !== undefined) task.status = update.status;
    if (update.progress !== undefined) task.progress = update.progress;
    if (update.startedAt !== undefined) task.start_time = update.startedAt;
    if (update.completedAt !== undefined) task.complete_time = update.completedAt;
    if (update.error !== undefined) task.error = update.error;
    if (update.result !== undefined) task.result = update.result;
  },
};

export function isTerminal(status: TaskStatus): boolean {
  return isTerminalStatus(VR_TASK_STATUSES, status);
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

/**
 * How the VR REST gateway plugs into the generic client layer: its error body `{error_code, message, op_id}`, its
 * session header `x-dr-session`, its not-found (404, without a body), its task states, and its paging links.
 *
 * Calls no endpoint.
 *
 * @public
 */
import { stringField, type VendorProfile } from '../http/vendor';
import type { TaskObservation } from '../tasks';
import type { Task } from './types';

/** The header that carries a VR session after login. @public */
export const VR_SESSION_HEADER = 'x-dr-session';

/** VR's error decoder, secret headers and not-found rule. @public */
export const vrProfile: VendorProfile = {
  name: 'vr',
  decodeError: (_status, body) => ({
    errorCode: stringField(body, 'error_code'),
    serverMessage: stringField(body, 'message'),
    opId: stringField(body, 'op_id'),
  }),
  secretHeaders: [VR_SESSION_HEADER],
  isNotFound: (status) => status === 404,
};

/** A VR task in the generic terms of `tasks.ts`: QUEUED/RUNNING run, SUCCESS succeeds, ERROR fails, CANCELLED is cancelled. @public */
export function observeVrTask(task: Task): TaskObservation {
  const base = { status: task.status, progress: task.progress, detail: vrTaskDetail(task) };
  if (task.status === 'SUCCESS') return { ...base, state: 'succeeded' };
  if (task.status === 'ERROR') return { ...base, state: 'failed', errorMessage: task.error?.message, errorDetails: task.error?.details };
  if (task.status === 'CANCELLED') return { ...base, state: 'cancelled', errorMessage: task.error?.message, errorDetails: task.error?.details };
  return { ...base, state: 'running' };
}

/** "RUNNING 40%", or the status alone when the task reports no progress. */
function vrTaskDetail(task: Task): string {
  return typeof task.progress === 'number' ? `${task.status} ${task.progress}%` : task.status;
}

/** "task <id> (<description> <entity name>)" from the last poll, or "task <id>". @public */
export function describeVrTask(taskId: string, task: Task | undefined): string {
  const parts = [task?.description, task?.entity_name].filter((p): p is string => typeof p === 'string' && p !== '');
  return parts.length > 0 ? `task ${taskId} (${parts.join(' ')})` : `task ${taskId}`;
}

/**
 * VR tasks: recent tasks and one task by id. Task states are advanced lazily by the shared task engine (core/task-engine.ts, vr/task-model.ts)
 * before every request.
 *
 * Endpoints served:
 *   GET /tasks            getRecentTasksInfo (list params)
 *   GET /tasks/{task_id}  getTaskInfo
 */
import { notFound } from './errors';
import { entityResponse, listResponse } from './envelopes';
import type { VrHandler } from './context';

export const getRecentTasksInfo: VrHandler = (request, context) =>
  listResponse(
    context.state.tasks.map((record) => record.task),
    request,
  );

export const getTaskInfo: VrHandler = (request, context) => {
  const record = context.state.tasks.find((candidate) => candidate.task.id === request.params.task_id);
  if (!record) throw notFound();
  return entityResponse(record.task);
};

/**
 * SDRS jobs on the shared task engine: INIT → RUNNING → SUCCESS, or FAIL with `error_code` and `fail_reason`;
 * `begin_time` is set when the job is created, `end_time` when it ends (`yyyy-MM-ddTHH:mm:ss.SSSZ`). `entities`
 * names the objects of the job (`server_group_id`, `replication_pair_id`, `protected_instance_id`, and what the
 * job made: `volume_ids`, `native_server_id`). Job types are the ones SDRS reports (createProtectionGroupNoCG, …).
 *
 * Endpoints served:
 *   GET /v1/{project_id}/jobs/{job_id}   getJob
 */
import type { SimResponse } from '../core/http';
import type { TaskModel, TaskStatusNames } from '../core/task-engine';
import { isoTime, type SdrsContext, type SdrsHandler } from './context';
import { jobNotFound } from './errors';
import type { SdrsJobKind, SdrsJobStatus, SimSdrsJobRecord } from './types';

export const SDRS_JOB_STATUSES: TaskStatusNames<SdrsJobStatus> = { queued: 'INIT', running: 'RUNNING', succeeded: 'SUCCESS', failed: 'FAIL' };

/** The error code of a job that failed without naming one (a fault rule's `taskError`, a cancel). */
const FAILURE_CODE = 'SDRS.1014';
const CANCELLED_REASON = 'The job was cancelled.';

export const SDRS_JOB_MODEL: TaskModel<SimSdrsJobRecord, SdrsJobStatus> = {
  statuses: SDRS_JOB_STATUSES,
  status: (record) => record.job.status,
  progress: (record) => record.progress,
  queuedAt: (record) => record.queuedAt,
  startedAt: (record) => record.startedAt,
  write: (record, update) => {
    if (update.progress !== undefined) record.progress = update.progress;
    if (update.startedAt !== undefined) record.startedAt = update.startedAt;
    if (update.completedAt !== undefined) record.job.end_time = isoTime(update.completedAt);
    if (update.result) for (const [key, value] of Object.entries(update.result)) record.job.entities[key] = String(value);
    if (update.status !== undefined) record.job.status = update.status;
    if (update.status === 'FAIL' || update.error) {
      record.job.error_code = update.error?.details || FAILURE_CODE;
      record.job.fail_reason = update.error?.message ?? CANCELLED_REASON;
    }
  },
};

const JOB_TYPES: Record<SdrsJobKind, string> = {
  createGroup: 'createProtectionGroupNoCG',
  deleteGroup: 'deleteProtectionGroupNoCG',
  startGroup: 'startProtectionGroupNoCG',
  stopGroup: 'stopProtectionGroupNoCG',
  createPair: 'createReplicationPairNoCG',
  deletePair: 'deleteReplicationPairNoCG',
  expandPair: 'expandReplicationPairNew',
  createInstance: 'createProtectedInstanceNoCG',
  deleteInstance: 'deleteProtectedInstanceNoCG',
  attach: 'attachReplicationPairNew',
  detach: 'detachReplicationPairNew',
  // The simulator's picks: Huawei's provider reads no drill job type.
  createDrill: 'createDisasterRecoveryDrill',
  deleteDrill: 'deleteDisasterRecoveryDrill',
};

export interface NewJob {
  kind: SdrsJobKind;
  targetId: string;
  entities: Record<string, string>;
  payload?: SimSdrsJobRecord['payload'];
  failWith?: string;
}

export function createJob(context: SdrsContext, input: NewJob): SimSdrsJobRecord {
  const now = context.clock.now();
  const record: SimSdrsJobRecord = {
    job: {
      status: 'INIT',
      entities: { ...input.entities },
      job_id: context.ids().replace(/-/g, ''),
      job_type: JOB_TYPES[input.kind],
      begin_time: isoTime(now),
      end_time: null,
      error_code: null,
      fail_reason: null,
    },
    kind: input.kind,
    queuedAt: now,
    startedAt: null,
    progress: 0,
    targetId: input.targetId,
    payload: input.payload ?? {},
    durationMs: context.taskDelayMs(),
    failWith: input.failWith,
  };
  context.state.jobs.push(record);
  return record;
}

/** The 200 answer of an asynchronous operation. */
export function jobAccepted(record: SimSdrsJobRecord): SimResponse {
  return { status: 200, body: { job_id: record.job.job_id } };
}

export const getJob: SdrsHandler = (request, context) => {
  const id = request.params.job_id ?? '';
  const record = context.state.jobs.find((candidate) => candidate.job.job_id === id);
  if (!record) throw jobNotFound(id);
  return { status: 200, body: record.job };
};

/**
 * Waiting on an SDRS job with progress and the spec's timeout. Polled from 250 ms, backing off to 5 s at most
 * (the Terraform provider family sleeps a flat 5 s before every poll; most SDRS jobs end in seconds). A job reports
 * no progress to predict its end from, so the backoff is bounded by lateness: the poll that sees a job end comes at
 * most 15% of its run time after the end (a 2 s job is seen done by about 2.2 s, not 3.75 s; at 25% the fleet of
 * 500 still deployed in 1.36× the ideal). The price is polls: about 9 for a 2 s job, 33 for a 1 min one.
 *
 * @api SDRS GET {P}/jobs/{job_id}
 */
import { jobEntity, type SdrsClient } from '../../../lib/client/sdrs/sdrs-client';
import type { SdrsJob } from '../../../lib/client/sdrs/types';
import type { Context } from '../contract';
import { waitUntil } from '../core/wait';
import { withProgress } from '../task-progress';

const JOB_POLL = { minDelayMs: 250, maxDelayMs: 5000, maxLateness: 0.15 };

export async function waitJob(ctx: Context, client: SdrsClient, jobId: string, label: string, timeoutSeconds: number): Promise<SdrsJob> {
  return withProgress(ctx, label, (onProgress) => client.waitForJob(jobId, { timeoutMs: timeoutSeconds * 1000, signal: ctx.signal, onProgress, ...JOB_POLL }));
}

/** The id a finished create job names (`server_group_id`, `replication_pair_id`, `protected_instance_id`). */
export function madeId(job: SdrsJob, key: string, what: string): string {
  const id = jobEntity(job, key);
  if (id === undefined) throw new Error(`SDRS job ${job.job_id} (${job.job_type ?? 'create'}) succeeded without naming the ${what} it made (entities.${key})`);
  return id;
}

/** Statuses of an object whose create or delete job still runs. */
const UNDER_WAY: readonly string[] = ['creating', 'deleting'];

/**
 * An object a re-read found after a write whose answer was lost (`object`, e.g. `protection group g-1`): its job
 * may still run, so wait until it settles — or is gone (`undefined`).
 */
export async function settledAfterLoss<T extends { readonly status: string }>(ctx: Context, object: string, what: string, timeoutSeconds: number, read: () => Promise<T | undefined>): Promise<T | undefined> {
  return waitUntil<T | undefined>(ctx, {
    label: `waiting for ${object} (${what} landed without an answer)`,
    timeoutSeconds,
    poll: JOB_POLL,
    check: async () => {
      const live = await read();
      return live === undefined || !UNDER_WAY.includes(live.status) ? { done: true, value: live } : { done: false };
    },
  });
}

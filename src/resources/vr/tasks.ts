/**
 * Waiting on VR tasks and on replications whose configuration is still in progress, with progress reports.
 *
 * @api VR GET /tasks/{task_id}
 * @api VR GET /pairings/{pairing_id}/replications/{replication_id}
 */
import type { VrClient } from '../../../lib/client/vr/vr-client';
import type { ReplicationInfo, Task } from '../../../lib/client/vr/types';
import type { Context } from '../contract';
import { waitUntil } from '../core/wait';
import { withProgress } from '../task-progress';

/**
 * Task polling: starts at 250 ms and backs off; once the task's progress moves, the client polls when the
 * progress rate says it will be done. Configure tasks end within seconds (the full sync runs after them), so
 * a fine start keeps Terraform's slots busy; never more often than every 250 ms, never less than every 5 s.
 */
const TASK_POLL_MIN_MS = 250;
const TASK_POLL_MAX_MS = 5000;

export async function waitForVrTask(ctx: Context, client: VrClient, task: Task, label: string, timeoutSeconds: number): Promise<Task> {
  return withProgress(ctx, label, (onProgress) =>
    client.waitForTask(task.id, { timeoutMs: timeoutSeconds * 1000, minDelayMs: TASK_POLL_MIN_MS, maxDelayMs: TASK_POLL_MAX_MS, signal: ctx.signal, onProgress }),
  );
}

/** A replication configured by an earlier, interrupted run: wait until its configuration settles. */
export async function waitForConfiguration(
  ctx: Context,
  client: VrClient,
  pairingId: string,
  replication: ReplicationInfo,
  timeoutSeconds: number,
): Promise<ReplicationInfo | undefined> {
  if (replication.configuration_state !== 'IN_PROGRESS') return replication;
  const label = `waiting for the configuration of ${replication.name ?? replication.id} already in progress`;
  return waitUntil<ReplicationInfo | undefined>(ctx, {
    label,
    description: `configuration of replication ${replication.name ?? replication.id ?? ''}`,
    timeoutSeconds,
    poll: { minDelayMs: TASK_POLL_MIN_MS, maxDelayMs: TASK_POLL_MAX_MS },
    check: async () => {
      const live = await client.getReplication(pairingId, replication.id ?? '');
      if (live === undefined || live.configuration_state !== 'IN_PROGRESS') return { done: true, value: live };
      // What is waited on is the configuration; the replication status (FULL_SYNC, …) says nothing about it.
      return { done: false, progress: live.sync_progress?.progress, detail: `configuration ${live.configuration_state}` };
    },
  });
}

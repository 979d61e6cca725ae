/**
 * Runbook operations on one live replication — sync now, pause, resume — each waiting on its task with
 * progress. Used by `repliform vr sync|pause|resume` and by the `vr.replication-sync` kind.
 *
 * @api VR POST /session
 * @api VR POST /pairings/{pairing_id}/remote-session           (pause and resume: they act on both sites)
 * @api VR GET  /pairings
 * @api VR GET  /pairings/{pairing_id}/replications
 * @api VR GET  /pairings/{pairing_id}/replications/{replication_id}
 * @api VR POST /pairings/{pairing_id}/replications/{replication_id}/actions/sync
 * @api VR POST /pairings/{pairing_id}/replications/{replication_id}/actions/pause
 * @api VR POST /pairings/{pairing_id}/replications/{replication_id}/actions/resume
 * @api VR GET  /tasks/{task_id}
 */
import type { ReplicationInfo, Task } from '../../../lib/client/vr/types';
import type { Context } from '../contract';
import { InputError, listForMessage } from '../errors';
import type { ConnectionSpec, PairingRef } from './connection';
import { findReplication, locate, type Located } from './replication/handler';
import { remoteSiteName } from './resolve';
import { waitForConfiguration, waitForVrTask } from './tasks';

export const REPLICATION_OPERATIONS = ['sync', 'pause', 'resume'] as const;
export type ReplicationOperation = (typeof REPLICATION_OPERATIONS)[number];

/** Which replication: how to reach its appliance, its pairing, and its VM (the natural key). */
export interface OperationTarget {
  readonly connection: ConnectionSpec;
  readonly pairing: PairingRef;
  readonly vm: { readonly id: string | null; readonly name: string | null };
}

/** A replication as the operations report it. */
export interface ReplicationSummary {
  readonly id: string;
  readonly name: string;
  readonly vm_id: string | null;
  readonly pairing_id: string;
  readonly status: string;
  readonly rpo_violation: boolean;
  readonly last_sync_time: number | null;
}

/** What an operation reports: the replication as it is afterwards. */
export interface OperationResult extends ReplicationSummary {
  readonly operation: ReplicationOperation;
  /** False when nothing was sent: already paused, not paused, or still in its initial full sync. */
  readonly performed: boolean;
}

const DOING: Record<ReplicationOperation, string> = { sync: 'syncing', pause: 'pausing', resume: 'resuming' };

function vmLabel(target: OperationTarget): string {
  return target.vm.name ?? target.vm.id ?? '?';
}

async function replicationOf(located: Located, target: OperationTarget): Promise<ReplicationInfo> {
  const found = await findReplication(located, target);
  if (found) return found;
  const replicated = (await located.client.listReplications(located.pairingId)).map((r) => r.name ?? r.id ?? '?');
  const field = target.vm.id !== null ? 'vm.id' : 'vm.name';
  throw new InputError(
    field,
    `no replication of VM ${JSON.stringify(vmLabel(target))} on the pairing to ${remoteSiteName(located.pairing)}; replicated VMs: ${listForMessage(replicated)}`,
  );
}

/**
 * Why the operation needs no request, or undefined when it does. A paused replication cannot be synced:
 * that is an error with what to do, not a silent skip.
 */
function nothingToDo(operation: ReplicationOperation, vm: string, status: string): string | undefined {
  if (operation === 'pause' && status === 'PAUSED') return `${vm}: already paused; nothing to do`;
  if (operation === 'resume' && status !== 'PAUSED') return `${vm}: not paused (status ${status}); nothing to resume`;
  if (operation === 'sync' && status === 'PAUSED') {
    throw new Error(`${vm}: the replication is paused and cannot be synced; resume it first (repliform vr resume)`);
  }
  if (operation === 'sync' && status === 'INITIAL_FULL_SYNC') return `${vm}: in its initial full sync, which brings the replica up to date; no sync needed`;
  return undefined;
}

async function send(located: Located, operation: ReplicationOperation, replicationId: string): Promise<Task> {
  const { client, pairingId, pairing } = located;
  switch (operation) {
    case 'sync':
      return client.syncReplication(pairingId, replicationId);
    case 'pause':
      // Pause and resume act on the target site too: the API refuses them without the remote session.
      await client.ensureRemoteSession(pairing);
      return client.pauseReplication(pairingId, replicationId);
    case 'resume':
      await client.ensureRemoteSession(pairing);
      return client.resumeReplication(pairingId, replicationId);
  }
}

function summaryOf(info: ReplicationInfo, located: Located): ReplicationSummary {
  return {
    id: info.id ?? '',
    name: info.name ?? '',
    vm_id: info.vm_id ?? null,
    pairing_id: located.pairingId,
    status: info.status?.status ?? 'UNKNOWN',
    rpo_violation: info.status?.rpo_violation === true,
    last_sync_time: info.last_sync_time ?? null,
  };
}

function toResult(operation: ReplicationOperation, performed: boolean, info: ReplicationInfo, located: Located): OperationResult {
  return { operation, performed, ...summaryOf(info, located) };
}

/** The target's replication as it is now; undefined when there is none. */
export async function readReplicationSummary(target: OperationTarget, ctx: Context): Promise<ReplicationSummary | undefined> {
  const located = await locate(target, ctx);
  const found = await findReplication(located, target);
  return found ? summaryOf(found, located) : undefined;
}

/** Runs one operation on the target's replication and waits for its task (at most `timeoutSeconds`). */
export async function runReplicationOperation(
  operation: ReplicationOperation,
  target: OperationTarget,
  ctx: Context,
  timeoutSeconds: number,
): Promise<OperationResult> {
  const vm = vmLabel(target);
  const located = await locate(target, ctx);
  const found = await replicationOf(located, target);
  const current = (await waitForConfiguration(ctx, located.client, located.pairingId, found, timeoutSeconds)) ?? found;
  const status = current.status?.status ?? 'UNKNOWN';
  const skip = nothingToDo(operation, vm, status);
  if (skip !== undefined) {
    ctx.log.info(skip);
    return toResult(operation, false, current, located);
  }
  const id = current.id ?? '';
  const task = await send(located, operation, id);
  await waitForVrTask(ctx, located.client, task, `${DOING[operation]} replication of ${vm}`, timeoutSeconds);
  const after = (await located.client.getReplication(located.pairingId, id)) ?? current;
  ctx.log.info(`${vm}: ${operation} done (replication ${id}, status ${after.status?.status ?? 'UNKNOWN'})`);
  return toResult(operation, true, after, located);
}

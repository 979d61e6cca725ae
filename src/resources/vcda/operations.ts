/**
 * Runbook operations on one live VCDA replication — sync now, pause, resume — each waiting on its task with
 * progress. A paused replication cannot be synced (an error saying to resume it), and pausing a paused one or
 * resuming a running one sends nothing.
 *
 * @api VCDA POST /sessions
 * @api VCDA POST /sessions/extend                       (the destination site, when it is not the local one)
 * @api VCDA GET  /sites
 * @api VCDA GET  /vm-replications?vmId=&offset=&limit=
 * @api VCDA GET  /vm-replications/{replicationId}
 * @api VCDA POST /vm-replications/{replicationId}/sync | /pause | /resume   ?site=<source site>
 * @api VCDA GET  /tasks/{taskId}?site=
 */
import type { VcdaReplication, VcdaTask } from '../../../lib/client/vcda/types';
import type { VcdaClient } from '../../../lib/client/vcda/vcda-client';
import type { Context } from '../contract';
import { InputError } from '../errors';
import { withProgress } from '../task-progress';
import { vcdaClient } from './client';
import type { VcdaConnectionSpec } from './connection';
import { findReplication, onSource, toState, type VcdaReplicationState } from './replication/handler';
import { knownSites, reachSites } from './sites';

export const VCDA_OPERATIONS = ['sync', 'pause', 'resume'] as const;
export type VcdaOperation = (typeof VCDA_OPERATIONS)[number];

/** Which replication: how to reach VCDA and its natural key (source site + VM). */
export interface VcdaOperationTarget {
  readonly connection: VcdaConnectionSpec;
  readonly source: { readonly site: string; readonly vm_id: string };
}

/** The replication as it is after the operation; `performed` is false when nothing was sent. */
export interface VcdaOperationResult extends VcdaReplicationState {
  readonly operation: VcdaOperation;
  readonly performed: boolean;
}

const DOING: Record<VcdaOperation, string> = { sync: 'syncing', pause: 'pausing', resume: 'resuming' };

/** Why nothing needs sending (undefined: send it). Syncing a paused replication is an error with what to do. */
function nothingToDo(operation: VcdaOperation, vm: string, live: VcdaReplication): string | undefined {
  const paused = live.isPaused === true;
  if (operation === 'pause' && paused) return `VM ${vm}: already paused; nothing to do`;
  if (operation === 'resume' && !paused) return `VM ${vm}: not paused; nothing to resume`;
  if (operation === 'sync' && paused) throw new Error(`VM ${vm}: the replication ${live.id} is paused and cannot be synced; resume it first`);
  return undefined;
}

function send(client: VcdaClient, operation: VcdaOperation, live: VcdaReplication): Promise<VcdaTask> {
  const site = onSource(live);
  if (operation === 'sync') return client.syncReplication(live.id, site);
  return operation === 'pause' ? client.pauseReplication(live.id, site) : client.resumeReplication(live.id, site);
}

export async function runVcdaOperation(operation: VcdaOperation, target: VcdaOperationTarget, ctx: Context, timeoutSeconds: number): Promise<VcdaOperationResult> {
  const vm = target.source.vm_id;
  const client = ctx.clients.get(vcdaClient, target.connection);
  const live = await findReplication(client, target);
  if (live === undefined) throw new InputError('source.vm_id', `no replication of VM ${JSON.stringify(vm)} from site ${JSON.stringify(target.source.site)}`);
  const skip = nothingToDo(operation, vm, live);
  if (skip !== undefined) {
    ctx.log.info(skip);
    return { operation, performed: false, ...toState(live) };
  }
  await reachSites(client, await knownSites(client, [live.destination.site, live.source.site]), [live.destination.site, live.source.site]);
  const task = await send(client, operation, live);
  await withProgress(ctx, `${DOING[operation]} replication of VM ${vm}`, (onProgress) =>
    client.waitForTask(task, { timeoutMs: timeoutSeconds * 1000, signal: ctx.signal, onProgress, minDelayMs: 250, maxDelayMs: 5000 }),
  );
  const after = (await client.getReplication(live.id)) ?? live;
  ctx.log.info(`VM ${vm}: ${operation} done (replication ${live.id}${after.isPaused === true ? ', paused' : ''})`);
  return { operation, performed: true, ...toState(after) };
}

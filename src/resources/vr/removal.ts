/**
 * Removing a replication: the graceful unconfigure, retried on server errors and lost answers (a re-read
 * first tells whether the last one landed), and the local-only DELETE only when the remote site is shown to
 * be unreachable — its remote session cannot be made. That fallback leaves the replica's configuration on the
 * remote site, so it is reported loudly and the removal ends in an error that says what to clean up.
 *
 * @api VR POST   /pairings/{pairing_id}/remote-session
 * @api VR GET    /pairings/{pairing_id}/replications/{replication_id}
 * @api VR POST   /pairings/{pairing_id}/replications/{replication_id}/actions/unconfigure
 * @api VR DELETE /pairings/{pairing_id}/replications/{replication_id}
 */
import { lostInTransit } from '../../../lib/client/http/errors';
import type { VrClient } from '../../../lib/client/vr/vr-client';
import type { Pairing, ReplicationInfo, Task } from '../../../lib/client/vr/types';
import { systemClock } from '../../../lib/client/wait';
import type { Context } from '../contract';
import { sendUntilLanded } from '../core/write';
import { remoteSiteName } from './resolve';

/** Waits (ms) before re-reading a lost unconfigure: one per resend (core/write sends it at most three times). */
export const UNCONFIGURE_RETRY_DELAYS_MS: readonly number[] = [1000, 3000];

export type Removal =
  | { readonly kind: 'unconfigure'; readonly task: Task }
  | { readonly kind: 'landed' }
  | { readonly kind: 'local-only'; readonly task: Task; readonly reason: string };

interface Target {
  readonly client: VrClient;
  readonly pairing: Pairing;
  readonly info: ReplicationInfo;
  readonly retainReplicaDisks: boolean;
}

/** Unconfigure by the write rule (core/write), pausing before each re-read so the lost one's task can show. */
async function unconfigureWithRetries(target: Target, ctx: Context): Promise<Removal> {
  const { client, pairing, info } = target;
  const pairingId = pairing.pairing_id ?? '';
  const clock = ctx.clock ?? systemClock;
  const outcome = await sendUntilLanded<Task, 'gone'>({
    send: () => client.unconfigureReplication(pairingId, info.id ?? '', { retainReplicaDisks: target.retainReplicaDisks }),
    async beforeReread(error, send) {
      const delay = UNCONFIGURE_RETRY_DELAYS_MS[send - 1];
      if (delay === undefined) return;
      ctx.log.warn(`${info.name}: unconfigure failed (${error.message}); retrying in ${delay / 1000} s`);
      await clock.sleep(delay, ctx.signal);
    },
    reread: async () => ((await client.getReplication(pairingId, info.id ?? '')) === undefined ? 'gone' : undefined),
  });
  return outcome.kind === 'answered' ? { kind: 'unconfigure', task: outcome.answer } : { kind: 'landed' };
}

/** Why the remote site cannot be reached, or `undefined` when a fresh remote session can be made. */
async function remoteUnreachable(client: VrClient, pairing: Pairing): Promise<string | undefined> {
  try {
    await client.createRemoteSession(pairing.pairing_id ?? '');
    return undefined;
  } catch (error) {
    if (!lostInTransit(error)) throw error;
    return (error as Error).message;
  }
}

function localOnlyWarning(target: Target, reason: string): string {
  const site = remoteSiteName(target.pairing);
  return (
    `${target.info.name}: REMOTE SITE ${site} IS UNREACHABLE (its remote session cannot be made: ${reason}). ` +
    'Deleting the LOCAL side of the replication only: its configuration and replica disks stay on the remote site'
  );
}

/** Unconfigure (retried); when it keeps failing and the remote site cannot be reached, DELETE the local side. */
export async function unconfigureOrDeleteLocal(target: Target, ctx: Context): Promise<Removal> {
  const { client, pairing } = target;
  const sessionFailure = await client.ensureRemoteSession(pairing).then(
    () => undefined,
    (error: unknown) => {
      if (!lostInTransit(error)) throw error;
      return error;
    },
  );
  if (sessionFailure === undefined) {
    try {
      return await unconfigureWithRetries(target, ctx);
    } catch (error) {
      if (!lostInTransit(error)) throw error;
      const reason = await remoteUnreachable(client, pairing);
      if (reason === undefined) throw error;
      return deleteLocal(target, reason, ctx);
    }
  }
  const reason = await remoteUnreachable(client, pairing);
  if (reason === undefined) return unconfigureWithRetries(target, ctx);
  return deleteLocal(target, reason, ctx);
}

async function deleteLocal(target: Target, reason: string, ctx: Context): Promise<Removal> {
  ctx.log.warn(localOnlyWarning(target, reason));
  const task = await target.client.deleteReplication(target.pairing.pairing_id ?? '', target.info.id ?? '', {
    retainReplicaDisks: target.retainReplicaDisks,
  });
  return { kind: 'local-only', task, reason };
}

/** The error a local-only removal ends with: the local side is gone, the remote side needs attention. */
export function localOnlyRemovalError(info: ReplicationInfo, pairing: Pairing, reason: string): Error {
  return new Error(
    `replication ${info.id ?? '?'} of ${info.name ?? '?'} was removed on this site only: the remote site ` +
      `${remoteSiteName(pairing)} is unreachable (${reason}). Its replica configuration is still there; clean it up ` +
      'on that site once it is back. Running this again finds nothing to remove here and succeeds',
  );
}

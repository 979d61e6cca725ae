/**
 * What every VR handler receives: the parsed request and the simulator context (state, clock, ids, task
 * creation, lookups that answer 404 / 403 the way the real server does).
 *
 * Endpoints served: none (shared by the vr/*.ts handlers).
 */
import { SimApiError, type SimResponse } from '../core/http';
import { notFound } from './errors';
import { newQueuedTask } from './task-model';
import type { IdGenerator, SimClock } from '../core/runtime';
import type { OperationRequest } from '../core/dispatcher';
import type { RequestLocation } from './envelopes';
import type { SimSession, SimTaskRecord, TaskKind, VrState } from './types';

export interface VrCredentials {
  username: string;
  password: string;
}

export interface VrUsers {
  local: VrCredentials;
  remote: VrCredentials;
}

/** The call (session undefined only for login; a fault's `taskError` ends the tasks it creates in ERROR), its method and where it was sent. */
export interface VrRequest extends OperationRequest<SimSession>, RequestLocation {
  method: string;
}

export interface VrContext {
  state: VrState;
  clock: SimClock;
  ids: IdGenerator;
  users: VrUsers;
  taskDelayMs(): number;
  sessionTtlMs: number;
  /** Every session id ever issued, so tests can prove none of them leaked into files or logs. */
  issuedSessionIds: string[];
  /** The origin paging links name instead of the simulator's address (VrServiceOptions.linkOrigin). */
  linkOrigin?: string;
}

export type VrHandler = (request: VrRequest, context: VrContext) => SimResponse;

export const REMOTE_NOT_AUTHENTICATED = 'VR.REMOTE_NOT_AUTHENTICATED';

export function findPairing(context: VrContext, pairingId: string): VrState['pairings'][number] {
  const pairing = context.state.pairings.find((candidate) => candidate.pairing_id === pairingId);
  if (!pairing) throw notFound();
  return pairing;
}

export function remoteVcId(pairing: VrState['pairings'][number]): string {
  return pairing.remote_vc_server?.id ?? '';
}

export function localVcId(pairing: VrState['pairings'][number]): string {
  return pairing.local_vc_server?.id ?? '';
}

/** A vCenter of this pairing (local or remote), else 404. */
export function pairingVcenter(
  context: VrContext,
  pairingId: string,
  vcenterId: string,
): { pairing: VrState['pairings'][number]; isRemote: boolean } {
  const pairing = findPairing(context, pairingId);
  if (vcenterId === localVcId(pairing)) return { pairing, isRemote: false };
  if (vcenterId === remoteVcId(pairing)) return { pairing, isRemote: true };
  throw notFound();
}

export function requireRemoteSession(request: VrRequest, pairingId: string): void {
  if (request.session?.remotePairings[pairingId] !== undefined) return;
  throw new SimApiError(
    403,
    REMOTE_NOT_AUTHENTICATED,
    `Not authenticated to the remote site of pairing ${pairingId}: call POST /pairings/${pairingId}/remote-session first.`,
  );
}

export interface CreateTaskInput {
  kind: TaskKind;
  pairingId: string;
  description: string;
  descriptionId: string;
  entity: string | null;
  entityName: string | null;
  replicationId?: string;
  failWith?: string;
  extra?: Partial<SimTaskRecord>;
}

export function createTask(context: VrContext, input: CreateTaskInput): SimTaskRecord {
  const record: SimTaskRecord = {
    ...input.extra,
    task: newQueuedTask(
      {
        id: `HTID-${context.ids()}`,
        description: input.description,
        descriptionId: input.descriptionId,
        entity: input.entity,
        entityName: input.entityName,
      },
      context.clock.now(),
    ),
    kind: input.kind,
    pairingId: input.pairingId,
    replicationId: input.replicationId,
    durationMs: context.taskDelayMs(),
    failWith: input.failWith,
  };
  context.state.tasks.push(record);
  return record;
}

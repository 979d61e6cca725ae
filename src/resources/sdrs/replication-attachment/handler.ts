/**
 * Handler of kind `sdrs.replication-attachment`: a pair attached to a protected instance as a device. An
 * attachment has no description of its own: it is a relation between two objects the code names (each with its
 * own ownership), so an existing identical attachment is simply taken, and a different one is bad input.
 *
 * @api SDRS GET    {P}/server-groups?offset=&limit=  (or GET {P}/server-groups/{id})
 * @api SDRS GET    {P}/protected-instances?server_group_id=&offset=&limit=
 * @api SDRS GET    {P}/replications?server_group_id=&offset=&limit=
 * @api SDRS POST   {P}/protected-instances/{id}/attachreplication
 * @api SDRS DELETE {P}/protected-instances/{id}/detachreplication/{replication_id}
 * @api SDRS GET    {P}/jobs/{job_id}
 */
import type { SdrsClient } from '../../../../lib/client/sdrs/sdrs-client';
import type { SdrsProtectedInstance, SdrsReplication } from '../../../../lib/client/sdrs/types';
import type { ClientFactory, Context, ResourceHandler } from '../../contract';
import { InputError } from '../../errors';
import { parseSpec } from '../../parse-spec';
import { sdrsClient } from '../client';
import { waitJob } from '../jobs';
import { findGroup, findInstance, findPair, requireGroup } from '../resolve';
import type { SdrsGroupRef } from '../spec-common';
import { sdrsReplicationAttachmentSpecSchema, type SdrsReplicationAttachmentSpec } from './schema';

type Spec = SdrsReplicationAttachmentSpec;

/** What `read` reports about a live attachment. */
export interface SdrsReplicationAttachmentState {
  readonly instance_id: string;
  readonly pair_id: string;
  readonly device: string;
}

interface Ends {
  readonly instance: SdrsProtectedInstance;
  readonly pair: SdrsReplication;
}

function label(spec: Spec): string {
  return `attachment of volume ${spec.pair.volume_id} to server ${spec.instance.server_id} as ${spec.device}`;
}

function deviceOf(ends: Ends): string | undefined {
  return (ends.instance.attachment ?? []).find((a) => a.replication === ends.pair.id)?.device;
}

/** Both ends, or undefined when either (or its group) is gone. */
async function findEnds(client: SdrsClient, spec: Spec): Promise<Ends | undefined> {
  const instanceGroup = await findGroup(client, spec.instance.group);
  const pairGroup = sameRef(spec.instance.group, spec.pair.group) ? instanceGroup : await findGroup(client, spec.pair.group);
  if (instanceGroup === undefined || pairGroup === undefined) return undefined;
  const instance = await findInstance(client, instanceGroup.id, spec.instance.server_id);
  const pair = await findPair(client, pairGroup.id, spec.pair.volume_id);
  return instance === undefined || pair === undefined ? undefined : { instance, pair };
}

function sameRef(a: SdrsGroupRef, b: SdrsGroupRef): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Both ends for a create: a missing one is bad input, before any change. */
async function requireEnds(client: SdrsClient, spec: Spec): Promise<Ends> {
  const instanceGroup = await requireGroup(client, spec.instance.group, 'instance.group');
  const pairGroup = await requireGroup(client, spec.pair.group, 'pair.group');
  if (pairGroup.id !== instanceGroup.id) {
    throw new InputError('pair.group', `must be the instance's protection group ${instanceGroup.id} (SDRS attaches only pairs of the same group), got group ${pairGroup.id}`);
  }
  const instance = await findInstance(client, instanceGroup.id, spec.instance.server_id);
  if (instance === undefined) throw new InputError('instance.server_id', `no protected instance of server ${spec.instance.server_id} in group ${instanceGroup.id}; create it first (sdrs.protected-instance)`);
  const pair = await findPair(client, pairGroup.id, spec.pair.volume_id);
  if (pair === undefined) throw new InputError('pair.volume_id', `no replication pair of volume ${spec.pair.volume_id} in group ${pairGroup.id}; create it first (sdrs.replication-pair)`);
  return { instance, pair };
}

/** An attachment that differs from the code (other device, other instance, device taken) is bad input, never changed silently. */
function checkConflicts(spec: Spec, ends: Ends): void {
  const current = deviceOf(ends);
  if (current !== undefined && current !== spec.device) {
    throw new InputError('device', `pair ${ends.pair.id} is already attached to protected instance ${ends.instance.id} as ${current}, got ${spec.device}; detach it first or write ${current}`);
  }
  const elsewhere = (ends.pair.attachment ?? []).find((a) => a.protected_instance !== undefined && a.protected_instance !== ends.instance.id);
  if (elsewhere !== undefined) {
    throw new InputError('pair', `pair ${ends.pair.id} is attached to another protected instance ${elsewhere.protected_instance ?? '?'} (as ${elsewhere.device ?? '?'}); detach it there first`);
  }
  const taken = (ends.instance.attachment ?? []).find((a) => a.device === spec.device && a.replication !== ends.pair.id);
  if (taken !== undefined) {
    throw new InputError('device', `${spec.device} of protected instance ${ends.instance.id} already holds pair ${taken.replication ?? '?'}; name a free device, got ${spec.device}`);
  }
}

async function create(spec: Spec, ctx: Context): Promise<SdrsReplicationAttachmentState> {
  const client = ctx.clients.get(sdrsClient, spec.connection);
  const ends = await requireEnds(client, spec);
  checkConflicts(spec, ends);
  if (deviceOf(ends) === spec.device) {
    ctx.log.info(`${label(spec)}: already attached (pair ${ends.pair.id} on instance ${ends.instance.id})`);
  } else {
    const jobId = await client.attachReplication(ends.instance.id, ends.pair.id, spec.device);
    await waitJob(ctx, client, jobId, `attaching pair ${ends.pair.id} to instance ${ends.instance.id} as ${spec.device}`, spec.timeouts.create_seconds);
    ctx.log.info(`${label(spec)}: pair ${ends.pair.id} attached to protected instance ${ends.instance.id}`);
  }
  return { instance_id: ends.instance.id, pair_id: ends.pair.id, device: spec.device };
}

/** The live attachment a spec names (also the review's `--live` read). */
export async function readAttachment(spec: Spec, clients: ClientFactory): Promise<SdrsReplicationAttachmentState | undefined> {
  const ends = await findEnds(clients.get(sdrsClient, spec.connection), spec);
  const device = ends === undefined ? undefined : deviceOf(ends);
  return ends === undefined || device === undefined ? undefined : { instance_id: ends.instance.id, pair_id: ends.pair.id, device };
}

async function remove(spec: Spec, ctx: Context): Promise<void> {
  const client = ctx.clients.get(sdrsClient, spec.connection);
  const ends = await findEnds(client, spec);
  if (ends === undefined || deviceOf(ends) === undefined) {
    ctx.log.info(`${label(spec)}: not attached; nothing to detach`);
    return;
  }
  const jobId = await client.detachReplication(ends.instance.id, ends.pair.id);
  if (jobId !== undefined) await waitJob(ctx, client, jobId, `detaching pair ${ends.pair.id} from instance ${ends.instance.id}`, spec.timeouts.delete_seconds);
  ctx.log.info(`${label(spec)}: pair ${ends.pair.id} detached from protected instance ${ends.instance.id} (both stay)`);
}

export const sdrsReplicationAttachmentHandler: ResourceHandler<Spec, SdrsReplicationAttachmentState> = {
  kind: 'sdrs.replication-attachment',
  parseSpec: (raw) => parseSpec(sdrsReplicationAttachmentSpecSchema, raw, 'sdrs.replication-attachment'),
  describe: label,
  create,
  read: (spec, ctx) => readAttachment(spec, ctx.clients),
  delete: remove,
};

/**
 * SDRS protected instances and the attachment of replication pairs to them. Create (→ job whose entities carry
 * `protected_instance_id`; the group must be `available`/`protected`, the server must exist in the group's
 * production AZ and be protected by no other instance; the job makes the DR-site server, `target_server`);
 * list, get, rename by PUT (answers the instance); delete with body (→ job; the DR server is kept unless
 * `delete_target_server` is true; pairs still attached are detached, never deleted); attach a pair as a device
 * and detach it (→ jobs; pair and instance in the same group, both resting, the pair attached nowhere else, the
 * device free). Errors in the flat `{error_code, error_msg}` shape the huaweicloud provider reads for instances,
 * except a gone instance: SDRS.1320 (GET, PUT) and SDRS.1301 (DELETE) at `error.code`; an attach or detach naming
 * a gone instance or pair answers SDRS.0208 / SDRS.0213 flat (docs/vendors/sdrs.md).
 *
 * Endpoints served (under /v1/{project_id}):
 *   POST   /protected-instances                                         createProtectedInstance
 *   GET    /protected-instances                                         listProtectedInstances (server_group_id, name, status, limit, offset)
 *   GET    /protected-instances/{protected_instance_id}                 getProtectedInstance
 *   PUT    /protected-instances/{protected_instance_id}                 renameProtectedInstance
 *   DELETE /protected-instances/{protected_instance_id}                 deleteProtectedInstance {delete_target_server?, delete_target_eip?}
 *   POST   /protected-instances/{protected_instance_id}/attachreplication                 attachReplication {replicationAttachment: {replication_id, device}}
 *   DELETE /protected-instances/{protected_instance_id}/detachreplication/{replication_id} detachReplication
 */
import type { SdrsProtectedInstance, SdrsReplication } from '../../../lib/client/sdrs/types';
import { bodyObject, findGroup, nameOf, renameAndAnswer, findInstance, findPair, findServer, isoTime, page, queryValue, restingStatus, stringOf, type SdrsContext, type SdrsHandler, type SdrsRequest } from './context';
import {
  deviceInUse,
  groupStatusNotAllowed,
  instanceNotFoundOnDelete,
  invalidInstanceId,
  invalidPairId,
  invalidParams,
  pairAttached,
  pairNotInGroup,
  pairStatusNotAllowed,
  serverAlreadyProtected,
  SdrsApiError,
} from './errors';
import { createJob, jobAccepted } from './jobs';
import type { SimSdrsJobRecord, SimSdrsServer } from './types';

const RESTING = new Set(['available', 'protected']);

export const createProtectedInstance: SdrsHandler = (request, context) => {
  const fields = bodyObject(request, 'protected_instance');
  const group = findGroup(context, stringOf(fields.server_group_id) ?? '');
  if (!RESTING.has(group.status)) throw groupStatusNotAllowed(group.id, group.status, 'creating a protected instance', 'flat');
  const server = findServer(context, stringOf(fields.server_id) ?? '', 'flat');
  if (server.availability_zone !== group.source_availability_zone) {
    throw invalidParams(`server_id ${server.id} is in ${server.availability_zone}, not in the group's production AZ ${group.source_availability_zone}.`, 'flat');
  }
  const existing = context.state.instances.find((instance) => instance.source_server === server.id);
  if (existing) throw serverAlreadyProtected(server.id, existing.id);
  const now = isoTime(context.clock.now());
  const metadata: Record<string, string> = {};
  for (const key of ['cluster_id', 'primary_subnet_id', 'primary_ip_address', 'flavorRef', 'tenancy', 'dedicated_host_id']) {
    const value = stringOf(fields[key]);
    if (value !== undefined) metadata[key] = value;
  }
  const instance: SdrsProtectedInstance = {
    id: context.ids(),
    name: nameOf(fields, 'flat'),
    description: stringOf(fields.description) ?? null,
    status: 'creating',
    source_server: server.id,
    target_server: null,
    server_group_id: group.id,
    metadata,
    attachment: [],
    tags: Array.isArray(fields.tags) ? fields.tags : [],
    progress: 0,
    priority_station: 'source',
    created_at: now,
    updated_at: now,
  };
  context.state.instances.push(instance);
  const job = createJob(context, {
    kind: 'createInstance',
    targetId: instance.id,
    entities: { server_group_id: group.id, protected_instance_id: instance.id },
    failWith: request.taskError,
  });
  return jobAccepted(job);
};

export const listProtectedInstances: SdrsHandler = (request, context) => {
  const groupId = queryValue(request, 'server_group_id');
  const name = queryValue(request, 'name');
  const status = queryValue(request, 'status');
  const matching = context.state.instances.filter(
    (instance) =>
      (groupId === undefined || instance.server_group_id === groupId) &&
      (name === undefined || instance.name.includes(name)) &&
      (status === undefined || instance.status === status),
  );
  const { items, count } = page(request, matching, context.listCount);
  return { status: 200, body: { protected_instances: items, count } };
};

const instanceOf = (request: SdrsRequest, context: SdrsContext): SdrsProtectedInstance => findInstance(context, request.params.protected_instance_id ?? '');

export const getProtectedInstance: SdrsHandler = (request, context) => ({ status: 200, body: { protected_instance: instanceOf(request, context) } });

export const renameProtectedInstance: SdrsHandler = (request, context) => renameAndAnswer(request, context, 'protected_instance', instanceOf(request, context));

export const deleteProtectedInstance: SdrsHandler = (request, context) => {
  const instance = findInstance(context, request.params.protected_instance_id ?? '', instanceNotFoundOnDelete);
  const group = findGroup(context, instance.server_group_id);
  if (!RESTING.has(group.status) && !group.status.startsWith('error')) throw groupStatusNotAllowed(group.id, group.status, 'deleting a protected instance', 'flat');
  const body = typeof request.body === 'object' && request.body !== null ? (request.body as Record<string, unknown>) : {};
  const payload = { delete_target_server: body.delete_target_server === true, delete_target_eip: body.delete_target_eip === true };
  return jobAccepted(startInstanceJob(context, instance, 'deleteInstance', 'deleting', payload, request.taskError));
};

/** The pair and the instance of an attach or detach, both in the same group. */
function attachmentParties(context: SdrsContext, request: SdrsRequest, pairId: string): { instance: SdrsProtectedInstance; pair: SdrsReplication } {
  const instance = findInstance(context, request.params.protected_instance_id ?? '', invalidInstanceId);
  const pair = findPair(context, pairId, invalidPairId);
  if (pair.server_group_id !== instance.server_group_id) throw pairNotInGroup(pair.id, instance.server_group_id);
  return { instance, pair };
}

export const attachReplication: SdrsHandler = (request, context) => {
  const fields = bodyObject(request, 'replicationAttachment');
  const device = stringOf(fields.device) ?? '';
  const { instance, pair } = attachmentParties(context, request, stringOf(fields.replication_id) ?? '');
  const group = findGroup(context, instance.server_group_id);
  if (!RESTING.has(group.status)) throw groupStatusNotAllowed(group.id, group.status, 'attaching a replication pair', 'flat');
  if (!RESTING.has(instance.status)) throw new SdrsApiError(400, 'SDRS.1017', `The protected instance ${instance.id} is ${instance.status}: attaching is not allowed in this status.`, 'flat');
  const attached = (pair.attachment ?? [])[0];
  if (attached) throw pairAttached(pair.id, String(attached.protected_instance));
  if (!RESTING.has(pair.status)) throw pairStatusNotAllowed(pair.id, pair.status, 'attach');
  if ((instance.attachment ?? []).some((entry) => entry.device === device)) throw deviceInUse(instance.id, device);
  pair.status = 'attaching';
  return jobAccepted(startInstanceJob(context, instance, 'attach', 'attaching', { replication_id: pair.id, device }, request.taskError));
};

export const detachReplication: SdrsHandler = (request, context) => {
  const { instance, pair } = attachmentParties(context, request, request.params.replication_id ?? '');
  if (!(instance.attachment ?? []).some((entry) => entry.replication === pair.id)) {
    throw invalidParams(`The replication pair ${pair.id} is not attached to protected instance ${instance.id}.`, 'flat');
  }
  if (!RESTING.has(pair.status) && pair.status !== 'error-detaching') throw pairStatusNotAllowed(pair.id, pair.status, 'detach');
  pair.status = 'detaching';
  return jobAccepted(startInstanceJob(context, instance, 'detach', 'detaching', { replication_id: pair.id }, request.taskError));
};

function startInstanceJob(
  context: SdrsContext,
  instance: SdrsProtectedInstance,
  kind: 'deleteInstance' | 'attach' | 'detach',
  status: string,
  payload: SimSdrsJobRecord['payload'],
  failWith?: string,
): SimSdrsJobRecord {
  instance.status = status;
  instance.updated_at = isoTime(context.clock.now());
  const entities: Record<string, string> = { server_group_id: instance.server_group_id, protected_instance_id: instance.id };
  if (typeof payload.replication_id === 'string') entities.replication_pair_id = payload.replication_id;
  return createJob(context, { kind, targetId: instance.id, entities, payload, failWith });
}

function makeDrServer(context: SdrsContext, sourceId: string, targetAz: string): SimSdrsServer {
  const source = context.state.inventory.servers.find((server) => server.id === sourceId);
  const server: SimSdrsServer = { id: context.ids(), name: source?.name ?? sourceId, availability_zone: targetAz, vpc_id: source?.vpc_id ?? '', dr: true };
  context.state.inventory.servers.push(server);
  return server;
}

export function detach(context: SdrsContext, instance: SdrsProtectedInstance, pairId: string, resting: string): void {
  instance.attachment = (instance.attachment ?? []).filter((entry) => entry.replication !== pairId);
  const pair = context.state.pairs.find((candidate) => candidate.id === pairId);
  if (pair) {
    pair.attachment = [];
    pair.status = resting;
  }
}

/** The effect of an instance job that succeeded; the result becomes the job's extra entities. */
export function completeInstanceJob(context: SdrsContext, record: SimSdrsJobRecord): Record<string, string> {
  const instance = findInstance(context, record.targetId);
  const group = findGroup(context, instance.server_group_id);
  const resting = restingStatus(group);
  const now = isoTime(context.clock.now());
  instance.updated_at = now;
  if (record.kind === 'deleteInstance') {
    for (const entry of instance.attachment ?? []) detach(context, instance, String(entry.replication), resting);
    context.state.instances = context.state.instances.filter((candidate) => candidate !== instance);
    if (record.payload.delete_target_server === true) context.state.inventory.servers = context.state.inventory.servers.filter((server) => server.id !== instance.target_server);
    return {};
  }
  instance.status = resting;
  instance.progress = 100;
  if (record.kind === 'createInstance') {
    const dr = makeDrServer(context, instance.source_server, group.target_availability_zone);
    instance.target_server = dr.id;
    return { native_server_id: dr.id };
  }
  const pairId = String(record.payload.replication_id);
  if (record.kind === 'detach') {
    detach(context, instance, pairId, resting);
    return {};
  }
  const device = String(record.payload.device);
  instance.attachment = [...(instance.attachment ?? []), { replication: pairId, device }];
  const pair = findPair(context, pairId);
  pair.attachment = [{ protected_instance: instance.id, device }];
  pair.status = resting;
  pair.updated_at = now;
  return {};
}

/** An instance job that failed: a create leaves the instance `error`; a failed attach or detach marks the pair. */
export function failInstanceJob(context: SdrsContext, record: SimSdrsJobRecord): void {
  const instance = context.state.instances.find((candidate) => candidate.id === record.targetId);
  if (!instance) return;
  const group = context.state.groups.find((candidate) => candidate.id === instance.server_group_id);
  const resting = group ? restingStatus(group) : 'available';
  instance.status = record.kind === 'createInstance' ? 'error' : record.kind === 'deleteInstance' ? 'error-deleting' : resting;
  const pair = context.state.pairs.find((candidate) => candidate.id === record.payload.replication_id);
  if (pair) pair.status = record.kind === 'attach' ? 'error-attaching' : 'error-detaching';
}

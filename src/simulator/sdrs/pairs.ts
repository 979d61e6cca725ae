/**
 * SDRS replication pairs. Create (→ job whose entities carry `replication_pair_id`; the group must be
 * `available` or `protected`, the volume must exist in the group's production AZ and be in no other pair; the
 * job creates the DR-site volume and `volume_ids` becomes "production,DR"); list with filters and paging; get;
 * rename by PUT (answers the pair); expand (→ job; the size only grows); delete with body (→ job; refused while
 * attached to a protected instance; the DR volume is kept unless `delete_target_volume` is true). Errors in the
 * flat `{error_code, error_msg}` shape the huaweicloud provider reads for pairs.
 *
 * Endpoints served (under /v1/{project_id}):
 *   POST   /replications                          createReplication
 *   GET    /replications                          listReplications (server_group_id(s), protected_instance_id(s), name, status, availability_zone, limit, offset)
 *   GET    /replications/{replication_id}         getReplication
 *   PUT    /replications/{replication_id}         renameReplication
 *   DELETE /replications/{replication_id}         deleteReplication {replication: {server_group_id?, delete_target_volume?}}
 *   POST   /replications/{replication_id}/action  replicationAction {extend-replication: {new_size}}
 */
import type { SdrsReplication } from '../../../lib/client/sdrs/types';
import { bodyObject, findGroup, nameOf, renameAndAnswer, findPair, findVolume, isoTime, page, queryValue, restingStatus, stringOf, type SdrsContext, type SdrsHandler, type SdrsRequest } from './context';
import { groupStatusNotAllowed, invalidParams, pairAttached, pairNotInGroup, pairStatusNotAllowed, volumeAlreadyPaired } from './errors';
import { createJob, jobAccepted } from './jobs';
import type { SimSdrsJobRecord, SimSdrsVolume } from './types';

const GROUP_STATUSES_FOR_CREATE = new Set(['available', 'protected']);
const GROUP_STATUSES_FOR_DELETE = new Set(['available', 'protected', 'failed-over', 'error-starting', 'error-stopping', 'error-reversing', 'error-failing-over', 'error-deleting', 'error-reprotecting']);
const PAIR_STATUSES_FOR_DELETE = new Set([...GROUP_STATUSES_FOR_DELETE, 'error', 'error-attaching', 'error-extending', 'invalid', 'fault']);
const PAIR_STATUSES_FOR_EXPAND = new Set(['available', 'protected', 'error-extending']);

/** The production volume id of a pair ("production,DR" once created). */
export const productionVolumeId = (pair: SdrsReplication): string => pair.volume_ids.split(',')[0] ?? '';
const drVolumeId = (pair: SdrsReplication): string | undefined => pair.volume_ids.split(',')[1];

export const createReplication: SdrsHandler = (request, context) => {
  const fields = bodyObject(request, 'replication');
  const group = findGroup(context, stringOf(fields.server_group_id) ?? '');
  if (!GROUP_STATUSES_FOR_CREATE.has(group.status)) throw groupStatusNotAllowed(group.id, group.status, 'creating a replication pair', 'flat');
  const volume = findVolume(context, stringOf(fields.volume_id) ?? '', 'flat');
  if (volume.availability_zone !== group.source_availability_zone) {
    throw invalidParams(`volume_id ${volume.id} is in ${volume.availability_zone}, not in the group's production AZ ${group.source_availability_zone}.`, 'flat');
  }
  const existing = context.state.pairs.find((pair) => productionVolumeId(pair) === volume.id);
  if (existing) throw volumeAlreadyPaired(volume.id, existing.id);
  const now = isoTime(context.clock.now());
  const pair: SdrsReplication = {
    id: context.ids(),
    name: nameOf(fields, 'flat'),
    description: stringOf(fields.description) ?? null,
    replication_model: 'hypermetro',
    status: 'creating',
    progress: 0,
    replication_status: null,
    attachment: [],
    server_group_id: group.id,
    volume_ids: volume.id,
    priority_station: 'source',
    fault_level: '0',
    created_at: now,
    updated_at: now,
    record_metadata: { multiattach: false, bootable: volume.bootable, volume_size: volume.size_gb, volume_type: volume.volume_type },
    failure_detail: null,
  };
  context.state.pairs.push(pair);
  const job = createJob(context, { kind: 'createPair', targetId: pair.id, entities: { server_group_id: group.id, replication_pair_id: pair.id }, failWith: request.taskError });
  return jobAccepted(job);
};

function listFilter(request: SdrsRequest, name: string, plural: string): string[] | undefined {
  const many = queryValue(request, plural);
  if (many !== undefined) return [...many.matchAll(/[A-Za-z0-9._-]+/g)].map((match) => match[0]);
  const one = queryValue(request, name);
  return one === undefined ? undefined : [one];
}

export const listReplications: SdrsHandler = (request, context) => {
  const groups = listFilter(request, 'server_group_id', 'server_group_ids');
  const instances = listFilter(request, 'protected_instance_id', 'protected_instance_ids');
  const name = queryValue(request, 'name');
  const status = queryValue(request, 'status');
  const zone = queryValue(request, 'availability_zone');
  const zoneOf = (pair: SdrsReplication): string | undefined => context.state.groups.find((group) => group.id === pair.server_group_id)?.source_availability_zone;
  const matching = context.state.pairs.filter(
    (pair) =>
      (groups === undefined || groups.includes(pair.server_group_id)) &&
      (instances === undefined || (pair.attachment ?? []).some((entry) => instances.includes(String(entry.protected_instance)))) &&
      (name === undefined || pair.name.includes(name)) &&
      (status === undefined || pair.status === status) &&
      (zone === undefined || zoneOf(pair) === zone),
  );
  const { items, count } = page(request, matching, context.listCount);
  return { status: 200, body: { replications: items, count } };
};

const pairOf = (request: SdrsRequest, context: SdrsContext): SdrsReplication => findPair(context, request.params.replication_id ?? '');

export const getReplication: SdrsHandler = (request, context) => ({ status: 200, body: { replication: pairOf(request, context) } });

export const renameReplication: SdrsHandler = (request, context) => renameAndAnswer(request, context, 'replication', pairOf(request, context));

export const deleteReplication: SdrsHandler = (request, context) => {
  const pair = pairOf(request, context);
  const fields = bodyObject(request, 'replication');
  const groupId = stringOf(fields.server_group_id);
  if (groupId !== undefined && groupId !== pair.server_group_id) throw pairNotInGroup(pair.id, groupId);
  const attached = (pair.attachment ?? [])[0];
  if (attached) throw pairAttached(pair.id, String(attached.protected_instance));
  const group = findGroup(context, pair.server_group_id);
  if (!GROUP_STATUSES_FOR_DELETE.has(group.status)) throw groupStatusNotAllowed(group.id, group.status, 'deleting a replication pair', 'flat');
  if (!PAIR_STATUSES_FOR_DELETE.has(pair.status)) throw pairStatusNotAllowed(pair.id, pair.status, 'delete');
  const payload = { delete_target_volume: fields.delete_target_volume === true };
  return jobAccepted(startPairJob(context, pair, 'deletePair', 'deleting', payload, request.taskError));
};

export const replicationAction: SdrsHandler = (request, context) => {
  const pair = pairOf(request, context);
  if (!PAIR_STATUSES_FOR_EXPAND.has(pair.status)) throw pairStatusNotAllowed(pair.id, pair.status, 'extend-replication');
  const newSize = Math.floor(Number(bodyObject(request, 'extend-replication').new_size));
  const current = pair.record_metadata?.volume_size ?? 0;
  if (newSize <= current) throw invalidParams(`new_size ${newSize} must be larger than the current size ${current} GB: a replication pair cannot shrink.`, 'flat');
  return jobAccepted(startPairJob(context, pair, 'expandPair', 'extending', { new_size: newSize }, request.taskError));
};

function startPairJob(
  context: SdrsContext,
  pair: SdrsReplication,
  kind: 'deletePair' | 'expandPair',
  status: string,
  payload: SimSdrsJobRecord['payload'],
  failWith?: string,
): SimSdrsJobRecord {
  pair.status = status;
  pair.updated_at = isoTime(context.clock.now());
  return createJob(context, { kind, targetId: pair.id, entities: { server_group_id: pair.server_group_id, replication_pair_id: pair.id }, payload, failWith });
}

function volumeById(context: SdrsContext, id: string | undefined): SimSdrsVolume | undefined {
  return context.state.inventory.volumes.find((volume) => volume.id === id);
}

function makeDrVolume(context: SdrsContext, pair: SdrsReplication, targetAz: string): SimSdrsVolume {
  const source = volumeById(context, productionVolumeId(pair));
  const volume: SimSdrsVolume = {
    id: context.ids(),
    name: source?.name ?? pair.name,
    size_gb: source?.size_gb ?? pair.record_metadata?.volume_size ?? 0,
    availability_zone: targetAz,
    volume_type: source?.volume_type ?? 'SSD',
    bootable: source?.bootable ?? false,
    server_id: null,
    device: null,
    dr: true,
  };
  context.state.inventory.volumes.push(volume);
  return volume;
}

/** The effect of a pair job that succeeded; the result becomes the job's extra entities. */
export function completePairJob(context: SdrsContext, record: SimSdrsJobRecord): Record<string, string> {
  const pair = findPair(context, record.targetId);
  const group = findGroup(context, pair.server_group_id);
  pair.updated_at = isoTime(context.clock.now());
  pair.progress = 100;
  if (record.kind === 'deletePair') {
    context.state.pairs = context.state.pairs.filter((candidate) => candidate !== pair);
    if (record.payload.delete_target_volume === true) {
      context.state.inventory.volumes = context.state.inventory.volumes.filter((volume) => volume.id !== drVolumeId(pair));
    }
    return {};
  }
  pair.status = restingStatus(group);
  pair.replication_status = group.status === 'protected' ? 'active' : 'inactive';
  if (record.kind === 'createPair') {
    const dr = makeDrVolume(context, pair, group.target_availability_zone);
    pair.volume_ids = `${productionVolumeId(pair)},${dr.id}`;
    return { volume_ids: pair.volume_ids };
  }
  const newSize = Number(record.payload.new_size);
  for (const volume of [volumeById(context, productionVolumeId(pair)), volumeById(context, drVolumeId(pair))]) if (volume) volume.size_gb = newSize;
  pair.record_metadata = { ...pair.record_metadata, volume_size: newSize };
  return {};
}

const FAILED_STATUS: Record<string, string> = { createPair: 'error', deletePair: 'error-deleting', expandPair: 'error-extending' };

/** A pair job that failed leaves the pair in the matching error status (a failed create: `error`, SDRS.1609). */
export function failPairJob(context: SdrsContext, record: SimSdrsJobRecord): void {
  const pair = context.state.pairs.find((candidate) => candidate.id === record.targetId);
  if (!pair) return;
  pair.status = FAILED_STATUS[record.kind] ?? 'error';
  if (record.kind === 'createPair') pair.failure_detail = 'SDRS.1609';
}

/**
 * SDRS protection groups ("server groups"): create (→ job, `creating` → `available`), list with filters and
 * paging, get, rename (answers the group), delete (→ job; only when it holds no pair and no instance),
 * and the actions start-server-group (→ `starting` → `protected`; only with at least one pair) and
 * stop-server-group (→ `stopping` → `available`). Starting and stopping move the group's pairs and instances
 * to `protected` / `available` with it. Errors in the nested shape.
 *
 * Endpoints served (under /v1/{project_id}):
 *   POST   /server-groups                      createServerGroup
 *   GET    /server-groups                      listServerGroups (limit, offset, status, name (fuzzy), availability_zone)
 *   GET    /server-groups/{server_group_id}    getServerGroup
 *   PUT    /server-groups/{server_group_id}    renameServerGroup
 *   DELETE /server-groups/{server_group_id}    deleteServerGroup
 *   POST   /server-groups/{server_group_id}/action   serverGroupAction (start-server-group | stop-server-group)
 */
import type { SdrsServerGroup } from '../../../lib/client/sdrs/types';
import { SdrsApiError, groupHasNoPair, groupNotEmpty, groupStatusNotAllowed, invalidParams } from './errors';
import { bodyObject, findGroup, nameOf, renameAndAnswer, isoTime, page, queryValue, restingStatus, stringOf, type SdrsContext, type SdrsHandler } from './context';
import { createJob, jobAccepted } from './jobs';
import type { SdrsState, SimSdrsJobRecord } from './types';

/** Group statuses in which a delete is accepted (the reference's list). */
const DELETABLE = new Set(['available', 'error', 'failed-over', 'error-starting', 'error-stopping', 'error-reversing', 'error-failing-over', 'error-deleting', 'error-reprotecting', 'error-creating']);

/** The group as the API shows it, with its current pair, instance and drill counts. */
export function groupView(state: SdrsState, group: SdrsServerGroup): SdrsServerGroup {
  return {
    ...group,
    replication_num: state.pairs.filter((pair) => pair.server_group_id === group.id).length,
    protected_instance_num: state.instances.filter((instance) => instance.server_group_id === group.id).length,
    disaster_recovery_drill_num: (state.drills ?? []).filter((drill) => drill.server_group_id === group.id).length,
  };
}

function requireKnown(field: string, value: string, allowed: readonly string[]): void {
  if (!allowed.includes(value)) throw invalidParams(`${field} ${value} does not exist: allowed ${allowed.join(', ')}.`, 'nested');
}

/** A new group in `status` (`creating` from the API, `available` when made by hand). */
export function newGroup(context: SdrsContext, fields: Record<string, unknown>, status: string, id: string = context.ids()): SdrsServerGroup {
  const { inventory } = context.state;
  const now = isoTime(context.clock.now());
  const sourceAz = stringOf(fields.source_availability_zone) ?? '';
  const targetAz = stringOf(fields.target_availability_zone) ?? '';
  const vpc = stringOf(fields.source_vpc_id) ?? '';
  requireKnown('source_availability_zone', sourceAz, inventory.availability_zones);
  requireKnown('target_availability_zone', targetAz, inventory.availability_zones);
  requireKnown('domain_id', stringOf(fields.domain_id) ?? '', [inventory.domain_id]);
  requireKnown('source_vpc_id', vpc, inventory.vpcs);
  if (sourceAz === targetAz) throw invalidParams(`target_availability_zone must differ from source_availability_zone (both ${sourceAz}).`, 'nested');
  return {
    id,
    name: nameOf(fields, 'nested'),
    description: stringOf(fields.description) ?? null,
    status,
    progress: status === 'creating' ? 0 : 100,
    source_availability_zone: sourceAz,
    target_availability_zone: targetAz,
    domain_id: inventory.domain_id,
    domain_name: inventory.domain_name,
    priority_station: 'source',
    protected_instance_num: 0,
    replication_num: 0,
    disaster_recovery_drill_num: 0,
    protected_status: 'stopped',
    replication_status: null,
    health_status: 'normal',
    source_vpc_id: vpc,
    target_vpc_id: vpc,
    test_vpc_id: null,
    dr_type: stringOf(fields.dr_type) ?? 'migration',
    created_at: now,
    updated_at: now,
    protection_type: 'replication-pair',
    replication_model: 'hypermetro',
    server_type: 'ECS',
  };
}

export const createServerGroup: SdrsHandler = (request, context) => {
  const group = newGroup(context, bodyObject(request, 'server_group'), 'creating');
  context.state.groups.push(group);
  const job = createJob(context, { kind: 'createGroup', targetId: group.id, entities: { server_group_id: group.id }, failWith: request.taskError });
  return jobAccepted(job);
};

export const listServerGroups: SdrsHandler = (request, context) => {
  const name = queryValue(request, 'name');
  const status = queryValue(request, 'status');
  const zone = queryValue(request, 'availability_zone');
  const matching = context.state.groups.filter(
    (group) =>
      (name === undefined || group.name.includes(name)) &&
      (status === undefined || group.status === status) &&
      (zone === undefined || group.source_availability_zone === zone),
  );
  const { items, count } = page(request, matching, context.listCount);
  return { status: 200, body: { server_groups: items.map((group) => groupView(context.state, group)), count } };
};

const groupOf = (request: Parameters<SdrsHandler>[0], context: SdrsContext): SdrsServerGroup => findGroup(context, request.params.server_group_id ?? '');

export const getServerGroup: SdrsHandler = (request, context) => ({ status: 200, body: { server_group: groupView(context.state, groupOf(request, context)) } });

export const renameServerGroup: SdrsHandler = (request, context) =>
  renameAndAnswer(request, context, 'server_group', groupOf(request, context), (group) => groupView(context.state, group));

export const deleteServerGroup: SdrsHandler = (request, context) => {
  const group = groupOf(request, context);
  if (!DELETABLE.has(group.status)) throw groupStatusNotAllowed(group.id, group.status, 'delete');
  const { replication_num: pairs = 0, protected_instance_num: instances = 0 } = groupView(context.state, group);
  if (pairs > 0 || instances > 0) throw groupNotEmpty(group.id, pairs, instances);
  return jobAccepted(startGroupJob(context, group, 'deleteGroup', 'deleting', request.taskError));
};

export const serverGroupAction: SdrsHandler = (request, context) => {
  const group = groupOf(request, context);
  const body = typeof request.body === 'object' && request.body !== null ? (request.body as Record<string, unknown>) : {};
  if ('start-server-group' in body) {
    if (group.status !== 'available' && group.status !== 'error-starting') throw groupStatusNotAllowed(group.id, group.status, 'start-server-group');
    if (!context.state.pairs.some((pair) => pair.server_group_id === group.id)) throw groupHasNoPair(group.id);
    return jobAccepted(startGroupJob(context, group, 'startGroup', 'starting', request.taskError));
  }
  if ('stop-server-group' in body) {
    if (group.status !== 'protected' && group.status !== 'error-stopping') throw groupStatusNotAllowed(group.id, group.status, 'stop-server-group');
    return jobAccepted(startGroupJob(context, group, 'stopGroup', 'stopping', request.taskError));
  }
  const action = Object.keys(body)[0] ?? '';
  throw new SdrsApiError(400, 'SDRS.0201', `The simulator does not implement the protection group action ${action}.`);
};

function startGroupJob(context: SdrsContext, group: SdrsServerGroup, kind: 'deleteGroup' | 'startGroup' | 'stopGroup', status: string, failWith?: string): SimSdrsJobRecord {
  group.status = status;
  group.updated_at = isoTime(context.clock.now());
  return createJob(context, { kind, targetId: group.id, entities: { server_group_id: group.id }, failWith });
}

/** Protection started or stopped (by a job or by hand): the group, its pairs and its instances follow. */
export function setProtection(context: SdrsContext, group: SdrsServerGroup, started: boolean): void {
  const now = isoTime(context.clock.now());
  group.status = started ? 'protected' : 'available';
  group.protected_status = started ? 'started' : 'stopped';
  group.replication_status = started ? 'active' : 'inactive';
  group.updated_at = now;
  const resting = restingStatus(group);
  for (const pair of context.state.pairs.filter((candidate) => candidate.server_group_id === group.id)) {
    if (pair.status === 'available' || pair.status === 'protected') pair.status = resting;
    pair.replication_status = started ? 'active' : 'inactive';
    pair.updated_at = now;
  }
  for (const instance of context.state.instances.filter((candidate) => candidate.server_group_id === group.id)) {
    if (instance.status === 'available' || instance.status === 'protected') instance.status = resting;
    instance.updated_at = now;
  }
}

/** The effect of a group job that succeeded. */
export function completeGroupJob(context: SdrsContext, record: SimSdrsJobRecord): void {
  const group = findGroup(context, record.targetId);
  group.progress = 100;
  group.updated_at = isoTime(context.clock.now());
  if (record.kind === 'createGroup') group.status = 'available';
  if (record.kind === 'startGroup') setProtection(context, group, true);
  if (record.kind === 'stopGroup') setProtection(context, group, false);
  if (record.kind === 'deleteGroup') context.state.groups = context.state.groups.filter((candidate) => candidate !== group);
}

const FAILED_STATUS: Record<string, string> = { createGroup: 'error', deleteGroup: 'error-deleting', startGroup: 'error-starting', stopGroup: 'error-stopping' };

/** A group job that failed leaves the group in the matching error status. */
export function failGroupJob(context: SdrsContext, record: SimSdrsJobRecord): void {
  const group = context.state.groups.find((candidate) => candidate.id === record.targetId);
  if (group) group.status = FAILED_STATUS[record.kind] ?? 'error';
}

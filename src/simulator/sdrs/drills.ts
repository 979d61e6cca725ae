/**
 * SDRS DR drills. Create (→ job whose entities carry `disaster_recovery_drill_id`; the group must be in one of the
 * statuses Huawei's "Creating a DR Drill" lists and hold a protected instance or a pair; a `drill_vpc_id` must be a
 * VPC of the project, else SDRS makes a drill VPC). The job starts one drill server per protected instance (from
 * its DR-site copy, in the drill VPC, with an address there) — powered on, unless a pair of the instance is still
 * `copying` (Huawei: a drill before the first sync is done may not start its server). List with filters and paging,
 * get, rename by PUT (answers the drill), delete (→ job; status available, error or error-deleting): the drill
 * servers go, the drill VPC stays (Huawei's "Deleting a DR Drill"). A failed create leaves the drill `error` with no
 * servers; a failed delete leaves it `error-deleting` with its servers, to be deleted again. Nothing here touches
 * the group, its pairs or its instances. Errors in the nested shape (docs/vendors/sdrs.md).
 *
 * Endpoints served (under /v1/{project_id}):
 *   POST   /disaster-recovery-drills                               createDisasterRecoveryDrill
 *   GET    /disaster-recovery-drills                               listDisasterRecoveryDrills (server_group_id, name (fuzzy), status, drill_vpc_id, limit, offset)
 *   GET    /disaster-recovery-drills/{disaster_recovery_drill_id}  getDisasterRecoveryDrill
 *   PUT    /disaster-recovery-drills/{disaster_recovery_drill_id}  renameDisasterRecoveryDrill
 *   DELETE /disaster-recovery-drills/{disaster_recovery_drill_id}  deleteDisasterRecoveryDrill
 */
import type { SdrsDrill } from '../../../lib/client/sdrs/types';
import { bodyObject, findGroup, isoTime, nameOf, page, queryValue, renameAndAnswer, stringOf, type SdrsContext, type SdrsHandler, type SdrsRequest } from './context';
import { drillNotFound, drillNotFoundOnDelete, drillStatusNotAllowed, groupHasNothingToDrill, groupStatusNotAllowed, invalidParams, type SdrsApiError } from './errors';
import { createJob, jobAccepted } from './jobs';
import type { SimSdrsJobRecord, SimSdrsServer } from './types';

/** Group statuses a drill may start from ("Creating a DR Drill", constraints). */
const DRILLABLE = new Set(['available', 'protected', 'failed-over', 'error-starting', 'error-stopping', 'error-reversing', 'error-reprotecting', 'error-failing-over']);
/** Drill statuses a delete is accepted in ("Deleting a DR Drill", constraints). */
const DELETABLE = new Set(['available', 'error', 'error-deleting']);

function drillsOf(context: SdrsContext): SdrsDrill[] {
  context.state.drills ??= [];
  return context.state.drills;
}

export function findDrill(context: SdrsContext, id: string, gone: (id: string) => SdrsApiError = drillNotFound): SdrsDrill {
  const drill = drillsOf(context).find((candidate) => candidate.id === id);
  if (!drill) throw gone(id);
  return drill;
}

/** The drill VPC: the one named (a VPC of the project), else a new one SDRS makes. */
function drillVpc(context: SdrsContext, named: string | undefined): string {
  const { vpcs } = context.state.inventory;
  if (named !== undefined) {
    if (!vpcs.includes(named)) throw invalidParams(`drill_vpc_id ${named} does not exist in project ${context.state.inventory.project_id}.`, 'nested');
    return named;
  }
  const made = `vpc-drill-${context.ids().slice(0, 8)}`;
  vpcs.push(made);
  return made;
}

export const createDisasterRecoveryDrill: SdrsHandler = (request, context) => {
  const fields = bodyObject(request, 'disaster_recovery_drill');
  const group = findGroup(context, stringOf(fields.server_group_id) ?? '');
  if (!DRILLABLE.has(group.status)) throw groupStatusNotAllowed(group.id, group.status, 'creating a DR drill');
  const members = context.state.instances.some((i) => i.server_group_id === group.id) || context.state.pairs.some((p) => p.server_group_id === group.id);
  if (!members) throw groupHasNothingToDrill(group.id);
  const name = nameOf(fields, 'nested');
  const now = isoTime(context.clock.now());
  const drill: SdrsDrill = {
    id: context.ids(),
    name,
    status: 'creating',
    drill_vpc_id: drillVpc(context, stringOf(fields.drill_vpc_id)),
    server_group_id: group.id,
    created_at: now,
    updated_at: now,
    drill_servers: [],
  };
  drillsOf(context).push(drill);
  const job = createJob(context, { kind: 'createDrill', targetId: drill.id, entities: { server_group_id: group.id, disaster_recovery_drill_id: drill.id }, failWith: request.taskError });
  return jobAccepted(job);
};

export const listDisasterRecoveryDrills: SdrsHandler = (request, context) => {
  const groupId = queryValue(request, 'server_group_id');
  const name = queryValue(request, 'name');
  const status = queryValue(request, 'status');
  const vpc = queryValue(request, 'drill_vpc_id');
  const matching = drillsOf(context).filter(
    (drill) =>
      (groupId === undefined || drill.server_group_id === groupId) &&
      (name === undefined || drill.name.includes(name)) &&
      (status === undefined || drill.status === status) &&
      (vpc === undefined || drill.drill_vpc_id === vpc),
  );
  const { items, count } = page(request, matching, context.listCount);
  return { status: 200, body: { disaster_recovery_drills: items, count } };
};

const drillOf = (request: SdrsRequest, context: SdrsContext): SdrsDrill => findDrill(context, request.params.disaster_recovery_drill_id ?? '');

export const getDisasterRecoveryDrill: SdrsHandler = (request, context) => ({ status: 200, body: { disaster_recovery_drill: drillOf(request, context) } });

export const renameDisasterRecoveryDrill: SdrsHandler = (request, context) => renameAndAnswer(request, context, 'disaster_recovery_drill', drillOf(request, context));

export const deleteDisasterRecoveryDrill: SdrsHandler = (request, context) => {
  const drill = findDrill(context, request.params.disaster_recovery_drill_id ?? '', drillNotFoundOnDelete);
  if (!DELETABLE.has(drill.status)) throw drillStatusNotAllowed(drill.id, drill.status, 'delete');
  drill.status = 'deleting';
  drill.updated_at = isoTime(context.clock.now());
  const job = createJob(context, { kind: 'deleteDrill', targetId: drill.id, entities: { server_group_id: drill.server_group_id, disaster_recovery_drill_id: drill.id }, failWith: request.taskError });
  return jobAccepted(job);
};

/** A server started from an instance's DR-site copy in the drill VPC: running unless a pair of the instance still syncs. */
function makeDrillServer(context: SdrsContext, drill: SdrsDrill, instanceId: string, sourceId: string, index: number): SimSdrsServer {
  const source = context.state.inventory.servers.find((server) => server.id === sourceId);
  const pairs = context.state.pairs.filter((pair) => (pair.attachment ?? []).some((entry) => entry.protected_instance === instanceId));
  const syncing = pairs.some((pair) => pair.replication_status === 'copying');
  const group = findGroup(context, drill.server_group_id);
  const server: SimSdrsServer = {
    id: context.ids(),
    name: `${source?.name ?? sourceId}-drill`,
    availability_zone: group.target_availability_zone,
    vpc_id: drill.drill_vpc_id,
    dr: true,
    status: syncing ? 'SHUTOFF' : 'ACTIVE',
    drill_id: drill.id,
    address: `192.168.0.${10 + index}`,
  };
  context.state.inventory.servers.push(server);
  return server;
}

/** The effect of a drill job that succeeded. */
export function completeDrillJob(context: SdrsContext, record: SimSdrsJobRecord): void {
  const drill = findDrill(context, record.targetId);
  drill.updated_at = isoTime(context.clock.now());
  if (record.kind === 'deleteDrill') {
    context.state.inventory.servers = context.state.inventory.servers.filter((server) => server.drill_id !== drill.id);
    context.state.drills = drillsOf(context).filter((candidate) => candidate !== drill);
    return;
  }
  const instances = context.state.instances.filter((instance) => instance.server_group_id === drill.server_group_id);
  drill.drill_servers = instances.map((instance, index) => ({ protected_instance: instance.id, drill_server_id: makeDrillServer(context, drill, instance.id, instance.source_server, index).id }));
  drill.status = 'available';
}

/** A drill job that failed: a create leaves the drill `error` (no servers), a delete `error-deleting` (servers kept). */
export function failDrillJob(context: SdrsContext, record: SimSdrsJobRecord): void {
  const drill = drillsOf(context).find((candidate) => candidate.id === record.targetId);
  if (drill) drill.status = record.kind === 'deleteDrill' ? 'error-deleting' : 'error';
}

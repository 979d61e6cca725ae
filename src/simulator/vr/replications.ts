/**
 * VM replications: configure (a JSON array of specs, one task per VM), read, reconfigure in place, pause,
 * resume, sync, unconfigure / destroy (keeping a `removedReplications` history with `retain_replica_disks`),
 * and the lifecycle after the tasks complete (CONFIGURING → INITIAL_FULL_SYNC → OK).
 *
 * Endpoints served (under /pairings/{pairing_id}):
 *   GET    /replications                                     getAllReplications (source_vc_guid, extended_info, list params)
 *   POST   /replications                                     configureReplication (202 {list:[Task…]}; needs remote session)
 *   GET    /replications/count                               getReplicationsCount
 *   GET    /replications/issues                              getReplicationsIssues (always empty)
 *   GET    /replications/{replication_id}                    getReplicationInfo
 *   DELETE /replications/{replication_id}                    destroyReplication (retain_replica_disks)
 *   POST   /replications/{replication_id}/actions/unconfigure unconfigureReplication (retain_replica_disks; remote session)
 *   POST   /replications/{replication_id}/actions/pause       pauseReplication (remote session)
 *   POST   /replications/{replication_id}/actions/resume      resumeReplication (remote session)
 *   POST   /replications/{replication_id}/actions/sync        syncReplication
 *   POST   /replications/{replication_id}/actions/reconfigure reconfigureReplication (remote session)
 *   GET    /replications/{replication_id}/disks              getReplicatedVmDisks
 */
import { isRecord } from '../core/http';
import { badRequest, notFound } from './errors';
import { TaskFailure, type TaskResult } from '../core/task-engine';
import { isTerminal } from './task-model';
import { booleanQuery, entityResponse, firstValue, listResponse } from './envelopes';
import {
  createTask,
  findPairing,
  localVcId,
  remoteVcId,
  requireRemoteSession,
  type VrContext,
  type VrHandler,
  type VrRequest,
} from './context';
import { effectiveCapability, findVm } from './inventory';
import { chooseReplicationServer, validateConfigureTarget, validateDisks, validateReconfigureDisks, validateSettings } from './replication-rules';
import type {
  ConfigureReplicationSpec,
  ReconfigureReplicationSpec,
  ReplicationInfo,
  ReplicationStatus,
  SimReplication,
  SimTaskRecord,
  TaskKind,
  VrState,
} from './types';

type Pairing = VrState['pairings'][number];

const EXTENDED_ONLY_FIELDS = ['sync_progress', 'last_group_error', 'last_sync_duration', 'last_sync_size'] as const;

function vcenterName(state: VrState, vcId: string): string {
  return state.vcenters.find((vcenter) => vcenter.id === vcId)?.name ?? vcId;
}

function findReplication(context: VrContext, pairingId: string, replicationId: string): SimReplication {
  findPairing(context, pairingId);
  const replication = context.state.replications.find(
    (candidate) => candidate.pairingId === pairingId && candidate.info.id === replicationId,
  );
  if (!replication) throw notFound();
  return replication;
}

function replicationOfRequest(request: VrRequest, context: VrContext): SimReplication {
  return findReplication(context, request.params.pairing_id, request.params.replication_id);
}

function publicInfo(replication: SimReplication, extended: boolean): ReplicationInfo {
  const info: ReplicationInfo = { ...replication.info, status: { ...replication.info.status } };
  if (!extended) for (const field of EXTENDED_ONLY_FIELDS) delete info[field];
  return info;
}

/** ReplicationInfo names of the configure/reconfigure settings (quiesce_enabled → quiescing_enabled, …). */
type ReplicationSettings = Pick<
  ReplicationInfo,
  | 'rpo'
  | 'quiescing_enabled'
  | 'network_compression_enabled'
  | 'encryption_enabled'
  | 'auto_replicate_new_disks_enabled'
  | 'mpit_enabled'
  | 'mpit_instances'
  | 'mpit_days'
  | 'vm_data_sets_replication_enabled'
>;

function settingsOf(spec: ReconfigureReplicationSpec): ReplicationSettings {
  return {
    rpo: spec.rpo,
    quiescing_enabled: spec.quiesce_enabled ?? false,
    network_compression_enabled: spec.network_compression_enabled,
    encryption_enabled: spec.lwd_encryption_enabled,
    auto_replicate_new_disks_enabled: spec.auto_replicate_new_disks,
    mpit_enabled: spec.mpit_enabled,
    mpit_instances: spec.mpit_enabled ? spec.mpit_instances ?? 0 : 0,
    mpit_days: spec.mpit_enabled ? spec.mpit_days ?? 0 : 0,
    vm_data_sets_replication_enabled: spec.vm_data_sets_replication_enabled ?? false,
  };
}

export const getAllReplications: VrHandler = (request, context) => {
  const pairingId = request.params.pairing_id;
  findPairing(context, pairingId);
  const sourceVcGuid = firstValue(request.query, 'source_vc_guid');
  const extended = booleanQuery(request.query, 'extended_info');
  const replications = context.state.replications
    .filter((replication) => replication.pairingId === pairingId)
    .filter((replication) => !sourceVcGuid || replication.info.source_vc_id === sourceVcGuid)
    .map((replication) => publicInfo(replication, extended));
  return listResponse(replications, request);
};

export const getReplicationsCount: VrHandler = (request, context) => {
  const pairingId = request.params.pairing_id;
  findPairing(context, pairingId);
  const count = context.state.replications.filter((replication) => replication.pairingId === pairingId).length;
  return entityResponse({ count });
};

export const getReplicationsIssues: VrHandler = (request, context) => {
  findPairing(context, request.params.pairing_id);
  return listResponse([], request);
};

export const getReplicationInfo: VrHandler = (request, context) =>
  entityResponse(publicInfo(replicationOfRequest(request, context), true));

export const getReplicatedVmDisks: VrHandler = (request, context) =>
  listResponse(replicationOfRequest(request, context).disks, request);

interface PlannedReplication {
  replication: SimReplication;
  serverId: string;
}

function planReplication(context: VrContext, pairing: Pairing, spec: ConfigureReplicationSpec, field: string): PlannedReplication {
  const { state } = context;
  const vm = validateConfigureTarget(state, spec, localVcId(pairing), remoteVcId(pairing), field);
  validateSettings(spec, effectiveCapability(state, vm), vm.vm.name, field);
  const disks = validateDisks(state, vm, spec.target_vc_id, spec.disks, field);
  const server = chooseReplicationServer(state, pairing.remote_vrms?.id ?? '', spec.target_replication_server_id, field);
  const info: SimReplication['info'] = {
    id: `GID-${context.ids()}`,
    name: vm.vm.name,
    vm_id: vm.vm.id,
    source_site_name: vcenterName(state, localVcId(pairing)),
    source_vc_id: localVcId(pairing),
    target_site_name: vcenterName(state, spec.target_vc_id),
    target_vc_id: spec.target_vc_id,
    status: { status: 'CONFIGURING', rpo_violation: false },
    type: 'VC_TO_VC',
    replication_server_name: server.server.name,
    recovery_solution: null,
    configuration_state: 'IN_PROGRESS',
    configuration_error: null,
    last_group_error: null,
    recovery_state: 'NOT_STARTED',
    recovery_error: null,
    target_replication_server_uuid: server.server.uuid ?? null,
    last_sync_time: 0,
    last_sync_duration: 0,
    last_sync_size: 0,
    current_rpo_violation: 0,
    sync_progress: null,
    ...settingsOf(spec),
    rpo: spec.rpo,
  };
  return { replication: { pairingId: pairing.pairing_id, info, disks }, serverId: server.server.id };
}

function adjustServerLoad(state: VrState, serverName: string | null | undefined, delta: number): void {
  const server = state.replicationServers.find((entry) => entry.server.name === serverName);
  if (server) server.server.replication_count = Math.max(0, (server.server.replication_count ?? 0) + delta);
}

export const configureReplication: VrHandler = (request, context) => {
  const pairing = findPairing(context, request.params.pairing_id);
  requireRemoteSession(request, pairing.pairing_id);
  const specs = Array.isArray(request.body) ? (request.body as ConfigureReplicationSpec[]) : [];
  if (specs.length === 0) throw badRequest('VR.INVALID_SPEC', 'body: at least one ConfigureReplicationSpec is required.');
  const duplicate = specs.find((spec, index) => specs.findIndex((other) => other.vm_id === spec.vm_id) !== index);
  if (duplicate) throw badRequest('VR.INVALID_SPEC', `body: VM '${duplicate.vm_id}' appears more than once.`);
  const planned = specs.map((spec, index) => planReplication(context, pairing, spec, `body[${index}]`));
  const tasks = planned.map(({ replication }) => {
    context.state.replications.push(replication);
    adjustServerLoad(context.state, replication.info.replication_server_name, 1);
    return createTask(context, {
      kind: 'configure',
      pairingId: pairing.pairing_id,
      replicationId: replication.info.id,
      description: 'Configure replication',
      descriptionId: 'com.vmware.vcHms.replication.configure',
      entity: replication.info.id,
      entityName: replication.info.name,
      failWith: request.taskError,
    }).task;
  });
  return listResponse(tasks, { ...request, query: {} }, 202);
};

function hasPendingTask(context: VrContext, replicationId: string): boolean {
  return context.state.tasks.some((record) => record.replicationId === replicationId && !isTerminal(record.task.status));
}

function requireSettled(context: VrContext, replication: SimReplication, action: string): void {
  if (replication.info.configuration_state === 'IN_PROGRESS' || hasPendingTask(context, replication.info.id)) {
    throw badRequest(
      'VR.INVALID_STATE',
      `Cannot ${action} replication '${replication.info.name}' (${replication.info.id}): another operation is in progress.`,
    );
  }
}

const ACTION_DESCRIPTIONS: Record<string, string> = {
  reconfigure: 'Reconfigure replication',
  unconfigure: 'Unconfigure replication',
  destroy: 'Delete replication',
  pause: 'Pause replication',
  resume: 'Resume replication',
  sync: 'Sync replication',
};

function actionTask(
  request: VrRequest,
  context: VrContext,
  replication: SimReplication,
  kind: TaskKind,
  extra: Partial<SimTaskRecord> = {},
): ReturnType<typeof entityResponse> {
  const record = createTask(context, {
    kind,
    pairingId: replication.pairingId,
    replicationId: replication.info.id,
    description: ACTION_DESCRIPTIONS[kind] ?? kind,
    descriptionId: `com.vmware.vcHms.replication.${kind}`,
    entity: replication.info.id,
    entityName: replication.info.name,
    failWith: kind === 'reconfigure' ? request.taskError : undefined,
    extra,
  });
  return entityResponse(record.task, 202);
}

function removalHandler(kind: 'unconfigure' | 'destroy', needsRemote: boolean): VrHandler {
  return (request, context) => {
    const replication = replicationOfRequest(request, context);
    if (needsRemote) requireRemoteSession(request, replication.pairingId);
    const retainReplicaDisks = booleanQuery(request.query, 'retain_replica_disks');
    return actionTask(request, context, replication, kind, { retainReplicaDisks });
  };
}

export const unconfigureReplication = removalHandler('unconfigure', true);
export const destroyReplication = removalHandler('destroy', false);

function stateChangeHandler(kind: 'pause' | 'resume' | 'sync', needsRemote: boolean): VrHandler {
  return (request, context) => {
    const replication = replicationOfRequest(request, context);
    if (needsRemote) requireRemoteSession(request, replication.pairingId);
    requireSettled(context, replication, kind);
    if (kind === 'sync' && replication.info.status.status === 'PAUSED') {
      throw badRequest('VR.INVALID_STATE', `Cannot sync replication '${replication.info.name}': it is paused.`);
    }
    return actionTask(request, context, replication, kind);
  };
}

export const pauseReplication = stateChangeHandler('pause', true);
export const resumeReplication = stateChangeHandler('resume', true);
export const syncReplication = stateChangeHandler('sync', false);

export const reconfigureReplication: VrHandler = (request, context) => {
  const replication = replicationOfRequest(request, context);
  requireRemoteSession(request, replication.pairingId);
  requireSettled(context, replication, 'reconfigure');
  const spec = request.body as ReconfigureReplicationSpec;
  const vm = findVm(context.state, replication.info.vm_id ?? '');
  if (!vm) throw badRequest('VR.INVALID_STATE', `The VM of replication '${replication.info.name}' no longer exists.`);
  validateSettings(spec, vm.capability, vm.vm.name, 'body');
  validateReconfigureDisks(context.state, vm, replication.info.target_vc_id ?? '', replication.disks, spec.disks, 'body');
  if (spec.target_replication_server_id) {
    const pairing = findPairing(context, replication.pairingId);
    chooseReplicationServer(context.state, pairing.remote_vrms?.id ?? '', spec.target_replication_server_id, 'body');
  }
  return actionTask(request, context, replication, 'reconfigure', { reconfigureSpec: spec });
};

function setStatus(replication: SimReplication, status: ReplicationStatus): void {
  replication.info.status = { ...replication.info.status, status };
}

function completeConfigure(replication: SimReplication, record: SimTaskRecord, completedAt: number): TaskResult {
  const totalKb = replication.disks.reduce((sum, disk) => sum + (disk.replicated ? disk.vm_disk?.capacity ?? 0 : 0), 0);
  replication.info.configuration_state = 'OK';
  replication.info.sync_progress = {
    progress: 0,
    checksum_current: 0,
    checksum_total: totalKb * 1024,
    transferred_current: 0,
    transferred_total: totalKb * 1024,
  };
  setStatus(replication, 'INITIAL_FULL_SYNC');
  replication.fullSyncStartedAt = completedAt;
  replication.fullSyncCompleteAt = completedAt + record.durationMs;
  advanceReplication(replication, completedAt);
  return { replication_id: replication.info.id };
}

function applyReconfigure(context: VrContext, replication: SimReplication, spec: ReconfigureReplicationSpec): void {
  const vm = findVm(context.state, replication.info.vm_id ?? '');
  if (!vm) throw new TaskFailure(`The VM of replication '${replication.info.name}' no longer exists.`);
  replication.disks = validateReconfigureDisks(context.state, vm, replication.info.target_vc_id ?? '', replication.disks, spec.disks, 'body');
  Object.assign(replication.info, settingsOf(spec));
  // No server named: the replication stays where it is (moving it is a choice, not a side effect).
  if (!spec.target_replication_server_id) return;
  const pairing = findPairing(context, replication.pairingId);
  const server = chooseReplicationServer(context.state, pairing.remote_vrms?.id ?? '', spec.target_replication_server_id, 'body');
  if (server.server.name !== replication.info.replication_server_name) {
    adjustServerLoad(context.state, replication.info.replication_server_name, -1);
    adjustServerLoad(context.state, server.server.name, 1);
  }
  Object.assign(replication.info, {
    replication_server_name: server.server.name,
    target_replication_server_uuid: server.server.uuid ?? null,
  });
}

function removeReplication(context: VrContext, replication: SimReplication, record: SimTaskRecord, method: 'unconfigure' | 'destroy' | 'configure-failed'): void {
  const { state } = context;
  if (!state.replications.includes(replication)) return;
  state.replications = state.replications.filter((candidate) => candidate !== replication);
  adjustServerLoad(state, replication.info.replication_server_name, -1);
  state.removedReplications.push({
    id: replication.info.id,
    name: replication.info.name,
    vmId: replication.info.vm_id ?? null,
    pairingId: replication.pairingId,
    method,
    retainReplicaDisks: record.retainReplicaDisks ?? false,
    taskId: record.task.id,
    removedAt: record.task.complete_time ?? context.clock.now(),
  });
}

function completeSync(replication: SimReplication, record: SimTaskRecord, completedAt: number): void {
  replication.info.last_sync_time = completedAt;
  replication.info.last_sync_duration = Math.max(1, Math.round(record.durationMs / 1000));
  replication.info.last_sync_size = replication.disks.reduce((sum, disk) => sum + (disk.replicated ? (disk.vm_disk?.capacity ?? 0) * 8 : 0), 0);
  replication.info.current_rpo_violation = 0;
  replication.info.status = { status: replication.info.status.status === 'PAUSED' ? 'PAUSED' : 'OK', rpo_violation: false };
}

/** Completion effect of replication tasks (called by the task engine, in completion order). */
export function completeReplicationTask(record: SimTaskRecord, context: VrContext, completedAt: number): TaskResult | void {
  const replication = context.state.replications.find((candidate) => candidate.info.id === record.replicationId);
  if (!replication) {
    if (record.kind === 'unconfigure' || record.kind === 'destroy') return { replication_id: record.replicationId ?? '' };
    throw new TaskFailure(`Replication ${record.replicationId ?? ''} no longer exists.`);
  }
  switch (record.kind) {
    case 'configure':
      return completeConfigure(replication, record, completedAt);
    case 'reconfigure':
      if (record.reconfigureSpec) applyReconfigure(context, replication, record.reconfigureSpec);
      return { replication_id: replication.info.id };
    case 'unconfigure':
    case 'destroy':
      removeReplication(context, replication, record, record.kind);
      return { replication_id: replication.info.id, retain_replica_disks: record.retainReplicaDisks ?? false };
    case 'pause':
      setStatus(replication, 'PAUSED');
      return { replication_id: replication.info.id };
    case 'resume':
      setStatus(replication, replication.fullSyncCompleteAt === undefined ? 'OK' : 'INITIAL_FULL_SYNC');
      return { replication_id: replication.info.id };
    case 'sync':
      completeSync(replication, record, completedAt);
      return { replication_id: replication.info.id };
    default:
      return undefined;
  }
}

/** A configure task ended in ERROR: the configuration is rolled back (the VM can be configured again). */
export function rollBackFailedConfigure(record: SimTaskRecord, context: VrContext): void {
  // A configure that ended ERROR or CANCELLED leaves no replication behind.
  if (record.kind !== 'configure' || record.task.status === 'SUCCESS') return;
  const replication = context.state.replications.find((candidate) => candidate.info.id === record.replicationId);
  if (replication) removeReplication(context, replication, record, 'configure-failed');
}

/** Time-driven replication changes: initial full sync progress and completion. Returns true when anything changed. */
export function advanceReplication(replication: SimReplication, now: number): boolean {
  const doneAt = replication.fullSyncCompleteAt;
  if (doneAt === undefined || replication.info.status.status === 'PAUSED') return false;
  const started = replication.fullSyncStartedAt ?? doneAt;
  if (now < doneAt) {
    const progress = Math.min(99, Math.max(0, Math.floor(((now - started) / Math.max(1, doneAt - started)) * 100)));
    if (replication.info.sync_progress) replication.info.sync_progress.progress = progress;
    return false;
  }
  replication.fullSyncCompleteAt = undefined;
  replication.fullSyncStartedAt = undefined;
  replication.info.sync_progress = null;
  replication.info.last_sync_time = doneAt;
  replication.info.last_sync_duration = Math.round((doneAt - started) / 1000);
  replication.info.last_sync_size = replication.disks.reduce((sum, disk) => sum + (disk.replicated ? (disk.vm_disk?.capacity ?? 0) * 1024 : 0), 0);
  setStatus(replication, 'OK');
  return true;
}

function omittedFields(omit: unknown): (typeof DRIFTABLE_FIELDS)[number][] {
  if (omit === undefined) return [];
  const fields: readonly string[] = DRIFTABLE_FIELDS;
  if (!Array.isArray(omit) || !omit.every((field): field is (typeof DRIFTABLE_FIELDS)[number] => typeof field === 'string' && fields.includes(field))) {
    throw badRequest('SIM.INVALID_DRIFT', `omit must list fields among ${DRIFTABLE_FIELDS.join(', ')}, got ${JSON.stringify(omit)}`);
  }
  return omit;
}

/** Fields the admin API may change by hand (drift injection). */
const DRIFTABLE_FIELDS = [
  'rpo',
  'quiescing_enabled',
  'network_compression_enabled',
  'encryption_enabled',
  'auto_replicate_new_disks_enabled',
  'mpit_enabled',
  'mpit_instances',
  'mpit_days',
  'configuration_state',
  'current_rpo_violation',
  'replication_server_name',
  'vm_data_sets_replication_enabled',
] as const;

/**
 * Admin: applies `{status?, rpo_violation?, <driftable field>…, omit?}` to a replication; throws on unknown fields.
 * `omit` lists driftable fields the answers leave out from now on (a server that does not report an optional field).
 */
export function applyReplicationDrift(state: VrState, replicationId: string, patch: unknown): SimReplication {
  const replication = state.replications.find((candidate) => candidate.info.id === replicationId);
  if (!replication) throw notFound();
  if (!isRecord(patch)) throw badRequest('SIM.INVALID_DRIFT', 'body must be an object');
  const allowed = new Set<string>(['status', 'rpo_violation', 'omit', ...DRIFTABLE_FIELDS]);
  const unknownField = Object.keys(patch).find((key) => !allowed.has(key));
  if (unknownField) throw badRequest('SIM.INVALID_DRIFT', `field '${unknownField}' cannot be changed; allowed: ${[...allowed].join(', ')}`);
  for (const field of omittedFields(patch.omit)) delete replication.info[field];
  if (typeof patch.status === 'string') setStatus(replication, patch.status as ReplicationStatus);
  if (typeof patch.rpo_violation === 'boolean') replication.info.status.rpo_violation = patch.rpo_violation;
  for (const field of DRIFTABLE_FIELDS) {
    if (patch[field] !== undefined) Object.assign(replication.info, { [field]: patch[field] });
  }
  if (typeof patch.status === 'string') {
    replication.fullSyncCompleteAt = undefined;
    replication.fullSyncStartedAt = undefined;
  }
  return replication;
}

/**
 * VCDA VM replications: list (offset/limit → {items,total}, filters), read one, and the operations that answer
 * 202 with a task whose completion changes the replication (start, reconfigure, storage profile, pause, resume,
 * sync, delete). Writes run on the site `?site=` names (default the local one), which must be the replication's
 * source site (400 BadUserInput otherwise). A start is checked before its task exists — the VM on the source site, the vDC on the
 * destination site, excluded disk keys of that VM, the storage and SLA profiles, one replication per VM — and a
 * remote destination needs the session extended to it. After its task a replication runs its initial sync
 * (YELLOW, SYNCING) and then is healthy (GREEN, IDLE) with a first instance; the description is kept verbatim.
 *
 * Endpoints served:
 *   GET    /vm-replications                            getVmReplications ?offset&limit&ids&destinationVdcId&destinationOrg&isMigration&vmId&site
 *   POST   /vm-replications?site=                      startVmReplication → 202 task
 *   GET    /vm-replications/{replicationId}            getVmReplication
 *   PATCH  /vm-replications/{replicationId}            reconfigureVmReplication → 202 task
 *   DELETE /vm-replications/{replicationId}            deleteVmReplication → 202 task
 *   POST   /vm-replications/{replicationId}/sync       syncVmReplication → 202 task
 *   POST   /vm-replications/{replicationId}/pause      pauseVmReplication → 202 task
 *   POST   /vm-replications/{replicationId}/resume     resumeVmReplication → 202 task
 *   POST   /vm-replications/{replicationId}/storage-profile   changeVmReplicationStorageProfile → 202 task
 * (test failover and its cleanup: test-failover.ts; a delete is refused while a test failover of it exists.)
 */
import type { SimResponse } from '../core/http';
import type { VcdaContext, VcdaHandler, VcdaRequest } from './context';
import { operationSite, queryValue, requireSiteAccess } from './context';
import { badRequest, badUserInput, replicationNotFound } from './errors';
import { VCDA_DEFAULT_STORAGE_PROFILE } from './inventory-seed';
import { accepted, createTask } from './tasks';
import type {
  SimVcdaReplication,
  SimVcdaTaskRecord,
  SimVcdaVdc,
  SimVcdaVm,
  VcdaReconfigureBody,
  VcdaReplicationInfo,
  VcdaStartBody,
  VcdaState,
  VcdaTaskKind,
} from './types';

const DEFAULT_LIMIT = 100;

// ------------------------------------------------------------------ lookups

export function findReplication(state: VcdaState, id: string): SimVcdaReplication {
  const replication = state.replications.find((candidate) => candidate.info.id === id);
  if (!replication) throw replicationNotFound(id);
  return replication;
}

/**
 * A replication the session may act on: the call runs on its source site (`?site=`, default the local site — the
 * site both vendor examples name: docs/vendors/vcda.md), and the session reaches the destination site, where the
 * replication's tasks run.
 */
export function replicationForOperation(request: VcdaRequest, context: VcdaContext): SimVcdaReplication {
  const site = operationSite(request, context);
  const replication = findReplication(context.state, request.params.replicationId ?? '');
  const source = replication.info.source.site;
  if (site !== source) {
    throw badUserInput(`The operation runs on site '${site}', but VM replication '${replication.info.id}' is managed from its source site '${source}': run it there (?site=${source}).`, [site, source]);
  }
  requireSiteAccess(request, context, replication.info.destination.site);
  return replication;
}

function visibleTo(request: VcdaRequest, replication: SimVcdaReplication): boolean {
  const sites = new Set((request.session?.authenticatedSites ?? []).map((entry) => entry.site));
  return sites.has(replication.info.source.site) || sites.has(replication.info.destination.site);
}

// ------------------------------------------------------------------ list and read

function listFilter(request: VcdaRequest): (info: VcdaReplicationInfo) => boolean {
  const ids = queryValue(request, 'ids')?.split(',').filter((id) => id !== '');
  const vdcId = queryValue(request, 'destinationVdcId');
  const org = queryValue(request, 'destinationOrg');
  const migration = queryValue(request, 'isMigration');
  const vmId = queryValue(request, 'vmId');
  return (info) =>
    (ids === undefined || ids.includes(info.id)) &&
    (vdcId === undefined || info.destination.vdcId === vdcId) &&
    (org === undefined || info.destination.org === org) &&
    (migration === undefined || String(info.isMigration === true) === migration) &&
    (vmId === undefined || info.source.vmId === vmId);
}

export const getVmReplications: VcdaHandler = (request, context) => {
  const site = operationSite(request, context);
  const offset = Number(queryValue(request, 'offset') ?? 0);
  const limit = Number(queryValue(request, 'limit') ?? DEFAULT_LIMIT);
  const filter = listFilter(request);
  const matching = context.state.replications
    .filter((replication) => visibleTo(request, replication))
    .filter((replication) => replication.info.source.site === site || replication.info.destination.site === site)
    .map((replication) => replication.info)
    .filter(filter);
  return { status: 200, body: { items: matching.slice(offset, offset + limit), total: matching.length } };
};

export const getVmReplication: VcdaHandler = (request, context) => {
  operationSite(request, context);
  const replication = findReplication(context.state, request.params.replicationId ?? '');
  if (!visibleTo(request, replication)) throw replicationNotFound(replication.info.id);
  return { status: 200, body: replication.info };
};

// ------------------------------------------------------------------ start

interface StartTarget {
  vm: SimVcdaVm;
  vdc: SimVcdaVdc;
  excludedDiskKeys: number[];
}

function requireVm(state: VcdaState, site: string, vmId: string): SimVcdaVm {
  const vm = state.vms.find((candidate) => candidate.id === vmId && candidate.site === site);
  if (!vm) throw badUserInput(`Source VM '${vmId}' was not found on site '${site}'.`, [vmId, site]);
  return vm;
}

function requireVdc(state: VcdaState, site: string, vdcId: string): SimVcdaVdc {
  const vdc = state.vdcs.find((candidate) => candidate.id === vdcId && candidate.site === site);
  if (!vdc) throw badUserInput(`Destination vDC '${vdcId}' was not found on site '${site}'.`, [vdcId, site]);
  return vdc;
}

/** '*' and null are the vDC's default; anything else must be a storage profile the vDC offers. */
function requireStorageProfile(vdc: SimVcdaVdc, profile: string | null | undefined): string {
  if (profile === undefined || profile === null || profile === VCDA_DEFAULT_STORAGE_PROFILE) return VCDA_DEFAULT_STORAGE_PROFILE;
  if (vdc.storageProfileIds.includes(profile)) return profile;
  throw badUserInput(`Storage profile '${profile}' is not available in vDC '${vdc.name}'.`, [profile, vdc.id]);
}

function requireSlaProfile(state: VcdaState, slaProfileId: string | null | undefined): void {
  if (slaProfileId === undefined || slaProfileId === null) return;
  if (!state.slaProfiles.some((profile) => profile.id === slaProfileId)) {
    throw badUserInput(`SLA profile '${slaProfileId}' does not exist.`, [slaProfileId]);
  }
}

function requireDiskKeys(vm: SimVcdaVm, keys: readonly number[]): number[] {
  const known = vm.disks.map((disk) => disk.key);
  const unknown = keys.filter((key) => !known.includes(key));
  if (unknown.length > 0) {
    throw badUserInput(`Disk key(s) ${unknown.join(', ')} do not belong to VM '${vm.name}' (its disk keys: ${known.join(', ')}).`, unknown);
  }
  if (keys.length >= known.length) throw badUserInput(`Every disk of VM '${vm.name}' is excluded: nothing would be replicated.`, [...keys]);
  return [...new Set(keys)].sort((a, b) => a - b);
}

function pendingStartFor(state: VcdaState, vmId: string): SimVcdaTaskRecord | undefined {
  return state.tasks.find((record) => record.kind === 'start' && record.task.state !== 'SUCCEEDED' && record.task.state !== 'FAILED' && startBodyOf(record).source.vmId === vmId);
}

function requireNotReplicated(state: VcdaState, vm: SimVcdaVm): void {
  const existing = state.replications.find((replication) => replication.info.source.vmId === vm.id);
  const pending = pendingStartFor(state, vm.id);
  if (existing || pending) {
    const by = existing ? `replication '${existing.info.id}'` : `the running task '${pending?.task.id ?? ''}'`;
    throw badRequest(`VM '${vm.name}' (${vm.id}) is already replicated by ${by}.`, [vm.id]);
  }
}

function requirePolicy(body: VcdaStartBody): void {
  const rpo = body.rpo ?? null;
  const sla = body.slaProfileId ?? null;
  if (rpo === null && sla === null) throw badUserInput('Either rpo or slaProfileId is required.', ['rpo']);
}

/**
 * The disks a start excludes: `source.excludedDisks`, as the data-structure pages name it. The operation page's
 * example sends `source.excludedDiskKeys`, a field of no source data structure: accepted (the example body must
 * work) and ignored, as a server reading `excludedDisks` ignores it — every disk is then replicated.
 */
function excludedDisksOf(body: VcdaStartBody): number[] {
  return body.source.excludedDisks ?? [];
}

function checkStart(request: VcdaRequest, context: VcdaContext, body: VcdaStartBody): StartTarget {
  const { state } = context;
  requireSiteAccess(request, context, body.source.site);
  requireSiteAccess(request, context, body.destination.site);
  const vm = requireVm(state, body.source.site, body.source.vmId);
  const vdc = requireVdc(state, body.destination.site, body.destination.vdc);
  requireStorageProfile(vdc, body.destination.storageProfile);
  requireSlaProfile(state, body.slaProfileId);
  requirePolicy(body);
  const excludedDiskKeys = requireDiskKeys(vm, excludedDisksOf(body));
  requireNotReplicated(state, vm);
  return { vm, vdc, excludedDiskKeys };
}

function startBodyOf(record: SimVcdaTaskRecord): VcdaStartBody {
  return record.payload as VcdaStartBody;
}

/** A start runs on the source VM's site (`?site=`, default the local site). */
function requireStartSite(request: VcdaRequest, context: VcdaContext, body: VcdaStartBody): void {
  const site = operationSite(request, context);
  const source = body.source.site;
  if (site !== source) {
    throw badUserInput(`The operation runs on site '${site}', but VM '${body.source.vmId}' is on site '${source}': run it on its source site (?site=${source}).`, [site, source]);
  }
}

export const startVmReplication: VcdaHandler = (request, context) => {
  const body = request.body as VcdaStartBody;
  requireStartSite(request, context, body);
  const { vm } = checkStart(request, context, body);
  const record = createTask(context, {
    kind: 'start',
    site: body.destination.site,
    user: request.session?.user ?? '',
    replicationId: `C4-${context.ids()}`,
    resourceName: vm.name,
    payload: body,
    failWith: request.taskError,
  });
  return accepted(record);
};

/** The replication a successful start task creates (its checks ran when the request came). */
function newReplication(context: VcdaContext, record: SimVcdaTaskRecord, completedAt: number): SimVcdaReplication {
  const body = startBodyOf(record);
  const { state } = context;
  const vm = requireVm(state, body.source.site, body.source.vmId);
  const vdc = requireVdc(state, body.destination.site, body.destination.vdc);
  const syncStart = Math.max(completedAt, body.initialSyncTime ?? 0);
  const info: VcdaReplicationInfo = {
    id: record.replicationId,
    owner: `${vm.org}@${vm.site}`,
    computerName: vm.name,
    dataConnectionState: 'SYNCING',
    isPaused: false,
    isReversed: false,
    isMigration: body.isMigration ?? false,
    lastUpdated: completedAt,
    metadata: {},
    overallHealth: 'YELLOW',
    placementPolicy: body.destination.placementPolicy ?? null,
    source: { org: vm.org, site: vm.site, vmId: vm.id, vdcId: null, vdcName: null, recoveredVappId: null },
    destination: {
      org: vdc.org,
      site: vdc.site,
      vdcId: vdc.id,
      vdcName: vdc.name,
      recoveredVappId: null,
      storageProfile: requireStorageProfile(vdc, body.destination.storageProfile),
    },
    settings: {
      description: body.description ?? null,
      rpo: body.rpo ?? null,
      slaProfileId: body.slaProfileId ?? null,
      dataConnectionType: body.dataConnectionType ?? 'ENCRYPTED',
      quiesced: body.quiesced ?? false,
      retentionPolicy: body.retentionPolicy ?? { rules: [] },
      targetDiskType: body.targetDiskType ?? 'THIN',
      excludedDiskKeys: requireDiskKeys(vm, excludedDisksOf(body)),
      initialSyncTime: body.initialSyncTime ?? 0,
      isMigration: body.isMigration ?? false,
    },
    destinationState: {
      state: 'INITIAL_SYNC',
      stateAge: 0,
      currentRpoViolation: 0,
      isMovingReplica: false,
      spaceRequirement: vm.disks.reduce((total, disk) => total + disk.capacityMb * 1024 * 1024, 0),
      lastError: null,
      latestInstance: null,
      recoveryInfo: { recoveryState: 'NOT_STARTED' },
    },
  };
  applySlaProfile(state, info);
  return { info, initialSyncDoneAt: syncStart + context.taskDelayMs() };
}

/** With an SLA profile, its RPO, retention and data connection type are the replication's. */
function applySlaProfile(state: VcdaState, info: VcdaReplicationInfo): void {
  const profile = state.slaProfiles.find((candidate) => candidate.id === info.settings.slaProfileId);
  if (!profile) return;
  info.settings.rpo = profile.rpo;
  info.settings.retentionPolicy = profile.retentionPolicy;
  info.settings.dataConnectionType = profile.dataConnectionType;
}

// ------------------------------------------------------------------ operations on one replication

export function startOperation(request: VcdaRequest, context: VcdaContext, kind: VcdaTaskKind, payload?: unknown): SimResponse {
  const replication = replicationForOperation(request, context);
  const record = createTask(context, {
    kind,
    site: replication.info.destination.site,
    user: request.session?.user ?? '',
    replicationId: replication.info.id,
    resourceName: replication.info.computerName ?? replication.info.id,
    payload,
    failWith: request.taskError,
  });
  return accepted(record);
}

export const reconfigureVmReplication: VcdaHandler = (request, context) => {
  const body = (request.body ?? {}) as VcdaReconfigureBody;
  requireSlaProfile(context.state, body.slaProfileId);
  return startOperation(request, context, 'reconfigure', body);
};

export const changeVmReplicationStorageProfile: VcdaHandler = (request, context) => {
  const replication = replicationForOperation(request, context);
  const { storageProfileId } = request.body as { storageProfileId: string };
  const vdc = requireVdc(context.state, replication.info.destination.site, replication.info.destination.vdcId ?? '');
  requireStorageProfile(vdc, storageProfileId);
  return startOperation(request, context, 'storageProfile', { storageProfileId });
};

export const syncVmReplication: VcdaHandler = (request, context) => {
  const replication = replicationForOperation(request, context);
  if (replication.info.isPaused === true) throw badRequest(`VM replication '${replication.info.id}' is paused: resume it before a sync.`, [replication.info.id]);
  return startOperation(request, context, 'sync');
};

export const pauseVmReplication: VcdaHandler = (request, context) => startOperation(request, context, 'pause');
export const resumeVmReplication: VcdaHandler = (request, context) => startOperation(request, context, 'resume');
/** A replication under a test failover keeps its test image until the test is cleaned up: its delete is refused until then. */
export const deleteVmReplication: VcdaHandler = (request, context) => {
  const replication = replicationForOperation(request, context);
  const recovery = replication.info.destinationState?.recoveryInfo?.recoveryState;
  if (recovery === 'TEST' || recovery === 'IN_PROGRESS') {
    throw badRequest(`VM replication '${replication.info.id}' has a test failover (${recovery}): clean it up first (DELETE /vm-replications/${replication.info.id}/failover-test).`, [replication.info.id]);
  }
  return startOperation(request, context, 'delete');
};

// ------------------------------------------------------------------ task completion and lifecycle

function reconfigure(state: VcdaState, info: VcdaReplicationInfo, body: VcdaReconfigureBody): void {
  const { settings } = info;
  if (body.description !== undefined) settings.description = body.description;
  if (body.rpo !== undefined && body.rpo !== null) settings.rpo = body.rpo;
  if (body.quiesced !== undefined && body.quiesced !== null) settings.quiesced = body.quiesced;
  if (body.dataConnectionType !== undefined) settings.dataConnectionType = body.dataConnectionType;
  if (body.retentionPolicy !== undefined) settings.retentionPolicy = body.retentionPolicy;
  if (body.initialSyncTime !== undefined) settings.initialSyncTime = body.initialSyncTime;
  if (body.slaProfileId !== undefined) settings.slaProfileId = body.slaProfileId;
  applySlaProfile(state, info);
}

/** Instances kept per replication: its retention rules' total, at least one (the latest). */
function retainedCount(info: VcdaReplicationInfo): number {
  const rules = info.settings.retentionPolicy?.rules ?? [];
  return Math.max(1, rules.reduce((total, rule) => total + (rule.numberOfInstances ?? 0), 0));
}

/** A new point in time on the destination: the latest instance moves on, the RPO is met again; older ones are retained by the rules. */
export function recordInstance(replication: SimVcdaReplication, at: number): void {
  const { info } = replication;
  const previous = info.destinationState?.latestInstance as { sequenceNumber?: number } | null | undefined;
  const sequenceNumber = (previous?.sequenceNumber ?? 0) + 1;
  const key = `instance-${sequenceNumber}`;
  info.destinationState = {
    ...info.destinationState,
    state: 'IDLE',
    stateAge: 0,
    currentRpoViolation: 0,
    latestInstance: { key, sequenceNumber, timestamp: at, transferBytes: 0, transferSeconds: 0, isPinned: false, quiescedType: info.settings.quiesced ? 'QUIESCED' : 'NOT_QUIESCED' },
  };
  replication.instances = [...(replication.instances ?? []), { key, timestamp: at }].slice(-retainedCount(info));
}

function applyCompletion(context: VcdaContext, record: SimVcdaTaskRecord, replication: SimVcdaReplication, completedAt: number): void {
  const { info } = replication;
  switch (record.kind) {
    case 'reconfigure':
      reconfigure(context.state, info, record.payload as VcdaReconfigureBody);
      break;
    case 'storageProfile':
      info.destination.storageProfile = (record.payload as { storageProfileId: string }).storageProfileId;
      break;
    case 'pause':
      info.isPaused = true;
      break;
    case 'resume':
      info.isPaused = false;
      break;
    case 'sync':
      recordInstance(replication, completedAt);
      break;
    default:
      break;
  }
  info.lastUpdated = completedAt;
}

/** The engine's completion hook: the task's effect, and its result (the replication as it is now). */
export function completeTask(context: VcdaContext, record: SimVcdaTaskRecord, completedAt: number): void {
  const { state } = context;
  if (record.kind === 'start') {
    const replication = newReplication(context, record, completedAt);
    state.replications.push(replication);
    setResult(record, replication.info);
    return;
  }
  const replication = findReplication(state, record.replicationId);
  if (record.kind === 'delete') {
    state.replications = state.replications.filter((candidate) => candidate !== replication);
    record.task.resultType = null;
    return;
  }
  applyCompletion(context, record, replication, completedAt);
  setResult(record, replication.info);
}

function setResult(record: SimVcdaTaskRecord, info: VcdaReplicationInfo): void {
  record.task.result = JSON.parse(JSON.stringify(info)) as unknown;
  record.task.resultType = 'SingleVmReplicationInfo';
}

/** Ends due initial syncs (healthy, a first instance); true when anything changed. */
export function advanceReplications(state: VcdaState, now: number): boolean {
  let changed = false;
  for (const replication of state.replications) {
    const due = replication.initialSyncDoneAt;
    if (due === null || due > now || replication.info.isPaused === true) continue;
    replication.initialSyncDoneAt = null;
    replication.info.overallHealth = 'GREEN';
    replication.info.dataConnectionState = 'IDLE';
    replication.info.lastUpdated = due;
    recordInstance(replication, due);
    changed = true;
  }
  return changed;
}

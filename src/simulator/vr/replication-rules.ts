/**
 * Server-side validation of configure / reconfigure specs, the way a real VRMS rejects them: the VM exists and
 * is suitable, the target vCenter is the pairing's remote one, the RPO is within the VM's capability,
 * quiescing / MPIT / compression / encryption only when supported, MPIT instances × days ≤ 24, every disk of
 * the VM listed once (excluded disks with `enabled_for_replication: false`), no unsupported disk enabled,
 * destination datastores, storage policies, seeds and the replication server exist on the target site.
 * A reconfigure lists the disks that replicate (every one of them; a new disk with
 * `enabled_for_replication: true` is added); a disk that does not replicate is left out, and one listed
 * with an invalid destination datastore (an empty id, say) is rejected like any other.
 *
 * Endpoints served: none (used by vr/replications.ts).
 */
import { SimApiError } from '../core/http';
import { badRequest } from './errors';
import { findDatastore, findStoragePolicy, findVm, isSuitableForReplication, replicationForVm, seedsFor } from './inventory';
import type {
  ConfigureReplicationSpec,
  ConfigureReplicationVmDisk,
  ReconfigureReplicationSpec,
  ReplicatedVmDisk,
  SimReplicationServer,
  SimVm,
  VmCapabilities,
  VmDisk,
  VrState,
} from './types';

export const MAX_MPIT_INSTANCES = 24;

const invalid = (field: string, message: string): SimApiError => badRequest('VR.INVALID_SPEC', `${field}: ${message}`);

export function validateSettings(
  spec: ReconfigureReplicationSpec,
  capability: VmCapabilities,
  vmName: string,
  field: string,
): void {
  const minRpo = capability.min_rpo_mins ?? 5;
  if (spec.rpo < minRpo) {
    throw invalid(`${field}.rpo`, `RPO ${spec.rpo} minutes is below the minimum RPO of ${minRpo} minutes supported by VM '${vmName}' (min_rpo_mins).`);
  }
  const unsupported: Array<[boolean | undefined, boolean | undefined, string, string]> = [
    [spec.quiesce_enabled, capability.quiescing_supported, 'quiesce_enabled', 'guest OS quiescing'],
    [spec.network_compression_enabled, capability.network_compression_supported, 'network_compression_enabled', 'network compression'],
    [spec.mpit_enabled, capability.mpit_supported, 'mpit_enabled', 'multiple point-in-time instances'],
    [spec.lwd_encryption_enabled, capability.lwd_encryption_supported, 'lwd_encryption_enabled', 'encryption of replication traffic'],
    [spec.auto_replicate_new_disks, capability.auto_replicate_new_disks_supported, 'auto_replicate_new_disks', 'automatic replication of new disks'],
  ];
  for (const [enabled, supported, name, feature] of unsupported) {
    if (enabled === true && supported === false) {
      throw invalid(`${field}.${name}`, `VM '${vmName}' does not support ${feature}.`);
    }
  }
  validateMpit(spec, field);
}

function validateMpit(spec: ReconfigureReplicationSpec, field: string): void {
  if (!spec.mpit_enabled) return;
  const instances = spec.mpit_instances ?? 0;
  const days = spec.mpit_days ?? 0;
  if (instances < 1 || days < 1) {
    throw invalid(`${field}.mpit_instances`, `with mpit_enabled, mpit_instances and mpit_days must be at least 1 (got ${instances} and ${days}).`);
  }
  if (instances * days > MAX_MPIT_INSTANCES) {
    throw invalid(
      `${field}.mpit_instances`,
      `mpit_instances × mpit_days = ${instances} × ${days} = ${instances * days} exceeds the maximum of ${MAX_MPIT_INSTANCES} retained instances.`,
    );
  }
}

/** The VM of a configure spec: exists on the pairing's local vCenter, suitable, not yet replicated. */
export function validateConfigureTarget(
  state: VrState,
  spec: ConfigureReplicationSpec,
  localVcId: string,
  remoteVcId: string,
  field: string,
): SimVm {
  const vm = findVm(state, spec.vm_id);
  if (!vm || vm.vcId !== localVcId) {
    throw invalid(`${field}.vm_id`, `VM '${spec.vm_id}' does not exist on the local vCenter ${localVcId}.`);
  }
  if (spec.target_vc_id !== remoteVcId) {
    throw invalid(`${field}.target_vc_id`, `'${spec.target_vc_id}' is not the remote vCenter of this pairing (expected ${remoteVcId}).`);
  }
  if (replicationForVm(state, vm.vm.id)) {
    throw badRequest('VR.ALREADY_CONFIGURED', `${field}.vm_id: VM '${vm.vm.name}' (${vm.vm.id}) is already configured for replication.`);
  }
  if (!isSuitableForReplication(vm)) {
    const reasons = vm.capability.replication_not_supported_reasons?.join(' ') ?? '';
    throw badRequest('VR.NOT_SUITABLE', `${field}.vm_id: VM '${vm.vm.name}' cannot be replicated (${vm.capability.vm_validation_status}). ${reasons}`.trim());
  }
  return vm;
}

function diskName(disk: VmDisk): string {
  return disk.is_vm_home ? 'VM home' : `'${disk.label ?? ''}' (device_key ${disk.device_key ?? '?'})`;
}

function sameDisk(a: VmDisk, b: VmDisk): boolean {
  if (a.is_vm_home === true || b.is_vm_home === true) return a.is_vm_home === true && b.is_vm_home === true;
  return a.device_key === b.device_key;
}

interface DiskTargetContext {
  state: VrState;
  vm: SimVm;
  targetVcId: string;
  field: string;
}

function validateDiskDestination(context: DiskTargetContext, disk: ConfigureReplicationVmDisk, field: string): void {
  const { state, targetVcId } = context;
  if (!findDatastore(state, targetVcId, disk.destination_datastore_id)) {
    throw invalid(`${field}.destination_datastore_id`, `datastore '${disk.destination_datastore_id}' does not exist on the target vCenter ${targetVcId}.`);
  }
  const policyId = disk.destination_storage_policy_id;
  if (policyId && !findStoragePolicy(state, targetVcId, policyId)) {
    throw invalid(`${field}.destination_storage_policy_id`, `storage policy '${policyId}' does not exist on the target vCenter.`);
  }
  if (disk.use_seeds === true) validateSeed(context, disk, field);
}

function validateSeed(context: DiskTargetContext, disk: ConfigureReplicationVmDisk, field: string): void {
  if (!disk.destination_path) {
    throw invalid(`${field}.destination_path`, 'use_seeds requires destination_path (the seed disk path).');
  }
  const seeds = seedsFor(context.state, disk.destination_datastore_id, context.vm.vm.id, disk.vm_disk.device_key);
  if (!seeds.includes(disk.destination_path)) {
    throw invalid(`${field}.destination_path`, `no seed disk '${disk.destination_path}' for this disk on datastore '${disk.destination_datastore_id}'.`);
  }
}

function replicatedDisk(context: DiskTargetContext, vmDisk: VmDisk, spec: ConfigureReplicationVmDisk): ReplicatedVmDisk {
  if (!spec.enabled_for_replication) return { vm_disk: vmDisk, replicated: false, replica_disk_usage: 0 };
  const datastore = findDatastore(context.state, context.targetVcId, spec.destination_datastore_id);
  const policy = spec.destination_storage_policy_id
    ? findStoragePolicy(context.state, context.targetVcId, spec.destination_storage_policy_id)
    : undefined;
  const seedPath = spec.use_seeds && spec.destination_path ? spec.destination_path : undefined;
  const vmName = context.vm.vm.name;
  const defaultFile = vmDisk.is_vm_home ? `${vmName}.vmx` : vmDisk.source_path?.filename ?? `${vmName}.vmdk`;
  return {
    vm_disk: vmDisk,
    replicated: true,
    destination_path: {
      datastore_id: spec.destination_datastore_id,
      datastore_name: datastore?.datastore.name ?? null,
      path: seedPath ? seedPath.slice(0, seedPath.lastIndexOf('/') + 1) : `${vmName}/`,
      filename: seedPath ? seedPath.slice(seedPath.lastIndexOf('/') + 1) : defaultFile,
    },
    destination_storage_policy_id: policy?.policy.storage_policy_id ?? null,
    destination_storage_policy_name: policy?.policy.storage_policy_name ?? null,
    replica_disk_usage: vmDisk.is_vm_home ? 0 : Math.round((vmDisk.capacity ?? 0) * 1024 * 0.35),
  };
}

/** Checks the disk list against the VM's disks and returns the replicated-disk records. */
export function validateDisks(
  state: VrState,
  vm: SimVm,
  targetVcId: string,
  disks: ConfigureReplicationVmDisk[],
  field: string,
): ReplicatedVmDisk[] {
  const context: DiskTargetContext = { state, vm, targetVcId, field };
  const matched = new Map<VmDisk, ConfigureReplicationVmDisk>();
  disks.forEach((disk, index) => {
    const diskField = `${field}.disks[${index}]`;
    const vmDisk = matchVmDisk(vm, disk.vm_disk, diskField);
    if (matched.has(vmDisk)) throw invalid(`${diskField}.vm_disk`, `disk ${diskName(vmDisk)} is listed twice.`);
    if (disk.enabled_for_replication && vmDisk.supported_for_replication === false) {
      throw invalid(
        `${diskField}.enabled_for_replication`,
        `disk ${diskName(vmDisk)} of VM '${vm.vm.name}' (${vmDisk.controller_label ?? 'controller'}) is not supported for replication; set enabled_for_replication to false.`,
      );
    }
    if (vmDisk.is_vm_home && !disk.enabled_for_replication) {
      throw invalid(`${diskField}.enabled_for_replication`, 'the VM home cannot be excluded from replication.');
    }
    validateDiskDestination(context, disk, diskField);
    matched.set(vmDisk, disk);
  });
  const missing = vm.vm.disks.filter((vmDisk) => !matched.has(vmDisk));
  if (missing.length > 0) {
    throw invalid(
      `${field}.disks`,
      `disk ${diskName(missing[0])} of VM '${vm.vm.name}' is missing; list every disk of the VM (use enabled_for_replication: false to exclude one).`,
    );
  }
  return vm.vm.disks.map((vmDisk) => replicatedDisk(context, vmDisk, matched.get(vmDisk) as ConfigureReplicationVmDisk));
}

function matchVmDisk(vm: SimVm, listed: VmDisk, field: string): VmDisk {
  const vmDisk = vm.vm.disks.find((candidate) => sameDisk(candidate, listed));
  if (!vmDisk) throw invalid(`${field}.vm_disk`, `VM '${vm.vm.name}' has no disk with device_key ${listed.device_key ?? '(none)'}.`);
  return vmDisk;
}

function isReplicated(current: readonly ReplicatedVmDisk[], vmDisk: VmDisk): boolean {
  return current.some((disk) => disk.replicated === true && disk.vm_disk !== undefined && sameDisk(disk.vm_disk, vmDisk));
}

/**
 * A reconfigure's disk list: every disk that replicates now, each once, with a valid destination; a disk
 * that does not replicate yet may be added (when the VM supports disk reconfiguration), never one that is
 * replicated taken away. Returns the replicated-disk records after the reconfigure.
 */
export function validateReconfigureDisks(
  state: VrState,
  vm: SimVm,
  targetVcId: string,
  current: readonly ReplicatedVmDisk[],
  disks: ConfigureReplicationVmDisk[],
  field: string,
): ReplicatedVmDisk[] {
  const context: DiskTargetContext = { state, vm, targetVcId, field };
  const listed = new Map<VmDisk, ConfigureReplicationVmDisk>();
  disks.forEach((disk, index) => {
    const diskField = `${field}.disks[${index}]`;
    const vmDisk = matchVmDisk(vm, disk.vm_disk, diskField);
    if (listed.has(vmDisk)) throw invalid(`${diskField}.vm_disk`, `disk ${diskName(vmDisk)} is listed twice.`);
    const replicated = isReplicated(current, vmDisk);
    if (!disk.enabled_for_replication && replicated) {
      throw invalid(`${diskField}.enabled_for_replication`, `disk ${diskName(vmDisk)} is replicated; a reconfigure cannot stop replicating a disk.`);
    }
    if (disk.enabled_for_replication && !replicated) validateAddedDisk(vm, vmDisk, diskField);
    validateDiskDestination(context, disk, diskField);
    listed.set(vmDisk, disk);
  });
  const missing = vm.vm.disks.find((vmDisk) => isReplicated(current, vmDisk) && !listed.has(vmDisk));
  if (missing) {
    throw invalid(`${field}.disks`, `disk ${diskName(missing)} of VM '${vm.vm.name}' is replicated and missing; a reconfigure lists every replicated disk.`);
  }
  return vm.vm.disks.map((vmDisk) => {
    const spec = listed.get(vmDisk);
    if (spec?.enabled_for_replication) return replicatedDisk(context, vmDisk, spec);
    return current.find((disk) => disk.vm_disk !== undefined && sameDisk(disk.vm_disk, vmDisk)) ?? { vm_disk: vmDisk, replicated: false, replica_disk_usage: 0 };
  });
}

function validateAddedDisk(vm: SimVm, vmDisk: VmDisk, field: string): void {
  if (vmDisk.supported_for_replication === false) {
    throw invalid(`${field}.enabled_for_replication`, `disk ${diskName(vmDisk)} of VM '${vm.vm.name}' is not supported for replication.`);
  }
  if (vm.capability.reconfigure_vm_disks_supported === false) {
    throw invalid(`${field}.enabled_for_replication`, `VM '${vm.vm.name}' does not support adding disks to its replication (reconfigure_vm_disks_supported).`);
  }
}

/** The requested target replication server (must be on the remote VRMS), or the least loaded one when null. */
export function chooseReplicationServer(
  state: VrState,
  remoteVrmsId: string,
  requestedId: string | null | undefined,
  field: string,
): SimReplicationServer {
  const candidates = state.replicationServers.filter((entry) => entry.vrmsId === remoteVrmsId && entry.server.connected !== false);
  if (requestedId) {
    const requested = candidates.find((entry) => entry.server.id === requestedId);
    if (!requested) {
      throw invalid(`${field}.target_replication_server_id`, `replication server '${requestedId}' is not a connected replication server of the target site.`);
    }
    return requested;
  }
  const leastLoaded = [...candidates].sort((a, b) => (a.server.replication_count ?? 0) - (b.server.replication_count ?? 0))[0];
  if (!leastLoaded) throw new SimApiError(500, 'VR.NO_REPLICATION_SERVER', 'No replication server is available on the target site.');
  return leastLoaded;
}

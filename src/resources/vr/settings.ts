/**
 * Replication settings: capability checks, the mapping between our snake_case settings and the VR API's
 * field names (which differ between ConfigureReplicationSpec and ReplicationInfo), and the settings a diff compares.
 */
import type {
  ConfigureReplicationVmDisk,
  ReconfigureReplicationSpec,
  ReplicatedVmDisk,
  ReplicationInfo,
  VmCapabilities,
  VmDisk,
} from '../../../lib/client/vr/types';
import type { Change } from '../contract';
import { settingsChanges as changesOf } from '../core/diff';
import { InputError } from '../errors';
import type { VrDiskFormat } from './limits';
import type { VrReplicationSettings } from './replication/schema';

/** Rejects settings the VM cannot have, before anything is changed on the server. */
export function checkCapability(vmName: string, capability: VmCapabilities, settings: VrReplicationSettings): void {
  const status = capability.vm_validation_status;
  if (status !== undefined && status !== 'OK' && status !== 'ALREADY_CONFIGURED') {
    const reasons = capability.replication_not_supported_reasons ?? [];
    const why = reasons.length > 0 ? `: ${reasons.join('; ')}` : '';
    throw new InputError('vm', `${vmName} cannot be replicated (validation status ${status})${why}`);
  }
  const minRpo = capability.min_rpo_mins ?? 5;
  if (settings.rpo_minutes < minRpo) {
    throw new InputError('settings.rpo_minutes', `${vmName} supports an RPO of at least ${minRpo} minutes, got ${settings.rpo_minutes}`);
  }
  const unsupported: [boolean, string, boolean | undefined][] = [
    [settings.quiescing, 'settings.quiescing', capability.quiescing_supported],
    [settings.point_in_time !== null, 'settings.point_in_time', capability.mpit_supported],
    [settings.network_compression, 'settings.network_compression', capability.network_compression_supported],
    [settings.encryption, 'settings.encryption', capability.lwd_encryption_supported],
    [settings.auto_replicate_new_disks, 'settings.auto_replicate_new_disks', capability.auto_replicate_new_disks_supported],
  ];
  for (const [wanted, field, supported] of unsupported) {
    if (wanted && supported === false) {
      throw new InputError(field, `${vmName} does not support this (capability reports false); allowed: false, got true`);
    }
  }
}

/** The settings a live replication reports, in our terms: a field the server did not report is absent (unknown). */
export type LiveSettings = Partial<VrReplicationSettings>;

/** The settings a live replication reports; nothing is made up for a field the server left out (no `rpo: 0`). */
export function settingsOf(info: ReplicationInfo): LiveSettings {
  const reported: LiveSettings = {
    rpo_minutes: numberOrUnknown(info.rpo),
    point_in_time: pointInTimeOf(info),
    quiescing: booleanOrUnknown(info.quiescing_enabled),
    network_compression: booleanOrUnknown(info.network_compression_enabled),
    encryption: booleanOrUnknown(info.encryption_enabled),
    auto_replicate_new_disks: booleanOrUnknown(info.auto_replicate_new_disks_enabled),
  };
  return Object.fromEntries(Object.entries(reported).filter(([, value]) => value !== undefined));
}

function numberOrUnknown(value: number | null | undefined): number | undefined {
  return typeof value === 'number' ? value : undefined;
}

function booleanOrUnknown(value: boolean | null | undefined): boolean | undefined {
  return typeof value === 'boolean' ? value : undefined;
}

/** Off (`null`) only when the server says so; on with both counts reported; anything else is unknown. */
function pointInTimeOf(info: ReplicationInfo): VrReplicationSettings['point_in_time'] | undefined {
  if (info.mpit_enabled === false) return null;
  const instances = numberOrUnknown(info.mpit_instances);
  const days = numberOrUnknown(info.mpit_days);
  if (info.mpit_enabled !== true || instances === undefined || days === undefined) return undefined;
  return { instances_per_day: instances, days };
}

/**
 * The API's settings fields, shared by configure and reconfigure specs: the code's values only. The point-in-time
 * counts (optional in the API) are sent only when point-in-time is on: a 0 for them would be made up.
 */
export function apiSettings(settings: VrReplicationSettings) {
  const pointInTime = settings.point_in_time;
  return {
    rpo: settings.rpo_minutes,
    quiesce_enabled: settings.quiescing,
    network_compression_enabled: settings.network_compression,
    mpit_enabled: pointInTime !== null,
    ...(pointInTime !== null ? { mpit_instances: pointInTime.instances_per_day, mpit_days: pointInTime.days } : {}),
    auto_replicate_new_disks: settings.auto_replicate_new_disks,
    lwd_encryption_enabled: settings.encryption,
  };
}

/** The settings a reconfigure changes, in the order the review words them. */
const COMPARED: readonly (keyof VrReplicationSettings)[] = ['rpo_minutes', 'point_in_time', 'quiescing', 'network_compression', 'encryption', 'auto_replicate_new_disks'];

/** In-place differences between wanted and live settings (core/diff); a setting the server did not report is unknown. */
export function settingsChanges(wanted: VrReplicationSettings, live: LiveSettings): Change[] {
  return changesOf(COMPARED, wanted, live);
}

/**
 * A reconfigure carries exactly the disks that replicate, each with the datastore and storage policy it
 * replicates to now: a disk that is not replicated (excluded, or unsupported) is left out — listing it would
 * need a destination it does not have. Nothing is made up for a disk: when the server does not say whether a
 * disk replicates, or where to, the reconfigure is refused before it is sent (leaving the disk out would stop
 * its replication); a storage policy it does not report is left out of the body rather than sent as `null`
 * (which means "the datastore's default policy").
 */
export function reconfigureSpec(vm: string, settings: VrReplicationSettings, disks: readonly ReplicatedVmDisk[], diskFormat: VrDiskFormat): ReconfigureReplicationSpec {
  const vmDisks: ConfigureReplicationVmDisk[] = disks
    .filter((disk): disk is ReplicatedVmDisk & { vm_disk: VmDisk } => disk.vm_disk !== undefined && replicates(vm, disk))
    .map((disk) => ({
      vm_disk: disk.vm_disk,
      enabled_for_replication: true,
      use_seeds: false,
      destination_path: null,
      destination_datastore_id: destinationDatastore(vm, disk),
      ...(disk.destination_storage_policy_id !== undefined ? { destination_storage_policy_id: disk.destination_storage_policy_id } : {}),
      destination_disk_format: diskFormat,
    }));
  return { ...apiSettings(settings), disks: vmDisks };
}

function unreported(vm: string, disk: ReplicatedVmDisk, what: string): Error {
  const label = disk.vm_disk ? diskName(disk.vm_disk) : '?';
  return new Error(`${vm}, disk ${JSON.stringify(label)}: the server does not report ${what}, which a reconfigure must name: nothing was changed (check the replication's disks in the vSphere Client)`);
}

function diskName(disk: VmDisk): string {
  return disk.is_vm_home ? 'VM home' : (disk.label ?? String(disk.device_key ?? '?'));
}

function replicates(vm: string, disk: ReplicatedVmDisk): boolean {
  if (typeof disk.replicated !== 'boolean') throw unreported(vm, disk, 'whether it replicates (`replicated`)');
  return disk.replicated;
}

function destinationDatastore(vm: string, disk: ReplicatedVmDisk): string {
  const id = disk.destination_path?.datastore_id;
  if (typeof id !== 'string' || id === '') throw unreported(vm, disk, 'the destination datastore (`destination_path.datastore_id`)');
  return id;
}

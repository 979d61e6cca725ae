/**
 * Replication settings: capability checks, the mapping between our snake_case settings and the VR API's
 * field names (which differ between ConfigureReplicationSpec and ReplicationInfo), and settings diffs (worded
 * by the kind's review profile).
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
import { InputError } from '../errors';
import type { VrDiskFormat } from './limits';
import type { Json } from '../review-profile';
import { vrReplicationWording } from './replication/review';
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

/** The settings a live replication has, in our terms. */
export function settingsOf(info: ReplicationInfo): VrReplicationSettings {
  const mpit = info.mpit_enabled === true;
  return {
    rpo_minutes: info.rpo ?? 0,
    point_in_time: mpit ? { instances_per_day: info.mpit_instances ?? 0, days: info.mpit_days ?? 0 } : null,
    quiescing: info.quiescing_enabled === true,
    network_compression: info.network_compression_enabled === true,
    encryption: info.encryption_enabled === true,
    auto_replicate_new_disks: info.auto_replicate_new_disks_enabled === true,
  };
}

/** The API's settings fields, shared by configure and reconfigure specs. */
export function apiSettings(settings: VrReplicationSettings) {
  return {
    rpo: settings.rpo_minutes,
    quiesce_enabled: settings.quiescing,
    network_compression_enabled: settings.network_compression,
    mpit_enabled: settings.point_in_time !== null,
    mpit_instances: settings.point_in_time?.instances_per_day ?? 0,
    mpit_days: settings.point_in_time?.days ?? 0,
    auto_replicate_new_disks: settings.auto_replicate_new_disks,
    lwd_encryption_enabled: settings.encryption,
  };
}

/**
 * In-place differences between wanted and live settings: the review's field words compare them (one
 * implementation). Each is named by its setting; a value that is not a plain scalar is given in words (`3×1`).
 */
export function settingsChanges(wanted: VrReplicationSettings, live: VrReplicationSettings): Change[] {
  const valueOf = (path: string, value: Json): unknown => (value !== null && typeof value !== 'object' ? value : vrReplicationWording.value(path, value));
  return vrReplicationWording.changes({ settings: live }, { settings: wanted }).map((change) => ({
    field: change.field.replace(/^settings\./, ''),
    from: valueOf(change.field, change.from),
    to: valueOf(change.field, change.to),
    effect: 'in-place',
  }));
}

export function describeChanges(changes: readonly Change[]): string {
  return changes.map((change) => `${change.field} ${String(change.from)} → ${String(change.to)}`).join(', ');
}

/**
 * A reconfigure carries exactly the disks that replicate, each with the datastore and storage policy it
 * replicates to now: a disk that is not replicated (excluded, or unsupported) is left out — listing it would
 * need a destination it does not have.
 */
export function reconfigureSpec(settings: VrReplicationSettings, disks: readonly ReplicatedVmDisk[], diskFormat: VrDiskFormat): ReconfigureReplicationSpec {
  const vmDisks: ConfigureReplicationVmDisk[] = disks
    .filter((disk): disk is ReplicatedVmDisk & { vm_disk: VmDisk } => disk.vm_disk !== undefined && disk.replicated === true)
    .map((disk) => ({
      vm_disk: disk.vm_disk,
      enabled_for_replication: true,
      use_seeds: false,
      destination_path: null,
      destination_datastore_id: disk.destination_path?.datastore_id ?? '',
      destination_storage_policy_id: disk.destination_storage_policy_id ?? null,
      destination_disk_format: diskFormat,
    }));
  return { ...apiSettings(settings), disks: vmDisks };
}

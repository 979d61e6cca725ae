/**
 * Adoption checks for vcda.replication: an existing replication of the VM is taken as the code's only when every
 * identity field matches — the destination site and vDC, the excluded disks, the target disk type. The source
 * site and VM are the natural key the replication was found by.
 *
 * Calls no endpoint.
 */
import type { VcdaReplication } from '../../../../lib/client/vcda/types';
import { InputError } from '../../errors';
import { identityMismatchError } from '../../adoption';
import type { VcdaReplicationSpec } from './schema';

function quoted(value: unknown): string {
  return JSON.stringify(value) ?? 'nothing';
}

function sortedKeys(keys: readonly number[] | null | undefined): number[] {
  return [...(keys ?? [])].sort((a, b) => a - b);
}

/** Every way the live replication differs from the code in what it replicates where; empty = adoptable. */
export function identityDifferences(spec: VcdaReplicationSpec, live: VcdaReplication): string[] {
  const differences: string[] = [];
  const dest = live.destination;
  if (dest.site !== spec.destination.site) differences.push(`destination site ${quoted(dest.site)} (code: ${quoted(spec.destination.site)})`);
  if (dest.vdcId !== spec.destination.vdc && dest.vdcName !== spec.destination.vdc) {
    differences.push(`destination vDC ${quoted(dest.vdcName ?? dest.vdcId)} (code: ${quoted(spec.destination.vdc)})`);
  }
  const excluded = sortedKeys(live.settings.excludedDiskKeys);
  const wanted = sortedKeys(spec.exclude_disk_keys);
  if (JSON.stringify(excluded) !== JSON.stringify(wanted)) differences.push(`excluded disks ${quoted(excluded)} (code: ${quoted(wanted)})`);
  const diskType = live.settings.targetDiskType ?? 'THIN';
  if (diskType !== spec.target_disk_type) differences.push(`target disk type ${quoted(diskType)} (code: ${quoted(spec.target_disk_type)})`);
  return differences;
}

export function vcdaIdentityMismatch(spec: VcdaReplicationSpec, live: VcdaReplication, differences: readonly string[]): InputError {
  return identityMismatchError(
    'destination',
    `VM ${spec.source.vm_id}`,
    `replication ${live.id}`,
    differences,
    'remove that replication (in VCDA, deleting it deletes its replica)',
  );
}

/**
 * This code's own replication of the VM, replicating elsewhere than the code now says (a replace whose delete
 * paused and kept the old one): VCDA keeps one replication per VM, so the new one cannot start beside it.
 */
export function vcdaStillReplicated(spec: VcdaReplicationSpec, live: VcdaReplication, differences: readonly string[]): InputError {
  const state = live.isPaused === true ? 'paused and kept' : 'running';
  return new InputError(
    'destination',
    `VM ${spec.source.vm_id} is still replicated by this code (replication ${live.id}, ${state}), and not the way the code now says: ${differences.join('; ')}. ` +
      'VCDA allows one replication per VM, so the new one cannot start beside it. To move it, delete the old one with its replica ' +
      `(set on_delete.delete_replica: true and apply before changing the destination, or DELETE /vm-replications/${live.id}) and apply again, ` +
      `which starts a full sync; or change the code back: the next apply resumes replication ${live.id}`,
  );
}

/**
 * Adoption checks for vr.replication: an existing replication is taken as the code's only when every
 * identity field matches — which disks replicate, the datastore and storage policy of each, the replication
 * server when the code names one, the target site. Anything else would hide an unprotected disk or a
 * replica in the wrong place behind "settings already match".
 *
 * @api VR GET /pairings/{pairing_id}/replications/{replication_id}/disks
 * (and the storage-policy look-up of resolve.ts)
 */
import type { VrClient } from '../../../lib/client/vr/vr-client';
import type { Datastore, Pairing, ReplicatedVmDisk, ReplicationInfo, VmDisk } from '../../../lib/client/vr/types';
import { identityMismatchError } from '../adoption';
import type { InputError } from '../errors';
import type { VrReplicationSpec } from './replication/schema';
import * as resolve from './resolve';

const DEFAULT_POLICY = 'the datastore default';

function sameDisk(a: VmDisk, b: VmDisk): boolean {
  if (a.is_vm_home === true || b.is_vm_home === true) return a.is_vm_home === true && b.is_vm_home === true;
  return a.device_key === b.device_key;
}

function datastoreOf(disk: ReplicatedVmDisk): string {
  return disk.destination_path?.datastore_name ?? disk.destination_path?.datastore_id ?? '?';
}

interface Wanted {
  readonly vmName: string;
  readonly datastore: Datastore;
  readonly policyId: string | null;
  readonly policyName: string;
}

/** "disks \"Hard disk 1\", \"Hard disk 2\" replicate to …": one line per difference, however many disks share it. */
function grouped(entries: readonly { readonly label: string; readonly text: string }[]): string[] {
  const byText = new Map<string, string[]>();
  for (const { label, text } of entries) byText.set(text, [...(byText.get(text) ?? []), JSON.stringify(label)]);
  return [...byText].map(([text, labels]) => `${labels.length > 1 ? 'disks' : 'disk'} ${labels.join(', ')} ${text}`);
}

function diskDifferences(wanted: Wanted, spec: VrReplicationSpec, live: readonly ReplicatedVmDisk[]): string[] {
  const vmDisks = live.map((disk) => disk.vm_disk).filter((disk): disk is VmDisk => disk !== undefined);
  const entries: { label: string; text: string }[] = [];
  for (const { disk, enabled } of resolve.chooseDisks(wanted.vmName, vmDisks, spec.exclude_disks)) {
    const label = resolve.diskLabel(disk);
    const actual = live.find((candidate) => candidate.vm_disk !== undefined && sameDisk(candidate.vm_disk, disk));
    const replicated = actual?.replicated === true;
    if (replicated !== enabled) {
      entries.push({ label, text: `${replicated ? 'replicated' : 'not replicated'} (code: ${enabled ? 'replicated' : 'excluded'})` });
    }
    if (!actual || !replicated || !enabled) continue;
    if (actual.destination_path?.datastore_id !== wanted.datastore.id) {
      entries.push({ label, text: `on datastore ${JSON.stringify(datastoreOf(actual))} (code: ${JSON.stringify(spec.target.datastore)})` });
    }
    if ((actual.destination_storage_policy_id ?? null) !== wanted.policyId) {
      const policy = actual.destination_storage_policy_name ?? actual.destination_storage_policy_id ?? DEFAULT_POLICY;
      entries.push({ label, text: `with storage policy ${JSON.stringify(policy)} (code: ${JSON.stringify(wanted.policyName)})` });
    }
  }
  return grouped(entries);
}

function replicationDifferences(spec: VrReplicationSpec, info: ReplicationInfo, pairing: Pairing): string[] {
  const differences: string[] = [];
  const server = spec.target.replication_server;
  if (server !== null && info.replication_server_name !== undefined && info.replication_server_name !== server) {
    differences.push(`replication server ${JSON.stringify(info.replication_server_name)} (code: ${JSON.stringify(server)})`);
  }
  const targetVc = info.target_vc_id;
  if (targetVc !== undefined && targetVc !== resolve.remoteVcId(pairing)) {
    differences.push(`target site ${JSON.stringify(info.target_site_name ?? targetVc)} (code: ${JSON.stringify(resolve.remoteSiteName(pairing))})`);
  }
  return differences;
}

/** Every way the live replication differs from the code in what it replicates where; empty = adoptable. */
export async function identityDifferences(
  client: VrClient,
  pairing: Pairing,
  spec: VrReplicationSpec,
  info: ReplicationInfo,
  datastore: Datastore,
): Promise<string[]> {
  const pairingId = pairing.pairing_id ?? '';
  const [disks, policyId] = await Promise.all([
    client.getReplicatedDisks(pairingId, info.id ?? ''),
    resolve.resolveStoragePolicy(client, pairing, spec.target.storage_policy),
  ]);
  const wanted: Wanted = { vmName: info.name ?? '?', datastore, policyId, policyName: spec.target.storage_policy ?? DEFAULT_POLICY };
  return [...diskDifferences(wanted, spec, disks), ...replicationDifferences(spec, info, pairing)];
}

/** The error for an existing replication whose identity differs from the code: what differs, and the two ways out. */
export function identityMismatch(vm: string, info: ReplicationInfo, differences: readonly string[]): InputError {
  return identityMismatchError('target', vm, `replication ${info.id ?? '?'}`, differences, 'remove that replication (replica disks can be kept)');
}

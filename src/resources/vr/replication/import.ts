/**
 * Import of a `vr.replication`: the replication an import id names — its id, or the name of its VM (what a DR
 * engineer knows) — looked up on every pairing of the provider's connection, and read whole: where it replicates
 * (the target datastore and storage policy of its disks, the disks left out) and how (its settings), as a
 * configuration that declares it would hold it.
 *
 * @api VR GET /pairings
 * @api VR GET /pairings/{pairing_id}/replications   (filtered on the id, else on the VM's name)
 * @api VR GET /pairings/{pairing_id}/replications/{replication_id}/disks
 */
import type { VrClient } from '../../../../lib/client/vr/vr-client';
import type { Pairing, ReplicatedVmDisk, ReplicationInfo } from '../../../../lib/client/vr/types';
import type { Context, ImportLookup } from '../../contract';
import { importerOf, missing } from '../../core/import';
import { InputError, listForMessage } from '../../errors';
import { vrClient } from '../client';
import { connectionSpecSchema, type ConnectionSpec } from '../connection';
import { diskLabel, remoteSiteName } from '../resolve';
import { settingsOf } from '../settings';
import { ownershipKey, toState } from './handler';

interface Found {
  readonly pairing: Pairing;
  readonly info: ReplicationInfo;
}

/** The replications the id names on the pairings: by id first, by VM name when no id matches. */
async function lookUp(client: VrClient, pairings: readonly Pairing[], id: string): Promise<Found[]> {
  const inEach = async (find: (pairingId: string) => Promise<ReplicationInfo[]>): Promise<Found[]> =>
    (await Promise.all(pairings.map(async (pairing) => (await find(pairing.pairing_id ?? '')).map((info) => ({ pairing, info }))))).flat();
  const byId = await inEach(async (pairingId) => {
    const info = await client.findReplicationById(pairingId, id);
    return info ? [info] : [];
  });
  return byId.length > 0 ? byId : inEach((pairingId) => client.findReplicationsOfVm(pairingId, { id: null, name: id }));
}

/** The disks' common target: the datastore (and storage policy) of the first replicated disk. */
function targetOf(disks: readonly ReplicatedVmDisk[]) {
  const replicated = disks.find((disk) => disk.replicated === true && disk.destination_path !== undefined);
  return {
    datastore: replicated?.destination_path?.datastore_name ?? replicated?.destination_path?.datastore_id ?? null,
    storage_policy: replicated?.destination_storage_policy_name ?? null,
    replication_server: null,
    disk_format: 'SAME_AS_SOURCE',
  };
}

/** The data disks the replication leaves out, by label. */
function excludedDisks(disks: readonly ReplicatedVmDisk[]): string[] {
  return disks.flatMap((disk) => (disk.vm_disk !== undefined && disk.vm_disk.is_vm_home !== true && disk.replicated !== true ? [diskLabel(disk.vm_disk)] : []));
}

async function readWhole(client: VrClient, connection: ConnectionSpec, { pairing, info }: Found, ctx: Context): Promise<ImportLookup> {
  const disks = await client.getReplicatedDisks(pairing.pairing_id ?? '', info.id ?? '');
  const identity = {
    pairing: { id: null, remote_site: remoteSiteName(pairing) },
    vm: { id: null, name: info.name ?? null },
    target: targetOf(disks),
    exclude_disks: excludedDisks(disks),
  };
  const owner = ctx.ownership?.ownerOf(ownershipKey({ connection, ...identity })) ?? null;
  const state = toState(info, pairing);
  return { found: { spec: { ...identity, settings: settingsOf(info), owner }, state: owner === null ? state : { ...state, owner } } };
}

async function read(id: string, connection: ConnectionSpec, ctx: Context): Promise<ImportLookup> {
  const client = ctx.clients.get(vrClient, connection);
  const pairings = await client.listPairings({ fresh: true });
  const found = await lookUp(client, pairings, id);
  if (found.length > 1) {
    const sites = found.map((f) => `${remoteSiteName(f.pairing)} (replication ${f.info.id ?? '?'})`);
    throw new InputError('id', `VM ${JSON.stringify(id)} is replicated on more than one pairing: ${listForMessage(sites)}; import it by its replication id`);
  }
  if (found.length === 0) {
    const sites = pairings.map((p) => `${remoteSiteName(p)} (${p.pairing_id ?? '?'})`);
    return missing(`no replication with this id, nor of a VM with this name, on the ${pairings.length} pairing(s) of ${connection.endpoint}: ${listForMessage(sites)}`);
  }
  return readWhole(client, connection, found[0], ctx);
}

export const vrReplicationImporter = importerOf(connectionSpecSchema, 'a replication id, or the name of its VM', read);

/**
 * Name → id resolution for vSphere Replication: pairings, VMs, disks, datastores, storage policies and
 * replication servers, with one-line errors that list what exists.
 *
 * @api VR GET  /pairings
 * @api VR GET  /pairings/{pairing_id}
 * @api VR GET  /pairings/{pairing_id}/vcenters/{vcenter_id}/vms
 * @api VR GET  /pairings/{pairing_id}/vcenters/{vcenter_id}/vms/{vm_id}/disks
 * @api VR GET  /pairings/{pairing_id}/vcenters/{vcenter_id}/vms/{vm_id}/capability (also to say why a VM is unsuitable)
 * @api VR GET  /pairings/{pairing_id}/vcenters/{vcenter_id}/datastores
 * @api VR GET  /pairings/{pairing_id}/vcenters/{vcenter_id}/storage-policies
 * @api VR POST /pairings/{pairing_id}/vcenters/{vcenter_id}/storage-policies/{id}/actions/check-compliance
 * @api VR GET  /pairings/{pairing_id}/vrs
 * @api VR GET  /pairings/{pairing_id}/vrs/{vr_id}/replication-servers
 */
import type { VrClient } from '../../../lib/client/vr/vr-client';
import type { Datastore, Pairing, VirtualMachine, VmDisk } from '../../../lib/client/vr/types';
import { InputError, listForMessage } from '../errors';
import type { PairingRef } from './connection';

export function localVcId(pairing: Pairing): string {
  return pairing.local_vc_server?.id ?? '';
}

export function remoteVcId(pairing: Pairing): string {
  return pairing.remote_vc_server?.id ?? '';
}

export function remoteSiteName(pairing: Pairing): string {
  return pairing.remote_vc_server?.name ?? pairing.remote_vrms?.name ?? remoteVcId(pairing);
}

/** Whether the pairing's remote site goes by this name: its vCenter name, VRMS name or vCenter id (case-insensitive). */
export function pairingMatchesSite(pairing: Pairing, site: string): boolean {
  const wanted = site.toLowerCase();
  const names = [pairing.remote_vc_server?.name, pairing.remote_vrms?.name, pairing.remote_vc_server?.id];
  return names.some((name) => typeof name === 'string' && name.toLowerCase() === wanted);
}

function pairingMatches(pairing: Pairing, ref: PairingRef): boolean {
  return ref.id !== null ? pairing.pairing_id === ref.id : pairingMatchesSite(pairing, ref.remote_site ?? '');
}

/**
 * The pairing by id, or by the remote vCenter / VRMS name; `undefined` when there is none. The list may come
 * from the cache shared by concurrent processes; a miss is checked against a fresh list before it counts.
 */
export async function findPairing(client: VrClient, ref: PairingRef): Promise<Pairing | undefined> {
  const { found } = await findInList(client, (options) => client.listPairings(options), (pairing) => pairingMatches(pairing, ref));
  return found;
}

export async function resolvePairing(client: VrClient, ref: PairingRef): Promise<Pairing> {
  const pairing = await findPairing(client, ref);
  if (pairing) return pairing;
  const known = (await client.listPairings({ fresh: true })).map((p) => `${remoteSiteName(p)} (${p.pairing_id ?? '?'})`);
  if (ref.id !== null) throw new InputError('pairing.id', `no pairing with id ${JSON.stringify(ref.id)}; pairings: ${listForMessage(known)}`);
  throw new InputError('pairing.remote_site', `no pairing with remote site ${JSON.stringify(ref.remote_site)}; pairings: ${listForMessage(known)}`);
}

/** The source VM by id or name among the VMs suitable for replication. */
export async function resolveVm(client: VrClient, pairing: Pairing, vm: { id: string | null; name: string | null }): Promise<VirtualMachine> {
  const pairingId = pairing.pairing_id ?? '';
  const vcId = localVcId(pairing);
  const suitable = vm.id === null && vm.name !== null
    ? await client.findSuitableVms(pairingId, vcId, vm.name)
    : await client.listVms(pairingId, vcId, { suitableForReplication: true, ...(vm.name !== null ? { names: [vm.name] } : {}) });
  const found = suitable.find((candidate) => (vm.id !== null ? candidate.id === vm.id : candidate.name === vm.name));
  if (found) return found;
  return Promise.reject(await vmNotFound(client, pairing, vm));
}

async function vmNotFound(client: VrClient, pairing: Pairing, vm: { id: string | null; name: string | null }): Promise<InputError> {
  const field = vm.id !== null ? 'vm.id' : 'vm.name';
  const wanted = vm.id ?? vm.name ?? '';
  const everything = await client.listVms(pairing.pairing_id ?? '', localVcId(pairing), {});
  const unsuitable = everything.find((candidate) => candidate.id === wanted || candidate.name === wanted);
  const site = pairing.local_vc_server?.name ?? localVcId(pairing);
  if (unsuitable) {
    const why = await unsuitableReason(client, pairing, unsuitable);
    return new InputError(field, `VM ${JSON.stringify(wanted)} on ${site} is not suitable for replication (${why})`);
  }
  const similar = everything.map((candidate) => candidate.name ?? '').filter((name) => closeTo(name, wanted));
  const hint = similar.length > 0 ? `; did you mean ${listForMessage(similar, 5)}?` : '';
  return new InputError(field, `no VM ${JSON.stringify(wanted)} on ${site} (${everything.length} VMs there)${hint}`);
}

/** Why the server does not list a VM as suitable: its capability says (fault tolerance, …), else its state. */
async function unsuitableReason(client: VrClient, pairing: Pairing, vm: VirtualMachine): Promise<string> {
  if (vm.template) return 'it is a template';
  const capability = await client.getVmCapability(pairing.pairing_id ?? '', localVcId(pairing), vm.id ?? '').catch(() => undefined);
  const reasons = capability?.replication_not_supported_reasons ?? [];
  const status = capability?.vm_validation_status;
  if (reasons.length > 0) return `${status ?? 'not supported'}: ${reasons.join('; ')}`;
  if (status !== undefined && status !== 'OK') return `validation status ${status}`;
  if (vm.connection_state !== undefined && vm.connection_state !== 'CONNECTED') return `its connection state is ${vm.connection_state}`;
  if (vm.vr_privilege_granted === false) return 'the user lacks the vSphere Replication privileges on it';
  return 'the server gives no reason';
}

function closeTo(candidate: string, wanted: string): boolean {
  const a = candidate.toLowerCase();
  const b = wanted.toLowerCase();
  return a.length > 0 && b.length > 0 && (a.includes(b) || b.includes(a) || a.slice(0, 3) === b.slice(0, 3));
}

export function diskLabel(disk: VmDisk): string {
  if (disk.is_vm_home) return 'VM home';
  return disk.label ?? String(disk.device_key ?? '?');
}

function diskMatches(disk: VmDisk, name: string): boolean {
  return disk.label === name || String(disk.device_key) === name;
}

/** Which disks to replicate: every disk but the excluded ones; unsupported disks must be excluded. */
export function chooseDisks(vmName: string, disks: readonly VmDisk[], exclude: readonly string[]): { disk: VmDisk; enabled: boolean }[] {
  const dataDisks = disks.filter((disk) => !disk.is_vm_home);
  const unknown = exclude.filter((name) => !dataDisks.some((disk) => diskMatches(disk, name)));
  if (unknown.length > 0) {
    throw new InputError('exclude_disks', `${listForMessage(unknown)} is not a disk of ${vmName}; its disks: ${listForMessage(dataDisks.map(diskLabel))}`);
  }
  const chosen = disks.map((disk) => ({ disk, enabled: disk.is_vm_home === true || !exclude.some((name) => diskMatches(disk, name)) }));
  const unsupported = chosen.filter(({ disk, enabled }) => enabled && disk.supported_for_replication === false);
  if (unsupported.length > 0) {
    const labels = unsupported.map(({ disk }) => diskLabel(disk));
    throw new InputError('exclude_disks', `${vmName}: disk ${listForMessage(labels)} cannot be replicated (unsupported controller ${unsupported[0].disk.controller_label ?? ''}); add it to excludeDisks`);
  }
  if (dataDisks.length === 0) {
    throw new InputError('vm', `${vmName} has no virtual hard disk besides its VM home: there is no data to replicate`);
  }
  if (!chosen.some(({ disk, enabled }) => enabled && !disk.is_vm_home)) {
    throw new InputError('exclude_disks', `${vmName}: every disk is excluded (${listForMessage(exclude)}); nothing would be replicated`);
  }
  return chosen;
}

/** An item of a list that may come from the shared cache: a miss is checked against a fresh list. */
async function findInList<T>(client: VrClient, load: (options: { fresh?: boolean }) => Promise<T[]>, matches: (item: T) => boolean): Promise<{ found?: T; all: T[] }> {
  const cached = await load({});
  const found = cached.find(matches);
  if (found || !client.sharesState) return { found, all: cached };
  const fresh = await load({ fresh: true });
  return { found: fresh.find(matches), all: fresh };
}

export async function resolveDatastore(client: VrClient, pairing: Pairing, name: string): Promise<Datastore> {
  const { found, all: datastores } = await findInList(
    client,
    (options) => client.listDatastores(pairing.pairing_id ?? '', remoteVcId(pairing), options),
    (datastore) => datastore.name === name || datastore.id === name,
  );
  if (found) return found;
  throw new InputError('target.datastore', `no datastore ${JSON.stringify(name)} on ${remoteSiteName(pairing)}; datastores: ${listForMessage(datastores.map((d) => d.name ?? ''))}`);
}

/** The storage policy id for a name; `null` = the datastore's default policy. */
export async function resolveStoragePolicy(client: VrClient, pairing: Pairing, name: string | null): Promise<string | null> {
  if (name === null) return null;
  const { found, all: policies } = await findInList(
    client,
    (options) => client.listStoragePolicies(pairing.pairing_id ?? '', remoteVcId(pairing), options),
    (policy) => policy.storage_policy_name === name || policy.storage_policy_id === name,
  );
  if (found?.storage_policy_id) return found.storage_policy_id;
  throw new InputError('target.storage_policy', `no storage policy ${JSON.stringify(name)} on ${remoteSiteName(pairing)}; policies: ${listForMessage(policies.map((p) => p.storage_policy_name ?? ''))}`);
}

export async function checkCompliance(client: VrClient, pairing: Pairing, policyId: string, policyName: string, datastore: Datastore): Promise<void> {
  const results = await client.checkStoragePolicyCompliance(pairing.pairing_id ?? '', remoteVcId(pairing), policyId, [datastore.id ?? '']);
  const failed = results.find((result) => result.compliant === false);
  if (!failed) return;
  const detail = failed.not_compliant_detailed_message ? ` (${failed.not_compliant_detailed_message})` : '';
  throw new InputError('target.storage_policy', `datastore ${JSON.stringify(datastore.name)} is not compliant with storage policy ${JSON.stringify(policyName)}${detail}`);
}

/** The target replication server id for a name; `null` = let vSphere Replication choose. */
export async function resolveReplicationServer(client: VrClient, pairing: Pairing, name: string | null): Promise<string | null> {
  if (name === null) return null;
  const pairingId = pairing.pairing_id ?? '';
  const vrmsList = await client.listVrs(pairingId);
  const remote = vrmsList.filter((vrms) => vrms.vc_guid === remoteVcId(pairing));
  const candidates = remote.length > 0 ? remote : vrmsList;
  const servers = (await Promise.all(candidates.map((vrms) => client.listReplicationServers(pairingId, vrms.id ?? '')))).flat();
  const found = servers.find((server) => server.name === name || server.hostname === name || server.id === name);
  if (found?.id) return found.id;
  const names = servers.map((server) => server.name ?? server.hostname ?? server.id ?? '');
  throw new InputError('target.replication_server', `no replication server ${JSON.stringify(name)} on ${remoteSiteName(pairing)}; servers: ${listForMessage(names)}`);
}

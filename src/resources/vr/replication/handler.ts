/**
 * Handler of kind `vr.replication`: one VM replicated over a vSphere Replication pairing.
 * Implements the 12-step configure workflow of DESIGN.md as find-or-create, in-place reconfigure,
 * and unconfigure (falling back to DELETE when the remote site is down).
 *
 * @api VR POST   /session
 * @api VR POST   /pairings/{pairing_id}/remote-session
 * @api VR GET    /pairings/{pairing_id}/replications
 * @api VR GET    /pairings/{pairing_id}/replications/{replication_id}
 * @api VR GET    /pairings/{pairing_id}/replications/{replication_id}/disks
 * @api VR POST   /pairings/{pairing_id}/replications
 * @api VR POST   /pairings/{pairing_id}/replications/{replication_id}/actions/reconfigure
 * @api VR POST   /pairings/{pairing_id}/replications/{replication_id}/actions/unconfigure
 * @api VR DELETE /pairings/{pairing_id}/replications/{replication_id}
 * @api VR POST   /pairings/{pairing_id}/vcenters/{vcenter_id}/datastores/{datastore_id}/actions/find-seeds
 * (and the inventory calls listed in vr/resolve.ts; tasks in vr/tasks.ts)
 */
import type { VrClient } from '../../../../lib/client/vr/vr-client';
import type { ConfigureReplicationSpec, ConfigureReplicationVmDisk, Datastore, Pairing, ReplicationInfo, Task, VmDisk } from '../../../../lib/client/vr/types';
import { vrClient } from '../client';
import type { Context, Known, LifecycleAction, LiveNotice, ResourceHandler } from '../../contract';
import { announceTakeUp, refuseIdentityMismatch, refuseUnlessOursOrAdopted, type Claim } from '../../core/claim';
import { locateLive } from '../../core/locate';
import { describeChanges } from '../../core/diff';
import { sendUntilLanded, type WriteOutcome } from '../../core/write';
import { InputError } from '../../errors';
import { parseForAction } from '../../parse-spec';
import { vrReplicationDeleteSpecSchema, vrReplicationSpecSchema, type VrReplicationSettings, type VrReplicationSpec } from './schema';
import { identityDifferences, identityMismatch } from '../identity';
import { localOnlyRemovalError, unconfigureOrDeleteLocal } from '../removal';
import * as resolve from '../resolve';
import { apiSettings, checkCapability, reconfigureSpec, settingsChanges, settingsOf, type LiveSettings } from '../settings';
import { waitForConfiguration, waitForVrTask } from '../tasks';

/** What `read` reports about a live replication. */
export interface VrReplicationState {
  readonly id: string;
  readonly name: string;
  readonly vm_id: string | null;
  readonly pairing_id: string;
  readonly target_site: string;
  readonly status: string;
  readonly rpo_violation: boolean;
  readonly configuration_state: string;
  /** What the server reports; a setting it leaves out is absent (unknown). */
  readonly settings: LiveSettings;
  readonly last_sync_time: number | null;
  /** Who owns it according to this machine's records (read only): another stack's name once it took it over. */
  readonly owner?: string;
}

type Spec = VrReplicationSpec;

/**
 * Delete never reads settings, and the null_resource backing does not store them for destroy time (they
 * would force a replacement whenever an RPO changed). These stand in for them and are never applied.
 */
const SETTINGS_UNUSED_ON_DELETE: VrReplicationSettings = {
  rpo_minutes: 60,
  point_in_time: null,
  quiescing: false,
  network_compression: false,
  encryption: false,
  auto_replicate_new_disks: true,
};

export interface Located {
  readonly client: VrClient;
  readonly pairing: Pairing;
  readonly pairingId: string;
}

function vmKey(spec: Pick<Spec, 'vm'>): string {
  return spec.vm.name ?? spec.vm.id ?? '?';
}

/** Who declares the replication; specs written by hand (no owner) share one name. */
function ownerOf(spec: Pick<Spec, 'owner'>): string {
  return spec.owner ?? '(unnamed)';
}

/** The natural key that ownership records are kept under: appliance, pairing, VM. */
export function ownershipKey(spec: Pick<Spec, 'connection' | 'pairing' | 'vm'>): string {
  return JSON.stringify(['vr.replication', spec.connection.endpoint, spec.pairing.id ?? spec.pairing.remote_site, spec.vm.id ?? spec.vm.name]);
}

export async function locate(spec: Pick<Spec, 'connection' | 'pairing'>, ctx: Context): Promise<Located> {
  const client = ctx.clients.get(vrClient, spec.connection);
  const pairing = await resolve.resolvePairing(client, spec.pairing);
  return { client, pairing, pairingId: pairing.pairing_id ?? '' };
}

/** The replication of the spec's VM on this pairing, looked up by its natural key. */
export async function findReplication(located: Located, spec: Pick<Spec, 'vm'>): Promise<ReplicationInfo | undefined> {
  const [found] = await located.client.findReplicationsOfVm(located.pairingId, spec.vm);
  return found;
}

/** The spec's replication: by the id Terraform's state holds, else by its VM on the pairing (core/locate). */
async function locateReplication(located: Located, spec: Pick<Spec, 'vm'>, known: Known | undefined): Promise<ReplicationInfo | undefined> {
  return locateLive(known, {
    byId: (id) => located.client.findReplicationById(located.pairingId, id),
    byKey: () => findReplication(located, spec),
    isKeyed: (live) => (spec.vm.id !== null ? live.vm_id === spec.vm.id : live.name === spec.vm.name),
  });
}

/** What `read` reports about a live replication (also what `review --live` compares). */
export function toState(info: ReplicationInfo, pairing: Pairing): VrReplicationState {
  return {
    id: info.id ?? '',
    name: info.name ?? '',
    vm_id: info.vm_id ?? null,
    pairing_id: pairing.pairing_id ?? '',
    target_site: info.target_site_name ?? resolve.remoteSiteName(pairing),
    status: info.status?.status ?? 'UNKNOWN',
    rpo_violation: info.status?.rpo_violation === true,
    configuration_state: info.configuration_state ?? 'UNKNOWN',
    settings: settingsOf(info),
    last_sync_time: info.last_sync_time ?? null,
  };
}

async function readBack(located: Located, id: string, vm: string): Promise<ReplicationInfo> {
  const info = await located.client.getReplication(located.pairingId, id);
  if (!info) throw new Error(`replication ${id} of ${vm} disappeared right after it was configured`);
  return info;
}

async function seedPaths(located: Located, spec: Spec, datastore: Datastore, disks: readonly VmDisk[]): Promise<Map<number, string>> {
  const paths = new Map<number, string>();
  if (spec.seeds.mode === 'explicit') {
    for (const [label, path] of Object.entries(spec.seeds.paths)) {
      const disk = disks.find((d) => d.label === label || String(d.device_key) === label);
      if (!disk || disk.is_vm_home) throw new InputError(`seeds.paths.${label}`, `${vmKey(spec)} has no disk ${JSON.stringify(label)}`);
      paths.set(disk.device_key ?? -1, path);
    }
  }
  if (spec.seeds.mode === 'find') {
    const wanted = disks.filter((d) => !d.is_vm_home).map((d) => ({ vm_disk: { vm_id: d.vm_id, device_key: d.device_key }, use_wildcard: true }));
    const found = await located.client.findSeeds(located.pairingId, resolve.remoteVcId(located.pairing), datastore.id ?? '', wanted);
    for (const seed of found) {
      const first = seed.found_seeds?.find((path): path is string => typeof path === 'string');
      const deviceKey = seed.vm_disk?.device_key;
      if (first !== undefined && deviceKey !== undefined) paths.set(deviceKey, first);
    }
  }
  return paths;
}

async function buildConfigureSpec(located: Located, spec: Spec, vmId: string, vmName: string, disks: readonly VmDisk[], datastore: Datastore): Promise<ConfigureReplicationSpec> {
  const { client, pairing } = located;
  const chosen = resolve.chooseDisks(vmName, disks, spec.exclude_disks);
  const policyId = await resolve.resolveStoragePolicy(client, pairing, spec.target.storage_policy);
  if (policyId !== null) await resolve.checkCompliance(client, pairing, policyId, spec.target.storage_policy ?? '', datastore);
  const serverId = await resolve.resolveReplicationServer(client, pairing, spec.target.replication_server);
  const seeds = await seedPaths(located, spec, datastore, disks);
  const vmDisks: ConfigureReplicationVmDisk[] = chosen.map(({ disk, enabled }) => {
    const seed = disk.is_vm_home ? undefined : seeds.get(disk.device_key ?? -1);
    return {
      vm_disk: disk,
      enabled_for_replication: enabled,
      use_seeds: seed !== undefined,
      destination_path: seed ?? null,
      destination_datastore_id: datastore.id ?? '',
      destination_storage_policy_id: policyId,
      destination_disk_format: spec.target.disk_format,
    };
  });
  return {
    vm_id: vmId,
    target_vc_id: resolve.remoteVcId(pairing),
    target_replication_server_id: serverId,
    ...apiSettings(spec.settings),
    disks: vmDisks,
  };
}

/**
 * POST configure by the write rule (core/write): lost in transit, a re-read decides — it landed (adopt that
 * replication) or it did not (send it once more).
 */
async function sendConfigure(located: Located, spec: Spec, body: ConfigureReplicationSpec, ctx: Context): Promise<WriteOutcome<Task, ReplicationInfo>> {
  const vm = vmKey(spec);
  return sendUntilLanded<Task, ReplicationInfo>({
    async send() {
      const [task] = await located.client.configureReplications(located.pairingId, [body]);
      if (!task) throw new Error(`configure of ${vm} returned no task`);
      return task;
    },
    reread: () => findReplication(located, spec),
    resending: (error) => ctx.log.warn(`${vm}: configure failed in transit (${error.message}) and did not land; sending it again`),
  });
}

async function configure(located: Located, spec: Spec, body: ConfigureReplicationSpec, ctx: Context): Promise<ReplicationInfo> {
  const vm = vmKey(spec);
  const sent = await sendConfigure(located, spec, body, ctx);
  if (sent.kind === 'landed') {
    ctx.log.info(`${vm}: the configure request failed in transit but landed; adopting replication ${sent.found.id}`);
    const adopted = await waitForConfiguration(ctx, located.client, located.pairingId, sent.found, spec.timeouts.create_seconds);
    if (!adopted) throw new Error(`replication ${sent.found.id} of ${vm} disappeared while its configuration was in progress`);
    return adopted;
  }
  const done = await waitForVrTask(ctx, located.client, sent.answer, `configuring replication of ${vm}`, spec.timeouts.create_seconds);
  const byEntity = done.entity ? await located.client.getReplication(located.pairingId, done.entity) : undefined;
  const configured = byEntity ?? (await findReplication(located, spec));
  if (!configured) throw new Error(`the configure task of ${vm} succeeded but no replication of it is listed`);
  return configured;
}

/** Replication states in which the VM is not protected; the code never declares one of them. */
const UNPROTECTED_STATUSES: readonly string[] = ['PAUSED', 'ERROR', 'NOT_ACTIVE'];

/**
 * A replication found PAUSED, in ERROR or NOT_ACTIVE by the last read (the provider's refreshed state): the plan
 * shows it, since an apply that changes it stops (`checkProtecting`) and none resumes it.
 */
export const vrReplicationLiveNotice: LiveNotice = (state) => {
  const status = typeof state.status === 'string' ? state.status : undefined;
  if (status === undefined || !UNPROTECTED_STATUSES.includes(status)) return undefined;
  const vm = recordAt(state, 'vm');
  const name = stringAt(vm, 'name') ?? stringAt(vm, 'id') ?? stringAt(state, 'name') ?? '?';
  return {
    summary: `${name} is ${status} on the server (not by this configuration): replication ${stringAt(state, 'id') ?? '?'} is not protecting the VM`,
    status,
    blocksUpdate: true,
    fix: status === 'PAUSED'
      ? `Resume it with \`${resumeCommand(state)}\` if the pause is over (or in the vSphere Client); \`repliform review --live\` lists every such replication.`
      : 'Look at the replication in the vSphere Client and fix its cause (site connectivity, target datastore space); the code is not the cause.',
  };
};

function resumeCommand(state: Readonly<Record<string, unknown>>): string {
  const vm = recordAt(state, 'vm');
  const pairing = recordAt(state, 'pairing');
  const vmId = stringAt(vm, 'id');
  const pairingId = stringAt(pairing, 'id');
  const endpoint = stringAt(recordAt(state, 'connection'), 'endpoint');
  return [
    'repliform vr resume',
    vmId !== undefined ? `--vm-id ${vmId}` : `--vm ${stringAt(vm, 'name') ?? '?'}`,
    pairingId !== undefined ? `--pairing-id ${pairingId}` : `--remote-site ${stringAt(pairing, 'remote_site') ?? '?'}`,
    `--endpoint ${endpoint ?? 'URL'}`,
    '…',
  ].join(' ');
}

function recordAt(value: Readonly<Record<string, unknown>> | undefined, key: string): Readonly<Record<string, unknown>> | undefined {
  const found = value?.[key];
  return typeof found === 'object' && found !== null && !Array.isArray(found) ? (found as Record<string, unknown>) : undefined;
}

function stringAt(value: Readonly<Record<string, unknown>> | undefined, key: string): string | undefined {
  const found = value?.[key];
  return typeof found === 'string' && found !== '' ? found : undefined;
}

/**
 * Terraform cannot see live state through a lifecycle resource, so an apply that meets a replication in a
 * state the code does not declare stops and says so, before changing anything.
 */
function checkProtecting(spec: Spec, info: ReplicationInfo, ctx: Context): void {
  const vm = vmKey(spec);
  const status = info.status?.status ?? 'UNKNOWN';
  if (UNPROTECTED_STATUSES.includes(status)) {
    const fix = status === 'PAUSED'
      ? `resume it (repliform vr resume --vm ${JSON.stringify(vm)} …) if the pause is over, or leave this apply for later`
      : 'look at the replication in the vSphere Client and fix its cause';
    throw new Error(
      `replication ${info.id ?? '?'} of ${vm} is ${status}: it is not protecting the VM, and the code does not declare that. ` +
        `Nothing was changed. To go on, ${fix}; \`repliform review --live --fail-on drift\` reports this before an apply`,
    );
  }
  if (info.status?.rpo_violation === true) ctx.log.warn(`${vm}: replication ${info.id ?? '?'} is violating its RPO (${info.rpo ?? '?'} min): the last sync is late`);
}

async function applySettings(located: Located, spec: Spec, info: ReplicationInfo, ctx: Context): Promise<ReplicationInfo> {
  const vm = vmKey(spec);
  checkProtecting(spec, info, ctx);
  const changes = settingsChanges(spec.settings, settingsOf(info));
  if (changes.length === 0) {
    ctx.log.info(`${vm}: settings already match (replication ${info.id})`);
    return info;
  }
  ctx.log.info(`${vm}: reconfiguring in place: ${describeChanges(changes)}`);
  const disks = await located.client.getReplicatedDisks(located.pairingId, info.id ?? '');
  const body = reconfigureSpec(vm, spec.settings, disks, spec.target.disk_format);
  const task = await located.client.reconfigureReplication(located.pairingId, info.id ?? '', body);
  await waitForVrTask(ctx, located.client, task, `reconfiguring replication of ${vm}`, spec.timeouts.update_seconds);
  return readBack(located, info.id ?? '', vm);
}

async function settled(located: Located, spec: Spec, info: ReplicationInfo, ctx: Context, timeoutSeconds: number): Promise<ReplicationInfo | undefined> {
  const result = await waitForConfiguration(ctx, located.client, located.pairingId, info, timeoutSeconds);
  if (result?.configuration_state === 'ERROR') {
    const why = result.configuration_error?.message ?? 'no detail';
    throw new Error(`replication ${result.id} of ${vmKey(spec)} is in configuration ERROR: ${why}`);
  }
  return result;
}

/**
 * An existing replication of the spec's VM: ours when this machine recorded our create of it (a rerun after
 * a crash), taken over only with `adopt: true` otherwise, and only when every identity field matches.
 * `undefined` when it vanished while its configuration settled (then it is created anew).
 */
async function takeExisting(located: Located, spec: Spec, existing: ReplicationInfo, datastore: Datastore, ctx: Context): Promise<ReplicationInfo | undefined> {
  const vm = vmKey(spec);
  const recorded = ctx.ownership?.ownerOf(ownershipKey(spec));
  const claim: Claim = {
    subject: vm,
    object: `replication ${existing.id ?? '?'}, ${existing.status?.status ?? 'UNKNOWN'}`,
    claimant: ownerOf(spec),
    adopt: spec.adopt,
    ownership: { ours: recorded === ownerOf(spec), recorded: recorded !== undefined ? { owner: recorded, where: "this machine's records" } : undefined },
  };
  refuseUnlessOursOrAdopted(claim);
  const current = await settled(located, spec, existing, ctx, spec.timeouts.create_seconds);
  if (!current) return undefined;
  const differences = await identityDifferences(located.client, located.pairing, spec, current, datastore);
  refuseIdentityMismatch(differences, (d) => identityMismatch(vm, current, d));
  announceTakeUp(claim, {
    oursNote: `already replicated (replication ${current.id}) by an earlier run of this code`,
    taken: `replication ${current.id ?? '?'}`,
    consequences: 'its identity matches the code, and from now on this code manages it: its destroy removes it',
    record: () => ctx.ownership?.record(ownershipKey(spec), ownerOf(spec)),
  }, ctx);
  return applySettings(located, spec, current, ctx);
}

async function createNew(located: Located, spec: Spec, datastore: Datastore, ctx: Context): Promise<ReplicationInfo> {
  const vm = vmKey(spec);
  const source = await resolve.resolveVm(located.client, located.pairing, spec.vm);
  const vcId = resolve.localVcId(located.pairing);
  // The VM list already carries the disks; older servers that omit them get asked.
  const [disks, capability] = await Promise.all([
    source.disks && source.disks.length > 0 ? source.disks : located.client.getVmDisks(located.pairingId, vcId, source.id ?? ''),
    located.client.getVmCapability(located.pairingId, vcId, source.id ?? ''),
  ]);
  checkCapability(source.name ?? vm, capability, spec.settings);
  const body = await buildConfigureSpec(located, spec, source.id ?? '', source.name ?? vm, disks, datastore);
  // Recorded before the request: a rerun after a crash from here on knows the replication is its own.
  ctx.ownership?.record(ownershipKey(spec), ownerOf(spec));
  const configured = await configure(located, spec, body, ctx);
  const current = (await settled(located, spec, configured, ctx, spec.timeouts.create_seconds)) ?? configured;
  ctx.log.info(`${vm}: replicated to ${resolve.remoteSiteName(located.pairing)} as replication ${current.id} (RPO ${current.rpo ?? '?'} min)`);
  return current;
}

async function create(spec: Spec, ctx: Context): Promise<VrReplicationState> {
  const located = await locate(spec, ctx);
  await located.client.ensureRemoteSession(located.pairing);
  const datastore = await resolve.resolveDatastore(located.client, located.pairing, spec.target.datastore);
  const existing = await findReplication(located, spec);
  const taken = existing ? await takeExisting(located, spec, existing, datastore, ctx) : undefined;
  return toState(taken ?? (await createNew(located, spec, datastore, ctx)), located.pairing);
}

async function read(spec: Spec, ctx: Context, known?: Known): Promise<VrReplicationState | undefined> {
  const located = await locate(spec, ctx);
  const found = await locateReplication(located, spec, known);
  if (!found) return undefined;
  const owner = ctx.ownership?.ownerOf(ownershipKey(spec));
  return owner === undefined ? toState(found, located.pairing) : { ...toState(found, located.pairing), owner };
}

async function update(spec: Spec, ctx: Context, known?: Known): Promise<VrReplicationState> {
  const located = await locate(spec, ctx);
  await located.client.ensureRemoteSession(located.pairing);
  const existing = await locateReplication(located, spec, known);
  if (!existing) {
    ctx.log.warn(`${vmKey(spec)}: no replication to reconfigure; configuring it`);
    return create(spec, ctx);
  }
  const current = (await settled(located, spec, existing, ctx, spec.timeouts.update_seconds)) ?? existing;
  return toState(await applySettings(located, spec, current, ctx), located.pairing);
}

async function remove(spec: Spec, ctx: Context, known?: Known): Promise<void> {
  const located = await locate(spec, ctx);
  const vm = vmKey(spec);
  const existing = await locateReplication(located, spec, known);
  if (!existing) {
    ctx.log.info(`${vm}: no replication on ${resolve.remoteSiteName(located.pairing)}; nothing to remove`);
    ctx.ownership?.forget(ownershipKey(spec));
    return;
  }
  const recorded = ctx.ownership?.ownerOf(ownershipKey(spec));
  if (recorded !== undefined && spec.owner !== null && recorded !== spec.owner) {
    ctx.log.warn(`${vm}: NOT removing replication ${existing.id}: it belongs to ${recorded} (this machine's records), not to ${spec.owner}, which never owned it; it stays protected`);
    return;
  }
  const current = await waitForConfiguration(ctx, located.client, located.pairingId, existing, spec.timeouts.delete_seconds);
  if (!current) return;
  const retainReplicaDisks = spec.on_delete.retain_replica_disks;
  const removal = await unconfigureOrDeleteLocal({ client: located.client, pairing: located.pairing, info: current, retainReplicaDisks }, ctx);
  if (removal.kind !== 'landed') await waitForVrTask(ctx, located.client, removal.task, `removing replication of ${vm}`, spec.timeouts.delete_seconds);
  ctx.ownership?.forget(ownershipKey(spec));
  if (removal.kind === 'local-only') throw localOnlyRemovalError(current, located.pairing, removal.reason);
  ctx.log.info(`${vm}: replication ${current.id} removed; replica disks ${retainReplicaDisks ? 'kept on the target datastore' : 'deleted'}`);
}

function parse(raw: unknown, action: LifecycleAction): Spec {
  const spec = parseForAction({ full: vrReplicationSpecSchema, destroy: vrReplicationDeleteSpecSchema }, raw, action, 'vr.replication');
  return { ...spec, settings: spec.settings ?? SETTINGS_UNUSED_ON_DELETE };
}

export const vrReplicationHandler: ResourceHandler<Spec, VrReplicationState> = {
  kind: 'vr.replication',
  parseSpec: parse,
  describe: vmKey,
  create,
  read,
  update,
  delete: remove,
};

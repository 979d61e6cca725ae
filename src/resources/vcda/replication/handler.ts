/**
 * Handler of kind `vcda.replication`: one Cloud Director VM replicated from its site to a vDC of another site.
 * Find-or-create by source site + VM; ownership is the marker the create request writes into the description;
 * settings change in place (reconfigure, storage-profile change); delete pauses and keeps the replication unless
 * `on_delete.delete_replica` (VCDA deletes the replica with the replication).
 *
 * @api VCDA POST   /sessions
 * @api VCDA POST   /sessions/extend                      (the destination site, when it is not the local one)
 * @api VCDA GET    /sites
 * @api VCDA GET    /vm-replications?vmId=&offset=&limit=   (the natural key: the source VM)
 * @api VCDA GET    /vm-replications/{replicationId}        (the id Terraform's state holds)
 * @api VCDA POST   /vm-replications?site=                  (every write names the source site: docs/vendors/vcda.md)
 * @api VCDA PATCH  /vm-replications/{replicationId}?site=
 * @api VCDA POST   /vm-replications/{replicationId}/storage-profile?site=
 * @api VCDA POST   /vm-replications/{replicationId}/pause?site=
 * @api VCDA POST   /vm-replications/{replicationId}/resume?site=   (our own replication, paused and kept by our destroy)
 * @api VCDA DELETE /vm-replications/{replicationId}?site=   (refused here while a test failover of it runs)
 * @api VCDA GET    /tasks/{taskId}?site=
 */
import { isApiError, isNotFoundError, type ApiError } from '../../../../lib/client/http/errors';
import type { VcdaClient } from '../../../../lib/client/vcda/vcda-client';
import type { VcdaReplication, VcdaStartReplication, VcdaTask } from '../../../../lib/client/vcda/types';
import { describeChanges } from '../../core/diff';
import { waitUntil } from '../../core/wait';
import { sendUntilLanded, type WriteOutcome } from '../../core/write';
import { announceTakeUp, refuseIdentityMismatch, refuseUnlessOursOrAdopted, type Claim } from '../../core/claim';
import type { Change, Context, Known, LifecycleAction, LiveNotice, ResourceHandler } from '../../contract';
import { locateLive, type Locator } from '../../core/locate';
import { InputError } from '../../errors';
import { parseForAction } from '../../parse-spec';
import { withProgress } from '../../task-progress';
import { vcdaClient } from '../client';
import { knownSites, reachSites, requireSite, type SiteMap } from '../sites';
import { identityDifferences, vcdaIdentityMismatch, vcdaStillReplicated } from './identity';
import { describedWithOwner, ownerInDescription, ownerName } from './marker';
import {
  vcdaReplicationDeleteSpecSchema,
  vcdaReplicationSpecSchema,
  type VcdaReplicationSettings,
  type VcdaReplicationSpec,
} from './schema';
import { DEFAULT_STORAGE_PROFILE, policyFields, reconfigureBody, settingsAsManaged, settingsChanges, settingsOf } from './settings';

type Spec = VcdaReplicationSpec;

/** What `read` reports about a live replication. */
export interface VcdaReplicationState {
  readonly id: string;
  readonly vm_id: string;
  readonly source_site: string;
  readonly destination_site: string;
  readonly destination_vdc: string | null;
  readonly destination_vdc_name: string | null;
  /** The owner named by the description's marker; null when there is none. */
  readonly owner: string | null;
  readonly paused: boolean;
  readonly health: string;
  readonly data_connection_state: string | null;
  readonly rpo_violation_minutes: number | null;
  readonly exclude_disk_keys: readonly number[];
  readonly target_disk_type: string;
  readonly settings: VcdaReplicationSettings;
}

/** Stand-ins for the settings the null_resource backing does not store for destroy time; never applied. */
const SETTINGS_UNUSED_ON_DELETE: VcdaReplicationSettings = {
  rpo_minutes: 60,
  retention_rules: null,
  sla_profile_id: null,
  quiescing: false,
  data_connection_type: 'ENCRYPTED',
  description: null,
  storage_profile: null,
};

/** Task polling: fine at first (create tasks end within seconds; the initial sync runs after them), never above 5 s. */
const TASK_POLL = { minDelayMs: 250, maxDelayMs: 5000 };

interface Located {
  readonly client: VcdaClient;
  readonly sites: SiteMap;
}

function vmLabel(spec: Pick<Spec, 'source'>): string {
  return `VM ${spec.source.vm_id}`;
}

export function toState(live: VcdaReplication): VcdaReplicationState {
  return {
    id: live.id,
    vm_id: live.source.vmId ?? '',
    source_site: live.source.site,
    destination_site: live.destination.site,
    destination_vdc: live.destination.vdcId ?? null,
    destination_vdc_name: live.destination.vdcName ?? null,
    owner: ownerInDescription(live.settings.description) ?? null,
    paused: live.isPaused === true,
    health: live.overallHealth ?? 'UNKNOWN',
    data_connection_state: live.dataConnectionState ?? null,
    rpo_violation_minutes: live.destinationState?.currentRpoViolation ?? null,
    exclude_disk_keys: live.settings.excludedDiskKeys ?? [],
    target_disk_type: live.settings.targetDiskType ?? 'THIN',
    settings: settingsOf(live),
  };
}

/**
 * What create, read and update report (and `review --live` compares): the live state, its settings as the spec
 * manages them — what the spec leaves to the server reads as null, so it is never drift.
 */
export function stateFor(spec: Spec, live: VcdaReplication): VcdaReplicationState {
  return { ...toState(live), settings: settingsAsManaged(spec.settings, settingsOf(live)) };
}

/** The client, and the sites checked: both sites the spec names exist (bad input before any change otherwise). */
async function locate(spec: Pick<Spec, 'connection' | 'source' | 'destination'>, ctx: Context): Promise<Located> {
  const client = ctx.clients.get(vcdaClient, spec.connection);
  const sites = await knownSites(client, [spec.source.site, spec.destination.site]);
  requireSite(sites, 'source.site', spec.source.site);
  requireSite(sites, 'destination.site', spec.destination.site);
  return { client, sites };
}

function isReplicationOf(spec: Pick<Spec, 'source'>, live: VcdaReplication): boolean {
  return live.source.site === spec.source.site && live.source.vmId === spec.source.vm_id;
}

/** The replication of the spec's VM from its site (the natural key), whatever its destination: one filtered list. */
export async function findReplication(client: VcdaClient, spec: Pick<Spec, 'source'>): Promise<VcdaReplication | undefined> {
  const ofVm = await client.listReplications({ vmId: spec.source.vm_id });
  return ofVm.find((r) => isReplicationOf(spec, r));
}

/** The spec's replication: by the id Terraform's state holds, else by its natural key (core/locate). */
export async function locateReplication(client: VcdaClient, spec: Pick<Spec, 'source'>, known: Known | undefined): Promise<VcdaReplication | undefined> {
  const locator: Locator<VcdaReplication> = {
    byId: (id) => client.getReplication(id),
    byKey: () => findReplication(client, spec),
    isKeyed: (live) => isReplicationOf(spec, live),
  };
  return locateLive(known, locator);
}

/** Where a write on a replication runs (`?site=`): its source site, which may not be the endpoint's local one. */
export function onSource(live: Pick<VcdaReplication, 'source'>): { site: string } {
  return { site: live.source.site };
}

async function waitTask(ctx: Context, client: VcdaClient, task: VcdaTask, label: string, timeoutSeconds: number): Promise<VcdaTask> {
  return withProgress(ctx, label, (onProgress) =>
    client.waitForTask(task, { timeoutMs: timeoutSeconds * 1000, signal: ctx.signal, onProgress, ...TASK_POLL }),
  );
}

async function readBack(client: VcdaClient, spec: Spec, id: string | undefined): Promise<VcdaReplication> {
  const live = id !== undefined ? await client.getReplication(id) : await findReplication(client, spec);
  if (live === undefined) throw new Error(`the replication of ${vmLabel(spec)} (${id ?? 'no id'}) is not listed right after its task succeeded`);
  return live;
}

/** The replication id a create task's result names, if any. */
function resultId(task: VcdaTask): string | undefined {
  const result: unknown = task.result;
  if (typeof result !== 'object' || result === null) return undefined;
  const id: unknown = (result as Record<string, unknown>)['id'];
  return typeof id === 'string' && id !== '' ? id : undefined;
}

/**
 * "Start Vm Replication": the seed's fields, the ownership marker in the description, no delayed sync. Excluded
 * disks go in `source.excludedDisks`, the name every data-structure page gives (docs/vendors/vcda.md).
 */
export function startBody(spec: Spec): VcdaStartReplication {
  const excluded = spec.exclude_disk_keys.length > 0 ? { excludedDisks: [...spec.exclude_disk_keys] } : {};
  return {
    source: { type: 'vm', site: spec.source.site, vmId: spec.source.vm_id, ...excluded },
    destination: { type: 'vcloud', site: spec.destination.site, vdc: spec.destination.vdc, storageProfile: spec.settings.storage_profile ?? DEFAULT_STORAGE_PROFILE },
    description: describedWithOwner(spec.settings.description, spec.owner),
    ...policyFields(spec.settings),
    quiesced: spec.settings.quiescing,
    targetDiskType: spec.target_disk_type,
    initialSyncTime: 0,
    isMigration: false,
  };
}

/** Which spec field a rejected create is about, from the API's words. */
function rejectedField(error: ApiError): { field: string; given: (spec: Spec) => unknown } {
  const text = `${error.errorCode ?? ''} ${error.serverMessage ?? ''}`.toLowerCase();
  if (text.includes('storage')) return { field: 'settings.storage_profile', given: (s) => s.settings.storage_profile ?? DEFAULT_STORAGE_PROFILE };
  if (text.includes('vdc')) return { field: 'destination.vdc', given: (s) => s.destination.vdc };
  if (text.includes('sla')) return { field: 'settings.sla_profile_id', given: (s) => s.settings.sla_profile_id };
  if (text.includes('disk')) return { field: 'exclude_disk_keys', given: (s) => s.exclude_disk_keys };
  return { field: 'source.vm_id', given: (s) => s.source.vm_id };
}

/**
 * The API refused the create (400/404): the replication was not made. The API names no allowed values for
 * VMs, vDCs and storage profiles (the contract has no inventory lists), so the message quotes its answer.
 */
function createRejected(spec: Spec, error: ApiError): InputError {
  const { field, given } = rejectedField(error);
  const answer = `${error.errorCode ?? `HTTP ${error.status}`}: ${error.serverMessage ?? error.message}`;
  return new InputError(field, `VCDA refused to replicate ${vmLabel(spec)} (${answer}); given ${JSON.stringify(given(spec))}. Nothing was created`);
}

/**
 * POST the create by the write rule (core/write): lost in transit, a re-read decides — it landed (that
 * replication, marked with our owner) or it did not (send it once more).
 */
async function sendStart(client: VcdaClient, spec: Spec, ctx: Context): Promise<WriteOutcome<VcdaTask, VcdaReplication>> {
  return sendUntilLanded<VcdaTask, VcdaReplication>({
    send: () => client.startReplication(startBody(spec), { site: spec.source.site }),
    async decide(error, send) {
      // A resend refused because the VM is "already replicated" means the lost first request did land: its task runs.
      if (send > 1 && isAlreadyReplicated(error)) return { kind: 'landed', found: await waitUntilListed(client, spec, ctx) };
      if (isApiError(error) && (error.status === 400 || error.status === 404)) throw createRejected(spec, error);
      return undefined;
    },
    async reread(error) {
      const landed = await findReplication(client, spec);
      if (landed === undefined) return undefined;
      if (ownerInDescription(landed.settings.description) !== ownerName(spec.owner)) throw error;
      ctx.log.info(`${vmLabel(spec)}: the create request failed in transit but landed; taking replication ${landed.id}`);
      return landed;
    },
    resending: (error) => ctx.log.warn(`${vmLabel(spec)}: the create request failed in transit (${error.message}) and did not land; sending it again`),
  });
}

/** An existing replication of the VM: ours when its description's marker names this spec's owner. */
function claimOf(spec: Spec, existing: VcdaReplication): Claim {
  const state = existing.isPaused === true ? 'PAUSED' : (existing.overallHealth ?? 'UNKNOWN');
  const recorded = ownerInDescription(existing.settings.description);
  return {
    subject: vmLabel(spec),
    object: `replication ${existing.id}, ${state}`,
    claimant: ownerName(spec.owner),
    adopt: spec.adopt,
    ownership: { ours: recorded === ownerName(spec.owner), recorded: recorded !== undefined ? { owner: recorded, where: 'its description' } : undefined },
  };
}

function isAlreadyReplicated(error: unknown): boolean {
  return isApiError(error) && error.status === 400 && /already replicated/i.test(error.serverMessage ?? '');
}

/** A create that landed while its answer was lost: its replication is listed once its task is done. */
async function waitUntilListed(client: VcdaClient, spec: Spec, ctx: Context): Promise<VcdaReplication> {
  const landed = await waitUntil<VcdaReplication>(ctx, {
    label: `waiting for the replication of ${vmLabel(spec)} whose create landed without an answer`,
    description: `the replication of ${vmLabel(spec)} to be listed`,
    timeoutSeconds: spec.timeouts.create_seconds,
    poll: TASK_POLL,
    check: async () => {
      const found = await findReplication(client, spec);
      return found !== undefined ? { done: true, value: found } : { done: false, detail: 'create task still running' };
    },
  });
  // Taken as our lost create's only when it carries this code's marker; anything else is refused, adopt or not.
  refuseUnlessOursOrAdopted({ ...claimOf(spec, landed), adopt: false });
  ctx.log.info(`${vmLabel(spec)}: the create request landed although its answer was lost; taking replication ${landed.id}`);
  return landed;
}

async function createNew(located: Located, spec: Spec, ctx: Context): Promise<VcdaReplication> {
  const { client } = located;
  await reachSites(client, located.sites, [spec.destination.site, spec.source.site]);
  const sent = await sendStart(client, spec, ctx);
  if (sent.kind === 'landed') return sent.found;
  const done = await waitTask(ctx, client, sent.answer, `replicating ${vmLabel(spec)} to ${spec.destination.site}`, spec.timeouts.create_seconds);
  const live = await readBack(client, spec, resultId(done));
  ctx.log.info(`${vmLabel(spec)}: replicated from ${spec.source.site} to ${spec.destination.site} as replication ${live.id}; the initial sync runs now`);
  return live;
}

/**
 * A replication found paused by the last read (the provider's refreshed state): the plan shows it, since an apply
 * that changes it stops (`checkProtecting`) and one that changes nothing leaves it paused.
 */
export const vcdaReplicationLiveNotice: LiveNotice = (state) => {
  if (state.paused !== true) return undefined;
  const source = state.source;
  const vmId = typeof source === 'object' && source !== null && 'vm_id' in source ? String(source.vm_id) : '?';
  const id = typeof state.id === 'string' ? state.id : '?';
  return {
    summary: `VM ${vmId} is PAUSED on the server (not by this configuration): replication ${id} is not protecting the VM`,
    status: 'PAUSED',
    blocksUpdate: true,
    fix: `Resume it in VCDA (the portal, or \`POST /vm-replications/${id}/resume\`) if the pause is over; \`repliform review --live\` lists every such replication.`,
  };
};

/** An apply that meets a paused replication stops before changing anything: the code does not declare a pause. */
function checkProtecting(spec: Spec, live: VcdaReplication, ctx: Context): void {
  if (live.isPaused === true) {
    throw new Error(
      `replication ${live.id} of ${vmLabel(spec)} is PAUSED: it is not protecting the VM, and the code does not declare that. ` +
        'Nothing was changed. To go on, resume it (in VCDA, or POST /vm-replications/{id}/resume) if the pause is over, or leave this apply for later',
    );
  }
  const late = live.destinationState?.currentRpoViolation;
  if (late !== undefined && late > 0) ctx.log.warn(`${vmLabel(spec)}: replication ${live.id} is violating its RPO by ${late} min: the last sync is late`);
}

/** Settings to change, plus the ownership marker when the description does not name this code's owner yet. */
function changesFor(spec: Spec, live: VcdaReplication): Change[] {
  const changes = settingsChanges(spec.settings, settingsOf(live));
  const marked = ownerInDescription(live.settings.description) === ownerName(spec.owner);
  if (marked || changes.some((c) => c.field === 'settings.description')) return changes;
  return [...changes, { field: 'settings.description', from: live.settings.description ?? null, to: describedWithOwner(spec.settings.description, spec.owner), effect: 'in-place' }];
}

async function applySettings(located: Located, spec: Spec, live: VcdaReplication, ctx: Context): Promise<VcdaReplication> {
  const { client } = located;
  checkProtecting(spec, live, ctx);
  const changes = changesFor(spec, live);
  if (changes.length === 0) {
    ctx.log.info(`${vmLabel(spec)}: settings already match (replication ${live.id})`);
    return live;
  }
  ctx.log.info(`${vmLabel(spec)}: changing in place (no resync): ${describeChanges(changes)}`);
  await reachSites(client, located.sites, [live.destination.site, live.source.site]);
  const body = reconfigureBody(spec, changes);
  if (body !== undefined) {
    const task = await client.reconfigureReplication(live.id, body, onSource(live));
    await waitTask(ctx, client, task, `reconfiguring replication of ${vmLabel(spec)}`, spec.timeouts.update_seconds);
  }
  if (changes.some((c) => c.field === 'settings.storage_profile')) {
    const task = await client.changeStorageProfile(live.id, spec.settings.storage_profile ?? DEFAULT_STORAGE_PROFILE, onSource(live));
    await waitTask(ctx, client, task, `changing the storage profile of ${vmLabel(spec)}`, spec.timeouts.update_seconds);
  }
  return readBack(client, spec, live.id);
}

/**
 * Our own replication, paused: what this code's default destroy leaves (pause and keep). A create means the code
 * declares it again — after a destination change stopped half-way and was changed back — so it is resumed, loudly.
 * A pause met by an update (the resource still exists: someone paused it) still stops the apply.
 */
async function resumeOurs(located: Located, spec: Spec, paused: VcdaReplication, ctx: Context): Promise<VcdaReplication> {
  ctx.log.warn(
    `${vmLabel(spec)}: replication ${paused.id} was PAUSED and KEPT by this code's destroy, and the code declares it again (same identity): RESUMING it, with its replica`,
  );
  await reachSites(located.client, located.sites, [paused.destination.site, paused.source.site]);
  const task = await located.client.resumeReplication(paused.id, onSource(paused));
  await waitTask(ctx, located.client, task, `resuming replication of ${vmLabel(spec)}`, spec.timeouts.update_seconds);
  return readBack(located.client, spec, paused.id);
}

/**
 * An existing replication of the VM: ours when its description's marker names this spec's owner (also a rerun
 * after a crash: the create request wrote it); otherwise taken over only with `adopt: true` and every identity
 * field matching.
 */
async function takeExisting(located: Located, spec: Spec, existing: VcdaReplication, ctx: Context): Promise<VcdaReplication> {
  const claim = claimOf(spec, existing);
  refuseUnlessOursOrAdopted(claim);
  const { ours } = claim.ownership;
  refuseIdentityMismatch(identityDifferences(spec, existing), (d) => (ours ? vcdaStillReplicated(spec, existing, d) : vcdaIdentityMismatch(spec, existing, d)));
  if (ours && existing.isPaused === true) return applySettings(located, spec, await resumeOurs(located, spec, existing, ctx), ctx);
  announceTakeUp(claim, {
    oursNote: `already replicated (replication ${existing.id}) by this code`,
    taken: `replication ${existing.id}`,
    consequences: 'its identity matches the code, its description now names this code as owner, and from now on its destroy applies to it',
  }, ctx);
  return applySettings(located, spec, existing, ctx);
}

async function create(spec: Spec, ctx: Context): Promise<VcdaReplicationState> {
  const located = await locate(spec, ctx);
  const existing = await findReplication(located.client, spec);
  return stateFor(spec, existing !== undefined ? await takeExisting(located, spec, existing, ctx) : await createNew(located, spec, ctx));
}

async function read(spec: Spec, ctx: Context, known?: Known): Promise<VcdaReplicationState | undefined> {
  const found = await locateReplication(ctx.clients.get(vcdaClient, spec.connection), spec, known);
  return found === undefined ? undefined : stateFor(spec, found);
}

async function update(spec: Spec, ctx: Context, known?: Known): Promise<VcdaReplicationState> {
  const located = await locate(spec, ctx);
  const existing = await locateReplication(located.client, spec, known);
  if (existing === undefined) {
    ctx.log.warn(`${vmLabel(spec)}: no replication to change; creating it`);
    return create(spec, ctx);
  }
  return stateFor(spec, await applySettings(located, spec, existing, ctx));
}

/**
 * DELETE → its task, or `undefined` when there is nothing (left) to delete. By the write rule (core/write), a DELETE
 * lost in transit is never taken as done: the replication is read again — gone, it landed; still there, the DELETE
 * is sent once more, and a refusal of that one (the first one's task is running) waits until the replication is gone.
 */
async function sendDelete(located: Located, spec: Spec, live: VcdaReplication, ctx: Context): Promise<VcdaTask | undefined> {
  const { client } = located;
  const outcome = await sendUntilLanded<VcdaTask, 'gone'>({
    send: () => client.deleteReplication(live.id, onSource(live)),
    async decide(error, send) {
      if (isNotFoundError(error)) return { kind: 'landed', found: 'gone' };
      if (send === 1 || !isApiError(error) || error.status !== 400) return undefined;
      await waitUntilGone(client, spec, live, ctx);
      return { kind: 'landed', found: 'gone' };
    },
    reread: async () => ((await client.getReplication(live.id)) === undefined ? 'gone' : undefined),
    resending: (error) => ctx.log.warn(`${vmLabel(spec)}: the delete request failed in transit (${error.message}); the replication is still there, sending it again`),
  });
  return outcome.kind === 'answered' ? outcome.answer : undefined;
}

async function waitUntilGone(client: VcdaClient, spec: Spec, live: VcdaReplication, ctx: Context): Promise<void> {
  await waitUntil<true>(ctx, {
    label: `waiting for replication ${live.id} of ${vmLabel(spec)} to be deleted`,
    description: `replication ${live.id} to be deleted`,
    timeoutSeconds: spec.timeouts.delete_seconds,
    poll: TASK_POLL,
    check: async () => ((await client.getReplication(live.id)) === undefined ? { done: true, value: true } : { done: false }),
  });
}

async function deleteWithReplica(located: Located, spec: Spec, live: VcdaReplication, ctx: Context): Promise<void> {
  const task = await sendDelete(located, spec, live, ctx);
  if (task !== undefined) {
    // A DELETE sent again after a lost answer may race the first one: its task failing on a replication that is
    // gone is the outcome asked for.
    await waitTask(ctx, located.client, task, `deleting replication of ${vmLabel(spec)}`, spec.timeouts.delete_seconds).catch(async (error: unknown) => {
      if ((await located.client.getReplication(live.id)) !== undefined) throw error;
    });
  }
  ctx.log.info(`${vmLabel(spec)}: replication ${live.id} deleted with its replica on ${live.destination.site} (on_delete.delete_replica: true)`);
}

/** VCDA has no delete that keeps the replica: by default a destroy pauses the replication and leaves it. */
async function pauseAndKeep(located: Located, spec: Spec, live: VcdaReplication, ctx: Context): Promise<void> {
  if (live.isPaused !== true) {
    const task = await located.client.pauseReplication(live.id, onSource(live));
    await waitTask(ctx, located.client, task, `pausing replication of ${vmLabel(spec)}`, spec.timeouts.delete_seconds);
  }
  ctx.log.warn(
    `${vmLabel(spec)}: replication ${live.id} is PAUSED and KEPT, with its replica on ${live.destination.site}: in VCDA, deleting a replication ` +
      'deletes its replica, and this code never deletes data unless told. To delete it for real, set on_delete.delete_replica: true ' +
      `before destroying, or delete replication ${live.id} in VCDA (DELETE /vm-replications/${live.id})`,
  );
}

/** A drill (test failover) of the replication runs: neither pause nor delete it under the test VM. */
function refuseUnderTestFailover(spec: Spec, live: VcdaReplication): void {
  const recovery = live.destinationState?.recoveryInfo;
  if (recovery?.recoveryState !== 'TEST' && recovery?.recoveryState !== 'IN_PROGRESS') return;
  throw new Error(
    `replication ${live.id} of ${vmLabel(spec)} is under a test failover (${recovery.recoveryState}, test VM ${recovery.vcdVmId ?? 'unknown'} on ${live.destination.site}): ` +
      'it is not destroyed while a drill runs. Nothing was changed. Clean the drill up first — destroy its repliform_vcda_test_failover resource ' +
      `(or let \`repliform drill\` finish), or DELETE /vm-replications/${live.id}/failover-test — then destroy again`,
  );
}

async function remove(spec: Spec, ctx: Context, known?: Known): Promise<void> {
  const client = ctx.clients.get(vcdaClient, spec.connection);
  const live = await locateReplication(client, spec, known);
  if (live === undefined) {
    ctx.log.info(`${vmLabel(spec)}: no replication from ${spec.source.site}; nothing to remove`);
    return;
  }
  const recorded = ownerInDescription(live.settings.description);
  if (recorded !== undefined && spec.owner !== null && recorded !== spec.owner) {
    ctx.log.warn(`${vmLabel(spec)}: NOT touching replication ${live.id}: its description names ${recorded} as owner, not ${spec.owner}; it stays as it is`);
    return;
  }
  refuseUnderTestFailover(spec, live);
  const located = { client, sites: await knownSites(client, [live.destination.site, live.source.site]) };
  await reachSites(client, located.sites, [live.destination.site, live.source.site]);
  await (spec.on_delete.delete_replica ? deleteWithReplica(located, spec, live, ctx) : pauseAndKeep(located, spec, live, ctx));
}

function parse(raw: unknown, action: LifecycleAction): Spec {
  const spec = parseForAction({ full: vcdaReplicationSpecSchema, destroy: vcdaReplicationDeleteSpecSchema }, raw, action, 'vcda.replication');
  return { ...spec, settings: spec.settings ?? SETTINGS_UNUSED_ON_DELETE };
}

export const vcdaReplicationHandler: ResourceHandler<Spec, VcdaReplicationState> = {
  kind: 'vcda.replication',
  parseSpec: parse,
  describe: vmLabel,
  create,
  read,
  update,
  delete: remove,
};

/**
 * Handler of kind `sdrs.replication-pair`: find-or-create by group + production volume; rename and expand in
 * place (never shrink); delete keeps the DR-site volume unless `on_delete.delete_target_volume`.
 *
 * @api SDRS GET    {P}/server-groups?offset=&limit=  (or GET {P}/server-groups/{id})
 * @api SDRS GET    {P}/replications?server_group_id=&offset=&limit=
 * @api SDRS GET    {P}/replications/{id}
 * @api SDRS POST   {P}/replications
 * @api SDRS PUT    {P}/replications/{id}
 * @api SDRS POST   {P}/replications/{id}/action   ({"extend-replication":{"new_size":N}})
 * @api SDRS DELETE {P}/replications/{id}          (body {replication:{server_group_id, delete_target_volume}})
 * @api SDRS GET    {P}/jobs/{job_id}
 * @api SDRS GET    {P}/disaster-recovery-drills?server_group_id=&offset=&limit=  (a delete is refused while a drill of the group exists)
 */
import type { SdrsClient } from '../../../../lib/client/sdrs/sdrs-client';
import type { SdrsReplication } from '../../../../lib/client/sdrs/types';
import type { ClientFactory, Context, Known, LifecycleAction, LiveNotice, ResourceHandler } from '../../contract';
import { sendUntilLanded, type WriteOutcome } from '../../core/write';
import { InputError } from '../../errors';
import { parseForAction } from '../../parse-spec';
import { claimExisting, removalRefusal, withRecordedOwner } from '../claim';
import { sdrsClient } from '../client';
import { madeId, settledAfterLoss, waitJob } from '../jobs';
import { errorNotice, isSdrsErrorStatus, statusMeaning, stringAt } from '../live-notice';
import { describedAs, descriptionDrift, markerIn } from '../marker';
import { drVolume, findGroup, findPair, inGroupOf, productionVolume, requireGroup } from '../resolve';
import { locateLive } from '../../core/locate';
import { refuseWhileDrilling } from '../drill/operations';
import { sdrsReplicationPairDeleteSpecSchema, sdrsReplicationPairSpecSchema, type SdrsReplicationPairDeleteSpec, type SdrsReplicationPairSpec } from './schema';

type Spec = SdrsReplicationPairSpec;
type AnySpec = Spec | SdrsReplicationPairDeleteSpec;

/** What `read` reports about a live pair. */
export interface SdrsReplicationPairState {
  readonly id: string;
  readonly name: string;
  readonly group_id: string;
  readonly volume_id: string;
  readonly target_volume_id: string | null;
  readonly status: string;
  readonly replication_status: string | null;
  readonly size_gb: number | null;
  readonly marker: string | null;
  /** The error code SDRS gives a pair in `error`; null otherwise. */
  readonly failure_detail: string | null;
  /** `0` no fault, `2` the production volume cannot be read or written, `5` the replication link is down; null when not reported. */
  readonly fault_level: string | null;
}

export function toPairState(pair: SdrsReplication): SdrsReplicationPairState {
  return {
    id: pair.id,
    name: pair.name,
    group_id: pair.server_group_id,
    volume_id: productionVolume(pair),
    target_volume_id: drVolume(pair),
    status: pair.status,
    replication_status: pair.replication_status ?? null,
    size_gb: pair.record_metadata?.volume_size ?? null,
    marker: markerIn(pair.description) ?? null,
    failure_detail: pair.failure_detail ?? null,
    fault_level: pair.fault_level ?? null,
  };
}

function label(spec: AnySpec): string {
  return `replication pair of volume ${spec.volume_id}`;
}

/** A pair that is listed while its create or delete job still runs: wait until it settles (or is gone). */
async function settledPair(client: SdrsClient, id: string, ctx: Context, what: string, timeoutSeconds: number): Promise<SdrsReplication | undefined> {
  return settledAfterLoss(ctx, `replication pair ${id}`, what, timeoutSeconds, () => client.getReplication(id));
}

/**
 * POST the create by the write rule (core/write): lost in transit, a re-read decides — the pair of the volume is
 * there (it landed: wait for it) or it is not (send it again).
 */
async function sendCreate(client: SdrsClient, spec: Spec, groupId: string, ctx: Context): Promise<WriteOutcome<string, SdrsReplication>> {
  const cluster = spec.cluster_id !== null ? { cluster_id: spec.cluster_id } : {};
  return sendUntilLanded<string, SdrsReplication>({
    send: () => client.createReplication({ server_group_id: groupId, volume_id: spec.volume_id, name: spec.name, description: describedAs(spec.description, spec.owner), ...cluster }),
    async reread() {
      const landed = await findPair(client, groupId, spec.volume_id);
      return landed === undefined ? undefined : settledPair(client, landed.id, ctx, 'its create', spec.timeouts.create_seconds);
    },
    resending: (error) => ctx.log.warn(`${label(spec)}: the create request failed in transit (${error.message}) and did not land; sending it again`),
  });
}

async function createNew(client: SdrsClient, spec: Spec, groupId: string, ctx: Context): Promise<SdrsReplication> {
  const sent = await sendCreate(client, spec, groupId, ctx);
  if (sent.kind === 'landed') {
    ctx.log.info(`${label(spec)}: the create request landed although its answer was lost; taking pair ${sent.found.id}`);
    return sent.found;
  }
  const jobId = sent.answer;
  const job = await waitJob(ctx, client, jobId, `creating ${label(spec)} (group ${groupId})`, spec.timeouts.create_seconds);
  const id = madeId(job, 'replication_pair_id', 'replication pair');
  const pair = await client.getReplication(id);
  if (pair === undefined) throw new Error(`replication pair ${id} is not found right after its create job succeeded`);
  ctx.log.info(`${label(spec)}: created as ${id} in group ${groupId}; the initial sync of the volume runs now`);
  return pair;
}

/** A size below the current one is bad input: SDRS (and the volume) never shrink. */
export function refuseShrink(volumeId: unknown, currentGb: unknown, wantedGb: unknown): void {
  if (typeof currentGb === 'number' && typeof wantedGb === 'number' && wantedGb < currentGb) {
    throw new InputError('size_gb', `must be at least ${currentGb} GB, the size of volume ${String(volumeId)} (SDRS only expands, never shrinks), got ${wantedGb}`);
  }
}

function checkSize(spec: Spec, live: SdrsReplication): void {
  refuseShrink(spec.volume_id, live.record_metadata?.volume_size, spec.size_gb);
}

async function applySettings(client: SdrsClient, spec: Spec, live: SdrsReplication, ctx: Context): Promise<SdrsReplication> {
  checkSize(spec, live);
  const drift = descriptionDrift(spec.description, live.description);
  if (drift !== undefined) ctx.log.warn(`${label(spec)}: ${drift}`);
  let current = live;
  if (current.name !== spec.name) {
    ctx.log.info(`${label(spec)}: renaming ${live.id} in place: "${current.name}" → "${spec.name}"`);
    current = await client.renameReplication(live.id, spec.name);
  }
  const size = current.record_metadata?.volume_size;
  if (spec.size_gb !== null && size !== undefined && spec.size_gb > size) {
    ctx.log.info(`${label(spec)}: expanding ${live.id} in place (no resync): ${size} → ${spec.size_gb} GB, both volumes`);
    const jobId = await client.expandReplication(live.id, spec.size_gb);
    await waitJob(ctx, client, jobId, `expanding ${label(spec)} to ${spec.size_gb} GB`, spec.timeouts.update_seconds);
    const after = await client.getReplication(live.id);
    if (after === undefined) throw new Error(`replication pair ${live.id} is gone right after its expand job succeeded`);
    current = after;
  }
  return current;
}

async function create(spec: Spec, ctx: Context): Promise<SdrsReplicationPairState> {
  const client = ctx.clients.get(sdrsClient, spec.connection);
  const group = await requireGroup(client, spec.group, 'group');
  const existing = await findPair(client, group.id, spec.volume_id);
  if (existing === undefined) return toPairState(await applySettings(client, spec, await createNew(client, spec, group.id, ctx), ctx));
  checkSize(spec, existing);
  claimExisting(
    {
      subject: label(spec),
      id: existing.id,
      object: `replication pair ${existing.id} "${existing.name}", ${existing.status}`,
      description: existing.description,
      owner: spec.owner,
      adopt: spec.adopt,
      differences: [],
      removal: `delete replication pair ${existing.id}`,
    },
    ctx,
  );
  return toPairState(await applySettings(client, spec, existing, ctx));
}

/** The spec's pair: by the id Terraform's state holds, else by group + production volume (core/locate). */
async function locate(spec: AnySpec, clients: ClientFactory, known: Known | undefined): Promise<{ client: SdrsClient; pair: SdrsReplication | undefined }> {
  const client = clients.get(sdrsClient, spec.connection);
  const pair = await locateLive(known, {
    byId: (id) => client.getReplication(id),
    byKey: async () => {
      const group = await findGroup(client, spec.group);
      return group === undefined ? undefined : findPair(client, group.id, spec.volume_id);
    },
    isKeyed: (live) => productionVolume(live) === spec.volume_id && inGroupOf(spec.group, live.server_group_id),
  });
  return { client, pair };
}

/** The live pair a spec names (also the review's `--live` read). */
export async function readPair(spec: AnySpec, clients: ClientFactory, known?: Known): Promise<SdrsReplicationPairState | undefined> {
  const { pair } = await locate(spec, clients, known);
  return pair === undefined ? undefined : toPairState(pair);
}

async function update(spec: Spec, ctx: Context, known: Known | undefined): Promise<SdrsReplicationPairState> {
  const { client, pair } = await locate(spec, ctx.clients, known);
  if (pair === undefined) {
    ctx.log.warn(`${label(spec)}: no pair to change; creating it`);
    return create(spec, ctx);
  }
  return toPairState(await applySettings(client, spec, pair, ctx));
}

async function remove(spec: AnySpec, ctx: Context, known?: Known): Promise<void> {
  const { client, pair } = await locate(spec, ctx.clients, known);
  if (pair === undefined) {
    ctx.log.info(`${label(spec)}: no such pair; nothing to remove`);
    return;
  }
  const refusal = removalRefusal(pair, spec.owner, spec.adopt, ctx);
  if (refusal !== undefined) {
    ctx.log.warn(`${label(spec)}: NOT deleting replication pair ${pair.id}: ${refusal}; it stays as it is`);
    return;
  }
  await refuseWhileDrilling(client, pair.server_group_id, label(spec));
  const deleteTargetVolume = spec.on_delete.delete_target_volume;
  const jobId = await sendDelete(client, pair, { serverGroupId: pair.server_group_id, deleteTargetVolume }, spec, ctx);
  if (jobId !== undefined) await waitJob(ctx, client, jobId, `deleting replication pair ${pair.id}`, spec.timeouts.delete_seconds);
  const dr = drVolume(pair) ?? 'the DR-site volume';
  if (deleteTargetVolume) ctx.log.warn(`${label(spec)}: replication pair ${pair.id} deleted, and its DR-site volume ${dr} DELETED with its data (on_delete.delete_target_volume: true)`);
  else ctx.log.info(`${label(spec)}: replication pair ${pair.id} deleted; its DR-site volume ${dr} is KEPT with its data`);
}

/** DELETE → its job, or `undefined` when it is gone. By the write rule (core/write), a lost DELETE is re-read: gone or going, it landed. */
async function sendDelete(
  client: SdrsClient,
  pair: SdrsReplication,
  options: { serverGroupId: string; deleteTargetVolume: boolean },
  spec: AnySpec,
  ctx: Context,
): Promise<string | undefined> {
  const outcome = await sendUntilLanded<string | undefined, 'gone'>({
    send: () => client.deleteReplication(pair.id, options),
    async reread() {
      const live = await client.getReplication(pair.id);
      if (live === undefined) return 'gone';
      if (live.status !== 'deleting') return undefined;
      return (await settledPair(client, pair.id, ctx, 'its delete', spec.timeouts.delete_seconds)) === undefined ? 'gone' : undefined;
    },
    resending: (error) => ctx.log.warn(`${label(spec)}: the delete request failed in transit (${error.message}); the pair is still there, sending it again`),
  });
  return outcome.kind === 'answered' ? outcome.answer : undefined;
}

/** What SDRS's fault levels mean (Huawei's ShowReplication page). */
const FAULT_LEVELS: Readonly<Record<string, string>> = {
  '2': 'the production volume cannot be read or written, Huawei advises a failover',
  '5': 'the replication link is down, a failover is not possible',
};

function causeOf(state: Readonly<Record<string, unknown>>): string {
  const detail = stringAt(state, 'failure_detail');
  const level = stringAt(state, 'fault_level');
  const parts = [detail !== undefined ? `failure_detail ${detail}` : undefined, level !== undefined && FAULT_LEVELS[level] ? `fault_level ${level}: ${FAULT_LEVELS[level]}` : undefined];
  const known = parts.filter((part) => part !== undefined);
  return known.length > 0 ? ` (${known.join('; ')})` : '';
}

function wayOut(status: string, faultLevel: string | undefined): string | undefined {
  if (status === 'error' || status === 'invalid') {
    return "`terraform apply -replace=<this resource's address>` deletes the pair and pairs the volume again (a full initial sync; the DR-site volume is kept unless on_delete.delete_target_volume).";
  }
  if (status === 'error-extending') return 'SDRS expands a pair again from error-extending: once the cause is fixed, an apply with size_gb above the live size retries it.';
  if (faultLevel === '5') return 'Huawei asks you to contact its support for a broken link.';
  return undefined;
}

/** A pair found in an error status by the last read (the provider's refreshed state): the plan tells it, with SDRS's cause. */
export const sdrsReplicationPairLiveNotice: LiveNotice = (state) => {
  const status = stringAt(state, 'status');
  if (status === undefined || !isSdrsErrorStatus(status)) return undefined;
  const pair = `replication pair ${stringAt(state, 'id') ?? '?'} "${stringAt(state, 'name') ?? '?'}" (volume ${stringAt(state, 'volume_id') ?? '?'})`;
  const meaning = statusMeaning(status, { invalid: 'one of its volumes was deleted', fault: 'its data sync is abnormal' });
  return errorNotice(pair, status, `${meaning}${causeOf(state)}`, wayOut(status, stringAt(state, 'fault_level')));
};

function parse(raw: unknown, action: LifecycleAction): AnySpec {
  return parseForAction({ full: sdrsReplicationPairSpecSchema, destroy: sdrsReplicationPairDeleteSpecSchema }, raw, action, 'sdrs.replication-pair');
}

/** Create and update parse the full spec; the handler's type is the wider one of delete. */
function full(spec: AnySpec): Spec {
  if (spec.name === undefined || spec.size_gb === undefined) throw new Error('sdrs.replication-pair: create/update called with a destroy-time spec (no settings)');
  return { ...spec, name: spec.name, size_gb: spec.size_gb };
}

export const sdrsReplicationPairHandler: ResourceHandler<AnySpec, SdrsReplicationPairState> = {
  kind: 'sdrs.replication-pair',
  parseSpec: parse,
  describe: label,
  create: (spec, ctx) => create(full(spec), ctx),
  read: async (spec, ctx, known) => withRecordedOwner(await readPair(spec, ctx.clients, known), ctx),
  update: (spec, ctx, known) => update(full(spec), ctx, known),
  delete: remove,
};

/**
 * Handler of kind `sdrs.protection-group`: find-or-create by owner marker (or name) within AZs + VPC; rename in
 * place; delete the group (SDRS refuses while it still has pairs or instances: they are destroyed first).
 *
 * @api SDRS GET    {P}/server-groups?offset=&limit=
 * @api SDRS GET    {P}/server-groups/{id}
 * @api SDRS POST   {P}/server-groups
 * @api SDRS PUT    {P}/server-groups/{id}
 * @api SDRS DELETE {P}/server-groups/{id}
 * @api SDRS GET    {P}/jobs/{job_id}
 * @api SDRS GET    {P}/disaster-recovery-drills?server_group_id=&offset=&limit=  (a delete is refused while a drill of the group exists)
 */
import type { SdrsClient } from '../../../../lib/client/sdrs/sdrs-client';
import type { SdrsServerGroup } from '../../../../lib/client/sdrs/types';
import type { ClientFactory, Context, LifecycleAction, LiveNotice, ResourceHandler } from '../../contract';
import { sendUntilLanded, type WriteOutcome } from '../../core/write';
import { parseForAction } from '../../parse-spec';
import { claimExisting, removalRefusal, withRecordedOwner } from '../claim';
import { sdrsClient } from '../client';
import { madeId, settledAfterLoss, waitJob } from '../jobs';
import { errorNotice, GROUP_DAMAGE, isSdrsErrorStatus, statusMeaning, stringAt } from '../live-notice';
import { describedAs, descriptionDrift, markerIn } from '../marker';
import { findGroupByKey } from '../resolve';
import { refuseWhileDrilling } from '../drill/operations';
import { sdrsProtectionGroupDeleteSpecSchema, sdrsProtectionGroupSpecSchema, type SdrsProtectionGroupDeleteSpec, type SdrsProtectionGroupSpec } from './schema';

type Spec = SdrsProtectionGroupSpec;

/** What SDRS makes when the create names no DR type (the API's default). */
const DEFAULT_DR_TYPE = 'migration';
type AnySpec = Spec | SdrsProtectionGroupDeleteSpec;

/** What `read` reports about a live group. */
export interface SdrsProtectionGroupState {
  readonly id: string;
  readonly name: string;
  readonly status: string;
  /** `started` / `stopped` as SDRS reports it; null when not reported. */
  readonly protected_status: string | null;
  readonly source_availability_zone: string;
  readonly target_availability_zone: string;
  readonly source_vpc_id: string;
  readonly domain_id: string | null;
  readonly dr_type: string | null;
  readonly replication_num: number;
  readonly protected_instance_num: number;
  /** The ownership marker of the description (`rf:<hash>`); null when there is none. */
  readonly marker: string | null;
}

export function toGroupState(group: SdrsServerGroup): SdrsProtectionGroupState {
  return {
    id: group.id,
    name: group.name,
    status: group.status,
    protected_status: group.protected_status ?? null,
    source_availability_zone: group.source_availability_zone,
    target_availability_zone: group.target_availability_zone,
    source_vpc_id: group.source_vpc_id,
    domain_id: group.domain_id ?? null,
    dr_type: group.dr_type ?? null,
    replication_num: group.replication_num ?? 0,
    protected_instance_num: group.protected_instance_num ?? 0,
    marker: markerIn(group.description) ?? null,
  };
}

function label(spec: AnySpec): string {
  return `protection group ${spec.name ?? `of ${spec.owner ?? '(unnamed)'}`} (${spec.source_availability_zone} → ${spec.target_availability_zone})`;
}

/** The spec's own group: marked by its owner, else named as the spec names it. */
export async function findOwnGroup(client: SdrsClient, spec: AnySpec): Promise<SdrsServerGroup | undefined> {
  return findGroupByKey(client, { ...spec, owner: spec.owner });
}

function identityDifferences(spec: Spec, live: SdrsServerGroup): string[] {
  const differences: string[] = [];
  if ((live.domain_id ?? null) !== spec.domain_id) differences.push(`domain_id: live ${JSON.stringify(live.domain_id ?? null)}, code ${JSON.stringify(spec.domain_id)}`);
  const drType = spec.dr_type ?? DEFAULT_DR_TYPE;
  if ((live.dr_type ?? DEFAULT_DR_TYPE) !== drType) differences.push(`dr_type: live ${JSON.stringify(live.dr_type)}, code ${JSON.stringify(drType)}`);
  return differences;
}

/**
 * POST the create by the write rule (core/write): lost in transit, a re-read decides — the spec's group is there
 * (it landed: wait for it) or it is not (send it again).
 */
async function sendCreate(client: SdrsClient, spec: Spec, ctx: Context): Promise<WriteOutcome<string, SdrsServerGroup>> {
  return sendUntilLanded<string, SdrsServerGroup>({
    send: () =>
      client.createProtectionGroup({
        name: spec.name,
        description: describedAs(spec.description, spec.owner),
        source_availability_zone: spec.source_availability_zone,
        target_availability_zone: spec.target_availability_zone,
        domain_id: spec.domain_id,
        source_vpc_id: spec.source_vpc_id,
        ...(spec.dr_type !== null ? { dr_type: spec.dr_type } : {}),
      }),
    async reread() {
      const landed = await findOwnGroup(client, spec);
      return landed === undefined ? undefined : settledAfterLoss(ctx, `protection group ${landed.id}`, 'its create', spec.timeouts.create_seconds, () => client.getProtectionGroup(landed.id));
    },
    resending: (error) => ctx.log.warn(`${label(spec)}: the create request failed in transit (${error.message}) and did not land; sending it again`),
  });
}

async function createNew(client: SdrsClient, spec: Spec, ctx: Context): Promise<SdrsServerGroup> {
  const sent = await sendCreate(client, spec, ctx);
  if (sent.kind === 'landed') {
    ctx.log.info(`${label(spec)}: the create request landed although its answer was lost; taking group ${sent.found.id}`);
    return sent.found;
  }
  const jobId = sent.answer;
  const job = await waitJob(ctx, client, jobId, `creating ${label(spec)}`, spec.timeouts.create_seconds);
  const id = madeId(job, 'server_group_id', 'protection group');
  const group = await client.getProtectionGroup(id);
  if (group === undefined) throw new Error(`protection group ${id} is not found right after its create job succeeded`);
  ctx.log.info(`${label(spec)}: created as ${id}`);
  return group;
}

async function rename(client: SdrsClient, spec: Spec, live: SdrsServerGroup, ctx: Context): Promise<SdrsServerGroup> {
  const drift = descriptionDrift(spec.description, live.description);
  if (drift !== undefined) ctx.log.warn(`${label(spec)}: ${drift}`);
  if (live.name === spec.name) return live;
  ctx.log.info(`${label(spec)}: renaming ${live.id} in place: "${live.name}" → "${spec.name}"`);
  return client.renameProtectionGroup(live.id, spec.name);
}

async function create(spec: Spec, ctx: Context): Promise<SdrsProtectionGroupState> {
  const client = ctx.clients.get(sdrsClient, spec.connection);
  const existing = await findOwnGroup(client, spec);
  if (existing === undefined) return toGroupState(await createNew(client, spec, ctx));
  claimExisting(
    {
      subject: label(spec),
      id: existing.id,
      object: `protection group ${existing.id} "${existing.name}", ${existing.status}`,
      description: existing.description,
      owner: spec.owner,
      adopt: spec.adopt,
      differences: identityDifferences(spec, existing),
      removal: `delete protection group ${existing.id}`,
    },
    ctx,
  );
  return toGroupState(await rename(client, spec, existing, ctx));
}

/** The live group a spec names (also the review's `--live` read). */
export async function readGroup(spec: AnySpec, clients: ClientFactory): Promise<SdrsProtectionGroupState | undefined> {
  const found = await findOwnGroup(clients.get(sdrsClient, spec.connection), spec);
  return found === undefined ? undefined : toGroupState(found);
}

async function update(spec: Spec, ctx: Context): Promise<SdrsProtectionGroupState> {
  const client = ctx.clients.get(sdrsClient, spec.connection);
  const existing = await findOwnGroup(client, spec);
  if (existing === undefined) {
    ctx.log.warn(`${label(spec)}: no group to rename; creating it`);
    return create(spec, ctx);
  }
  return toGroupState(await rename(client, spec, existing, ctx));
}

async function remove(spec: SdrsProtectionGroupDeleteSpec, ctx: Context): Promise<void> {
  const client = ctx.clients.get(sdrsClient, spec.connection);
  const live = await findOwnGroup(client, spec);
  if (live === undefined) {
    ctx.log.info(`${label(spec)}: no such group; nothing to remove`);
    return;
  }
  const refusal = removalRefusal(live, spec.owner, spec.adopt, ctx);
  if (refusal !== undefined) {
    ctx.log.warn(`${label(spec)}: NOT deleting protection group ${live.id}: ${refusal}; it stays as it is`);
    return;
  }
  await refuseWhileDrilling(client, live.id, label(spec));
  const jobId = await client.deleteProtectionGroup(live.id);
  if (jobId !== undefined) await waitJob(ctx, client, jobId, `deleting protection group ${live.id}`, spec.timeouts.delete_seconds);
  ctx.log.info(`${label(spec)}: protection group ${live.id} deleted`);
}

/** A group found in an error status by the last read (the provider's refreshed state): the plan tells it. */
export const sdrsProtectionGroupLiveNotice: LiveNotice = (state) => {
  const status = stringAt(state, 'status');
  if (status === undefined || !isSdrsErrorStatus(status)) return undefined;
  const group = `protection group ${stringAt(state, 'id') ?? '?'} "${stringAt(state, 'name') ?? '?'}"`;
  return errorNotice(group, status, statusMeaning(status, GROUP_DAMAGE));
};

/** Delete (and the review's live read) accept the destroy-time spec, which has no name. */
export function parseAny(raw: unknown, action: LifecycleAction): AnySpec {
  return parseForAction({ full: sdrsProtectionGroupSpecSchema, destroy: sdrsProtectionGroupDeleteSpecSchema }, raw, action, 'sdrs.protection-group');
}

export const sdrsProtectionGroupHandler: ResourceHandler<AnySpec, SdrsProtectionGroupState> = {
  kind: 'sdrs.protection-group',
  parseSpec: parseAny,
  describe: label,
  create: (spec, ctx) => create(requireName(spec), ctx),
  read: async (spec, ctx) => withRecordedOwner(await readGroup(spec, ctx.clients), ctx),
  update: (spec, ctx) => update(requireName(spec), ctx),
  delete: remove,
};

/** Create and update parse the full spec (with a name); the type of the handler is the wider one of delete. */
function requireName(spec: AnySpec): Spec {
  if (spec.name === undefined) throw new Error('sdrs.protection-group: create/update called with a destroy-time spec (no name)');
  return { ...spec, name: spec.name };
}

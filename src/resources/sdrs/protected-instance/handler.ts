/**
 * Handler of kind `sdrs.protected-instance`: find-or-create by group + production server; rename in place; delete
 * keeps the DR-site server (and its EIP) unless `on_delete.delete_target_server` / `delete_target_eip`.
 *
 * @api SDRS GET    {P}/server-groups?offset=&limit=  (or GET {P}/server-groups/{id})
 * @api SDRS GET    {P}/protected-instances?server_group_id=&offset=&limit=
 * @api SDRS GET    {P}/protected-instances/{id}
 * @api SDRS POST   {P}/protected-instances
 * @api SDRS PUT    {P}/protected-instances/{id}
 * @api SDRS DELETE {P}/protected-instances/{id}   (body {delete_target_server, delete_target_eip})
 * @api SDRS GET    {P}/jobs/{job_id}
 */
import type { SdrsClient } from '../../../../lib/client/sdrs/sdrs-client';
import type { SdrsCreateProtectedInstance, SdrsProtectedInstance } from '../../../../lib/client/sdrs/types';
import type { ClientFactory, Context, Known, LifecycleAction, LiveNotice, ResourceHandler } from '../../contract';
import { InputError } from '../../errors';
import { sendUntilLanded, type WriteOutcome } from '../../core/write';
import { parseForAction } from '../../parse-spec';
import { claimExisting, removalRefusal, withRecordedOwner } from '../claim';
import { sdrsClient } from '../client';
import { madeId, settledAfterLoss, waitJob } from '../jobs';
import { errorNotice, isSdrsErrorStatus, statusMeaning, stringAt } from '../live-notice';
import { describedAs, descriptionDrift, markerIn } from '../marker';
import { findGroup, findInstance, inGroupOf, requireGroup } from '../resolve';
import { locateLive } from '../../core/locate';
import { sdrsTagList } from '../spec-common';
import {
  sdrsProtectedInstanceDeleteSpecSchema,
  sdrsProtectedInstanceSpecSchema,
  type SdrsProtectedInstanceDeleteSpec,
  type SdrsProtectedInstanceSpec,
} from './schema';

type Spec = SdrsProtectedInstanceSpec;
type AnySpec = Spec | SdrsProtectedInstanceDeleteSpec;

/** What `read` reports about a live protected instance. */
export interface SdrsProtectedInstanceState {
  readonly id: string;
  readonly name: string;
  readonly group_id: string;
  readonly server_id: string;
  readonly target_server_id: string | null;
  readonly status: string;
  readonly attachments: readonly { readonly pair_id: string; readonly device: string }[];
  readonly marker: string | null;
}

export function toInstanceState(instance: SdrsProtectedInstance): SdrsProtectedInstanceState {
  return {
    id: instance.id,
    name: instance.name,
    group_id: instance.server_group_id,
    server_id: instance.source_server,
    target_server_id: instance.target_server ?? null,
    status: instance.status,
    attachments: (instance.attachment ?? []).map((a) => ({ pair_id: a.replication ?? '', device: a.device ?? '' })),
    marker: markerIn(instance.description) ?? null,
  };
}

function label(spec: AnySpec): string {
  return `protected instance of server ${spec.server_id}`;
}

function createBody(spec: Spec, groupId: string): SdrsCreateProtectedInstance {
  const optional = {
    cluster_id: spec.cluster_id,
    primary_subnet_id: spec.primary_subnet_id,
    primary_ip_address: spec.primary_ip_address,
    flavorRef: spec.flavor_ref,
    tenancy: spec.tenancy,
    dedicated_host_id: spec.dedicated_host_id,
  };
  const given = Object.fromEntries(Object.entries(optional).filter(([, value]) => value !== null));
  const tags = sdrsTagList(spec.tags);
  return { server_group_id: groupId, server_id: spec.server_id, name: spec.name, description: describedAs(spec.description, spec.owner), ...given, ...(tags ? { tags } : {}) };
}

/** Tags that differ from the live ones: create-time only here, so reported and left as they are. */
function tagsDrift(spec: Spec, live: SdrsProtectedInstance): string | undefined {
  if (spec.tags === null) return undefined;
  const wanted = JSON.stringify(sdrsTagList(spec.tags));
  const current = JSON.stringify((live.tags ?? []).map((tag) => ({ key: tag.key, value: tag.value })));
  return wanted === current ? undefined : `tags ${current} differ from the code's ${wanted}; tags are set when the instance is created: change them in the SDRS console (nothing sent)`;
}

/**
 * POST the create by the write rule (core/write): lost in transit, a re-read decides — the server's protected
 * instance is in the group (it landed: wait for it) or it is not (send it again).
 */
async function sendCreate(client: SdrsClient, spec: Spec, groupId: string, ctx: Context): Promise<WriteOutcome<string, SdrsProtectedInstance>> {
  return sendUntilLanded<string, SdrsProtectedInstance>({
    send: () => client.createProtectedInstance(createBody(spec, groupId)),
    async reread() {
      const landed = await findInstance(client, groupId, spec.server_id);
      return landed === undefined ? undefined : settledAfterLoss(ctx, `protected instance ${landed.id}`, 'its create', spec.timeouts.create_seconds, () => client.getProtectedInstance(landed.id));
    },
    resending: (error) => ctx.log.warn(`${label(spec)}: the create request failed in transit (${error.message}) and did not land; sending it again`),
  });
}

async function createNew(client: SdrsClient, spec: Spec, groupId: string, ctx: Context): Promise<SdrsProtectedInstance> {
  const sent = await sendCreate(client, spec, groupId, ctx);
  if (sent.kind === 'landed') {
    ctx.log.info(`${label(spec)}: the create request landed although its answer was lost; taking protected instance ${sent.found.id}`);
    return sent.found;
  }
  const jobId = sent.answer;
  const job = await waitJob(ctx, client, jobId, `protecting server ${spec.server_id} (group ${groupId}): creating its DR-site server`, spec.timeouts.create_seconds);
  const id = madeId(job, 'protected_instance_id', 'protected instance');
  const instance = await client.getProtectedInstance(id);
  if (instance === undefined) throw new Error(`protected instance ${id} is not found right after its create job succeeded`);
  ctx.log.info(`${label(spec)}: created as ${id} in group ${groupId}`);
  return instance;
}

async function rename(client: SdrsClient, spec: Spec, live: SdrsProtectedInstance, ctx: Context): Promise<SdrsProtectedInstance> {
  for (const drift of [descriptionDrift(spec.description, live.description), tagsDrift(spec, live)]) {
    if (drift !== undefined) ctx.log.warn(`${label(spec)}: ${drift}`);
  }
  if (live.name === spec.name) return live;
  ctx.log.info(`${label(spec)}: renaming ${live.id} in place: "${live.name}" → "${spec.name}"`);
  return client.renameProtectedInstance(live.id, spec.name);
}

async function create(spec: Spec, ctx: Context): Promise<SdrsProtectedInstanceState> {
  const client = ctx.clients.get(sdrsClient, spec.connection);
  const group = await requireGroup(client, spec.group, 'group');
  const existing = await findInstance(client, group.id, spec.server_id);
  if (existing === undefined) return toInstanceState(await createNew(client, spec, group.id, ctx));
  claimExisting(
    {
      subject: label(spec),
      id: existing.id,
      object: `protected instance ${existing.id} "${existing.name}", ${existing.status}`,
      description: existing.description,
      owner: spec.owner,
      adopt: spec.adopt,
      differences: [],
      removal: `delete protected instance ${existing.id}`,
    },
    ctx,
  );
  return toInstanceState(await rename(client, spec, existing, ctx));
}

/** The spec's protected instance: by the id Terraform's state holds, else by group + server (core/locate). */
async function locate(spec: AnySpec, clients: ClientFactory, known: Known | undefined): Promise<{ client: SdrsClient; instance: SdrsProtectedInstance | undefined }> {
  const client = clients.get(sdrsClient, spec.connection);
  const instance = await locateLive(known, {
    byId: (id) => client.getProtectedInstance(id),
    byKey: async () => {
      const group = await findGroup(client, spec.group);
      return group === undefined ? undefined : findInstance(client, group.id, spec.server_id);
    },
    isKeyed: (live) => live.source_server === spec.server_id && inGroupOf(spec.group, live.server_group_id),
  });
  return { client, instance };
}

/** The live protected instance a spec names (also the review's `--live` read). */
export async function readInstance(spec: AnySpec, clients: ClientFactory, known?: Known): Promise<SdrsProtectedInstanceState | undefined> {
  const { instance } = await locate(spec, clients, known);
  return instance === undefined ? undefined : toInstanceState(instance);
}

async function update(spec: Spec, ctx: Context, known: Known | undefined): Promise<SdrsProtectedInstanceState> {
  const { client, instance } = await locate(spec, ctx.clients, known);
  if (instance === undefined) {
    ctx.log.warn(`${label(spec)}: no protected instance to rename; creating it`);
    return create(spec, ctx);
  }
  return toInstanceState(await rename(client, spec, instance, ctx));
}

async function remove(spec: AnySpec, ctx: Context, known?: Known): Promise<void> {
  const { client, instance } = await locate(spec, ctx.clients, known);
  if (instance === undefined) {
    ctx.log.info(`${label(spec)}: no such protected instance; nothing to remove`);
    return;
  }
  const refusal = removalRefusal(instance, spec.owner, spec.adopt, ctx);
  if (refusal !== undefined) {
    ctx.log.warn(`${label(spec)}: NOT deleting protected instance ${instance.id}: ${refusal}; it stays as it is`);
    return;
  }
  const { delete_target_server: deleteTargetServer, delete_target_eip: deleteTargetEip } = spec.on_delete;
  const jobId = await client.deleteProtectedInstance(instance.id, { deleteTargetServer, deleteTargetEip });
  if (jobId !== undefined) await waitJob(ctx, client, jobId, `deleting protected instance ${instance.id}`, spec.timeouts.delete_seconds);
  const target = instance.target_server ?? 'the DR-site server';
  const server = deleteTargetServer ? `its DR-site server ${target} DELETED (on_delete.delete_target_server: true)` : `its DR-site server ${target} is KEPT`;
  const eip = deleteTargetEip ? ', its EIP DELETED' : '';
  (deleteTargetServer ? ctx.log.warn : ctx.log.info).call(ctx.log, `${label(spec)}: protected instance ${instance.id} deleted; ${server}${eip}`);
}

function parse(raw: unknown, action: LifecycleAction): AnySpec {
  const spec = parseForAction({ full: sdrsProtectedInstanceSpecSchema, destroy: sdrsProtectedInstanceDeleteSpecSchema }, raw, action, 'sdrs.protected-instance');
  if (spec.dedicated_host_id !== null && spec.tenancy !== 'dedicated') {
    throw new InputError('dedicated_host_id', `is used only with tenancy 'dedicated', got tenancy ${spec.tenancy === null ? 'null' : `'${spec.tenancy}'`}`);
  }
  return spec;
}

/** A protected instance found in an error status by the last read (the provider's refreshed state): the plan tells it. */
export const sdrsProtectedInstanceLiveNotice: LiveNotice = (state) => {
  const status = stringAt(state, 'status');
  if (status === undefined || !isSdrsErrorStatus(status)) return undefined;
  const instance = `protected instance ${stringAt(state, 'id') ?? '?'} "${stringAt(state, 'name') ?? '?'}" (server ${stringAt(state, 'server_id') ?? '?'})`;
  return errorNotice(instance, status, statusMeaning(status, { invalid: 'its server was deleted', fault: 'the data sync of its replication pairs is abnormal' }));
};

/** Create and update parse the full spec; the handler's type is the wider one of delete. */
function full(spec: AnySpec): Spec {
  if (spec.name === undefined) throw new Error('sdrs.protected-instance: create/update called with a destroy-time spec (no name)');
  return { ...spec, name: spec.name };
}

export const sdrsProtectedInstanceHandler: ResourceHandler<AnySpec, SdrsProtectedInstanceState> = {
  kind: 'sdrs.protected-instance',
  parseSpec: parse,
  describe: label,
  create: (spec, ctx) => create(full(spec), ctx),
  read: async (spec, ctx, known) => withRecordedOwner(await readInstance(spec, ctx.clients, known), ctx),
  update: (spec, ctx, known) => update(full(spec), ctx, known),
  delete: remove,
};

/**
 * SDRS DR drills as operations, shared by kind `sdrs.drill` and `repliform drill`: what stands in the way of a drill
 * (preflight), start one and wait, read its state (drill servers, powered on, in which VPC, their addresses), delete
 * it and wait (retried when the delete job fails; not on a timeout or Ctrl-C), and the drills of a group. Nothing here touches production: no
 * failover, planned failover or reverse is called — a drill starts servers from the DR-site copies in a drill VPC.
 *
 * One drill per group at a time is repliform's rule, not SDRS's (its API reference states none): a second drill
 * is refused naming the running one.
 *
 * @api SDRS GET    {P}/server-groups/{id}
 * @api SDRS GET    {P}/replications?server_group_id=&offset=&limit=
 * @api SDRS POST   {P}/disaster-recovery-drills
 * @api SDRS GET    {P}/disaster-recovery-drills?server_group_id=&offset=&limit=
 * @api SDRS GET    {P}/disaster-recovery-drills/{id}
 * @api SDRS DELETE {P}/disaster-recovery-drills/{id}
 * @api SDRS GET    {P}/jobs/{job_id}
 * @api ECS  GET    /v1/{project_id}/cloudservers/detail?offset=&limit=
 */
import type { SdrsClient } from '../../../../lib/client/sdrs/sdrs-client';
import { TaskFailedError } from '../../../../lib/client/tasks';
import type { SdrsCloudServer, SdrsDrill } from '../../../../lib/client/sdrs/types';
import type { Context } from '../../contract';
import { madeId, waitJob } from '../jobs';

/** How a drill is started. */
export interface SdrsDrillOptions {
  /** The drill's name (SDRS's name rule: at most 64 bytes of Chinese characters, letters, digits, `.` `_` `-`). */
  readonly name: string;
  /** An existing VPC for the drill servers (its CIDR as the group's VPC's); undefined = SDRS creates a drill VPC. */
  readonly drillVpcId?: string;
  /** How long to wait on the drill job. */
  readonly timeoutSeconds: number;
  /** Where the drill servers are read (the region's ECS endpoint). @default - the SDRS client */
  readonly ecs?: SdrsClient;
}

/** How a drill is deleted. */
export interface SdrsDrillDeleteOptions {
  /** How long to wait on each delete job. */
  readonly timeoutSeconds: number;
  /** Delete attempts when a delete job fails (SDRS deletes again from error-deleting). @default 2 */
  readonly attempts?: number;
}

/** One server a drill started from a protected instance's DR-site copy. */
export interface SdrsDrillServerState {
  readonly protected_instance_id: string;
  readonly drill_server_id: string;
  /** The ECS status (ACTIVE = running); null = ECS does not list the server. */
  readonly server_status: string | null;
  readonly powered_on: boolean;
  /** The VPC its addresses are in (the drill VPC when all is well); null = unknown. */
  readonly vpc_id: string | null;
  readonly addresses: readonly string[];
}

/** A drill as repliform reports it. */
export interface SdrsDrillState {
  readonly id: string;
  readonly name: string;
  /** creating, available (running), deleting, error (its create failed) or error-deleting (its delete failed). */
  readonly status: string;
  readonly group_id: string;
  readonly drill_vpc_id: string | null;
  readonly created_at: string | null;
  readonly updated_at: string | null;
  readonly drill_servers: readonly SdrsDrillServerState[];
}

/** A drill refused before anything was changed; `reasons` says what stands in the way, each with the way out. */
export class SdrsDrillRefusedError extends Error {
  constructor(
    readonly groupId: string,
    readonly reasons: readonly string[],
  ) {
    super(`DR drill of protection group ${groupId} refused (nothing was changed): ${reasons.join('; ')}`);
    this.name = 'SdrsDrillRefusedError';
  }
}

const PROTECTED = 'protected';
/** The pair status of a sync under way (the first sync, or a resync): a drill server may not start from it. */
const SYNCING = 'copying';

/** The drills of a group (every status: a drill in error still holds its drill servers until deleted). */
export async function drillsOfGroup(client: SdrsClient, groupId: string): Promise<SdrsDrill[]> {
  return (await client.listDrills({ serverGroupId: groupId })).filter((drill) => drill.server_group_id === groupId);
}

/** `drill "name" (id, status, since …)`, for messages. */
export function describeDrill(drill: Pick<SdrsDrill, 'id' | 'name' | 'status' | 'created_at'>): string {
  const since = drill.created_at !== undefined && drill.created_at !== '' ? `, since ${drill.created_at}` : '';
  return `drill "${drill.name}" (${drill.id}, ${drill.status}${since})`;
}

/** What a running drill of a group leaves as the way out. */
export function runningDrillReason(drill: SdrsDrill): string {
  return `${describeDrill(drill)} of this group is running: one drill per group at a time — delete it first (destroy its repliform_sdrs_drill, or let \`repliform drill\` clean it up)`;
}

/**
 * What stands in the way of a drill of the group, each with the way out; empty = ready. The group must be protected
 * with its first sync done (SDRS's own rule: a drill before it may not start its servers), no drill of it may run, and
 * the drill VPC, if named, may not be the group's production VPC.
 */
export async function drillPreflight(client: SdrsClient, groupId: string, options: { readonly drillVpcId?: string } = {}): Promise<string[]> {
  const group = await client.getProtectionGroup(groupId);
  if (group === undefined) return [`protection group ${groupId} does not exist`];
  const reasons: string[] = [];
  if (options.drillVpcId !== undefined && options.drillVpcId === group.source_vpc_id) {
    reasons.push(`the drill VPC ${options.drillVpcId} is the group's production VPC: drill servers would share production's network — name another VPC, or none (SDRS creates one)`);
  }
  if (group.status !== PROTECTED) reasons.push(`protection group ${groupId} is ${group.status}, not protected: start its protection (sdrs.protection) and wait for the first sync`);
  if ((group.replication_num ?? 0) === 0) reasons.push(`protection group ${groupId} has no replication pairs: a drill would recover nothing`);
  const syncing = (await client.listReplications({ serverGroupId: groupId })).filter((pair) => pair.replication_status === SYNCING);
  for (const pair of syncing) {
    const progress = typeof pair.progress === 'number' ? ` (${pair.progress}%)` : '';
    reasons.push(`replication pair ${pair.name} (${pair.id}) is still syncing${progress}: wait for its first sync to end`);
  }
  for (const drill of await drillsOfGroup(client, groupId)) reasons.push(runningDrillReason(drill));
  return reasons;
}

/** Starts a drill of the group and waits for it; refused (SdrsDrillRefusedError) when the preflight finds anything. */
export async function startDrill(client: SdrsClient, groupId: string, options: SdrsDrillOptions, ctx: Context): Promise<SdrsDrillState> {
  const reasons = await drillPreflight(client, groupId, { drillVpcId: options.drillVpcId });
  if (reasons.length > 0) throw new SdrsDrillRefusedError(groupId, reasons);
  const jobId = await client.createDrill({ server_group_id: groupId, name: options.name, ...(options.drillVpcId !== undefined ? { drill_vpc_id: options.drillVpcId } : {}) });
  const job = await waitJob(ctx, client, jobId, `starting DR drill "${options.name}" of group ${groupId}`, options.timeoutSeconds);
  const drillId = madeId(job, 'disaster_recovery_drill_id', 'DR drill');
  const state = await drillState(client, drillId, { ecs: options.ecs });
  if (state === undefined) throw new Error(`DR drill ${drillId} of group ${groupId} is gone right after it started`);
  return state;
}

/** The drill with this id, with its servers as ECS reports them; undefined when it does not exist. */
export async function drillState(client: SdrsClient, drillId: string, options: { readonly ecs?: SdrsClient } = {}): Promise<SdrsDrillState | undefined> {
  const drill = await client.getDrill(drillId);
  if (drill === undefined) return undefined;
  const servers = drill.drill_servers.length === 0 ? [] : await (options.ecs ?? client).listCloudServers();
  return toDrillState(drill, servers);
}

/** A drill and the project's servers → the drill's state. */
export function toDrillState(drill: SdrsDrill, servers: readonly SdrsCloudServer[]): SdrsDrillState {
  return {
    id: drill.id,
    name: drill.name,
    status: drill.status,
    group_id: drill.server_group_id,
    drill_vpc_id: drill.drill_vpc_id === '' ? null : drill.drill_vpc_id,
    created_at: drill.created_at ?? null,
    updated_at: drill.updated_at ?? null,
    drill_servers: drill.drill_servers.map((entry) => serverState(entry.protected_instance, entry.drill_server_id, servers.find((server) => server.id === entry.drill_server_id))),
  };
}

function serverState(instanceId: string, serverId: string, server: SdrsCloudServer | undefined): SdrsDrillServerState {
  const networks = Object.entries(server?.addresses ?? {});
  return {
    protected_instance_id: instanceId,
    drill_server_id: serverId,
    server_status: server?.status ?? null,
    powered_on: server?.status === 'ACTIVE',
    vpc_id: networks[0]?.[0] ?? server?.metadata?.['vpc_id'] ?? null,
    addresses: networks.flatMap(([, list]) => list.map((address) => address.addr).filter((addr): addr is string => typeof addr === 'string')),
  };
}

/**
 * Deletes the drill (its drill servers, their disks and NICs; SDRS keeps the drill VPC) and waits; a delete job that
 * fails is retried (`attempts`). 'gone' = there was nothing to delete. Throws when the last attempt fails.
 */
export async function deleteDrill(client: SdrsClient, drillId: string, options: SdrsDrillDeleteOptions, ctx: Context): Promise<'deleted' | 'gone'> {
  const attempts = Math.max(1, options.attempts ?? 2);
  for (let attempt = 1; ; attempt += 1) {
    const jobId = await client.deleteDrill(drillId);
    if (jobId === undefined) return attempt === 1 ? 'gone' : 'deleted';
    try {
      await waitJob(ctx, client, jobId, `cleaning up DR drill ${drillId}${attempt > 1 ? ` (attempt ${attempt} of ${attempts})` : ''}`, options.timeoutSeconds);
      return 'deleted';
    } catch (error) {
      if (!(error instanceof TaskFailedError) || attempt >= attempts) throw error;
      ctx.log.warn(`DR drill ${drillId}: its cleanup failed (${error instanceof Error ? error.message : String(error)}); deleting it again`);
    }
  }
}

/**
 * Refuses (throws) the delete of `what` — a protection group, its protection or one of its pairs — while a drill of
 * the group exists: its drill servers run from the DR-site copies. The message names the drill and the way out.
 */
export async function refuseWhileDrilling(client: SdrsClient, groupId: string, what: string): Promise<void> {
  const running = await drillsOfGroup(client, groupId);
  if (running.length === 0) return;
  throw new Error(
    `${what}: NOT deleted while ${running.map(describeDrill).join(', ')} of protection group ${groupId} exists (nothing was changed). ` +
      'Clean the drill up first — destroy its repliform_sdrs_drill (`terraform destroy -target=<its address>`), or let `repliform drill` finish its cleanup — then run this destroy again.',
  );
}

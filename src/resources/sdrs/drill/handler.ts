/**
 * Handler of kind `sdrs.drill`: a DR drill of a protection group that lives as long as its resource. Create starts
 * it and waits (refused — nothing changed — unless the group is protected with its first sync done and no other
 * drill of it runs; a rerun takes up its own running drill: same group, name and VPC); read reports its status,
 * drill servers (powered on? in which VPC?) and when; update renames it; delete cleans it up and waits (a failed
 * cleanup job is deleted again once; a drill already gone is a no-op). No failover, planned failover or reverse is
 * ever called: production is never touched.
 *
 * @api SDRS (the calls of ./operations.ts, and of ../resolve.ts to find the group)
 * @api SDRS PUT {P}/disaster-recovery-drills/{id}   (rename)
 */
import type { SdrsClient } from '../../../../lib/client/sdrs/sdrs-client';
import type { SdrsDrill } from '../../../../lib/client/sdrs/types';
import type { Context, Known, ResourceHandler } from '../../contract';
import { InputError } from '../../errors';
import { parseSpec } from '../../parse-spec';
import { sdrsClient } from '../client';
import { serviceConnection } from '../data-sources/inventory';
import { describeGroupRef, findGroup, requireGroup } from '../resolve';
import { deleteDrill, describeDrill, drillsOfGroup, drillState, startDrill, type SdrsDrillState } from './operations';
import { sdrsDrillDeleteSpecSchema, sdrsDrillSpecSchema, type SdrsDrillResourceState, type SdrsDrillSpec } from './schema';

type Spec = SdrsDrillSpec;
type DeleteSpec = Omit<Spec, 'name'> & { readonly name?: string };

interface Clients {
  readonly sdrs: SdrsClient;
  readonly ecs: SdrsClient;
}

function clientsOf(spec: DeleteSpec, ctx: Context): Clients {
  return { sdrs: ctx.clients.get(sdrsClient, spec.connection), ecs: ctx.clients.get(sdrsClient, serviceConnection(spec.connection, 'ecs')) };
}

function label(spec: DeleteSpec): string {
  return `DR drill${spec.name !== undefined ? ` "${spec.name}"` : ''} of ${describeGroupRef(spec.group)}`;
}

export function toResourceState(state: SdrsDrillState): SdrsDrillResourceState {
  const { drill_vpc_id: vpc, drill_servers: servers, ...rest } = state;
  return { ...rest, vpc_id: vpc, drill_servers: servers.map((server) => ({ ...server, addresses: [...server.addresses] })) };
}

/** The drill of the group this spec declares: by the id Terraform knows, else by name (and VPC when named). */
async function locate(client: SdrsClient, spec: DeleteSpec, known?: Known): Promise<SdrsDrill | undefined> {
  if (known?.id !== undefined) {
    const drill = await client.getDrill(known.id);
    if (drill !== undefined) return drill;
  }
  const group = await findGroup(client, spec.group);
  if (group === undefined) return undefined;
  return (await drillsOfGroup(client, group.id)).find((drill) => matches(drill, spec));
}

function matches(drill: SdrsDrill, spec: DeleteSpec): boolean {
  return (spec.name === undefined || drill.name === spec.name) && (spec.drill_vpc_id === null || drill.drill_vpc_id === spec.drill_vpc_id);
}

function summary(state: SdrsDrillState): string {
  const on = state.drill_servers.filter((server) => server.powered_on).length;
  return `${state.drill_servers.length} drill server(s), ${on} powered on, in VPC ${state.drill_vpc_id ?? '?'}`;
}

async function create(spec: Spec, ctx: Context): Promise<SdrsDrillResourceState> {
  const { sdrs, ecs } = clientsOf(spec, ctx);
  const group = await requireGroup(sdrs, spec.group, 'group');
  const own = (await drillsOfGroup(sdrs, group.id)).find((drill) => matches(drill, spec) && drill.status === 'available');
  if (own !== undefined) {
    const state = await drillState(sdrs, own.id, { ecs });
    if (state !== undefined) {
      ctx.log.info(`${label(spec)}: already running (${describeDrill(own)}); taking it up: ${summary(state)}`);
      return toResourceState(state);
    }
  }
  if (spec.drill_vpc_id !== null && spec.drill_vpc_id === group.source_vpc_id) {
    throw new InputError('drill_vpc_id', `${spec.drill_vpc_id} is the production VPC of group ${group.id}: name another VPC, or null (SDRS creates a drill VPC)`);
  }
  const vpc = spec.drill_vpc_id !== null ? { drillVpcId: spec.drill_vpc_id } : {};
  const state = await startDrill(sdrs, group.id, { name: spec.name, ...vpc, timeoutSeconds: spec.timeouts.create_seconds, ecs }, ctx);
  ctx.log.info(`${label(spec)}: started as ${state.id}: ${summary(state)}`);
  const off = state.drill_servers.filter((server) => !server.powered_on);
  if (off.length > 0) ctx.log.warn(`${label(spec)}: drill server(s) not running: ${off.map((server) => `${server.drill_server_id} (${server.server_status ?? 'not listed'})`).join(', ')}`);
  return toResourceState(state);
}

async function read(spec: DeleteSpec, ctx: Context, known?: Known): Promise<SdrsDrillResourceState | undefined> {
  const { sdrs, ecs } = clientsOf(spec, ctx);
  const drill = await locate(sdrs, spec, known);
  const state = drill === undefined ? undefined : await drillState(sdrs, drill.id, { ecs });
  return state === undefined ? undefined : toResourceState(state);
}

async function update(spec: Spec, ctx: Context, known?: Known): Promise<SdrsDrillResourceState> {
  const { sdrs, ecs } = clientsOf(spec, ctx);
  const drill = await locate(sdrs, { ...spec, name: undefined }, known);
  if (drill === undefined) throw new Error(`${label(spec)}: no such drill to rename; apply again to start it`);
  if (drill.name !== spec.name) {
    await sdrs.renameDrill(drill.id, spec.name);
    ctx.log.info(`${label(spec)}: renamed from "${drill.name}" (${drill.id})`);
  }
  const state = await drillState(sdrs, drill.id, { ecs });
  if (state === undefined) throw new Error(`${label(spec)}: drill ${drill.id} is gone right after its rename`);
  return toResourceState(state);
}

async function remove(spec: DeleteSpec, ctx: Context, known?: Known): Promise<void> {
  const { sdrs } = clientsOf(spec, ctx);
  const drill = await locate(sdrs, spec, known);
  if (drill === undefined) {
    ctx.log.info(`${label(spec)}: no such drill; nothing to clean up`);
    return;
  }
  const outcome = await deleteDrill(sdrs, drill.id, { timeoutSeconds: spec.timeouts.delete_seconds }, ctx);
  if (outcome === 'gone') {
    ctx.log.info(`${label(spec)}: ${drill.id} was already gone; nothing to clean up`);
    return;
  }
  const vpcNote = spec.drill_vpc_id === null ? ` SDRS keeps the drill VPC ${drill.drill_vpc_id} it created (delete it in the VPC console if no drill needs it).` : '';
  ctx.log.info(`${label(spec)}: cleaned up (${drill.id}: its ${drill.drill_servers.length} drill server(s), their disks and NICs deleted).${vpcNote}`);
}

export const sdrsDrillHandler: ResourceHandler<DeleteSpec, SdrsDrillResourceState> = {
  kind: 'sdrs.drill',
  parseSpec: (raw, action) => (action === 'delete' ? parseSpec(sdrsDrillDeleteSpecSchema, raw, 'sdrs.drill') : parseSpec(sdrsDrillSpecSchema, raw, 'sdrs.drill')),
  describe: label,
  create: (spec, ctx) => create(fullSpec(spec), ctx),
  read,
  update: (spec, ctx, known) => update(fullSpec(spec), ctx, known),
  delete: remove,
};

/** Create and update parse the whole spec: the name is there. */
function fullSpec(spec: DeleteSpec): Spec {
  if (spec.name === undefined) throw new InputError('name', 'the drill needs a name');
  return { ...spec, name: spec.name };
}

/**
 * Huawei Cloud SDRS in a drill: one unit per protection group, recovered by a DR drill (drill servers started from
 * the DR-site copies in a drill VPC; production untouched), cleaned up by deleting the drill. SDRS replicates
 * synchronously, so the recovery point is the drill's start and the RPO has no target in minutes. The drill is
 * named `repliform-drill-<time>`: a cleanup after an interrupted start finds it by that name even before its job
 * named its id. The operations are src/resources/sdrs/drill's.
 *
 * @api SDRS GET    {P}/server-groups?offset=&limit=
 * @api SDRS GET    {P}/server-groups/{id}
 * @api SDRS GET    {P}/replications?server_group_id=&offset=&limit=
 * @api SDRS GET    {P}/protected-instances?server_group_id=&offset=&limit=
 * @api SDRS POST   {P}/disaster-recovery-drills
 * @api SDRS GET    {P}/disaster-recovery-drills?server_group_id=&offset=&limit=
 * @api SDRS GET    {P}/disaster-recovery-drills/{id}
 * @api SDRS DELETE {P}/disaster-recovery-drills/{id}
 * @api SDRS GET    {P}/jobs/{job_id}
 * @api ECS  GET    /v1/{project_id}/cloudservers/detail?offset=&limit=
 */
import type { SdrsClient } from '../../../lib/client/sdrs/sdrs-client';
import type { SdrsDrill, SdrsServerGroup } from '../../../lib/client/sdrs/types';
import type { Context } from '../../resources/contract';
import { parseSpec } from '../../resources/parse-spec';
import { sdrsClient } from '../../resources/sdrs/client';
import { serviceConnection } from '../../resources/sdrs/data-sources/inventory';
import { deleteDrill, describeDrill, drillPreflight, drillsOfGroup, drillState, runningDrillReason, startDrill, type SdrsDrillState } from '../../resources/sdrs/drill/operations';
import { sdrsProtectionGroupSpecSchema, type SdrsProtectionGroupSpec } from '../../resources/sdrs/protection-group/schema';
import { findGroupByKey } from '../../resources/sdrs/resolve';
import type { StackResource } from '../../resources/synthesized-stack';
import type { DrillUnit, Leftover, RecoveredVm, UnitPreflight } from '../types';

export const SDRS_KINDS = ['sdrs.protection-group'] as const;

/** Every drill this command starts is named with this prefix (and `--cleanup-only` removes only such drills). */
export const DRILL_NAME_PREFIX = 'repliform-drill-';

export interface SdrsDrillSettings {
  readonly timeoutSeconds: number;
  readonly cleanupCommand: (construct: string) => string;
  /** The drill's name: DRILL_NAME_PREFIX and the time. */
  readonly drillName: string;
  /** An existing VPC for the drill servers; undefined = SDRS makes a drill VPC. */
  readonly drillVpcId?: string;
}

export function drillNameAt(ms: number): string {
  return `${DRILL_NAME_PREFIX}${new Date(ms).toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-')}`;
}

/** SDRS times are UTC, written `2019-05-22 03:30:52.58` or ISO. */
export function sdrsTime(text: string | null): number | null {
  if (text === null || text === '') return null;
  const iso = text.includes('T') ? text : text.replace(' ', 'T');
  const ms = Date.parse(/(Z|[+-]\d\d:?\d\d)$/.test(iso) ? iso : `${iso}Z`);
  return Number.isNaN(ms) ? null : ms;
}

const SYNCHRONOUS = 'synchronous replication: the DR-site disks hold every write acknowledged before the drill started';

export function sdrsUnit(resource: StackResource, settings: SdrsDrillSettings): DrillUnit {
  const spec: SdrsProtectionGroupSpec = parseSpec(sdrsProtectionGroupSpecSchema, resource.input, 'sdrs.protection-group');
  let drillId: string | undefined;
  let cleanupOnly = true;
  const client = (ctx: Context): SdrsClient => ctx.clients.get(sdrsClient, spec.connection);
  const ecs = (ctx: Context): SdrsClient => ctx.clients.get(sdrsClient, serviceConnection(spec.connection, 'ecs'));
  const group = (ctx: Context): Promise<SdrsServerGroup | undefined> => findGroupByKey(client(ctx), { ...spec, owner: resource.owner });
  const requireGroup = async (ctx: Context): Promise<SdrsServerGroup> => {
    const found = await group(ctx);
    if (found === undefined) throw new Error(`no protection group "${spec.name}" (${spec.source_availability_zone} → ${spec.target_availability_zone}, VPC ${spec.source_vpc_id}): deploy the stack first`);
    return found;
  };
  /** The drills this run started (by name), or with --cleanup-only every drill a repliform drill started. */
  const ours = (drill: SdrsDrill): boolean => drill.id === drillId || (cleanupOnly ? drill.name.startsWith(DRILL_NAME_PREFIX) : drill.name === settings.drillName);
  const instanceNames = async (ctx: Context, groupId: string): Promise<Map<string, string>> =>
    new Map((await client(ctx).listProtectedInstances({ serverGroupId: groupId })).map((i) => [i.id, i.name]));

  const preflight = async (ctx: Context): Promise<UnitPreflight> => {
    const found = await group(ctx);
    if (found === undefined) return { vms: [{ vm: spec.name, problems: [`no protection group "${spec.name}" (deploy the stack first)`] }] };
    const running = await drillsOfGroup(client(ctx), found.id);
    const problems = (await drillPreflight(client(ctx), found.id)).filter((reason) => !running.some((drill) => reason === runningDrillReason(drill)));
    const names = [...(await instanceNames(ctx, found.id)).values()];
    const busy = running.length > 0 ? `${running.map(describeDrill).join(', ')} of protection group ${found.name} is running` : undefined;
    return { vms: (names.length > 0 ? names : [spec.name]).map((vm) => ({ vm, problems })), ...(busy !== undefined ? { busy } : {}) };
  };

  const start = async (ctx: Context): Promise<void> => {
    cleanupOnly = false;
    const found = await requireGroup(ctx);
    const state = await startDrill(client(ctx), found.id, { name: settings.drillName, drillVpcId: settings.drillVpcId, timeoutSeconds: settings.timeoutSeconds, ecs: ecs(ctx) }, ctx);
    drillId = state.id;
  };

  const recovered = async (ctx: Context): Promise<RecoveredVm[]> => {
    if (drillId === undefined) return [];
    const [state, found] = await Promise.all([drillState(client(ctx), drillId, { ecs: ecs(ctx) }), requireGroup(ctx)]);
    if (state === undefined) throw new Error(`DR drill ${drillId} is gone`);
    const names = await instanceNames(ctx, found.id);
    return state.drill_servers.map((server) => recoveredServer(server, state, found, names));
  };

  const cleanup = async (ctx: Context): Promise<void> => {
    const found = await group(ctx);
    if (found === undefined) return;
    for (const drill of (await drillsOfGroup(client(ctx), found.id)).filter(ours)) {
      await deleteDrill(client(ctx), drill.id, { timeoutSeconds: settings.timeoutSeconds, attempts: 1 }, ctx);
    }
  };

  const leftovers = async (ctx: Context): Promise<Leftover[]> => {
    const found = await group(ctx);
    if (found === undefined) return [];
    return (await drillsOfGroup(client(ctx), found.id)).filter(ours).map((drill) => ({
      what: `${describeDrill(drill)} of protection group ${found.name} with ${drill.drill_servers.length} drill server(s)`,
      removeWith: `${settings.cleanupCommand(resource.owner)}  (or DELETE /v1/${spec.connection.project_id}/disaster-recovery-drills/${drill.id})`,
    }));
  };

  return { vendor: 'sdrs', construct: resource.owner, name: spec.name, recovers: true, rpoMinutes: null, preflight, start, wait: async () => undefined, recovered, cleanup, leftovers };
}

function recoveredServer(server: SdrsDrillState['drill_servers'][number], state: SdrsDrillState, group: SdrsServerGroup, names: ReadonlyMap<string, string>): RecoveredVm {
  const inDrillVpc = server.vpc_id !== null && (state.drill_vpc_id !== null ? server.vpc_id === state.drill_vpc_id : server.vpc_id !== group.source_vpc_id);
  return {
    vm: names.get(server.protected_instance_id) ?? server.protected_instance_id,
    recoveryPoint: { id: null, time: sdrsTime(state.created_at), note: SYNCHRONOUS },
    poweredOn: server.powered_on,
    network: server.vpc_id === null ? null : `VPC ${server.vpc_id} (drill server ${server.drill_server_id})`,
    inTestNetwork: inDrillVpc,
    address: server.addresses[0] ?? null,
  };
}

/**
 * Handler of kind `sdrs.protection`: protection of a group started (create) or stopped (delete). An empty group
 * cannot be started: that is bad input naming the group, before any change; the construct makes this resource
 * depend on the group's pairs, so the group itself never depends on them.
 *
 * @api SDRS GET  {P}/server-groups?offset=&limit=  (or GET {P}/server-groups/{id})
 * @api SDRS POST {P}/server-groups/{id}/action      ({"start-server-group":{}} | {"stop-server-group":{}})
 * @api SDRS GET  {P}/jobs/{job_id}
 */
import type { SdrsServerGroup } from '../../../../lib/client/sdrs/types';
import type { ClientFactory, Context, ResourceHandler } from '../../contract';
import { InputError } from '../../errors';
import { parseSpec } from '../../parse-spec';
import { sdrsClient } from '../client';
import { waitJob } from '../jobs';
import { describeGroupRef, findGroup, requireGroup } from '../resolve';
import { sdrsProtectionSpecSchema, type SdrsProtectionSpec } from './schema';

type Spec = SdrsProtectionSpec;

const PROTECTED = 'protected';
const STARTABLE = 'available';

/** What `read` reports: the group and whether its protection runs. */
export interface SdrsProtectionState {
  readonly group_id: string;
  readonly status: string;
  readonly protected: boolean;
  readonly replication_num: number;
}

export function toProtectionState(group: SdrsServerGroup): SdrsProtectionState {
  return { group_id: group.id, status: group.status, protected: group.status === PROTECTED, replication_num: group.replication_num ?? 0 };
}

function label(spec: Spec): string {
  return `protection of ${describeGroupRef(spec.group)}`;
}

function checkStartable(spec: Spec, group: SdrsServerGroup): void {
  if ((group.replication_num ?? 0) === 0) {
    throw new InputError('group', `protection group ${group.id} has no replication pairs, and an empty group cannot be enabled: add sdrs.replication-pair resources and make the protection depend on them, got 0 pairs`);
  }
  if (group.status !== STARTABLE) {
    throw new Error(`${label(spec)}: protection group ${group.id} is ${group.status}; protection starts only from "${STARTABLE}". Nothing was changed`);
  }
}

async function create(spec: Spec, ctx: Context): Promise<SdrsProtectionState> {
  const client = ctx.clients.get(sdrsClient, spec.connection);
  const group = await requireGroup(client, spec.group, 'group');
  if (group.status === PROTECTED) {
    ctx.log.info(`${label(spec)}: already started (group ${group.id})`);
    return toProtectionState(group);
  }
  checkStartable(spec, group);
  const jobId = await client.startProtection(group.id);
  await waitJob(ctx, client, jobId, `starting protection of group ${group.id}`, spec.timeouts.create_seconds);
  const after = await client.getProtectionGroup(group.id);
  if (after === undefined) throw new Error(`protection group ${group.id} is gone right after its protection started`);
  ctx.log.info(`${label(spec)}: started (group ${group.id}, ${after.replication_num ?? 0} pairs)`);
  return toProtectionState(after);
}

/** The live protection a spec names (also the review's `--live` read). */
export async function readProtection(spec: Spec, clients: ClientFactory): Promise<SdrsProtectionState | undefined> {
  const group = await findGroup(clients.get(sdrsClient, spec.connection), spec.group);
  return group === undefined ? undefined : toProtectionState(group);
}

async function remove(spec: Spec, ctx: Context): Promise<void> {
  const client = ctx.clients.get(sdrsClient, spec.connection);
  const group = await findGroup(client, spec.group);
  if (group === undefined || group.status !== PROTECTED) {
    ctx.log.info(`${label(spec)}: ${group === undefined ? 'no such group' : `group ${group.id} is ${group.status}`}; nothing to stop`);
    return;
  }
  const jobId = await client.stopProtection(group.id);
  await waitJob(ctx, client, jobId, `stopping protection of group ${group.id}`, spec.timeouts.delete_seconds);
  ctx.log.warn(`${label(spec)}: STOPPED (group ${group.id}): its pairs no longer replicate; data on both sites is kept`);
}

export const sdrsProtectionHandler: ResourceHandler<Spec, SdrsProtectionState> = {
  kind: 'sdrs.protection',
  parseSpec: (raw) => parseSpec(sdrsProtectionSpecSchema, raw, 'sdrs.protection'),
  describe: label,
  create,
  read: (spec, ctx) => readProtection(spec, ctx.clients),
  delete: remove,
};

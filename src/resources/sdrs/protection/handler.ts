/**
 * Handler of kind `sdrs.protection`: protection of a group started (create) or stopped (delete). An empty group
 * cannot be started: that is bad input naming the group, before any change; the construct makes this resource
 * depend on the group's pairs, so the group itself never depends on them.
 *
 * @api SDRS GET  {P}/server-groups?offset=&limit=  (or GET {P}/server-groups/{id})
 * @api SDRS POST {P}/server-groups/{id}/action      ({"start-server-group":{}} | {"stop-server-group":{}})
 * @api SDRS GET  {P}/jobs/{job_id}
 * @api SDRS GET  {P}/disaster-recovery-drills?server_group_id=&offset=&limit=  (a delete is refused while a drill of the group exists)
 */
import type { SdrsServerGroup } from '../../../../lib/client/sdrs/types';
import type { ClientFactory, Context, LiveNotice, LiveNoticeText, ResourceHandler } from '../../contract';
import { InputError } from '../../errors';
import { parseSpec } from '../../parse-spec';
import { sdrsClient } from '../client';
import { waitJob } from '../jobs';
import { FIND_THE_CAUSE, GROUP_DAMAGE, isSdrsErrorStatus, REVIEW_LISTS_THEM, statusMeaning, stringAt } from '../live-notice';
import { describeGroupRef, findGroup, requireGroup } from '../resolve';
import { refuseWhileDrilling } from '../drill/operations';
import { sdrsProtectionSpecSchema, type SdrsProtectionSpec } from './schema';

type Spec = SdrsProtectionSpec;

const PROTECTED = 'protected';
/** SDRS starts protection from these group statuses only (StartProtectionGroup, docs/vendors/sdrs.md). */
const STARTABLE: readonly string[] = ['available', 'error-starting'];
const STARTABLE_WORDS = 'available or error-starting';

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
  if (!STARTABLE.includes(group.status)) {
    throw new Error(`${label(spec)}: protection group ${group.id} is ${group.status}; protection starts only from ${STARTABLE_WORDS}. Nothing was changed`);
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
  await refuseWhileDrilling(client, group.id, label(spec));
  const jobId = await client.stopProtection(group.id);
  await waitJob(ctx, client, jobId, `stopping protection of group ${group.id}`, spec.timeouts.delete_seconds);
  ctx.log.warn(`${label(spec)}: STOPPED (group ${group.id}): its pairs no longer replicate; data on both sites is kept`);
}

const REPLACE = "`terraform apply -replace=<this resource's address>`";

/**
 * Protection found not running by the last read (the provider's refreshed state): the code declares it started, the
 * plan has no attribute to change (a replace starts it), so the plan tells it and the way out.
 */
export const sdrsProtectionLiveNotice: LiveNotice = (state) => {
  const status = stringAt(state, 'status');
  if (status === undefined || status === PROTECTED) return undefined;
  const group = `protection of group ${stringAt(state, 'group_id') ?? '?'}`;
  const pairs = `its replication pairs (${typeof state.replication_num === 'number' ? state.replication_num : '?'})`;
  if (status === 'available') {
    return {
      summary: `${group} is STOPPED in SDRS (group status available), not by this configuration: ${pairs} do not replicate`,
      status: 'STOPPED',
      blocksUpdate: false,
      fix: `To start it again: ${REPLACE} (SDRS starts protection from ${STARTABLE_WORDS}), or find out who stopped it. ${REVIEW_LISTS_THEM}`,
    };
  }
  return notRunning(group, status, pairs);
};

function notRunning(group: string, status: string, pairs: string): LiveNoticeText {
  const notice = (why: string, consequence: string, fix: string): LiveNoticeText => ({
    summary: `${group} is not running in SDRS (group status ${status}: ${why}): ${consequence}`,
    status,
    blocksUpdate: false,
    fix: `${fix} ${REVIEW_LISTS_THEM}`,
  });
  if (status === 'error-starting') {
    return notice(statusMeaning(status, GROUP_DAMAGE), `${pairs} do not replicate`, `Find the cause in the SDRS console (the group's failed job); then ${REPLACE} starts it again (SDRS starts protection from ${STARTABLE_WORDS}).`);
  }
  if (status === 'failed-over') {
    return notice('the group failed over to the DR site', `${pairs} do not replicate`, 'Reprotect the group in the SDRS console when the production site is back (SDRS reprotects from failed-over or error-reprotecting); the code does not fail back.');
  }
  if (isSdrsErrorStatus(status)) return notice(statusMeaning(status, GROUP_DAMAGE), `${pairs} may not replicate`, FIND_THE_CAUSE);
  return notice('an operation is under way in SDRS', `${pairs} may not replicate`, 'Plan again when it ends.');
}

export const sdrsProtectionHandler: ResourceHandler<Spec, SdrsProtectionState> = {
  kind: 'sdrs.protection',
  parseSpec: (raw) => parseSpec(sdrsProtectionSpecSchema, raw, 'sdrs.protection'),
  describe: label,
  create,
  read: (spec, ctx) => readProtection(spec, ctx.clients),
  delete: remove,
};

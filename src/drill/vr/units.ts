/**
 * vSphere Replication in a drill: its REST API has no recovery operation (no test recovery, no failover), so a VR
 * unit recovers nothing. Its evidence is the replica as it stands: the latest recovery point (the last completed
 * sync), its age against the RPO, the RPO violation VR reports and the open issues of the replication. The report
 * says plainly that it is not a recovery test.
 *
 * @api VR POST /session
 * @api VR GET  /pairings
 * @api VR GET  /pairings/{pairing_id}/replications?filter_property=vm_id|name&filter=
 * @api VR GET  /pairings/{pairing_id}/replications/issues
 */
import type { IssueInfo, ReplicationInfo } from '../../../lib/client/vr/types';
import type { Context } from '../../resources/contract';
import { parseSpec } from '../../resources/parse-spec';
import { findReplication, locate } from '../../resources/vr/replication/handler';
import { vrReplicationSpecSchema, type VrReplicationSpec } from '../../resources/vr/replication/schema';
import type { StackResource } from '../../resources/synthesized-stack';
import type { DrillUnit, RecoveredVm, UnitPreflight } from '../types';

export const VR_KINDS = ['vr.replication'] as const;

interface Found {
  readonly live: ReplicationInfo | undefined;
  readonly issues: readonly IssueInfo[];
}

function vmName(spec: VrReplicationSpec): string {
  return spec.vm.name ?? spec.vm.id ?? '?';
}

async function read(spec: VrReplicationSpec, ctx: Context): Promise<Found> {
  const located = await locate(spec, ctx);
  const live = await findReplication(located, spec);
  if (live === undefined) return { live, issues: [] };
  const all = await located.client.listReplicationIssues(located.pairingId);
  const issues = all.filter((issue) => (issue.entity !== undefined && issue.entity === live.id) || (issue.entity_name !== undefined && issue.entity_name !== null && issue.entity_name === live.name));
  return { live, issues };
}

/** What stands between the replica and a recovery: status, first sync, RPO. */
export function replicaProblems(live: ReplicationInfo | undefined, rpoMinutes: number): string[] {
  if (live === undefined) return ['no replication of this VM on the pairing (deploy the stack first)'];
  const problems: string[] = [];
  const status = live.status?.status ?? 'UNKNOWN';
  if (status === 'PAUSED') problems.push('replication PAUSED: resume it (repliform vr resume)');
  else if (status === 'NOT_ACTIVE' || status === 'ERROR' || status === 'UNKNOWN') problems.push(`replication not healthy (status ${status})`);
  if (live.last_sync_time <= 0 || status === 'INITIAL_FULL_SYNC' || status === 'CONFIGURING') problems.push('first sync not done: no recovery point yet');
  const violation = live.current_rpo_violation ?? 0;
  if (violation > 0 || live.status?.rpo_violation === true) problems.push(`RPO not met: ${violation} min past the ${rpoMinutes} min RPO`);
  return problems;
}

function issueText(issue: IssueInfo): string {
  return `${issue.status ?? 'ISSUE'}: ${issue.description ?? '(no description)'}`;
}

export function vrUnit(resource: StackResource): DrillUnit {
  const spec = parseSpec(vrReplicationSpecSchema, resource.input, 'vr.replication');
  const name = vmName(spec);
  const rpoMinutes = spec.settings.rpo_minutes;
  const preflight = async (ctx: Context): Promise<UnitPreflight> => {
    const { live } = await read(spec, ctx);
    return { vms: [{ vm: name, problems: replicaProblems(live, rpoMinutes) }] };
  };
  const recovered = async (ctx: Context): Promise<RecoveredVm[]> => {
    const { live, issues } = await read(spec, ctx);
    const synced = live !== undefined && live.last_sync_time > 0;
    const problems = replicaProblems(live, rpoMinutes).filter((p) => !p.startsWith('RPO not met'));
    return [
      {
        vm: name,
        recoveryPoint: synced ? { id: null, time: live.last_sync_time, note: 'the last completed sync (the latest point in time of the replica)' } : null,
        poweredOn: null,
        network: null,
        inTestNetwork: null,
        address: null,
        rpoViolationMinutes: live?.current_rpo_violation ?? null,
        issues: [...problems, ...issues.map(issueText)],
      },
    ];
  };
  return {
    vendor: 'vr',
    construct: resource.owner,
    name,
    recovers: false,
    rpoMinutes,
    preflight,
    start: async () => undefined,
    wait: async () => undefined,
    recovered,
    cleanup: async () => undefined,
    leftovers: async () => [],
  };
}

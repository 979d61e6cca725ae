/**
 * Checks a replication read from the server against the ranges the VR API documents (RPO 5..1440 minutes,
 * point-in-time retention of at most 24 instances in total, no negative counts). A value outside them is passed
 * through unchanged — the server is the truth — but flagged, so a DR engineer does not take it for a valid setting.
 *
 * Calls no endpoint.
 *
 * @public
 */
import type { ReplicationInfo } from './types';

/** RPO range of the VR API, in minutes. @public */
export const VR_RPO_RANGE_MINUTES = { min: 5, max: 1440 } as const;

/** Most point-in-time instances a replication may keep (instances per day × days). @public */
export const VR_MAX_MPIT_INSTANCES = 24;

/** The fields the check reads. @public */
export type RangeCheckedReplication = Pick<ReplicationInfo, 'id' | 'name' | 'rpo' | 'mpit_instances' | 'mpit_days'>;

/**
 * One message per value outside the documented ranges, e.g.
 * "replication web-01 (r-1) as read from the server: rpo is -5, outside the API's range 5..1440 minutes".
 * Empty when every value is inside them (absent values are not checked).
 * @public
 */
export function replicationRangeWarnings(info: RangeCheckedReplication): string[] {
  const subject = `replication ${info.name ?? '(unnamed)'} (${info.id ?? 'no id'}) as read from the server`;
  return [...rpoProblems(info.rpo), ...mpitProblems(info.mpit_instances, info.mpit_days)].map((problem) => `${subject}: ${problem}`);
}

function rpoProblems(rpo: number | undefined): string[] {
  if (rpo === undefined || (rpo >= VR_RPO_RANGE_MINUTES.min && rpo <= VR_RPO_RANGE_MINUTES.max)) return [];
  return [`rpo is ${rpo}, outside the API's range ${VR_RPO_RANGE_MINUTES.min}..${VR_RPO_RANGE_MINUTES.max} minutes`];
}

function mpitProblems(instances: number | undefined, days: number | undefined): string[] {
  const negatives = [
    ...(instances !== undefined && instances < 0 ? [`mpit_instances is ${instances}, negative`] : []),
    ...(days !== undefined && days < 0 ? [`mpit_days is ${days}, negative`] : []),
  ];
  if (negatives.length > 0 || instances === undefined || days === undefined) return negatives;
  const total = instances * days;
  if (total <= VR_MAX_MPIT_INSTANCES) return [];
  return [
    `point-in-time retention of ${instances} instances/day × ${days} days = ${total} instances, above the API's maximum of ${VR_MAX_MPIT_INSTANCES}`,
  ];
}

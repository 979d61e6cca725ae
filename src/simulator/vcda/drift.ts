/**
 * Drift by hand on VCDA replications (the admin API, not VCDA's): pause or resume, set the health, change the
 * RPO, the RPO violation or the description as if someone did it in the VCDA UI; or remove a replication
 * behind repliform's back. A bad patch is refused whole, naming the field, what it allows and what was given.
 *
 * Endpoints served (under /_sim/vcda):
 *   POST   /replications/{id}   {isPaused?, overallHealth?, rpo?, currentRpoViolation?, description?} → the replication
 *   DELETE /replications/{id}   → 204 (gone, as if deleted in VCDA)
 */
import { isRecord } from '../core/http';
import { badUserInput } from './errors';
import { findReplication } from './replications';
import type { VcdaOverallHealth, VcdaReplicationInfo, VcdaState } from './types';

const HEALTHS: readonly VcdaOverallHealth[] = ['GREEN', 'YELLOW', 'RED', 'UNKNOWN'];

type Apply = (info: VcdaReplicationInfo, value: unknown) => void;

function requireType(field: string, value: unknown, check: (value: unknown) => boolean, allowed: string): void {
  if (!check(value)) throw badUserInput(`drift field '${field}' must be ${allowed}, got ${JSON.stringify(value)}.`, [field]);
}

const isBoolean = (value: unknown): boolean => typeof value === 'boolean';
const isWholeMinutes = (value: unknown): boolean => typeof value === 'number' && Number.isInteger(value) && value >= 0;

const FIELDS: Record<string, { check: (value: unknown) => boolean; allowed: string; apply: Apply }> = {
  isPaused: { check: isBoolean, allowed: 'true or false', apply: (info, value) => (info.isPaused = value === true) },
  overallHealth: {
    check: (value) => HEALTHS.some((health) => health === value),
    allowed: `one of ${HEALTHS.join(', ')}`,
    apply: (info, value) => (info.overallHealth = HEALTHS.find((health) => health === value)),
  },
  rpo: {
    check: (value) => isWholeMinutes(value) && Number(value) >= 1 && Number(value) <= 1440,
    allowed: 'an integer between 1 and 1440 (minutes)',
    apply: (info, value) => (info.settings.rpo = Number(value)),
  },
  currentRpoViolation: {
    check: isWholeMinutes,
    allowed: 'an integer ≥ 0 (minutes)',
    apply: (info, value) => (info.destinationState = { ...info.destinationState, currentRpoViolation: Number(value) }),
  },
  description: {
    check: (value) => typeof value === 'string' || value === null,
    allowed: 'a string or null',
    apply: (info, value) => (info.settings.description = typeof value === 'string' ? value : null),
  },
};

/** Applies the patch (all fields checked first) and answers the replication as it is now. */
export function applyVcdaDrift(state: VcdaState, replicationId: string, patch: unknown, now: number): VcdaReplicationInfo {
  const replication = findReplication(state, replicationId);
  if (!isRecord(patch)) throw badUserInput('the drift body must be a JSON object.', []);
  const entries = Object.entries(patch);
  for (const [field, value] of entries) {
    const rule = FIELDS[field];
    if (!rule) throw badUserInput(`unknown drift field '${field}': allowed ${Object.keys(FIELDS).join(', ')}.`, [field]);
    requireType(field, value, rule.check, rule.allowed);
  }
  for (const [field, value] of entries) FIELDS[field]?.apply(replication.info, value);
  replication.info.lastUpdated = now;
  return replication.info;
}

/** Removes the replication as if someone deleted it in VCDA. */
export function removeVcdaReplication(state: VcdaState, replicationId: string): void {
  const replication = findReplication(state, replicationId);
  state.replications = state.replications.filter((candidate) => candidate !== replication);
}

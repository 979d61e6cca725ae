/**
 * The evidence of a drill, as the JSON report holds it (render-markdown.ts writes the same as Markdown): per VM the
 * recovery point used, its age at recovery against the RPO target ("RPO achieved"), the time to recover against
 * the RTO target ("RTO achieved"), the checks; who ran it, when, on which commit; what the cleanup left; the
 * verdict and the exit code. Times are ISO 8601 UTC, durations whole seconds.
 *
 * Calls no endpoint.
 */
import type { CheckResult } from './checks';
import { DRILL_EXIT } from './exit-codes';
import type { Provenance } from './provenance';
import type { DrillRun, DrillStop, UnitResult, VmResult } from './run';
import type { DrillVendor } from './types';

export const EVIDENCE_SCHEMA = 'repliform.drill/v1';

export type Verdict = 'passed' | 'failed' | 'not-ready' | 'refused' | 'timed-out' | 'interrupted' | 'error' | 'cleaned-up';

export interface VmEvidence {
  readonly vm: string;
  readonly vendor: DrillVendor;
  readonly construct: string;
  /** The protection group (SDRS) or the replication's VM (VCDA, VR). */
  readonly unit: string;
  /** False for VR: the replica's state, not a recovery. */
  readonly recovery_test: boolean;
  readonly recovery_point: { readonly id: string | null; readonly time: string | null; readonly note: string | null } | null;
  readonly rpo: { readonly target_minutes: number | null; readonly age_at_recovery_seconds: number | null; readonly violation_minutes: number | null; readonly achieved: boolean | null };
  readonly rto: { readonly target_minutes: number | null; readonly seconds: number | null; readonly achieved: boolean | null } | null;
  readonly checks: readonly CheckResult[];
  readonly issues: readonly string[];
  readonly preflight_problems: readonly string[];
  readonly failure: string | null;
  readonly passed: boolean;
}

export interface LeftoverEvidence {
  readonly unit: string;
  readonly construct: string;
  readonly what: string;
  readonly remove_with: string;
}

export interface Evidence {
  readonly schema: typeof EVIDENCE_SCHEMA;
  readonly verdict: Verdict;
  readonly exit_code: number;
  readonly summary: string;
  readonly reason: string | null;
  readonly who: { readonly user: string; readonly ci: string | null; readonly run: string | null };
  readonly when: { readonly started: string; readonly finished: string; readonly duration_seconds: number };
  readonly commit: { readonly sha: string; readonly source: string; readonly dirty: boolean } | null;
  readonly stacks: readonly string[];
  readonly targets: { readonly rto_minutes: number | null };
  readonly vms: readonly VmEvidence[];
  readonly cleanup: { readonly complete: boolean; readonly retried: readonly string[]; readonly leftovers: readonly LeftoverEvidence[] };
  /** Said plainly when any VM's evidence is not a recovery test (VR). */
  readonly not_a_recovery_test: string | null;
}

export const VR_NOT_A_RECOVERY_TEST =
  "vSphere Replication's REST API has no recovery operation: its VMs were not recovered. Their evidence is the replica as it stands — the latest recovery point, its age against the RPO, RPO violations and open issues — not a recovery test.";

export interface EvidenceInput {
  readonly run: DrillRun;
  readonly provenance: Provenance;
  readonly stacks: readonly string[];
  readonly rtoMinutes: number | null;
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

function seconds(ms: number): number {
  return Math.round(ms / 1000);
}

function rpoOf(unit: UnitResult, vm: VmResult | undefined, at: number): VmEvidence['rpo'] {
  const time = vm?.recoveryPoint?.time ?? null;
  const age = time === null ? null : Math.max(0, seconds(at - time));
  const violation = vm?.rpoViolationMinutes ?? null;
  const target = unit.rpoMinutes;
  const late = violation !== null && violation > 0;
  const achieved = target === null || age === null ? (late ? false : null) : age <= target * 60 && !late;
  return { target_minutes: target, age_at_recovery_seconds: age, violation_minutes: violation, achieved };
}

function rtoOf(unit: UnitResult, rtoMinutes: number | null): VmEvidence['rto'] {
  if (!unit.recovers) return null;
  const took = unit.startedAt !== null && unit.recoveredAt !== null ? seconds(unit.recoveredAt - unit.startedAt) : null;
  const achieved = took === null ? (unit.startedAt !== null ? false : null) : rtoMinutes === null ? null : took <= rtoMinutes * 60;
  return { target_minutes: rtoMinutes, seconds: took, achieved };
}

function vmEvidence(unit: UnitResult, name: string, vm: VmResult | undefined, input: EvidenceInput): VmEvidence {
  const problems = unit.preflight?.vms.find((p) => p.vm === name)?.problems ?? [];
  const at = unit.startedAt ?? input.run.startedAt;
  const point = vm?.recoveryPoint ?? null;
  const rpo = rpoOf(unit, vm, at);
  const rto = rtoOf(unit, input.rtoMinutes);
  const checks = vm?.checks ?? [];
  const issues = vm?.issues ?? [];
  const failure = unit.failure ?? (vm === undefined && input.run.stop === 'completed' ? 'not recovered' : null);
  const passed = input.run.stop === 'completed' && failure === null && vm !== undefined && rpo.achieved !== false && rto?.achieved !== false && checks.every((c) => c.passed) && issues.length === 0;
  return {
    vm: name,
    vendor: unit.vendor,
    construct: unit.construct,
    unit: unit.name,
    recovery_test: unit.recovers,
    recovery_point: point === null ? null : { id: point.id, time: point.time === null ? null : iso(point.time), note: point.note ?? null },
    rpo,
    rto,
    checks,
    issues,
    preflight_problems: problems,
    failure,
    passed,
  };
}

/** The unit's VMs: those it recovered, then those preflight named that it did not. */
function vmsOf(unit: UnitResult, input: EvidenceInput): VmEvidence[] {
  const recovered = unit.vms.map((vm) => vmEvidence(unit, vm.vm, vm, input));
  const missing = (unit.preflight?.vms ?? []).filter((p) => !unit.vms.some((vm) => vm.vm === p.vm)).map((p) => vmEvidence(unit, p.vm, undefined, input));
  const none = recovered.length + missing.length === 0 ? [vmEvidence(unit, unit.name, undefined, input)] : [];
  return [...recovered, ...missing, ...none];
}

function leftoversOf(units: readonly UnitResult[]): LeftoverEvidence[] {
  return units.flatMap((u) => (u.cleanup?.leftovers ?? []).map((l) => ({ unit: u.name, construct: u.construct, what: l.what, remove_with: l.removeWith })));
}

const STOP_VERDICT: Record<Exclude<DrillStop, 'completed'>, Verdict> = {
  refused: 'refused',
  'not-ready': 'not-ready',
  'timed-out': 'timed-out',
  interrupted: 'interrupted',
  error: 'error',
};

function verdictOf(run: DrillRun, vms: readonly VmEvidence[], cleanupOnly: boolean): Verdict {
  if (run.stop !== 'completed') return STOP_VERDICT[run.stop];
  if (cleanupOnly) return 'cleaned-up';
  return vms.every((vm) => vm.passed) ? 'passed' : 'failed';
}

function exitCodeOf(verdict: Verdict, leftovers: number): number {
  if (leftovers > 0) return DRILL_EXIT.leftovers;
  switch (verdict) {
    case 'passed':
    case 'cleaned-up':
      return DRILL_EXIT.passed;
    case 'error':
    case 'interrupted':
      return DRILL_EXIT.error;
    case 'refused':
      return DRILL_EXIT.refused;
    default:
      return DRILL_EXIT.failed;
  }
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function summaryOf(verdict: Verdict, vms: readonly VmEvidence[], leftovers: number, reason: string | null): string {
  const recovered = vms.filter((vm) => vm.recovery_test);
  const passed = vms.filter((vm) => vm.passed).length;
  const evidenceOnly = vms.length - recovered.length;
  const scope = [recovered.length > 0 ? `${plural(recovered.length, 'VM')} recovered in the test network` : '', evidenceOnly > 0 ? `${plural(evidenceOnly, 'VM')} evidence only (VR)` : '']
    .filter(Boolean)
    .join(', ');
  const cleanup = leftovers === 0 ? 'cleanup complete' : `CLEANUP LEFT ${plural(leftovers, 'THING')} BEHIND`;
  const head = `Drill ${verdict.toUpperCase()}`;
  if (verdict === 'cleaned-up') return `${head}: ${cleanup}`;
  if (verdict !== 'passed' && verdict !== 'failed') return `${head}: ${reason ?? ''}; ${cleanup}`;
  return `${head}: ${scope}; ${passed} of ${vms.length} passed; ${cleanup}`;
}

export function buildEvidence(input: EvidenceInput, cleanupOnly = false): Evidence {
  const { run, provenance } = input;
  const vms = run.units.flatMap((unit) => vmsOf(unit, input));
  const leftovers = leftoversOf(run.units);
  const verdict = verdictOf(run, vms, cleanupOnly);
  const retried = run.units.flatMap((u) => (u.cleanup?.errors ?? []).map((e) => `${u.name}: ${e}`));
  return {
    schema: EVIDENCE_SCHEMA,
    verdict,
    exit_code: exitCodeOf(verdict, leftovers.length),
    summary: summaryOf(verdict, vms, leftovers.length, run.reason),
    reason: run.reason,
    who: { user: provenance.user, ci: provenance.ci?.system ?? null, run: provenance.ci?.run ?? null },
    when: { started: iso(run.startedAt), finished: iso(run.finishedAt), duration_seconds: seconds(run.finishedAt - run.startedAt) },
    commit: provenance.commit,
    stacks: input.stacks,
    targets: { rto_minutes: input.rtoMinutes },
    vms,
    cleanup: { complete: leftovers.length === 0, retried, leftovers },
    not_a_recovery_test: vms.some((vm) => !vm.recovery_test) ? VR_NOT_A_RECOVERY_TEST : null,
  };
}

export function renderJson(evidence: Evidence): string {
  return `${JSON.stringify(evidence, null, 2)}\n`;
}

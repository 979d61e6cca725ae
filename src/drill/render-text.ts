/**
 * The evidence's summary for a terminal or a CI log: the verdict, one line per VM, what the cleanup left (loudly),
 * and where the full reports are.
 *
 * Calls no endpoint.
 */
import type { Evidence, VmEvidence } from './evidence';
import { duration } from './render-markdown';

function vmLine(vm: VmEvidence): string {
  const mark = vm.passed ? 'ok  ' : 'FAIL';
  const age = vm.rpo.age_at_recovery_seconds === null ? 'no recovery point' : `point ${duration(vm.rpo.age_at_recovery_seconds)} old`;
  const rpo = vm.rpo.target_minutes === null ? (vm.vendor === 'sdrs' ? 'synchronous' : 'no RPO target') : `RPO ${vm.rpo.target_minutes} min ${vm.rpo.achieved === false ? 'NOT achieved' : 'achieved'}`;
  const rto = vm.rto === null ? 'evidence only, not recovered' : vm.rto.seconds === null ? 'not recovered' : `recovered in ${duration(vm.rto.seconds)}${vm.rto.achieved === false ? ' (RTO NOT achieved)' : ''}`;
  const checks = vm.checks.length === 0 ? '' : `, checks ${vm.checks.filter((c) => c.passed).length}/${vm.checks.length}`;
  const why = vm.failure !== null ? ` — ${vm.failure}` : vm.issues.length > 0 ? ` — ${vm.issues.join('; ')}` : '';
  return `  ${mark} ${vm.vm} (${vm.vendor}): ${age}, ${rpo}, ${rto}${checks}${why}`;
}

export function renderSummary(evidence: Evidence, files: readonly string[]): string {
  const lines = [evidence.summary, ...evidence.vms.map(vmLine)];
  if (!evidence.cleanup.complete) {
    lines.push('', '!!! CLEANUP LEFT SOMETHING BEHIND — remove it now:');
    for (const l of evidence.cleanup.leftovers) lines.push(`!!!   ${l.what}`, `!!!     remove with: ${l.remove_with}`);
  }
  if (evidence.not_a_recovery_test !== null) lines.push(`  note: ${evidence.not_a_recovery_test}`);
  if (files.length > 0) lines.push(`report: ${files.join(', ')}`);
  return `${lines.join('\n')}\n`;
}

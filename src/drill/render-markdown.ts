/**
 * The evidence as Markdown, for an auditor, a job summary or a pull request: the verdict and one line of summary,
 * who / when / which commit, one row per VM (recovery point, its age at recovery vs the RPO, time to recover vs the
 * RTO, checks), the checks in full, what the cleanup left (loudly), and — for VR — that it is not a recovery test.
 *
 * Calls no endpoint.
 */
import type { Evidence, VmEvidence } from './evidence';

const VENDOR_NAMES = { vr: 'vSphere Replication', vcda: 'VCDA', sdrs: 'SDRS' } as const;

/** A table cell: no line breaks, pipes escaped. */
function cell(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');
}

export function duration(totalSeconds: number): string {
  if (totalSeconds < 60) return `${totalSeconds} s`;
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const secs = totalSeconds % 60;
  if (hours > 0) return `${hours} h ${minutes} min`;
  return secs === 0 ? `${minutes} min` : `${minutes} min ${secs} s`;
}

function yesNo(value: boolean | null, none: string): string {
  return value === null ? none : value ? 'yes' : '**NO**';
}

function utc(isoTime: string): string {
  return `${isoTime.slice(0, 19).replace('T', ' ')} UTC`;
}

function recoveryPoint(vm: VmEvidence): string {
  const point = vm.recovery_point;
  if (point === null) return '—';
  const at = point.time === null ? (point.note ?? 'unknown') : utc(point.time);
  return point.id === null ? at : `${point.id} (${at})`;
}

function rpoAchieved(vm: VmEvidence): string {
  if (vm.rpo.achieved === null) return vm.rpo.target_minutes === null ? (vm.vendor === 'sdrs' ? 'n/a (synchronous)' : 'n/a (no RPO target)') : '—';
  const late = vm.rpo.violation_minutes !== null && vm.rpo.violation_minutes > 0 ? ` (${vm.rpo.violation_minutes} min late)` : '';
  return `${yesNo(vm.rpo.achieved, '—')}${late}`;
}

function rtoCells(vm: VmEvidence): [string, string] {
  if (vm.rto === null) return ['not recovered (evidence only)', '—'];
  const took = vm.rto.seconds === null ? '—' : duration(vm.rto.seconds);
  return [took, yesNo(vm.rto.achieved, vm.rto.target_minutes === null ? 'no target' : '—')];
}

function checksCell(vm: VmEvidence): string {
  if (vm.failure !== null) return `**FAILED**: ${vm.failure}`;
  if (!vm.recovery_test) return vm.issues.length === 0 ? 'no open issues' : `**${vm.issues.length} open issue${vm.issues.length === 1 ? '' : 's'}**`;
  const passed = vm.checks.filter((c) => c.passed).length;
  return passed === vm.checks.length ? `${passed}/${vm.checks.length} passed` : `**${passed}/${vm.checks.length} passed**`;
}

function vmRow(vm: VmEvidence): string {
  const age = vm.rpo.age_at_recovery_seconds === null ? '—' : duration(vm.rpo.age_at_recovery_seconds);
  const target = vm.rpo.target_minutes === null ? '—' : `${vm.rpo.target_minutes} min`;
  const [took, rto] = rtoCells(vm);
  const cells = [vm.passed ? '✅' : '❌', vm.vm, VENDOR_NAMES[vm.vendor], recoveryPoint(vm), age, target, rpoAchieved(vm), took, rto, checksCell(vm)];
  return `| ${cells.map(cell).join(' | ')} |`;
}

function header(evidence: Evidence): string[] {
  const who = evidence.who.ci === null ? evidence.who.user : `${evidence.who.user} (${evidence.who.ci}${evidence.who.run === null ? '' : `, ${evidence.who.run}`})`;
  const commit = evidence.commit === null ? 'unknown (not a git work tree and no GITHUB_SHA)' : `\`${evidence.commit.sha}\` (${evidence.commit.source}${evidence.commit.dirty ? ', with uncommitted changes' : ''})`;
  return [
    '| | |',
    '|---|---|',
    `| When | ${utc(evidence.when.started)} → ${utc(evidence.when.finished)} (${duration(evidence.when.duration_seconds)}) |`,
    `| Who | ${cell(who)} |`,
    `| Commit | ${cell(commit)} |`,
    `| Stacks | ${cell(evidence.stacks.join(', '))} |`,
    `| RTO target | ${evidence.targets.rto_minutes === null ? 'none given (--rto-minutes)' : `${evidence.targets.rto_minutes} min`} |`,
  ];
}

function vmTable(evidence: Evidence): string[] {
  if (evidence.vms.length === 0) return [];
  return [
    '## Per VM',
    '',
    '| | VM | Service | Recovery point | Age at recovery | RPO target | RPO achieved | Time to recover | RTO achieved | Checks |',
    '|---|---|---|---|---|---|---|---|---|---|',
    ...evidence.vms.map(vmRow),
    '',
  ];
}

function checkLines(evidence: Evidence): string[] {
  const lines = evidence.vms.flatMap((vm) => [
    ...vm.preflight_problems.map((p) => `- ${vm.vm}: preflight: ${p}`),
    ...vm.checks.map((c) => `- ${vm.vm}: ${c.name} ${c.passed ? '✅' : '❌'} — ${c.detail}`),
    ...vm.issues.map((i) => `- ${vm.vm}: issue ❌ — ${i}`),
    ...(vm.recovery_point?.note && vm.recovery_point.time !== null ? [`- ${vm.vm}: recovery point — ${vm.recovery_point.note}`] : []),
  ]);
  return lines.length === 0 ? [] : ['## Checks', '', ...lines, ''];
}

function cleanupLines(evidence: Evidence): string[] {
  const { cleanup } = evidence;
  const retried = cleanup.retried.map((r) => `- a failed attempt: ${r}`);
  if (cleanup.complete) return ['## Cleanup', '', 'Complete: nothing of the drill is left.', ...(retried.length > 0 ? ['', ...retried] : []), ''];
  return [
    '## ⚠️ CLEANUP LEFT SOMETHING BEHIND',
    '',
    ...cleanup.leftovers.map((l) => `- **${l.unit}** (${l.construct}): ${l.what} — remove with: \`${l.remove_with}\``),
    ...retried,
    '',
  ];
}

export function renderMarkdown(evidence: Evidence): string {
  const lines = [
    `# DR drill: ${evidence.verdict}`,
    '',
    `**${evidence.summary}**`,
    '',
    ...(evidence.reason !== null && evidence.verdict !== 'passed' && evidence.verdict !== 'failed' ? [`Why: ${evidence.reason}`, ''] : []),
    ...header(evidence),
    '',
    ...vmTable(evidence),
    ...checkLines(evidence),
    ...cleanupLines(evidence),
    ...(evidence.not_a_recovery_test === null ? [] : ['## Not a recovery test', '', evidence.not_a_recovery_test, '']),
    `Exit code ${evidence.exit_code}. Written by repliform drill (${evidence.schema}).`,
  ];
  return `${lines.join('\n')}\n`;
}

/**
 * The terminal report: one block per stack listing what changes (unchanged items are only counted),
 * field differences in words, risks with their fix, and live drift; ANSI colour when asked (on a TTY).
 */
import { actionCounts, reviewRiskCounts, type OtherChange, type Review, type ReviewAction, type ReviewItem, type Risk } from './model';
import { ACTION_SYMBOL, ACTION_WORD, itemFacts, itemTitle, planLine, riskLine } from './wording';

export interface TextOptions {
  readonly color: boolean;
}

type Paint = (code: string, text: string) => string;

/**
 * A value from code or the API as terminal text: control characters (an escape sequence in a VM name
 * would drive the terminal) and bidirectional overrides are shown as `\u001b`-style escapes.
 */
export function printable(value: string): string {
  return value.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const ACTION_COLOR: Record<ReviewAction, string> = {
  create: '32',
  update: '33',
  replace: '31',
  delete: '31',
  forget: '35',
  'no-change': '2',
};

function shown(item: ReviewItem): boolean {
  return item.action !== 'no-change' || item.risks.length > 0 || (item.live?.findings.length ?? 0) > 0 || item.drift.length > 0;
}

/** Prints each fix once: an item whose risk has a fix already given says so instead of repeating it. */
class Fixes {
  private readonly given = new Set<string>();

  line(risk: Risk): string {
    const key = `${risk.class}\u0000${risk.fix}`;
    if (this.given.has(key)) return '         fix: the same as above';
    this.given.add(key);
    return `         fix: ${printable(risk.fix)}`;
  }
}

function riskLines(risks: readonly Risk[], paint: Paint, fixes: Fixes): string[] {
  return risks.flatMap((risk) => [`      ${paint('1;31', `!! ${printable(risk.message)}`)}`, fixes.line(risk)]);
}

function itemLines(item: ReviewItem, paint: Paint, fixes: Fixes): string[] {
  const facts = printable(itemFacts(item));
  const head = `  ${paint(ACTION_COLOR[item.action], ACTION_SYMBOL[item.action].padStart(3))} ${paint('1', printable(itemTitle(item)))}${facts ? ` (${facts})` : ''}`;
  const word = ACTION_WORD[item.action];
  const lines = [head, `        ${item.summary === word ? word : `${word}: ${printable(item.summary)}`}`];
  for (const change of item.changes) lines.push(`        ${printable(change.text)}`);
  for (const finding of item.drift) lines.push(`        plan: ${printable(finding.text)}`);
  for (const finding of item.live?.findings ?? []) lines.push(`        live: ${printable(finding.text)}`);
  lines.push(...riskLines(item.risks, paint, fixes));
  return lines;
}

function otherLines(change: OtherChange, paint: Paint, fixes: Fixes): string[] {
  const why = change.reasons.length > 0 ? ` (${printable(change.reasons.join('; '))})` : '';
  const imported = change.importing === undefined ? '' : `, imported from ${printable(change.importing)}`;
  const head = `  ${paint(ACTION_COLOR[change.action], ACTION_SYMBOL[change.action].padStart(3))} ${printable(change.address)}: ${ACTION_WORD[change.action]}${imported}${why}`;
  return [head, ...riskLines(change.risks, paint, fixes)];
}

/** `1 to destroy, 1 to replace` of the other resources. */
function othersLine(others: readonly OtherChange[]): string {
  const counts = actionCounts(others.map((other) => ({ action: other.action })));
  return planLine(counts).replace(/, 0 unchanged$/, '');
}

/** The report as terminal text (ending with a newline). */
export function renderText(review: Review, options: TextOptions): string {
  const paint: Paint = options.color ? (code, text) => `\u001b[${code}m${text}\u001b[0m` : (_code, text) => text;
  const fixes = new Fixes();
  const lines: string[] = [];
  const managed = review.items.length;
  lines.push(`repliform review: ${managed} managed object${managed === 1 ? '' : 's'} in ${review.stacks.length} stack${review.stacks.length === 1 ? '' : 's'}${review.live ? ', checked live' : ''}`);
  for (const stack of review.stacks) {
    const items = review.items.filter((item) => item.stack === stack);
    const visible = items.filter(shown);
    lines.push('', paint('1', `stack ${printable(stack)}`));
    for (const item of visible) lines.push(...itemLines(item, paint, fixes));
    const hidden = items.length - visible.length;
    if (hidden > 0) lines.push(`  ${paint('2', `${hidden} unchanged`)}`);
    const others = review.others.filter((other) => other.stack === stack);
    if (others.length > 0) lines.push(`  other resources (not repliform objects):`);
    for (const other of others) lines.push(...otherLines(other, paint, fixes));
  }
  lines.push('');
  if (!review.changes) lines.push(paint('32', 'No changes.'));
  lines.push(`Plan: ${planLine(actionCounts(review.items))}.`);
  if (review.others.length > 0) lines.push(`Other resources: ${othersLine(review.others)}.`);
  if (review.foreign.length > 0) {
    const owners = new Set(review.foreign.map((object) => object.owner ?? 'no known owner'));
    lines.push(`Not this app's: ${review.foreign.length} object${review.foreign.length === 1 ? '' : 's'} on its pairings that no construct declares, of ${printable([...owners].sort().join(', '))} (not orphans).`);
  }
  const risks = reviewRiskCounts(review);
  const risky = Object.values(risks).some((count) => count > 0);
  lines.push(risky ? paint('1;31', `Risks: ${riskLine(risks)}.`) : `Risks: none.`);
  for (const error of review.errors) lines.push(paint('31', `error: ${printable(error)}`));
  return `${lines.join('\n')}\n`;
}

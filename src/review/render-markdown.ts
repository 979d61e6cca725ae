/**
 * The pull-request comment: the risk count first, a narrow table of what changes (risky items first),
 * the risks grouped by fix, the details folded, and a Mermaid picture of site → site replications with
 * a legend. Every value from code or the API is escaped (markdown-text.ts). The comment is capped by
 * size, not by rows, below GitHub's 65,536-character limit: what does not fit is counted and left to
 * the text and JSON formats.
 */
import { cell, code, sentence, text } from './markdown-text';
import { mermaidPicture } from './mermaid';
import { actionCounts, changedItems, riskCounts, sourceSiteOf, type Review, type ReviewItem, type Risk, type RiskClass } from './model';
import { ACTION_WORD, itemFacts, planLine, RISK_ORDER, RISK_WORD, severity } from './wording';

/** GitHub refuses a comment over 65,536 characters; the rest leaves room for a marker line a workflow adds. */
export const MAX_COMMENT_CHARS = 60_000;
/** Shares of the room left once the summary, the picture and the errors are in. */
const RISKS_SHARE = 0.4;
const TABLE_SHARE = 0.6;
const PICTURE_CHARS = 12_000;
const ERRORS_CHARS = 4_000;
/** Names listed under one grouped risk before `…and N more`. */
const NAMES_PER_RISK = 40;
const FULL_OUTPUT = 'run `repliform review --format text` or `--format json` for all';

const RISK_MARK: Record<RiskClass, string> = { 'data-loss': '🔴', orphan: '🔴', resync: '🟠', drift: '🟡' };

export { cell };

/** Items are whole: an entry (a row, a risk, a detail) is shown entire or counted as omitted. */
interface Capped {
  readonly lines: string[];
  readonly omitted: number;
}

function size(lines: readonly string[]): number {
  return lines.reduce((total, line) => total + line.length + 1, 0);
}

/** The entries that fit in `budget` characters, in order, and how many did not. */
function cap(entries: readonly string[][], budget: number): Capped {
  const lines: string[] = [];
  let used = 0;
  let shown = 0;
  for (const entry of entries) {
    const cost = size(entry);
    if (used + cost > budget) break;
    lines.push(...entry);
    used += cost;
    shown += 1;
  }
  return { lines, omitted: entries.length - shown };
}

function omittedLine(count: number, what: string): string[] {
  return count === 0 ? [] : ['', `…${count} more ${what} omitted to fit a GitHub comment: ${FULL_OUTPUT}.`];
}

function ordered(items: readonly ReviewItem[]): ReviewItem[] {
  return [...items].sort((a, b) => severity(a) - severity(b) || a.stack.localeCompare(b.stack) || a.name.localeCompare(b.name));
}

interface Layout {
  /** More than one stack: each row and entry names its stack. */
  readonly manyStacks: boolean;
}

/** `` `web-01` `` or, for a site link, `pairing `vc-b.example.local``, with its stack when there are several. */
function objectName(item: ReviewItem, layout: Layout): string {
  const name = item.shape === 'site-link' ? `${item.noun} ${code(item.target)}` : code(item.name);
  return layout.manyStacks ? `${name} (${text(item.stack)})` : name;
}

function sites(item: ReviewItem): string {
  return `${text(sourceSiteOf(item))} → ${text(item.target)}`;
}

function actionText(item: ReviewItem): string {
  const word = ACTION_WORD[item.action];
  return item.summary === word ? `**${word}**` : `**${word}**: ${text(item.summary)}`;
}

/** What changes in the code, and what the live check found: never facts that stay the same. */
function changesText(item: ReviewItem): string {
  const changes = item.changes.map((change) => text(change.text));
  const live = (item.live?.findings ?? []).map((finding) => `live: ${text(finding.text)}`);
  return [...changes, ...live].join('; ') || '—';
}

function riskCell(item: ReviewItem): string {
  const classes = RISK_ORDER.filter((risk) => item.risks.some((r) => r.class === risk));
  return classes.length === 0 ? '✅' : classes.map((risk) => `${RISK_MARK[risk]} ${RISK_WORD[risk]}`).join(', ');
}

function table(items: readonly ReviewItem[], layout: Layout, budget: number): Capped {
  const header = layout.manyStacks
    ? ['| Risk | Replication | Stack | Sites | Action | Changes |', '|---|---|---|---|---|---|']
    : ['| Risk | Replication | Sites | Action | Changes |', '|---|---|---|---|---|'];
  const rows = items.map((item) => {
    const name = item.shape === 'site-link' ? text(item.noun) : code(item.name);
    const row = layout.manyStacks
      ? [riskCell(item), name, text(item.stack), sites(item), actionText(item), changesText(item)]
      : [riskCell(item), name, sites(item), actionText(item), changesText(item)];
    return [`| ${row.map(cell).join(' | ')} |`];
  });
  const body = cap(rows, budget - size(header) - 200);
  return { lines: [...header, ...body.lines, ...omittedLine(body.omitted, `row${body.omitted === 1 ? '' : 's'}`)], omitted: body.omitted };
}

/** Every value of an item that may appear inside a risk's wording. */
function valuesOf(item: ReviewItem): string[] {
  const changeValues = item.changes.flatMap((change) => [change.text, change.from, change.to]).filter((value): value is string => typeof value === 'string');
  return [item.name, item.source, item.target, item.stack, sourceSiteOf(item), ...changeValues, ...(item.live?.findings ?? []).map((f) => f.text), ...item.addresses];
}

interface RiskGroup {
  readonly risk: Risk;
  readonly items: ReviewItem[];
}

/** Risks with the same class, message and fix are said once, with the list of their objects. */
function groupRisks(items: readonly ReviewItem[]): RiskGroup[] {
  const groups = new Map<string, RiskGroup>();
  for (const item of items) {
    for (const risk of item.risks) {
      const key = JSON.stringify([risk.class, risk.message, risk.fix]);
      const group = groups.get(key) ?? { risk, items: [] };
      group.items.push(item);
      groups.set(key, group);
    }
  }
  return [...groups.values()].sort((a, b) => RISK_ORDER.indexOf(a.risk.class) - RISK_ORDER.indexOf(b.risk.class));
}

function riskEntry(group: RiskGroup, layout: Layout): string[] {
  const { risk, items } = group;
  const names = items.slice(0, NAMES_PER_RISK).map((item) => objectName(item, layout));
  const more = items.length > NAMES_PER_RISK ? ` …and ${items.length - NAMES_PER_RISK} more` : '';
  const count = items.length === 1 ? '' : ` (${items.length})`;
  const values = items.flatMap(valuesOf);
  return [
    `- ${RISK_MARK[risk.class]} **${RISK_WORD[risk.class]}**${count}: ${names.join(', ')}${more}<br>${sentence(risk.message, values)}<br>**Fix:** ${sentence(risk.fix, values)}`,
  ];
}

function riskSection(items: readonly ReviewItem[], layout: Layout, budget: number): Capped {
  const groups = groupRisks(items);
  if (groups.length === 0) return { lines: [], omitted: 0 };
  const head = ['', '#### ⚠️ Risks', ''];
  const body = cap(
    groups.map((group) => riskEntry(group, layout)),
    budget - size(head) - 200,
  );
  return { lines: [...head, ...body.lines, ...omittedLine(body.omitted, `risk${body.omitted === 1 ? '' : 's'}`)], omitted: body.omitted };
}

function detailEntry(item: ReviewItem, layout: Layout): string[] {
  const facts = itemFacts(item);
  const lines = [`**${objectName(item, layout)}** · ${sites(item)} · ${ACTION_WORD[item.action]}${facts ? `, ${text(facts)}` : ''}`, ''];
  for (const change of item.changes) lines.push(`- ${text(change.text)}${change.effect === 'replace' ? ' (identity)' : ''}`);
  for (const finding of item.live?.findings ?? []) lines.push(`- live: ${text(finding.text)}`);
  lines.push(`- Terraform: ${item.addresses.map(code).join(', ')}`, '');
  return lines;
}

function details(items: readonly ReviewItem[], layout: Layout, budget: number): Capped {
  if (items.length === 0) return { lines: [], omitted: 0 };
  const head = ['', `<details><summary>Details of ${items.length} item${items.length === 1 ? '' : 's'}</summary>`, ''];
  const body = cap(
    items.map((item) => detailEntry(item, layout)),
    budget - size(head) - 220,
  );
  const tail = body.omitted === 0 ? [] : [`…${body.omitted} more omitted to fit a GitHub comment: ${FULL_OUTPUT}.`, ''];
  return { lines: [...head, ...body.lines, ...tail, '</details>'], omitted: body.omitted };
}

function picture(review: Review): string[] {
  const { graph, legend, omittedEdges } = mermaidPicture(review.items, review.live, PICTURE_CHARS);
  if (!graph) return [];
  const lines = ['', '#### Replications after this plan', '', '```mermaid', graph, '```', ''];
  lines.push(...legend.map((entry) => `- ${entry}`));
  if (omittedEdges > 0) lines.push('', `…${omittedEdges} more site-to-site edges omitted to fit a GitHub comment: ${FULL_OUTPUT}.`);
  return lines;
}

function errorLines(review: Review): Capped {
  const body = cap(
    review.errors.map((error) => ['', `> **Error:** ${text(error)}`]),
    ERRORS_CHARS,
  );
  return { lines: [...body.lines, ...omittedLine(body.omitted, `error${body.omitted === 1 ? '' : 's'}`)], omitted: body.omitted };
}

function heading(review: Review): string {
  const [only] = review.stacks;
  return review.stacks.length === 1 && only !== undefined ? `### repliform review: stack ${code(only)}` : `### repliform review: ${review.stacks.length} stacks`;
}

/** The first line: how many items carry a risk, and of which class. */
function riskLead(review: Review): string {
  const counts = riskCounts(review.items);
  const risky = review.items.filter((item) => item.risks.length > 0).length;
  if (risky === 0) return `**✅ No risks**${review.live ? ' (checked live)' : ''}`;
  const classes = RISK_ORDER.filter((risk) => counts[risk] > 0).map((risk) => `${RISK_MARK[risk]} ${counts[risk]} ${RISK_WORD[risk]}`);
  return `**⚠️ ${risky} risky item${risky === 1 ? '' : 's'}:** ${classes.join(', ')}${review.live ? ' (checked live)' : ''}`;
}

/** The report as GitHub-flavoured Markdown (ending with a newline), at most MAX_COMMENT_CHARS long. */
export function renderMarkdown(review: Review): string {
  const layout: Layout = { manyStacks: review.stacks.length > 1 };
  const listed = ordered(review.items.filter((item) => item.action !== 'no-change' || item.risks.length > 0 || (item.live?.findings.length ?? 0) > 0));
  const head = [heading(review), '', riskLead(review), '', `**Plan:** ${planLine(actionCounts(review.items))}`, ''];
  const footer = ['', review.stacks.length > 1 ? `<sub>Stacks: ${review.stacks.map(text).join(', ')}. Generated by \`repliform review\`.</sub>` : '<sub>Generated by `repliform review`.</sub>'];
  const graph = picture(review);
  const errors = errorLines(review);
  const notice = 300;
  let room = MAX_COMMENT_CHARS - size(head) - size(footer) - size(graph) - size(errors.lines) - notice;
  const risks = riskSection(listed, layout, room * RISKS_SHARE);
  room -= size(risks.lines);
  const rows = listed.length === 0 ? { lines: [changedItems(review).length === 0 ? 'No changes to replications or pairings.' : ''], omitted: 0 } : table(listed, layout, room * TABLE_SHARE);
  room -= size(rows.lines);
  const folded = details(listed, layout, room);
  const omitted = rows.omitted + risks.omitted + folded.omitted + errors.omitted;
  if (omitted > 0) head.push(`> Shortened to fit a GitHub comment (${omitted} entries omitted): ${FULL_OUTPUT}.`, '');
  const lines = [...head, ...rows.lines, ...risks.lines, ...folded.lines, ...graph, ...errors.lines, ...footer];
  return `${lines.join('\n')}\n`;
}

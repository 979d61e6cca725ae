/**
 * The pull-request comment, in the order a reviewer reads it: the summary (risk count first), the risks
 * grouped by class (each fix said once per class, every risky object named), the picture of site → site
 * replications, then the table and the details folded. Every value from code or the API is escaped
 * (markdown-text.ts). The comment is capped by size, not by rows, below GitHub's 65,536-character limit:
 * what does not fit is cut from the least risky end, counted, and left to the text and JSON formats.
 */
import { cell, code, sentence, text } from './markdown-text';
import { EDGE_STYLES, foundStyle, mermaidPicture, STYLES, type EdgeStyle } from './mermaid';
import { actionCounts, changedItems, sourceSiteOf, type Review, type ReviewItem, type Risk, type RiskClass } from './model';
import { ACTION_WORD, itemFacts, planLine, RISK_ORDER, RISK_WORD, severity } from './wording';

/** GitHub refuses a comment over 65,536 characters; the rest leaves room for what a workflow adds (its header, an error). */
export const MAX_COMMENT_CHARS = 60_000;
/** The picture's share of the room the summary and the risks leave. */
const PICTURE_CHARS = 16_000;
const ERRORS_CHARS = 4_000;
const FULL_OUTPUT = 'the full report: `repliform review --format text` or `--format json` (in CI: the job summary)';

/**
 * The colour of each risk class, as the picture draws it (drift takes the colour of what was found). Keyed by
 * name so that a class without a colour of its own yet is drawn as drift rather than not at all.
 */
const CLASS_STYLE: Readonly<Record<string, EdgeStyle>> = { 'data-loss': 'data-loss', unprotect: 'removed', destroy: 'data-loss', orphan: 'orphan', resync: 'resync', blocked: 'blocked', drift: 'drift' };

function classStyle(risk: RiskClass): EdgeStyle {
  return CLASS_STYLE[risk] ?? 'drift';
}

export { cell };

function size(lines: readonly string[]): number {
  return lines.reduce((total, line) => total + line.length + 1, 0);
}

/** Items are whole: an entry (a row, a detail) is shown entire or counted as left out. */
interface Capped {
  readonly lines: string[];
  readonly omitted: number;
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

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
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

/** What `--live` found, for drift in a colour of its own: the picture's style and its word. */
const FOUND: Partial<Record<EdgeStyle, string>> = { missing: 'missing', error: 'in ERROR' };

/** The look of a risk class on an item: drift in the colour of what was found (ERROR red, as drawn). */
function riskLook(item: ReviewItem, risk: RiskClass): { readonly style: EdgeStyle; readonly mark: string; readonly word: string } {
  const found = foundStyle(item);
  const style = risk === 'drift' && found !== undefined ? found : classStyle(risk);
  const detail = risk === 'drift' ? FOUND[style] : undefined;
  return { style, mark: STYLES[style].mark, word: detail === undefined ? RISK_WORD[risk] : `${RISK_WORD[risk]}: ${detail}` };
}

// ---------------------------------------------------------------------------------------------------------------
// The risks, grouped

/**
 * The values that make one item's risk wording its own (its address, name, sites, stack), longest first,
 * with the placeholder a grouped wording shows instead. Short values are left alone: masking `db` would
 * mask it inside ordinary words too.
 */
function ownValues(item: ReviewItem): Array<readonly [string, string]> {
  const roles: Array<readonly [string, string]> = [
    ...item.addresses.map((address) => [address, '<address>'] as const),
    [item.name, '<name>'],
    [sourceSiteOf(item), '<source>'],
    [item.source, '<source>'],
    [item.target, '<target>'],
    [item.stack, '<stack>'],
  ];
  return roles.filter(([value]) => value.length >= 3).sort((a, b) => b[0].length - a[0].length);
}

function masked(words: string, item: ReviewItem): string {
  return ownValues(item).reduce((result, [value, placeholder]) => result.split(value).join(placeholder), words);
}

/** Every value of an item that may appear inside a risk's wording (for `sentence`'s masking of backticks). */
function valuesOf(item: ReviewItem): string[] {
  const changeValues = item.changes.flatMap((change) => [change.text, change.from, change.to]).filter((value): value is string => typeof value === 'string');
  return [item.name, item.source, item.target, item.stack, sourceSiteOf(item), ...changeValues, ...(item.live?.findings ?? []).map((f) => f.text), ...item.addresses];
}

/** Risks of one class whose wording is the same once each object's own names are masked. */
interface RiskGroup {
  readonly risk: Risk;
  readonly message: string;
  readonly fix: string;
  /** The objects' names, as Markdown. */
  readonly names: string[];
  /** Values from code or the API inside the wording (for `sentence`). */
  readonly values: string[];
  readonly mark: string;
  readonly word: string;
  readonly style: EdgeStyle;
}

type Grouping = Map<string, RiskGroup & { readonly raw: Set<string> }>;

function addToGroup(groups: Grouping, risk: Risk, look: { mark: string; word: string; style: EdgeStyle }, name: string, values: readonly string[], mask: (words: string) => string): void {
  const message = mask(risk.message);
  const fix = mask(risk.fix);
  const key = JSON.stringify([risk.class, look.word, message, fix]);
  const group = groups.get(key) ?? { risk, message, fix, ...look, names: [], values: [], raw: new Set<string>() };
  group.names.push(name);
  group.values.push(...values);
  group.raw.add(JSON.stringify([risk.message, risk.fix]));
  groups.set(key, group);
}

/** The risks of the items and of the plan's other changes, grouped, worst first. */
function groupRisks(items: readonly ReviewItem[], others: Review['others'], layout: Layout): RiskGroup[] {
  const groups: Grouping = new Map();
  for (const item of items) {
    for (const risk of item.risks) addToGroup(groups, risk, riskLook(item, risk.class), objectName(item, layout), valuesOf(item), (words) => masked(words, item));
  }
  for (const other of others) {
    const name = layout.manyStacks ? `${code(other.address)} (${text(other.stack)})` : code(other.address);
    const look = { style: classStyle('destroy'), mark: '', word: '' };
    for (const risk of other.risks) {
      const style = classStyle(risk.class);
      addToGroup(groups, risk, { ...look, style, mark: STYLES[style].mark, word: RISK_WORD[risk.class] }, name, [other.address, other.stack], (words) => words.split(other.address).join('<address>'));
    }
  }
  const rank = (group: RiskGroup): number => RISK_ORDER.indexOf(group.risk.class) * EDGE_STYLES.length + EDGE_STYLES.indexOf(group.style);
  // One object, or the same words for all: its own words; otherwise the wording with placeholders.
  return [...groups.values()]
    .map(({ raw, ...group }) => (raw.size === 1 ? { ...group, message: group.risk.message, fix: group.risk.fix } : group))
    .sort((a, b) => rank(a) - rank(b));
}

/** The names of a group, `keep` of them at most, then `…and N more`. */
function namesText(group: RiskGroup, keep: number): string {
  const names = group.names.slice(0, keep);
  const more = group.names.length - names.length;
  return names.join(', ') + (more > 0 ? `${names.length > 0 ? ' ' : ''}…and ${more} more (${FULL_OUTPUT})` : '');
}

function riskEntries(groups: readonly RiskGroup[], keep: readonly number[]): string[] {
  const said = new Set<string>();
  return groups.map((group, index) => {
    const { risk } = group;
    const fixKey = `${risk.class}\u0000${group.fix}`;
    const fix = said.has(fixKey) ? `as for the ${RISK_WORD[risk.class]} above` : sentence(group.fix, group.values);
    said.add(fixKey);
    const count = group.names.length === 1 ? '' : ` (${group.names.length})`;
    return `- ${group.mark} **${group.word}**${count}: ${namesText(group, keep[index] ?? 0)}<br>${sentence(group.message, group.values)}<br>**Fix:** ${fix}`;
  });
}

/**
 * The risks section within `budget`: every group keeps its wording and fix; when the names do not all fit,
 * the least risky groups (last) lose names first, down to none, and say how many.
 */
function riskSection(items: readonly ReviewItem[], others: Review['others'], layout: Layout, budget: number): { lines: string[]; omitted: number } {
  const groups = groupRisks(items, others, layout);
  if (groups.length === 0) return { lines: [], omitted: 0 };
  const head = ['#### ⚠️ Risks', ''];
  const keep = groups.map((group) => group.names.length);
  const render = (): string[] => [...head, ...riskEntries(groups, keep), ''];
  let lines = render();
  for (let index = groups.length - 1; index >= 0 && size(lines) > budget; index--) {
    // The most names of this group that fit (the size grows with their number): a binary search.
    let low = 0;
    let high = keep[index] ?? 0;
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      keep[index] = middle;
      if (size(render()) > budget) high = middle - 1;
      else low = middle;
    }
    keep[index] = low;
    lines = render();
  }
  const omitted = groups.reduce((total, group, index) => total + group.names.length - (keep[index] ?? 0), 0);
  return { lines, omitted };
}

// ---------------------------------------------------------------------------------------------------------------
// The picture, the table and the details

function picture(review: Review, budget: number): string[] {
  const head = ['#### Replications after this plan', '', '```mermaid'];
  const legendRoom = 1_500;
  const { graph, legend, omittedEdges, omittedItems } = mermaidPicture(review.items, review.live, Math.max(0, Math.min(PICTURE_CHARS, budget - legendRoom)));
  if (!graph) return [];
  const lines = [...head, graph, '```', '', ...legend.map((entry) => `- ${entry}`)];
  if (omittedEdges > 0) lines.push('', `…${plural(omittedEdges, 'edge')} without risk (${plural(omittedItems, 'replication')}) left out to fit a GitHub comment: ${FULL_OUTPUT}.`);
  return [...lines, ''];
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
  return classes.length === 0
    ? '✅'
    : classes
        .map((risk) => riskLook(item, risk))
        .map((look) => `${look.mark} ${look.word}`)
        .join(', ');
}

function leftOut(count: number, what: string): string[] {
  return count === 0 ? [] : [`…${count} more ${what} (the least risky) left out to fit a GitHub comment: ${FULL_OUTPUT}.`, ''];
}

function table(items: readonly ReviewItem[], layout: Layout, budget: number): Capped {
  if (items.length === 0) return { lines: [], omitted: 0 };
  const head = [`<details><summary>Table of ${plural(items.length, 'changed or risky item')}</summary>`, ''];
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
  const body = cap(rows, budget - size(head) - size(header) - 400);
  if (body.lines.length === 0) return { lines: [], omitted: items.length };
  return { lines: [...head, ...header, ...body.lines, '', ...leftOut(body.omitted, body.omitted === 1 ? 'row' : 'rows'), '</details>', ''], omitted: body.omitted };
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
  const head = [`<details><summary>Details of ${plural(items.length, 'item')}</summary>`, ''];
  const body = cap(
    items.map((item) => detailEntry(item, layout)),
    budget - size(head) - 400,
  );
  if (body.lines.length === 0) return { lines: [], omitted: items.length };
  return { lines: [...head, ...body.lines, ...leftOut(body.omitted, 'items'), '</details>', ''], omitted: body.omitted };
}

/** The plan's changes of resources that are not repliform's, folded, risky first; none when the plan has none. */
function otherChanges(review: Review, budget: number): Capped {
  if (review.others.length === 0) return { lines: [], omitted: 0 };
  const risky = [...review.others].sort((a, b) => Number(b.risks.length > 0) - Number(a.risks.length > 0));
  const head = [`<details><summary>Other changes in the plan: ${plural(review.others.length, 'resource')} that ${review.others.length === 1 ? 'is' : 'are'} not repliform's</summary>`, '', '| Risk | Resource | Stack | Action | Why |', '|---|---|---|---|---|'];
  const rows = risky.map((other) => {
    const risk = other.risks.length === 0 ? '—' : [...new Set(other.risks.map((r) => r.class))].map((r) => `${STYLES[classStyle(r)].mark} ${RISK_WORD[r]}`).join(', ');
    const why = [...other.reasons, ...(other.importing === undefined ? [] : [`import of ${other.importing}`])].map(text).join('; ') || '—';
    return [`| ${[risk, code(other.address), text(other.stack), `**${ACTION_WORD[other.action]}**`, why].map(cell).join(' | ')} |`];
  });
  const body = cap(rows, budget - size(head) - 400);
  if (body.lines.length === 0) return { lines: [], omitted: review.others.length };
  return { lines: [...head, ...body.lines, '', ...leftOut(body.omitted, 'rows'), '</details>', ''], omitted: body.omitted };
}

/** `--live`: objects of other owners at the app's places, listed (never a risk). */
function foreignObjects(review: Review, budget: number): Capped {
  if (review.foreign.length === 0) return { lines: [], omitted: 0 };
  const head = [`<details><summary>Not this app's: ${plural(review.foreign.length, 'object')} of other owners at its pairings (no risk)</summary>`, ''];
  const entries = review.foreign.map((object) => [
    `- ${text(object.noun)} ${code(object.name)} · ${text(object.source)} → ${text(object.target)} · ${object.owner === null ? 'no recorded owner' : `owner ${code(object.owner)}`}`,
  ]);
  const body = cap(entries, budget - size(head) - 400);
  if (body.lines.length === 0) return { lines: [], omitted: review.foreign.length };
  return { lines: [...head, ...body.lines, '', ...leftOut(body.omitted, 'objects'), '</details>', ''], omitted: body.omitted };
}

/** Each stack's plan as Terraform lists it, folded and fenced (a fence in a line cannot close it), last: cut first. */
function rawPlan(review: Review, budget: number): Capped {
  const lines = review.raw.flatMap((plan) => [`# stack ${plan.stack}`, ...plan.lines]).map((line) => line.replace(/`{3,}/g, "'''"));
  if (lines.length === 0) return { lines: [], omitted: 0 };
  const head = [`<details><summary>The plan, resource by resource (${plural(lines.length, 'line')})</summary>`, '', '```text'];
  const body = cap(
    lines.map((line) => [line]),
    budget - size(head) - 400,
  );
  if (body.lines.length === 0) return { lines: [], omitted: lines.length };
  return { lines: [...head, ...body.lines, '```', '', ...leftOut(body.omitted, 'plan lines'), '</details>', ''], omitted: body.omitted };
}

function errorLines(review: Review): Capped {
  const body = cap(
    review.errors.map((error) => [`> **Error:** ${text(error)}`, '']),
    ERRORS_CHARS,
  );
  return { lines: [...body.lines, ...leftOut(body.omitted, body.omitted === 1 ? 'error' : 'errors')], omitted: body.omitted };
}

// ---------------------------------------------------------------------------------------------------------------
// The summary

function heading(review: Review): string {
  const [only] = review.stacks;
  return review.stacks.length === 1 && only !== undefined ? `### repliform review: stack ${code(only)}` : `### repliform review: ${review.stacks.length} stacks`;
}

/** How the live state was looked at, after the risk count. */
function liveNote(review: Review): string {
  return review.live ? ' (checked live)' : ' in the plan; the live state was not checked (`--live`)';
}

/** The count of risky items per colour: drift split by what was found, in the picture's colours and order. */
function riskCountsText(review: Review): string {
  const counts = new Map<string, { readonly style: EdgeStyle; readonly word: string; count: number }>();
  for (const other of review.others) {
    for (const risk of new Set(other.risks.map((r) => r.class))) {
      const style = classStyle(risk);
      const entry = counts.get(`${STYLES[style].mark}${risk}`) ?? { style, word: RISK_WORD[risk], count: 0 };
      entry.count += 1;
      counts.set(`${STYLES[style].mark}${risk}`, entry);
    }
  }
  for (const item of review.items) {
    for (const risk of RISK_ORDER.filter((r) => item.risks.some((found) => found.class === r))) {
      const look = riskLook(item, risk);
      const word = risk === 'drift' ? (FOUND[look.style] ?? RISK_WORD.drift) : look.word;
      const key = `${look.mark}${risk === 'drift' ? '' : risk}`;
      const entry = counts.get(key) ?? { style: look.style, word, count: 0 };
      entry.count += 1;
      counts.set(key, entry);
    }
  }
  const rank = (style: EdgeStyle): number => EDGE_STYLES.indexOf(style);
  return [...counts.entries()]
    .sort(([, a], [, b]) => rank(a.style) - rank(b.style))
    .map(([, entry]) => `${STYLES[entry.style].mark} ${entry.count} ${entry.word}`)
    .join(', ');
}

/** The first line: how many items carry a risk, and of which class. */
function riskLead(review: Review): string {
  const risky = [...review.items, ...review.others].filter((item) => item.risks.length > 0).length;
  if (risky === 0) return `**✅ No risks**${liveNote(review)}`;
  return `**⚠️ ${plural(risky, 'risky item')}:** ${riskCountsText(review)}${liveNote(review)}`;
}

/** The report as GitHub-flavoured Markdown (ending with a newline), at most MAX_COMMENT_CHARS long. */
export function renderMarkdown(review: Review): string {
  const layout: Layout = { manyStacks: review.stacks.length > 1 };
  const listed = ordered(review.items.filter((item) => item.action !== 'no-change' || item.risks.length > 0 || (item.live?.findings.length ?? 0) > 0));
  const head = [heading(review), '', riskLead(review), '', `**Plan:** ${planLine(actionCounts(review.items))}`, ''];
  if (changedItems(review).length === 0 && listed.length === 0) head.push(review.others.length === 0 ? 'No changes.' : 'No changes to replications or pairings.', '');
  const footer = [review.stacks.length > 1 ? `<sub>Stacks: ${review.stacks.map(text).join(', ')}. Generated by \`repliform review\`.</sub>` : '<sub>Generated by `repliform review`.</sub>'];
  const errors = errorLines(review);
  const notice = 500;
  let room = MAX_COMMENT_CHARS - size(head) - size(footer) - size(errors.lines) - notice;
  // The picture's risky edges are never left out: their room is kept before the risks take theirs.
  const riskyPicture = size(picture(review, 0));
  const risks = riskSection(listed, review.others, layout, room - riskyPicture);
  room -= size(risks.lines);
  const graph = picture(review, room);
  room -= size(graph);
  const rows = table(listed, layout, room * 0.6);
  room -= size(rows.lines);
  const folded = details(listed, layout, room * 0.6);
  room -= size(folded.lines);
  const others = otherChanges(review, room * 0.7);
  room -= size(others.lines);
  const foreign = foreignObjects(review, room * 0.5);
  room -= size(foreign.lines);
  const raw = rawPlan(review, room);
  const cut = [
    risks.omitted > 0 ? `${plural(risks.omitted, 'name')} in the risks` : '',
    rows.omitted > 0 ? `${plural(rows.omitted, 'table row')}` : '',
    folded.omitted > 0 ? `the details of ${plural(folded.omitted, 'item')}` : '',
    others.omitted > 0 ? plural(others.omitted, 'other change') : '',
    foreign.omitted > 0 ? `${plural(foreign.omitted, 'object')} of other owners` : '',
    raw.omitted > 0 ? plural(raw.omitted, 'plan line') : '',
    errors.omitted > 0 ? plural(errors.omitted, 'error') : '',
  ].filter((part) => part.length > 0);
  if (cut.length > 0) head.push(`> Shortened to fit a GitHub comment, the least risky left out (${cut.join(', ')}): ${FULL_OUTPUT}.`, '');
  const lines = [...head, ...errors.lines, ...risks.lines, ...graph, ...rows.lines, ...folded.lines, ...others.lines, ...foreign.lines, ...raw.lines, ...footer];
  return `${lines.join('\n')}\n`;
}

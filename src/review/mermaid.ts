/**
 * The Mermaid picture of a review: sites as nodes, replications as edges, aggregated: one edge per source
 * site, target site and style, labelled with the names of its replications when there are a few, else with
 * their count (`400 FULL RESYNC · RPO 5 min`), so that 1,000 VMs or 40 target sites stay a picture with
 * every risk on it. Each style has its own colour and line, and the same colour wherever the report shows
 * that status (the table's risk cell, the summary, the legend's swatch), so a full resync, a paused or
 * missing replication or an orphan never looks like healthy protection.
 *
 * A site is one node however it is reached: the source is named by `sourceSiteOf` (the pairing's
 * `localSite`, else the appliance host) and the target by the pairing's remote site.
 */
import { sourceSiteOf, type DriftKind, type ReviewItem } from './model';

/** Names listed on an edge before it shows a count instead. */
const MAX_NAMES = 3;
/** Longest list of names an edge label holds (a longer one shows the count). */
const MAX_NAMES_CHARS = 48;

/** How an edge is drawn, worst first: the order of edges, and the order in which they are kept. */
export const EDGE_STYLES = ['data-loss', 'removed', 'orphan', 'resync', 'blocked', 'missing', 'error', 'paused', 'drift', 'new', 'healthy'] as const;
export type EdgeStyle = (typeof EDGE_STYLES)[number];

/** Styles that say something is wrong or goes away (protection removed): never left out of the picture. */
const RISKY_STYLES: ReadonlySet<EdgeStyle> = new Set(['data-loss', 'removed', 'orphan', 'resync', 'blocked', 'missing', 'error', 'paused', 'drift']);

export interface StyleSpec {
  readonly arrow: '-->' | '==>' | '-.->';
  /** The linkStyle declaration. */
  readonly css: string;
  /** The square swatch of the legend, one colour per style. */
  readonly swatch: string;
  /** The same colour as a round mark, for the table's risk cell and the summary. */
  readonly mark: string;
  /** Said in the edge label, so the risk reads without colour too. */
  readonly tag: string;
  /** The legend entry after the swatch: the line, then what it means. */
  readonly legend: string;
}

/**
 * Paused and other drift are one look (there are nine distinct swatches, not ten); their labels say which.
 * Both are what `--live` found: protection degraded, and Terraform will not put it back.
 */
const DRIFTED_CSS = 'stroke:#bf8700,stroke-width:3px,stroke-dasharray:8 6';
const DRIFTED_LEGEND = 'dashed yellow: paused or drifted from the code (RPO violation, settings or status), tagged PAUSED or DRIFT';
/** In ERROR on the appliance, or an apply that will stop: both a failure, one look, the tag says which. */
const FAILED_CSS = 'stroke:#cf222e,stroke-width:3px,stroke-dasharray:8 6';
const FAILED_LEGEND = 'dashed red: in ERROR on the appliance, or the apply will stop half-way or be refused, tagged in ERROR or APPLY WILL STOP';

/**
 * One colour per look (GitHub's palette, visible on light and dark backgrounds); the lines tell apart
 * what the colours alone would not for a colour-blind reader: thick for what the plan does to data,
 * dashed for what `--live` found, dotted for what leaves Terraform's hands.
 */
export const STYLES: Record<EdgeStyle, StyleSpec> = {
  'data-loss': { arrow: '==>', css: 'stroke:#424a53,stroke-width:5px', swatch: '⬛', mark: '⚫', tag: 'REPLICA DELETED', legend: 'thick black: removed or replaced with its replica disks deleted (data loss)' },
  orphan: { arrow: '-.->', css: 'stroke:#953800,stroke-width:3px', swatch: '🟫', mark: '🟤', tag: 'ORPHANED: still running, unmanaged', legend: 'dotted brown: orphaned, still replicating with nothing managing it' },
  resync: { arrow: '==>', css: 'stroke:#e16f24,stroke-width:4px', swatch: '🟧', mark: '🟠', tag: 'FULL RESYNC', legend: 'thick orange: full resync, no recovery point until it completes' },
  missing: { arrow: '-->', css: 'stroke:#8250df,stroke-width:3px,stroke-dasharray:8 6', swatch: '🟪', mark: '🟣', tag: 'MISSING on the appliance', legend: 'dashed purple: missing on the appliance (deleted outside Terraform), no protection' },
  blocked: { arrow: '-->', css: FAILED_CSS, swatch: '🟥', mark: '🔴', tag: 'APPLY WILL STOP', legend: FAILED_LEGEND },
  error: { arrow: '-->', css: FAILED_CSS, swatch: '🟥', mark: '🔴', tag: 'in ERROR', legend: FAILED_LEGEND },
  paused: { arrow: '-->', css: DRIFTED_CSS, swatch: '🟨', mark: '🟡', tag: 'PAUSED', legend: DRIFTED_LEGEND },
  drift: { arrow: '-->', css: DRIFTED_CSS, swatch: '🟨', mark: '🟡', tag: 'DRIFT', legend: DRIFTED_LEGEND },
  removed: { arrow: '-.->', css: 'stroke:#8c959f,stroke-width:2px', swatch: '⬜', mark: '⚪', tag: 'PROTECTION REMOVED', legend: 'dotted grey: protection removed by this plan, replica disks kept' },
  new: { arrow: '-->', css: 'stroke:#0969da,stroke-width:2px', swatch: '🟦', mark: '🔵', tag: 'new', legend: 'solid blue: new replication (initial sync, or seeded)' },
  healthy: { arrow: '-->', css: 'stroke:#2da44e,stroke-width:2px', swatch: '🟩', mark: '🟢', tag: '', legend: 'solid green: replicating as the code says (checked live)' },
};

/** Without `--live` nobody looked: a green edge is what the code says, not what runs. */
const UNCHECKED_LEGEND = 'solid green: as the code says; the live state was not checked (run with --live)';

/** Drift findings in order of what they say about protection: none at all first. */
const DRIFT_STYLES: ReadonlyArray<readonly [DriftKind, EdgeStyle]> = [
  ['missing', 'missing'],
  ['error', 'error'],
  ['paused', 'paused'],
  ['rpo-violation', 'drift'],
  ['settings', 'drift'],
  ['status', 'drift'],
  ['unreadable', 'drift'],
];

/**
 * Text inside a quoted Mermaid label, shown literally: Mermaid's `#name;` entities for the quote and
 * for what its HTML labels or Markdown strings would interpret; `#` itself first, so that a name
 * holding `#quot;` stays text. `%`, `{` and `}` too: Mermaid reads a `%%{init: …}%%` directive anywhere
 * in the source, so a name holding one would re-theme the picture. No newline, no backtick (which would
 * also close the Markdown fence).
 */
export function mermaidLabel(text: string): string {
  const entities: Record<string, string> = {
    '#': '#35;',
    '"': '#quot;',
    "'": '#39;',
    '|': '#124;',
    '<': '#lt;',
    '>': '#gt;',
    '&': '#amp;',
    '`': '#96;',
    '*': '#42;',
    _: '#95;',
    '~': '#126;',
    '\\': '#92;',
    '%': '#37;',
    '{': '#123;',
    '}': '#125;',
  };
  return text
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ')
    .replace(/[\u202a-\u202e\u2066-\u2069]/g, '\ufffd')
    .replace(/[#"'|<>&`*_~\\%{}]/g, (char) => entities[char] ?? char);
}

/** The style of the drift found on an item (missing, ERROR, paused, other drift): by `--live`, else by the plan's refresh. */
export function foundStyle(item: ReviewItem): EdgeStyle | undefined {
  const findings = new Set((item.live?.findings ?? item.drift).map((finding) => finding.kind));
  return DRIFT_STYLES.find(([kind]) => findings.has(kind))?.[1];
}

/** The style of one replication's edge after the plan. */
export function edgeStyle(item: ReviewItem): EdgeStyle {
  // By name: a class this version of the model may not have yet (`unprotect`) is simply not found.
  const classes: ReadonlySet<string> = new Set(item.risks.map((r) => r.class));
  const has = (risk: string): boolean => classes.has(risk);
  if (has('data-loss')) return 'data-loss';
  if (has('unprotect')) return 'removed';
  if (has('orphan')) return 'orphan';
  if (has('resync')) return 'resync';
  if (has('blocked')) return 'blocked';
  const found = foundStyle(item);
  if (found) return found;
  if (has('drift')) return 'drift';
  if (item.action === 'delete' || item.action === 'forget') return 'removed';
  if (item.action === 'create') return 'new';
  return 'healthy';
}

export interface Edge {
  readonly source: string;
  readonly target: string;
  readonly style: EdgeStyle;
  readonly names: string[];
  /** The RPOs (minutes) of its replications. */
  readonly rpos: number[];
  /** The nouns of its replications (`replication`), for a count. */
  readonly nouns: Set<string>;
}

/** Protected objects only (site links are the nodes' business); a retire already applied has nothing left to draw. */
function drawn(item: ReviewItem): boolean {
  return item.shape === 'protected' && !(item.action === 'no-change' && item.summary.startsWith('retired')) && !(item.retire && item.action === 'no-change');
}

const rank = (style: EdgeStyle): number => EDGE_STYLES.indexOf(style);

/** One edge per source site, target site and style: worst style first, then by site. */
export function edgesOf(items: readonly ReviewItem[]): Edge[] {
  const edges = new Map<string, Edge>();
  for (const item of items.filter(drawn)) {
    const style = edgeStyle(item);
    const source = sourceSiteOf(item);
    const key = JSON.stringify([source, item.target, style]);
    const edge = edges.get(key) ?? { source, target: item.target, style, names: [], rpos: [], nouns: new Set<string>() };
    edge.names.push(item.name);
    if (item.rpoMinutes !== null) edge.rpos.push(item.rpoMinutes);
    edge.nouns.add(item.noun);
    edges.set(key, edge);
  }
  return [...edges.values()].sort((a, b) => rank(a.style) - rank(b.style) || a.source.localeCompare(b.source) || a.target.localeCompare(b.target));
}

function rpoText(rpos: readonly number[]): string {
  if (rpos.length === 0) return '';
  const low = Math.min(...rpos);
  const high = Math.max(...rpos);
  return low === high ? `RPO ${low} min` : `RPO ${low}–${high} min`;
}

/** `vm-1, vm-2 · RPO 15 min · FULL RESYNC` for a few short names, else `400 FULL RESYNC · RPO 5 min`. */
function edgeLabel(edge: Edge): string {
  const names = [...edge.names].sort();
  const listed = names.join(', ');
  const { tag } = STYLES[edge.style];
  const rpo = rpoText(edge.rpos);
  if (names.length <= MAX_NAMES && listed.length <= MAX_NAMES_CHARS) return mermaidLabel([listed, rpo, tag].filter((part) => part.length > 0).join(' · '));
  const [noun] = edge.nouns;
  const what = tag.length > 0 ? tag.split(':')[0] : edge.nouns.size === 1 && noun !== undefined ? `${noun}s` : 'objects';
  return mermaidLabel([`${names.length} ${what}`, rpo].filter((part) => part.length > 0).join(' · '));
}

export interface Picture {
  /** The `graph LR` source; empty when nothing is replicated. */
  readonly graph: string;
  /** Legend lines (Markdown-safe: our own words), one per style drawn, each with its own swatch. */
  readonly legend: readonly string[];
  /** Edges left out to stay within the size given: never a risky one. */
  readonly omittedEdges: number;
  /** Replications on the edges left out. */
  readonly omittedItems: number;
}

function graphOf(edges: readonly Edge[]): string {
  const sites = [...new Set(edges.flatMap((edge) => [edge.source, edge.target]))].sort();
  const ids = new Map(sites.map((site, index) => [site, `site${index + 1}`]));
  const id = (site: string): string => ids.get(site) ?? 'site0';
  const lines = ['graph LR'];
  for (const site of sites) lines.push(`  ${id(site)}["${mermaidLabel(site)}"]`);
  edges.forEach((edge) => lines.push(`  ${id(edge.source)} ${STYLES[edge.style].arrow}|"${edgeLabel(edge)}"| ${id(edge.target)}`));
  for (const style of EDGE_STYLES) {
    const indexes = edges.flatMap((edge, index) => (edge.style === style ? [index] : []));
    if (indexes.length > 0) lines.push(`  linkStyle ${indexes.join(',')} ${STYLES[style].css}`);
  }
  lines.push('  classDef site fill:#f6f8fa,stroke:#57606a,color:#1f2328', `  class ${sites.map(id).join(',')} site`);
  return lines.join('\n');
}

/** The legend line of a style: its swatch, then its line and meaning. */
export function legendLine(style: EdgeStyle, live: boolean): string {
  return `${STYLES[style].swatch} ${style === 'healthy' && !live ? UNCHECKED_LEGEND : STYLES[style].legend}`;
}

/**
 * The picture of the replications after the plan within `maxChars`: when it does not fit, the edges that
 * carry no risk are left out (the least risky first) and counted; a risky edge is never left out.
 */
export function mermaidPicture(items: readonly ReviewItem[], live: boolean, maxChars = Number.POSITIVE_INFINITY): Picture {
  const edges = edgesOf(items);
  let kept = edges.length;
  let graph = kept === 0 ? '' : graphOf(edges);
  while (graph.length > maxChars && kept > 0 && !RISKY_STYLES.has(edges[kept - 1].style)) {
    kept -= 1;
    graph = kept === 0 ? '' : graphOf(edges.slice(0, kept));
  }
  const shown = edges.slice(0, kept);
  const legend = [...new Set(EDGE_STYLES.filter((style) => shown.some((edge) => edge.style === style)).map((style) => legendLine(style, live)))];
  const omittedItems = edges.slice(kept).reduce((total, edge) => total + edge.names.length, 0);
  return { graph, legend, omittedEdges: edges.length - kept, omittedItems };
}

/** A `graph LR` of the replications (empty string when there are none). */
export function renderMermaid(items: readonly ReviewItem[]): string {
  return mermaidPicture(items, false).graph;
}

/**
 * The Mermaid picture of a review: sites as nodes, replications as edges labelled with their VMs and
 * RPO (one edge per site pair, RPO and style, so thousands of VMs stay readable). Each risk has its own
 * colour and line, so that a full resync, a paused or missing replication or an orphan never looks like
 * healthy protection; a legend says which is which.
 *
 * A site is one node however it is reached: the source is named by `sourceSiteOf` (the pairing's
 * `localSite`, else the appliance host) and the target by the pairing's remote site.
 */
import { sourceSiteOf, type DriftKind, type ReviewItem, type RiskClass } from './model';

const MAX_NAMES = 3;

/** How an edge is drawn, worst first: the order in which edges are kept when the picture is capped. */
export const EDGE_STYLES = ['data-loss', 'orphan', 'resync', 'missing', 'error', 'paused', 'drift', 'removed', 'new', 'healthy'] as const;
export type EdgeStyle = (typeof EDGE_STYLES)[number];

interface StyleSpec {
  readonly arrow: '-->' | '==>' | '-.->';
  /** The linkStyle declaration. */
  readonly css: string;
  /** Said in the edge label, so the risk reads without colour too. */
  readonly tag: string;
  /** The legend entry: the swatch and the line, then what it means. */
  readonly legend: string;
}

const STYLES: Record<EdgeStyle, StyleSpec> = {
  'data-loss': { arrow: '==>', css: 'stroke:#cf222e,stroke-width:4px', tag: 'REPLICA DELETED', legend: '🟥 thick red: removed or replaced with its replica disks deleted (data loss)' },
  orphan: { arrow: '-.->', css: 'stroke:#cf222e,stroke-width:3px', tag: 'ORPHANED: still running, unmanaged', legend: '🟥 dotted red: orphaned, still replicating with nothing managing it' },
  resync: { arrow: '==>', css: 'stroke:#e16f24,stroke-width:4px', tag: 'FULL RESYNC', legend: '🟧 thick orange: full resync, no recovery point until it completes' },
  missing: { arrow: '-->', css: 'stroke:#8250df,stroke-width:3px,stroke-dasharray:8 6', tag: 'MISSING on the appliance', legend: '🟪 dashed purple: missing on the appliance, no protection (--live)' },
  error: { arrow: '-->', css: 'stroke:#cf222e,stroke-width:3px,stroke-dasharray:8 6', tag: 'in ERROR', legend: '🟥 dashed red: in ERROR on the appliance (--live)' },
  paused: { arrow: '-->', css: 'stroke:#bf8700,stroke-width:3px,stroke-dasharray:8 6', tag: 'PAUSED', legend: '🟨 dashed yellow: paused, no new recovery points (--live)' },
  drift: { arrow: '==>', css: 'stroke:#bf8700,stroke-width:3px', tag: 'DRIFT', legend: '🟨 thick yellow: drifted from the code: RPO violation, settings or status (--live)' },
  removed: { arrow: '-.->', css: 'stroke:#8c959f,stroke-width:1px', tag: 'removed', legend: '⬜ dotted grey: removed by this plan, replica disks kept' },
  new: { arrow: '-->', css: 'stroke:#0969da,stroke-width:2px', tag: 'new', legend: '🟦 solid blue: new replication (initial sync, or seeded)' },
  healthy: { arrow: '-->', css: 'stroke:#2da44e,stroke-width:2px', tag: '', legend: '🟩 solid green: replicating as the code says (checked live)' },
};

/** Without `--live` nobody looked: a green edge is what the code says, not what runs. */
const UNCHECKED_LEGEND = '🟩 solid green: as the code says; the live state was not checked (run with --live)';

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
 * holding `#quot;` stays text. No newline, no backtick (which would also close the Markdown fence).
 */
export function mermaidLabel(text: string): string {
  const entities: Record<string, string> = { '#': '#35;', '"': '#quot;', '|': '#124;', '<': '#lt;', '>': '#gt;', '&': '#amp;', '`': '#96;', '*': '#42;', _: '#95;', '~': '#126;', '\\': '#92;' };
  return text
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ')
    .replace(/[\u202a-\u202e\u2066-\u2069]/g, '\ufffd')
    .replace(/[#"|<>&`*_~\\]/g, (char) => entities[char] ?? char);
}

/** The style of one replication's edge after the plan. */
export function edgeStyle(item: ReviewItem): EdgeStyle {
  const has = (risk: RiskClass): boolean => item.risks.some((r) => r.class === risk);
  if (has('data-loss')) return 'data-loss';
  if (has('orphan')) return 'orphan';
  if (has('resync')) return 'resync';
  const findings = new Set((item.live?.findings ?? []).map((finding) => finding.kind));
  const drift = DRIFT_STYLES.find(([kind]) => findings.has(kind));
  if (drift) return drift[1];
  if (item.action === 'delete' || item.action === 'forget') return 'removed';
  if (item.action === 'create') return 'new';
  return 'healthy';
}

export interface Edge {
  readonly source: string;
  readonly target: string;
  readonly rpo: number | null;
  readonly style: EdgeStyle;
  readonly names: string[];
}

/** Protected objects only (site links are the nodes' business); a retire already applied has nothing left to draw. */
function drawn(item: ReviewItem): boolean {
  return item.shape === 'protected' && !(item.action === 'no-change' && item.summary.startsWith('retired')) && !(item.retire && item.action === 'no-change');
}

/** One edge per source site, target site, RPO and style, worst style first. */
export function edgesOf(items: readonly ReviewItem[]): Edge[] {
  const edges = new Map<string, Edge>();
  for (const item of items.filter(drawn)) {
    const style = edgeStyle(item);
    const source = sourceSiteOf(item);
    const key = JSON.stringify([source, item.target, item.rpoMinutes, style]);
    const edge = edges.get(key) ?? { source, target: item.target, rpo: item.rpoMinutes, style, names: [] };
    edge.names.push(item.name);
    edges.set(key, edge);
  }
  const rank = (edge: Edge): number => EDGE_STYLES.indexOf(edge.style);
  return [...edges.values()].sort(
    (a, b) => rank(a) - rank(b) || a.source.localeCompare(b.source) || a.target.localeCompare(b.target) || (a.rpo ?? 0) - (b.rpo ?? 0),
  );
}

function edgeLabel(edge: Edge): string {
  const names = [...edge.names].sort();
  const listed = names.slice(0, MAX_NAMES).join(', ') + (names.length > MAX_NAMES ? ` +${names.length - MAX_NAMES} more` : '');
  const parts = [listed, edge.rpo === null ? '' : `RPO ${edge.rpo} min`, STYLES[edge.style].tag].filter((part) => part.length > 0);
  return mermaidLabel(parts.join(' · '));
}

export interface Picture {
  /** The `graph LR` source; empty when nothing is replicated. */
  readonly graph: string;
  /** Legend lines (Markdown-safe: our own words), one per style drawn. */
  readonly legend: readonly string[];
  /** Edges left out to stay within the size given. */
  readonly omittedEdges: number;
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

/** The picture of the replications after the plan, its edges (worst first) kept within `maxChars`. */
export function mermaidPicture(items: readonly ReviewItem[], live: boolean, maxChars = Number.POSITIVE_INFINITY): Picture {
  const edges = edgesOf(items);
  let kept = edges.length;
  let graph = kept === 0 ? '' : graphOf(edges);
  while (kept > 1 && graph.length > maxChars) {
    kept = Math.max(1, Math.floor(kept / 2));
    graph = graphOf(edges.slice(0, kept));
  }
  const styles = EDGE_STYLES.filter((style) => edges.slice(0, kept).some((edge) => edge.style === style));
  const legend = styles.map((style) => (style === 'healthy' && !live ? UNCHECKED_LEGEND : STYLES[style].legend));
  return { graph, legend, omittedEdges: edges.length - kept };
}

/** A `graph LR` of the replications (empty string when there are none). */
export function renderMermaid(items: readonly ReviewItem[]): string {
  return mermaidPicture(items, false).graph;
}

/**
 * The Mermaid picture of a review: sites as nodes, replications as edges labelled with their VMs and
 * RPO (one edge per site pair, RPO and state, so thousands of VMs stay readable); removed ones dotted.
 */
import type { ReviewItem } from './model';

const MAX_NAMES = 3;

/** Text inside a quoted Mermaid label: no quote, no pipe, no newline. */
export function mermaidLabel(text: string): string {
  return text.replace(/"/g, '#quot;').replace(/\|/g, '#124;').replace(/[\r\n]+/g, ' ');
}

/** `removed`: unconfigured by this plan; `orphaned`: dropped from the code but still replicating. */
function ending(item: ReviewItem): Edge['ending'] {
  if (item.action !== 'delete' && item.action !== 'forget') return null;
  return item.risks.some((risk) => risk.class === 'orphan') ? 'orphaned' : 'removed';
}

interface Edge {
  readonly source: string;
  readonly target: string;
  readonly rpo: number | null;
  readonly ending: 'removed' | 'orphaned' | null;
  readonly names: string[];
}

function edgesOf(items: readonly ReviewItem[]): Edge[] {
  const edges = new Map<string, Edge>();
  for (const item of items) {
    if (item.kind !== 'vr.replication' || (item.retire && item.action === 'no-change')) continue;
    const end = ending(item);
    const key = JSON.stringify([item.source, item.target, item.rpoMinutes, end]);
    const edge = edges.get(key) ?? { source: item.source, target: item.target, rpo: item.rpoMinutes, ending: end, names: [] };
    edge.names.push(item.name);
    edges.set(key, edge);
  }
  return [...edges.values()].sort(
    (a, b) => a.source.localeCompare(b.source) || a.target.localeCompare(b.target) || String(a.ending).localeCompare(String(b.ending)) || (a.rpo ?? 0) - (b.rpo ?? 0),
  );
}

function edgeLabel(edge: Edge): string {
  const names = [...edge.names].sort();
  const listed = names.slice(0, MAX_NAMES).join(', ') + (names.length > MAX_NAMES ? ` +${names.length - MAX_NAMES} more` : '');
  const rpo = edge.rpo === null ? '' : ` · RPO ${edge.rpo} min`;
  const end = edge.ending === 'orphaned' ? ' · orphaned, still running' : edge.ending === 'removed' ? ' · removed' : '';
  return mermaidLabel(`${listed}${rpo}${end}`);
}

/** A `graph LR` of the replications (empty string when there are none). */
export function renderMermaid(items: readonly ReviewItem[]): string {
  const edges = edgesOf(items);
  if (edges.length === 0) return '';
  const sites = [...new Set(edges.flatMap((edge) => [edge.source, edge.target]))].sort();
  const ids = new Map(sites.map((site, index) => [site, `site${index + 1}`]));
  const lines = ['graph LR'];
  for (const site of sites) lines.push(`  ${ids.get(site)}["${mermaidLabel(site)}"]`);
  for (const edge of edges) {
    const arrow = edge.ending === null ? '-->' : '-.->';
    lines.push(`  ${ids.get(edge.source)} ${arrow}|"${edgeLabel(edge)}"| ${ids.get(edge.target)}`);
  }
  return lines.join('\n');
}

/**
 * Offline validity checks for the Markdown report. No Mermaid parser runs in Node without a browser
 * (mermaid needs a DOM; @mermaid-js/parser has no flowchart grammar), so the `graph LR` we emit is
 * checked against a strict structural grammar of the subset we use instead.
 */

/** Problems with GFM pipe tables: every row must have the header's cell count; a separator row follows the header. */
export function tableProblems(markdown: string): string[] {
  const problems: string[] = [];
  const lines = markdown.split('\n');
  const cells = (line: string): number => line.replace(/\\\|/g, '').split('|').length - 2;
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i].startsWith('|') || (i > 0 && lines[i - 1].startsWith('|'))) continue;
    const width = cells(lines[i]);
    const separator = lines[i + 1] ?? '';
    if (!/^\|(\s*:?-{3,}:?\s*\|)+$/.test(separator) || cells(separator) !== width) problems.push(`line ${i + 2}: bad separator row`);
    for (let j = i + 2; j < lines.length && lines[j].startsWith('|'); j++) {
      if (!lines[j].endsWith('|')) problems.push(`line ${j + 1}: row does not end with |`);
      if (cells(lines[j]) !== width) problems.push(`line ${j + 1}: ${cells(lines[j])} cells, header has ${width}`);
    }
  }
  return problems;
}

/** The bodies of the ```mermaid fences of a Markdown text. */
export function mermaidBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/```mermaid\n([\s\S]*?)\n```/g)].map((match) => match[1]);
}

const ID = '[A-Za-z][A-Za-z0-9_]*';
const LABEL = '"[^"|`\\n]*"';
const NODE = new RegExp(`^  (${ID})\\[(${LABEL})\\]$`);
const EDGE = new RegExp(`^  (${ID}) (-->|==>|-\\.->)\\|(${LABEL})\\| (${ID})$`);
const LINK_STYLE = /^  linkStyle (\d+(?:,\d+)*) ([a-z-]+:[^;,\n]+(?:,[a-z-]+:[^;,\n]+)*)$/;
const CLASS_DEF = new RegExp(`^  classDef (${ID}) ([a-z-]+:[^;,\\n]+(?:,[a-z-]+:[^;,\\n]+)*)$`);
const CLASS = new RegExp(`^  class (${ID}(?:,${ID})*) (${ID})$`);

export interface MermaidEdge {
  readonly from: string;
  readonly to: string;
  readonly arrow: string;
  /** The label as written (Mermaid entities not decoded). */
  readonly label: string;
  /** The linkStyle declaration that styles it, if any. */
  style?: string;
}

export interface MermaidGraph {
  /** Node id → label as written. */
  readonly nodes: Map<string, string>;
  readonly edges: MermaidEdge[];
  readonly classes: Map<string, string>;
  readonly problems: string[];
}

/** Parses the `graph LR` subset we emit: nodes, edges, linkStyle, classDef and class lines. */
export function parseMermaid(source: string): MermaidGraph {
  const [header, ...body] = source.split('\n');
  const graph: MermaidGraph = { nodes: new Map(), edges: [], classes: new Map(), problems: header === 'graph LR' ? [] : [`first line must be "graph LR", got ${JSON.stringify(header)}`] };
  const styles: Array<[number, string, number]> = [];
  body.forEach((line, index) => {
    const at = `line ${index + 2}`;
    const node = NODE.exec(line);
    const edge = EDGE.exec(line);
    const linkStyle = LINK_STYLE.exec(line);
    const classDef = CLASS_DEF.exec(line);
    const classUse = CLASS.exec(line);
    if (node) {
      if (graph.nodes.has(node[1])) graph.problems.push(`${at}: node ${node[1]} declared twice`);
      graph.nodes.set(node[1], node[2].slice(1, -1));
    } else if (edge) {
      for (const id of [edge[1], edge[4]]) if (!graph.nodes.has(id)) graph.problems.push(`${at}: edge uses undeclared node ${id}`);
      graph.edges.push({ from: edge[1], arrow: edge[2], label: edge[3].slice(1, -1), to: edge[4] });
    } else if (linkStyle) {
      for (const number of linkStyle[1].split(',')) styles.push([Number(number), linkStyle[2], index + 2]);
    } else if (classDef) {
      graph.classes.set(classDef[1], classDef[2]);
    } else if (classUse) {
      if (!graph.classes.has(classUse[2])) graph.problems.push(`${at}: class ${classUse[2]} used before its classDef`);
      for (const id of classUse[1].split(',')) if (!graph.nodes.has(id)) graph.problems.push(`${at}: class of undeclared node ${id}`);
    } else {
      graph.problems.push(`${at}: neither a node, an edge nor a style: ${JSON.stringify(line)}`);
    }
  });
  for (const [number, css, line] of styles) {
    const edge = graph.edges[number];
    if (!edge) graph.problems.push(`line ${line}: linkStyle ${number} but there are ${graph.edges.length} edges`);
    else if (edge.style !== undefined) graph.problems.push(`line ${line}: edge ${number} styled twice`);
    else edge.style = css;
  }
  if (graph.nodes.size === 0) graph.problems.push('no node');
  return graph;
}

/** Problems with a `graph LR` flowchart: header, node, edge and style lines only, every edge between declared nodes. */
export function mermaidProblems(source: string): string[] {
  return parseMermaid(source).problems;
}

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
const LABEL = '"[^"|\\n]*"';
const NODE = new RegExp(`^  (${ID})\\[(${LABEL})\\]$`);
const EDGE = new RegExp(`^  (${ID}) (-->|-\\.->)\\|(${LABEL})\\| (${ID})$`);

/** Problems with a `graph LR` flowchart: header, node and edge lines only, every edge between declared nodes. */
export function mermaidProblems(source: string): string[] {
  const [header, ...body] = source.split('\n');
  const problems: string[] = header === 'graph LR' ? [] : [`first line must be "graph LR", got ${JSON.stringify(header)}`];
  const nodes = new Set<string>();
  body.forEach((line, index) => {
    const node = NODE.exec(line);
    if (node) {
      if (nodes.has(node[1])) problems.push(`line ${index + 2}: node ${node[1]} declared twice`);
      nodes.add(node[1]);
      return;
    }
    const edge = EDGE.exec(line);
    if (!edge) {
      problems.push(`line ${index + 2}: neither a node nor an edge: ${JSON.stringify(line)}`);
      return;
    }
    for (const id of [edge[1], edge[4]]) if (!nodes.has(id)) problems.push(`line ${index + 2}: edge uses undeclared node ${id}`);
  });
  if (body.length === 0) problems.push('no node');
  return problems;
}

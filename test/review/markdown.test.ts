/** The Markdown report renders on GitHub: valid pipe tables and a structurally valid Mermaid `graph LR`. */
import { mermaidLabel, renderMermaid } from '../../src/review/mermaid';
import { cell, renderMarkdown } from '../../src/review/render-markdown';
import { reviewPlans, addLive } from '../../src/review/review';
import { bigPlan } from './fixtures/big-plan';
import { fakeLive } from './helpers/fake-live';
import { FIXTURES, reviewOf } from './helpers/fixtures';
import { mermaidBlocks, mermaidProblems, tableProblems } from './helpers/markdown-check';

test.each(FIXTURES)('the %s report has valid tables and one valid Mermaid graph', (fixture) => {
  const markdown = renderMarkdown(reviewOf(fixture));
  expect(tableProblems(markdown)).toEqual([]);
  const blocks = mermaidBlocks(markdown);
  expect(blocks).toHaveLength(1);
  expect(mermaidProblems(blocks[0])).toEqual([]);
});

test('the report with drift is valid too', async () => {
  const review = await addLive(reviewOf('datastore-change'), fakeLive({ 'web-01': { status: 'PAUSED' } }));
  const markdown = renderMarkdown(review);
  expect(tableProblems(markdown)).toEqual([]);
  expect(mermaidBlocks(markdown).flatMap(mermaidProblems)).toEqual([]);
});

test('a plan of two thousand replications stays a short comment: 100 rows, one edge per site pair and RPO', () => {
  const markdown = renderMarkdown(reviewPlans([{ stack: 'big', plan: bigPlan(2000) }]));
  expect(tableProblems(markdown)).toEqual([]);
  expect(markdown.split('\n').filter((line) => line.startsWith('| ')).length).toBe(101);
  expect(markdown).toContain('…and 100 more (run `repliform review --format json` for all).');
  const [graph] = mermaidBlocks(markdown);
  expect(mermaidProblems(graph)).toEqual([]);
  expect(graph.split('\n')).toEqual([
    'graph LR',
    '  site1["127.0.0.1:47855"]',
    '  site2["vc-b.example.local"]',
    '  site1 -->|"vm-00000, vm-00001, vm-00002 +1997 more · RPO 5 min"| site2',
  ]);
  expect(markdown.length).toBeLessThan(65536);
});

test('labels and cells cannot break out of their syntax', () => {
  expect(mermaidLabel('a "b" | c\nd')).toBe('a #quot;b#quot; #124; c d');
  expect(cell('a | b\nc')).toBe('a \\| b c');
  expect(mermaidProblems('graph LR\n  a["x"]\n  a -->|"y"| b')).toEqual(['line 3: edge uses undeclared node b']);
  expect(mermaidProblems('graph TD\n  a[x]')).toEqual(['first line must be "graph LR", got "graph TD"', 'line 2: neither a node nor an edge: "  a[x]"']);
  expect(renderMermaid([])).toBe('');
});

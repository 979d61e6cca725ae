/**
 * The Markdown report renders on GitHub as meant: valid pipe tables and Mermaid graph, every value from
 * code or the API escaped (hostile names), and a comment below GitHub's 65,536-character limit however
 * big the plan.
 */
import { loadReviewCatalogue } from '../../src/resources/review-catalogue';
import type { ReviewCatalogue } from '../../src/resources/review-profile';
import { mermaidLabel, renderMermaid } from '../../src/review/mermaid';
import { cell, code, sentence, text } from '../../src/review/markdown-text';
import { MAX_COMMENT_CHARS, renderMarkdown } from '../../src/review/render-markdown';
import type { Review } from '../../src/review/model';
import { addLive, reviewPlans } from '../../src/review/review';
import { bigPlan } from './fixtures/big-plan';
import { fakeLive } from './helpers/fake-live';
import { FIXTURES, planText, reviewOf } from './helpers/fixtures';
import { expectGolden } from './helpers/golden';
import { mermaidBlocks, mermaidProblems, parseMermaid, tableProblems } from './helpers/markdown-check';
import { HOSTILE_NAMES, rewritePlan, shownAs } from './helpers/plans';

let catalogue: ReviewCatalogue;
beforeAll(async () => {
  catalogue = await loadReviewCatalogue();
});

const GITHUB_LIMIT = 65_536;

/** The HTML tags the report may contain: its own, never one from a name. */
const OUR_TAGS = new Set(['details', 'summary', 'br', 'sub', 'code']);

function tagsOf(markdown: string): Set<string> {
  const outsideMermaid = markdown.replace(/```mermaid\n[\s\S]*?\n```/g, '');
  return new Set([...outsideMermaid.matchAll(/<\/?([A-Za-z][A-Za-z0-9-]*)/g)].map((match) => match[1].toLowerCase()));
}

/** Markdown syntax left outside code spans, our own `**` bold and our tags: there must be none. */
function strayMarkup(markdown: string): string[] {
  return markdown
    .replace(/```mermaid\n[\s\S]*?\n```/g, '')
    .split('\n')
    .map((line) => line.replace(/<code>[^<]*<\/code>/g, '').replace(/`[^`]+`/g, '').replace(/\*\*/g, '').replace(/<\/?(details|summary|br|sub)>/g, ''))
    .flatMap((line, index) => ([...line.matchAll(/[*_~`<[\]]/g)].length > 0 ? [`line ${index + 1}: ${line}`] : []));
}

/** The text a reader sees: character references decoded. */
function decoded(markdown: string): string {
  return markdown.replace(/&#(\d+);/g, (_all, number: string) => String.fromCharCode(Number(number)));
}

async function hostileReview(): Promise<Review> {
  const plan = rewritePlan(planText('datastore-change'), { values: HOSTILE_NAMES });
  const review = reviewPlans([{ stack: 'dr`b *stack*', plan }], catalogue);
  return addLive(review, fakeLive({ [HOSTILE_NAMES['web-01']]: { status: 'PAUSED' }, 'web-02': { missing: true } }), catalogue);
}

test.each(FIXTURES)('the %s report has valid tables and one valid Mermaid graph', (fixture) => {
  const markdown = renderMarkdown(reviewOf(fixture, catalogue));
  expect(tableProblems(markdown)).toEqual([]);
  const blocks = mermaidBlocks(markdown);
  expect(blocks).toHaveLength(1);
  expect(mermaidProblems(blocks[0])).toEqual([]);
});

test('the report with drift is valid too', async () => {
  const review = await addLive(reviewOf('datastore-change', catalogue), fakeLive({ 'web-01': { status: 'PAUSED' } }), catalogue);
  const markdown = renderMarkdown(review);
  expect(tableProblems(markdown)).toEqual([]);
  expect(mermaidBlocks(markdown).flatMap(mermaidProblems)).toEqual([]);
});

describe('the summary and the table', () => {
  test('the risk count leads, before the plan line; the stack is named once in the heading', async () => {
    const review = await addLive(reviewOf('rpo-change', catalogue), fakeLive({ 'web-01': { status: 'PAUSED' } }), catalogue);
    const lines = renderMarkdown(review).split('\n');
    expect(lines.slice(0, 5)).toEqual([
      '### repliform review: stack `review`',
      '',
      '**⚠️ 1 risky item:** 🟡 1 drifted (checked live)',
      '',
      '**Plan:** 0 to create, 2 to update in place, 0 to replace, 0 to delete, 0 to forget, 3 unchanged',
    ]);
    expect(lines).toContain('| Risk | Replication | Sites | Action | Changes |');
  });

  test('no risk says so first', () => {
    expect(renderMarkdown(reviewOf('rpo-change', catalogue)).split('\n')[2]).toBe('**✅ No risks**');
  });

  test('a no-change row shows its drift in Changes, not facts that stay the same', async () => {
    const review = await addLive(reviewOf('rpo-change', catalogue), fakeLive({ 'app-01': { missing: true } }), catalogue);
    const row = renderMarkdown(review)
      .split('\n')
      .find((line) => line.includes('| `app-01` |'));
    expect(row).toBe(
      '| 🟡 drifted | `app-01` | 127.0.0.1:47855 → vc-b.example.local | **no change** | live: no replication of app-01 on 127.0.0.1:47855 (removed outside Terraform?) |',
    );
  });

  test('with several stacks each row names its stack, and the heading counts them', () => {
    const review = reviewPlans(
      [
        { stack: 'dr-a', plan: planText('removal') },
        { stack: 'dr-b', plan: planText('datastore-change') },
      ],
      catalogue,
    );
    const markdown = renderMarkdown(review);
    expect(markdown.split('\n')[0]).toBe('### repliform review: 2 stacks');
    expect(markdown).toContain('| Risk | Replication | Stack | Sites | Action | Changes |');
    expect(markdown).toContain('| 🔴 orphaned | `web-02` | dr-a | 127.0.0.1:47855 → vc-b.example.local |');
    expect(tableProblems(markdown)).toEqual([]);
  });
});

describe('escaping', () => {
  test('text shows Markdown and HTML characters literally, on one line', () => {
    expect(text('a *b* _c_ <b>d</b> | `e` \\ [f](g) ~h~ #i $j$ &k\nl')).toBe(
      'a &#42;b&#42; &#95;c&#95; &#60;b&#62;d&#60;/b&#62; &#124; &#96;e&#96; &#92; &#91;f&#93;(g) &#126;h&#126; &#35;i &#36;j&#36; &#38;k l',
    );
    expect(text('evil\u202etxt.exe')).toBe('evil\ufffdtxt.exe');
  });

  test('a code span keeps backticks for plain names and escapes the rest inside <code>', () => {
    expect(code('web-01')).toBe('`web-01`');
    expect(code('db*01 <b>')).toBe('`db*01 <b>`');
    expect(code('db`01')).toBe('<code>db&#96;01</code>');
    expect(code('a|b')).toBe('<code>a&#124;b</code>');
    expect(code(' x ')).toBe('<code> x </code>');
    expect(code('a\nb')).toBe('`a b`');
  });

  test('our own backticks make code; a backtick in a value does not', () => {
    const value = 'db`01';
    expect(sentence(`no replication of ${value}: run \`terraform apply\``, [value])).toBe('no replication of db&#96;01: run `terraform apply`');
    expect(sentence('an `unpaired backtick', [])).toBe('an &#96;unpaired backtick');
    expect(sentence('set `retired: true` for *x*', [])).toBe('set `retired: true` for &#42;x&#42;');
  });

  test('cells and Mermaid labels cannot break out of their syntax', () => {
    expect(mermaidLabel('a "b" | c\nd <i>#quot;</i> `e` *f*')).toBe('a #quot;b#quot; #124; c d #lt;i#gt;#35;quot;#lt;/i#gt; #96;e#96; #42;f#42;');
    expect(cell('a | b\nc')).toBe('a \\| b c');
    expect(mermaidProblems('graph LR\n  a["x"]\n  a -->|"y"| b')).toEqual(['line 3: edge uses undeclared node b']);
    expect(mermaidProblems('graph TD\n  a[x]')).toEqual(['first line must be "graph LR", got "graph TD"', 'line 2: neither a node, an edge nor a style: "  a[x]"', 'no node']);
    expect(renderMermaid([])).toBe('');
  });

  test('hostile names render as themselves: no stray markup, no tag of theirs, tables and graph intact', async () => {
    const markdown = renderMarkdown(await hostileReview());
    expect(tableProblems(markdown)).toEqual([]);
    expect(strayMarkup(markdown)).toEqual([]);
    expect([...tagsOf(markdown)].filter((tag) => !OUR_TAGS.has(tag))).toEqual([]);
    const seen = decoded(markdown);
    for (const name of Object.values(HOSTILE_NAMES)) expect(seen).toContain(shownAs(name));
    expect(seen).toContain('### repliform review: stack <code>dr`b *stack*</code>');
    const [graph] = mermaidBlocks(markdown);
    const parsed = parseMermaid(graph);
    expect(parsed.problems).toEqual([]);
    expect([...parsed.nodes.values()]).toEqual(['127.0.0.1:47855', 'vc-b #quot;site#quot; #124; #lt;i#gt;B#lt;/i#gt; #96;b#96; #35;35; --#gt;']);
    const labels = [...parsed.nodes.values(), ...parsed.edges.map((edge) => edge.label)];
    expect(labels.filter((label) => /[<>`"|]/.test(label))).toEqual([]);
    expect(parsed.edges.map((edge) => edge.label)).toContain('db#96;01 #42;x#42; #lt;b#gt;bold#lt;/b#gt; #124; [l](u) · RPO 5 min · FULL RESYNC');
  });

  test('hostile names: golden text, Markdown and JSON', async () => {
    const review = await hostileReview();
    const { renderText } = await import('../../src/review/render-text');
    const { renderJson } = await import('../../src/review/render-json');
    expectGolden('hostile-names.md', renderMarkdown(review));
    expectGolden('hostile-names.txt', renderText(review, { color: false }));
    expectGolden('hostile-names.json', renderJson(review));
  });
});

describe('size', () => {
  test('100 orphaned replications: the fix is said once, with the list of the replications', () => {
    const markdown = renderMarkdown(reviewPlans([{ stack: 'big', plan: bigPlan(200, { mix: 'risky' }) }], catalogue));
    const orphans = markdown.split('\n').filter((line) => line.startsWith('- 🔴 **orphaned**'));
    expect(orphans).toHaveLength(1);
    expect(orphans[0]).toMatch(/^- 🔴 \*\*orphaned\*\* \(100\): `vm-00000`, `vm-00002`, .* …and 60 more<br>ORPHAN: /);
    expect(markdown.split('Put the block back with')).toHaveLength(2);
    expect(markdown.length).toBeLessThan(GITHUB_LIMIT);
  });

  test('1,000 risky items, many with drift: capped by size below the limit, saying what was left out', async () => {
    const plan = reviewPlans([{ stack: 'big', plan: bigPlan(1000, { mix: 'risky' }) }], catalogue);
    const missing = Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`vm-${String(2 * i + 1).padStart(5, '0')}`, { missing: true }]));
    const review = await addLive(plan, fakeLive(missing), catalogue);
    const markdown = renderMarkdown(review);
    expect(markdown.length).toBeLessThanOrEqual(MAX_COMMENT_CHARS);
    expect(markdown.length).toBeGreaterThan(MAX_COMMENT_CHARS * 0.8);
    expect(tableProblems(markdown)).toEqual([]);
    const [graph] = mermaidBlocks(markdown);
    expect(mermaidProblems(graph)).toEqual([]);
    expect(markdown).toMatch(/^> Shortened to fit a GitHub comment \(\d+ entries omitted\): run `repliform review --format text` or `--format json` for all\.$/m);
    expect(markdown).toMatch(/^…\d+ more rows omitted to fit a GitHub comment: /m);
    expect(markdown).toMatch(/^…\d+ more risks omitted to fit a GitHub comment: /m);
    expect(markdown).toContain('</details>');
    expectGolden('big-risky.md', markdown);
  });

  test('a plan of two thousand replications stays one short comment with one edge per site pair, RPO and risk', () => {
    const markdown = renderMarkdown(reviewPlans([{ stack: 'big', plan: bigPlan(2000) }], catalogue));
    expect(tableProblems(markdown)).toEqual([]);
    expect(markdown.length).toBeLessThanOrEqual(MAX_COMMENT_CHARS);
    const [graph] = mermaidBlocks(markdown);
    expect(graph.split('\n').slice(0, 6)).toEqual([
      'graph LR',
      '  site1["127.0.0.1:47855"]',
      '  site2["vc-b.example.local"]',
      '  site1 ==>|"vm-00000, vm-00100, vm-00200 +17 more · RPO 5 min · FULL RESYNC"| site2',
      '  site1 -->|"vm-00001, vm-00002, vm-00003 +1977 more · RPO 5 min"| site2',
      '  linkStyle 0 stroke:#e16f24,stroke-width:4px',
    ]);
  });
});

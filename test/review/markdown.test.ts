/**
 * The Markdown report renders on GitHub as meant: valid pipe tables and Mermaid graph, every value from
 * code or the API escaped (hostile names), and a comment below GitHub's 65,536-character limit however
 * big the plan.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadReviewCatalogue } from '../../src/resources/review-catalogue';
import type { ReviewCatalogue } from '../../src/resources/review-profile';
import { EDGE_STYLES, legendLine, mermaidLabel, renderMermaid, STYLES } from '../../src/review/mermaid';
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

/** Fenced blocks (the picture, the raw plan): GitHub interprets nothing inside them. */
function withoutFences(markdown: string): string {
  return markdown.replace(/```(mermaid|text)\n[\s\S]*?\n```/g, '');
}

function tagsOf(markdown: string): Set<string> {
  const outsideMermaid = withoutFences(markdown);
  return new Set([...outsideMermaid.matchAll(/<\/?([A-Za-z][A-Za-z0-9-]*)/g)].map((match) => match[1].toLowerCase()));
}

/** Markdown syntax left outside code spans, our own `**` bold and our tags: there must be none. */
function strayMarkup(markdown: string): string[] {
  return withoutFences(markdown)
    .split('\n')
    .map((line) => line.replace(/<code>[^<]*<\/code>/g, '').replace(/`[^`]+`/g, '').replace(/\*\*/g, '').replace(/<\/?(details|summary|br|sub)>/g, ''))
    .flatMap((line, index) => ([...line.matchAll(/[*_~`<[\]]/g)].length > 0 ? [`line ${index + 1}: ${line}`] : []));
}

/** Character references decoded, joiners kept. */
function decodedRefs(markdown: string): string {
  return markdown.replace(/&#(\d+);/g, (_all, number: string) => String.fromCharCode(Number(number)));
}

/** The text a reader sees: character references decoded, zero-width joiners (invisible) gone. */
function decoded(markdown: string): string {
  return markdown.replace(/&#(\d+);/g, (_all, number: string) => String.fromCharCode(Number(number))).replace(/\u200d/g, '');
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
    expect(renderMarkdown(reviewOf('rpo-change', catalogue)).split('\n')[2]).toBe('**✅ No risks** in the plan; the live state was not checked (`--live`)');
  });

  test('a no-change row shows its drift in Changes, not facts that stay the same', async () => {
    const review = await addLive(reviewOf('rpo-change', catalogue), fakeLive({ 'app-01': { missing: true } }), catalogue);
    const row = renderMarkdown(review)
      .split('\n')
      .find((line) => line.includes('| `app-01` |'));
    expect(row).toBe(
      '| 🟣 drifted: missing | `app-01` | 127.0.0.1:47855 → vc-b.example.local | **no change** | live: no replication of app-01 on 127.0.0.1:47855 (removed outside Terraform?) |',
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
    expect(markdown).toContain('| 🟤 orphaned | `web-02` | dr-a | 127.0.0.1:47855 → vc-b.example.local |');
    expect(tableProblems(markdown)).toEqual([]);
  });
});

describe('the order a reviewer reads', () => {
  test('summary, risks, picture, then the table and the details folded', async () => {
    const review = await addLive(reviewOf('datastore-change', catalogue), fakeLive({ 'web-01': { status: 'PAUSED' } }), catalogue);
    const markdown = renderMarkdown(review);
    const at = (marker: string): number => markdown.indexOf(marker);
    const order = ['**⚠️ 2 risky items:**', '**Plan:**', '#### ⚠️ Risks', '#### Replications after this plan', '<details><summary>Table of 3 changed or risky items</summary>', '| Risk | Replication |', '</details>', '<details><summary>Details of 3 items</summary>'];
    expect(order.map(at).every((position) => position >= 0)).toBe(true);
    expect([...order].sort((a, b) => at(a) - at(b))).toEqual(order);
  });

  test('a review without --live says the live state was not checked', () => {
    expect(renderMarkdown(reviewOf('datastore-change', catalogue)).split('\n')[2]).toBe('**⚠️ 1 risky item:** 🟠 1 full resync in the plan; the live state was not checked (`--live`)');
  });
});

describe('the whole plan', () => {
  test('a plan destroying a resource that is not repliform\'s: counted, in the risks, in the folded other changes, and the raw plan folded', () => {
    const review = reviewPlans([{ stack: 'dr', plan: readFileSync(join(__dirname, 'fixtures', 'plans', 'provider-others.json'), 'utf8') }], catalogue);
    const markdown = renderMarkdown(review);
    const destroyed = review.others.filter((other) => other.risks.some((risk) => risk.class === 'destroy'));
    expect(destroyed.length).toBeGreaterThan(0);
    expect(markdown.split('\n')[2]).toContain(`⚫ ${destroyed.length} other resource destroyed`);
    const entries = markdown.split('\n').filter((line) => line.startsWith('- ⚫ **other resource destroyed**')).join('\n');
    for (const other of destroyed) expect(entries).toContain(`\`${other.address}\``);
    expect(markdown.indexOf('- ⚫ **other resource destroyed**')).toBeLessThan(markdown.indexOf('#### Replications after this plan'));
    expect(markdown).toContain(`<details><summary>Other changes in the plan: ${review.others.length} resource`);
    expect(markdown).toMatch(/<details><summary>The plan, resource by resource \(\d+ lines?\)<\/summary>\n\n```text\n# stack dr\n/);
    expect(markdown).toContain('# terraform_data.unrelated will be destroyed');
    expect(tableProblems(markdown)).toEqual([]);
  });
});

describe('safety', () => {
  /** A name outside code spans, where GitHub links mentions and references. */
  function outsideCode(markdown: string): string {
    return withoutFences(markdown).replace(/<code>[^<]*<\/code>/g, '').replace(/`[^`\n]+`/g, '');
  }

  test('@name and #123 in names ping nobody and link nothing: a zero-width joiner follows @ and #', async () => {
    const plan = rewritePlan(planText('datastore-change'), { values: { 'web-02': '@octocat', 'vc-b.example.local': '@acme/dr-team #42' } });
    const review = await addLive(reviewPlans([{ stack: '@stack', plan }], catalogue), fakeLive({ '@octocat': { missing: true } }), catalogue);
    const markdown = renderMarkdown(review);
    expect(markdown).toContain('no replication of @\u200doctocat on 127.0.0.1:47855');
    expect(outsideCode(markdown)).not.toMatch(/@[A-Za-z0-9]/);
    expect(decodedRefs(outsideCode(markdown))).not.toMatch(/#\d/);
    expect(decodedRefs(markdown)).toContain('@\u200dacme/dr-team #\u200d42');
    expect(text('@alice #7 a@b #x')).toBe('@\u200dalice &#35;\u200d7 a@\u200db &#35;x');
    expect(code('@alice')).toBe('`@alice`');
  });

  test('a Mermaid directive or themeCSS in a name cannot re-theme the picture', () => {
    const directive = `%%{init: {'theme':'base','themeCSS':'.edgePath path {stroke: green !important}'}}%%`;
    const plan = rewritePlan(planText('datastore-change'), { values: { 'db-01': `db ${directive}`, 'vc-b.example.local': `site ${directive}` } });
    const [graph] = mermaidBlocks(renderMarkdown(reviewPlans([{ stack: 'dr', plan }], catalogue)));
    expect(parseMermaid(graph).problems).toEqual([]);
    expect(graph).not.toMatch(/%|\{|\}|'/);
    expect(graph).toContain('site #37;#37;#123;init: #123;#39;theme#39;:#39;base#39;,#39;themeCSS#39;:#39;.edgePath path #123;stroke: green !important#125;#39;#125;#125;#37;#37;');
    expect(mermaidLabel('%%{x}%% \'a\'')).toBe('#37;#37;#123;x#125;#37;#37; #39;a#39;');
  });

  test('every legend entry has a swatch of its own', () => {
    for (const live of [true, false]) {
      const lines = [...new Set(EDGE_STYLES.map((style) => legendLine(style, live)))];
      expect(lines).toHaveLength(9);
      expect(new Set(lines.map((line) => [...line][0])).size).toBe(9);
    }
  });

  test('one colour per status: ERROR is red in the summary, the table, the risks, the picture and its legend', async () => {
    const review = await addLive(reviewOf('datastore-change', catalogue), fakeLive({ 'web-01': { configuration_state: 'ERROR' } }), catalogue);
    const markdown = renderMarkdown(review);
    expect(markdown).toContain('🔴 1 in ERROR (checked live)');
    expect(markdown.split('\n').find((line) => line.includes('| `web-01` |'))).toMatch(/^\| 🔴 drifted: in ERROR \| /);
    expect(markdown).toContain('- 🔴 **drifted: in ERROR**: `web-01`');
    const edges = parseMermaid(mermaidBlocks(markdown)[0]).edges;
    expect(edges.find((edge) => edge.label.startsWith('web-01'))?.style).toBe('stroke:#cf222e,stroke-width:3px,stroke-dasharray:8 6');
    expect(markdown).toContain('\n- 🟥 dashed red: in ERROR on the appliance, or the apply will stop half-way or be refused, tagged in ERROR or APPLY WILL STOP\n');
    expect(STYLES.error).toMatchObject({ swatch: '🟥', mark: '🔴' });
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
  test('100 orphaned replications: the fix is said once, with the list of all the replications', () => {
    const markdown = renderMarkdown(reviewPlans([{ stack: 'big', plan: bigPlan(200, { mix: 'risky' }) }], catalogue));
    const orphans = markdown.split('\n').filter((line) => line.startsWith('- 🟤 **orphaned**'));
    expect(orphans).toHaveLength(1);
    expect(orphans[0]).toMatch(/^- 🟤 \*\*orphaned\*\* \(100\): `vm-00000`, `vm-00002`, .*, `vm-00198`<br>ORPHAN: /);
    expect(orphans[0].match(/`vm-\d+`/g)).toHaveLength(100);
    expect(markdown.split('Put the block back with')).toHaveLength(2);
    expect(markdown.length).toBeLessThan(GITHUB_LIMIT);
  });

  test('1,000 risky items, many with drift: capped by size below the limit, every risky item named in the risks', async () => {
    const plan = reviewPlans([{ stack: 'big', plan: bigPlan(1000, { mix: 'risky' }) }], catalogue);
    const missing = Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`vm-${String(2 * i + 1).padStart(5, '0')}`, { missing: true }]));
    const review = await addLive(plan, fakeLive(missing), catalogue);
    const markdown = renderMarkdown(review);
    expect(markdown.length).toBeLessThanOrEqual(MAX_COMMENT_CHARS);
    expect(markdown.length).toBeGreaterThan(MAX_COMMENT_CHARS * 0.8);
    expect(tableProblems(markdown)).toEqual([]);
    const [graph] = mermaidBlocks(markdown);
    expect(mermaidProblems(graph)).toEqual([]);
    const risks = markdown.slice(markdown.indexOf('#### ⚠️ Risks'), markdown.indexOf('#### Replications after this plan'));
    const named = (mark: string): number => (risks.split('\n').find((line) => line.startsWith(`- ${mark}`))?.match(/`vm-\d+`/g) ?? []).length;
    expect({ orphaned: named('🟤 **orphaned** (500)'), resync: named('🟠 **full resync** (500)'), missing: named('🟣 **drifted: missing** (300)') }).toEqual({ orphaned: 500, resync: 500, missing: 300 });
    expect(risks.split('configures it again')).toHaveLength(2);
    expect(risks).toContain('<br>**Fix:** `terraform apply -replace=<address>` configures it again (an initial full sync).');
    expect(markdown).toMatch(
      /^> Shortened to fit a GitHub comment, the least risky left out \(\d+ table rows, the details of \d+ items, \d+ plan lines\): the full report: `repliform review --format text` or `--format json` \(in CI: the job summary\)\.$/m,
    );
    expect(markdown).toMatch(/^…\d+ more rows \(the least risky\) left out to fit a GitHub comment: /m);
    expectGolden('big-risky.md', markdown);
  });

  test('5,000 risky items: the least risky names are cut first, said where, and the comment stays under the limit', () => {
    const markdown = renderMarkdown(reviewPlans([{ stack: 'big', plan: bigPlan(5000, { mix: 'risky' }) }], catalogue));
    expect(markdown.length).toBeLessThanOrEqual(MAX_COMMENT_CHARS);
    const lines = markdown.split('\n');
    const orphans = lines.find((line) => line.startsWith('- 🟤 **orphaned** (2500)')) ?? '';
    const resyncs = lines.find((line) => line.startsWith('- 🟠 **full resync** (2500)')) ?? '';
    expect(orphans.match(/`vm-\d+`/g)).toHaveLength(2500);
    const shown = (resyncs.match(/`vm-\d+`/g) ?? []).length;
    expect(shown).toBeLessThan(2500);
    expect(resyncs).toContain(`…and ${2500 - shown} more (the full report: \`repliform review --format text\``);
    expect(resyncs).toContain('<br>**Fix:** If the change is intended');
    expect(markdown).toContain(`> Shortened to fit a GitHub comment, the least risky left out (${2500 - shown} names in the risks, `);
    expect(mermaidBlocks(markdown)).toHaveLength(1);
  });

  test('a failing review (many errors) stays under the limit too', () => {
    const review = reviewPlans([{ stack: 'big', plan: bigPlan(1000, { mix: 'risky' }) }], catalogue);
    const errors = Array.from({ length: 500 }, (_, i) => `cannot read the live object of vm-${String(i).padStart(5, '0')}: ${'x'.repeat(300)}`);
    const markdown = renderMarkdown({ ...review, errors });
    expect(markdown.length).toBeLessThanOrEqual(MAX_COMMENT_CHARS);
    expect(markdown.split('\n').filter((line) => line.startsWith('> **Error:** cannot read the live object')).length).toBeGreaterThan(5);
    expect(markdown).toMatch(/^…\d+ more errors \(the least risky\) left out to fit a GitHub comment/m);
    expect(markdown.split('\n').find((line) => line.startsWith('- 🟤 **orphaned** (500)'))?.match(/`vm-\d+`/g)).toHaveLength(500);
  });

  test('a plan of two thousand replications stays one short comment with one edge per site pair, RPO and risk', () => {
    const markdown = renderMarkdown(reviewPlans([{ stack: 'big', plan: bigPlan(2000) }], catalogue));
    expect(tableProblems(markdown)).toEqual([]);
    expect(markdown.length).toBeLessThanOrEqual(MAX_COMMENT_CHARS);
    const [graph] = mermaidBlocks(markdown);
    expect(graph.split('\n').slice(0, 7)).toEqual([
      'graph LR',
      '  site1["127.0.0.1:47855"]',
      '  site2["vc-b.example.local"]',
      '  site1 ==>|"20 FULL RESYNC · RPO 5 min"| site2',
      '  site1 -->|"1980 replications · RPO 5 min"| site2',
      '  linkStyle 0 stroke:#e16f24,stroke-width:4px',
      '  linkStyle 1 stroke:#2da44e,stroke-width:2px',
    ]);
  });
});

/**
 * Golden files of the three formats, rendered from recorded plans (and canned live answers for drift).
 * UPDATE_GOLDEN=1 npx jest test/review -w 1 rewrites them; review the diff like code. A missing golden
 * file fails unless UPDATE_GOLDEN=1 is set.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadReviewCatalogue } from '../../src/resources/review-catalogue';
import type { ReviewCatalogue } from '../../src/resources/review-profile';
import { renderJson } from '../../src/review/render-json';
import { renderMarkdown } from '../../src/review/render-markdown';
import { renderText } from '../../src/review/render-text';
import type { Review } from '../../src/review/model';
import { addLive } from '../../src/review/review';
import { fakeLive } from './helpers/fake-live';
import { expectGolden } from './helpers/golden';
import { reviewOf, type Fixture } from './helpers/fixtures';

let catalogue: ReviewCatalogue;
beforeAll(async () => {
  catalogue = await loadReviewCatalogue();
});

function renderAll(name: string, review: Review): void {
  expectGolden(`${name}.txt`, renderText(review, { color: false }));
  expectGolden(`${name}.md`, renderMarkdown(review));
  expectGolden(`${name}.json`, renderJson(review));
}

const PLANS: Fixture[] = ['create', 'rpo-change', 'datastore-change', 'removal', 'removed-block', 'retire', 'no-change'];

test.each(PLANS)('the %s plan renders as its golden text, Markdown and JSON', (fixture) => {
  renderAll(fixture, reviewOf(fixture, catalogue));
});

test('drift found live renders next to the plan, with its fix', async () => {
  const review = await addLive(
    reviewOf('rpo-change', catalogue),
    fakeLive({ 'web-01': { status: 'PAUSED' }, 'db-01': { settings: { rpo_minutes: 30 }, rpo_violation: true }, 'app-01': { missing: true } }),
    catalogue,
  );
  renderAll('rpo-change-live', review);
});

test('colour is ANSI bold/red/yellow on a terminal', () => {
  expectGolden('datastore-change.color.txt', renderText(reviewOf('datastore-change', catalogue), { color: true }));
});

describe('golden files', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'golden-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('a missing golden file fails and is not written', () => {
    expect(() => expectGolden('gone.md', 'report\n', { dir, env: {} })).toThrow(
      'golden file gone.md is missing: write it with UPDATE_GOLDEN=1 npx jest test/review -w 1 and review it',
    );
    expect(() => readFileSync(join(dir, 'gone.md'), 'utf8')).toThrow(/ENOENT/);
  });

  test('UPDATE_GOLDEN=1 writes it', () => {
    expectGolden('new.md', 'report\n', { dir, env: { UPDATE_GOLDEN: '1' } });
    expect(readFileSync(join(dir, 'new.md'), 'utf8')).toBe('report\n');
  });

  test('a golden file that differs fails', () => {
    expectGolden('old.md', 'before\n', { dir, env: { UPDATE_GOLDEN: '1' } });
    expect(() => expectGolden('old.md', 'after\n', { dir, env: {} })).toThrow();
  });
});

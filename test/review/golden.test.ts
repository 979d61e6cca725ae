/**
 * Golden files of the three formats, rendered from recorded plans (and canned live answers for drift).
 * UPDATE_GOLDEN=1 npx jest test/review/golden rewrites them; review the diff like code.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderJson } from '../../src/review/render-json';
import { renderMarkdown } from '../../src/review/render-markdown';
import { renderText } from '../../src/review/render-text';
import type { Review } from '../../src/review/model';
import { addLive } from '../../src/review/review';
import { fakeLive } from './helpers/fake-live';
import { reviewOf, type Fixture } from './helpers/fixtures';

const GOLDEN = join(__dirname, 'golden');

function expectGolden(name: string, actual: string): void {
  const file = join(GOLDEN, name);
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(file)) writeFileSync(file, actual);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

function renderAll(name: string, review: Review): void {
  expectGolden(`${name}.txt`, renderText(review, { color: false }));
  expectGolden(`${name}.md`, renderMarkdown(review));
  expectGolden(`${name}.json`, renderJson(review));
}

const PLANS: Fixture[] = ['create', 'rpo-change', 'datastore-change', 'removal', 'removed-block', 'retire', 'no-change'];

test.each(PLANS)('the %s plan renders as its golden text, Markdown and JSON', (fixture) => {
  renderAll(fixture, reviewOf(fixture));
});

test('drift found live renders next to the plan, with its fix', async () => {
  const review = await addLive(
    reviewOf('rpo-change'),
    fakeLive({ 'web-01': { status: 'PAUSED' }, 'db-01': { settings: { rpo_minutes: 30 }, rpo_violation: true }, 'app-01': { missing: true } }),
  );
  renderAll('rpo-change-live', review);
});

test('colour is ANSI bold/red/yellow on a terminal', () => {
  expectGolden('datastore-change.color.txt', renderText(reviewOf('datastore-change'), { color: true }));
});

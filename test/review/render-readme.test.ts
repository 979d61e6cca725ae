/**
 * The README shows the Markdown of a risky review as GitHub renders it (table, risks, Mermaid picture).
 * It must be what `repliform review` prints today: the example is a golden file, and the README holds it
 * verbatim between its markers.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadReviewCatalogue } from '../../src/resources/review-catalogue';
import type { ReviewCatalogue } from '../../src/resources/review-profile';
import { renderMarkdown } from '../../src/review/render-markdown';
import type { Review } from '../../src/review/model';
import { addLive, reviewPlans } from '../../src/review/review';
import { fakeLive } from './helpers/fake-live';
import { planText } from './helpers/fixtures';
import { expectGolden } from './helpers/golden';
import { rewritePlan } from './helpers/plans';

let catalogue: ReviewCatalogue;
beforeAll(async () => {
  catalogue = await loadReviewCatalogue();
});

const START = '<!-- review-example:start -->';
const END = '<!-- review-example:end -->';

/** The datastore-change plan as deployed from site A (localSite set), with two replications drifted live. */
async function example(): Promise<Review> {
  const plan = rewritePlan(planText('datastore-change'), { endpoint: 'https://vr-a.example.local', localSite: 'vc-a.example.local' });
  const live = fakeLive({ 'web-01': { status: 'PAUSED' }, 'web-02': { missing: true } });
  return addLive(reviewPlans([{ stack: 'dr-site-b', plan }], catalogue), live, catalogue);
}

test('the README example is the current Markdown of a risky review', async () => {
  const markdown = renderMarkdown(await example());
  expectGolden('readme-example.md', markdown);
  const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  expect({ start: start >= 0, end: end > start }).toEqual({ start: true, end: true });
  expect(readme.slice(start + START.length, end).trim()).toBe(markdown.trim());
});

/** The terminal report shows names from code or the API as text: an escape sequence in a name cannot drive the terminal. */
import { loadReviewCatalogue } from '../../src/resources/review-catalogue';
import type { ReviewCatalogue } from '../../src/resources/review-profile';
import { printable, renderText } from '../../src/review/render-text';
import { reviewPlans } from '../../src/review/review';
import { planText } from './helpers/fixtures';
import { rewritePlan } from './helpers/plans';

let catalogue: ReviewCatalogue;
beforeAll(async () => {
  catalogue = await loadReviewCatalogue();
});

test('control characters and bidirectional overrides are shown as escapes', () => {
  expect(printable('web\u001b[2J-01\nx\u202e')).toBe('web\\u001b[2J-01\\u000ax\\u202e');
});

test('a VM named with an ANSI sequence prints it as text, in colour mode too', () => {
  const plan = rewritePlan(planText('removal'), { values: { 'web-02': 'web\u001b]0;pwned\u0007-02' } });
  const out = renderText(reviewPlans([{ stack: 'review', plan }], catalogue), { color: true });
  expect(out).toContain('web\\u001b]0;pwned\\u0007-02 → vc-b.example.local');
  expect(out.replace(/\u001b\[[0-9;]*m/g, '')).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
});

/** Loading the recorded plans (real `terraform show -json` output, see fixtures/record.ts). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReviewCatalogue } from '../../../src/resources/review-profile';
import type { Review } from '../../../src/review/model';
import { reviewPlans } from '../../../src/review/review';

export const FIXTURES = ['create', 'no-change', 'rpo-change', 'datastore-change', 'removal', 'removed-block', 'retire'] as const;
export type Fixture = (typeof FIXTURES)[number];

export function planPath(name: Fixture): string {
  return join(__dirname, '..', 'fixtures', 'plans', `${name}.json`);
}

export function planText(name: Fixture): string {
  return readFileSync(planPath(name), 'utf8');
}

/** The review of one recorded plan, its stack named `review` like the recorded app's. */
export function reviewOf(name: Fixture, catalogue: ReviewCatalogue): Review {
  return reviewPlans([{ stack: 'review', plan: planText(name), source: name }], catalogue);
}

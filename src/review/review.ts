/**
 * One review from plans: read each stack's plan, classify its lifecycle resources, and (with a live
 * reader) add the drift of each object. The pieces are in plan-reader.ts, classify.ts and drift.ts.
 */
import { classify, compareItems } from './classify';
import { checkDrift, type LiveReader } from './drift';
import type { Review, ReviewItem } from './model';
import { readPlan } from './plan-reader';

/** One stack's plan JSON (text or parsed). */
export interface PlanInput {
  readonly stack: string;
  readonly plan: unknown;
  /** For messages, e.g. the file name. @default - the stack */
  readonly source?: string;
  readonly removedWithHook?: ReadonlySet<string>;
}

/** Reviews the plans of several stacks. Throws PlanFormatError on something that is not a plan. */
export function reviewPlans(inputs: readonly PlanInput[]): Review {
  const items: ReviewItem[] = [];
  for (const input of inputs) {
    const changes = readPlan(input.plan, input.stack, input.source ?? input.stack);
    items.push(...classify(changes, { removedWithHook: input.removedWithHook }));
  }
  const stacks = [...new Set(inputs.map((input) => input.stack))].sort();
  const order = new Map(stacks.map((stack, index) => [stack, index]));
  items.sort((a, b) => (order.get(a.stack) ?? 0) - (order.get(b.stack) ?? 0));
  return { stacks, items, errors: [], live: false };
}

/** The review with each item's live view (read through the handlers). */
export async function addLive(review: Review, reader: LiveReader): Promise<Review> {
  const { items, errors } = await checkDrift(review.items, reader);
  const order = new Map(review.stacks.map((stack, index) => [stack, index]));
  const sorted = [...items].sort((a, b) => (order.get(a.stack) ?? 0) - (order.get(b.stack) ?? 0) || compareItems(a, b));
  return { ...review, items: sorted, errors: [...review.errors, ...errors], live: true };
}

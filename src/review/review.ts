/**
 * One review from plans: read each stack's plan, classify its lifecycle resources, and (with a live
 * reader) add the drift of each object. The pieces are in plan-reader.ts, classify.ts and drift.ts.
 */
import type { ReviewCatalogue } from '../resources/review-profile';
import { classify, compareItems } from './classify';
import { checkDrift, type LiveReader } from './drift';
import type { Review, ReviewItem } from './model';
import { readPlan, type LifecycleChange } from './plan-reader';

/** One stack's plan JSON (text or parsed). */
export interface PlanInput {
  readonly stack: string;
  readonly plan: unknown;
  /** For messages, e.g. the file name. @default - the stack */
  readonly source?: string;
  readonly removedWithHook?: ReadonlySet<string>;
  /**
   * True when `stack` is only a guess from the file name: the stack the constructs recorded in the plan
   * (the `owner` of its replications, `<stack>/<construct path>`) wins. @default false
   */
  readonly stackFromFileName?: boolean;
}

/** The one stack the plan's replications name as their owner, if they agree on one. */
function ownerStack(changes: readonly LifecycleChange[]): string | undefined {
  const stacks = new Set<string>();
  for (const change of changes) {
    for (const side of [change.before, change.after]) {
      const owner = side?.spec?.owner;
      if (typeof owner === 'string' && owner.includes('/')) stacks.add(owner.slice(0, owner.indexOf('/')));
    }
  }
  return stacks.size === 1 ? [...stacks][0] : undefined;
}

function changesOf(input: PlanInput, catalogue: ReviewCatalogue): { stack: string; changes: LifecycleChange[] } {
  const changes = readPlan(input.plan, input.stack, catalogue, input.source ?? input.stack);
  const recorded = input.stackFromFileName ? ownerStack(changes) : undefined;
  if (recorded === undefined) return { stack: input.stack, changes };
  return { stack: recorded, changes: changes.map((change) => ({ ...change, stack: recorded })) };
}

/**
 * Reviews the plans of several stacks. Throws PlanFormatError on something that is not a plan.
 * `catalogue`: the kinds and their review profiles (every kind of the registry: loadReviewCatalogue).
 */
export function reviewPlans(inputs: readonly PlanInput[], catalogue: ReviewCatalogue): Review {
  const items: ReviewItem[] = [];
  const named: string[] = [];
  for (const input of inputs) {
    const { stack, changes } = changesOf(input, catalogue);
    named.push(stack);
    items.push(...classify(changes, { removedWithHook: input.removedWithHook, catalogue }));
  }
  const stacks = [...new Set(named)].sort();
  const order = new Map(stacks.map((stack, index) => [stack, index]));
  items.sort((a, b) => (order.get(a.stack) ?? 0) - (order.get(b.stack) ?? 0));
  return { stacks, items, errors: [], live: false };
}

/** The review with each item's live view (read through the handlers). */
export async function addLive(review: Review, reader: LiveReader, catalogue: ReviewCatalogue): Promise<Review> {
  const { items, errors } = await checkDrift(review.items, reader, catalogue);
  const order = new Map(review.stacks.map((stack, index) => [stack, index]));
  const sorted = [...items].sort((a, b) => (order.get(a.stack) ?? 0) - (order.get(b.stack) ?? 0) || compareItems(a, b));
  return { ...review, items: sorted, errors: [...review.errors, ...errors], live: true };
}

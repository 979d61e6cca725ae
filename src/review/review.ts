/**
 * One review from plans: read each stack's plan, classify its lifecycle resources, and (with a live
 * reader) add the drift of each object. The pieces are in plan-reader.ts, classify.ts and drift.ts.
 */
import type { ReviewCatalogue, Risk } from '../resources/review-profile';
import { classify, compareItems } from './classify';
import { checkDrift, withPlanDrift, type LiveReader } from './drift';
import type { OtherChange, RawPlan, Review, ReviewAction, ReviewItem } from './model';
import { readWholePlan, type ForeignChange, type LifecycleChange, type PlanReading } from './plan-reader';

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

function changesOf(input: PlanInput, catalogue: ReviewCatalogue): PlanReading & { stack: string } {
  const reading = readWholePlan(input.plan, input.stack, catalogue, input.source ?? input.stack);
  const recorded = input.stackFromFileName ? ownerStack(reading.changes) : undefined;
  if (recorded === undefined) return { ...reading, stack: input.stack };
  return { ...reading, stack: recorded, changes: reading.changes.map((change) => ({ ...change, stack: recorded })) };
}

/** Terraform's actions in the review's words. */
function actionOf(actions: readonly string[]): ReviewAction {
  if (actions.includes('delete') && actions.includes('create')) return 'replace';
  if (actions.includes('create')) return 'create';
  if (actions.includes('delete')) return 'delete';
  if (actions.includes('forget')) return 'forget';
  return 'update';
}

/** A resource the review cannot judge, destroyed or replaced: never passed over in silence. */
function destroyRisk(change: ForeignChange, action: ReviewAction): Risk {
  const why = change.reasons.length > 0 ? ` (${change.reasons.join('; ')})` : '';
  const what = action === 'replace' ? 'destroys and creates again' : 'DESTROYS';
  return {
    class: 'destroy',
    message: `DESTROYED: the plan ${what} ${change.address}${why}, a ${change.type} that is not a repliform object: this review cannot tell what it holds or who depends on it.`,
    fix: 'Read its change in the raw plan. If it is not intended, put its block back (or stop what forces the replacement); to stop managing it without destroying it, use a `removed` block with `lifecycle { destroy = false }`.',
  };
}

function otherChange(stack: string, change: ForeignChange): OtherChange {
  const action = actionOf(change.actions);
  const risks = action === 'delete' || action === 'replace' ? [destroyRisk(change, action)] : [];
  return { stack, ...change, action, risks };
}

/**
 * Reviews the plans of several stacks. Throws PlanFormatError on something that is not a plan.
 * `catalogue`: the kinds and their review profiles (every kind of the registry: loadReviewCatalogue).
 */
export function reviewPlans(inputs: readonly PlanInput[], catalogue: ReviewCatalogue): Review {
  const items: ReviewItem[] = [];
  const others: OtherChange[] = [];
  const raw: RawPlan[] = [];
  const named: string[] = [];
  let applyable = false;
  for (const input of inputs) {
    const reading = changesOf(input, catalogue);
    named.push(reading.stack);
    items.push(...withPlanDrift(classify(reading.changes, { removedWithHook: input.removedWithHook, catalogue }), catalogue));
    others.push(...reading.others.map((change) => otherChange(reading.stack, change)));
    raw.push({ stack: reading.stack, source: input.source ?? input.stack, lines: reading.raw });
    applyable ||= reading.applyable;
  }
  const stacks = [...new Set(named)].sort();
  const order = new Map(stacks.map((stack, index) => [stack, index]));
  const byStack = (a: { stack: string }, b: { stack: string }) => (order.get(a.stack) ?? 0) - (order.get(b.stack) ?? 0);
  items.sort(byStack);
  others.sort(byStack);
  raw.sort(byStack);
  return { stacks, items, others, changes: applyable, raw, foreign: [], errors: [], live: false };
}

/** The review with each item's live view (read through the handlers). */
export async function addLive(review: Review, reader: LiveReader, catalogue: ReviewCatalogue): Promise<Review> {
  const { items, foreign, errors } = await checkDrift(review.items, reader, catalogue, review.stacks);
  const order = new Map(review.stacks.map((stack, index) => [stack, index]));
  const sorted = [...items].sort((a, b) => (order.get(a.stack) ?? 0) - (order.get(b.stack) ?? 0) || compareItems(a, b));
  return { ...review, items: sorted, foreign: [...review.foreign, ...foreign], errors: [...review.errors, ...errors], live: true };
}

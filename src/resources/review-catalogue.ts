/**
 * The review side of every kind the registry knows (fields, spec and review profile), by kind name: derived from
 * the registry, so a new kind is one line there and nowhere else. `repliform review` reads plans of every kind,
 * so it loads every kind's module (handlers included, though a plan-only review calls none), once per process.
 */
import type { AnyKind } from './contract';
import { kindFor, knownKinds } from './registry';
import type { ReviewCatalogue, ReviewKind } from './review-profile';

let loading: Promise<ReviewCatalogue> | undefined;

/** A kind as the review reads it: a kind the review leaves out keeps only its reason. */
function reviewKindOf(kind: AnyKind): ReviewKind {
  const { review } = kind;
  return review.reviewed ? { kind: kind.kind, fields: kind.fields, spec: kind.spec, review } : { kind: kind.kind, review };
}

/** Every known kind's review side, by kind name, in the registry's order; the kinds are loaded in parallel. */
export function loadReviewCatalogue(): Promise<ReviewCatalogue> {
  loading ??= Promise.all(knownKinds().map(async (name) => [name, reviewKindOf(await kindFor(name))] as const)).then((entries) => new Map(entries));
  return loading;
}

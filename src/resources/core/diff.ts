/**
 * The one structural diff: which fields differ between two objects, as values (never words). Handlers diff a
 * live object's settings against the code's with it; the review words the same differences (review-profile.ts).
 *
 * Calls no endpoint.
 */
import type { Change } from '../contract';
import { sameJson, valueAt, type Json, type JsonRecord } from './json';

/** One field that differs: its dotted path, and its value before and after (absent: `undefined`). */
export interface FieldDiff {
  readonly field: string;
  readonly from: Json | undefined;
  readonly to: Json | undefined;
}

/** The fields at `paths` whose values differ from `before` to `after`, in the order of `paths`. */
export function diffAt(paths: readonly string[], before: JsonRecord | undefined, after: JsonRecord | undefined): FieldDiff[] {
  return paths
    .map((field) => ({ field, from: valueAt(before, field), to: valueAt(after, field) }))
    .filter((diff) => !sameJson(diff.from, diff.to));
}

/**
 * What applying the code's settings changes on a live object, all in place, named by spec path (`settings.<field>`).
 * A setting the live object does not report (absent) is unknown, not a change.
 */
export function settingsChanges(fields: readonly string[], code: JsonRecord, live: JsonRecord): Change[] {
  return diffAt(fields, live, code)
    .filter((diff) => diff.from !== undefined)
    .map((diff) => ({ field: `settings.${diff.field}`, from: diff.from, to: diff.to ?? null, effect: 'in-place' }));
}

/** For a log line: "rpo_minutes 60 → 15, description "a" → "b"" (values as JSON). */
export function describeChanges(changes: readonly Change[]): string {
  return changes.map((c) => `${c.field.replace(/^settings\./, '')} ${JSON.stringify(c.from)} → ${JSON.stringify(c.to)}`).join(', ');
}

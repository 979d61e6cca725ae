/**
 * Timeouts as Terraform users write them for every framework provider (terraform-plugin-framework-timeouts):
 * `timeouts = { create = "60m", delete = "1h30m" }`, durations in Go's notation. The native provider's resources
 * and the constructs' provider resources carry this form; a spec (what handlers parse, and what the lifecycle
 * backings store — changing it there would replace their resources) keeps `create_seconds`. This module converts
 * between the two, in both directions, for the provider, the constructs and the review.
 */

const SUFFIX = '_seconds';
const UNIT_SECONDS: Readonly<Record<string, number>> = { h: 3600, m: 60, s: 1 };
/** Whole hours, minutes and seconds in that order, at least one: "60m", "1h30m", "90s". */
const DURATION = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/;

export const DURATION_RULE = 'must be a duration such as "60m", "1h30m" or "90s" (whole hours, minutes and seconds, more than 0)';

/** Seconds of a duration, or undefined when it is not one this form allows. */
export function secondsOf(duration: string): number | undefined {
  const match = DURATION.exec(duration);
  if (!match || duration === '') return undefined;
  const [, hours, minutes, seconds] = match;
  const total = Number(hours ?? 0) * UNIT_SECONDS.h + Number(minutes ?? 0) * UNIT_SECONDS.m + Number(seconds ?? 0);
  return total > 0 ? total : undefined;
}

/** A duration for seconds, in the unit a person would write: 3600 → "60m", 90 → "90s". */
export function durationOf(seconds: number): string {
  return seconds % 60 === 0 ? `${seconds / 60}m` : `${seconds}s`;
}

/** The operation a spec field names: `create_seconds` → `create`; undefined for another field. */
export function operationOf(specField: string): string | undefined {
  return specField.endsWith(SUFFIX) ? specField.slice(0, -SUFFIX.length) : undefined;
}

export function specFieldOf(operation: string): string {
  return `${operation}${SUFFIX}`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `{ create: "60m" }` → `{ create_seconds: 3600 }`; a value that is not a duration is left as it is (under its own name). */
export function timeoutsAsSeconds(timeouts: unknown): unknown {
  if (!isObject(timeouts)) return timeouts;
  return Object.fromEntries(Object.entries(timeouts).map(([operation, value]) => {
    const seconds = typeof value === 'string' ? secondsOf(value) : undefined;
    return seconds === undefined ? [operation, value] : [specFieldOf(operation), seconds];
  }));
}

/** Attributes with the provider's `timeouts` (durations) as a spec holds them (seconds); the rest as it is. */
export function withSpecTimeouts(attributes: Record<string, unknown>): Record<string, unknown> {
  return 'timeouts' in attributes ? { ...attributes, timeouts: timeoutsAsSeconds(attributes.timeouts) } : attributes;
}

/** `{ create_seconds: 3600 }` → `{ create: "60m" }`; any other member as it is. */
export function timeoutsAsDurations(timeouts: unknown): unknown {
  if (!isObject(timeouts)) return timeouts;
  return Object.fromEntries(Object.entries(timeouts).map(([field, value]) => {
    const operation = operationOf(field);
    return operation !== undefined && typeof value === 'number' ? [operation, durationOf(value)] : [field, value];
  }));
}

/** What is wrong with each duration of a `timeouts` block written the framework's way (field → problem). */
export function durationProblems(timeouts: unknown): { readonly operation: string; readonly given: unknown }[] {
  if (!isObject(timeouts)) return [];
  return Object.entries(timeouts)
    .filter(([, value]) => value !== null && value !== undefined && (typeof value !== 'string' || secondsOf(value) === undefined))
    .map(([operation, given]) => ({ operation, given }));
}

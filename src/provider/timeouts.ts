/**
 * The `timeouts` attribute of a resource type, the framework's way (`timeouts = { create = "60m" }`): its model
 * derived from the spec's `create_seconds`…, each operation a duration string with the spec's default, and the
 * planned value — what the configuration says where it says it (Terraform requires it verbatim: "1h" stays "1h"),
 * the default elsewhere.
 */
import { z } from 'zod';
import { DURATION_RULE, durationOf, durationProblems, operationOf } from '../resources/timeout-durations';
import { errorDiagnostic, type Diagnostic } from './diagnostics';
import type { AttributeModel, ObjectModel } from './schema';
import { isObjectValue, UNKNOWN, type TfValue } from './values';

export const TIMEOUTS = 'timeouts';

/** The operations of a spec's timeouts block and their default seconds (`{ create: 3600, … }`). */
export function timeoutDefaults(schema: z.ZodTypeAny | undefined): Readonly<Record<string, number>> {
  const parsed = schema?.safeParse(undefined);
  if (!parsed?.success || typeof parsed.data !== 'object' || parsed.data === null) return {};
  return Object.fromEntries(Object.entries(parsed.data as Record<string, unknown>).flatMap(([field, value]) => {
    const operation = operationOf(field);
    return operation !== undefined && typeof value === 'number' ? [[operation, value]] : [];
  }));
}

/** The attribute: one optional duration per operation, its default filled in at plan. */
export function durationTimeoutsModel(attribute: AttributeModel, defaults: Readonly<Record<string, number>>): AttributeModel {
  const attributes: ObjectModel = Object.fromEntries(Object.entries(defaults).map(([operation, seconds]) => [operation, {
    field: { kind: 'primitive', type: 'string' },
    optional: true,
    defaulted: true,
    computed: false,
    description: `How long the ${operation} waits for the vendor's tasks before it fails: a duration such as "60m" or "1h30m". Default: "${durationOf(seconds)}".`,
  } satisfies AttributeModel]));
  return {
    ...attribute,
    field: { kind: 'object', attributes },
    description: `How long create, update and delete wait (Terraform's usual timeouts block, e.g. timeouts = { create = "2h" }); each left out takes its default.`,
  };
}

/** The planned block: each configured duration as given (unknown stays unknown), the default for the rest. */
export function plannedTimeouts(configured: TfValue, defaults: Readonly<Record<string, number>>): TfValue {
  if (configured === UNKNOWN) return UNKNOWN;
  const given = isObjectValue(configured) ? configured : {};
  return Object.fromEntries(Object.entries(defaults).map(([operation, seconds]) => [operation, given[operation] ?? durationOf(seconds)]));
}

/** One diagnostic per duration that is not one (known values only). */
export function durationDiagnostics(configured: TfValue): Diagnostic[] {
  if (!isObjectValue(configured)) return [];
  const known = Object.fromEntries(Object.entries(configured).filter(([, value]) => value !== UNKNOWN));
  return durationProblems(known).map(({ operation, given }) =>
    errorDiagnostic(`${TIMEOUTS}.${operation}: ${DURATION_RULE}, got ${JSON.stringify(given)}`, 'Invalid timeouts.', [TIMEOUTS, operation]),
  );
}


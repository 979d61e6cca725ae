/**
 * Validation of a configuration that is partly unknown (`endpoint = var.endpoint` under `terraform validate`, a
 * VM name another resource outputs): the known values are checked now, as the schema checks them; what depends on
 * an unknown is left to the plan or apply that knows it. Unknown values are left out of the JSON, and every issue
 * that concerns an unknown value — on it, inside it, or on an object holding one (a rule between its fields) — is
 * set aside.
 */
import type { ZodIssue } from 'zod';
import { isObjectValue, UNKNOWN, type TfValue } from './values';

type Path = readonly (string | number)[];

export interface KnownParts {
  /** Spec JSON of the known values: nulls and unknowns left out of objects. */
  readonly json: unknown;
  /** Where the unknown values are. */
  readonly unknownPaths: readonly Path[];
}

export function knownPartsOf(value: TfValue, path: Path = []): KnownParts {
  if (value === UNKNOWN) return { json: undefined, unknownPaths: [path] };
  if (Array.isArray(value)) {
    const items = value.map((item: TfValue, index) => knownPartsOf(item, [...path, index]));
    return { json: items.map((item) => item.json ?? null), unknownPaths: items.flatMap((item) => item.unknownPaths) };
  }
  if (!isObjectValue(value)) return { json: value, unknownPaths: [] };
  const members = Object.entries(value).filter(([, inner]) => inner !== null).map(([name, inner]) => [name, knownPartsOf(inner, [...path, name])] as const);
  return {
    json: Object.fromEntries(members.filter(([, parts]) => parts.json !== undefined).map(([name, parts]) => [name, parts.json])),
    unknownPaths: members.flatMap(([, parts]) => parts.unknownPaths),
  };
}

function startsWith(path: Path, prefix: Path): boolean {
  return prefix.length <= path.length && prefix.every((step, index) => String(step) === String(path[index]));
}

/** The issues about known values only. */
export function issuesOnKnown(issues: readonly ZodIssue[], unknownPaths: readonly Path[]): ZodIssue[] {
  return issues.filter((issue) => !unknownPaths.some((unknown) => startsWith(issue.path, unknown) || startsWith(unknown, issue.path)));
}

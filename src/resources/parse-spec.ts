import type { ZodType, ZodTypeDef, ZodIssue } from 'zod';
import { isEnvNameField } from './connection';
import type { LifecycleAction } from './contract';
import { InputError } from './errors';

/** Validates raw spec JSON with a zod schema; the first problem becomes a one-line InputError. */
export function parseSpec<T>(schema: ZodType<T, ZodTypeDef, unknown>, raw: unknown, kind: string): T {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => describeIssue(issue, raw));
  const first = result.error.issues[0];
  const field = first && first.path.length > 0 ? first.path.join('.') : kind;
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : '';
  throw new InputError(field, `${issues[0].replace(/^[^:]*: /, '')}${more} [${kind} spec]`);
}

/** A kind's two spec schemas: the full one, and the reduced one a destroy holds (no settings, say). */
export interface SpecSchemas<Full, Reduced> {
  readonly full: ZodType<Full, ZodTypeDef, unknown>;
  readonly destroy: ZodType<Reduced, ZodTypeDef, unknown>;
}

/** The spec for an action: create, update and read parse the full schema; delete parses the reduced one. */
export function parseForAction<Full, Reduced>(schemas: SpecSchemas<Full, Reduced>, raw: unknown, action: LifecycleAction, kind: string): Full | Reduced {
  return action === 'delete' ? parseSpec(schemas.destroy, raw, kind) : parseSpec(schemas.full, raw, kind);
}

function describeIssue(issue: ZodIssue, raw: unknown): string {
  return `${issue.path.join('.') || '(spec)'}: ${issueProblem(issue, raw)}`;
}

/** What is wrong, with the value given: `must be …, got 3` or `unknown field(s) "x"`. */
export function issueProblem(issue: ZodIssue, raw: unknown): string {
  if (issue.code === 'unrecognized_keys') return `unknown field(s) ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}`;
  const given = valueAt(raw, issue.path);
  // What was typed where a variable NAME goes may be the secret itself: never repeated.
  if (typeof given === 'string' && isEnvNameField(issue.path)) return `${issue.message}, got a value that is not a variable name (not shown: it may be a secret)`;
  return `${ownWords(issue)}, got ${given === undefined ? 'nothing' : JSON.stringify(given)}`;
}

/**
 * The rule an issue states, in this project's words: zod's own enum and type messages already end with what was
 * received ("Invalid enum value. Expected 'a' | 'b', received 'c'"), which the `got` part would say twice.
 */
function ownWords(issue: ZodIssue): string {
  if (issue.code === 'invalid_enum_value' && issue.message.startsWith('Invalid enum value')) return `must be one of ${issue.options.map((option) => JSON.stringify(option)).join(', ')}`;
  if (issue.code === 'invalid_type' && issue.message === 'Required') return 'is required';
  if (issue.code === 'invalid_type' && issue.message.startsWith('Expected ')) return `must be ${withArticle(issue.expected)}`;
  return issue.message;
}

function withArticle(type: string): string {
  return /^(array|object|integer)$/.test(type) ? `an ${type}` : `a ${type}`;
}

function valueAt(raw: unknown, path: readonly (string | number)[]): unknown {
  let current: unknown = raw;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

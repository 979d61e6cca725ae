import type { IConstruct } from 'constructs';
import { ENV_VAR_NAME } from '../resources/connection';
import { Token } from './cdktf';
import { ValidationError } from './errors';

/**
 * One synth-time check of a construct's props, as data.
 *
 * The runner reads the value with `value`, skips the rule when that value is an unresolved Terraform
 * token (it is only known at apply time), and otherwise reports
 * `<field> <message>, got <got(value)>` when `condition` returns false.
 */
export interface ValidationRule<P> {
  /** The prop the rule checks, camelCase as the user wrote it (e.g. `rpoMinutes`, `pointInTime.days`). */
  readonly field: string;
  /** Reads the value to check from the props. */
  readonly value: (props: P) => unknown;
  /** True when the value is acceptable. Never called with an unresolved token. */
  readonly condition: (value: unknown, props: P) => boolean;
  /** What is allowed, e.g. `must be an integer between 5 and 1440 minutes`. */
  readonly message: string;
  /**
   * How the value given is shown after `got`.
   * @default - `describeValue(value)`: numbers as is, strings quoted, objects as JSON
   */
  readonly got?: (value: unknown, props: P) => string;
}

/**
 * Runs every rule and throws ONE ValidationError listing every violation, or returns quietly.
 * @param subject what is validated, e.g. `repliform/VrReplication`
 * @param scope the construct (its path is named in every message); omit for unscoped values
 */
export function validateProps<P>(subject: string, props: P, rules: ReadonlyArray<ValidationRule<P>>, scope?: IConstruct): void {
  const violations: string[] = [];
  for (const rule of rules) {
    const value = rule.value(props);
    if (isUnresolved(value)) continue;
    if (rule.condition(value, props)) continue;
    const got = rule.got ? rule.got(value, props) : describeValue(value);
    violations.push(`${rule.field} ${rule.message}, got ${got}`);
  }
  if (violations.length > 0) {
    throw new ValidationError(subject, violations, scope);
  }
}

/** True for a Terraform token (string, number or list) that is only resolved at apply time. */
export function isUnresolved(value: unknown): boolean {
  return value !== undefined && value !== null && Token.isUnresolved(value);
}

/** Renders a value for a message: `3`, `'text'`, `nothing`, `["a","b"]`. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return `'${value}'`;
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}

/** An integer in [min, max]. */
export function isIntegerBetween(value: unknown, min: number, max: number): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}

/** A string with at least one non-blank character. */
export function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.trim().length > 0;
}

/** undefined, or a non-empty string (optional name props). */
export function isAbsentOrNonEmptyString(value: unknown): boolean {
  return value === undefined || isUnresolved(value) || isNonEmptyString(value);
}

/** An absolute http:// or https:// URL with a host. */
export function isHttpUrl(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.length > 0;
  } catch {
    return false;
  }
}

/** A shell-safe environment variable name: `[A-Za-z_][A-Za-z0-9_]*`. */
export function isEnvVarName(value: unknown): boolean {
  return typeof value === 'string' && ENV_VAR_NAME.test(value);
}

/** The values listed more than once (tokens skipped), each once, in order of their second appearance. */
export function repeatedValues<T>(values: readonly T[]): T[] {
  const seen = new Set<T>();
  const repeated = new Set<T>();
  for (const value of values) {
    if (isUnresolved(value)) continue;
    if (seen.has(value)) repeated.add(value);
    seen.add(value);
  }
  return [...repeated];
}

/** Exactly one of the values is set (not undefined). */
export function exactlyOne(...values: unknown[]): boolean {
  return values.filter((v) => v !== undefined).length === 1;
}

/** A message part describing which of two exclusive props were given. */
export function describeExclusive(names: readonly [string, string], values: readonly [unknown, unknown]): string {
  const [a, b] = values;
  if (a === undefined && b === undefined) return 'neither';
  return `both (${names[0]} ${describeValue(a)}, ${names[1]} ${describeValue(b)})`;
}

/** Text used by every env-var-name rule. */
export const ENV_VAR_NAME_MESSAGE = 'must be an environment variable name matching [A-Za-z_][A-Za-z0-9_]*';

/**
 * Characters Terraform would interpret inside synthesized strings: template sequences (`${`, `%{`),
 * and, for the null_resource backing whose specs are HCL expressions, double quotes, backslashes and
 * control characters.
 */
const TERRAFORM_UNSAFE = /\$\{|%\{|["\\]|[\u0000-\u001f\u007f]/;

/** True unless the value is a literal string (or a list or map of them) containing {@link TERRAFORM_UNSAFE}. */
export function isTerraformSafe(value: unknown): boolean {
  if (value === undefined || value === null || isUnresolved(value)) return true;
  if (typeof value === 'string') return !TERRAFORM_UNSAFE.test(value);
  if (Array.isArray(value)) return value.every(isTerraformSafe);
  if (typeof value === 'object') return Object.entries(value).every(([k, v]) => isTerraformSafe(k) && isTerraformSafe(v));
  return true;
}

/**
 * One rule per string field rejecting what Terraform would interpret (`${`, `%{`, `"`, `\`, control characters).
 * @internal
 */
export function terraformSafeRules<P>(fields: ReadonlyArray<readonly [string, (props: P) => unknown]>): Array<ValidationRule<P>> {
  return fields.map(([field, value]) => ({
    field,
    value,
    condition: isTerraformSafe,
    message: 'must not contain ${, %{, double quotes, backslashes or control characters (Terraform would interpret them)',
  }));
}

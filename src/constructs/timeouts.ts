import { Op } from './cdktf';
import { describeValue, isUnresolved, type ValidationRule } from './validation';

/**
 * Minutes (as users write them) → seconds (as the CLI reads them). A token is multiplied in Terraform.
 * @internal
 */
export function minutesToSeconds(minutes: number): number {
  return isUnresolved(minutes) ? Op.mul(minutes, 60) : minutes * 60;
}

/**
 * Rules for `timeouts.<name>Minutes` props: positive integers when given.
 * @internal
 */
export function timeoutRules<P, T extends object>(
  get: (props: P) => T | undefined,
  names: ReadonlyArray<keyof T & string>,
): Array<ValidationRule<P>> {
  return names.map((name) => ({
    field: `timeouts.${name}`,
    value: (p: P): unknown => {
      const timeouts = get(p);
      return timeouts === undefined ? undefined : timeouts[name];
    },
    condition: (v: unknown) => v === undefined || (typeof v === 'number' && Number.isInteger(v) && v > 0),
    message: 'must be a positive integer number of minutes',
    got: (v: unknown) => describeValue(v),
  }));
}

/** `createMinutes` → `create_seconds`. */
type SecondsKey<K> = K extends `${infer Action}Minutes` ? `${Action}_seconds` : never;

/** A construct's `timeouts` prop as the spec carries it: `{ create_seconds, … }`, every wait set. */
export type TimeoutsSpec<T> = { [K in keyof T as SecondsKey<K>]-?: number };

/**
 * The spec's `timeouts` block: each `<action>Minutes` given (else its default) as `<action>_seconds`, in the
 * defaults' order.
 * @internal
 */
export function timeoutsToSpec<T extends object>(given: T | undefined, defaults: { readonly [K in keyof T]-?: number }): TimeoutsSpec<T> {
  const entries = (Object.keys(defaults) as Array<keyof T & string>).map((name) => {
    const minutes: unknown = given?.[name];
    return [name.replace(/Minutes$/, '_seconds'), minutesToSeconds(typeof minutes === 'number' ? minutes : defaults[name])];
  });
  return Object.fromEntries(entries) as TimeoutsSpec<T>;
}

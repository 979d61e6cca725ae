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

import type { IConstruct } from 'constructs';

const VALIDATION_ERROR_SYMBOL = Symbol.for('repliform.constructs.ValidationError');

/**
 * Thrown at synth time when construct props are invalid. One error per construct lists every
 * violation, one per line, each naming the construct path, the field, what is allowed and the value given.
 */
export class ValidationError extends Error {
  /**
   * True if `x` is a ValidationError, also when two copies of this library are loaded.
   */
  public static isValidationError(x: unknown): x is ValidationError {
    return typeof x === 'object' && x !== null && VALIDATION_ERROR_SYMBOL in x;
  }

  /** The path of the construct whose props are invalid; undefined for unscoped values (policies). */
  public readonly constructPath: string | undefined;
  /** Every violation, without the construct prefix (e.g. `rpoMinutes must be … got 3`). */
  public readonly violations: readonly string[];

  constructor(subject: string, violations: readonly string[], scope?: IConstruct) {
    const prefix = scope ? `${subject} at '${scope.node.path}'` : subject;
    super(violations.map((v) => `${prefix}: ${v}`).join('\n'));
    Object.setPrototypeOf(this, new.target.prototype);
    Object.defineProperty(this, VALIDATION_ERROR_SYMBOL, { value: true });
    this.name = new.target.name;
    this.constructPath = scope?.node.path;
    this.violations = violations;
  }
}

import type { IConstruct } from 'constructs';
import { inspect } from 'node:util';

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
    reportUncaughtValidationErrors();
  }
}

let reporterInstalled = false;

/**
 * A user's `node main.js` (or `cdktf synth`, which runs it) that dies of a ValidationError prints its message
 * alone — the construct path, the field, what is allowed, the value given — and exits with 1, instead of
 * Node's source excerpt, stack trace and version banner around it.
 *
 * The listener is added when the first ValidationError is made (never when none is), and it steps aside
 * whenever the program has uncaught-exception listeners of its own (a test runner, a CLI framework). Any
 * other uncaught error is printed as Node prints it (its stack) with the same exit code 1.
 */
function reportUncaughtValidationErrors(): void {
  if (reporterInstalled || typeof process === 'undefined' || typeof process.on !== 'function') return;
  reporterInstalled = true;
  const listener = (error: unknown): void => {
    if (process.listenerCount('uncaughtException') > 1) return;
    const text = ValidationError.isValidationError(error) ? error.message : error instanceof Error ? (error.stack ?? String(error)) : inspect(error);
    process.stderr.write(`${text}\n`);
    process.exit(1);
  };
  process.on('uncaughtException', listener);
}

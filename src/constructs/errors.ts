import type { IConstruct } from 'constructs';
import { dirname, join, sep } from 'node:path';

const VALIDATION_ERROR_SYMBOL = Symbol.for('repliform.constructs.ValidationError');

/**
 * This library's code: its compiled files (…/repliform/dist/src/) and the sources their maps point at
 * (…/repliform/src/, as ts-node and tsx print frames). Its frames tell the user nothing.
 */
const PACKAGE_ROOT = dirname(dirname(__dirname.endsWith(join('dist', 'src', 'constructs')) ? dirname(__dirname) : __dirname));
const LIBRARY_CODE = [join(PACKAGE_ROOT, 'src') + sep, join(PACKAGE_ROOT, 'dist', 'src') + sep];

/**
 * Thrown at synth time when construct props are invalid. One error per construct lists every
 * violation, one per line, each naming the construct path, the field, what is allowed and the value given.
 *
 * The library installs no process-wide handler (a library must not: runners such as ts-node count on their own).
 * An app that does not catch it dies the way Node reports any uncaught error — exit code 1, on stderr — and the
 * error is shaped for that report: its stack is the message followed only by the app's own frames (where in the
 * user's code the construct was made), and its extra fields are not enumerable, so Node prints nothing else.
 */
export class ValidationError extends Error {
  /**
   * True if `x` is a ValidationError, also when two copies of this library are loaded.
   */
  public static isValidationError(x: unknown): x is ValidationError {
    return typeof x === 'object' && x !== null && VALIDATION_ERROR_SYMBOL in x;
  }

  /** The path of the construct whose props are invalid; undefined for unscoped values (policies). */
  public declare readonly constructPath: string | undefined;
  /** Every violation, without the construct prefix (e.g. `rpoMinutes must be … got 3`). */
  public declare readonly violations: readonly string[];

  constructor(subject: string, violations: readonly string[], scope?: IConstruct) {
    const prefix = scope ? `${subject} at '${scope.node.path}'` : subject;
    super(violations.map((v) => `${prefix}: ${v}`).join('\n'));
    Object.setPrototypeOf(this, new.target.prototype);
    Object.defineProperty(this, VALIDATION_ERROR_SYMBOL, { value: true });
    Object.defineProperty(this, 'name', { value: new.target.name, enumerable: false, configurable: true, writable: true });
    Object.defineProperty(this, 'constructPath', { value: scope?.node.path, enumerable: false });
    Object.defineProperty(this, 'violations', { value: violations, enumerable: false });
    Object.defineProperty(this, 'stack', { value: userFacingStack(this), enumerable: false, configurable: true, writable: true });
  }
}

/** The message, then the stack frames outside this library (none inside it tell the user anything). */
function userFacingStack(error: Error): string {
  const frames = (error.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line));
  const own = frames.filter((line) => !LIBRARY_CODE.some((code) => line.includes(code)) && !/node:internal|[/\\]node_modules[/\\]/.test(line));
  return [`${error.name}: ${error.message}`, ...own].join('\n');
}

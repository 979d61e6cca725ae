/**
 * Errors a handler raises for input it cannot act on. The CLI maps them to exit code 2 ("bad input"),
 * everything else to exit code 1. Messages are one line: the field, what is allowed, what was given.
 */
const INPUT_ERROR = Symbol.for('repliform.InputError');

export class InputError extends Error {
  /** The spec field (dotted path) the problem is about, e.g. `settings.rpo_minutes`. */
  readonly field: string;

  constructor(field: string, message: string) {
    super(`${field}: ${message}`);
    Object.setPrototypeOf(this, new.target.prototype);
    this.name = new.target.name;
    this.field = field;
    Object.defineProperty(this, INPUT_ERROR, { value: true });
  }
}

export function isInputError(error: unknown): error is InputError {
  return typeof error === 'object' && error !== null && INPUT_ERROR in error;
}

/** "a", "b" and 3 more: keeps lists of candidates in one-line messages short. */
export function listForMessage(values: readonly string[], max = 8): string {
  if (values.length === 0) return '(none)';
  const shown = values.slice(0, max).map((v) => JSON.stringify(v));
  const more = values.length - shown.length;
  return more > 0 ? `${shown.join(', ')} and ${more} more` : shown.join(', ');
}

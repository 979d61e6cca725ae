/**
 * The exit codes of `repliform drill`, for a CI job to act on. A leftover of the cleanup outranks everything: it is
 * the one a human must act on now.
 *
 * Calls no endpoint.
 */
export const DRILL_EXIT = {
  /** Every VM recovered (or, VR, its replica stands) within its RPO and RTO, every check passed, nothing left. */
  passed: 0,
  /** The drill could not run to a verdict: an API or connection error, or interrupted (Ctrl-C, SIGTERM). Nothing left. */
  error: 1,
  /** Bad input: options, the stack directory, credentials' variables. Nothing was started. */
  badInput: 2,
  /** The drill ran and failed: preflight not met, a recovery failed or timed out, a check failed, an RPO or RTO not achieved. */
  failed: 3,
  /** The cleanup left something behind (the report says what and how to remove it). */
  leftovers: 4,
  /** Refused: another drill of the same group or replication is running (named); nothing was started. */
  refused: 5,
} as const;

export const DRILL_EXIT_HELP = [
  'Exit codes:',
  '  0  passed: every VM recovered within its RPO and RTO and passed its checks; cleanup complete',
  '  1  error or interrupted: no verdict (API or connection error, Ctrl-C/SIGTERM); cleanup complete',
  '  2  bad input: nothing was started',
  '  3  drill failed: preflight not met, recovery failed or timed out, a check failed, RPO or RTO not achieved',
  '  4  cleanup left something behind: the report says what and how to remove it (outranks the others)',
  '  5  refused: another drill of the same group or replication is running; nothing was started',
].join('\n');

/**
 * The provider's log: one hclog JSON object per stderr line, the format go-plugin re-logs at its own level.
 *
 * What Terraform does with a provider's stderr (read in hashicorp/go-plugin, client.go `logStderr` and
 * log_entry.go `parseJSON`, v1.6.0 — the version Terraform 1.11.4 links — and the main branch of 2026-08):
 * - a line that parses as JSON is re-logged under the plugin's name (`provider.terraform-provider-repliform_v…`)
 *   at its "@level" (hclog names: trace, debug, info, warn, error) with "@message" as the message; "@timestamp"
 *   must have the layout `2006-01-02T15:04:05.000000Z07:00` (exactly six fractional digits) or the whole line
 *   counts as not JSON; every other key ("@module" included) becomes a key=value pair of the re-logged line;
 * - any other line is logged at debug (or at the level of a `[WARN]`-style prefix), so plain text never shows
 *   at TF_LOG=warn;
 * - a line longer than go-plugin's read buffer (64 KiB) is cut and its pieces logged raw at debug.
 *
 * The threshold is Terraform's own (hashicorp/terraform internal/logging/logging.go `providerLogLevel`): the
 * provider logger's level is TF_LOG_PROVIDER, else TF_LOG; unset means Off (everything the plugin writes is
 * dropped), JSON means TRACE, an unknown name means TRACE. go-plugin starts the plugin with Terraform's whole
 * environment, so the provider reads the same variables and produces nothing Terraform would drop.
 *
 * Calls no endpoint.
 */
import type * as grpc from '@grpc/grpc-js';
import { performance } from 'node:perf_hooks';
import { format } from 'node:util';
import type { RequestLogEntry } from '../../lib/client/http/http-client';
import type { Logger, ProgressReporter } from '../resources/contract';

export type HclogLevel = 'trace' | 'debug' | 'info' | 'warn' | 'error';
/** The least level written; 'off' writes nothing but fatal errors. */
export type LogThreshold = HclogLevel | 'off';
export type LogFields = Readonly<Record<string, string | number | boolean | undefined>>;

export const LOG_MODULE = 'repliform';

const ORDER: Record<LogThreshold, number> = { trace: 0, debug: 1, info: 2, warn: 3, error: 4, off: 5 };
/** Message and field caps that keep a line well under go-plugin's 64 KiB read buffer. */
const MAX_MESSAGE_CHARS = 12_000;
const MAX_FIELD_CHARS = 2_000;

/** Terraform's provider log level, from the environment it starts the provider with. */
export function thresholdFrom(env: NodeJS.ProcessEnv): LogThreshold {
  const wanted = (env.TF_LOG_PROVIDER || env.TF_LOG || '').toLowerCase();
  if (wanted === '') return 'off';
  return isThreshold(wanted) ? wanted : 'trace';
}

function isThreshold(name: string): name is LogThreshold {
  return Object.hasOwn(ORDER, name);
}

/** hclog's JSON timestamp: UTC, microseconds. `epochMs` may carry a fraction of a millisecond. */
export function hclogTimestamp(epochMs: number): string {
  const micros = Math.round(epochMs * 1000);
  const wholeMs = Math.floor(micros / 1000);
  const extraMicros = String(micros - wholeMs * 1000).padStart(3, '0');
  return `${new Date(wholeMs).toISOString().slice(0, 23)}${extraMicros}Z`;
}

function capped(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max)}… (${text.length - max} more characters)`;
}

/** One line (no newline): the four hclog keys, then the fields in key order, as hclog's json.Marshal writes them. */
export function hclogLine(level: HclogLevel, message: string, fields: LogFields, epochMs: number): string {
  const extra = Object.keys(fields)
    .filter((key) => !key.startsWith('@') && fields[key] !== undefined)
    .sort()
    .map((key) => {
      const value = fields[key];
      return [key, typeof value === 'string' ? capped(value, MAX_FIELD_CHARS) : value];
    });
  return JSON.stringify({
    '@level': level,
    '@message': capped(message, MAX_MESSAGE_CHARS),
    '@module': LOG_MODULE,
    '@timestamp': hclogTimestamp(epochMs),
    ...Object.fromEntries(extra),
  });
}

/** Milliseconds since the epoch with a sub-millisecond fraction. */
function preciseNow(): number {
  return performance.timeOrigin + performance.now();
}

export interface HclogLogger extends Logger {
  readonly threshold: LogThreshold;
  /** Whether a line at `level` would be written (so callers can skip building it). */
  enabled(level: HclogLevel): boolean;
  log(level: HclogLevel, message: string, fields?: LogFields): void;
  trace(message: string, fields?: LogFields): void;
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
  /** What the process dies of, at error: written whatever the threshold (Terraform drops it when its level is Off). */
  fatal(message: string, fields?: LogFields): void;
  /** One HTTP request of a client (already redacted by the HTTP layer), at debug. */
  request(entry: RequestLogEntry): void;
}

export function createHclogLogger(
  threshold: LogThreshold,
  write: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
  now: () => number = preciseNow,
): HclogLogger {
  const enabled = (level: HclogLevel) => ORDER[level] >= ORDER[threshold];
  const log = (level: HclogLevel, message: string, fields: LogFields = {}) => {
    if (enabled(level)) write(hclogLine(level, message, fields, now()));
  };
  return {
    threshold,
    enabled,
    log,
    trace: (message, fields) => log('trace', message, fields),
    debug: (message, fields) => log('debug', message, fields),
    info: (message, fields) => log('info', message, fields),
    warn: (message, fields) => log('warn', message, fields),
    error: (message, fields) => log('error', message, fields),
    fatal: (message, fields = {}) => write(hclogLine('error', message, fields, now())),
    request: (entry) => {
      if (!enabled('debug')) return;
      const status = entry.status === 0 ? 'no response' : String(entry.status);
      log('debug', `${entry.method} ${entry.path} ${status} ${Math.round(entry.durationMs)}ms`, {
        method: entry.method,
        path: entry.path,
        status: entry.status,
        duration_ms: Math.round(entry.durationMs),
        attempt: entry.attempt,
        op_id: entry.opId,
        error_code: entry.errorCode,
        retry_in_ms: entry.retryInMs,
      });
    },
  };
}

/** Task waits: their start and outcome at info, every poll at debug. */
export function hclogProgress(logger: HclogLogger, now: () => number = Date.now): ProgressReporter {
  let label = '';
  let startedAt = 0;
  const seconds = () => Math.round((now() - startedAt) / 1000);
  return {
    start(newLabel) {
      label = newLabel;
      startedAt = now();
      logger.info(`${label}: started`, { wait: label });
    },
    update(percent, detail) {
      if (!logger.enabled('debug')) return;
      const text = [percent === undefined ? undefined : `${Math.round(percent)}%`, detail].filter(Boolean).join(' ') || 'waiting';
      logger.debug(`${label}: ${text}`, { wait: label, percent: percent === undefined ? undefined : Math.round(percent), detail, elapsed_s: seconds() });
    },
    stop(outcome) {
      logger.info(`${label}: ${outcome}`, { wait: label, outcome, elapsed_s: seconds() });
    },
  };
}

/**
 * grpc-js errors that it also throws to its caller, who handles them: serve.ts skips a port in use (go-plugin's
 * range scan), so these are logged at debug, not as errors.
 */
const GRPC_ERRORS_THE_CALLER_GETS = [/^No address added out of total \d+ resolved$/];

/**
 * grpc-js logs only its errors (whatever GRPC_VERBOSITY says: its debug and info lines are tracing Terraform
 * never asks for), and through `logger` rather than console.error's plain text.
 */
export function routeGrpcLogs(grpcModule: Pick<typeof grpc, 'setLogger' | 'setLogVerbosity' | 'logVerbosity'>, logger: HclogLogger): void {
  const at = (level: HclogLevel) => (...args: unknown[]) => {
    const message = format(...args);
    const handled = level === 'error' && GRPC_ERRORS_THE_CALLER_GETS.some((pattern) => pattern.test(message));
    logger.log(handled ? 'debug' : level, `grpc-js: ${message}`);
  };
  grpcModule.setLogger({ error: at('error'), info: at('info'), debug: at('debug') });
  grpcModule.setLogVerbosity(grpcModule.logVerbosity.ERROR);
}

/** What routeConsole replaces of `console`. */
export interface ConsoleMethods {
  log(...args: unknown[]): void;
  info(...args: unknown[]): void;
  warn(...args: unknown[]): void;
  error(...args: unknown[]): void;
  debug(...args: unknown[]): void;
}

/** console.* (a stray console.log, a library's console.warn) as log lines: never plain text, never on stdout. */
export function routeConsole(target: ConsoleMethods, logger: HclogLogger): void {
  const at = (level: HclogLevel) => (...args: unknown[]) => logger.log(level, format(...args));
  target.log = at('info');
  target.info = at('info');
  target.warn = at('warn');
  target.error = at('error');
  target.debug = at('debug');
}

/** What routeProcessWarnings needs of `process`. */
export interface WarningSource {
  removeAllListeners(event: 'warning'): unknown;
  on(event: 'warning', listener: (warning: Error) => void): unknown;
}

/** Node's own warnings (deprecations, NODE_TLS_REJECT_UNAUTHORIZED…) as warn lines instead of `(node:PID) …` text. */
export function routeProcessWarnings(source: WarningSource, logger: HclogLogger): void {
  source.removeAllListeners('warning');
  source.on('warning', (warning) => logger.warn(`node: ${warning.name}: ${warning.message}`, { warning: warning.name }));
}

/**
 * Log lines on stderr, for the CLI (stdout carries its JSON result; the provider writes hclog JSON lines instead:
 * src/provider/hclog.ts). REPLIFORM_LOG=debug adds one line per HTTP request:
 * method, path, status, duration, op id — already redacted by the HTTP layer.
 */
import type { RequestLogEntry } from '../../lib/client/http/http-client';
import type { Logger } from '../resources/contract';

export type LogLevel = 'debug' | 'info' | 'warn' | 'quiet';

const ORDER: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, quiet: 3 };

export function logLevelFrom(env: NodeJS.ProcessEnv): LogLevel {
  const wanted = (env.REPLIFORM_LOG ?? 'info').toLowerCase();
  return wanted in ORDER ? (wanted as LogLevel) : 'info';
}

export interface ProcessLogger extends Logger {
  readonly level: LogLevel;
  request(entry: RequestLogEntry): void;
}

export function createLogger(level: LogLevel, write: (line: string) => void = (line) => process.stderr.write(`${line}\n`)): ProcessLogger {
  const emit = (at: LogLevel, prefix: string, message: string) => {
    if (ORDER[at] >= ORDER[level]) write(`repliform${prefix}: ${message}`);
  };
  return {
    level,
    info: (message) => emit('info', '', message),
    warn: (message) => emit('warn', ' warning', message),
    debug: (message) => emit('debug', ' debug', message),
    request: (entry) => {
      const status = entry.status === 0 ? 'no response' : String(entry.status);
      const opId = entry.opId ? ` op_id=${entry.opId}` : '';
      const attempt = entry.attempt > 1 ? ` attempt=${entry.attempt}` : '';
      emit('debug', ' debug', `${entry.method} ${entry.path} ${status} ${Math.round(entry.durationMs)}ms${opId}${attempt}`);
    },
  };
}

/**
 * Per-process figures for the benchmark: when REPLIFORM_METRICS_FILE is set, each lifecycle process and each
 * provider process appends one JSON line (start-up time, total time, peak memory, request counts). Off by
 * default; nothing secret.
 */
import { appendFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

export interface ProcessMetrics {
  readonly action: string;
  readonly kind: string;
  readonly exitCode: number;
  /** From process start until the lifecycle action began: Node start-up plus module loading. */
  readonly startupMs: number;
  readonly totalMs: number;
  readonly maxRssKb: number;
  /** CPU time (user + system) the process used: on a small machine, the deploy's real limit. */
  readonly cpuMs: number;
  readonly requests?: number;
  readonly retries?: number;
  readonly logins?: number;
  readonly taskPolls?: number;
  /** The native provider: how many resource calls (validate, plan, apply, read, import) it answered. */
  readonly resourceActions?: number;
}

export function metricsFile(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env.REPLIFORM_METRICS_FILE || undefined;
}

/** Milliseconds since this process started. */
export function sinceProcessStart(): number {
  return performance.now();
}

export function appendMetrics(file: string, metrics: ProcessMetrics): void {
  appendFileSync(file, `${JSON.stringify({ pid: process.pid, ...metrics })}\n`);
}

export function cpuTimeMs(): number {
  const usage = process.cpuUsage();
  return Math.round((usage.user + usage.system) / 1000);
}

export function peakMemoryKb(): number {
  return process.resourceUsage().maxRSS;
}

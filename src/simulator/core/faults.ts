/**
 * Fault injection (modelled on vcsim's fault_injection.go): rules match a method, a path pattern (relative
 * to the base path of the service the request is for) and optionally the service's name, optionally with a probability (seeded random), a skip count (let the first N matches
 * through) and a max count. A matching rule can delay, reset the connection, answer with a status (and
 * Retry-After), make the task the request creates end failed (`taskError`; which task is the service's call), or make every task the
 * request creates end CANCELLED (`taskCancel`), or drop every session of the service first (`expireSessions`: the request
 * and every later one with an old session answer 401, as when an appliance's sessions time out). Faults are decided before the request is handled, so an injected
 * 503 changes nothing. A path must start with `/` (or `^/` for a regex): anything else could never match.
 *
 * Endpoints served: none (the admin API in admin.ts exposes POST/DELETE /_sim/faults).
 */
import { isRecord } from './http';
import type { RandomSource } from './runtime';

export interface FaultRule {
  id?: string;
  /** Name of the mounted service (`vr`, …) whose requests the rule matches; omitted = any service. */
  service?: string;
  /** HTTP method; omitted or '*' = any. */
  method?: string;
  /** Glob (`*` = one path segment, `**` = anything) or regex (`^…` or `/…/flags`) on the path after the API root. */
  path: string;
  /** 0..1, default 1. */
  probability?: number;
  /** Maximum number of injections. */
  count?: number;
  /** Let the first N matching requests through. */
  skip?: number;
  status?: number;
  retryAfterSeconds?: number;
  delayMs?: number;
  /** Destroy the socket (connection reset) before the request is handled: nothing changes. */
  reset?: boolean;
  /** Handle the request, then destroy the socket: the change lands but the client never hears (a lost response). */
  dropResponse?: boolean;
  body?: { error_code?: string; message?: string };
  /** The task the matching request creates ends failed with this message (VR: its configure/reconfigure task; the service decides). */
  taskError?: string;
  /**
   * Every task created by the matching request ends CANCELLED instead of doing its work: `true` (no error
   * message, like a task cancelled in the vSphere Client) or the message the cancelled task carries.
   */
  taskCancel?: boolean | string;
  /**
   * Drop every session of the service before the request is handled: it (and every later call with an old
   * session) is answered 401, as when the appliance's sessions time out. Deterministic, unlike a timer.
   */
  expireSessions?: boolean;
}

export interface FaultRuleStats {
  id: string;
  /** Requests that matched method and path. */
  matched: number;
  /** Matches let through because of `skip`. */
  skipped: number;
  /** Faults injected. */
  hits: number;
}

/** What to do to one request: the effect fields of the rule that fired. */
export type FaultDecision = Pick<FaultRule, 'status' | 'retryAfterSeconds' | 'delayMs' | 'reset' | 'dropResponse' | 'body' | 'taskError' | 'expireSessions'> & {
  ruleId: string;
  /** Set when the tasks this request creates must end CANCELLED: the message they carry, or undefined for none. */
  taskCancel?: { message?: string };
};

interface ActiveRule {
  rule: FaultRule & { id: string };
  pattern: RegExp;
  stats: FaultRuleStats;
}

function escapeRegex(text: string): string {
  return text.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
}

/** Turns a glob or regex string into a RegExp over the path after the service's base path. */
export function compilePathPattern(pattern: string): RegExp {
  const slashed = /^\/(.+)\/([a-z]*)$/.exec(pattern);
  if (slashed && /[\\^$()|[\]]/.test(slashed[1])) return new RegExp(slashed[1], slashed[2]);
  if (pattern.startsWith('^')) return new RegExp(pattern);
  const body = pattern
    .split('**')
    .map((part) => part.split('*').map(escapeRegex).join('[^/]*'))
    .join('.*');
  return new RegExp(`^${body}/?$`);
}

function optionalNumber(rule: Record<string, unknown>, name: string, min: number, max = Infinity): void {
  const value = rule[name];
  if (value === undefined) return;
  if (typeof value !== 'number' || Number.isNaN(value) || value < min || value > max) {
    throw new Error(`fault rule field '${name}' must be a number between ${min} and ${max}`);
  }
}

const PATH_FORMS = "a glob such as '/pairings/*/replications', a regex '^/…' or '/…/flags'";

/** The path is matched against the path after the base path, which always starts with '/'. */
function checkPath(path: unknown): string {
  if (typeof path !== 'string' || path === '') throw new Error(`fault rule field 'path' is required: ${PATH_FORMS}`);
  if (!path.startsWith('/') && !path.startsWith('^/')) {
    throw new Error(`fault rule field 'path' must start with '/' (${PATH_FORMS}), got '${path}'`);
  }
  return path;
}

/** Validates an unknown value (from JSON) as a fault rule; throws with a message naming the field. */
export function parseFaultRule(value: unknown): FaultRule {
  if (!isRecord(value)) throw new Error('a fault rule must be an object');
  const path = checkPath(value.path);
  for (const name of ['id', 'service', 'method', 'taskError']) {
    if (value[name] !== undefined && typeof value[name] !== 'string') {
      throw new Error(`fault rule field '${name}' must be a string`);
    }
  }
  optionalNumber(value, 'probability', 0, 1);
  optionalNumber(value, 'count', 0);
  optionalNumber(value, 'skip', 0);
  optionalNumber(value, 'status', 100, 599);
  optionalNumber(value, 'retryAfterSeconds', 0);
  optionalNumber(value, 'delayMs', 0);
  for (const name of ['reset', 'dropResponse', 'expireSessions']) {
    if (value[name] !== undefined && typeof value[name] !== 'boolean') throw new Error(`fault rule field '${name}' must be a boolean`);
  }
  const cancel = value.taskCancel;
  if (cancel !== undefined && typeof cancel !== 'boolean' && (typeof cancel !== 'string' || cancel === '')) {
    throw new Error("fault rule field 'taskCancel' must be true or a non-empty message");
  }
  if (cancel !== undefined && cancel !== false && value.taskError !== undefined) {
    throw new Error("fault rule fields 'taskError' and 'taskCancel' exclude each other: a task ends ERROR or CANCELLED");
  }
  if (value.body !== undefined && !isRecord(value.body)) throw new Error("fault rule field 'body' must be an object");
  compilePathPattern(path);
  return value as unknown as FaultRule;
}

export function parseFaultRules(value: unknown): FaultRule[] {
  const list = Array.isArray(value) ? value : [value];
  return list.map((item, index) => {
    try {
      return parseFaultRule(item);
    } catch (error) {
      throw new Error(`rule [${index}]: ${(error as Error).message}`);
    }
  });
}

export class FaultInjector {
  private rules: ActiveRule[] = [];
  private nextId = 1;

  /** `services`: the names of the mounted services, which a rule's `service` must be one of. */
  constructor(
    private readonly random: RandomSource,
    private readonly services: () => readonly string[] = () => [],
  ) {}

  /** Throws a message naming the field when the rule's `service` is not mounted. */
  checkService(rule: FaultRule): void {
    const known = this.services();
    if (rule.service === undefined || known.includes(rule.service)) return;
    throw new Error(`fault rule field 'service' must be one of ${known.join(', ')}, got '${rule.service}'`);
  }

  addRule(rule: FaultRule): string {
    const parsed = parseFaultRule(rule);
    this.checkService(parsed);
    const id = parsed.id ?? `rule-${this.nextId++}`;
    this.rules.push({
      rule: { ...parsed, id },
      pattern: compilePathPattern(parsed.path),
      stats: { id, matched: 0, skipped: 0, hits: 0 },
    });
    return id;
  }

  removeRule(id: string): boolean {
    const before = this.rules.length;
    this.rules = this.rules.filter((active) => active.rule.id !== id);
    return this.rules.length !== before;
  }

  clearRules(): void {
    this.rules = [];
  }

  listRules(): FaultRule[] {
    return this.rules.map((active) => ({ ...active.rule }));
  }

  stats(): FaultRuleStats[] {
    return this.rules.map((active) => ({ ...active.stats }));
  }

  /** The first rule that fires for this request, with its stats updated; undefined = no fault. */
  decide(service: string, method: string, apiPath: string): FaultDecision | undefined {
    for (const active of this.rules) {
      if (!this.matches(active, service, method, apiPath)) continue;
      active.stats.matched += 1;
      if (active.stats.matched <= (active.rule.skip ?? 0)) {
        active.stats.skipped += 1;
        continue;
      }
      if (active.rule.count !== undefined && active.stats.hits >= active.rule.count) continue;
      if (this.random() >= (active.rule.probability ?? 1)) continue;
      active.stats.hits += 1;
      return this.toDecision(active.rule);
    }
    return undefined;
  }

  private matches(active: ActiveRule, service: string, method: string, apiPath: string): boolean {
    if (active.rule.service !== undefined && active.rule.service !== service) return false;
    const wantedMethod = active.rule.method?.toUpperCase();
    if (wantedMethod && wantedMethod !== '*' && wantedMethod !== method.toUpperCase()) return false;
    return active.pattern.test(apiPath);
  }

  private toDecision(rule: FaultRule & { id: string }): FaultDecision {
    return {
      ruleId: rule.id,
      status: rule.status,
      retryAfterSeconds: rule.retryAfterSeconds,
      delayMs: rule.delayMs,
      reset: rule.reset,
      dropResponse: rule.dropResponse,
      body: rule.body,
      taskError: rule.taskError,
      taskCancel: cancelOf(rule.taskCancel),
      expireSessions: rule.expireSessions,
    };
  }
}

function cancelOf(taskCancel: FaultRule['taskCancel']): FaultDecision['taskCancel'] {
  if (taskCancel === undefined || taskCancel === false) return undefined;
  return taskCancel === true ? {} : { message: taskCancel };
}

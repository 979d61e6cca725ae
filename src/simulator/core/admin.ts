/**
 * The simulator's admin HTTP API (part of no vendor's API), so tests and tools in other processes can inspect
 * and drive a running simulator. Each mounted service adds its own routes (drift by hand, …) under
 * `/_sim/<service>/…`; the first service mounted (VR by default) also answers at `/_sim/…` without the prefix.
 * Errors of a service's routes have that service's error body; the others `{error_code, message, op_id}`.
 *
 * Endpoints served:
 *   GET    /_sim/state                           the first service's whole state (VR: pairings, vms, replications, removedReplications, tasks, sessions)
 *   GET    /_sim/{service}/state                 one service's whole state
 *   GET    /_sim/requests                        recorded requests (credentials redacted)
 *   DELETE /_sim/requests                        clear the recorded requests
 *   GET    /_sim/faults                          {rules, stats}
 *   POST   /_sim/faults                          add a rule or an array of rules → 201 {ids}
 *   DELETE /_sim/faults                          remove every rule
 *   POST   /_sim/expire-sessions                 drop every session of every service (next call → 401)
 *   POST   /_sim/task-delay                      {taskDelayMs}
 *   *      /_sim/[{service}/]…                   the routes a service adds (VR: POST /replications/{id}/status)
 */
import { errorResponse, isRecord, simulatorErrorBody, thrownToResponse, type SimResponse } from './http';
import { parseFaultRules, type FaultRule } from './faults';
import type { RecordedRequest, SimulatorFaults } from './options';
import type { ServiceAdminRoute, SimService } from './service';

export const ADMIN_ROOT = '/_sim';

/** What the admin API drives. */
export interface AdminHost {
  readonly requests: readonly RecordedRequest[];
  clearRequests(): void;
  readonly faults: SimulatorFaults & { checkService(rule: FaultRule): void };
  expireSessions(): void;
  setTaskDelay(ms: number): void;
  /** Mounted services, the first one first. */
  readonly services: readonly SimService[];
  /** Advances every service to the clock's now. */
  advance(): void;
  /** Saves the state file (when there is one). */
  persist(): void;
}

/** Names a service cannot take: the first segment of a core admin route would be ambiguous. */
export const RESERVED_SERVICE_NAMES: readonly string[] = ['state', 'requests', 'faults', 'expire-sessions', 'task-delay'];

type CoreRoute = (host: AdminHost, body: unknown) => SimResponse;

const adminError = (status: number, code: string, message: string): SimResponse =>
  errorResponse(simulatorErrorBody, status, code, message);

function addFaults(host: AdminHost, body: unknown): SimResponse {
  let rules;
  try {
    rules = parseFaultRules(body);
    rules.forEach((rule, index) => {
      try {
        host.faults.checkService(rule);
      } catch (error) {
        throw new Error(`rule [${index}]: ${(error as Error).message}`);
      }
    });
  } catch (error) {
    return adminError(400, 'SIM.INVALID_FAULT_RULE', (error as Error).message);
  }
  return { status: 201, body: { ids: rules.map((rule) => host.faults.addRule(rule)) } };
}

function setTaskDelay(host: AdminHost, body: unknown): SimResponse {
  const value = isRecord(body) ? body.taskDelayMs : undefined;
  if (typeof value !== 'number' || value < 0) return adminError(400, 'SIM.INVALID_TASK_DELAY', "'taskDelayMs' must be a number ≥ 0");
  host.setTaskDelay(value);
  return { status: 204 };
}

function stateOf(host: AdminHost, service: SimService | undefined): SimResponse {
  if (!service) return { status: 404 };
  host.advance();
  return { status: 200, body: service.state };
}

const CORE_ROUTES: Record<string, CoreRoute> = {
  'GET /state': (host) => stateOf(host, host.services[0]),
  'GET /requests': (host) => ({ status: 200, body: host.requests }),
  'DELETE /requests': (host) => (host.clearRequests(), { status: 204 }),
  'GET /faults': (host) => ({ status: 200, body: { rules: host.faults.rules(), stats: host.faults.stats() } }),
  'POST /faults': addFaults,
  'DELETE /faults': (host) => (host.faults.clearRules(), { status: 204 }),
  'POST /expire-sessions': (host) => (host.expireSessions(), { status: 204 }),
  'POST /task-delay': setTaskDelay,
};

function runServiceRoute(host: AdminHost, service: SimService, route: ServiceAdminRoute, body: unknown, match: RegExpExecArray): SimResponse {
  try {
    host.advance();
    const response = route.handle(body, match);
    if (route.method !== 'GET' && response.status < 400) host.persist();
    return response;
  } catch (error) {
    return thrownToResponse(error, (status, code, message) => service.errorBody(status, code, message));
  }
}

function serviceRoute(host: AdminHost, service: SimService, method: string, routePath: string, body: unknown): SimResponse | undefined {
  if (method === 'GET' && routePath === '/state') return stateOf(host, service);
  for (const route of service.adminRoutes ?? []) {
    const match = route.path.exec(routePath);
    if (route.method === method && match) return runServiceRoute(host, service, route, body, match);
  }
  return undefined;
}

/** `/foo/bar` → the service named `foo` and `/bar`, when one is mounted. */
function prefixedService(host: AdminHost, adminPath: string): { service: SimService; routePath: string } | undefined {
  const match = /^\/([^/]+)(\/.*)$/.exec(adminPath);
  const service = match ? host.services.find((candidate) => candidate.name === match[1]) : undefined;
  return match && service ? { service, routePath: match[2] } : undefined;
}

export function handleAdminRequest(host: AdminHost, method: string, adminPath: string, body: unknown): SimResponse {
  const core = CORE_ROUTES[`${method} ${adminPath}`];
  if (core) {
    try {
      return core(host, body);
    } catch (error) {
      return thrownToResponse(error, simulatorErrorBody);
    }
  }
  const prefixed = prefixedService(host, adminPath);
  if (prefixed) return serviceRoute(host, prefixed.service, method, prefixed.routePath, body) ?? { status: 404 };
  const first = host.services[0];
  return (first && serviceRoute(host, first, method, adminPath, body)) ?? { status: 404 };
}

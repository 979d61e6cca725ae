/**
 * The simulator's admin HTTP API (not part of VR), so tests and tools in other processes can inspect and
 * drive a running simulator.
 *
 * Endpoints served:
 *   GET    /_sim/state                           the whole state (pairings, vms, replications, removedReplications, tasks, sessions)
 *   GET    /_sim/requests                        recorded requests (credentials redacted)
 *   DELETE /_sim/requests                        clear the recorded requests
 *   GET    /_sim/faults                          {rules, stats}
 *   POST   /_sim/faults                          add a rule or an array of rules → 201 {ids}
 *   DELETE /_sim/faults                          remove every rule
 *   POST   /_sim/expire-sessions                 drop every session (next call → 401)
 *   POST   /_sim/task-delay                      {taskDelayMs}
 *   POST   /_sim/replications/{id}/status        drift by hand: {status?, rpo_violation?, rpo?, quiescing_enabled?, …}
 */
import { errorResponse, SimApiError, type SimResponse } from './http-types';
import { parseFaultRules } from './faults';
import type { RunningSimulator } from './options';

export const ADMIN_ROOT = '/_sim';

export type AdminControl = Pick<
  RunningSimulator,
  'state' | 'requests' | 'clearRequests' | 'faults' | 'expireSessions' | 'setTaskDelay' | 'setReplicationStatus'
>;

type AdminRoute = (control: AdminControl, body: unknown, match: RegExpExecArray) => SimResponse;

function addFaults(control: AdminControl, body: unknown): SimResponse {
  let rules;
  try {
    rules = parseFaultRules(body);
  } catch (error) {
    return errorResponse(400, 'SIM.INVALID_FAULT_RULE', (error as Error).message);
  }
  return { status: 201, body: { ids: rules.map((rule) => control.faults.addRule(rule)) } };
}

function setTaskDelay(control: AdminControl, body: unknown): SimResponse {
  const value = typeof body === 'object' && body !== null ? (body as Record<string, unknown>).taskDelayMs : undefined;
  if (typeof value !== 'number' || value < 0) return errorResponse(400, 'SIM.INVALID_TASK_DELAY', "'taskDelayMs' must be a number ≥ 0");
  control.setTaskDelay(value);
  return { status: 204 };
}

function driftReplication(control: AdminControl, body: unknown, match: RegExpExecArray): SimResponse {
  const replicationId = decodeURIComponent(match[1]);
  control.setReplicationStatus(replicationId, (body ?? {}) as Record<string, unknown>);
  const replication = control.state.replications.find((candidate) => candidate.info.id === replicationId);
  return { status: 200, body: replication?.info };
}

const ROUTES: Array<[string, RegExp, AdminRoute]> = [
  ['GET', /^\/state$/, (control) => ({ status: 200, body: control.state })],
  ['GET', /^\/requests$/, (control) => ({ status: 200, body: control.requests })],
  ['DELETE', /^\/requests$/, (control) => (control.clearRequests(), { status: 204 })],
  ['GET', /^\/faults$/, (control) => ({ status: 200, body: { rules: control.faults.rules(), stats: control.faults.stats() } })],
  ['POST', /^\/faults$/, addFaults],
  ['DELETE', /^\/faults$/, (control) => (control.faults.clearRules(), { status: 204 })],
  ['POST', /^\/expire-sessions$/, (control) => (control.expireSessions(), { status: 204 })],
  ['POST', /^\/task-delay$/, setTaskDelay],
  ['POST', /^\/replications\/([^/]+)\/status$/, driftReplication],
];

export function handleAdminRequest(control: AdminControl, method: string, adminPath: string, body: unknown): SimResponse {
  for (const [routeMethod, pattern, route] of ROUTES) {
    const match = pattern.exec(adminPath);
    if (routeMethod !== method || !match) continue;
    try {
      return route(control, body, match);
    } catch (error) {
      if (error instanceof SimApiError) return error.toResponse();
      return errorResponse(500, 'SIM.INTERNAL_ERROR', (error as Error).message);
    }
  }
  return { status: 404 };
}

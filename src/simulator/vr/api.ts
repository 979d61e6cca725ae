/**
 * The VR API dispatcher: routes a request by operationId (openapi-backend), authenticates the session,
 * validates the request against the official spec, runs the handler, and (optionally) validates the JSON
 * response. Task states and replication lifecycles are advanced from the clock before each request.
 *
 * Endpoints served: every operation of specs/vsphere-replication-api-v2.json under /api/rest/vr/v2
 * (see the header of each vr/*.ts file); operations the simulator does not model answer 501.
 */
import type OpenAPIBackend from 'openapi-backend';
import type { Operation } from 'openapi-backend';
import { errorResponse, SimApiError, type SimResponse } from '../http-types';
import { advanceTasks } from '../task-engine';
import type { VrContext, VrHandler, VrRequest } from './context';
import type { QueryValues } from './envelopes';
import * as inventory from './inventory';
import { describeValidationErrors, hasResponseSchema, VR_API_ROOT } from './openapi';
import * as pairings from './pairings';
import * as replications from './replications';
import * as session from './session';
import * as tasks from './tasks';
import type { SimTaskRecord } from './types';

const HANDLERS: Record<string, VrHandler> = {
  login: session.login,
  getCurrentSession: session.getCurrentSession,
  logout: session.logout,
  createRemoteSession: session.createRemoteSession,
  getRemoteSession: session.getRemoteSession,
  getVrInfo: pairings.getVrInfo,
  getVrPairings: pairings.getVrPairings,
  pairVr: pairings.pairVr,
  getVrPairing: pairings.getVrPairing,
  deleteVrPairing: pairings.deleteVrPairing,
  getVrPairingIssues: pairings.getVrPairingIssues,
  getAllVrDetailsInPairing: pairings.getAllVrDetailsInPairing,
  getVrInfoInPairing: pairings.getVrInfoInPairing,
  getAllVrServersInPairing: pairings.getAllVrServersInPairing,
  getVrServerInPairing: pairings.getVrServerInPairing,
  getAllVrServers: pairings.getAllVrServers,
  getVrServer: pairings.getVrServer,
  getLocalVms: inventory.getLocalVms,
  getLocalVmDisks: inventory.getLocalVmDisks,
  getVmCapability: inventory.getVmCapability,
  getVcStoragePolicies: inventory.getVcStoragePolicies,
  checkStoragePolicyCompliance: inventory.checkStoragePolicyCompliance,
  getVrCapableTargetDatastores: inventory.getVrCapableTargetDatastores,
  getSeedsForDisks: inventory.getSeedsForDisks,
  browseDatastore: inventory.browseDatastore,
  getAllReplications: replications.getAllReplications,
  configureReplication: replications.configureReplication,
  getReplicationsCount: replications.getReplicationsCount,
  getReplicationsIssues: replications.getReplicationsIssues,
  getReplicationInfo: replications.getReplicationInfo,
  destroyReplication: replications.destroyReplication,
  unconfigureReplication: replications.unconfigureReplication,
  pauseReplication: replications.pauseReplication,
  resumeReplication: replications.resumeReplication,
  syncReplication: replications.syncReplication,
  reconfigureReplication: replications.reconfigureReplication,
  getReplicatedVmDisks: replications.getReplicatedVmDisks,
  getRecentTasksInfo: tasks.getRecentTasksInfo,
  getTaskInfo: tasks.getTaskInfo,
};

/** Operations that work without a session. */
const PUBLIC_OPERATIONS = new Set(['login']);

export interface VrHttpRequest {
  method: string;
  /** Full path including the API root, without the query string. */
  path: string;
  query: QueryValues;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
  /** Base URL of the server (scheme://host:port), for pagination links. */
  baseUrl: string;
  taskError?: string;
}

export interface VrDispatchResult {
  response: SimResponse;
  operationId?: string;
}

function definedHeaders(headers: VrHttpRequest['headers']): Record<string, string | string[]> {
  const result: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers)) if (value !== undefined) result[name] = value;
  return result;
}

export class VrApi {
  constructor(
    private readonly openApi: OpenAPIBackend,
    readonly context: VrContext,
    private readonly validateResponses: boolean,
  ) {}

  /** Advances tasks and replication lifecycles to `now`; true when the state changed. */
  advance(now: number): boolean {
    const { context } = this;
    const changedTasks = advanceTasks<SimTaskRecord>(
      context.state.tasks,
      now,
      (record, completedAt) =>
        record.kind === 'pair' || record.kind === 'unpair'
          ? pairings.completePairingTask(record, context)
          : replications.completeReplicationTask(record, context, completedAt),
      (record) => replications.rollBackFailedConfigure(record, context),
    );
    let changedReplications = false;
    for (const replication of context.state.replications) {
      if (replications.advanceReplication(replication, now)) changedReplications = true;
    }
    return changedTasks || changedReplications;
  }

  dispatch(request: VrHttpRequest): VrDispatchResult {
    const routed = { method: request.method, path: request.path, headers: definedHeaders(request.headers), query: request.query, body: request.body };
    const operation = this.openApi.matchOperation(routed);
    if (!operation) return { response: { status: 404 } };
    const operationId = operation.operationId ?? '';
    try {
      const response = this.run(operation, request, routed);
      return { response: this.checkResponse(operation, response), operationId };
    } catch (error) {
      return { response: this.errorToResponse(error), operationId };
    }
  }

  private run(operation: Operation, request: VrHttpRequest, routed: Parameters<OpenAPIBackend['validateRequest']>[0]): SimResponse {
    const operationId = operation.operationId ?? '';
    const sessionOfCaller = PUBLIC_OPERATIONS.has(operationId) ? undefined : session.authenticate(request, this.context);
    const validation = this.openApi.validateRequest(routed, operation);
    if (!validation.valid) {
      throw new SimApiError(400, 'VR.INVALID_REQUEST', `Invalid request: ${describeValidationErrors(validation.errors)}`);
    }
    const handler = HANDLERS[operationId];
    if (!handler) throw new SimApiError(501, 'SIM.NOT_IMPLEMENTED', `The simulator does not implement ${operationId}.`);
    const parsed = this.openApi.router.parseRequest(routed, operation);
    const vrRequest: VrRequest = {
      operationId,
      method: request.method,
      params: parsed.params as Record<string, string>,
      query: request.query,
      headers: request.headers,
      body: request.body,
      session: sessionOfCaller,
      taskError: request.taskError,
      absolutePath: `${request.baseUrl}${request.path}`,
    };
    return handler(vrRequest, this.context);
  }

  private checkResponse(operation: Operation, response: SimResponse): SimResponse {
    if (!this.validateResponses || response.body === undefined || !hasResponseSchema(operation, response.status)) {
      return response;
    }
    const body: unknown = JSON.parse(JSON.stringify(response.body));
    const result = this.openApi.validateResponse(body, operation, response.status);
    if (result.valid) return response;
    return errorResponse(
      500,
      'SIM.RESPONSE_VALIDATION_FAILED',
      `Simulator bug: the ${response.status} response of ${operation.operationId ?? '?'} does not match the spec: ${describeValidationErrors(result.errors)}`,
    );
  }

  private errorToResponse(error: unknown): SimResponse {
    if (error instanceof SimApiError) return error.toResponse();
    const message = error instanceof Error ? error.message : String(error);
    return errorResponse(500, 'SIM.INTERNAL_ERROR', `Simulator error: ${message}`);
  }
}

export { VR_API_ROOT };

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
import { SimApiError, type SimResponse } from '../core/http';
import type { ServiceRequest, ServiceResult } from '../core/service';
import { TaskEngine } from '../core/task-engine';
import type { VrContext, VrHandler, VrRequest } from './context';
import { vrErrorResponse, vrThrownToResponse } from './errors';
import * as inventory from './inventory';
import { describeValidationErrors, hasResponseSchema } from './openapi';
import * as pairings from './pairings';
import * as replications from './replications';
import * as session from './session';
import { VR_TASK_MODEL } from './task-model';
import * as tasks from './tasks';
import type { SimTaskRecord, TaskStatus } from './types';

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

function definedHeaders(headers: ServiceRequest['headers']): Record<string, string | string[]> {
  const result: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers)) if (value !== undefined) result[name] = value;
  return result;
}

export class VrApi {
  private readonly tasks: TaskEngine<SimTaskRecord, TaskStatus>;

  constructor(
    private readonly openApi: OpenAPIBackend,
    readonly context: VrContext,
    private readonly validateResponses: boolean,
    /** Names this origin in paging links instead of the simulator's own address (see VrServiceOptions). */
    private readonly linkOrigin?: string,
  ) {
    this.tasks = new TaskEngine(VR_TASK_MODEL, {
      onComplete: (record, completedAt) =>
        record.kind === 'pair' || record.kind === 'unpair'
          ? pairings.completePairingTask(record, context)
          : replications.completeReplicationTask(record, context, completedAt),
      onFailed: (record) => replications.rollBackFailedConfigure(record, context),
    });
  }

  /** Advances tasks and replication lifecycles to `now`; true when the state changed. */
  advance(now: number): boolean {
    const { context } = this;
    const changedTasks = this.tasks.advance(context.state.tasks, now);
    let changedReplications = false;
    for (const replication of context.state.replications) {
      if (replications.advanceReplication(replication, now)) changedReplications = true;
    }
    return changedTasks || changedReplications;
  }

  dispatch(request: ServiceRequest): ServiceResult {
    const routed = { method: request.method, path: request.path, headers: definedHeaders(request.headers), query: request.query, body: request.body };
    const operation = this.openApi.matchOperation(routed);
    if (!operation) return { response: { status: 404 } };
    const operationId = operation.operationId ?? '';
    try {
      const response = this.run(operation, request, routed);
      return { response: this.checkResponse(operation, response), operationId };
    } catch (error) {
      return { response: vrThrownToResponse(error), operationId };
    }
  }

  private run(operation: Operation, request: ServiceRequest, routed: Parameters<OpenAPIBackend['validateRequest']>[0]): SimResponse {
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
      absolutePath: `${this.linkOrigin ?? request.baseUrl}${request.path}`,
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
    return vrErrorResponse(
      500,
      'SIM.RESPONSE_VALIDATION_FAILED',
      `Simulator bug: the ${response.status} response of ${operation.operationId ?? '?'} does not match the spec: ${describeValidationErrors(result.errors)}`,
    );
  }
}

/**
 * The VCDA API dispatcher: routes a request by operationId with repliform's contract (specs/vcda-api.json, via
 * openapi-backend), authenticates the `X-VCAV-Auth` session (all but login), validates the request, runs the
 * handler, and (optionally) validates the JSON response. Errors are VCDA's `ApiError` body; a path the
 * contract does not have answers 404 NotFound.
 *
 * Endpoints served: every operation of specs/vcda-api.json under /vcda (see the header of each vcda/*.ts file).
 */
import type OpenAPIBackend from 'openapi-backend';
import type { Operation } from 'openapi-backend';
import type { SimResponse } from '../core/http';
import { describeValidationErrors, responseMismatch } from '../core/openapi';
import type { ServiceRequest, ServiceResult } from '../core/service';
import { TaskEngine } from '../core/task-engine';
import type { VcdaContext, VcdaHandler, VcdaRequest } from './context';
import { VcdaApiError, vcdaErrorBody, vcdaThrownToResponse } from './errors';
import * as replications from './replications';
import * as sessions from './sessions';
import * as sites from './sites';
import { getTask, VCDA_TASK_MODEL } from './tasks';
import type { SimVcdaTaskRecord, VcdaTaskState } from './types';

const HANDLERS: Record<string, VcdaHandler> = {
  login: sessions.login,
  getSession: sessions.getSession,
  logout: sessions.logout,
  extendSession: sessions.extendSession,
  getSites: sites.getSites,
  getAbout: sites.getAbout,
  getVmReplications: replications.getVmReplications,
  startVmReplication: replications.startVmReplication,
  getVmReplication: replications.getVmReplication,
  reconfigureVmReplication: replications.reconfigureVmReplication,
  deleteVmReplication: replications.deleteVmReplication,
  syncVmReplication: replications.syncVmReplication,
  pauseVmReplication: replications.pauseVmReplication,
  resumeVmReplication: replications.resumeVmReplication,
  changeVmReplicationStorageProfile: replications.changeVmReplicationStorageProfile,
  getTask,
};

/** Operations that work without a session. */
const PUBLIC_OPERATIONS = new Set(['login']);

type RoutedRequest = Parameters<OpenAPIBackend['validateRequest']>[0];

function definedHeaders(headers: ServiceRequest['headers']): Record<string, string | string[]> {
  const result: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers)) if (value !== undefined) result[name] = value;
  return result;
}

export class VcdaApi {
  private readonly tasks: TaskEngine<SimVcdaTaskRecord, VcdaTaskState>;

  constructor(
    private readonly openApi: OpenAPIBackend,
    readonly context: VcdaContext,
    private readonly validateResponses: boolean,
  ) {
    this.tasks = new TaskEngine(VCDA_TASK_MODEL, {
      onComplete: (record, completedAt) => replications.completeTask(context, record, completedAt),
    });
  }

  /** Advances tasks and initial syncs to `now`; true when the state changed. */
  advance(now: number): boolean {
    const changedTasks = this.tasks.advance(this.context.state.tasks, now);
    const changedReplications = replications.advanceReplications(this.context.state, now);
    return changedTasks || changedReplications;
  }

  dispatch(request: ServiceRequest): ServiceResult {
    const routed: RoutedRequest = { method: request.method, path: request.path, headers: definedHeaders(request.headers), query: request.query, body: request.body };
    const operation = this.openApi.matchOperation(routed);
    if (!operation) {
      return { response: { status: 404, body: vcdaErrorBody(404, 'NotFound', `No such API: ${request.method} ${request.apiPath}`) } };
    }
    const operationId = operation.operationId ?? '';
    try {
      return { response: this.checkResponse(operation, this.run(operation, request, routed)), operationId };
    } catch (error) {
      return { response: vcdaThrownToResponse(error), operationId };
    }
  }

  private run(operation: Operation, request: ServiceRequest, routed: RoutedRequest): SimResponse {
    const operationId = operation.operationId ?? '';
    const vcdaRequest: VcdaRequest = {
      operationId,
      params: {},
      query: request.query,
      headers: request.headers,
      body: request.body,
      taskError: request.taskError,
    };
    if (!PUBLIC_OPERATIONS.has(operationId)) vcdaRequest.session = sessions.authenticate(vcdaRequest, this.context);
    const validation = this.openApi.validateRequest(routed, operation);
    if (!validation.valid) throw new VcdaApiError(400, 'BadRequest', `Invalid request: ${describeValidationErrors(validation.errors)}`);
    const handler = HANDLERS[operationId];
    if (!handler) throw new VcdaApiError(501, 'NotImplemented', `The simulator does not implement ${operationId}.`);
    vcdaRequest.params = this.openApi.router.parseRequest(routed, operation).params as Record<string, string>;
    return handler(vcdaRequest, this.context);
  }

  private checkResponse(operation: Operation, response: SimResponse): SimResponse {
    if (!this.validateResponses) return response;
    const mismatch = responseMismatch(this.openApi, operation, response.status, response.body);
    if (mismatch === undefined) return response;
    const message = `Simulator bug: the ${response.status} response of ${operation.operationId ?? '?'} does not match the contract: ${mismatch}`;
    return { status: 500, body: vcdaErrorBody(500, 'GeneralServerFailure', message) };
  }
}

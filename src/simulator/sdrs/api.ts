/**
 * The SDRS API dispatcher: routes a request by operationId with repliform's contract (specs/sdrs-api.json, via
 * openapi-backend), authenticates it (AK/SK signature or X-Auth-Token, auth.ts), validates it, checks the
 * project, runs the handler and (optionally) validates the JSON response. Validation errors are 400 SDRS.0201
 * in the shape of the operation's family (flat for pairs and instances, nested otherwise); a path the contract
 * does not have answers APIG's 404 APIGW.0101.
 *
 * Endpoints served: every operation of specs/sdrs-api.json under /sdrs (see the header of each sdrs/*.ts file).
 */
import type OpenAPIBackend from 'openapi-backend';
import type { Operation } from 'openapi-backend';
import type { SimResponse } from '../core/http';
import { contractCheckedResponse, describeValidationErrors, routedRequest, type RoutedRequest } from '../core/openapi';
import type { ServiceRequest, ServiceResult } from '../core/service';
import { TaskEngine } from '../core/task-engine';
import { authenticate } from './auth';
import type { SdrsContext, SdrsHandler, SdrsRequest } from './context';
import { SdrsApiError, invalidParams, invalidProject, nestedErrorBody, sdrsThrownToResponse } from './errors';
import * as groups from './groups';
import * as instances from './instances';
import { getJob, SDRS_JOB_MODEL } from './jobs';
import * as pairs from './pairs';
import type { SdrsJobStatus, SimSdrsJobRecord } from './types';

const HANDLERS: Record<string, SdrsHandler> = {
  createServerGroup: groups.createServerGroup,
  listServerGroups: groups.listServerGroups,
  getServerGroup: groups.getServerGroup,
  renameServerGroup: groups.renameServerGroup,
  deleteServerGroup: groups.deleteServerGroup,
  serverGroupAction: groups.serverGroupAction,
  createReplication: pairs.createReplication,
  listReplications: pairs.listReplications,
  getReplication: pairs.getReplication,
  renameReplication: pairs.renameReplication,
  deleteReplication: pairs.deleteReplication,
  replicationAction: pairs.replicationAction,
  createProtectedInstance: instances.createProtectedInstance,
  listProtectedInstances: instances.listProtectedInstances,
  getProtectedInstance: instances.getProtectedInstance,
  renameProtectedInstance: instances.renameProtectedInstance,
  deleteProtectedInstance: instances.deleteProtectedInstance,
  attachReplication: instances.attachReplication,
  detachReplication: instances.detachReplication,
  getJob,
};

/** Operations whose errors the huaweicloud provider reads flat (`error_code`/`error_msg`): pairs and instances. */
const FLAT_ERROR_OPERATIONS = /Replication|ProtectedInstance/;

/** Job effects by the family of the job's kind. */
function completeJob(context: SdrsContext, record: SimSdrsJobRecord): Record<string, string> | void {
  if (record.kind.endsWith('Group')) return groups.completeGroupJob(context, record);
  if (record.kind.endsWith('Pair')) return pairs.completePairJob(context, record);
  return instances.completeInstanceJob(context, record);
}

function failJob(context: SdrsContext, record: SimSdrsJobRecord): void {
  if (record.kind.endsWith('Group')) groups.failGroupJob(context, record);
  else if (record.kind.endsWith('Pair')) pairs.failPairJob(context, record);
  else instances.failInstanceJob(context, record);
}

export class SdrsApi {
  private readonly jobs: TaskEngine<SimSdrsJobRecord, SdrsJobStatus>;

  constructor(
    private readonly openApi: OpenAPIBackend,
    readonly context: SdrsContext,
    private readonly validateResponses: boolean,
  ) {
    this.jobs = new TaskEngine(SDRS_JOB_MODEL, {
      onComplete: (record) => completeJob(context, record),
      onFailed: (record) => failJob(context, record),
    });
  }

  advance(now: number): boolean {
    return this.jobs.advance(this.context.state.jobs, now);
  }

  dispatch(request: ServiceRequest): ServiceResult {
    const routed = routedRequest(request);
    const operation = this.openApi.matchOperation(routed);
    if (!operation) {
      const body = { error_code: 'APIGW.0101', error_msg: `The API does not exist or has not been published in the environment: ${request.method} ${request.apiPath}` };
      return { response: { status: 404, body } };
    }
    const operationId = operation.operationId ?? '';
    try {
      return { response: this.checkResponse(operation, this.run(operation, request, routed)), operationId };
    } catch (error) {
      return { response: sdrsThrownToResponse(error), operationId };
    }
  }

  private run(operation: Operation, request: ServiceRequest, routed: RoutedRequest): SimResponse {
    const operationId = operation.operationId ?? '';
    authenticate(request, this.context);
    const validation = this.openApi.validateRequest(routed, operation);
    const shape = FLAT_ERROR_OPERATIONS.test(operationId) ? 'flat' : 'nested';
    if (!validation.valid) throw invalidParams(`Invalid request: ${describeValidationErrors(validation.errors)}`, shape);
    const params = this.openApi.router.parseRequest(routed, operation).params as Record<string, string>;
    const projectId = params.project_id ?? '';
    if (projectId !== this.context.state.inventory.project_id) throw invalidProject(projectId);
    const handler = HANDLERS[operationId];
    if (!handler) throw new SdrsApiError(501, 'SDRS.0201', `The simulator does not implement ${operationId}.`, shape);
    const sdrsRequest: SdrsRequest = { operationId, params, query: request.query, body: request.body, taskError: request.taskError };
    return handler(sdrsRequest, this.context);
  }

  private checkResponse(operation: Operation, response: SimResponse): SimResponse {
    return contractCheckedResponse(this.openApi, operation, response, this.validateResponses, (message) => nestedErrorBody('SDRS.1014', message));
  }
}

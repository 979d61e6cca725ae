/**
 * The SDRS API on the simulator's one call path (core/dispatcher.ts): its handlers by operationId of repliform's
 * contract (specs/sdrs-api.json), its authenticator (AK/SK signature or X-Auth-Token, auth.ts), its project
 * check, its refusals (validation errors are 400 SDRS.0201 in the shape of the operation's family: flat for
 * pairs and instances, nested otherwise; a path the contract does not have answers APIG's 404 APIGW.0101), and
 * the advance of its jobs.
 *
 * Endpoints served: every operation of specs/sdrs-api.json under /sdrs (see the header of each sdrs/*.ts file).
 */
import { operationRequest, type VendorCallPath, type VendorRefusals } from '../core/dispatcher';
import { TaskEngine } from '../core/task-engine';
import { authenticate } from './auth';
import type { SdrsContext, SdrsHandler, SdrsRequest } from './context';
import { SdrsApiError, invalidParams, invalidProject, nestedErrorBody, type SdrsErrorShape } from './errors';
import * as drills from './drills';
import * as groups from './groups';
import * as instances from './instances';
import * as inventory from './inventory';
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
  createDisasterRecoveryDrill: drills.createDisasterRecoveryDrill,
  listDisasterRecoveryDrills: drills.listDisasterRecoveryDrills,
  getDisasterRecoveryDrill: drills.getDisasterRecoveryDrill,
  renameDisasterRecoveryDrill: drills.renameDisasterRecoveryDrill,
  deleteDisasterRecoveryDrill: drills.deleteDisasterRecoveryDrill,
  getJob,
  listCloudServers: inventory.listCloudServers,
  listCloudVolumes: inventory.listCloudVolumes,
};

/** Operations whose errors the huaweicloud provider reads flat (`error_code`/`error_msg`): pairs and instances. */
const FLAT_ERROR_OPERATIONS = /Replication|ProtectedInstance/;

/** Job effects by the family of the job's kind. */
function completeJob(context: SdrsContext, record: SimSdrsJobRecord): Record<string, string> | void {
  if (record.kind.endsWith('Drill')) return drills.completeDrillJob(context, record);
  if (record.kind.endsWith('Group')) return groups.completeGroupJob(context, record);
  if (record.kind.endsWith('Pair')) return pairs.completePairJob(context, record);
  return instances.completeInstanceJob(context, record);
}

function failJob(context: SdrsContext, record: SimSdrsJobRecord): void {
  if (record.kind.endsWith('Drill')) drills.failDrillJob(context, record);
  else if (record.kind.endsWith('Group')) groups.failGroupJob(context, record);
  else if (record.kind.endsWith('Pair')) pairs.failPairJob(context, record);
  else instances.failInstanceJob(context, record);
}

/** The shape of an operation's errors: flat for pairs and instances, nested otherwise. */
const errorShapeOf = (operationId: string): SdrsErrorShape => (FLAT_ERROR_OPERATIONS.test(operationId) ? 'flat' : 'nested');

/** Every operation names the project in its path: only the simulator's one exists (400 SDRS.0001). */
function checkProject(params: Record<string, string>, context: SdrsContext): void {
  const projectId = params.project_id ?? '';
  if (projectId !== context.state.inventory.project_id) throw invalidProject(projectId);
}

/** SDRS's words on the call path: nested or flat bodies by family (errors.ts), APIG's 404 APIGW.0101 for a path the contract does not have. */
const SDRS_REFUSALS: VendorRefusals = {
  errorBody: (_status, code, message) => nestedErrorBody(code, message),
  internalErrorCode: 'SDRS.1014',
  contractViolationCode: 'SDRS.1014',
  contractName: 'contract',
  unknownPath: (request) => ({
    status: 404,
    body: { error_code: 'APIGW.0101', error_msg: `The API does not exist or has not been published in the environment: ${request.method} ${request.apiPath}` },
  }),
  invalidRequest: (reason, operationId) => invalidParams(reason, errorShapeOf(operationId)),
  notImplemented: (operationId) => new SdrsApiError(501, 'SDRS.0201', `The simulator does not implement ${operationId}.`, errorShapeOf(operationId)),
};

/** SDRS's parts of the call path (core/dispatcher.ts): every operation authenticates, none is public. */
export const SDRS_CALL_PATH: VendorCallPath<SdrsRequest, SdrsContext, void> = {
  handlers: HANDLERS,
  authenticate,
  checkParams: checkProject,
  requestOf: operationRequest,
  refusals: SDRS_REFUSALS,
};

/** Advances SDRS's jobs (on the shared engine) to `now`; true when the state changed. */
export function sdrsAdvance(context: SdrsContext): (now: number) => boolean {
  const jobs = new TaskEngine<SimSdrsJobRecord, SdrsJobStatus>(SDRS_JOB_MODEL, {
    onComplete: (record) => completeJob(context, record),
    onFailed: (record) => failJob(context, record),
  });
  return (now) => jobs.advance(context.state.jobs, now);
}

/**
 * The VCDA API on the simulator's one call path (core/dispatcher.ts): its handlers by operationId of repliform's
 * contract (specs/vcda-api.json), its `X-VCAV-Auth` session check (all but login), its refusals (VCDA's
 * `ApiError` body; a path the contract does not have answers 404 NotFound), and the advance of its tasks.
 *
 * Endpoints served: every operation of specs/vcda-api.json under /vcda (see the header of each vcda/*.ts file).
 */
import { operationRequest, type VendorCallPath, type VendorRefusals } from '../core/dispatcher';
import { TaskEngine } from '../core/task-engine';
import type { VcdaContext, VcdaHandler, VcdaRequest } from './context';
import { VcdaApiError, vcdaErrorBody } from './errors';
import * as inventory from './inventory';
import * as replications from './replications';
import * as sessions from './sessions';
import * as sites from './sites';
import * as testFailover from './test-failover';
import { getTask, VCDA_TASK_MODEL } from './tasks';
import type { SimVcdaSession, SimVcdaTaskRecord, VcdaTaskState } from './types';

const HANDLERS: Record<string, VcdaHandler> = {
  login: sessions.login,
  getSession: sessions.getSession,
  logout: sessions.logout,
  extendSession: sessions.extendSession,
  getSites: sites.getSites,
  getAbout: sites.getAbout,
  getInventoryVms: inventory.getInventoryVms,
  getVmReplications: replications.getVmReplications,
  startVmReplication: replications.startVmReplication,
  getVmReplication: replications.getVmReplication,
  reconfigureVmReplication: replications.reconfigureVmReplication,
  deleteVmReplication: replications.deleteVmReplication,
  syncVmReplication: replications.syncVmReplication,
  pauseVmReplication: replications.pauseVmReplication,
  resumeVmReplication: replications.resumeVmReplication,
  changeVmReplicationStorageProfile: replications.changeVmReplicationStorageProfile,
  testFailoverVmReplication: testFailover.testFailoverVmReplication,
  cleanupTestFailoverVmReplication: testFailover.cleanupTestFailoverVmReplication,
  getTask,
};

/** VCDA's words on the call path: its `ApiError` body on every error status, 404 NotFound for a path the contract does not have. */
const VCDA_REFUSALS: VendorRefusals = {
  errorBody: vcdaErrorBody,
  internalErrorCode: 'GeneralServerFailure',
  contractViolationCode: 'GeneralServerFailure',
  contractName: 'contract',
  unknownPath: (request) => ({ status: 404, body: vcdaErrorBody(404, 'NotFound', `No such API: ${request.method} ${request.apiPath}`) }),
  invalidRequest: (reason) => new VcdaApiError(400, 'BadRequest', reason),
  notImplemented: (operationId) => new VcdaApiError(501, 'NotImplemented', `The simulator does not implement ${operationId}.`),
};

/** VCDA's parts of the call path (core/dispatcher.ts). */
export const VCDA_CALL_PATH: VendorCallPath<VcdaRequest, VcdaContext, SimVcdaSession> = {
  handlers: HANDLERS,
  publicOperations: new Set(['login']),
  authenticate: sessions.authenticate,
  requestOf: operationRequest,
  refusals: VCDA_REFUSALS,
};

/** Advances VCDA's tasks (on the shared engine) and initial syncs to `now`; true when the state changed. */
export function vcdaAdvance(context: VcdaContext): (now: number) => boolean {
  const tasks = new TaskEngine<SimVcdaTaskRecord, VcdaTaskState>(VCDA_TASK_MODEL, {
    onComplete: (record, completedAt) =>
      testFailover.isTestFailoverTask(record) ? testFailover.completeTestFailoverTask(context, record, completedAt) : replications.completeTask(context, record, completedAt),
    onFailed: (record) => testFailover.failTestFailoverTask(context, record),
  });
  return (now) => {
    const changedTasks = tasks.advance(context.state.tasks, now);
    const changedReplications = replications.advanceReplications(context.state, now);
    return changedTasks || changedReplications;
  };
}

/**
 * The VR API on the simulator's one call path (core/dispatcher.ts): its handlers by operationId of the official
 * spec, its session check (all but login), its refusals (`ResponseError`, none on 401/404), and the advance of
 * its task states and replication lifecycles from the clock.
 *
 * Endpoints served: every operation of specs/vsphere-replication-api-v2.json under /api/rest/vr/v2
 * (see the header of each vr/*.ts file); operations the simulator does not model answer 501.
 */
import { operationRequest, type VendorCallPath, type VendorRefusals } from '../core/dispatcher';
import { SimApiError } from '../core/http';
import { TaskEngine } from '../core/task-engine';
import type { VrContext, VrHandler, VrRequest } from './context';
import { vrErrorBody } from './errors';
import * as inventory from './inventory';
import * as pairings from './pairings';
import * as replications from './replications';
import * as session from './session';
import { VR_TASK_MODEL } from './task-model';
import * as tasks from './tasks';
import type { SimSession, SimTaskRecord, TaskStatus } from './types';

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

/** VR's words on the call path: its `ResponseError` body (none on 401 and 404), and 404 with no body for a path the spec does not have. */
const VR_REFUSALS: VendorRefusals = {
  errorBody: vrErrorBody,
  internalErrorCode: 'SIM.INTERNAL_ERROR',
  contractViolationCode: 'SIM.RESPONSE_VALIDATION_FAILED',
  contractName: 'spec',
  unknownPath: () => ({ status: 404 }),
  invalidRequest: (reason) => new SimApiError(400, 'VR.INVALID_REQUEST', reason),
  notImplemented: (operationId) => new SimApiError(501, 'SIM.NOT_IMPLEMENTED', `The simulator does not implement ${operationId}.`),
};

/** VR's parts of the call path (core/dispatcher.ts); paging links name the context's `linkOrigin` when it has one. */
export const VR_CALL_PATH: VendorCallPath<VrRequest, VrContext, SimSession> = {
  handlers: HANDLERS,
  publicOperations: new Set(['login']),
  authenticate: session.authenticate,
  requestOf: (call, context) => ({ ...operationRequest(call), method: call.request.method, absolutePath: `${context.linkOrigin ?? call.request.baseUrl}${call.request.path}` }),
  refusals: VR_REFUSALS,
};

/** Advances VR's tasks (on the shared engine) and replication lifecycles to `now`; true when the state changed. */
export function vrAdvance(context: VrContext): (now: number) => boolean {
  const tasks = new TaskEngine<SimTaskRecord, TaskStatus>(VR_TASK_MODEL, {
    onComplete: (record, completedAt) =>
      record.kind === 'pair' || record.kind === 'unpair'
        ? pairings.completePairingTask(record, context)
        : replications.completeReplicationTask(record, context, completedAt),
    onFailed: (record) => replications.rollBackFailedConfigure(record, context),
  });
  return (now) => {
    const changedTasks = tasks.advance(context.state.tasks, now);
    let changedReplications = false;
    for (const replication of context.state.replications) {
      if (replications.advanceReplication(replication, now)) changedReplications = true;
    }
    return changedTasks || changedReplications;
  };
}

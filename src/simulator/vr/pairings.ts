/**
 * VR appliance info, pairings, VRMS and replication servers.
 *
 * Endpoints served:
 *   GET    /info                                                  getVrInfo
 *   GET    /pairings                                              getVrPairings
 *   POST   /pairings                                              pairVr (task)
 *   GET    /pairings/{pairing_id}                                 getVrPairing
 *   DELETE /pairings/{pairing_id}                                 deleteVrPairing (task)
 *   GET    /pairings/{pairing_id}/issues                          getVrPairingIssues (always empty)
 *   GET    /pairings/{pairing_id}/vrs                             getAllVrDetailsInPairing
 *   GET    /pairings/{pairing_id}/vrs/{vr_id}                     getVrInfoInPairing
 *   GET    /pairings/{pairing_id}/vrs/{vr_id}/replication-servers getAllVrServersInPairing (remote: needs remote session)
 *   GET    /pairings/{pairing_id}/vrs/{vr_id}/replication-servers/{replication_server_id} getVrServerInPairing
 *   GET    /replication-servers                                   getAllVrServers (local site)
 *   GET    /replication-servers/{replication_server_id}           getVrServer
 */
import { isRecord } from '../core/http';
import { badRequest, notFound } from './errors';
import { TaskFailure, type TaskResult } from '../core/task-engine';
import { entityResponse, listResponse } from './envelopes';
import {
  createTask,
  findPairing,
  requireRemoteSession,
  type VrContext,
  type VrHandler,
  type VrRequest,
} from './context';
import { seedPairing } from './inventory-seed';
import type { SimTaskRecord, VrState } from './types';

type VrmsRecord = VrState['localVrms'];

export const getVrInfo: VrHandler = (_request, context) => entityResponse(context.state.localVrms);

export const getVrPairings: VrHandler = (request, context) => listResponse(context.state.pairings, request);

export const getVrPairing: VrHandler = (request, context) =>
  entityResponse(findPairing(context, request.params.pairing_id));

export const getVrPairingIssues: VrHandler = (request, context) => {
  findPairing(context, request.params.pairing_id);
  return listResponse([], request);
};

function pairVmsRecords(context: VrContext, pairingId: string): VrmsRecord[] {
  const pairing = findPairing(context, pairingId);
  const remote = context.state.remoteVrms.find((vrms) => vrms.id === pairing.remote_vrms?.id);
  return remote ? [context.state.localVrms, remote] : [context.state.localVrms];
}

function findVrmsInPairing(context: VrContext, pairingId: string, vrId: string): VrmsRecord {
  const vrms = pairVmsRecords(context, pairingId).find((candidate) => candidate.id === vrId);
  if (!vrms) throw notFound();
  return vrms;
}

export const getAllVrDetailsInPairing: VrHandler = (request, context) =>
  listResponse(pairVmsRecords(context, request.params.pairing_id), request);

export const getVrInfoInPairing: VrHandler = (request, context) =>
  entityResponse(findVrmsInPairing(context, request.params.pairing_id, request.params.vr_id));

function serversOfVrms(context: VrContext, vrmsId: string): VrState['replicationServers'][number]['server'][] {
  return context.state.replicationServers.filter((entry) => entry.vrmsId === vrmsId).map((entry) => entry.server);
}

function remoteServersOf(request: VrRequest, context: VrContext): VrState['replicationServers'][number]['server'][] {
  const { pairing_id: pairingId, vr_id: vrId } = request.params;
  const vrms = findVrmsInPairing(context, pairingId, vrId);
  if (vrms.id !== context.state.localVrms.id) requireRemoteSession(request, pairingId);
  return serversOfVrms(context, vrms.id);
}

export const getAllVrServersInPairing: VrHandler = (request, context) =>
  listResponse(remoteServersOf(request, context), request);

export const getVrServerInPairing: VrHandler = (request, context) => {
  const server = remoteServersOf(request, context).find((candidate) => candidate.id === request.params.replication_server_id);
  if (!server) throw notFound();
  return entityResponse(server);
};

export const getAllVrServers: VrHandler = (request, context) =>
  listResponse(serversOfVrms(context, context.state.localVrms.id), request);

export const getVrServer: VrHandler = (request, context) => {
  const server = serversOfVrms(context, context.state.localVrms.id).find(
    (candidate) => candidate.id === request.params.replication_server_id,
  );
  if (!server) throw notFound();
  return entityResponse(server);
};

function pscCredentialsMatch(psc: unknown, context: VrContext): boolean {
  return isRecord(psc) && psc.username === context.users.remote.username && psc.password === context.users.remote.password;
}

export const pairVr: VrHandler = (request, context) => {
  const body = request.body;
  if (!isRecord(body) || typeof body.pair_vc_id !== 'string') {
    throw badRequest('VR.INVALID_PARAMETER', "Field 'pair_vc_id' is required.");
  }
  const pairVcId = body.pair_vc_id;
  if (context.state.pairings.some((pairing) => pairing.remote_vc_server?.id === pairVcId)) {
    throw badRequest('VR.ALREADY_PAIRED', `The local site is already paired with vCenter ${pairVcId}.`);
  }
  const record = createTask(context, {
    kind: 'pair',
    pairingId: '',
    description: 'Pair sites',
    descriptionId: 'com.vmware.vcHms.pairing.create',
    entity: pairVcId,
    entityName: null,
    failWith: request.taskError,
    extra: { pairVcId, pscCredentialsAccepted: pscCredentialsMatch(body.pair_psc_info, context) },
  });
  return entityResponse(record.task, 202);
};

export const deleteVrPairing: VrHandler = (request, context) => {
  const pairing = findPairing(context, request.params.pairing_id);
  const record = createTask(context, {
    kind: 'unpair',
    pairingId: pairing.pairing_id,
    description: 'Break site pairing',
    descriptionId: 'com.vmware.vcHms.pairing.delete',
    entity: pairing.pairing_id,
    entityName: pairing.remote_vc_server?.name ?? null,
  });
  return entityResponse(record.task, 202);
};

/** Completion effect of pair / unpair tasks. */
export function completePairingTask(record: SimTaskRecord, context: VrContext): TaskResult | void {
  if (record.kind === 'unpair') {
    context.state.pairings = context.state.pairings.filter((pairing) => pairing.pairing_id !== record.pairingId);
    return { pairing_id: record.pairingId };
  }
  const seeded = seedPairing();
  if (record.pairVcId !== seeded.remote_vc_server?.id) {
    throw new TaskFailure(`vCenter ${record.pairVcId ?? ''} is not reachable from the local site.`);
  }
  if (!record.pscCredentialsAccepted) {
    throw new TaskFailure('Cannot log in to the remote Platform Services Controller: wrong user name or password.');
  }
  context.state.pairings.push(seeded);
  return { pairing_id: seeded.pairing_id };
}

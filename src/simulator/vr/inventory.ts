/**
 * vCenter inventory seen through a pairing: VMs and their disks and capability (source site), storage
 * policies, datastores, seeds and datastore browsing (usually the target site). Inventory of the remote
 * vCenter needs a remote session (403 VR.REMOTE_NOT_AUTHENTICATED otherwise).
 *
 * Endpoints served (under /pairings/{pairing_id}/vcenters/{vcenter_id}):
 *   GET  /vms                                                   getLocalVms (suitable_for_replication + list params)
 *   GET  /vms/{vm_id}/disks                                     getLocalVmDisks
 *   GET  /vms/{vm_id}/capability                                getVmCapability (ALREADY_CONFIGURED when replicated)
 *   GET  /storage-policies                                      getVcStoragePolicies
 *   POST /storage-policies/{storage_policy_id}/actions/check-compliance  checkStoragePolicyCompliance
 *   GET  /datastores                                            getVrCapableTargetDatastores
 *   POST /datastores/{datastore_id}/actions/find-seeds          getSeedsForDisks
 *   POST /datastores/{datastore_id}/actions/browse              browseDatastore
 */
import { isRecord } from '../core/http';
import { badRequest, notFound } from './errors';
import { booleanQuery, entityResponse, listResponse } from './envelopes';
import { pairingVcenter, requireRemoteSession, type VrContext, type VrHandler, type VrRequest } from './context';
import type {
  DatastoreBrowserResult,
  SimDatastore,
  SimReplication,
  SimStoragePolicy,
  SimVm,
  StoragePolicyComplianceCheckData,
  VmCapabilities,
  VmDiskSeedInformation,
  VrState,
} from './types';

/** Resolves the vCenter of the request; remote inventory needs a remote session. Returns its id. */
function inventoryVcenter(request: VrRequest, context: VrContext): string {
  const { pairing_id: pairingId, vcenter_id: vcenterId } = request.params;
  const { isRemote } = pairingVcenter(context, pairingId, vcenterId);
  if (isRemote) requireRemoteSession(request, pairingId);
  return vcenterId;
}

export function findVm(state: VrState, vmId: string): SimVm | undefined {
  return state.vms.find((candidate) => candidate.vm.id === vmId);
}

export function findDatastore(state: VrState, vcId: string, datastoreId: string): SimDatastore | undefined {
  return state.datastores.find((entry) => entry.vcId === vcId && entry.datastore.id === datastoreId);
}

export function findStoragePolicy(state: VrState, vcId: string, policyId: string): SimStoragePolicy | undefined {
  return state.storagePolicies.find((entry) => entry.vcId === vcId && entry.policy.storage_policy_id === policyId);
}

export function replicationForVm(state: VrState, vmId: string): SimReplication | undefined {
  return state.replications.find((replication) => replication.info.vm_id === vmId);
}

/** Static suitability: not a template and nothing in the VM itself prevents replication. */
export function isSuitableForReplication(vm: SimVm): boolean {
  return vm.vm.template !== true && vm.capability.vm_validation_status === 'OK';
}

export function effectiveCapability(state: VrState, vm: SimVm): VmCapabilities {
  const configured = replicationForVm(state, vm.vm.id) !== undefined;
  return {
    ...vm.capability,
    vm_id: vm.vm.id,
    ...(configured && vm.capability.vm_validation_status === 'OK' ? { vm_validation_status: 'ALREADY_CONFIGURED' } : {}),
  };
}

function vmOfRequest(request: VrRequest, context: VrContext): SimVm {
  const vcId = inventoryVcenter(request, context);
  const vm = findVm(context.state, request.params.vm_id);
  if (!vm || vm.vcId !== vcId) throw notFound();
  return vm;
}

export const getLocalVms: VrHandler = (request, context) => {
  const vcId = inventoryVcenter(request, context);
  const suitableOnly = booleanQuery(request.query, 'suitable_for_replication');
  const vms = context.state.vms.filter((vm) => vm.vcId === vcId && (!suitableOnly || isSuitableForReplication(vm)));
  return listResponse(
    vms.map((vm) => vm.vm),
    request,
  );
};

export const getLocalVmDisks: VrHandler = (request, context) => listResponse(vmOfRequest(request, context).vm.disks, request);

export const getVmCapability: VrHandler = (request, context) =>
  entityResponse(effectiveCapability(context.state, vmOfRequest(request, context)));

export const getVcStoragePolicies: VrHandler = (request, context) => {
  const vcId = inventoryVcenter(request, context);
  const policies = context.state.storagePolicies.filter((entry) => entry.vcId === vcId).map((entry) => entry.policy);
  return listResponse(policies, request);
};

function complianceEntry(
  context: VrContext,
  policy: SimStoragePolicy,
  vcId: string,
  datastoreId: string,
): StoragePolicyComplianceCheckData {
  const datastore = findDatastore(context.state, vcId, datastoreId);
  if (!datastore) throw badRequest('VR.INVALID_PARAMETER', `Datastore '${datastoreId}' does not exist on vCenter ${vcId}.`);
  const compliant = policy.compliantDatastores.includes(datastore.datastore.name);
  return {
    storage_policy_id: policy.policy.storage_policy_id,
    datastore: datastoreId,
    compliant,
    not_compliant_detailed_message: compliant
      ? null
      : `Datastore '${datastore.datastore.name}' does not satisfy the requirements of storage policy '${policy.policy.storage_policy_name}'.`,
  };
}

export const checkStoragePolicyCompliance: VrHandler = (request, context) => {
  const vcId = inventoryVcenter(request, context);
  const policy = findStoragePolicy(context.state, vcId, request.params.storage_policy_id);
  if (!policy) throw notFound();
  const datastoreIds = Array.isArray(request.body) ? request.body.filter((id): id is string => typeof id === 'string') : [];
  return listResponse(
    datastoreIds.map((datastoreId) => complianceEntry(context, policy, vcId, datastoreId)),
    request,
  );
};

export const getVrCapableTargetDatastores: VrHandler = (request, context) => {
  const vcId = inventoryVcenter(request, context);
  const datastores = context.state.datastores.filter((entry) => entry.vcId === vcId).map((entry) => entry.datastore);
  return listResponse(datastores, request);
};

function datastoreOfRequest(request: VrRequest, context: VrContext): SimDatastore {
  const vcId = inventoryVcenter(request, context);
  const datastore = findDatastore(context.state, vcId, request.params.datastore_id);
  if (!datastore) throw notFound();
  return datastore;
}

export function seedsFor(state: VrState, datastoreId: string, vmId: string, deviceKey: number | undefined): string[] {
  const vm = findVm(state, vmId);
  if (!vm) return [];
  return state.seeds
    .filter((seed) => seed.datastoreId === datastoreId && seed.vmName === vm.vm.name && seed.deviceKey === deviceKey)
    .map((seed) => seed.path);
}

export const getSeedsForDisks: VrHandler = (request, context) => {
  const datastore = datastoreOfRequest(request, context);
  const specs = Array.isArray(request.body) ? request.body.filter(isRecord) : [];
  const results: VmDiskSeedInformation[] = specs.map((spec) => {
    const disk = isRecord(spec.vm_disk) ? spec.vm_disk : {};
    const vmId = typeof disk.vm_id === 'string' ? disk.vm_id : '';
    const deviceKey = typeof disk.device_key === 'number' ? disk.device_key : undefined;
    return {
      vm_disk: { vm_id: vmId, ...(deviceKey === undefined ? {} : { device_key: deviceKey }) },
      found_seeds: seedsFor(context.state, datastore.datastore.id, vmId, deviceKey),
    };
  });
  return listResponse(results, request);
};

interface DatastoreFile {
  path: string;
  size: number;
  fileType: NonNullable<DatastoreBrowserResult['file_type']>;
}

function parentFolders(path: string): string[] {
  const parts = path.split('/');
  return parts.slice(0, -1).map((_, index) => parts.slice(0, index + 1).join('/'));
}

/** A plausible file tree: seeds, replica folders of replications targeting this datastore, an ISO folder. */
function datastoreFiles(state: VrState, datastore: SimDatastore): DatastoreFile[] {
  const files: DatastoreFile[] = [{ path: 'iso/tools-12.5.iso', size: 120 * 1024 * 1024, fileType: 'ISO_IMAGE' }];
  for (const seed of state.seeds.filter((entry) => entry.datastoreId === datastore.datastore.id)) {
    files.push({ path: seed.path, size: seed.sizeBytes, fileType: 'VM_DISK' });
  }
  for (const replication of state.replications) {
    replication.disks
      .filter((disk) => disk.replicated && disk.destination_path?.datastore_id === datastore.datastore.id)
      .forEach((disk) => {
        const folder = (disk.destination_path?.path ?? `${replication.info.name}/`).replace(/\/$/, '');
        const name = disk.destination_path?.filename ?? `${replication.info.name}.vmdk`;
        files.push({ path: `${folder}/${name}`, size: (disk.vm_disk?.capacity ?? 0) * 1024, fileType: 'VM_DISK' });
      });
  }
  const folders = new Set(files.flatMap((file) => parentFolders(file.path)));
  return [...[...folders].map((path): DatastoreFile => ({ path, size: 0, fileType: 'FOLDER' })), ...files];
}

const QUERY_TYPE_FILTERS: Record<string, (file: DatastoreFile) => boolean> = {
  FOLDERS: (file) => file.fileType === 'FOLDER',
  VM_DISK: (file) => file.fileType === 'FOLDER' || file.fileType === 'VM_DISK',
  ISO_IMAGE: (file) => file.fileType === 'FOLDER' || file.fileType === 'ISO_IMAGE',
  FLOPPY_IMAGE: (file) => file.fileType === 'FOLDER' || file.fileType === 'FLOPPY_IMAGE',
  VM_CONFIG_FILES: (file) => file.fileType === 'FOLDER' || file.fileType === 'VM_CONFIG',
  ALL_FILES: () => true,
};

function isInside(path: string, folder: string, recursive: boolean): boolean {
  const prefix = folder === '' ? '' : `${folder}/`;
  if (!path.startsWith(prefix) || path === folder) return false;
  return recursive || !path.slice(prefix.length).includes('/');
}

export const browseDatastore: VrHandler = (request, context) => {
  const datastore = datastoreOfRequest(request, context);
  const body = isRecord(request.body) ? request.body : {};
  const folder = (typeof body.browse_path === 'string' ? body.browse_path : '').replace(/^\/+|\/+$/g, '');
  const recursive = body.sub_folders === true;
  const queryType = typeof body.query_type === 'string' ? body.query_type : 'ALL_FILES';
  const accepts = QUERY_TYPE_FILTERS[queryType] ?? QUERY_TYPE_FILTERS.ALL_FILES;
  const name = datastore.datastore.name;
  const results: DatastoreBrowserResult[] = datastoreFiles(context.state, datastore)
    .filter((file) => isInside(file.path, folder, recursive) && accepts(file))
    .map((file) => ({
      name: file.path.split('/').pop() ?? file.path,
      path: `[${name}] ${file.path}`,
      size: file.size,
      file_type: file.fileType,
    }));
  return listResponse(results, request);
};

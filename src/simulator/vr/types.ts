/**
 * VR simulator types: schema aliases taken from the generated OpenAPI types (so the simulator's state and
 * responses match the contract) plus the simulator's internal records.
 *
 * Endpoints served: none (types only).
 */
import type { components } from '../../../lib/client/vr/generated/openapi';
import type { EngineTaskRecord } from '../core/task-engine';

type Schemas = components['schemas'];

export type ConfigureReplicationSpec = Schemas['ConfigureReplicationSpec'];
export type ConfigureReplicationVmDisk = Schemas['ConfigureReplicationVmDisk'];
export type ReconfigureReplicationSpec = Schemas['ReconfigureReplicationSpec'];
export type ReplicationInfo = Schemas['ReplicationInfo'];
export type ReplicatedVmDisk = Schemas['ReplicatedVmDisk'];
export type ReplicationStatus = NonNullable<Schemas['CompoundReplicationStatus']['status']>;
export type VirtualMachine = Schemas['VirtualMachine'];
export type VmDisk = Schemas['VmDisk'];
export type VmCapabilities = Schemas['VmCapabilities'];
export type Datastore = Schemas['Datastore'];
export type StoragePolicy = Schemas['StoragePolicy'];
export type StoragePolicyComplianceCheckData = Schemas['StoragePolicyComplianceCheckData'];
export type VmDiskFindSeedSpec = Schemas['VmDiskFindSeedSpec'];
export type VmDiskSeedInformation = Schemas['VmDiskSeedInformation'];
export type DatastoreBrowserRequest = Schemas['DatastoreBrowserRequest'];
export type DatastoreBrowserResult = Schemas['DatastoreBrowserResult'];
export type Pairing = Schemas['Pairing'];
export type PairingSpec = Schemas['PairingSpec'];
export type ServerInfo = Schemas['ServerInfo'];
export type VrmsInfo = Schemas['VrmsInfo'];
export type ReplicationServerInfo = Schemas['ReplicationServerInfo'];
export type Task = Schemas['Task'];
export type TaskStatus = Task['status'];
export type ResponseError = Schemas['ResponseError'];
export type MetaError = Schemas['MetaError'];

/** The Task as the simulator keeps it: `result` carries ids (the generated type says Record<string, never>). */
export type SimTask = Omit<Task, 'result'> & { result?: Record<string, string | boolean> | null };

/** What a task does when it completes; the effect is applied by the replications/pairings modules. */
export type TaskKind =
  | 'configure'
  | 'reconfigure'
  | 'unconfigure'
  | 'destroy'
  | 'pause'
  | 'resume'
  | 'sync'
  | 'pair'
  | 'unpair';

/** A VR task and what the engine needs to run it (duration, `failWith`, `cancelWith`). */
export interface SimTaskRecord extends EngineTaskRecord {
  task: SimTask;
  kind: TaskKind;
  pairingId: string;
  replicationId?: string;
  /** unconfigure / destroy: whether replica disks are kept on the target site. */
  retainReplicaDisks?: boolean;
  /** reconfigure: the settings to apply on success. */
  reconfigureSpec?: ReconfigureReplicationSpec;
  /** The remote vCenter the pair task connects to (the PSC password is checked at request time, never stored). */
  pairVcId?: string;
  pscCredentialsAccepted?: boolean;
}

export interface SimVcenter {
  id: string;
  name: string;
  site: 'local' | 'remote';
}

export interface SimVm {
  vcId: string;
  vm: VirtualMachine & { id: string; name: string; disks: VmDisk[] };
  /** Capability without the per-request vm_id / ALREADY_CONFIGURED overlay. */
  capability: VmCapabilities;
}

export interface SimDatastore {
  vcId: string;
  datastore: Datastore & { id: string; name: string };
}

export interface SimStoragePolicy {
  vcId: string;
  policy: StoragePolicy & { storage_policy_id: string; storage_policy_name: string };
  /** Datastore names this policy is compliant with. */
  compliantDatastores: string[];
}

export interface SimReplicationServer {
  vrmsId: string;
  server: ReplicationServerInfo & { id: string; name: string };
}

/** A seed disk that find-seeds reports and configure accepts (`use_seeds`). */
export interface SimSeed {
  datastoreId: string;
  vmName: string;
  deviceKey: number;
  path: string;
  sizeBytes: number;
}

export interface SimReplication {
  pairingId: string;
  info: ReplicationInfo & { id: string; name: string; status: { status: ReplicationStatus; rpo_violation: boolean } };
  disks: ReplicatedVmDisk[];
  /** When the initial full sync ends (status INITIAL_FULL_SYNC → OK). */
  fullSyncCompleteAt?: number;
  fullSyncStartedAt?: number;
}

export interface RemovedReplication {
  id: string;
  name: string;
  vmId: string | null;
  pairingId: string;
  method: 'unconfigure' | 'destroy' | 'configure-failed';
  retainReplicaDisks: boolean;
  taskId: string;
  removedAt: number;
}

export interface SimSession {
  id: string;
  username: string;
  createdAt: number;
  lastUsedAt: number;
  /** Pairing ids with a remote session (POST /pairings/{id}/remote-session). */
  remotePairings: Record<string, string>;
}

/** The whole inspectable state of the VR simulator. Everything except sessions is persisted to `stateFile`. */
export interface VrState {
  vcenters: SimVcenter[];
  localVrms: VrmsInfo & { id: string };
  remoteVrms: Array<VrmsInfo & { id: string }>;
  pairings: Array<Pairing & { pairing_id: string }>;
  vms: SimVm[];
  datastores: SimDatastore[];
  storagePolicies: SimStoragePolicy[];
  replicationServers: SimReplicationServer[];
  seeds: SimSeed[];
  replications: SimReplication[];
  removedReplications: RemovedReplication[];
  tasks: SimTaskRecord[];
  sessions: SimSession[];
}

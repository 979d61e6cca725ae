/**
 * The VCDA simulator's state: the seeded inventory (sites, orgs, vDCs, storage and SLA profiles, Cloud Director
 * VMs with their disks), the VM replications, the tasks and the sessions. API bodies use the contract's types
 * (generated from specs/vcda-api.json).
 *
 * Endpoints served: none.
 */
import type { components } from '../../../lib/client/vcda/generated/openapi';
import type { EngineTaskRecord } from '../core/task-engine';

type Schemas = components['schemas'];

export type VcdaSiteInfo = Schemas['Site'];
export type VcdaReplicationInfo = Schemas['SingleVmReplicationInfo'];
export type VcdaTaskBody = Schemas['Task'];
export type VcdaTaskState = VcdaTaskBody['state'];
export type VcdaApiErrorBody = Schemas['ApiError'];
export type VcdaOverallHealth = NonNullable<VcdaReplicationInfo['overallHealth']>;
export type VcdaStartBody = Schemas['StartVmReplication'];
export type VcdaReconfigureBody = Schemas['ReconfigureVmReplication'];
export type VcdaRetentionPolicy = Schemas['RetentionPolicy'];
export type VcdaDataConnectionType = Schemas['DataConnectionType'];
export type VcdaTestFailoverBody = Schemas['VmFailoverTestSettings'];
export type VcdaRecoveryInfo = Schemas['VmRecoveryInfo'];

export interface SimVcdaVdc {
  id: string;
  name: string;
  site: string;
  org: string;
  /** Ids of the storage profiles this vDC offers. */
  storageProfileIds: string[];
}

export interface SimStorageProfile {
  id: string;
  name: string;
  site: string;
}

export interface SimSlaProfile {
  id: string;
  name: string;
  rpo: number;
  dataConnectionType: VcdaDataConnectionType;
  retentionPolicy: VcdaRetentionPolicy;
}

export interface SimVcdaDisk {
  key: number;
  capacityMb: number;
}

export interface SimVcdaVm {
  id: string;
  name: string;
  site: string;
  org: string;
  vappId: string;
  disks: SimVcdaDisk[];
  /** Reported by the inventory when set (test VMs: POWERED_ON or POWERED_OFF as the test failover asked). */
  powerState?: 'POWERED_ON' | 'POWERED_OFF';
  ipAddress?: string | null;
  /** The replication whose test failover made this VM (removed by its cleanup). */
  testOf?: string;
}

export interface SimVcdaOrg {
  name: string;
  site: string;
}

export interface SimVcdaReplication {
  info: VcdaReplicationInfo;
  /** When the initial sync ends (replication then healthy); null once it ended. */
  initialSyncDoneAt: number | null;
  /** Retained instances (points in time), oldest first; absent in state files written before test failovers. */
  instances?: SimRetainedInstance[];
}

export interface SimRetainedInstance {
  key: string;
  timestamp: number;
}

export type VcdaTaskKind = 'start' | 'reconfigure' | 'storageProfile' | 'pause' | 'resume' | 'sync' | 'delete' | 'testFailover' | 'cleanupTestFailover';

export interface SimVcdaTaskRecord extends EngineTaskRecord {
  task: VcdaTaskBody;
  kind: VcdaTaskKind;
  queuedAt: number;
  startedAt: number | null;
  /** The replication the task changes (the one it creates, for `start`, once known). */
  replicationId: string;
  /** The request body the completion applies (start, reconfigure, storage profile). */
  payload?: unknown;
}

export interface SimVcdaSession {
  token: string;
  user: string;
  roles: string[];
  /** The site the user logged in to first, then the sites the session was extended to. */
  authenticatedSites: Array<{ site: string; org: string | null }>;
  /** Idle expiry: every authenticated request moves it. */
  expiresAt: number;
}

export interface VcdaState {
  /** The site this API endpoint belongs to. */
  localSite: string;
  sites: VcdaSiteInfo[];
  orgs: SimVcdaOrg[];
  vdcs: SimVcdaVdc[];
  storageProfiles: SimStorageProfile[];
  slaProfiles: SimSlaProfile[];
  vms: SimVcdaVm[];
  replications: SimVcdaReplication[];
  tasks: SimVcdaTaskRecord[];
  sessions: SimVcdaSession[];
}

/**
 * The SDRS simulator's state: the seeded inventory of one project (availability zones, a VPC, ECS servers and
 * their EVS volumes), the protection groups ("server groups"), replication pairs, protected instances, DR drills, jobs and
 * the IAM tokens the simulator issued. API bodies use the contract's types (generated from specs/sdrs-api.json).
 *
 * Endpoints served: none.
 */
import type { SdrsDrill, SdrsJob, SdrsProtectedInstance, SdrsReplication, SdrsServerGroup } from '../../../lib/client/sdrs/types';
import type { EngineTaskRecord } from '../core/task-engine';

export type SdrsJobStatus = SdrsJob['status'];

export interface SimSdrsServer {
  id: string;
  name: string;
  availability_zone: string;
  vpc_id: string;
  /** A server the simulator made on the DR site (a protected instance's target, or a drill server). */
  dr: boolean;
  /** ECS status: ACTIVE (running) or SHUTOFF. @default ACTIVE */
  status?: 'ACTIVE' | 'SHUTOFF';
  /** The DR drill that made it (a drill server), if any. */
  drill_id?: string;
  /** Its fixed IPv4 address in its VPC, if the simulator gave it one. */
  address?: string;
}

export interface SimSdrsVolume {
  id: string;
  name: string;
  size_gb: number;
  availability_zone: string;
  volume_type: string;
  bootable: boolean;
  /** The server it is attached to, if any, and as which device. */
  server_id: string | null;
  device: string | null;
  /** A volume the simulator made on the DR site (a pair's target). */
  dr: boolean;
}

export interface SdrsInventory {
  project_id: string;
  domain_id: string;
  domain_name: string;
  availability_zones: string[];
  vpcs: string[];
  servers: SimSdrsServer[];
  volumes: SimSdrsVolume[];
}

/** What a job does when it ends (the object it changes is named by id). */
export type SdrsJobKind =
  | 'createGroup'
  | 'deleteGroup'
  | 'startGroup'
  | 'stopGroup'
  | 'createPair'
  | 'deletePair'
  | 'expandPair'
  | 'createInstance'
  | 'deleteInstance'
  | 'attach'
  | 'detach'
  | 'createDrill'
  | 'deleteDrill';

export interface SimSdrsJobRecord extends EngineTaskRecord {
  job: SdrsJob & { entities: Record<string, string> };
  kind: SdrsJobKind;
  queuedAt: number;
  startedAt: number | null;
  /** The engine's progress (SDRS jobs do not report one). */
  progress: number;
  /** The group, pair, instance or drill the job changes. */
  targetId: string;
  /** What the job needs at its end (new size, delete flags, the attached pair and device). */
  payload: Record<string, string | number | boolean>;
}

export interface SdrsState {
  inventory: SdrsInventory;
  groups: SdrsServerGroup[];
  pairs: SdrsReplication[];
  instances: SdrsProtectedInstance[];
  jobs: SimSdrsJobRecord[];
  /** DR drills (absent until the first drill, so a state file without drills keeps its shape). */
  drills?: SdrsDrill[];
  /** IAM tokens issued by `POST /_sim/sdrs/tokens` (never saved). */
  tokens: string[];
}

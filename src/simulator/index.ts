/**
 * The embedded simulator (public entry point): the vendor-neutral core (core/) with vSphere Replication
 * and VMware Cloud Director Availability mounted (vr/, vcda/), and the pieces to mount more services next to it.
 *
 * Endpoints served: see core/server.ts (VR API under /api/rest/vr/v2, VCDA API under /vcda, SDRS API under /sdrs, admin API under /_sim).
 */
export { startSimulator } from './start';
export { DEFAULT_TASK_DELAY_MS, SimHost } from './core/server';
export { DEFAULT_USERS, DEFAULT_SESSION_TTL_MS, vrService } from './vr/service';
export type { VrServiceOptions } from './vr/service';
export { DEFAULT_VCDA_USERS, DEFAULT_VCDA_SESSION_TTL_MS, VCDA_API_ROOT, VCDA_DEFAULT_PASSWORDS, vcdaService } from './vcda/service';
export type { VcdaServiceOptions } from './vcda/service';
export type { VcdaUsers, VcdaCredentials } from './vcda/context';
export {
  VCDA_LOCAL_SITE,
  VCDA_REMOTE_SITE,
  VCDA_VM_IDS,
  VCDA_VDC_IDS,
  VCDA_STORAGE_PROFILE_IDS,
  VCDA_SLA_PROFILE_ID,
  VCDA_DEFAULT_STORAGE_PROFILE,
} from './vcda/inventory-seed';
export { SDRS_ACCESS_KEY, SDRS_SECRET_KEY, SDRS_TEST_TOKEN, SDRS_API_ROOT, sdrsService } from './sdrs/service';
export type { SdrsServiceOptions } from './sdrs/service';
export type { SdrsAccessKey } from './sdrs/context';
export {
  SDRS_PROJECT_ID,
  SDRS_DOMAIN_ID,
  SDRS_SOURCE_AZ,
  SDRS_TARGET_AZ,
  SDRS_VPC_ID,
  SDRS_SERVER_IDS,
  SDRS_VOLUME_IDS,
  SDRS_SEED_GROUP_ID,
} from './sdrs/inventory-seed';
export type { SdrsState, SimSdrsJobRecord, SimSdrsServer, SimSdrsVolume } from './sdrs/types';
export type { VcdaState, SimVcdaReplication, SimVcdaTaskRecord, SimVcdaSession, SimVcdaVm } from './vcda/types';
export type {
  SimulatorOptions,
  SimulatorUsers,
  RunningSimulator,
  RecordedRequest,
  SimulatorFaults,
  MountedService,
  RunningSimServer,
  CoreOptions,
} from './options';
export type { ServiceDefinition, ServiceMount, SimService, SimRuntime, ServiceRequest, ServiceResult, ServiceAdminRoute } from './core/service';
export { SimApiError, errorResponse, type SimResponse, type ErrorBodyShape } from './core/http';
export { TaskEngine, TaskFailure, isTerminalStatus } from './core/task-engine';
export type { EngineTaskRecord, TaskModel, TaskStatusNames, TaskUpdate, TaskResult } from './core/task-engine';
export type { FaultRule, FaultRuleStats } from './core/faults';
export { parseFaultRule, parseFaultRules } from './core/faults';
export { ManualClock, seededRandom, sequentialIds, systemClock } from './core/runtime';
export type { SimClock, RandomSource, IdGenerator } from './core/runtime';
export type { VrCredentials } from './vr/context';
export { VR_API_ROOT } from './vr/openapi';
export {
  SITE_A,
  SITE_B,
  PAIRING_ID,
  DATASTORE_IDS,
  STORAGE_POLICY_IDS,
  ORDINARY_VM_NAMES,
  SPECIAL_VM_NAMES,
  vmId,
} from './vr/inventory-seed';
export type {
  VrState,
  SimReplication,
  SimTaskRecord,
  SimSession,
  SimVm,
  RemovedReplication,
} from './vr/types';

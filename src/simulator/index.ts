/**
 * The embedded simulator (public entry point): the vendor-neutral core (core/) with vSphere Replication
 * mounted (vr/), and the pieces to mount more services next to it.
 *
 * Endpoints served: see core/server.ts (VR API under /api/rest/vr/v2, admin API under /_sim).
 */
export { startSimulator } from './start';
export { DEFAULT_TASK_DELAY_MS, SimHost } from './core/server';
export { DEFAULT_USERS, DEFAULT_SESSION_TTL_MS, vrService } from './vr/service';
export type { VrServiceOptions } from './vr/service';
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

/**
 * The embedded vSphere Replication API simulator (public entry point).
 *
 * Endpoints served: see server.ts (VR API under /api/rest/vr/v2, admin API under /_sim).
 */
export { startSimulator, DEFAULT_USERS, DEFAULT_TASK_DELAY_MS, DEFAULT_SESSION_TTL_MS } from './server';
export type {
  SimulatorOptions,
  SimulatorUsers,
  RunningSimulator,
  RecordedRequest,
  SimulatorFaults,
} from './options';
export type { FaultRule, FaultRuleStats } from './faults';
export { parseFaultRule, parseFaultRules } from './faults';
export { ManualClock, seededRandom, sequentialIds, systemClock } from './runtime';
export type { SimClock, RandomSource, IdGenerator } from './runtime';
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

/**
 * VMware Cloud Director Availability as a simulator service (core/vendor-service.ts), mounted at `/vcda`: its
 * options, its state (seeded, or the `vcda` section of the state file; sessions are never saved), its call path
 * parts (api.ts, with repliform's contract specs/vcda-api.json; its `ApiError` body also answers the core's
 * faults and rate limit), and the drift routes it adds to the admin API.
 *
 * Endpoints served:
 *   /vcda/**                                 the VCDA API (api.ts)
 *   POST   /_sim/vcda/replications/{id}      drift by hand (drift.ts)
 *   DELETE /_sim/vcda/replications/{id}      remove a replication behind repliform's back
 */
import { isRecord } from '../core/http';
import { findFileAbove } from '../core/openapi';
import { notAStateFile } from '../core/persistence';
import type { ServiceAdminRoute, ServiceDefinition, ServiceMount } from '../core/service';
import { loadContract, stateSessions, vendorServiceDefinition, type VendorServiceData } from '../core/vendor-service';
import { vcdaAdvance, VCDA_CALL_PATH } from './api';
import type { VcdaContext, VcdaRequest, VcdaUsers } from './context';
import { applyVcdaDrift, removeVcdaReplication } from './drift';
import { seedVcdaState } from './inventory-seed';
import type { SimVcdaSession, VcdaState } from './types';

export const VCDA_SERVICE_NAME = 'vcda';
export const VCDA_API_ROOT = '/vcda';
export const VCDA_SPEC_FILE = 'specs/vcda-api.json';

export const DEFAULT_VCDA_USERS: VcdaUsers = {
  site1: { username: 'vcda-admin@org1', password: 'Sim-Vcda-Site1-Passw0rd!' },
  site2: { username: 'vcda-admin@org2', password: 'Sim-Vcda-Site2-Passw0rd!' },
  root: { username: 'root', password: 'Sim-Vcda-Root-Passw0rd!' },
  sso: { username: 'administrator@vsphere.local', password: 'Sim-Vcda-Sso-Passw0rd!' },
};
/** The default Cloud Director passwords by site (what VCDA_SITE1_PASSWORD / VCDA_SITE2_PASSWORD default to against the simulator). */
export const VCDA_DEFAULT_PASSWORDS = { site1: DEFAULT_VCDA_USERS.site1.password, site2: DEFAULT_VCDA_USERS.site2.password } as const;
export const DEFAULT_VCDA_SESSION_TTL_MS = 30 * 60 * 1000;

export interface VcdaServiceOptions {
  /** Idle lifetime of a session; an expired one gets 401 NotAuthenticated. @default 30 minutes */
  sessionTtlMs?: number;
  /** Users by login type (each one replaces its default). @default DEFAULT_VCDA_USERS */
  users?: Partial<VcdaUsers>;
  /** Validate every JSON response against the contract; a violation becomes a 500 naming the field. @default false */
  validateResponses?: boolean;
  /** Path of the contract. @default specs/vcda-api.json found above this module */
  specPath?: string;
  /** More Cloud Director VMs on site1 (vcd-bench-0001 …, 1–2 disks, ids from `vcdaBenchVmId`) for fleets; not with a state file. @default 0 */
  extraVms?: number;
}

const PERSISTED_ARRAYS = ['sites', 'orgs', 'vdcs', 'storageProfiles', 'slaProfiles', 'vms', 'replications', 'tasks'] as const;

function loadVcdaState(saved: ServiceMount['saved'], extraVms: number): VcdaState {
  if (!saved || saved.section === undefined) return seedVcdaState(extraVms);
  const { section, file } = saved;
  if (!isRecord(section)) throw notAStateFile(file);
  for (const key of PERSISTED_ARRAYS) {
    if (!Array.isArray(section[key])) throw new Error(`${file}: vcda.${key} must be an array`);
  }
  if (typeof section.localSite !== 'string') throw new Error(`${file}: vcda.localSite must be a string`);
  return { ...(section as unknown as VcdaState), sessions: [] };
}

function adminRoutes(context: VcdaContext): ServiceAdminRoute[] {
  const idOf = (match: RegExpExecArray): string => decodeURIComponent(match[1] ?? '');
  return [
    { method: 'POST', path: /^\/replications\/([^/]+)$/, handle: (body, match) => ({ status: 200, body: applyVcdaDrift(context.state, idOf(match), body ?? {}, context.clock.now()) }) },
    { method: 'DELETE', path: /^\/replications\/([^/]+)$/, handle: (_body, match) => (removeVcdaReplication(context.state, idOf(match)), { status: 204 }) },
  ];
}

/** The state as the state file keeps it: sessions are never saved. */
function persisted(state: VcdaState): unknown {
  const { sessions: _sessions, ...kept } = state;
  void _sessions;
  return kept;
}

function vcdaContext(mount: ServiceMount, options: VcdaServiceOptions): VcdaContext {
  return {
    state: loadVcdaState(mount.saved, options.extraVms ?? 0),
    ...mount.runtime,
    users: { ...DEFAULT_VCDA_USERS, ...options.users },
    sessionTtlMs: options.sessionTtlMs ?? DEFAULT_VCDA_SESSION_TTL_MS,
    issuedSessionIds: [],
  };
}

const VCDA_DATA: VendorServiceData<VcdaState, VcdaRequest, VcdaContext, SimVcdaSession> = {
  name: VCDA_SERVICE_NAME,
  basePath: VCDA_API_ROOT,
  errorCodes: { invalidJson: 'BadRequest', rateLimited: 'TooManyRequests' },
  callPath: VCDA_CALL_PATH,
  advancer: vcdaAdvance,
  taskRecords: (state) => state.tasks,
  snapshot: persisted,
  sessions: stateSessions,
  adminRoutes,
};

/** The VCDA service, to mount on a simulator host (`startSimulator` mounts it next to VR). */
export function vcdaService(options: VcdaServiceOptions = {}): ServiceDefinition<VcdaState> {
  return vendorServiceDefinition(VCDA_DATA, {
    contract: () => loadContract(options.specPath ?? findFileAbove(VCDA_SPEC_FILE, __dirname), VCDA_API_ROOT),
    context: (mount) => vcdaContext(mount, options),
    validateResponses: options.validateResponses,
  });
}

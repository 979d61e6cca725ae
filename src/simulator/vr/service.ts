/**
 * vSphere Replication as a simulator service (core/vendor-service.ts): its options, its state (seeded, or the
 * `vr` section of the state file), its call path parts (api.ts, with the official OpenAPI file), sessions, and
 * the drift route it adds to the admin API.
 *
 * Endpoints served:
 *   /api/rest/vr/v2/**                          the VR API (api.ts)
 *   POST /_sim/[vr/]replications/{id}/status    drift by hand: {status?, rpo_violation?, rpo?, quiescing_enabled?, …}
 */
import type { ServiceAdminRoute, ServiceDefinition, ServiceMount } from '../core/service';
import { stateSessions, vendorServiceDefinition, type VendorServiceData } from '../core/vendor-service';
import { vrAdvance, VR_CALL_PATH } from './api';
import type { VrContext, VrCredentials, VrRequest, VrUsers } from './context';
import { createVrOpenApi, findSpecFile, VR_API_ROOT } from './openapi';
import { applyReplicationDrift } from './replications';
import { loadState, persistedState } from './state-store';
import type { SimSession, VrState } from './types';

export const VR_SERVICE_NAME = 'vr';

export const DEFAULT_USERS: VrUsers = {
  local: { username: 'administrator@vsphere.local', password: 'Sim-Site-A-Passw0rd!' },
  remote: { username: 'administrator@vsphere.local', password: 'Sim-Site-B-Passw0rd!' },
};
export const DEFAULT_SESSION_TTL_MS = 30 * 60 * 1000;

export interface SimulatorUsers {
  /** Site A (local vCenter SSO). Default administrator@vsphere.local / Sim-Site-A-Passw0rd! */
  local?: VrCredentials;
  /** Site B (remote vCenter SSO, for POST /pairings/{id}/remote-session). Default administrator@vsphere.local / Sim-Site-B-Passw0rd! */
  remote?: VrCredentials;
}

export interface VrServiceOptions {
  /** Idle lifetime of a session; an expired session gets 401 with no body. @default 30 minutes */
  sessionTtlMs?: number;
  users?: SimulatorUsers;
  /** Extra generated VMs bench-0001… on vc-a (benchmarks). @default 0 */
  extraVms?: number;
  /** Validate every JSON response against the spec; a violation becomes a 500 naming the field. @default false */
  validateResponses?: boolean;
  /** Path of the OpenAPI file. @default specs/vsphere-replication-api-v2.json found above this module */
  specPath?: string;
  /**
   * The origin the appliance names in its paging links (`_meta.links.*.href`), e.g. https://vr-a.internal:8443:
   * an appliance behind a reverse proxy, NAT address or DNS alias names its own address, not the one clients use.
   * @default the address the simulator listens on
   */
  linkOrigin?: string;
}

const driftRoute = (context: VrContext): ServiceAdminRoute => ({
  method: 'POST',
  path: /^\/replications\/([^/]+)\/status$/,
  handle: (body, match) => ({ status: 200, body: applyReplicationDrift(context.state, decodeURIComponent(match[1] ?? ''), body ?? {}).info }),
});

function vrContext(mount: ServiceMount, options: VrServiceOptions): VrContext {
  return {
    state: loadState(mount.saved, options.extraVms ?? 0),
    ...mount.runtime,
    users: {
      local: options.users?.local ?? DEFAULT_USERS.local,
      remote: options.users?.remote ?? DEFAULT_USERS.remote,
    },
    sessionTtlMs: options.sessionTtlMs ?? DEFAULT_SESSION_TTL_MS,
    issuedSessionIds: [],
    linkOrigin: options.linkOrigin,
  };
}

const VR_DATA: VendorServiceData<VrState, VrRequest, VrContext, SimSession> = {
  name: VR_SERVICE_NAME,
  basePath: VR_API_ROOT,
  errorCodes: { invalidJson: 'VR.INVALID_JSON', rateLimited: 'VR.TOO_MANY_REQUESTS' },
  callPath: VR_CALL_PATH,
  advancer: vrAdvance,
  taskRecords: (state) => state.tasks,
  snapshot: persistedState,
  sessions: stateSessions,
  adminRoutes: (context) => [driftRoute(context)],
};

/** The VR service, to mount on a simulator host. */
export function vrService(options: VrServiceOptions = {}): ServiceDefinition<VrState> {
  return vendorServiceDefinition(VR_DATA, {
    contract: () => createVrOpenApi(options.specPath ?? findSpecFile()),
    context: (mount) => vrContext(mount, options),
    validateResponses: options.validateResponses,
  });
}

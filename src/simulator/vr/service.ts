/**
 * vSphere Replication as a simulator service: its state (seeded, or the `vr` section of the state file), the
 * dispatcher validating against the official OpenAPI file (api.ts), its tasks on the shared engine, its error
 * body, sessions, and the drift route it adds to the admin API.
 *
 * Endpoints served:
 *   /api/rest/vr/v2/**                          the VR API (api.ts)
 *   POST /_sim/[vr/]replications/{id}/status    drift by hand: {status?, rpo_violation?, rpo?, quiescing_enabled?, …}
 */
import type { ServiceAdminRoute, ServiceDefinition, ServiceMount, SimService } from '../core/service';
import { VrApi } from './api';
import type { VrContext, VrCredentials, VrUsers } from './context';
import { vrErrorBody } from './errors';
import { createVrOpenApi, findSpecFile, VR_API_ROOT } from './openapi';
import { applyReplicationDrift } from './replications';
import { loadState, persistedState } from './state-store';
import type { VrState } from './types';

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

class VrService implements SimService<VrState> {
  readonly name = VR_SERVICE_NAME;
  readonly basePath = VR_API_ROOT;
  readonly errorCodes = { invalidJson: 'VR.INVALID_JSON', rateLimited: 'VR.TOO_MANY_REQUESTS' };
  readonly adminRoutes: readonly ServiceAdminRoute[] = [
    { method: 'POST', path: /^\/replications\/([^/]+)\/status$/, handle: (body, match) => this.drift(decodeURIComponent(match[1]), body) },
  ];

  constructor(private readonly api: VrApi) {}

  get state(): VrState {
    return this.api.context.state;
  }

  get issuedSessionIds(): readonly string[] {
    return this.api.context.issuedSessionIds;
  }

  errorBody(status: number, code: string, message: string): unknown {
    return vrErrorBody(status, code, message);
  }

  dispatch(request: Parameters<VrApi['dispatch']>[0]): ReturnType<VrApi['dispatch']> {
    return this.api.dispatch(request);
  }

  advance(now: number): boolean {
    return this.api.advance(now);
  }

  taskRecords(): VrState['tasks'] {
    return this.state.tasks;
  }

  snapshot(): unknown {
    return persistedState(this.state);
  }

  expireSessions(): void {
    this.state.sessions = [];
  }

  private drift(replicationId: string, body: unknown): { status: number; body: unknown } {
    const replication = applyReplicationDrift(this.state, replicationId, body ?? {});
    return { status: 200, body: replication.info };
  }
}

function vrContext(mount: ServiceMount, options: VrServiceOptions): VrContext {
  return {
    state: loadState(mount.saved, options.extraVms ?? 0),
    clock: mount.runtime.clock,
    ids: mount.runtime.ids,
    users: {
      local: options.users?.local ?? DEFAULT_USERS.local,
      remote: options.users?.remote ?? DEFAULT_USERS.remote,
    },
    taskDelayMs: mount.runtime.taskDelayMs,
    sessionTtlMs: options.sessionTtlMs ?? DEFAULT_SESSION_TTL_MS,
    issuedSessionIds: [],
  };
}

/** The VR service, to mount on a simulator host. */
export function vrService(options: VrServiceOptions = {}): ServiceDefinition<VrState> {
  return {
    name: VR_SERVICE_NAME,
    create: async (mount) => {
      const context = vrContext(mount, options);
      const openApi = await createVrOpenApi(options.specPath ?? findSpecFile());
      return new VrService(new VrApi(openApi, context, options.validateResponses ?? false, options.linkOrigin));
    },
  };
}

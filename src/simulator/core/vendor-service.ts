/**
 * A vendor API as a simulator service, from the vendor's data: its name, base path and codes, its call path
 * parts (handlers, authenticator, refusals: core/dispatcher.ts), its clock-driven changes, task records, saved
 * state, sessions and the admin routes it adds — with the contract (an OpenAPI file) and context one simulator
 * makes it with. The service's state is its context's; its error body is its refusals'. Every request runs the
 * one call path.
 *
 * Endpoints served: none (each vendor's api.ts names its own).
 */
import type OpenAPIBackend from 'openapi-backend';
import type { Document } from 'openapi-backend';
import { dispatchOperation, type VendorApi, type VendorCallPath } from './dispatcher';
import { createOpenApiBackend, readOpenApiDocument } from './openapi';
import type { ServiceAdminRoute, ServiceDefinition, ServiceErrorCodes, ServiceMount, ServiceRequest, ServiceResult, SimService } from './service';
import type { EngineTaskRecord } from './task-engine';

/** The sessions (tokens) a vendor issues. */
export interface VendorSessions {
  /** Drops every session (`POST /_sim/expire-sessions`, the `expireSessions` fault). */
  expire(): void;
  /** Session ids issued since start (secrets: for leak checks only). */
  issued(): readonly string[];
}

/** Sessions kept in the state's `sessions` list, their ids in the context's `issuedSessionIds`. */
export function stateSessions(context: { readonly state: { sessions: unknown[] }; readonly issuedSessionIds: readonly string[] }): VendorSessions {
  return {
    expire: () => {
      context.state.sessions = [];
    },
    issued: () => context.issuedSessionIds,
  };
}

/** What a vendor is to the core, as data: what it is called, where, its call path, and what it does with its state. */
export interface VendorServiceData<State, Request, Context extends { readonly state: State }, Session> {
  /** Lower-case, unique in a process: `vr`, `vcda`, `sdrs`. */
  readonly name: string;
  /** e.g. `/api/rest/vr/v2`; `{name}` segments match any one segment. */
  readonly basePath: string;
  /** The codes the core answers with on the vendor's behalf (bad JSON, rate limit). */
  readonly errorCodes: ServiceErrorCodes;
  readonly callPath: VendorCallPath<Request, Context, Session>;
  /** What advances tasks and other time-driven changes to `now` (true when the state changed), made once per service. */
  advancer(context: Context): (now: number) => boolean;
  /** The task records, so the core can cancel those a faulted request created. */
  taskRecords(state: State): readonly EngineTaskRecord[];
  /** The state as the state file keeps it (sessions left out). */
  snapshot(state: State): unknown;
  sessions(context: Context): VendorSessions;
  /** Routes the vendor adds under `/_sim/<name>/…` (drift by hand …). @default none */
  adminRoutes?(context: Context): readonly ServiceAdminRoute[];
}

/** What a vendor's service is made with in one simulator: its contract and context from the options and the mount. */
export interface VendorServiceSetup<Context> {
  contract(): Promise<OpenAPIBackend>;
  context(mount: ServiceMount): Context;
  /** @default false */
  validateResponses?: boolean;
}

class VendorService<State, Request, Context extends { readonly state: State }, Session> implements SimService<State> {
  readonly name: string;
  readonly basePath: string;
  readonly errorCodes: ServiceErrorCodes;
  readonly adminRoutes: readonly ServiceAdminRoute[];
  private readonly sessions: VendorSessions;
  private readonly advancer: (now: number) => boolean;

  constructor(
    private readonly data: VendorServiceData<State, Request, Context, Session>,
    private readonly api: VendorApi<Request, Context, Session>,
  ) {
    this.name = data.name;
    this.basePath = data.basePath;
    this.errorCodes = data.errorCodes;
    this.adminRoutes = data.adminRoutes?.(api.context) ?? [];
    this.sessions = data.sessions(api.context);
    this.advancer = data.advancer(api.context);
  }

  get state(): State {
    return this.api.context.state;
  }

  get issuedSessionIds(): readonly string[] {
    return this.sessions.issued();
  }

  errorBody(status: number, code: string, message: string): unknown {
    return this.data.callPath.refusals.errorBody(status, code, message);
  }

  dispatch(request: ServiceRequest): ServiceResult {
    return dispatchOperation(this.api, request);
  }

  advance(now: number): boolean {
    return this.advancer(now);
  }

  taskRecords(): readonly EngineTaskRecord[] {
    return this.data.taskRecords(this.state);
  }

  snapshot(): unknown {
    return this.data.snapshot(this.state);
  }

  expireSessions(): void {
    this.sessions.expire();
  }
}

/** The vendor's service, to mount on a simulator host: its context made, its contract loaded, on the one call path. */
export function vendorServiceDefinition<State, Request, Context extends { readonly state: State }, Session>(
  data: VendorServiceData<State, Request, Context, Session>,
  setup: VendorServiceSetup<Context>,
): ServiceDefinition<State> {
  return {
    name: data.name,
    create: async (mount) => {
      const context = setup.context(mount);
      const contract = await setup.contract();
      return new VendorService(data, { callPath: data.callPath, contract, context, validateResponses: setup.validateResponses ?? false });
    },
  };
}

/** The vendor's OpenAPI file as its router and validator at `apiRoot`; `patch` edits the document first (VR's nullable links). */
export async function loadContract(specPath: string, apiRoot: string, patch: (document: Document & { components?: Record<string, unknown> }) => void = () => undefined): Promise<OpenAPIBackend> {
  const document = readOpenApiDocument(specPath);
  patch(document);
  return createOpenApiBackend(document, apiRoot);
}

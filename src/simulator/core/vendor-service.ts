/**
 * A vendor API as a simulator service, from the vendor's data: its contract (an OpenAPI file), its call path
 * parts (handlers, authenticator, refusals: core/dispatcher.ts), its clock-driven changes, its sessions and the
 * admin routes it adds. The service's state is its context's; its error body is its refusals'. Every request
 * runs the one call path.
 *
 * Endpoints served: none (each vendor's api.ts names its own).
 */
import type OpenAPIBackend from 'openapi-backend';
import type { Document } from 'openapi-backend';
import { dispatchOperation, type VendorApi } from './dispatcher';
import { createOpenApiBackend, readOpenApiDocument } from './openapi';
import type { ServiceAdminRoute, ServiceErrorCodes, ServiceRequest, ServiceResult, SimService } from './service';
import type { EngineTaskRecord } from './task-engine';

/** The sessions (tokens) a vendor issues. */
export interface VendorSessions {
  /** Drops every session (`POST /_sim/expire-sessions`, the `expireSessions` fault). */
  expire(): void;
  /** Session ids issued since start (secrets: for leak checks only). */
  issued(): readonly string[];
}

export interface VendorServiceParts<State, Request, Context extends { readonly state: State }, Session> {
  /** Lower-case, unique in a process: `vr`, `vcda`, `sdrs`. */
  readonly name: string;
  /** e.g. `/api/rest/vr/v2`; `{name}` segments match any one segment. */
  readonly basePath: string;
  /** The codes the core answers with on the vendor's behalf (bad JSON, rate limit). */
  readonly errorCodes: ServiceErrorCodes;
  readonly api: VendorApi<Request, Context, Session>;
  /** Advances tasks and other time-driven changes to `now`; true when the state changed. */
  advance(now: number): boolean;
  /** The task records, so the core can cancel those a faulted request created. */
  taskRecords(): readonly EngineTaskRecord[];
  /** The state as the state file keeps it (sessions left out). */
  snapshot(): unknown;
  readonly sessions: VendorSessions;
  /** Routes the vendor adds under `/_sim/<name>/…` (drift by hand …). @default none */
  readonly adminRoutes?: readonly ServiceAdminRoute[];
}

class VendorService<State, Request, Context extends { readonly state: State }, Session> implements SimService<State> {
  readonly name: string;
  readonly basePath: string;
  readonly errorCodes: ServiceErrorCodes;
  readonly adminRoutes: readonly ServiceAdminRoute[];

  constructor(private readonly parts: VendorServiceParts<State, Request, Context, Session>) {
    this.name = parts.name;
    this.basePath = parts.basePath;
    this.errorCodes = parts.errorCodes;
    this.adminRoutes = parts.adminRoutes ?? [];
  }

  get state(): State {
    return this.parts.api.context.state;
  }

  get issuedSessionIds(): readonly string[] {
    return this.parts.sessions.issued();
  }

  errorBody(status: number, code: string, message: string): unknown {
    return this.parts.api.refusals.errorBody(status, code, message);
  }

  dispatch(request: ServiceRequest): ServiceResult {
    return dispatchOperation(this.parts.api, request);
  }

  advance(now: number): boolean {
    return this.parts.advance(now);
  }

  taskRecords(): readonly EngineTaskRecord[] {
    return this.parts.taskRecords();
  }

  snapshot(): unknown {
    return this.parts.snapshot();
  }

  expireSessions(): void {
    this.parts.sessions.expire();
  }
}

/** The service the core mounts for a vendor's parts. */
export function vendorService<State, Request, Context extends { readonly state: State }, Session>(
  parts: VendorServiceParts<State, Request, Context, Session>,
): SimService<State> {
  return new VendorService(parts);
}

/** The vendor's OpenAPI file as its router and validator at `apiRoot`; `patch` edits the document first (VR's nullable links). */
export async function loadContract(specPath: string, apiRoot: string, patch: (document: Document & { components?: Record<string, unknown> }) => void = () => undefined): Promise<OpenAPIBackend> {
  const document = readOpenApiDocument(specPath);
  patch(document);
  return createOpenApiBackend(document, apiRoot);
}

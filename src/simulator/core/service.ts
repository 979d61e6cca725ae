/**
 * What a vendor's simulated API is to the core: a `SimService` mounted at its base path. The core owns the
 * listener, the request log, body parsing, fault rules, the rate limit, the admin API, TLS, the clock and the
 * state file; a service owns its state, its routes (and their validation), the advance of its tasks on the
 * shared engine, its error body, and the admin routes it adds (drift by hand, …).
 *
 * Endpoints served: none.
 */
import type { QueryValues, SimResponse } from './http';
import type { IdGenerator, SimClock } from './runtime';
import type { EngineTaskRecord } from './task-engine';

/** What the core shares with every service. */
export interface SimRuntime {
  clock: SimClock;
  ids: IdGenerator;
  /** Time a task takes from queued to its end (changed at run time by `setTaskDelay`). */
  taskDelayMs(): number;
}

export interface ServiceRequest {
  method: string;
  /** Full path including the base path, without the query string. */
  path: string;
  /** The path after the base path ('/' at least): what fault rules match. */
  apiPath: string;
  /** Values of the `{…}` segments of the base path (SDRS `/v1/{project_id}`). */
  baseParams: Record<string, string>;
  query: QueryValues;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
  /** The body exactly as received (what an AK/SK signature covers); '' when there was none. */
  rawBody?: string;
  /** Base URL of the server (scheme://host:port), for links. */
  baseUrl: string;
  /** From a matching fault rule: the task this request creates (where the service says so) ends failed. */
  taskError?: string;
}

export interface ServiceResult {
  response: SimResponse;
  /** The operation the request was routed to, recorded with it. */
  operationId?: string;
}

/** An admin route a service adds under `/_sim/<service>/…` (and under `/_sim/…` for the first one mounted). */
export interface ServiceAdminRoute {
  method: string;
  /** Matched against the path after `/_sim` (or `/_sim/<service>`). */
  path: RegExp;
  handle(body: unknown, match: RegExpExecArray): SimResponse;
}

/** The error codes the core answers with on a service's behalf, in the service's body shape. */
export interface ServiceErrorCodes {
  /** 400: the request body is not JSON. */
  invalidJson: string;
  /** 429: the rate limit is exceeded. */
  rateLimited: string;
}

export interface SimService<State = unknown> {
  /** Lower-case, unique in a process: `vr`, `vcda`, `sdrs`. */
  readonly name: string;
  /** e.g. `/api/rest/vr/v2`; `{name}` segments match any one segment (`/v1/{project_id}`). */
  readonly basePath: string;
  /** The live state, as the tests and `/_sim/<service>/state` see it. */
  readonly state: State;
  readonly errorCodes: ServiceErrorCodes;
  /** The body of an error response; undefined = no body (VR 401/404). */
  errorBody(status: number, code: string, message: string): unknown;
  /** Routes, authenticates, validates and handles one request (never throws: errors are responses). */
  dispatch(request: ServiceRequest): ServiceResult;
  /** Advances tasks (on the shared engine) and other time-driven changes to `now`; true when the state changed. */
  advance(now: number): boolean;
  /** The task records, so the core can cancel those a faulted request created (`taskCancel`). */
  taskRecords(): readonly EngineTaskRecord[];
  readonly adminRoutes?: readonly ServiceAdminRoute[];
  /** The service's section of the state file; a service without it is not persisted. */
  snapshot?(): unknown;
  /** Drops every session (`POST /_sim/expire-sessions`). */
  expireSessions?(): void;
  /** Session ids issued since start (secrets: for leak checks only). */
  readonly issuedSessionIds?: readonly string[];
}

/** What a service is created with. */
export interface ServiceMount {
  runtime: SimRuntime;
  /** Set when a state file was loaded: the service's section of it (undefined when it has none) and the file. */
  saved?: { section: unknown; file: string };
}

/** A service before it is mounted: its name and how to create it (seeded, or restored from `saved`). */
export interface ServiceDefinition<State = unknown> {
  readonly name: string;
  create(mount: ServiceMount): SimService<State> | Promise<SimService<State>>;
}

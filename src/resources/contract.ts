/**
 * The handler contract (DESIGN.md): one handler per kind, called by the lifecycle CLI and by `review`.
 * Handlers are the only layer that knows a service's workflow; they talk to the API only through the
 * clients that `Context.clients` builds.
 */
import type { VrClient } from '../../lib/client/vr/vr-client';
import type { Clock } from '../../lib/client/wait';
import type { ConnectionSpec } from './vr/connection';

export type LifecycleAction = 'create' | 'read' | 'update' | 'delete';

export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  debug(message: string): void;
}

/** Reports the advance of one long wait (a task); the CLI renders it as a bar on a TTY or as lines. */
export interface ProgressReporter {
  start(label: string): void;
  update(percent: number | undefined, detail?: string): void;
  stop(outcome: string): void;
}

export interface ClientFactory {
  /** A VR client for one appliance; credentials are read from the environment variables the spec names. */
  vr(connection: ConnectionSpec): VrClient;
}

/**
 * Who created which object, recorded before the create request (see ownership.ts). Adoption is never
 * silent: an existing object is only taken as this code's own when a record names the same owner.
 */
export interface OwnershipRecords {
  /** The owner recorded for the object with this natural key, if any. */
  ownerOf(key: string): string | undefined;
  /** Records `owner` for the object with this natural key (before the request that creates it). */
  record(key: string, owner: string): void;
  /** Drops the record (after the object was removed). */
  forget(key: string): void;
}

export interface Context {
  /** Where credentials are read from (the names are in the spec, the values only here). */
  readonly env: NodeJS.ProcessEnv;
  readonly log: Logger;
  readonly progress: ProgressReporter;
  readonly clients: ClientFactory;
  readonly signal?: AbortSignal;
  /**
   * Where creates record their intent before the create request.
   * @default - no records: every existing object counts as made by someone else (adopt only when asked)
   */
  readonly ownership?: OwnershipRecords;
  /**
   * Time and sleep for retry back-off; injected in tests.
   * @default systemClock
   */
  readonly clock?: Clock;
}

/** One field-level difference between the code and the live object. */
export interface Change {
  readonly field: string;
  readonly from: unknown;
  readonly to: unknown;
  /** `in-place`: settings only, no resync. `replace`: a new object (full sync unless seeded). */
  readonly effect: 'in-place' | 'replace';
}

export interface ResourceHandler<Spec, State> {
  readonly kind: string;
  /** Validates raw spec JSON for an action (delete may receive a reduced spec). */
  parseSpec(raw: unknown, action: LifecycleAction): Spec;
  /** A short name for messages, e.g. the VM name. */
  describe(spec: Spec): string;
  /** Find-or-create: adopts an existing object; a rerun after a crash never duplicates. */
  create(spec: Spec, ctx: Context): Promise<State>;
  /** `undefined` = the object does not exist. */
  read(spec: Spec, ctx: Context): Promise<State | undefined>;
  /** In-place settings change. */
  update?(spec: Spec, ctx: Context): Promise<State>;
  /** Removing something already gone succeeds. Keeps data unless the spec says otherwise. */
  delete(spec: Spec, ctx: Context): Promise<void>;
  /** For review: what applying `spec` would change on `live`. */
  diff(spec: Spec, live: State | undefined): Change[];
}

/** A handler whose spec and state types are erased, as the registry holds them. */
export type AnyHandler = ResourceHandler<unknown, unknown>;

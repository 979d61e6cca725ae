/**
 * The handler contract (DESIGN.md): one handler per kind, called by the lifecycle CLI and by `review`.
 * Handlers are the only layer that knows a service's workflow; they talk to the API only through the
 * clients that `Context.clients` builds.
 */
import type { RequestLogEntry, TlsOptions } from '../../lib/client/http/http-client';
import type { SharedState } from '../../lib/client/shared-state';
import type { Clock } from '../../lib/client/wait';
import type { z } from 'zod';
import type { CredentialsRef, EndpointConnection } from './connection';
import type { NotReviewed, ReviewProfile } from './review-profile';

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

/** What the factory needs of any vendor's client: a logout or close at the end of a run, and where it points. */
export interface ManagedClient {
  readonly baseUrl: string;
  /** What it cost so far (for REPLIFORM_METRICS_FILE and the benchmark). */
  readonly stats: ClientStats;
  /** At the end of one of many short runs (the lifecycle CLI): a session shared with other processes stays open. */
  logout(): Promise<void>;
  /** At the end of a one-shot run (the provider): a shared session is logged out too when no other process holds it. */
  close(): Promise<void>;
}

export interface ClientStats {
  readonly requests: number;
  readonly retries: number;
  readonly logins: number;
  readonly taskPolls: number;
}

/** Credentials read from the environment variables a spec names. */
export interface Credentials {
  readonly username: string;
  readonly password: string;
}

/** What a vendor's client builder gets from the factory: secrets, TLS trust, sharing, limits, logging. */
export interface ClientTools {
  /** Reads the variables `ref` names; a missing one is bad input naming `field`. */
  credentials(ref: CredentialsRef, field: string): Credentials;
  /** Reads one secret (e.g. an SDRS access or secret key) from the variable named; a missing one is bad input naming `field`. */
  secret(variable: string, field: string): string;
  /** TLS trust for a connection (the CA bundle is read here, so a bad one is bad input before any request). */
  tls(connection: EndpointConnection): TlsOptions | undefined;
  /** The state shared by concurrent processes for one identity (endpoint + users), when sharing is on. */
  shared(identity: readonly string[]): SharedState | undefined;
  readonly timeoutMs?: number;
  readonly onRequest?: (entry: RequestLogEntry) => void;
  readonly signal?: AbortSignal;
  readonly warn: (message: string) => void;
  /** Time for retry back-off and task waits (tests run it virtually). @default the system clock */
  readonly clock?: Clock;
  /**
   * Whether a client gathers lookups that arrive while one of the same kind is in flight into one request (the
   * provider serves many resources in one process). @default false - no gathering
   */
  readonly coalesceLookups?: boolean;
}

/** How one vendor's client is built from its connection block. */
export interface ClientKind<Connection extends EndpointConnection, Client extends ManagedClient> {
  readonly vendor: string;
  /** Connections with the same key share one client per process (same endpoint and user). */
  key(connection: Connection): string;
  build(connection: Connection, tools: ClientTools): Client;
}

export interface ClientFactory {
  /** The client of one vendor for one connection; credentials are read from the environment variables it names. */
  get<Connection extends EndpointConnection, Client extends ManagedClient>(kind: ClientKind<Connection, Client>, connection: Connection): Client;
  /** Every client built so far, to log out at the end. */
  all(): readonly ManagedClient[];
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

/**
 * What Terraform's state knows of an object that existed when it was last stored: its id. A handler reads the
 * object by it (one request, whatever the size of the fleet) and falls back to its natural key when the id names
 * nothing or another object (core/locate.ts). The lifecycle backing stores no id: there, every lookup is by key.
 */
export interface Known {
  /** @default - not known: the object is found by its natural key */
  readonly id?: string;
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
  read(spec: Spec, ctx: Context, known?: Known): Promise<State | undefined>;
  /** In-place settings change. */
  update?(spec: Spec, ctx: Context, known?: Known): Promise<State>;
  /** Removing something already gone succeeds. Keeps data unless the spec says otherwise. */
  delete(spec: Spec, ctx: Context, known?: Known): Promise<void>;
}

/**
 * Which top-level spec fields are the object's identity (a change makes a new object: for a replication, a
 * full sync) and which are settings (changed in place). Stated once, in the kind's schema module; the
 * constructs (what goes into `triggers_replace`) and the review (replace or update in place) derive from it.
 * Every other field (connection, timeouts, delete options, owner…) is neither.
 */
export interface KindFields {
  readonly identity: readonly string[];
  readonly settings: readonly string[];
  /**
   * Identity or settings fields added after the kind shipped: a construct leaves them out of its replace triggers
   * while they are null, so that upgrading the library does not replace (or rename) every existing object.
   * @default - none
   */
  readonly addedLater?: readonly string[];
}

/** A zod object schema whose output is a handler's live state (`read`'s result). */
export type StateSchema<State> = z.ZodType<State, z.ZodTypeDef, unknown> & { readonly shape: z.ZodRawShape };

/** A kind: its handler, its fields, its schemas and its review profile (review-profile.ts). */
export interface KindModule<Spec, State> {
  readonly kind: string;
  readonly handler: ResourceHandler<Spec, State>;
  readonly fields: KindFields;
  /** The spec a create accepts (the native provider derives its resource schema from it). */
  readonly spec: z.ZodTypeAny;
  /** What `read` reports (the native provider's computed attributes). */
  readonly state: StateSchema<State>;
  /** What `repliform review` needs to know about the kind, or why it leaves the kind out. */
  readonly review: ReviewProfile | NotReviewed;
  /**
   * Refuses an in-place change the API cannot make (e.g. a volume shrink) before anything runs: throws an InputError
   * naming the field. `prior` is the stored state as last read (spec fields and live attributes), `planned` the
   * spec with defaults filled in. The native provider calls it at plan time. @default - every change is allowed
   */
  readonly checkChange?: ChangeCheck;
  /**
   * What the object's last-read state (spec fields and live attributes, as refreshed) shows that the code does not
   * declare and a plan must still tell, e.g. a replication paused outside Terraform: the native provider warns with
   * it at plan time, with what the apply will do. @default - nothing to tell
   */
  readonly liveNotice?: LiveNotice;
  /**
   * Reads an object whole by the id an import gives (`terraform import`, an `import {}` block), with the provider's
   * connection for the vendor: an import gets no resource configuration. @default - not importable: the kind's
   * objects have no id of their own (a create finds an existing one by its natural key)
   */
  readonly importer?: Importer;
}

/** An object an import id names, as a configuration that declares it exactly would hold it. */
export interface ImportedObject {
  /**
   * The spec without its connection: identity and settings as the live object reports them, every other field a
   * valid value (the defaults; the owner its marker or this machine's records name, else null).
   */
  readonly spec: Readonly<Record<string, unknown>>;
  /** What `read` reports about it (the computed attributes). */
  readonly state: unknown;
}

/** What an import found: the object, or where it looked for it in vain. */
export type ImportLookup = { readonly found: ImportedObject } | { readonly missing: string };

/** See `KindModule.importer`. */
export interface Importer {
  /** What an import id may be, for messages, e.g. `a replication id, or the name of its VM`. */
  readonly accepts: string;
  /** The object `id` names, read through `connection` (the provider block's, as configured for the vendor). */
  read(id: string, connection: unknown, ctx: Context): Promise<ImportLookup>;
}

/** See `KindModule.checkChange`. */
export type ChangeCheck = (prior: Readonly<Record<string, unknown>>, planned: Readonly<Record<string, unknown>>) => void;

/** See `KindModule.liveNotice`; `undefined` when the object is as the code declares it. */
export type LiveNotice = (state: Readonly<Record<string, unknown>>) => LiveNoticeText | undefined;

/** A live state that a plan must show although the code does not change. */
export interface LiveNoticeText {
  /** What it is, e.g. `web-01 is PAUSED on the server (not by this configuration): replication … is not protecting the VM`. */
  readonly summary: string;
  /** The live status in one word, e.g. `PAUSED`. */
  readonly status: string;
  /** Whether an apply that changes the object stops at it before any change (the handler refuses to). */
  readonly blocksUpdate: boolean;
  /** The way out, e.g. "Resume it with `repliform vr resume …`". */
  readonly fix: string;
}

/** A spec parsed by its kind, with the handler's operations bound to it: what the registry hands out. */
export interface BoundSpec {
  readonly kind: string;
  /** A short name for messages, e.g. the VM name. */
  readonly label: string;
  create(ctx: Context): Promise<unknown>;
  read(ctx: Context, known?: Known): Promise<unknown>;
  /** In-place change; a kind without one creates (find-or-create reconciles). */
  update(ctx: Context, known?: Known): Promise<unknown>;
  delete(ctx: Context, known?: Known): Promise<void>;
}

/** A kind whose spec and state types are erased behind `parse`, as the registry holds them (no casts). */
export interface AnyKind {
  readonly kind: string;
  readonly fields: KindFields;
  readonly spec: z.ZodTypeAny;
  readonly state: { readonly shape: z.ZodRawShape };
  readonly review: ReviewProfile | NotReviewed;
  readonly checkChange?: ChangeCheck;
  readonly liveNotice?: LiveNotice;
  readonly importer?: Importer;
  parse(raw: unknown, action: LifecycleAction): BoundSpec;
}

export function eraseKind<Spec, State>(module: KindModule<Spec, State>): AnyKind {
  const { handler } = module;
  return {
    kind: module.kind,
    fields: module.fields,
    spec: module.spec,
    state: module.state,
    review: module.review,
    checkChange: module.checkChange,
    liveNotice: module.liveNotice,
    importer: module.importer,
    parse(raw, action) {
      const spec = handler.parseSpec(raw, action);
      return {
        kind: module.kind,
        label: handler.describe(spec),
        create: (ctx) => handler.create(spec, ctx),
        read: (ctx, known) => handler.read(spec, ctx, known),
        update: (ctx, known) => (handler.update ? handler.update(spec, ctx, known) : handler.create(spec, ctx)),
        delete: (ctx, known) => handler.delete(spec, ctx, known),
      };
    },
  };
}

/**
 * The client factory, the same for every vendor: a vendor's `ClientKind` (vr/client.ts, …) says how its client is
 * built; the factory gives it credentials from the environment variables the spec names, TLS trust from
 * `ca_bundle_file` (or REPLIFORM_CA_BUNDLE; https only), the cross-process shared state, and keeps one client per
 * vendor, endpoint and user per process.
 */
import { readFileSync } from 'node:fs';
import type { RequestLogEntry, TlsOptions } from '../../lib/client/http/http-client';
import { createSharedState, type SharedState } from '../../lib/client/shared-state';
import type { Clock } from '../../lib/client/wait';
import { caBundleOverHttpProblem, isPlainHttp, type EndpointConnection } from './connection';
import type { ClientFactory, ClientKind, ClientTools, Logger, ManagedClient } from './contract';
import { InputError } from './errors';
import { readSecret } from './secrets';

export interface ClientFactoryOptions {
  readonly log: Logger;
  readonly env?: NodeJS.ProcessEnv;
  /** Receives one entry per HTTP request (already redacted). */
  readonly onRequest?: (entry: RequestLogEntry) => void;
  readonly signal?: AbortSignal;
  /** Per-request timeout; REPLIFORM_HTTP_TIMEOUT_MS overrides it. @default 30 s (the HTTP layer's default) */
  readonly timeoutMs?: number;
  /** Time for the clients' retry back-off and task waits. @default the system clock */
  readonly clock?: Clock;
  /**
   * Private directory where concurrent processes share sessions and inventory lists (see shared-state.ts).
   * @default - no sharing: every client logs in and lists inventory on its own
   */
  readonly sharedStateDir?: string;
  /** See ClientTools.coalesceLookups. @default false */
  readonly coalesceLookups?: boolean;
}

export function createClientFactory(options: ClientFactoryOptions): ClientFactory {
  const env = options.env ?? process.env;
  const cache = new Map<string, ManagedClient>();
  const warned = new Set<string>();
  const warn = (message: string) => options.log.warn(message);

  const tools = (endpoint: string): ClientTools => ({
    credentials: (ref, field) => ({
      username: readSecret(ref.username_env, `${field}.username_env`, env),
      password: readSecret(ref.password_env, `${field}.password_env`, env),
    }),
    secret: (variable, field) => readSecret(variable, field, env),
    tls: (connection) => tlsOptions(connection, env, (message) => warnOnce(endpoint, message)),
    shared: sharedState,
    timeoutMs: timeoutFrom(env) ?? options.timeoutMs,
    clock: options.clock,
    coalesceLookups: options.coalesceLookups,
    onRequest: options.onRequest,
    signal: options.signal,
    warn,
  });

  function get<Connection extends EndpointConnection, Client extends ManagedClient>(kind: ClientKind<Connection, Client>, connection: Connection): Client {
    const key = `${kind.vendor}|${kind.key(connection)}`;
    const cached = cache.get(key);
    // The key names the vendor, so a cached client was built by this very kind.
    if (cached !== undefined && isClientOf(kind, cached)) return cached;
    const client = kind.build(connection, tools(connection.endpoint));
    cache.set(key, client);
    builtBy.set(client, kind);
    return client;
  }

  const builtBy = new WeakMap<ManagedClient, unknown>();
  function isClientOf<Client extends ManagedClient>(kind: ClientKind<never, Client>, client: ManagedClient): client is Client {
    return builtBy.get(client) === kind;
  }

  function warnOnce(endpoint: string, message: string): void {
    if (warned.has(endpoint)) return;
    warned.add(endpoint);
    warn(message);
  }

  function sharedState(identity: readonly string[]): SharedState | undefined {
    if (options.sharedStateDir === undefined) return undefined;
    try {
      return createSharedState({ dir: options.sharedStateDir, identity: [...identity] });
    } catch (error) {
      warn(`not sharing sessions between processes: ${(error as Error).message}`);
      return undefined;
    }
  }

  return { get, all: () => [...cache.values()] };
}

/**
 * TLS trust for one connection. An http:// endpoint uses none: its bundle is not read, and TLS settings named in
 * the spec earn a warning. For https:// the bundle (`ca_bundle_file`, else REPLIFORM_CA_BUNDLE) is read here so
 * that a missing or non-PEM file is bad input naming the setting, before any request.
 */
function tlsOptions(connection: EndpointConnection, env: NodeJS.ProcessEnv, warn: (message: string) => void): TlsOptions | undefined {
  const contradiction = caBundleOverHttpProblem(connection);
  if (contradiction !== undefined) throw new InputError('connection.ca_bundle_file', contradiction);
  if (isPlainHttp(connection.endpoint)) {
    if (connection.insecure) warn(`${connection.endpoint} is plain http: connection.insecure does not apply and the connection is not encrypted`);
    return undefined;
  }
  if (connection.insecure) {
    warn(`TLS certificate verification is OFF for ${connection.endpoint} (insecure: true); use a CA bundle outside a lab`);
  }
  const fromEnv = env.REPLIFORM_CA_BUNDLE !== undefined && env.REPLIFORM_CA_BUNDLE !== '' ? env.REPLIFORM_CA_BUNDLE : undefined;
  const bundle = connection.ca_bundle_file !== null
    ? { field: 'connection.ca_bundle_file', file: connection.ca_bundle_file }
    : fromEnv !== undefined ? { field: 'REPLIFORM_CA_BUNDLE', file: fromEnv } : undefined;
  return { insecure: connection.insecure, caPem: bundle === undefined ? undefined : readCaBundle(bundle.field, bundle.file), caBundleSource: CA_BUNDLE_SOURCE };
}

/** Where a user names the CA bundle, quoted by the HTTP layer when a certificate is not trusted. */
const CA_BUNDLE_SOURCE = 'the ca_bundle_file setting or the REPLIFORM_CA_BUNDLE environment variable';

function readCaBundle(field: string, file: string): string {
  let pem: string;
  try {
    pem = readFileSync(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new InputError(field, `cannot read the CA bundle file ${file} (${reason}); name a readable PEM file`);
  }
  if (!pem.includes('-----BEGIN CERTIFICATE-----')) {
    throw new InputError(field, `${file} is not a PEM CA bundle: expected "-----BEGIN CERTIFICATE-----" blocks`);
  }
  return pem;
}

function timeoutFrom(env: NodeJS.ProcessEnv): number | undefined {
  const value = Number(env.REPLIFORM_HTTP_TIMEOUT_MS);
  return Number.isInteger(value) && value > 0 ? value : undefined;
}

/**
 * Builds API clients from a spec's connection block: credentials from the environment variables it names,
 * TLS trust from `ca_bundle_file` (or REPLIFORM_CA_BUNDLE; https only), one client per appliance and user per process.
 * A replication read with values outside the API's ranges is logged as a warning (see lib/client/vr/ranges.ts).
 */
import { readFileSync } from 'node:fs';
import type { RequestLogEntry, TlsOptions } from '../../lib/client/http/http-client';
import { createSharedState, type SharedState } from '../../lib/client/vr/shared-state';
import { VrClient } from '../../lib/client/vr/vr-client';
import type { ClientFactory, Logger } from './contract';
import { InputError } from './errors';
import { readSecret } from './secrets';
import type { ConnectionSpec } from './vr/connection';

export interface ClientFactoryOptions {
  readonly log: Logger;
  readonly env?: NodeJS.ProcessEnv;
  /** Receives one entry per HTTP request (already redacted). */
  readonly onRequest?: (entry: RequestLogEntry) => void;
  readonly signal?: AbortSignal;
  /** Per-request timeout; REPLIFORM_HTTP_TIMEOUT_MS overrides it. @default 30 s (the HTTP layer's default) */
  readonly timeoutMs?: number;
  /**
   * Private directory where concurrent processes share sessions and inventory lists (see shared-state.ts).
   * @default - no sharing: every client logs in and lists inventory on its own
   */
  readonly sharedStateDir?: string;
}

export function createClientFactory(options: ClientFactoryOptions): ClientFactory & { readonly all: () => VrClient[] } {
  const env = options.env ?? process.env;
  const cache = new Map<string, VrClient>();
  const warned = new Set<string>();

  function vr(connection: ConnectionSpec): VrClient {
    const key = `${connection.endpoint}|${connection.credentials.username_env}`;
    const cached = cache.get(key);
    if (cached) return cached;
    const remote = connection.remote_credentials ?? connection.credentials;
    const tls = tlsOptions(connection, env, (message) => warnOnce(connection.endpoint, message));
    const credentials = {
      username: readSecret(connection.credentials.username_env, 'connection.credentials.username_env', env),
      password: readSecret(connection.credentials.password_env, 'connection.credentials.password_env', env),
    };
    const remoteCredentials = {
      username: readSecret(remote.username_env, 'connection.remote_credentials.username_env', env),
      password: readSecret(remote.password_env, 'connection.remote_credentials.password_env', env),
    };
    const identity = [connection.endpoint, credentials.username, credentials.password, remoteCredentials.username, remoteCredentials.password];
    const client = new VrClient({
      endpoint: connection.endpoint,
      credentials,
      remoteCredentials,
      shared: sharedState(identity),
      tls,
      timeoutMs: timeoutFrom(env) ?? options.timeoutMs,
      logger: options.onRequest,
      signal: options.signal,
      onWarning: (message) => options.log.warn(message),
    });
    cache.set(key, client);
    return client;
  }

  function warnOnce(endpoint: string, message: string): void {
    if (warned.has(endpoint)) return;
    warned.add(endpoint);
    options.log.warn(message);
  }

  function sharedState(identity: string[]): SharedState | undefined {
    if (options.sharedStateDir === undefined) return undefined;
    try {
      return createSharedState({ dir: options.sharedStateDir, identity });
    } catch (error) {
      options.log.warn(`not sharing sessions between processes: ${(error as Error).message}`);
      return undefined;
    }
  }

  return { vr, all: () => [...cache.values()] };
}

/**
 * TLS trust for one connection. An http:// endpoint uses none: its bundle is not read, and TLS settings named in
 * the spec earn a warning. For https:// the bundle (`ca_bundle_file`, else REPLIFORM_CA_BUNDLE) is read here so
 * that a missing or non-PEM file is bad input naming the setting, before any request.
 */
function tlsOptions(connection: ConnectionSpec, env: NodeJS.ProcessEnv, warn: (message: string) => void): TlsOptions | undefined {
  if (new URL(connection.endpoint).protocol === 'http:') {
    const named = [
      ...(connection.ca_bundle_file !== null ? ['connection.ca_bundle_file'] : []),
      ...(connection.insecure ? ['connection.insecure'] : []),
    ];
    if (named.length > 0) {
      warn(`${connection.endpoint} is plain http: the TLS settings (${named.join(', ')}) do not apply and the connection is not encrypted`);
    }
    return undefined;
  }
  if (connection.insecure) {
    warn(`TLS certificate verification is OFF for ${connection.endpoint} (insecure: true); use a CA bundle outside a lab`);
  }
  const fromEnv = env.REPLIFORM_CA_BUNDLE !== undefined && env.REPLIFORM_CA_BUNDLE !== '' ? env.REPLIFORM_CA_BUNDLE : undefined;
  const bundle = connection.ca_bundle_file !== null
    ? { field: 'connection.ca_bundle_file', file: connection.ca_bundle_file }
    : fromEnv !== undefined ? { field: 'REPLIFORM_CA_BUNDLE', file: fromEnv } : undefined;
  return { insecure: connection.insecure, caPem: bundle === undefined ? undefined : readCaBundle(bundle.field, bundle.file) };
}

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

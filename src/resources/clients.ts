/**
 * Builds API clients from a spec's connection block: credentials from the environment variables it names,
 * TLS trust from `ca_bundle_file` (or REPLIFORM_CA_BUNDLE), one client per appliance and user per process.
 */
import type { RequestLogEntry } from '../../lib/client/http/http-client';
import { createSharedState, type SharedState } from '../../lib/client/vr/shared-state';
import { VrClient } from '../../lib/client/vr/vr-client';
import type { ClientFactory, Logger } from './contract';
import { readSecret } from './secrets';
import type { ConnectionSpec } from './spec/connection';

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
    const caFile = connection.ca_bundle_file ?? env.REPLIFORM_CA_BUNDLE ?? undefined;
    if (connection.insecure && !warned.has(connection.endpoint)) {
      warned.add(connection.endpoint);
      options.log.warn(`TLS certificate verification is OFF for ${connection.endpoint} (insecure: true); use a CA bundle outside a lab`);
    }
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
      tls: { caFile: caFile === '' ? undefined : caFile, insecure: connection.insecure },
      timeoutMs: timeoutFrom(env) ?? options.timeoutMs,
      logger: options.onRequest,
      signal: options.signal,
    });
    cache.set(key, client);
    return client;
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

function timeoutFrom(env: NodeJS.ProcessEnv): number | undefined {
  const value = Number(env.REPLIFORM_HTTP_TIMEOUT_MS);
  return Number.isInteger(value) && value > 0 ? value : undefined;
}

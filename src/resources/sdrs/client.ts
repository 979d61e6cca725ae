/**
 * How an SDRS client is built from an SDRS connection block: AK/SK (signed requests) or an IAM token, read from
 * the environment variables the block names; one client per endpoint, project and key (or token variable).
 * There is no session to share between processes: every request carries its own signature or the token.
 */
import { SdrsClient } from '../../../lib/client/sdrs/sdrs-client';
import type { SdrsCredentials } from '../../../lib/client/sdrs/types';
import type { ClientKind, ClientTools } from '../contract';
import type { SdrsConnectionSpec } from './connection';

export const sdrsClient: ClientKind<SdrsConnectionSpec, SdrsClient> = {
  vendor: 'sdrs',
  key: (connection) => [connection.endpoint, connection.project_id, ...credentialVariables(connection)].join('|'),
  build(connection, tools) {
    return new SdrsClient({
      endpoint: connection.endpoint,
      projectId: connection.project_id,
      credentials: credentialsOf(connection, tools),
      tls: tools.tls(connection),
      timeoutMs: tools.timeoutMs,
      clock: tools.clock,
      logger: tools.onRequest,
      signal: tools.signal,
    });
  },
};

function credentialVariables(connection: SdrsConnectionSpec): string[] {
  const c = connection.credentials;
  return 'token_env' in c ? [c.token_env] : [c.access_key_env, c.secret_key_env];
}

function credentialsOf(connection: SdrsConnectionSpec, tools: ClientTools): SdrsCredentials {
  const c = connection.credentials;
  if ('token_env' in c) return { token: tools.secret(c.token_env, 'connection.credentials.token_env') };
  return {
    accessKey: tools.secret(c.access_key_env, 'connection.credentials.access_key_env'),
    secretKey: tools.secret(c.secret_key_env, 'connection.credentials.secret_key_env'),
  };
}

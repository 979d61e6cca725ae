/**
 * How a VCDA client is built from a VCDA connection block: the login user and type, the remote sites'
 * Cloud Director user for session extensions, the API version of the Accept header, and sessions shared per
 * endpoint and users.
 */
import { VcdaClient } from '../../../lib/client/vcda/vcda-client';
import type { ClientKind } from '../contract';
import type { VcdaConnectionSpec } from './connection';

export const vcdaClient: ClientKind<VcdaConnectionSpec, VcdaClient> = {
  vendor: 'vcda',
  key: (connection) => [connection.endpoint, connection.login_type, connection.credentials.username_env, connection.remote_credentials?.username_env ?? '', connection.api_version].join('|'),
  build(connection, tools) {
    const credentials = tools.credentials(connection.credentials, 'connection.credentials');
    const remoteCredentials = tools.credentials(connection.remote_credentials ?? connection.credentials, 'connection.remote_credentials');
    const identity = ['vcda', connection.endpoint, connection.login_type, credentials.username, credentials.password, remoteCredentials.username, remoteCredentials.password];
    return new VcdaClient({
      endpoint: connection.endpoint,
      credentials,
      remoteCredentials,
      loginType: connection.login_type,
      apiVersion: connection.api_version,
      shared: tools.shared(identity),
      tls: tools.tls(connection),
      timeoutMs: tools.timeoutMs,
      clock: tools.clock,
      logger: tools.onRequest,
      signal: tools.signal,
    });
  },
};

/**
 * How a VR client is built from a VR connection block: local and remote-site credentials, shared sessions per
 * appliance and users, and replications read with values outside the API's ranges logged as warnings (see
 * lib/client/vr/ranges.ts).
 */
import { VrClient } from '../../../lib/client/vr/vr-client';
import type { ClientKind } from '../contract';
import type { ConnectionSpec } from './connection';

export const vrClient: ClientKind<ConnectionSpec, VrClient> = {
  vendor: 'vr',
  key: (connection) => `${connection.endpoint}|${connection.credentials.username_env}`,
  build(connection, tools) {
    const credentials = tools.credentials(connection.credentials, 'connection.credentials');
    const remoteCredentials = tools.credentials(connection.remote_credentials ?? connection.credentials, 'connection.remote_credentials');
    const tls = tools.tls(connection);
    const identity = [connection.endpoint, credentials.username, credentials.password, remoteCredentials.username, remoteCredentials.password];
    return new VrClient({
      endpoint: connection.endpoint,
      credentials,
      remoteCredentials,
      shared: tools.shared(identity),
      tls,
      timeoutMs: tools.timeoutMs,
      clock: tools.clock,
      logger: tools.onRequest,
      signal: tools.signal,
      onWarning: tools.warn,
      coalesceLookups: tools.coalesceLookups,
    });
  },
};

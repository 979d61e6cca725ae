/**
 * The part of @grpc/grpc-js a gRPC server needs, from the modules that define it rather than from the package's
 * index: the index loads the client half too (channels, subchannels, resolvers, load balancers), ≈ 14 ms of each of
 * the provider's starts, and Terraform starts it 3–4 times per command. Types still come from '@grpc/grpc-js'.
 *
 * Calls no endpoint.
 */
export { Server } from '@grpc/grpc-js/build/src/server';
export { ServerCredentials } from '@grpc/grpc-js/build/src/server-credentials';
export { Status as status, LogVerbosity as logVerbosity } from '@grpc/grpc-js/build/src/constants';
export { setLogger, setLoggerVerbosity as setLogVerbosity } from '@grpc/grpc-js/build/src/logging';

import { setup as setupDnsResolver } from '@grpc/grpc-js/build/src/resolver-dns';
import { setup as setupIpResolver } from '@grpc/grpc-js/build/src/resolver-ip';

// What the index does for a server too: the address it binds (`127.0.0.1:PORT`, the dns: scheme by default) resolves.
setupDnsResolver();
setupIpResolver();

/**
 * repliform as a library: the CDKTF constructs, the typed REST clients and the lifecycle handlers.
 * The simulator is a separate entry point (`repliform/simulator`) so that importing constructs stays light.
 */
export * from './constructs';
export * from '../lib/client';
export type { Change, ClientFactory, Context, LifecycleAction, Logger, ProgressReporter, ResourceHandler } from './resources/contract';
export { InputError, isInputError } from './resources/errors';
export { createClientFactory, type ClientFactoryOptions } from './resources/clients';
export { handlerFor, knownKinds } from './resources/registry';
export { vrPairingHandler, type VrPairingState } from './resources/vr/pairing/handler';
export { vrReplicationHandler, type VrReplicationState } from './resources/vr/replication/handler';
export * from './resources/vr/connection';
export * from './resources/vr/limits';
export * from './resources/vr/pairing/schema';
export * from './resources/vr/replication/schema';
export { runLifecycle } from './cli/lifecycle';

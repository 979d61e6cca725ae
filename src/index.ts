/**
 * repliform as a library: the CDKTF constructs, the typed REST clients and the lifecycle handlers.
 * The simulator is a separate entry point (`repliform/simulator`) so that importing constructs stays light.
 */
export * from './constructs';
export * from '../lib/client';
export type { AnyKind, BoundSpec, Change, ClientFactory, ClientKind, Context, KindFields, KindModule, LifecycleAction, Logger, ProgressReporter, ResourceHandler } from './resources/contract';
export { InputError, isInputError } from './resources/errors';
export { createClientFactory, type ClientFactoryOptions } from './resources/clients';
export { kindFor, knownKinds } from './resources/registry';
export { vrClient } from './resources/vr/client';
export { vrPairingHandler, type VrPairingState } from './resources/vr/pairing/handler';
export { vrReplicationHandler, type VrReplicationState } from './resources/vr/replication/handler';
export { vrReplicationSyncHandler } from './resources/vr/replication-sync/handler';
export { vrPairingKind } from './resources/vr/pairing';
export { vrReplicationKind } from './resources/vr/replication';
export { vrReplicationSyncKind } from './resources/vr/replication-sync';
export * from './resources/vr/connection';
export * from './resources/vr/limits';
export * from './resources/vr/pairing/schema';
export * from './resources/vr/replication/schema';
export { runLifecycle } from './cli/lifecycle';

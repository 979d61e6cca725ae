/** Kind → handler. Adding a kind is one import and one line here. */
import type { AnyHandler } from './contract';
import { InputError, listForMessage } from './errors';
import { vrPairingHandler } from './vr/pairing/handler';
import { vrReplicationHandler } from './vr/replication/handler';
import { vrReplicationSyncHandler } from './vr/replication-sync/handler';

const handlers: readonly AnyHandler[] = [vrPairingHandler as AnyHandler, vrReplicationHandler as AnyHandler, vrReplicationSyncHandler as AnyHandler];

export function knownKinds(): string[] {
  return handlers.map((handler) => handler.kind);
}

export function handlerFor(kind: string): AnyHandler {
  const handler = handlers.find((candidate) => candidate.kind === kind);
  if (!handler) throw new InputError('kind', `unknown kind ${JSON.stringify(kind)}; allowed: ${listForMessage(knownKinds())}`);
  return handler;
}

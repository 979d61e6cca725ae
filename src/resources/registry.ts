/**
 * Kind → its module, loaded only when used (Terraform starts one CLI process per resource: a process loads the
 * one kind it runs). This is the only table of kinds: adding a kind is one line here. The lifecycle CLI loads
 * the one kind it runs; the provider (provider/catalogue.ts) and review (review-catalogue.ts) load every kind
 * from here.
 */
import { eraseKind, type AnyKind } from './contract';
import { InputError, listForMessage } from './errors';

const loaders: Readonly<Record<string, () => Promise<AnyKind>>> = {
  'vr.pairing': async () => eraseKind((await import('./vr/pairing')).vrPairingKind),
  'vr.replication': async () => eraseKind((await import('./vr/replication')).vrReplicationKind),
  'vr.replication-sync': async () => eraseKind((await import('./vr/replication-sync')).vrReplicationSyncKind),
  'vcda.site': async () => eraseKind((await import('./vcda/site')).vcdaSiteKind),
  'vcda.replication': async () => eraseKind((await import('./vcda/replication')).vcdaReplicationKind),
  'vcda.test-failover': async () => eraseKind((await import('./vcda/test-failover')).vcdaTestFailoverKind),
  'sdrs.protection-group': async () => eraseKind((await import('./sdrs/protection-group')).sdrsProtectionGroupKind),
  'sdrs.replication-pair': async () => eraseKind((await import('./sdrs/replication-pair')).sdrsReplicationPairKind),
  'sdrs.protected-instance': async () => eraseKind((await import('./sdrs/protected-instance')).sdrsProtectedInstanceKind),
  'sdrs.replication-attachment': async () => eraseKind((await import('./sdrs/replication-attachment')).sdrsReplicationAttachmentKind),
  'sdrs.protection': async () => eraseKind((await import('./sdrs/protection')).sdrsProtectionKind),
  'sdrs.drill': async () => eraseKind((await import('./sdrs/drill')).sdrsDrillKind),
};

export function knownKinds(): string[] {
  return Object.keys(loaders);
}

/** The kind's module; an unknown kind is bad input listing the known ones. */
export async function kindFor(kind: string): Promise<AnyKind> {
  const load = Object.hasOwn(loaders, kind) ? loaders[kind] : undefined;
  if (load === undefined) throw new InputError('kind', `unknown kind ${JSON.stringify(kind)}; allowed: ${listForMessage(knownKinds(), knownKinds().length)}`);
  return load();
}

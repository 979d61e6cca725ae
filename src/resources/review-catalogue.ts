/**
 * The review side of every kind the registry knows (fields and review profile), loaded at once and without the
 * handlers: `repliform review` reads plans of every kind, and a plan-only review never loads a client. The set
 * of kinds is the registry's; a kind the registry knows without a review entry here is a programming error.
 */
import { knownKinds } from './registry';
import type { ReviewCatalogue, ReviewKind } from './review-profile';
import { vrPairingReview } from './vr/pairing/review';
import { vrPairingFields, vrPairingSpecSchema } from './vr/pairing/schema';
import { vrReplicationReview } from './vr/replication/review';
import { vrReplicationFields, vrReplicationSpecSchema } from './vr/replication/schema';
import { vrReplicationSyncReview } from './vr/replication-sync/review';
import { vcdaReplicationReview } from './vcda/replication/review';
import { vcdaReplicationFields, vcdaReplicationSpecSchema } from './vcda/replication/schema';
import { vcdaSiteReview } from './vcda/site/review';
import { sdrsProtectedInstanceReview } from './sdrs/protected-instance/review';
import { sdrsProtectedInstanceFields, sdrsProtectedInstanceSpecSchema } from './sdrs/protected-instance/schema';
import { sdrsProtectionGroupReview } from './sdrs/protection-group/review';
import { sdrsProtectionGroupFields, sdrsProtectionGroupSpecSchema } from './sdrs/protection-group/schema';
import { sdrsProtectionReview } from './sdrs/protection/review';
import { sdrsProtectionFields, sdrsProtectionSpecSchema } from './sdrs/protection/schema';
import { sdrsReplicationAttachmentReview } from './sdrs/replication-attachment/review';
import { sdrsReplicationAttachmentFields, sdrsReplicationAttachmentSpecSchema } from './sdrs/replication-attachment/schema';
import { sdrsReplicationPairReview } from './sdrs/replication-pair/review';
import { sdrsReplicationPairFields, sdrsReplicationPairSpecSchema } from './sdrs/replication-pair/schema';

const reviewKinds: Readonly<Record<string, ReviewKind>> = {
  'vr.pairing': { kind: 'vr.pairing', fields: vrPairingFields, spec: vrPairingSpecSchema, review: vrPairingReview },
  'vr.replication': { kind: 'vr.replication', fields: vrReplicationFields, spec: vrReplicationSpecSchema, review: vrReplicationReview },
  'vr.replication-sync': { kind: 'vr.replication-sync', review: vrReplicationSyncReview },
  'vcda.site': { kind: 'vcda.site', review: vcdaSiteReview },
  'vcda.replication': { kind: 'vcda.replication', fields: vcdaReplicationFields, spec: vcdaReplicationSpecSchema, review: vcdaReplicationReview },
  'sdrs.protection-group': { kind: 'sdrs.protection-group', fields: sdrsProtectionGroupFields, spec: sdrsProtectionGroupSpecSchema, review: sdrsProtectionGroupReview },
  'sdrs.replication-pair': { kind: 'sdrs.replication-pair', fields: sdrsReplicationPairFields, spec: sdrsReplicationPairSpecSchema, review: sdrsReplicationPairReview },
  'sdrs.protected-instance': { kind: 'sdrs.protected-instance', fields: sdrsProtectedInstanceFields, spec: sdrsProtectedInstanceSpecSchema, review: sdrsProtectedInstanceReview },
  'sdrs.replication-attachment': { kind: 'sdrs.replication-attachment', fields: sdrsReplicationAttachmentFields, spec: sdrsReplicationAttachmentSpecSchema, review: sdrsReplicationAttachmentReview },
  'sdrs.protection': { kind: 'sdrs.protection', fields: sdrsProtectionFields, spec: sdrsProtectionSpecSchema, review: sdrsProtectionReview },
};

let catalogue: ReviewCatalogue | undefined;

/** Every known kind's review side, by kind name. */
export function reviewCatalogue(): ReviewCatalogue {
  catalogue ??= new Map(
    knownKinds().map((kind) => {
      const entry = Object.hasOwn(reviewKinds, kind) ? reviewKinds[kind] : undefined;
      if (entry === undefined) throw new Error(`kind ${kind} has no review entry in review-catalogue.ts`);
      return [kind, entry];
    }),
  );
  return catalogue;
}

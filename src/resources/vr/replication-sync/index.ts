/** Kind `vr.replication-sync`: a sync of one replication, requested by a construct's `syncTrigger`. */
import type { KindModule } from '../../contract';
import type { ReplicationSummary } from '../operations';
import { VR_REPLICATION_SYNC_KIND, vrReplicationSyncHandler, type VrReplicationSyncSpec } from './handler';
import { vrReplicationSyncReview } from './review';
import { replicationSummarySchema, vrReplicationSyncSpecSchema } from './schema';

export const vrReplicationSyncKind: KindModule<VrReplicationSyncSpec, ReplicationSummary> = {
  kind: VR_REPLICATION_SYNC_KIND,
  handler: vrReplicationSyncHandler,
  // Which replication is synced; the trigger itself lives in Terraform, not in the spec.
  fields: { identity: ['pairing', 'vm'], settings: [] },
  spec: vrReplicationSyncSpecSchema,
  state: replicationSummarySchema,
  review: vrReplicationSyncReview,
};

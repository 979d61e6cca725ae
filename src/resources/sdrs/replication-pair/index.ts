/** Kind `sdrs.replication-pair`. */
import type { KindModule } from '../../contract';
import { sdrsReplicationPairHandler, type SdrsReplicationPairState } from './handler';
import { sdrsReplicationPairReview } from './review';
import { sdrsReplicationPairFields } from './schema';

export const sdrsReplicationPairKind: KindModule<Parameters<typeof sdrsReplicationPairHandler.create>[0], SdrsReplicationPairState> = {
  kind: 'sdrs.replication-pair',
  handler: sdrsReplicationPairHandler,
  fields: sdrsReplicationPairFields,
  review: sdrsReplicationPairReview,
};

/** Kind `sdrs.replication-pair`. */
import type { KindModule } from '../../contract';
import { sdrsReplicationPairHandler, type SdrsReplicationPairState } from './handler';
import { sdrsReplicationPairReview } from './review';
import { sdrsReplicationPairFields, sdrsReplicationPairSpecSchema, sdrsReplicationPairStateSchema } from './schema';

export const sdrsReplicationPairKind: KindModule<Parameters<typeof sdrsReplicationPairHandler.create>[0], SdrsReplicationPairState> = {
  kind: 'sdrs.replication-pair',
  handler: sdrsReplicationPairHandler,
  fields: sdrsReplicationPairFields,
  spec: sdrsReplicationPairSpecSchema,
  state: sdrsReplicationPairStateSchema,
  review: sdrsReplicationPairReview,
};

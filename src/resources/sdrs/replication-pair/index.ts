/** Kind `sdrs.replication-pair`. */
import type { KindModule } from '../../contract';
import { refuseShrink, sdrsReplicationPairHandler, sdrsReplicationPairLiveNotice, type SdrsReplicationPairState } from './handler';
import { sdrsReplicationPairImporter } from './import';
import { sdrsReplicationPairReview } from './review';
import { sdrsReplicationPairFields, sdrsReplicationPairSpecSchema, sdrsReplicationPairStateSchema } from './schema';

export const sdrsReplicationPairKind: KindModule<Parameters<typeof sdrsReplicationPairHandler.create>[0], SdrsReplicationPairState> = {
  kind: 'sdrs.replication-pair',
  handler: sdrsReplicationPairHandler,
  fields: sdrsReplicationPairFields,
  spec: sdrsReplicationPairSpecSchema,
  state: sdrsReplicationPairStateSchema,
  review: sdrsReplicationPairReview,
  // The stored size is the live one (the refresh reads it): a smaller size is refused at plan time.
  checkChange: (prior, planned) => refuseShrink(planned.volume_id, prior.size_gb, planned.size_gb),
  liveNotice: sdrsReplicationPairLiveNotice,
  importer: sdrsReplicationPairImporter,
};

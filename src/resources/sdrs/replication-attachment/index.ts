/** Kind `sdrs.replication-attachment`. */
import type { KindModule } from '../../contract';
import { sdrsReplicationAttachmentHandler, type SdrsReplicationAttachmentState } from './handler';
import { sdrsReplicationAttachmentReview } from './review';
import { sdrsReplicationAttachmentFields, sdrsReplicationAttachmentSpecSchema, sdrsReplicationAttachmentStateSchema } from './schema';

export const sdrsReplicationAttachmentKind: KindModule<Parameters<typeof sdrsReplicationAttachmentHandler.create>[0], SdrsReplicationAttachmentState> = {
  kind: 'sdrs.replication-attachment',
  handler: sdrsReplicationAttachmentHandler,
  fields: sdrsReplicationAttachmentFields,
  spec: sdrsReplicationAttachmentSpecSchema,
  state: sdrsReplicationAttachmentStateSchema,
  review: sdrsReplicationAttachmentReview,
};

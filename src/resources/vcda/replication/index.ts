/** Kind `vcda.replication`: one Cloud Director VM replicated to a vDC of another VCDA site. */
import type { KindModule } from '../../contract';
import { vcdaReplicationHandler, vcdaReplicationLiveNotice, type VcdaReplicationState } from './handler';
import { vcdaReplicationImporter } from './import';
import { vcdaReplicationReview } from './review';
import { vcdaReplicationFields, type VcdaReplicationSpec, vcdaReplicationSpecSchema, vcdaReplicationStateSchema } from './schema';

export const vcdaReplicationKind: KindModule<VcdaReplicationSpec, VcdaReplicationState> = {
  kind: 'vcda.replication',
  handler: vcdaReplicationHandler,
  fields: vcdaReplicationFields,
  spec: vcdaReplicationSpecSchema,
  state: vcdaReplicationStateSchema,
  review: vcdaReplicationReview,
  liveNotice: vcdaReplicationLiveNotice,
  importer: vcdaReplicationImporter,
};

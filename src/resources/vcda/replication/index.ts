/** Kind `vcda.replication`: one Cloud Director VM replicated to a vDC of another VCDA site. */
import type { KindModule } from '../../contract';
import { notReviewed } from '../../review-profile';
import { vcdaReplicationHandler, type VcdaReplicationState } from './handler';
import { vcdaReplicationFields, type VcdaReplicationSpec } from './schema';

export const vcdaReplicationKind: KindModule<VcdaReplicationSpec, VcdaReplicationState> = {
  kind: 'vcda.replication',
  handler: vcdaReplicationHandler,
  fields: vcdaReplicationFields,
  review: notReviewed('the VCDA review profile is not written yet'),
};

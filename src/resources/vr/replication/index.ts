/** Kind `vr.replication`: one VM replicated over a vSphere Replication pairing. */
import type { KindModule } from '../../contract';
import { vrReplicationHandler, vrReplicationLiveNotice, type VrReplicationState } from './handler';
import { vrReplicationFields, type VrReplicationSpec, vrReplicationSpecSchema, vrReplicationStateSchema } from './schema';
import { vrReplicationImporter } from './import';
import { vrReplicationReview } from './review';

export const vrReplicationKind: KindModule<VrReplicationSpec, VrReplicationState> = {
  kind: 'vr.replication',
  handler: vrReplicationHandler,
  fields: vrReplicationFields,
  spec: vrReplicationSpecSchema,
  state: vrReplicationStateSchema,
  review: vrReplicationReview,
  liveNotice: vrReplicationLiveNotice,
  importer: vrReplicationImporter,
};

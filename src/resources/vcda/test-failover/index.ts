/** Kind `vcda.test-failover`: a DR drill as code — a test failover of one VCDA VM replication, for as long as the resource exists. */
import type { KindModule } from '../../contract';
import { vcdaTestFailoverHandler, type VcdaTestFailoverState } from './handler';
import { vcdaTestFailoverReview } from './review';
import { vcdaTestFailoverFields, type VcdaTestFailoverSpec, vcdaTestFailoverSpecSchema, vcdaTestFailoverStateSchema } from './schema';

export const vcdaTestFailoverKind: KindModule<VcdaTestFailoverSpec, VcdaTestFailoverState> = {
  kind: 'vcda.test-failover',
  handler: vcdaTestFailoverHandler,
  fields: vcdaTestFailoverFields,
  spec: vcdaTestFailoverSpecSchema,
  state: vcdaTestFailoverStateSchema,
  review: vcdaTestFailoverReview,
};

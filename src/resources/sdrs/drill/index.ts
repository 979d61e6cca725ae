/** Kind `sdrs.drill`. */
import type { KindModule } from '../../contract';
import { sdrsDrillHandler } from './handler';
import { sdrsDrillReview } from './review';
import { sdrsDrillFields, sdrsDrillSpecSchema, sdrsDrillStateSchema, type SdrsDrillResourceState } from './schema';

export const sdrsDrillKind: KindModule<Parameters<typeof sdrsDrillHandler.create>[0], SdrsDrillResourceState> = {
  kind: 'sdrs.drill',
  handler: sdrsDrillHandler,
  fields: sdrsDrillFields,
  spec: sdrsDrillSpecSchema,
  state: sdrsDrillStateSchema,
  review: sdrsDrillReview,
};

/** Kind `vcda.site`: a Cloud Director Availability site, looked up by name, never created. */
import type { KindModule } from '../../contract';
import { vcdaSiteHandler, type VcdaSiteState } from './handler';
import { vcdaSiteReview } from './review';
import { vcdaSiteFields, type VcdaSiteSpec, vcdaSiteSpecSchema, vcdaSiteStateSchema } from './schema';

export const vcdaSiteKind: KindModule<VcdaSiteSpec, VcdaSiteState> = {
  kind: 'vcda.site',
  handler: vcdaSiteHandler,
  fields: vcdaSiteFields,
  spec: vcdaSiteSpecSchema,
  state: vcdaSiteStateSchema,
  review: vcdaSiteReview,
};

/** Kind `vcda.site`: a Cloud Director Availability site, looked up by name, never created. */
import type { KindModule } from '../../contract';
import { notReviewed } from '../../review-profile';
import { vcdaSiteHandler, type VcdaSiteState } from './handler';
import { vcdaSiteFields, type VcdaSiteSpec } from './schema';

export const vcdaSiteKind: KindModule<VcdaSiteSpec, VcdaSiteState> = {
  kind: 'vcda.site',
  handler: vcdaSiteHandler,
  fields: vcdaSiteFields,
  review: notReviewed('a site is looked up, never created or removed: nothing of it changes'),
};

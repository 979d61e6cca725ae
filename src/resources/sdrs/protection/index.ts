/** Kind `sdrs.protection`. */
import type { KindModule } from '../../contract';
import { sdrsProtectionHandler, sdrsProtectionLiveNotice, type SdrsProtectionState } from './handler';
import { sdrsProtectionReview } from './review';
import { sdrsProtectionFields, sdrsProtectionSpecSchema, sdrsProtectionStateSchema } from './schema';

export const sdrsProtectionKind: KindModule<Parameters<typeof sdrsProtectionHandler.create>[0], SdrsProtectionState> = {
  kind: 'sdrs.protection',
  handler: sdrsProtectionHandler,
  fields: sdrsProtectionFields,
  spec: sdrsProtectionSpecSchema,
  state: sdrsProtectionStateSchema,
  review: sdrsProtectionReview,
  liveNotice: sdrsProtectionLiveNotice,
};

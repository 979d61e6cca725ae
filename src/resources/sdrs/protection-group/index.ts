/** Kind `sdrs.protection-group`. */
import type { KindModule } from '../../contract';
import { sdrsProtectionGroupHandler, sdrsProtectionGroupLiveNotice, type SdrsProtectionGroupState } from './handler';
import { sdrsProtectionGroupImporter } from './import';
import { sdrsProtectionGroupReview } from './review';
import { sdrsProtectionGroupFields, sdrsProtectionGroupSpecSchema, sdrsProtectionGroupStateSchema } from './schema';

export const sdrsProtectionGroupKind: KindModule<Parameters<typeof sdrsProtectionGroupHandler.create>[0], SdrsProtectionGroupState> = {
  kind: 'sdrs.protection-group',
  handler: sdrsProtectionGroupHandler,
  fields: sdrsProtectionGroupFields,
  spec: sdrsProtectionGroupSpecSchema,
  state: sdrsProtectionGroupStateSchema,
  review: sdrsProtectionGroupReview,
  liveNotice: sdrsProtectionGroupLiveNotice,
  importer: sdrsProtectionGroupImporter,
};

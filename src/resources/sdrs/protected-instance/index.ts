/** Kind `sdrs.protected-instance`. */
import type { KindModule } from '../../contract';
import { sdrsProtectedInstanceHandler, sdrsProtectedInstanceLiveNotice, type SdrsProtectedInstanceState } from './handler';
import { sdrsProtectedInstanceImporter } from './import';
import { sdrsProtectedInstanceReview } from './review';
import { sdrsProtectedInstanceFields, sdrsProtectedInstanceSpecSchema, sdrsProtectedInstanceStateSchema } from './schema';

export const sdrsProtectedInstanceKind: KindModule<Parameters<typeof sdrsProtectedInstanceHandler.create>[0], SdrsProtectedInstanceState> = {
  kind: 'sdrs.protected-instance',
  handler: sdrsProtectedInstanceHandler,
  fields: sdrsProtectedInstanceFields,
  spec: sdrsProtectedInstanceSpecSchema,
  state: sdrsProtectedInstanceStateSchema,
  review: sdrsProtectedInstanceReview,
  liveNotice: sdrsProtectedInstanceLiveNotice,
  importer: sdrsProtectedInstanceImporter,
};

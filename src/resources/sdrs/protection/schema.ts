/**
 * The spec of kind `sdrs.protection`: protection of a group turned on (create = start-server-group) or off
 * (delete = stop-server-group). Its own step, after the group's pairs: an empty group cannot be enabled, so the
 * group never needs to depend on its own pairs.
 */
import { z } from 'zod';
import type { KindFields } from '../../contract';
import { sdrsCommonSpecFields, sdrsGroupRefSchema } from '../spec-common';

export const sdrsProtectionIdentitySchema = z.object({ group: sdrsGroupRefSchema }).strict();

export const sdrsProtectionSpecSchema = sdrsProtectionIdentitySchema.extend(sdrsCommonSpecFields).strict();
export type SdrsProtectionSpec = z.infer<typeof sdrsProtectionSpecSchema>;
export type SdrsProtectionSpecInput = z.input<typeof sdrsProtectionSpecSchema>;

/** Identity and settings of `sdrs.protection`, stated once. */
export const sdrsProtectionFields: KindFields = {
  identity: Object.keys(sdrsProtectionIdentitySchema.shape),
  settings: [],
};

/** What `read` reports about the live object: the provider's computed attributes (the handler's state type must match). */
export const sdrsProtectionStateSchema = z.object({
  group_id: z.string(),
  status: z.string(),
  protected: z.boolean(),
  replication_num: z.number(),
});

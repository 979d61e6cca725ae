/**
 * The spec of kind `sdrs.protection`: protection of a group turned on (create = start-server-group) or off
 * (delete = stop-server-group). Its own step, after the group's pairs: an empty group cannot be enabled, so the
 * group never needs to depend on its own pairs.
 */
import { z } from 'zod';
import type { KindFields } from '../../contract';
import { sdrsCommonSpecFields, sdrsGroupRefSchema } from '../spec-common';

export const sdrsProtectionIdentitySchema = z.object({ group: sdrsGroupRefSchema }).strict();

export const sdrsProtectionSpecSchema = sdrsProtectionIdentitySchema
  .extend(sdrsCommonSpecFields)
  .strict()
  .describe(
    'The protection of an SDRS protection group: create starts it (start-server-group; an empty group cannot be started, so make it depend on ' +
      'the group\'s replication pairs), delete stops it (stop-server-group). Nothing is changed in place; a change of the group replaces it. ' +
      'Stopping protection deletes nothing: the pairs, instances and replica data stay.',
  );
export type SdrsProtectionSpec = z.infer<typeof sdrsProtectionSpecSchema>;
export type SdrsProtectionSpecInput = z.input<typeof sdrsProtectionSpecSchema>;

/** Identity and settings of `sdrs.protection`, stated once. */
export const sdrsProtectionFields: KindFields = {
  identity: Object.keys(sdrsProtectionIdentitySchema.shape),
  settings: [],
};

/** What `read` reports about the live object: the provider's computed attributes (the handler's state type must match). */
export const sdrsProtectionStateSchema = z.object({
  group_id: z.string().describe("The group's id."),
  status: z.string().describe("The group's status as SDRS reports it, e.g. protected."),
  protected: z.boolean().describe('Whether protection of the group is started (status protected).'),
  replication_num: z.number().describe('How many replication pairs the group has.'),
});

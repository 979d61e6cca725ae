/**
 * The spec of kind `sdrs.replication-pair`: one production volume replicated by its protection group to the DR
 * site. Identity (group + volume) is stated once in `sdrsReplicationPairFields`; the name is renamed in place and
 * `size_gb` expands both volumes in place (never shrinks: a smaller size is bad input).
 */
import { z } from 'zod';
import type { KindFields } from '../../contract';
import { sdrsCommonSpecFields, sdrsDescriptionSchema, sdrsGroupRefSchema, sdrsNameSchema } from '../spec-common';

export const sdrsReplicationPairIdentitySchema = z
  .object({
    group: sdrsGroupRefSchema,
    volume_id: z.string().min(1).describe('The production-site volume (EVS disk) to replicate; SDRS creates the DR-site volume.'),
    cluster_id: z
      .string()
      .min(1)
      .nullable()
      .default(null)
      .describe("The dedicated distributed storage (DSS) pool of the DR-site volume; null = SDRS's default storage."),
  })
  .strict();

export const sdrsReplicationPairSettingsShape = {
  name: sdrsNameSchema.describe('The pair\'s name: 1–64 bytes (UTF-8) of Chinese characters, letters, digits, dots, underscores and hyphens. Renamed in place.'),
  size_gb: z
    .number()
    .int('must be a whole number of GB')
    .positive('must be a positive number of GB')
    .nullable()
    .default(null)
    .describe('The size both volumes are expanded to, in GB: raised, both are expanded in place; never shrunk (a smaller size is an error). null = leave the size as it is.'),
  // Create-time only (SDRS cannot change it): not identity (a change must not replace the pair), listed with the
  // settings so that a change runs the update, which reports it.
  description: sdrsDescriptionSchema,
};

export const sdrsReplicationPairSpecSchema = sdrsReplicationPairIdentitySchema
  .extend({
    ...sdrsReplicationPairSettingsShape,
    ...sdrsCommonSpecFields,
    on_delete: z
      .object({
        delete_target_volume: z.boolean().default(false).describe('Also delete the DR-site volume; by default it is kept (its data too).'),
      })
      .strict()
      .default({ delete_target_volume: false })
      .describe('What a delete does to the DR-site volume.'),
  })
  .strict()
  .describe(
    'One production volume replicated by its SDRS protection group to the DR site. Create finds this code\'s pair of the volume in the group, ' +
      'or creates it (SDRS creates the DR-site volume). A change of the name renames it in place and a larger `size_gb` expands both volumes ' +
      'in place; a change of the group, volume or storage pool replaces it (a full sync). Delete deletes the pair and keeps the DR-site volume ' +
      'with its data unless `on_delete.delete_target_volume` is true.',
  );
export type SdrsReplicationPairSpec = z.infer<typeof sdrsReplicationPairSpecSchema>;
export type SdrsReplicationPairSpecInput = z.input<typeof sdrsReplicationPairSpecSchema>;

/** What delete accepts: the destroy-time spec leaves the settings out. */
export const sdrsReplicationPairDeleteSpecSchema = sdrsReplicationPairSpecSchema.extend({
  name: sdrsNameSchema.optional(),
  size_gb: sdrsReplicationPairSettingsShape.size_gb.optional(),
});
export type SdrsReplicationPairDeleteSpec = z.infer<typeof sdrsReplicationPairDeleteSpecSchema>;

/** Identity and settings of `sdrs.replication-pair`, stated once. */
export const sdrsReplicationPairFields: KindFields = {
  identity: Object.keys(sdrsReplicationPairIdentitySchema.shape),
  settings: Object.keys(sdrsReplicationPairSettingsShape),
  addedLater: ['cluster_id'],
};

/** What `read` reports about the live object: the provider's computed attributes (the handler's state type must match). */
export const sdrsReplicationPairStateSchema = z.object({
  id: z.string().describe("The pair's id."),
  name: z.string().describe("The pair's name."),
  group_id: z.string().describe("The id of the pair's protection group."),
  volume_id: z.string().describe('The production-site volume.'),
  target_volume_id: z.string().nullable().describe('The DR-site volume SDRS created; null = not reported.'),
  status: z.string().describe("The pair's status as SDRS reports it, e.g. available or error (a plan warns about an error)."),
  replication_status: z.string().nullable().describe("The pair's replication status as SDRS reports it; null = not reported."),
  size_gb: z.number().nullable().describe("The volumes' size in GB; null = not reported."),
  marker: z.string().nullable().describe("The ownership marker in the pair's description (` rf:<12 hex>`); null = none."),
  failure_detail: z.string().nullable().describe('The error code SDRS gives a pair in error; null otherwise.'),
  fault_level: z
    .string()
    .nullable()
    .describe('0 no fault, 2 the production volume cannot be read or written, 5 the replication link is down; null = not reported.'),
});

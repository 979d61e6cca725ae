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
    /** The production-site volume (EVS disk) to replicate. */
    volume_id: z.string().min(1),
    /** The dedicated distributed storage (DSS) pool of the DR-site volume; null = SDRS's default storage. */
    cluster_id: z.string().min(1).nullable().default(null),
  })
  .strict();

export const sdrsReplicationPairSettingsShape = {
  name: sdrsNameSchema,
  /** The size both volumes are expanded to, in GB; null = leave the size as it is. */
  size_gb: z.number().int('must be a whole number of GB').positive('must be a positive number of GB').nullable().default(null),
  /**
   * The user's text before the owner marker. Create-time only (SDRS cannot change it): not identity (a change must
   * not replace the pair), listed with the settings so that a change runs the update, which reports it.
   */
  description: sdrsDescriptionSchema,
};

export const sdrsReplicationPairSpecSchema = sdrsReplicationPairIdentitySchema
  .extend({
    ...sdrsReplicationPairSettingsShape,
    ...sdrsCommonSpecFields,
    on_delete: z
      .object({
        /** Also delete the DR-site volume; by default it is kept (its data too). */
        delete_target_volume: z.boolean().default(false),
      })
      .strict()
      .default({ delete_target_volume: false }),
  })
  .strict();
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
  id: z.string(),
  name: z.string(),
  group_id: z.string(),
  volume_id: z.string(),
  target_volume_id: z.string().nullable(),
  status: z.string(),
  replication_status: z.string().nullable(),
  size_gb: z.number().nullable(),
  marker: z.string().nullable(),
  failure_detail: z.string().nullable(),
  fault_level: z.string().nullable(),
});

/**
 * The spec of kind `vcda.replication`: one Cloud Director VM replicated from its site to a vDC of another
 * site. Identity (what is replicated where: source site + VM, destination site + vDC, excluded disks, disk
 * type) is stated once in `vcdaReplicationFields`; the settings (RPO, retention rules or an SLA profile,
 * quiescing, data connection, description, storage profile) change in place.
 */
import { z } from 'zod';
import type { KindFields } from '../../contract';
import { timeoutsSchema } from '../../timeouts';
import { vcdaConnectionSpecSchema } from '../connection';
import { VCDA_DATA_CONNECTION_TYPES, VCDA_DISK_TYPES, VCDA_LIMITS } from '../limits';

const { min: RPO_MIN, max: RPO_MAX } = VCDA_LIMITS.rpoMinutes;
const rpoMessage = `must be an integer between ${RPO_MIN} and ${RPO_MAX} minutes`;

/** One retention rule: keep `instances` replica instances, `distance_minutes` apart. */
export const retentionRuleSchema = z
  .object({
    instances: z.number().int().min(VCDA_LIMITS.instancesPerRule.min).max(VCDA_LIMITS.instancesPerRule.max),
    distance_minutes: z.number().int().min(1, 'must be at least 1 minute'),
  })
  .strict();

export const vcdaReplicationSettingsSchema = z
  .object({
    /** null (or left out, as Terraform leaves an unset attribute) when an SLA profile sets it. */
    rpo_minutes: z.number().int(rpoMessage).min(RPO_MIN, rpoMessage).max(RPO_MAX, rpoMessage).nullable().default(null),
    retention_rules: z.array(retentionRuleSchema).max(VCDA_LIMITS.rules.max).nullable().default(null),
    /** An SLA profile (by id) instead of rpo, retention and data connection type. */
    sla_profile_id: z.string().min(1).nullable().default(null),
    quiescing: z.boolean().default(false),
    data_connection_type: z.enum(VCDA_DATA_CONNECTION_TYPES).default('ENCRYPTED'),
    /** The user's part of the description; repliform appends its ownership marker. */
    description: z.string().nullable().default(null),
    /** The destination storage profile id; null = the vDC's default ("*"). Changed in place. */
    storage_profile: z.string().min(1).nullable().default(null),
  })
  .strict()
  .refine((s) => (s.sla_profile_id === null) !== (s.rpo_minutes === null), {
    message: 'set either rpo_minutes (with retention_rules) or sla_profile_id',
  });
export type VcdaReplicationSettings = z.infer<typeof vcdaReplicationSettingsSchema>;

export const vcdaReplicationIdentitySchema = z
  .object({
    source: z.object({ site: z.string().min(1), vm_id: z.string().min(1) }).strict(),
    destination: z.object({ site: z.string().min(1), vdc: z.string().min(1) }).strict(),
    /** Device keys of disks not to replicate. */
    exclude_disk_keys: z.array(z.number().int()).default([]),
    target_disk_type: z.enum(VCDA_DISK_TYPES).default('THIN'),
  })
  .strict();

export const vcdaReplicationSpecSchema = vcdaReplicationIdentitySchema
  .extend({
    connection: vcdaConnectionSpecSchema,
    settings: vcdaReplicationSettingsSchema,
    on_delete: z
      .object({
        /**
         * VCDA has no "keep the replica" delete: deleting a replication deletes its replica. So by default a
         * destroy pauses the replication and leaves it (data kept, said loudly); true deletes it.
         */
        delete_replica: z.boolean().default(false),
      })
      .strict()
      .default({ delete_replica: false }),
    timeouts: timeoutsSchema,
    /** Take over a replication of this VM that this code did not create (identity must match; announced). */
    adopt: z.boolean().default(false),
    /** `<stack>/<construct path>`; recorded in the replication's description. */
    owner: z.string().min(1).nullable().default(null),
  })
  .strict();
export type VcdaReplicationSpec = z.infer<typeof vcdaReplicationSpecSchema>;
export type VcdaReplicationSpecInput = z.input<typeof vcdaReplicationSpecSchema>;

/** What delete accepts: the null_resource backing stores no settings for destroy time. */
export const vcdaReplicationDeleteSpecSchema = vcdaReplicationSpecSchema.extend({
  settings: vcdaReplicationSettingsSchema.optional(),
});

/** Identity and settings of `vcda.replication`, stated once. */
export const vcdaReplicationFields: KindFields = {
  identity: Object.keys(vcdaReplicationIdentitySchema.shape),
  settings: ['settings'],
};

/** What `read` reports about the live object: the provider's computed attributes (the handler's state type must match). */
export const vcdaReplicationStateSchema = z.object({
  id: z.string(),
  vm_id: z.string(),
  source_site: z.string(),
  destination_site: z.string(),
  destination_vdc: z.string().nullable(),
  destination_vdc_name: z.string().nullable(),
  owner: z.string().nullable(),
  paused: z.boolean(),
  health: z.string(),
  data_connection_state: z.string().nullable(),
  rpo_violation_minutes: z.number().nullable(),
  exclude_disk_keys: z.array(z.number()),
  target_disk_type: z.string(),
  settings: vcdaReplicationSettingsSchema,
});

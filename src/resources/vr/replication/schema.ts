import { z } from 'zod';
import type { KindFields } from '../../contract';
import { timeoutsSchema } from '../../timeouts';
import { connectionSpecSchema, pairingRefSchema } from '../connection';
import { VR_DISK_FORMATS, VR_LIMITS, VR_SEED_MODES } from '../limits';

const { min: RPO_MIN, max: RPO_MAX } = VR_LIMITS.rpoMinutes;
const rpoMessage = `must be an integer between ${RPO_MIN} and ${RPO_MAX} minutes`;

export const pointInTimeSchema = z
  .object({
    instances_per_day: z.number().int().min(1, 'must be at least 1'),
    days: z.number().int().min(1, 'must be at least 1'),
  })
  .strict()
  .refine((p) => p.instances_per_day * p.days <= VR_LIMITS.pointInTimeInstancesTotal, {
    message: `instances_per_day × days must be at most ${VR_LIMITS.pointInTimeInstancesTotal}`,
  });

/** How a replication runs: all of it can change in place (reconfigure), never a resync. */
export const vrReplicationSettingsSchema = z
  .object({
    rpo_minutes: z.number().int(rpoMessage).min(RPO_MIN, rpoMessage).max(RPO_MAX, rpoMessage),
    point_in_time: pointInTimeSchema.nullable().default(null),
    quiescing: z.boolean().default(false),
    network_compression: z.boolean().default(false),
    encryption: z.boolean().default(false),
    auto_replicate_new_disks: z.boolean().default(true),
  })
  .strict();
export type VrReplicationSettings = z.infer<typeof vrReplicationSettingsSchema>;

/** What is replicated where: changing any of it means a new replication (full sync unless seeded). */
export const vrReplicationIdentitySchema = z
  .object({
    pairing: pairingRefSchema,
    vm: z
      .object({ id: z.string().min(1).nullable().default(null), name: z.string().min(1).nullable().default(null) })
      .strict()
      .refine((v) => v.id !== null || v.name !== null, { message: 'set either id or name' }),
    target: z
      .object({
        datastore: z.string().min(1, 'must name a target datastore'),
        storage_policy: z.string().min(1).nullable().default(null),
        replication_server: z.string().min(1).nullable().default(null),
        disk_format: z.enum(VR_DISK_FORMATS).default('SAME_AS_SOURCE'),
      })
      .strict(),
    /** Disk labels (e.g. "Hard disk 2") or device keys (e.g. "2001") not to replicate. */
    exclude_disks: z.array(z.string().min(1)).default([]),
    seeds: z
      .object({
        mode: z.enum(VR_SEED_MODES).default('none'),
        /** Disk label → seed path on the target datastore, for mode "explicit". */
        paths: z.record(z.string(), z.string().min(1)).default({}),
      })
      .strict()
      .default({ mode: 'none', paths: {} }),
  })
  .strict();
export type VrReplicationIdentity = z.infer<typeof vrReplicationIdentitySchema>;

export { timeoutsSchema, type Timeouts } from '../../timeouts';

/** The spec of kind `vr.replication`, as synthesized into the lifecycle resource's input. */
export const vrReplicationSpecSchema = vrReplicationIdentitySchema
  .extend({
    connection: connectionSpecSchema,
    settings: vrReplicationSettingsSchema,
    on_delete: z
      .object({ retain_replica_disks: z.boolean().default(true) })
      .strict()
      .default({ retain_replica_disks: true }),
    timeouts: timeoutsSchema,
    /**
     * Take over a replication of this VM that this code did not create. Off by default: adoption is never
     * silent; with it, every identity field must still match and the take-over is announced.
     */
    adopt: z.boolean().default(false),
    /**
     * Who declares this replication (`<stack>/<construct path>`). A create records it before the configure
     * request, so that a rerun after a crash recognises its own half-made replication without `adopt`.
     */
    owner: z.string().min(1).nullable().default(null),
  })
  .strict();
export type VrReplicationSpec = z.infer<typeof vrReplicationSpecSchema>;
/** The spec as written by hand or synthesized (defaults not yet applied). */
export type VrReplicationSpecInput = z.input<typeof vrReplicationSpecSchema>;

/** What delete accepts: the null_resource backing stores no settings for destroy time. */
export const vrReplicationDeleteSpecSchema = vrReplicationSpecSchema.extend({
  settings: vrReplicationSettingsSchema.optional(),
});

/** Identity and settings of `vr.replication`, stated once: constructs and review derive from this. */
export const vrReplicationFields: KindFields = {
  identity: Object.keys(vrReplicationIdentitySchema.shape),
  settings: ['settings'],
};

/** What `read` reports about the live object: the provider's computed attributes (the handler's state type must match). */
export const vrReplicationStateSchema = z.object({
  id: z.string(),
  name: z.string(),
  vm_id: z.string().nullable(),
  pairing_id: z.string(),
  target_site: z.string(),
  status: z.string(),
  rpo_violation: z.boolean(),
  configuration_state: z.string(),
  /** A setting the server does not report is absent: unknown, never made up. */
  settings: vrReplicationSettingsSchema.partial(),
  last_sync_time: z.number().nullable(),
});

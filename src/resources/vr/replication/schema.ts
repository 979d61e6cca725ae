import { z } from 'zod';
import type { KindFields } from '../../contract';
import { timeoutsSchema } from '../../timeouts';
import { connectionSpecSchema, pairingRefSchema } from '../connection';
import { VR_DISK_FORMATS, VR_LIMITS, VR_SEED_MODES } from '../limits';

const { min: RPO_MIN, max: RPO_MAX } = VR_LIMITS.rpoMinutes;
const rpoMessage = `must be an integer between ${RPO_MIN} and ${RPO_MAX} minutes`;

export const pointInTimeSchema = z
  .object({
    instances_per_day: z.number().int().min(1, 'must be at least 1').describe('Point-in-time instances kept per day.'),
    days: z.number().int().min(1, 'must be at least 1').describe('For how many days the instances are kept.'),
  })
  .strict()
  .refine((p) => p.instances_per_day * p.days <= VR_LIMITS.pointInTimeInstancesTotal, {
    message: `instances_per_day × days must be at most ${VR_LIMITS.pointInTimeInstancesTotal}`,
  })
  .describe(`Point-in-time instances to keep on the target (instances_per_day × days at most ${VR_LIMITS.pointInTimeInstancesTotal}); null = none.`);

/** How a replication runs: all of it can change in place (reconfigure), never a resync. */
export const vrReplicationSettingsSchema = z
  .object({
    rpo_minutes: z
      .number()
      .int(rpoMessage)
      .min(RPO_MIN, rpoMessage)
      .max(RPO_MAX, rpoMessage)
      .describe(`Recovery point objective in minutes (${RPO_MIN}–${RPO_MAX}).`),
    point_in_time: pointInTimeSchema.nullable().default(null),
    quiescing: z.boolean().default(false).describe('Quiesce the guest OS for each replica.'),
    network_compression: z.boolean().default(false).describe('Compress replication traffic.'),
    encryption: z.boolean().default(false).describe('Encrypt replication traffic.'),
    auto_replicate_new_disks: z.boolean().default(true).describe('Replicate disks added to the VM later automatically.'),
  })
  .strict()
  .describe('How the replication runs: all of it changes in place (a reconfigure), never a resync.');
export type VrReplicationSettings = z.infer<typeof vrReplicationSettingsSchema>;

/** What is replicated where: changing any of it means a new replication (full sync unless seeded). */
export const vrReplicationIdentitySchema = z
  .object({
    pairing: pairingRefSchema,
    vm: z
      .object({
        id: z.string().min(1).nullable().default(null).describe("The source VM's managed object id (e.g. vm-1234); null = found by `name`."),
        name: z.string().min(1).nullable().default(null).describe("The source VM's name; null = found by `id`."),
      })
      .strict()
      .refine((v) => v.id !== null || v.name !== null, { message: 'set either id or name' })
      .describe('The source VM: by its managed object id or by its name (set one of them).'),
    target: z
      .object({
        datastore: z.string().min(1, 'must name a target datastore').describe("The target datastore's name."),
        storage_policy: z.string().min(1).nullable().default(null).describe("The target storage policy's name; null = the datastore's default storage policy."),
        replication_server: z
          .string()
          .min(1)
          .nullable()
          .default(null)
          .describe("The target vSphere Replication server's name; null = chosen by vSphere Replication."),
        disk_format: z.enum(VR_DISK_FORMATS).default('SAME_AS_SOURCE').describe('The format of the replica disks.'),
      })
      .strict()
      .describe('Where the replica is kept on the target site.'),
    exclude_disks: z
      .array(z.string().min(1))
      .default([])
      .describe('Disks not to replicate, by label (e.g. "Hard disk 2") or device key (e.g. "2001"); empty = every supported disk is replicated.'),
    seeds: z
      .object({
        mode: z
          .enum(VR_SEED_MODES)
          .default('none')
          .describe('none: the initial sync copies every disk in full; find: vSphere Replication searches the target datastore for matching seeds; explicit: the seeds `paths` names.'),
        paths: z.record(z.string(), z.string().min(1)).default({}).describe('Disk label → seed path on the target datastore, for mode "explicit".'),
      })
      .strict()
      .default({ mode: 'none', paths: {} })
      .describe('Pre-copied disks (seeds) on the target, so that the initial sync copies only what differs.'),
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
      .object({
        retain_replica_disks: z
          .boolean()
          .default(true)
          .describe('Keep the replica disks on the target when the replication is removed: nothing is lost unless asked.'),
      })
      .strict()
      .default({ retain_replica_disks: true })
      .describe('What a delete does to the replica.'),
    timeouts: timeoutsSchema,
    adopt: z
      .boolean()
      .default(false)
      .describe(
        'Take over a replication of this VM that this code did not create. Off by default: adoption is never silent; ' +
          'with it, every identity field must still match and the take-over is announced.',
      ),
    owner: z
      .string()
      .min(1)
      .nullable()
      .default(null)
      .describe(
        'Who declares this replication (`<stack>/<construct path>`). A create records it before the configure request, ' +
          'so that a rerun after a crash recognises its own half-made replication without `adopt`. null = the name "(unnamed)", shared by every spec written without an owner.',
      ),
  })
  .strict()
  .describe(
    'One VM replicated over a vSphere Replication pairing. Create configures the replication (finds and adopts its own half-made one ' +
      'after a crash) and waits for the configure task; the initial sync then copies every disk unless seeded. A change of the settings ' +
      'reconfigures it in place; a change of any identity field (pairing, VM, target, excluded disks, seeds) replaces it: a new replication ' +
      'and a full sync unless seeded. Delete unconfigures it and keeps the replica disks unless `on_delete.retain_replica_disks` is false.',
  );
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
  id: z.string().describe("The replication's id (e.g. GID-…)."),
  name: z.string().describe("The replication's name: the source VM's name."),
  vm_id: z.string().nullable().describe("The source VM's managed object id."),
  pairing_id: z.string().describe("The id of the pairing the replication goes over."),
  target_site: z.string().describe("The target site's name."),
  status: z.string().describe("The replication's status as vSphere Replication reports it, e.g. OK, INITIAL_FULL_SYNC, PAUSED or ERROR."),
  rpo_violation: z.boolean().describe('Whether the replication violates its RPO (the last sync is late).'),
  configuration_state: z.string().describe("The replication's configuration state, e.g. OK, IN_PROGRESS or ERROR."),
  /** A setting the server does not report is absent: unknown, never made up. */
  settings: vrReplicationSettingsSchema.partial(),
  last_sync_time: z.number().nullable().describe('The time of the last sync, in milliseconds, as vSphere Replication reports it; null = not reported.'),
});

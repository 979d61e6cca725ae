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
    instances: z
      .number()
      .int()
      .min(VCDA_LIMITS.instancesPerRule.min)
      .max(VCDA_LIMITS.instancesPerRule.max)
      .describe(`How many replica instances the rule keeps (${VCDA_LIMITS.instancesPerRule.min}–${VCDA_LIMITS.instancesPerRule.max}).`),
    distance_minutes: z.number().int().min(1, 'must be at least 1 minute').describe('How far apart the instances are, in minutes.'),
  })
  .strict();

export const vcdaReplicationSettingsSchema = z
  .object({
    rpo_minutes: z
      .number()
      .int(rpoMessage)
      .min(RPO_MIN, rpoMessage)
      .max(RPO_MAX, rpoMessage)
      .nullable()
      .default(null)
      .describe(`Recovery point objective in minutes (${RPO_MIN}–${RPO_MAX}); null (or left out) when an SLA profile sets it.`),
    retention_rules: z
      .array(retentionRuleSchema)
      .max(VCDA_LIMITS.rules.max)
      .nullable()
      .default(null)
      .describe(`Retention rules (at most ${VCDA_LIMITS.rules.max}): each keeps a number of replica instances a number of minutes apart; null = none.`),
    sla_profile_id: z
      .string()
      .min(1)
      .nullable()
      .default(null)
      .describe('An SLA profile (by id) that sets the RPO, retention and data connection type instead of `rpo_minutes` and `retention_rules`; null = the replication\'s own settings.'),
    quiescing: z.boolean().default(false).describe('Quiesce the guest OS for each instance.'),
    data_connection_type: z.enum(VCDA_DATA_CONNECTION_TYPES).default('ENCRYPTED').describe('How replication traffic travels.'),
    description: z
      .string()
      .nullable()
      .default(null)
      .describe("The user's part of the replication's description; repliform appends its owner marker (`[repliform owner=<stack>/<path>]`). null = the marker only."),
    storage_profile: z
      .string()
      .min(1)
      .nullable()
      .default(null)
      .describe('The destination storage profile (its id); null = the vDC\'s default ("*"). Changed in place.'),
  })
  .strict()
  .refine((s) => (s.sla_profile_id === null) !== (s.rpo_minutes === null), {
    message: 'set either rpo_minutes (with retention_rules) or sla_profile_id',
  })
  .describe('How the replication runs: set `rpo_minutes` (with `retention_rules`) or `sla_profile_id`. All of it changes in place.');
export type VcdaReplicationSettings = z.infer<typeof vcdaReplicationSettingsSchema>;

export const vcdaReplicationIdentitySchema = z
  .object({
    source: z
      .object({
        site: z.string().min(1).describe('The source site\'s name as `GET /sites` lists it (e.g. site1): where the VM runs.'),
        vm_id: z.string().min(1).describe("The source VM's id in Cloud Director (a uuid)."),
      })
      .strict()
      .describe('The VM to replicate and its site.'),
    destination: z
      .object({
        site: z.string().min(1).describe("The destination site's name as `GET /sites` lists it (e.g. site2)."),
        vdc: z.string().min(1).describe('The destination vDC of the destination site (its uuid).'),
      })
      .strict()
      .describe('Where the replica is kept: a vDC of another site.'),
    exclude_disk_keys: z.array(z.number().int()).default([]).describe('Device keys of the disks not to replicate (e.g. 2001); empty = every disk is replicated.'),
    target_disk_type: z.enum(VCDA_DISK_TYPES).default('THIN').describe('How replica disks are provisioned.'),
  })
  .strict();

export const vcdaReplicationSpecSchema = vcdaReplicationIdentitySchema
  .extend({
    connection: vcdaConnectionSpecSchema,
    settings: vcdaReplicationSettingsSchema,
    on_delete: z
      .object({
        delete_replica: z
          .boolean()
          .default(false)
          .describe(
            'VCDA has no "keep the replica" delete: deleting a replication deletes its replica. So by default a destroy pauses the ' +
              'replication and leaves it (data kept, said loudly); true deletes it, and its replica with it.',
          ),
      })
      .strict()
      .default({ delete_replica: false })
      .describe('What a delete does to the replication and its replica.'),
    timeouts: timeoutsSchema,
    adopt: z
      .boolean()
      .default(false)
      .describe(
        'Take over a replication of this VM that this code did not create: adopted only when every identity field matches (source, ' +
          'destination site and vDC, excluded disks, disk type), and announced; its description records the new owner. Changing it replaces nothing.',
      ),
    owner: z
      .string()
      .min(1)
      .nullable()
      .default(null)
      .describe(
        "Who declares this replication (`<stack>/<construct path>`); recorded in the replication's description, so that a rerun recognises its own. " +
          'null = the name "(unnamed)", shared by every spec written without an owner.',
      ),
  })
  .strict()
  .describe(
    'One Cloud Director VM replicated from its site to a vDC of another site by Cloud Director Availability. Create starts the replication ' +
      '(or resumes this code\'s own, paused and kept by an earlier destroy) and waits for its task. A change of the settings is applied in place; ' +
      'a change of the source, destination, excluded disks or disk type replaces it (a new replication and a full sync). Delete pauses the ' +
      'replication and keeps it with its replica data, unless `on_delete.delete_replica` is true: then the replication and its replica are deleted.',
  );
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
  id: z.string().describe("The replication's id."),
  vm_id: z.string().describe("The source VM's id in Cloud Director."),
  source_site: z.string().describe("The source site's name."),
  destination_site: z.string().describe("The destination site's name."),
  destination_vdc: z.string().nullable().describe("The destination vDC's id."),
  destination_vdc_name: z.string().nullable().describe("The destination vDC's name."),
  owner: z.string().nullable().describe("The owner its description's marker names; null = no marker."),
  paused: z.boolean().describe('Whether the replication is paused (a plan warns about one paused outside Terraform).'),
  health: z.string().describe("The replication's overall health as VCDA reports it, e.g. GREEN."),
  data_connection_state: z.string().nullable().describe("The state of the replication's data connection as VCDA reports it."),
  rpo_violation_minutes: z.number().nullable().describe('By how many minutes the replication currently violates its RPO; null = not reported.'),
  exclude_disk_keys: z.array(z.number()),
  target_disk_type: z.string(),
  settings: vcdaReplicationSettingsSchema,
});

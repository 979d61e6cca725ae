/**
 * The spec of kind `sdrs.drill`: a DR drill of an SDRS protection group that lives as long as its resource (create
 * starts it: drill servers from the DR-site copies, in a drill VPC; delete cleans it up). Identity: the group and the
 * drill VPC; the name is renamed in place. Nothing here can touch production: no failover, planned failover or
 * reverse is ever called.
 */
import { z } from 'zod';
import type { KindFields } from '../../contract';
import { sdrsCommonSpecFields, sdrsGroupRefSchema, sdrsNameSchema } from '../spec-common';

export const sdrsDrillIdentitySchema = z
  .object({
    group: sdrsGroupRefSchema,
    drill_vpc_id: z
      .string()
      .min(1)
      .nullable()
      .default(null)
      .describe(
        "An existing VPC for the drill servers (its CIDR must be the group's VPC's, and it must have a subnet; never the production VPC). " +
          'null = SDRS creates a drill VPC (which SDRS keeps after the drill is deleted).',
      ),
  })
  .strict();

export const sdrsDrillSpecSchema = sdrsDrillIdentitySchema
  .extend({
    name: sdrsNameSchema.describe("The drill's name: 1–64 bytes (UTF-8) of Chinese characters, letters, digits, dots, underscores and hyphens. Renamed in place."),
    ...sdrsCommonSpecFields,
  })
  .strict()
  .describe(
    'A DR drill of an SDRS protection group, standing as long as this resource: create starts it (one drill server per protected instance, ' +
      'started from its DR-site copy in the drill VPC; production is never touched) and waits; delete cleans it up (the drill servers, their ' +
      'disks and NICs) and waits. The group must be protected with its first sync done; one drill per group at a time (a second is refused ' +
      'naming the running one). A change of the group or the drill VPC replaces it; a change of the name renames it.',
  );
export type SdrsDrillSpec = z.infer<typeof sdrsDrillSpecSchema>;
export type SdrsDrillSpecInput = z.input<typeof sdrsDrillSpecSchema>;

/** What delete accepts: the destroy-time spec may leave the setting (the name) out. */
export const sdrsDrillDeleteSpecSchema = sdrsDrillIdentitySchema.extend({ name: sdrsNameSchema.optional(), ...sdrsCommonSpecFields }).strict();

/** Identity and settings of `sdrs.drill`, stated once. */
export const sdrsDrillFields: KindFields = {
  identity: Object.keys(sdrsDrillIdentitySchema.shape),
  settings: ['name'],
};

const drillServerSchema = z.object({
  protected_instance_id: z.string().describe('The protected instance the drill server was started from.'),
  drill_server_id: z.string().describe('The drill server (an ECS server in the drill VPC).'),
  server_status: z.string().nullable().describe('Its ECS status, e.g. ACTIVE (running) or SHUTOFF; null = ECS does not list it.'),
  powered_on: z.boolean().describe('Whether it runs (ECS status ACTIVE).'),
  vpc_id: z.string().nullable().describe('The VPC its addresses are in: the drill VPC when all is well; null = unknown.'),
  addresses: z.array(z.string()).describe('Its IP addresses.'),
});

/** What `read` reports about the live drill: the provider's computed attributes (the handler's state type must match). */
export const sdrsDrillStateSchema = z.object({
  id: z.string().describe("The drill's id."),
  name: z.string().describe("The drill's name."),
  status: z.string().describe('creating, available (running), deleting, error (its start failed) or error-deleting (its cleanup failed).'),
  group_id: z.string().describe("The protection group's id."),
  vpc_id: z.string().nullable().describe('The drill VPC in use (the one given, or the one SDRS created).'),
  created_at: z.string().nullable().describe('When the drill started, as SDRS reports it.'),
  updated_at: z.string().nullable().describe('When the drill last changed, as SDRS reports it.'),
  drill_servers: z.array(drillServerSchema).describe('The drill servers, one per protected instance.'),
});
export type SdrsDrillResourceState = z.infer<typeof sdrsDrillStateSchema>;

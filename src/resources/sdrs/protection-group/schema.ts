/**
 * The spec of kind `sdrs.protection-group`: an SDRS protection group (server group) replicating from one
 * availability zone to another. Identity (AZs, domain, VPC, DR type) is stated once in `sdrsProtectionGroupFields`;
 * the name is renamed in place.
 */
import { z } from 'zod';
import type { KindFields } from '../../contract';
import { sdrsCommonSpecFields, sdrsDescriptionSchema, sdrsNameSchema } from '../spec-common';

export const sdrsProtectionGroupIdentitySchema = z
  .object({
    source_availability_zone: z.string().min(1).describe("The production site's availability zone, e.g. az-a."),
    target_availability_zone: z.string().min(1).describe("The disaster-recovery site's availability zone, e.g. az-b: another zone than the source's."),
    domain_id: z.string().min(1).describe('The active-active domain id that joins the two zones, e.g. domain-1.'),
    source_vpc_id: z.string().min(1).describe('The VPC of the production servers, e.g. vpc-prod.'),
    dr_type: z.enum(['migration']).nullable().default(null).describe("The group's type; null = the API's default, which is `migration` (the only value SDRS accepts)."),
  })
  .strict();

const groupObjectSchema = sdrsProtectionGroupIdentitySchema
  .extend({ name: sdrsNameSchema.describe('The group\'s name: 1–64 bytes (UTF-8) of Chinese characters, letters, digits, dots, underscores and hyphens. Renamed in place.'), description: sdrsDescriptionSchema, ...sdrsCommonSpecFields })
  .strict();

export const sdrsProtectionGroupSpecSchema = groupObjectSchema
  .refine((s) => s.source_availability_zone !== s.target_availability_zone, {
    message: 'target_availability_zone must differ from source_availability_zone',
    path: ['target_availability_zone'],
  })
  .describe(
    'An SDRS protection group (server group) replicating from one availability zone to another. Create finds this code\'s group by its ' +
      'owner marker (or its name) within the zones and VPC, or creates it. A change of the name renames it in place; a change of the zones, ' +
      'domain, VPC or type replaces it. Delete deletes the group (SDRS refuses while it still has pairs or instances: they are destroyed first); ' +
      'it holds no replica data itself.',
  );
export type SdrsProtectionGroupSpec = z.infer<typeof sdrsProtectionGroupSpecSchema>;
export type SdrsProtectionGroupSpecInput = z.input<typeof sdrsProtectionGroupSpecSchema>;

/** What delete accepts: the destroy-time spec leaves the settings (the name) out; the group is found by its marker. */
export const sdrsProtectionGroupDeleteSpecSchema = groupObjectSchema.extend({ name: sdrsNameSchema.optional() });
export type SdrsProtectionGroupDeleteSpec = z.infer<typeof sdrsProtectionGroupDeleteSpecSchema>;

/** Identity and settings of `sdrs.protection-group`, stated once. */
export const sdrsProtectionGroupFields: KindFields = {
  identity: Object.keys(sdrsProtectionGroupIdentitySchema.shape),
  // `description` is create-time only (SDRS cannot change it): not identity (a change must not replace the group),
  // listed with the settings so that a change runs the update, which reports it and keeps the live one.
  settings: ['name', 'description'],
};

/** What `read` reports about the live object: the provider's computed attributes (the handler's state type must match). */
export const sdrsProtectionGroupStateSchema = z.object({
  id: z.string().describe("The group's id."),
  name: z.string().describe("The group's name."),
  status: z.string().describe("The group's status as SDRS reports it, e.g. available, protected or error."),
  protected_status: z.string().nullable().describe("The group's protection status as SDRS reports it; null = not reported."),
  source_availability_zone: z.string().describe("The production site's availability zone."),
  target_availability_zone: z.string().describe("The disaster-recovery site's availability zone."),
  source_vpc_id: z.string().describe('The VPC of the production servers.'),
  domain_id: z.string().nullable().describe('The active-active domain id.'),
  dr_type: z.string().nullable().describe("The group's type."),
  replication_num: z.number().describe('How many replication pairs the group has.'),
  protected_instance_num: z.number().describe('How many protected instances the group has.'),
  marker: z.string().nullable().describe("The ownership marker in the group's description (` rf:<12 hex>`); null = none."),
});

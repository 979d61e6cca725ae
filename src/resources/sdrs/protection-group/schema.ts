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
    source_availability_zone: z.string().min(1),
    target_availability_zone: z.string().min(1),
    domain_id: z.string().min(1),
    source_vpc_id: z.string().min(1),
    /** null = the API's default, which is `migration` (the only value SDRS accepts). */
    dr_type: z.enum(['migration']).nullable().default(null),
  })
  .strict();

const groupObjectSchema = sdrsProtectionGroupIdentitySchema.extend({ name: sdrsNameSchema, description: sdrsDescriptionSchema, ...sdrsCommonSpecFields }).strict();

export const sdrsProtectionGroupSpecSchema = groupObjectSchema.refine((s) => s.source_availability_zone !== s.target_availability_zone, {
    message: 'target_availability_zone must differ from source_availability_zone',
    path: ['target_availability_zone'],
  });
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
  id: z.string(),
  name: z.string(),
  status: z.string(),
  protected_status: z.string().nullable(),
  source_availability_zone: z.string(),
  target_availability_zone: z.string(),
  source_vpc_id: z.string(),
  domain_id: z.string().nullable(),
  dr_type: z.string().nullable(),
  replication_num: z.number(),
  protected_instance_num: z.number(),
  marker: z.string().nullable(),
});

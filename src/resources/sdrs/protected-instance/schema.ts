/**
 * The spec of kind `sdrs.protected-instance`: a production server protected by its group (SDRS creates its DR-site
 * server). Identity (group + server, and the placement options when given) is stated once in
 * `sdrsProtectedInstanceFields`; the name is renamed in place.
 */
import { z } from 'zod';
import type { KindFields } from '../../contract';
import { sdrsCommonSpecFields, sdrsDescriptionSchema, sdrsGroupRefSchema, sdrsNameSchema } from '../spec-common';

const optionalId = z.string().min(1).nullable().default(null);

export const sdrsProtectedInstanceIdentitySchema = z
  .object({
    group: sdrsGroupRefSchema,
    /** The production-site server (ECS) to protect. */
    server_id: z.string().min(1),
    cluster_id: optionalId,
    /** Subnet of the DR-site server's primary NIC; null = the production one's. */
    primary_subnet_id: optionalId,
    primary_ip_address: optionalId,
    /** Flavor of the DR-site server; null = the production server's. */
    flavor_ref: optionalId,
  })
  .strict();

export const sdrsProtectedInstanceSpecSchema = sdrsProtectedInstanceIdentitySchema
  .extend({
    name: sdrsNameSchema,
    description: sdrsDescriptionSchema,
    ...sdrsCommonSpecFields,
    on_delete: z
      .object({
        /** Also delete the DR-site server; by default it is kept. */
        delete_target_server: z.boolean().default(false),
        /** Also delete the DR-site server's EIP; by default it is kept. */
        delete_target_eip: z.boolean().default(false),
      })
      .strict()
      .default({ delete_target_server: false, delete_target_eip: false }),
  })
  .strict();
export type SdrsProtectedInstanceSpec = z.infer<typeof sdrsProtectedInstanceSpecSchema>;
export type SdrsProtectedInstanceSpecInput = z.input<typeof sdrsProtectedInstanceSpecSchema>;

/** What delete accepts: the destroy-time spec leaves the settings (the name) out. */
export const sdrsProtectedInstanceDeleteSpecSchema = sdrsProtectedInstanceSpecSchema.extend({ name: sdrsNameSchema.optional() });
export type SdrsProtectedInstanceDeleteSpec = z.infer<typeof sdrsProtectedInstanceDeleteSpecSchema>;

/** Identity and settings of `sdrs.protected-instance`, stated once. */
export const sdrsProtectedInstanceFields: KindFields = {
  identity: Object.keys(sdrsProtectedInstanceIdentitySchema.shape),
  // `description` is create-time only (SDRS cannot change it): not identity (a change must not replace the
  // instance), listed with the settings so that a change runs the update, which reports it and keeps the live one.
  settings: ['name', 'description'],
};

/** What `read` reports about the live object: the provider's computed attributes (the handler's state type must match). */
export const sdrsProtectedInstanceStateSchema = z.object({
  id: z.string(),
  name: z.string(),
  group_id: z.string(),
  server_id: z.string(),
  target_server_id: z.string().nullable(),
  status: z.string(),
  attachments: z.array(z.object({ pair_id: z.string(), device: z.string() })),
  marker: z.string().nullable(),
});

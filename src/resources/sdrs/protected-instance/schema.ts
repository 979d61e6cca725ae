/**
 * The spec of kind `sdrs.protected-instance`: a production server protected by its group (SDRS creates its DR-site
 * server). Identity (group + server, and the placement options when given) is stated once in
 * `sdrsProtectedInstanceFields`; the name is renamed in place.
 */
import { z } from 'zod';
import type { KindFields } from '../../contract';
import { sdrsCommonSpecFields, sdrsDescriptionSchema, sdrsGroupRefSchema, sdrsNameSchema, sdrsTagsSchema } from '../spec-common';

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
    /** Where the DR-site server is made: `shared` (the shared pool) or `dedicated` (a dedicated host); null = SDRS's default, shared. */
    tenancy: z.enum(['shared', 'dedicated'], { errorMap: () => ({ message: "must be 'shared' or 'dedicated' (or null for SDRS's default, shared)" }) }).nullable().default(null),
    /** The dedicated host of the DR-site server (tenancy `dedicated` only); null = SDRS picks one. */
    dedicated_host_id: optionalId,
  })
  .strict();

export const sdrsProtectedInstanceSpecSchema = sdrsProtectedInstanceIdentitySchema
  .extend({
    name: sdrsNameSchema,
    description: sdrsDescriptionSchema,
    /** Tags of the protected instance (create-time only: a later change is reported, not applied). */
    tags: sdrsTagsSchema,
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
  // `description` and `tags` are create-time only (repliform sends them with the create): not identity (a change
  // must not replace the instance), listed with the settings so that a change runs the update, which reports it.
  settings: ['name', 'description', 'tags'],
  addedLater: ['tenancy', 'dedicated_host_id', 'tags'],
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

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
    server_id: z.string().min(1).describe('The production-site server (ECS) to protect; SDRS creates its DR-site server.'),
    cluster_id: optionalId.describe('The DSS storage pool of the DR-site server; null = SDRS chooses.'),
    primary_subnet_id: optionalId.describe("The subnet of the DR-site server's primary NIC; null = the production one's."),
    primary_ip_address: optionalId.describe("The IP address of the DR-site server's primary NIC; null = the production one's."),
    flavor_ref: optionalId.describe("The flavor of the DR-site server; null = the production server's."),
    tenancy: z
      .enum(['shared', 'dedicated'], { errorMap: () => ({ message: "must be 'shared' or 'dedicated' (or null for SDRS's default, shared)" }) })
      .nullable()
      .default(null)
      .describe("Where the DR-site server is made: `shared` (the shared pool) or `dedicated` (a dedicated host); null = SDRS's default, shared."),
    dedicated_host_id: optionalId.describe('The dedicated host of the DR-site server (tenancy `dedicated` only); null = SDRS picks one.'),
  })
  .strict();

export const sdrsProtectedInstanceSpecSchema = sdrsProtectedInstanceIdentitySchema
  .extend({
    name: sdrsNameSchema.describe('The protected instance\'s name: 1–64 bytes (UTF-8) of Chinese characters, letters, digits, dots, underscores and hyphens. Renamed in place.'),
    description: sdrsDescriptionSchema,
    tags: sdrsTagsSchema,
    ...sdrsCommonSpecFields,
    on_delete: z
      .object({
        delete_target_server: z.boolean().default(false).describe('Also delete the DR-site server; by default it is kept.'),
        delete_target_eip: z.boolean().default(false).describe("Also delete the DR-site server's EIP; by default it is kept."),
      })
      .strict()
      .default({ delete_target_server: false, delete_target_eip: false })
      .describe('What a delete does to the DR-site server.'),
  })
  .strict()
  .describe(
    'A production server protected by its SDRS protection group. Create finds this code\'s protected instance of the server in the group, or ' +
      'creates it (SDRS creates its DR-site server). A change of the name renames it in place; a change of the group, server or placement ' +
      'options replaces it. Delete deletes the protected instance and keeps the DR-site server (and its EIP) unless `on_delete` says otherwise. ' +
      'Attach the server\'s replication pairs with repliform_sdrs_replication_attachment.',
  );
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
  id: z.string().describe("The protected instance's id."),
  name: z.string().describe("The protected instance's name."),
  group_id: z.string().describe("The id of the instance's protection group."),
  server_id: z.string().describe('The production-site server.'),
  target_server_id: z.string().nullable().describe('The DR-site server SDRS created; null = not reported.'),
  status: z.string().describe("The protected instance's status as SDRS reports it, e.g. available or error (a plan warns about an error)."),
  attachments: z
    .array(
      z.object({
        pair_id: z.string().describe("The attached replication pair's id."),
        device: z.string().describe('The device name it is attached as, e.g. /dev/vdb.'),
      }),
    )
    .describe('The replication pairs attached to the server, each as a device.'),
  marker: z.string().nullable().describe("The ownership marker in the protected instance's description (` rf:<12 hex>`); null = none."),
});

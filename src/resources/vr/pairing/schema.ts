import { z } from 'zod';
import type { KindFields } from '../../contract';
import { connectionSpecSchema, credentialsRefSchema, pairingRefSchema } from '../connection';

/** Creating a pairing is opt-in: only when the spec carries this block. */
export const pairingCreateSchema = z
  .object({
    remote_vc_id: z.string().min(1).describe("The remote vCenter's uuid (PairingSpec.pair_vc_id)."),
    psc_url: z.string().min(1).describe('The remote Platform Services Controller / vCenter SSO URL.'),
    psc_port: z.number().int().min(1).max(65535).default(443).describe("The port of the remote PSC / SSO endpoint."),
    psc_thumbprint: z
      .string()
      .min(1)
      .nullable()
      .default(null)
      .describe("The thumbprint of the remote Platform Services Controller's certificate; null = none sent."),
    credentials: credentialsRefSchema.describe("The environment variables that hold the remote site's SSO credentials for the pairing request."),
  })
  .strict()
  .describe('How to create the pairing when the look-up by `remote_site` finds none; null = never create one, only look it up (and fail when it does not exist).');

/** The spec of kind `vr.pairing`. */
export const vrPairingSpecSchema = z
  .object({
    connection: connectionSpecSchema,
    pairing: pairingRefSchema,
    create: pairingCreateSchema.nullable().default(null),
    delete_on_destroy: z
      .boolean()
      .default(false)
      .describe('Delete the pairing when this resource is destroyed. A pairing carries every replication between the two sites, so it is never deleted unless asked.'),
    timeouts: z
      .object({
        create_seconds: z.number().int().positive().default(1800).describe("How long a create waits on the pairing task, in seconds."),
        delete_seconds: z.number().int().positive().default(1800).describe("How long a delete waits on the pairing task, in seconds."),
      })
      .strict()
      .default({ create_seconds: 1800, delete_seconds: 1800 })
      .describe('How long create and delete wait on the pairing tasks.'),
  })
  .strict()
  .describe(
    'The pairing of two vSphere Replication sites, which every replication between them goes over. Create looks the pairing up ' +
      '(by id or by the remote site\'s name) and verifies it; it creates one only when the `create` block is set. Nothing is changed in place. ' +
      'Delete leaves the pairing as it is unless `delete_on_destroy` is set; it removes no replication or replica data.',
  );
export type VrPairingSpec = z.infer<typeof vrPairingSpecSchema>;
export type VrPairingSpecInput = z.input<typeof vrPairingSpecSchema>;

/**
 * A pairing is looked up: which pairing is its identity, and it has no settings. `create` (how to make it when
 * missing) only matters on the first apply, so changing it later replaces nothing.
 */
export const vrPairingFields: KindFields = { identity: ['pairing'], settings: [] };

/** What `read` reports about the live object: the provider's computed attributes (the handler's state type must match). */
export const vrPairingStateSchema = z.object({
  id: z.string().describe("The pairing's id."),
  local_site: z.string().describe("The local site's name (its vCenter name) as the pairing reports it."),
  remote_site: z.string().describe("The remote site's name (its vCenter or VRMS site name)."),
  local_vc_id: z.string().describe("The local vCenter's uuid."),
  remote_vc_id: z.string().describe("The remote vCenter's uuid."),
  status: z.string().describe("The remote site's server status (its VRMS, else its vCenter), e.g. OK; any other status is warned about."),
});

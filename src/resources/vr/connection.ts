/** The VR connection block: the shared fields, remote-site credentials for the remote session, the local site's name. */
import { z } from 'zod';
import { connectionFields, credentialsRefSchema } from '../connection';

export { credentialsRefSchema, type CredentialsRef } from '../connection';

/** How to reach one appliance: everything here is safe to store in Terraform state. */
export const connectionSpecSchema = z
  .object({
    ...connectionFields,
    remote_credentials: credentialsRefSchema
      .nullable()
      .default(null)
      .describe("The environment variables that hold the credentials for the remote site's SSO (the VR remote session); null = reuse `credentials`."),
    local_site: z
      .string()
      .min(1)
      .optional()
      .describe(
        "The local site's name as the other site's pairing names it (its vCenter name, e.g. vc-a.example.local). Only `repliform review` reads it, " +
          'to draw a site once whether it is a source or a target; absent when not set. It changes nothing on the appliance.',
      ),
  })
  .strict();
export type ConnectionSpec = z.infer<typeof connectionSpecSchema>;

/** Which pairing to use: by id, or by the remote site's vCenter (or VRMS site) name. */
export const pairingRefSchema = z
  .object({
    id: z.string().min(1).nullable().default(null).describe("The pairing's id; null = looked up by `remote_site`."),
    remote_site: z
      .string()
      .min(1)
      .nullable()
      .default(null)
      .describe("The remote site's vCenter (or VRMS site) name, e.g. vc-b.example.local; null = looked up by `id`."),
  })
  .strict()
  .refine((p) => p.id !== null || p.remote_site !== null, {
    message: 'set either id or remote_site',
  })
  .describe('Which pairing of the two sites: by its id or by the remote site\'s name (set one of them).');
export type PairingRef = z.infer<typeof pairingRefSchema>;

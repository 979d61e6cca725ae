/** The VR connection block: the shared fields, remote-site credentials for the remote session, the local site's name. */
import { z } from 'zod';
import { connectionFields, credentialsRefSchema } from '../connection';

export { credentialsRefSchema, type CredentialsRef } from '../connection';

/** How to reach one appliance: everything here is safe to store in Terraform state. */
export const connectionSpecSchema = z
  .object({
    ...connectionFields,
    /** Credentials for the remote site's SSO; null = reuse `credentials`. */
    remote_credentials: credentialsRefSchema.nullable().default(null),
    /**
     * The local site's name as the other site's pairing names it (its vCenter name). Only `repliform
     * review` reads it, to draw a site once whether it is a source or a target; absent when not set.
     */
    local_site: z.string().min(1).optional(),
  })
  .strict();
export type ConnectionSpec = z.infer<typeof connectionSpecSchema>;

/** Which pairing to use: by id, or by the remote site's vCenter (or VRMS site) name. */
export const pairingRefSchema = z
  .object({
    id: z.string().min(1).nullable().default(null),
    remote_site: z.string().min(1).nullable().default(null),
  })
  .strict()
  .refine((p) => p.id !== null || p.remote_site !== null, {
    message: 'set either id or remote_site',
  });
export type PairingRef = z.infer<typeof pairingRefSchema>;

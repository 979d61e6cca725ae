import { z } from 'zod';
import { ENV_VAR_NAME } from './limits';

const envVarName = z.string().regex(ENV_VAR_NAME, 'must be an environment variable name ([A-Za-z_][A-Za-z0-9_]*)');

/** Names of the environment variables that hold a user name and a password; never the values. */
export const credentialsRefSchema = z
  .object({ username_env: envVarName, password_env: envVarName })
  .strict();
export type CredentialsRef = z.infer<typeof credentialsRefSchema>;

/** How to reach one appliance: everything here is safe to store in Terraform state. */
export const connectionSpecSchema = z
  .object({
    /** Base URL of the appliance, e.g. https://vr-a.example.local (the API path is appended). */
    endpoint: z.string().url('must be an http(s) URL such as https://vr-a.example.local'),
    credentials: credentialsRefSchema,
    /** Credentials for the remote site's SSO; null = reuse `credentials`. */
    remote_credentials: credentialsRefSchema.nullable().default(null),
    /** PEM file of CAs to trust in addition to the system store; null = system store only. */
    ca_bundle_file: z.string().min(1).nullable().default(null),
    /** Skip TLS certificate verification (a warning is printed). */
    insecure: z.boolean().default(false),
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

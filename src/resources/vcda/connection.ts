/**
 * The VCDA connection block: the shared fields, how to log in (`POST /sessions` body type), the credentials for
 * the destination site's session extension (`POST /sessions/extend`), and the versioned Accept header.
 */
import { z } from 'zod';
import { connectionFields, credentialsRefSchema } from '../connection';

/** `POST /sessions` body types repliform logs in with (the token types need a browser or SAML: not for a CLI). */
export const VCDA_LOGIN_TYPES = ['vcdCredentials', 'localUser', 'ssoCredentials'] as const;
export type VcdaLoginType = (typeof VCDA_LOGIN_TYPES)[number];

/** The media-type version of the API; `Accept: application/vnd.vmware.h4-<version>+json`. */
export const VCDA_DEFAULT_API_VERSION = 'v4';

export const vcdaConnectionSpecSchema = z
  .object({
    ...connectionFields,
    login_type: z.enum(VCDA_LOGIN_TYPES).default('vcdCredentials').describe('The `POST /sessions` body type the login sends.'),
    remote_credentials: credentialsRefSchema
      .nullable()
      .default(null)
      .describe(
        'The environment variables that hold the Cloud Director credentials of the destination site, for the session extension ' +
          '(`POST /sessions/extend`) that managing its replicas needs; null = reuse `credentials`.',
      ),
    api_version: z
      .string()
      .regex(/^v\d+(\.\d+)*$/, "must be an API version such as 'v4' or 'v4.7'")
      .default(VCDA_DEFAULT_API_VERSION)
      .describe('The API version sent in `Accept: application/vnd.vmware.h4-<api_version>+json`, e.g. v4 or v4.7.'),
  })
  .strict();
export type VcdaConnectionSpec = z.infer<typeof vcdaConnectionSpecSchema>;

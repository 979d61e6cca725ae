/**
 * The SDRS connection block: the regional endpoint, the project every path names, and either AK/SK (the names of
 * the two environment variables that hold the keys) or an IAM token (the name of its variable) — never the values.
 * Everything here is safe to store in Terraform state.
 */
import { z } from 'zod';
import { connectionFields, envVarNameSchema } from '../connection';

/** Names of the environment variables holding the access key and the secret key (AK/SK request signing). */
export const sdrsAkSkRefSchema = z
  .object({
    access_key_env: envVarNameSchema.describe('AK/SK: name of the environment variable that holds the access key (every request is signed).'),
    secret_key_env: envVarNameSchema.describe('AK/SK: name of the environment variable that holds the secret key.'),
  })
  .strict();
/** Name of the environment variable holding an IAM token (sent as X-Auth-Token). */
export const sdrsTokenRefSchema = z
  .object({ token_env: envVarNameSchema.describe('Token: name of the environment variable that holds an IAM token (sent as `X-Auth-Token`).') })
  .strict();

const { endpoint, ca_bundle_file, insecure } = connectionFields;

export const sdrsConnectionSpecSchema = z
  .object({
    endpoint: endpoint.describe('The regional SDRS endpoint, e.g. https://sdrs.ap-southeast-1.myhuaweicloud.com (`/v1/{project_id}` is appended).'),
    project_id: z.string().min(1, 'must be the project id of the region').describe('The project (region) id the API paths carry: `/v1/{project_id}/…`.'),
    credentials: z
      .union([sdrsAkSkRefSchema, sdrsTokenRefSchema])
      .describe(
        'The environment variables that hold the credentials (their names, never the values): AK/SK (`access_key_env` and `secret_key_env`) ' +
          'or an IAM token (`token_env`).',
      ),
    ca_bundle_file,
    insecure,
  })
  .strict();
export type SdrsConnectionSpec = z.infer<typeof sdrsConnectionSpecSchema>;

/**
 * What every vendor's connection block has: where the API is, the names of the environment variables that
 * hold the credentials (never the values), and TLS trust. Everything here is safe to store in Terraform state.
 * A vendor's connection schema extends `connectionFields` with what only it needs.
 */
import { z } from 'zod';

/** Environment variable names accepted for credentials. */
export const ENV_VAR_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export const envVarNameSchema = z.string().regex(ENV_VAR_NAME, 'must be an environment variable name ([A-Za-z_][A-Za-z0-9_]*)');

/** Names of the environment variables that hold a user name and a password; never the values. */
export const credentialsRefSchema = z
  .object({
    username_env: envVarNameSchema.describe('Name of the environment variable that holds the user name (the name, never the value).'),
    password_env: envVarNameSchema.describe('Name of the environment variable that holds the password (the name, never the value).'),
  })
  .strict();
export type CredentialsRef = z.infer<typeof credentialsRefSchema>;

/** The fields every connection block has. */
export const connectionFields = {
  endpoint: z
    .string()
    .url('must be an http(s) URL such as https://vr-a.example.local')
    .describe('Base URL of the appliance or API, e.g. https://vr-a.example.local (the API path is appended).'),
  credentials: credentialsRefSchema.describe('The environment variables that hold the credentials of the login (their names, read when the provider runs).'),
  ca_bundle_file: z
    .string()
    .min(1)
    .nullable()
    .default(null)
    .describe('A PEM file of CAs to trust in addition to the system store, as a path on the machine that runs Terraform; null = the system store only.'),
  insecure: z.boolean().default(false).describe('Skip TLS certificate verification (a warning is printed on every run).'),
};

/** Whether an endpoint is plain http (no TLS at all). */
export function isPlainHttp(endpoint: string): boolean {
  try {
    return new URL(endpoint).protocol === 'http:';
  } catch {
    return false;
  }
}

/**
 * A CA bundle named for a plain http:// endpoint: a contradiction (the CA is never used, the credentials go in
 * clear), refused wherever a connection is read. The problem (the field is `ca_bundle_file`), or undefined.
 */
export function caBundleOverHttpProblem(connection: unknown): string | undefined {
  if (typeof connection !== 'object' || connection === null) return undefined;
  const { endpoint, ca_bundle_file: file } = connection as { readonly endpoint?: unknown; readonly ca_bundle_file?: unknown };
  if (typeof endpoint !== 'string' || typeof file !== 'string' || !isPlainHttp(endpoint)) return undefined;
  return (
    `a CA bundle (${file}) is set for the plain http:// endpoint ${endpoint}: the CA would never be used and the credentials would go in clear; ` +
    'use an https:// endpoint, or remove ca_bundle_file'
  );
}

/** Whether a spec field holds an environment-variable NAME (`password_env`, `secret_key_env`, …), where a secret may be typed by mistake. */
export function isEnvNameField(path: readonly (string | number)[]): boolean {
  const last = path[path.length - 1];
  return typeof last === 'string' && last.endsWith('_env');
}

/** Where an API is and how to trust it: what the client factory reads of every connection (SDRS has no user/password). */
export interface EndpointConnection {
  readonly endpoint: string;
  readonly ca_bundle_file: string | null;
  readonly insecure: boolean;
}

/** The shared part of a user-and-password vendor's connection (VR, VCDA). */
export interface BaseConnection extends EndpointConnection {
  readonly credentials: CredentialsRef;
}

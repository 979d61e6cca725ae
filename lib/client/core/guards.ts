/**
 * The small checks every vendor client makes on what it is given and on what an API answers: a JSON object, a
 * non-empty id, a user name and password, an http(s) endpoint, a page size. One copy for the whole of `lib/`.
 *
 * Calls no endpoint.
 *
 * @public
 */

/** True for a JSON object (not null, not an array). @public */
export function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** Throws `<field> must be a non-empty string, got <value>` unless `value` is a string with more than blanks. @public */
export function requireId(value: unknown, field: string): void {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new TypeError(`${field} must be a non-empty string, got ${JSON.stringify(value) ?? String(value)}`);
  }
}

/** A user name and password, as the session vendors log in with. @public */
export interface PasswordCredentials {
  readonly username: string;
  readonly password: string;
}

/** Throws `<field>.username|password must be a non-empty string` (never quoting the password). @public */
export function requireCredentials(credentials: PasswordCredentials | undefined, field: string): void {
  if (credentials === undefined || typeof credentials.username !== 'string' || credentials.username === '') {
    throw new TypeError(`${field}.username must be a non-empty string`);
  }
  if (typeof credentials.password !== 'string' || credentials.password === '') throw new TypeError(`${field}.password must be a non-empty string`);
}

/**
 * The endpoint without blanks and trailing slashes, checked to be an absolute http(s) URL.
 * @param example - a URL of the vendor's, quoted in the error (e.g. `https://vcda.example.local`)
 * @public
 */
export function httpEndpoint(endpoint: string, example: string): string {
  const trimmed = endpoint.trim().replace(/\/+$/, '');
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    throw new TypeError(`endpoint must be an absolute https URL such as ${example}, got "${trimmed}"`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new TypeError(`endpoint must use https (or http for a local simulator), got "${url.protocol}"`);
  return trimmed;
}

/** The page size of a list: `fallback` when not given, else an integer from 1 to `max`. @public */
export function pageSizeOf(size: number | undefined, limits: { readonly fallback: number; readonly max: number }): number {
  if (size === undefined) return limits.fallback;
  if (!Number.isInteger(size) || size < 1 || size > limits.max) throw new TypeError(`pageSize must be an integer from 1 to ${limits.max}, got ${size}`);
  return size;
}

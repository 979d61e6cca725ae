/**
 * What the HTTP layer needs to know about a vendor's API, and nothing more: how its error bodies read, which request
 * headers carry credentials, and which failed answers mean "that object does not exist". Each vendor client passes
 * its profile to `createHttpClient` (VR's is in `../vr/profile.ts`).
 *
 * Calls no endpoint.
 *
 * @public
 */

/** The fields a vendor's error body may carry. @public */
export interface DecodedErrorBody {
  /** The API's machine-readable code (VR `error_code`, VCDA `code`, SDRS `error.code`). */
  readonly errorCode?: string;
  /** The API's human-readable message. */
  readonly serverMessage?: string;
  /** The request or operation id to quote to the vendor's support (VR `op_id`). */
  readonly opId?: string;
  /** What the vendor calls that id in messages ("request_id"). @default "op_id" */
  readonly opIdLabel?: string;
}

/** How one vendor's API speaks errors and credentials. @public */
export interface VendorProfile {
  /** Short vendor name, e.g. "vr". */
  readonly name: string;
  /** Read an error body (already parsed from JSON when it was JSON; undefined when empty). Never throws. */
  decodeError(status: number, body: unknown): DecodedErrorBody;
  /**
   * Request headers that carry credentials or sessions, matched case-insensitively. `authorization`,
   * `proxy-authorization` and `cookie` are always secret; their values never appear in an error message or a log entry.
   */
  readonly secretHeaders: readonly string[];
  /** True when this failed answer says the object does not exist (VR: 404; SDRS: 400 with SDRS.1608). */
  isNotFound(status: number, decoded: DecodedErrorBody): boolean;
}

/** Headers that are secret for every vendor. @internal */
export const ALWAYS_SECRET_HEADERS: readonly string[] = ['authorization', 'proxy-authorization', 'cookie'];

/**
 * The profile of a client that names no vendor: error bodies are not interpreted, a 404 is not-found, and only
 * the headers that are secret everywhere are treated as such.
 * @public
 */
export const plainHttpProfile: VendorProfile = {
  name: 'http',
  decodeError: () => ({}),
  secretHeaders: [],
  isNotFound: (status) => status === 404,
};

/** A non-empty string field of an object, else undefined. For vendor decoders. @public */
export function stringField(body: unknown, name: string): string | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
  const value = (body as Record<string, unknown>)[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** The lower-case names of every secret header of a profile. @internal */
export function secretHeaderNames(profile: VendorProfile): ReadonlySet<string> {
  return new Set([...ALWAYS_SECRET_HEADERS, ...profile.secretHeaders].map((name) => name.toLowerCase()));
}

/**
 * The values of a request's secret headers, to scrub from anything the server or Node may echo back. For a value
 * such as "Basic abc" the credential part ("abc") is listed too.
 * @internal
 */
export function secretValues(headers: Readonly<Record<string, string>>, secretNames: ReadonlySet<string>): string[] {
  const values: string[] = [];
  for (const [name, value] of Object.entries(headers)) {
    if (!secretNames.has(name.toLowerCase()) || value === '') continue;
    values.push(value);
    const credential = /^\S+\s+(\S.*)$/.exec(value)?.[1];
    if (credential !== undefined && credential.length >= 4) values.push(credential);
  }
  return values.sort((a, b) => b.length - a.length);
}

/**
 * Secrets at least this long are replaced wherever they occur. A shorter one is replaced only where it stands alone
 * (no letter or digit next to it): a token "t" must not turn "does not exist" into "does noREDACTED exisREDACTED".
 * @internal
 */
export const MIN_ANYWHERE_SECRET_LENGTH = 8;

/** `text` with every secret value replaced by REDACTED (a short one only where it stands alone). @internal */
export function scrubSecrets(text: string | undefined, secrets: readonly string[]): string | undefined {
  if (text === undefined) return undefined;
  return secrets.reduce(
    (scrubbed, secret) => (secret.length >= MIN_ANYWHERE_SECRET_LENGTH ? scrubbed.split(secret).join('REDACTED') : scrubbed.replace(standalone(secret), 'REDACTED')),
    text,
  );
}

/** Every occurrence of `secret` with no letter or digit right before or after it. */
function standalone(secret: string): RegExp {
  const escaped = secret.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'gu');
}

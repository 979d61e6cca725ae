/**
 * Huawei Cloud AK/SK request signing ("SDK-HMAC-SHA256", the APIG scheme of the official SDKs), both ways:
 * `signRequest` adds `X-Sdk-Date` and `Authorization` to an outgoing request; `verifySignature` checks a received
 * one (the simulator's side). Pure: no clock, no I/O — the caller passes the time.
 *
 * Calls no endpoint.
 *
 * The canonical request, as `@huaweicloud/huaweicloud-sdk-core`'s `AKSKSigner` builds it (checked against it in
 * test/client/sdrs-signer.test.ts):
 *
 *   METHOD \n CanonicalURI \n CanonicalQuery \n CanonicalHeaders \n SignedHeaders \n hex(sha256(body))
 *
 * - CanonicalURI: each path segment percent-decoded, then encoded with only `A-Za-z0-9-_.~` left as they are;
 *   always ends with `/`. (Decoding first makes it the same whatever encoding the wire used, as APIG does.)
 * - CanonicalQuery: keys sorted, the values of a repeated key sorted (UTF-16 code-unit order of the decoded
 *   text), each `enc(key)=enc(value)`, joined by `&`.
 * - CanonicalHeaders: every signed header as `lowercase(name):trim(value)\n`, sorted by name; SignedHeaders is
 *   their names joined by `;`. The signer signs every header it is given, plus `host` (from the URL unless given)
 *   and `x-sdk-date`.
 * - The body hash is the value of `X-Sdk-Content-Sha256` when that header is signed (e.g. `UNSIGNED-PAYLOAD`).
 *
 * StringToSign = `SDK-HMAC-SHA256\n<X-Sdk-Date>\n<hex(sha256(canonical request))>`; Signature =
 * hex(HMAC-SHA256(SK, StringToSign)); `Authorization: SDK-HMAC-SHA256 Access=<AK>, SignedHeaders=<…>,
 * Signature=<…>`.
 *
 * Where the official Node signer differs: it parses the URL with the legacy `url.parse`, which escapes
 * space, `'`, `"`, `<`, `>`, `{`, `}`, `|`, `\`, `^` and backtick before encoding them again (so `a b` becomes
 * `a%2520b`); we encode them once, like APIG and the Go SDK. It does not trim header values; we do (HTTP strips
 * surrounding whitespace on the way anyway). repliform's paths hold only ids, so neither case arises in practice.
 *
 * @public
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/** The algorithm name in `Authorization` and in the string to sign. @public */
export const SDK_SIGNING_ALGORITHM = 'SDK-HMAC-SHA256';
/** The request header that carries the signing time. @public */
export const SDK_DATE_HEADER = 'X-Sdk-Date';
/** A request header whose value replaces the body hash (e.g. `UNSIGNED-PAYLOAD`). @public */
export const SDK_CONTENT_SHA256_HEADER = 'X-Sdk-Content-Sha256';
/** How far X-Sdk-Date may be from the server's clock: APIG refuses a request older than 15 minutes. @public */
export const DEFAULT_MAX_SKEW_MS = 15 * 60 * 1000;

const EMPTY_BODY_SHA256 = createHash('sha256').update('').digest('hex');

/** An access key and its secret key. @public */
export interface AkSkCredentials {
  readonly accessKey: string;
  readonly secretKey: string;
}

/** A request to sign or to verify. @public */
export interface SignableRequest {
  /** HTTP method, upper case. */
  readonly method: string;
  /** Absolute URL as sent (path segments and query percent-encoded), or path + query with `host` in `headers`. */
  readonly url: string;
  /** Request headers, names in upper or lower case; arrays (as Node receives repeated headers) are joined with ",". */
  readonly headers: Readonly<Record<string, string | readonly string[] | undefined>>;
  /** The exact body text sent; undefined or "" for none. */
  readonly body?: string;
}

/** The headers `signRequest` adds. @public */
export interface SignatureHeaders {
  readonly 'X-Sdk-Date': string;
  readonly Authorization: string;
}

/**
 * The headers that sign `request` at time `nowMs`: `X-Sdk-Date` (unless the request has one, which is then
 * signed as given) and `Authorization`.
 * @public
 */
export function signRequest(request: SignableRequest, credentials: AkSkCredentials, nowMs: number): SignatureHeaders {
  const given = headerValue(request.headers, SDK_DATE_HEADER);
  const sdkDate = given ?? formatSdkDate(nowMs);
  const headers: Record<string, string> = { ...lowerCaseHeaders(request.headers), 'x-sdk-date': sdkDate };
  if (headers.host === undefined) headers.host = new URL(request.url).host;
  const signedHeaders = Object.keys(headers).sort();
  const signature = computeSignature({ ...request, headers }, signedHeaders, sdkDate, credentials.secretKey);
  return {
    'X-Sdk-Date': sdkDate,
    Authorization: `${SDK_SIGNING_ALGORITHM} Access=${credentials.accessKey}, SignedHeaders=${signedHeaders.join(';')}, Signature=${signature}`,
  };
}

/** Why a received request was refused. @public */
export type SignatureFailure =
  | 'missing-authorization' // no Authorization header (and so no AK/SK signature)
  | 'malformed-authorization' // not "SDK-HMAC-SHA256 Access=…, SignedHeaders=…, Signature=…"
  | 'missing-date' // no X-Sdk-Date, or not YYYYMMDDTHHMMSSZ, or not signed
  | 'unsigned-host' // `host` is not among the signed headers
  | 'unknown-access-key'
  | 'stale-date' // X-Sdk-Date further than maxSkewMs from now
  | 'signature-mismatch';

/** The outcome of `verifySignature`. @public */
export type VerifyResult =
  | { readonly ok: true; readonly accessKey: string }
  | { readonly ok: false; readonly reason: SignatureFailure; readonly accessKey?: string; readonly message: string };

/**
 * Check a received request's AK/SK signature (the server's side of `signRequest`).
 * `request.url` is the path + query as received (Node's `req.url`) or an absolute URL; `request.headers` are the
 * received headers (Node's `req.headers`); `request.body` the raw body text. `secretKeyFor(ak)` gives the secret
 * key of an access key, undefined when unknown. The date is checked before the signature; both checks are done
 * on every request, so a stale but otherwise valid signature is `stale-date`.
 * @public
 */
export function verifySignature(
  request: SignableRequest,
  secretKeyFor: (accessKey: string) => string | undefined,
  nowMs: number,
  maxSkewMs: number = DEFAULT_MAX_SKEW_MS,
): VerifyResult {
  const header = headerValue(request.headers, 'authorization');
  if (header === undefined) return refuse('missing-authorization', 'the request has no Authorization header');
  const auth = parseAuthorization(header);
  if (auth === undefined) return refuse('malformed-authorization', `Authorization is not "${SDK_SIGNING_ALGORITHM} Access=…, SignedHeaders=…, Signature=…"`);
  const fail = (reason: SignatureFailure, message: string): VerifyResult => ({ ok: false, reason, accessKey: auth.accessKey, message });
  const sdkDate = headerValue(request.headers, SDK_DATE_HEADER);
  const signedAt = sdkDate === undefined ? undefined : parseSdkDate(sdkDate);
  if (sdkDate === undefined || signedAt === undefined || !auth.signedHeaders.includes('x-sdk-date')) {
    return fail('missing-date', 'X-Sdk-Date is missing, unsigned or not YYYYMMDDTHHMMSSZ');
  }
  if (!auth.signedHeaders.includes('host')) return fail('unsigned-host', 'the host header is not signed');
  const secretKey = secretKeyFor(auth.accessKey);
  if (secretKey === undefined) return fail('unknown-access-key', `unknown access key ${auth.accessKey}`);
  if (Math.abs(nowMs - signedAt) > maxSkewMs) return fail('stale-date', `X-Sdk-Date ${sdkDate} is more than ${Math.round(maxSkewMs / 1000)} s from the server time`);
  const expected = computeSignature({ ...request, headers: lowerCaseHeaders(request.headers) }, auth.signedHeaders, sdkDate, secretKey);
  if (!sameHex(expected, auth.signature)) return fail('signature-mismatch', 'the signature does not match the request');
  return { ok: true, accessKey: auth.accessKey };
}

/** The parts of an `Authorization: SDK-HMAC-SHA256 …` header, or undefined when it is not one. @public */
export function parseAuthorization(header: string): { readonly accessKey: string; readonly signedHeaders: readonly string[]; readonly signature: string } | undefined {
  const match = /^SDK-HMAC-SHA256\s+Access=([^,\s]+),\s*SignedHeaders=([^,\s]+),\s*Signature=([0-9a-fA-F]+)$/.exec(header.trim());
  if (match === null) return undefined;
  const [, accessKey = '', signed = '', signature = ''] = match;
  return { accessKey, signedHeaders: signed.split(';'), signature: signature.toLowerCase() };
}

/** The canonical request of `request` for these (lower-case) signed headers. Exported for tests and debugging. @public */
export function canonicalRequest(request: SignableRequest, signedHeaders: readonly string[]): string {
  const url = new URL(request.url, 'http://canonical.invalid');
  const headers = lowerCaseHeaders(request.headers);
  const canonicalHeaders = signedHeaders.map((name) => `${name}:${(headers[name] ?? '').trim()}\n`).join('');
  const payloadHash = headers[SDK_CONTENT_SHA256_HEADER.toLowerCase()] ?? sha256Hex(request.body ?? '');
  return [request.method.toUpperCase(), canonicalUri(url.pathname), canonicalQuery(url.search), canonicalHeaders, signedHeaders.join(';'), payloadHash].join('\n');
}

/** `YYYYMMDDTHHMMSSZ` (UTC) of a time in milliseconds. @public */
export function formatSdkDate(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19).replace(/[-:]/g, '')}Z`;
}

/** The time of an `X-Sdk-Date` value, undefined when it is not `YYYYMMDDTHHMMSSZ`. @public */
export function parseSdkDate(text: string): number | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(text);
  if (m === null) return undefined;
  const [, y, mo, d, h, mi, s] = m.map(Number);
  const ms = Date.UTC(y ?? 0, (mo ?? 1) - 1, d, h, mi, s);
  return formatSdkDate(ms) === text ? ms : undefined;
}

/** Huawei's percent-encoding: everything but `A-Za-z0-9-_.~`, as UTF-8, upper-case hex. @public */
export function sdkUrlEncode(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

// ------------------------------------------------------------------ internals

function computeSignature(request: SignableRequest, signedHeaders: readonly string[], sdkDate: string, secretKey: string): string {
  const stringToSign = [SDK_SIGNING_ALGORITHM, sdkDate, sha256Hex(canonicalRequest(request, signedHeaders))].join('\n');
  return createHmac('sha256', secretKey).update(stringToSign).digest('hex');
}

function canonicalUri(pathname: string): string {
  const path = pathname.split('/').map((segment) => sdkUrlEncode(decodeLenient(segment))).join('/');
  return path.endsWith('/') ? path : `${path}/`;
}

function canonicalQuery(search: string): string {
  const byKey = new Map<string, string[]>();
  for (const pair of search.replace(/^\?/, '').split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const key = decodeLenient(eq < 0 ? pair : pair.slice(0, eq));
    const value = eq < 0 ? '' : decodeLenient(pair.slice(eq + 1));
    byKey.set(key, [...(byKey.get(key) ?? []), value]);
  }
  return [...byKey.keys()]
    .sort()
    .flatMap((key) => (byKey.get(key) ?? []).sort().map((value) => `${sdkUrlEncode(key)}=${sdkUrlEncode(value)}`))
    .join('&');
}

/** Percent-decoding that keeps a malformed sequence as it is (a server must not throw on a client's URL). */
function decodeLenient(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function lowerCaseHeaders(headers: SignableRequest['headers']): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    out[name.toLowerCase()] = typeof value === 'string' ? value : value.join(',');
  }
  return out;
}

function headerValue(headers: SignableRequest['headers'], name: string): string | undefined {
  return lowerCaseHeaders(headers)[name.toLowerCase()];
}

function sha256Hex(text: string): string {
  return text === '' ? EMPTY_BODY_SHA256 : createHash('sha256').update(text).digest('hex');
}

function sameHex(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}

function refuse(reason: SignatureFailure, message: string): VerifyResult {
  return { ok: false, reason, message };
}

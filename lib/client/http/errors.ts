/**
 * The ApiError family: the one error hierarchy of the client layer, plus URL redaction.
 *
 * Calls no endpoint. Chosen in one place: `http-client.ts` maps every failed response or connection failure to one
 * of these classes (with the vendor profile's decoder and not-found rule); `session.ts` and the vendor clients raise
 * ApiAuthenticationError (login); `tasks.ts` adds TaskFailedError.
 *
 * - ApiError                 any non-2xx answer (status, the vendor's error code, message and op id, method,
 *                            redacted url, retryable)
 *   - ApiConnectionError     status 0: refused, reset, DNS, timeout, TLS; `code` + an actionable hint
 *   - ApiAuthenticationError login rejected, or 401 again after one re-login
 *   - ApiNotFoundError       the vendor's not-found answer (VR: 404)
 *
 * Messages and fields never contain a password, an Authorization header or a session id.
 *
 * @public
 */

const API_ERROR_BRAND = Symbol.for('repliform.ApiError');
const NOT_FOUND_BRAND = Symbol.for('repliform.ApiNotFoundError');

/** Query parameters whose values are replaced by "REDACTED" (substring match, case-insensitive). @internal */
const SECRET_PARAM = /(pass(word|wd)?|token|secret|signature|session|api[-_]?key|credential|auth)/i;

/** Fields of every ApiError. @public */
export interface ApiErrorFields {
  /** HTTP status; 0 when no response was received. */
  readonly status: number;
  /** HTTP method, upper case. */
  readonly method: string;
  /** Request URL; redacted here again, whatever the caller passes. */
  readonly url: string;
  /** The API's error code, when the body had one (decoded by the vendor profile). */
  readonly errorCode?: string;
  /** The API's message, when the body had one. */
  readonly serverMessage?: string;
  /** The API's operation or request id (quote it to the vendor's support). */
  readonly opId?: string;
  /** The vendor's name for `opId` in the message. @default "op_id" */
  readonly opIdLabel?: string;
  /** True when the same request may succeed later (429, 500, 502, 503, 504, connection failures). @default false */
  readonly retryable?: boolean;
  /** The underlying error (never an object holding request headers). */
  readonly cause?: unknown;
}

/** An HTTP call failed. Base of the family. @public */
export class ApiError extends Error {
  public readonly status: number;
  public readonly errorCode?: string;
  public readonly serverMessage?: string;
  public readonly opId?: string;
  public readonly method: string;
  /** Redacted: no userinfo, no secret query values. */
  public readonly url: string;
  public readonly retryable: boolean;

  /** `message` overrides the default "METHOD path → status code: message (op_id …)". */
  constructor(fields: ApiErrorFields, message?: string) {
    const url = redactUrl(fields.url);
    super(message ?? formatApiErrorMessage({ ...fields, url }), fields.cause === undefined ? undefined : { cause: fields.cause });
    Object.setPrototypeOf(this, new.target.prototype);
    this.name = new.target.name;
    this.status = fields.status;
    this.errorCode = fields.errorCode;
    this.serverMessage = fields.serverMessage;
    this.opId = fields.opId;
    this.method = fields.method.toUpperCase();
    this.url = url;
    this.retryable = fields.retryable ?? false;
    Object.defineProperty(this, API_ERROR_BRAND, { value: true });
  }

  /**
   * What happened, in a few words (no sentence end): "the API answered HTTP 404 VR.NOT_FOUND", "connection refused to
   * vr-a.example.local:443", "task <id> failed (ERROR)". Never a status the call did not receive.
   */
  public get outcome(): string {
    const code = this.errorCode !== undefined && this.errorCode !== '' ? ` ${this.errorCode}` : '';
    return `the API answered HTTP ${this.status}${code}`;
  }

  /** Same as `isApiError`. */
  public static isApiError(x: unknown): x is ApiError {
    return isApiError(x);
  }
}

/** No HTTP response: refused, reset, DNS, timeout, TLS, aborted. `status` is 0. @public */
export class ApiConnectionError extends ApiError {
  /** Node / axios error code, e.g. ECONNREFUSED, ECONNRESET, ETIMEDOUT, SELF_SIGNED_CERT_IN_CHAIN, ERR_CANCELED. */
  public readonly code: string;
  /** How to fix it, in one sentence. */
  public readonly hint: string;

  constructor(
    fields: Omit<ApiErrorFields, 'status'> & {
      readonly code: string;
      readonly detail?: string;
      readonly timeoutMs?: number;
      /** Where the user names a CA bundle, quoted in TLS hints (see `TlsOptions.caBundleSource`). */
      readonly caBundleSource?: string;
    },
  ) {
    const url = redactUrl(fields.url);
    const hint = connectionHint(fields.code, url, fields.timeoutMs, fields.caBundleSource);
    const detail = fields.detail !== undefined && fields.detail !== '' ? `: ${fields.detail}` : '';
    super(
      { ...fields, status: 0 },
      `${fields.method.toUpperCase()} ${displayPath(url)} → no response (${fields.code}${detail}). ${hint}`,
    );
    this.code = fields.code;
    this.hint = hint;
  }

  /** "connection refused to <host:port>", or "no response from <host:port> (<code>)". */
  public override get outcome(): string {
    const host = hostOf(this.url);
    return this.code === 'ECONNREFUSED' ? `connection refused to ${host}` : `no response from ${host} (${this.code})`;
  }
}

/** Credentials rejected (login), or the session was rejected again after one re-login. @public */
export class ApiAuthenticationError extends ApiError {
  /** The user name that was tried (never the password). */
  public readonly username?: string;

  constructor(fields: ApiErrorFields & { readonly username?: string }, message?: string) {
    super(fields, message);
    this.username = fields.username;
  }
}

/** The object does not exist, by the vendor's not-found rule (VR: 404, which comes without a body). @public */
export class ApiNotFoundError extends ApiError {
  constructor(fields: ApiErrorFields, message?: string) {
    super(fields, message);
    Object.defineProperty(this, NOT_FOUND_BRAND, { value: true });
  }
}

/** True for an ApiNotFoundError, also across duplicate copies of this module. @public */
export function isNotFoundError(x: unknown): x is ApiNotFoundError {
  return isApiError(x) && (x as unknown as Record<symbol, unknown>)[NOT_FOUND_BRAND] === true;
}

/** A 2xx answer whose body is not what the API documents: `METHOD path → status: unexpected response, <problem>`. @public */
export function invalidResponseError(response: { readonly status: number; readonly url: string }, method: string, problem: string): ApiError {
  return new ApiError(
    { status: response.status, method, url: response.url, errorCode: 'INVALID_RESPONSE' },
    `${method} ${pathOnly(response.url)} → ${response.status}: unexpected response, ${problem}`,
  );
}

/** The path of a URL (no query), for messages. @internal */
export function pathOnly(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url;
  }
}

/** True for every member of the family, also across duplicate copies of this module. @public */
export function isApiError(x: unknown): x is ApiError {
  return typeof x === 'object' && x !== null && (x as Record<symbol, unknown>)[API_ERROR_BRAND] === true;
}

/**
 * A write lost in transit: no answer (status 0) or a server error (5xx). It may have landed, so the caller re-reads
 * before sending it again; any other answer says what the server did. @public
 */
export function lostInTransit(x: unknown): x is ApiError {
  return isApiError(x) && (x.status === 0 || x.status >= 500);
}

/** True for an ApiError with this HTTP status. @public */
export function isApiErrorWithStatus(x: unknown, status: number): x is ApiError {
  return isApiError(x) && x.status === status;
}

/**
 * Remove userinfo (`user:pass@`) and the values of secret-looking query parameters
 * (password, token, secret, signature, session, api_key, credential, auth…). Works on full URLs and on paths.
 * @public
 */
export function redactUrl(url: string): string {
  const absolute = /^[a-z][a-z0-9+.-]*:\/\//i.test(url);
  let parsed: URL;
  try {
    parsed = new URL(url, absolute ? undefined : 'http://redact.invalid');
  } catch {
    return redactQueryText(url.replace(/\/\/[^/@]*@/, '//'));
  }
  parsed.username = '';
  parsed.password = '';
  const query = redactQueryText(parsed.search.replace(/^\?/, ''));
  const rest = `${parsed.pathname}${query === '' ? '' : `?${query}`}${parsed.hash}`;
  if (absolute) return `${parsed.origin}${rest}`;
  return url.startsWith('/') ? rest : rest.replace(/^\//, '');
}

/** Redact `key=value` pairs of a raw query string, keeping the original encoding of everything else. */
function redactQueryText(text: string): string {
  return text.replace(/(^|[?&;])([^=&;#]+)=([^&;#]*)/g, (match: string, sep: string, key: string) => {
    let name = key;
    try {
      name = decodeURIComponent(key);
    } catch {
      /* keep raw */
    }
    return SECRET_PARAM.test(name) ? `${sep}${key}=REDACTED` : match;
  });
}

/** Path + query of a redacted URL, for messages. @internal */
export function displayPath(url: string): string {
  try {
    const u = new URL(url);
    return `${u.pathname}${u.search}`;
  } catch {
    return url;
  }
}

function formatApiErrorMessage(f: ApiErrorFields): string {
  const code = f.errorCode !== undefined && f.errorCode !== '' ? ` ${f.errorCode}` : '';
  const text = f.serverMessage !== undefined && f.serverMessage !== '' ? `: ${f.serverMessage}` : defaultStatusText(f.status);
  const op = f.opId !== undefined && f.opId !== '' ? ` (${f.opIdLabel ?? 'op_id'} ${f.opId})` : '';
  return `${f.method.toUpperCase()} ${displayPath(f.url)} → ${f.status}${code}${text}${op}`;
}

function defaultStatusText(status: number): string {
  const texts: Record<number, string> = {
    400: ' Bad Request',
    401: ' Unauthorized',
    403: ' Forbidden: the user lacks a privilege for this operation',
    404: ' Not Found',
    409: ' Conflict',
    429: ' Too Many Requests (rate limited)',
    500: ' Internal Server Error',
    502: ' Bad Gateway',
    503: ' Service Unavailable',
    504: ' Gateway Timeout',
  };
  return texts[status] ?? '';
}

/** TLS verification failure codes from Node / OpenSSL. @internal */
export const TLS_ERROR_CODES: ReadonlySet<string> = new Set([
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_UNTRUSTED',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_SIGNATURE_FAILURE',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'HOSTNAME_MISMATCH',
]);

/** How to fix an untrusted certificate; `caBundleSource` is the caller's name for its CA bundle setting. */
function tlsFix(caBundleSource: string | undefined): string {
  const bundle = caBundleSource === undefined || caBundleSource === '' ? 'a CA bundle (PEM)' : `a CA bundle (${caBundleSource}, PEM)`;
  return `Trust the appliance certificate with ${bundle} or, in a lab only, enable insecure mode (no certificate verification).`;
}

function connectionHint(code: string, url: string, timeoutMs?: number, caBundleSource?: string): string {
  const host = hostOf(url);
  const fix = tlsFix(caBundleSource);
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID' || code === 'HOSTNAME_MISMATCH') {
    return `The TLS certificate of ${host} does not name that host; use the host name in the certificate. ${fix}`;
  }
  if (code === 'CERT_HAS_EXPIRED' || code === 'CERT_NOT_YET_VALID') {
    return `The TLS certificate of ${host} is outside its validity period; renew it or check the clock. ${fix}`;
  }
  if (TLS_ERROR_CODES.has(code)) return `The TLS certificate of ${host} is not trusted. ${fix}`;
  const hints: Record<string, string> = {
    ECONNREFUSED: `Connection refused to ${host}: check the endpoint URL and port, and that the appliance is running.`,
    ECONNRESET: `The connection to ${host} was reset; the server or a proxy closed it.`,
    EPIPE: `The connection to ${host} was closed while sending.`,
    ETIMEDOUT: `No answer from ${host} within ${timeoutMs !== undefined ? `${timeoutMs} ms` : 'the timeout'}; check the network path or raise the timeout.`,
    ENOTFOUND: `The host name of ${host} does not resolve; check the endpoint URL and DNS.`,
    EAI_AGAIN: `DNS lookup of ${host} failed temporarily; check DNS.`,
    EHOSTUNREACH: `${host} is unreachable; check the network path.`,
    ENETUNREACH: `The network of ${host} is unreachable; check the network path.`,
    ERR_CANCELED: 'The request was aborted.',
  };
  return hints[code] ?? `The request to ${host} failed before a response was received.`;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'the server';
  }
}

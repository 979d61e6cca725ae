/**
 * createHttpClient(): the HTTP layer under every typed client — one axios instance, TLS options, per-request
 * timeout, a retry policy that only repeats what is safe, redacted logging, and the mapping of every failure to the
 * ApiError family (in `toApiError` / `toConnectionError`, the one place that chooses the class).
 *
 * The vendor's client passes its `VendorProfile` (see `vendor.ts`): the profile decodes error bodies, names the
 * headers that carry credentials and says which failed answers mean not-found. Without one, bodies are not
 * interpreted and a 404 is not-found.
 *
 * Calls whatever path the typed client asks for; no endpoint of its own.
 *
 * Retry policy (up to `retry.maxAttempts` attempts in total):
 * - any method: 429 and 503 (honouring `Retry-After` in seconds or as an HTTP date), and connection failures that
 *   never reached the server (ECONNREFUSED, EAI_AGAIN);
 * - GET/HEAD only: also 500, 502, 504, ECONNRESET, EPIPE, ECONNABORTED and timeouts (a read is safe to repeat, and
 *   an appliance answers 500 for transient back-end failures). A POST/DELETE that may have landed is never repeated
 *   here: the caller re-reads to decide — unless the request says it is `idempotent` (a login: repeating it at worst
 *   leaves an unused session), which is retried like a read.
 *
 * No header reaches a log entry; the values of the secret headers (`authorization`, `proxy-authorization`, `cookie`
 * and the profile's) are scrubbed from any message the server or Node echoes back; URLs pass through `redactUrl`.
 *
 * @public
 */
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as https from 'node:https';
import * as tls from 'node:tls';
import type { AxiosInstance, AxiosResponse, AxiosStatic, CreateAxiosDefaults } from 'axios';
import {
  ApiAuthenticationError,
  ApiConnectionError,
  ApiError,
  ApiNotFoundError,
  isApiError,
  redactUrl,
} from './errors';
import { backoffDelay, combineSignals, DEFAULT_MAX_DELAY_MS, DEFAULT_MIN_DELAY_MS, sleep as realSleep } from '../wait';
import { plainHttpProfile, scrubSecrets, secretHeaderNames, secretValues, type DecodedErrorBody, type VendorProfile } from './vendor';

/** HTTP methods the clients use. @public */
export type HttpMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Query values: arrays repeat the key (`filter=a&filter=b`); undefined values are skipped. @public */
export type QueryValue = string | number | boolean | readonly string[] | undefined;

/** TLS settings. @public */
export interface TlsOptions {
  /**
   * Path of a PEM CA bundle ADDED to Node's built-in roots (`tls.rootCertificates`).
   * @default - only the built-in roots
   */
  readonly caFile?: string;
  /**
   * PEM text of CA certificates ADDED to Node's built-in roots.
   * @default - only the built-in roots
   */
  readonly caPem?: string;
  /**
   * Skip certificate verification (lab only). Prints nothing itself; `HttpClient.insecure` lets the CLI warn.
   * @default false
   */
  readonly insecure?: boolean;
  /**
   * Where the user names a CA bundle, quoted in the fix of a TLS failure and of an unreadable `caFile`
   * (the CLI: "the ca_bundle_file setting or the REPLIFORM_CA_BUNDLE environment variable").
   * @default - "a CA bundle (PEM)" without naming a setting
   */
  readonly caBundleSource?: string;
}

/** Retry policy. @public */
export interface RetryOptions {
  /**
   * Attempts in total, including the first (1 = never retry).
   * @default 5
   */
  readonly maxAttempts?: number;
  /**
   * First backoff delay in milliseconds.
   * @default 500
   */
  readonly minDelayMs?: number;
  /**
   * Cap of the backoff delay in milliseconds.
   * @default 10_000
   */
  readonly maxDelayMs?: number;
  /**
   * Cap applied to a server's `Retry-After`, in milliseconds.
   * @default 60_000
   */
  readonly maxRetryAfterMs?: number;
}

/** One log line per HTTP attempt. Contains no header and a redacted path. @public */
export interface HttpLogEntry {
  readonly method: string;
  /** Path and query, redacted. */
  readonly path: string;
  /** HTTP status; 0 when no response arrived. */
  readonly status: number;
  readonly durationMs: number;
  /** The API's operation or request id when an error body carried one. */
  readonly opId?: string;
  /** 1-based attempt number of this request. */
  readonly attempt: number;
  /** Connection error code (ECONNREFUSED…) when status is 0. */
  readonly errorCode?: string;
  /** Set when the client will retry after this many milliseconds. */
  readonly retryInMs?: number;
}

/** Alias of `HttpLogEntry` (the name the CLI uses). @public */
export type RequestLogEntry = HttpLogEntry;

/** Options of `createHttpClient`. @public */
export interface HttpClientOptions {
  /** Base URL every relative path is appended to, e.g. `https://vr-a.example.local/api/rest/vr/v2`. */
  readonly baseUrl: string;
  /**
   * The vendor's error decoder, secret headers and not-found rule.
   * @default plainHttpProfile - bodies not interpreted, 404 is not-found
   */
  readonly vendor?: VendorProfile;
  /**
   * Timeout of one attempt, in milliseconds.
   * @default 30_000
   */
  readonly timeoutMs?: number;
  /**
   * TLS verification settings.
   * @default - verify against Node's built-in roots
   */
  readonly tls?: TlsOptions;
  /**
   * Retry policy.
   * @default - 5 attempts, 500 ms .. 10 s backoff with jitter
   */
  readonly retry?: RetryOptions;
  /**
   * Receives one entry per attempt.
   * @default - no logging
   */
  readonly logger?: (entry: HttpLogEntry) => void;
  /**
   * Sleeper used between retries.
   * @default setTimeout-based sleep
   */
  readonly sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /**
   * Random source in [0, 1) for backoff jitter.
   * @default Math.random
   */
  readonly random?: () => number;
  /**
   * Clock for durations and HTTP-date Retry-After.
   * @default Date.now
   */
  readonly now?: () => number;
  /**
   * Aborts every request and retry sleep of this client.
   * @default - not abortable
   */
  readonly signal?: AbortSignal;
  /**
   * Headers sent with every request (e.g. a User-Agent).
   * @default - `accept: application/json`
   */
  readonly headers?: Readonly<Record<string, string>>;
  /**
   * Signs each attempt (every retry again, so its time is fresh): receives the request as it will be sent (method,
   * absolute URL, headers, exact body text) and returns headers to add, e.g. SDRS's AK/SK `X-Sdk-Date` and
   * `Authorization`. The profile's secret headers and `authorization` are redacted as usual.
   * @default - requests are not signed
   */
  readonly signRequest?: (request: OutgoingRequest) => Readonly<Record<string, string>>;
}

/** A request as it goes on the wire, for `HttpClientOptions.signRequest`. @public */
export interface OutgoingRequest {
  readonly method: HttpMethod;
  /** Absolute URL, path and query percent-encoded. */
  readonly url: string;
  /** Every header this client sets (not those Node adds itself, such as host and content-length). */
  readonly headers: Readonly<Record<string, string>>;
  /** The body text sent, undefined when none. */
  readonly body?: string;
}

/** One request. @public */
export interface HttpRequest {
  readonly method: HttpMethod;
  /** A path relative to `baseUrl` (`/pairings`), a path that already starts with the base path, or a full URL
   * (only its path and query are used: requests never leave the configured origin). */
  readonly path: string;
  /** Query parameters, appended in insertion order. */
  readonly query?: Readonly<Record<string, QueryValue>>;
  /** JSON body (arrays allowed). */
  readonly body?: unknown;
  /** Extra headers for this request (e.g. a session header, `authorization`). */
  readonly headers?: Readonly<Record<string, string>>;
  /** Per-request abort signal (in addition to the client's). */
  readonly signal?: AbortSignal;
  /**
   * Safe to repeat although not a GET (a login): retried like a read.
   * @default false
   */
  readonly idempotent?: boolean;
}

/** A 2xx response. @public */
export interface HttpResponse {
  readonly status: number;
  /** Response headers, lower-case names. */
  readonly headers: Readonly<Record<string, string>>;
  /** Parsed JSON, or the raw text if not JSON, or undefined when empty. */
  readonly data: unknown;
  /** The full request URL, redacted. */
  readonly url: string;
}

/** Counters. @public */
export interface HttpStats {
  /** HTTP attempts sent (each retry counts). */
  requests: number;
  /** Retries performed. */
  retries: number;
}

/** The small HTTP client the typed clients are built on. @public */
export interface HttpClient {
  /** Send a request (with retries); resolves with a 2xx response, rejects with an ApiError. */
  request(req: HttpRequest): Promise<HttpResponse>;
  /** Absolute URL for a path (same rules as `HttpRequest.path`). */
  resolveUrl(pathOrUrl: string, query?: Readonly<Record<string, QueryValue>>): string;
  /** Normalised base URL (no trailing slash). */
  readonly baseUrl: string;
  /** True when TLS verification is off; the CLI prints the warning. */
  readonly insecure: boolean;
  /** Live counters. */
  readonly stats: Readonly<HttpStats>;
}

const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_MAX_ATTEMPTS = 5;
const DEFAULT_MAX_RETRY_AFTER_MS = 60_000;
const SAFE_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD']);
/** Statuses that say the request was not processed: safe to resend whatever the method. */
const ANY_METHOD_RETRY_STATUSES: ReadonlySet<number> = new Set([429, 503]);
/** Statuses after which a request may have been processed: resent for GET/HEAD only. */
const SAFE_METHOD_RETRY_STATUSES: ReadonlySet<number> = new Set([500, 502, 504]);
/**
 * Connections are reused (one TLS handshake per site instead of one per request). An idle connection is dropped
 * after 4 s, before any server's own idle timeout (5 s at the shortest, Node's; Node also honours a shorter
 * `Keep-Alive: timeout` hint), so that a request does not go out on a connection the server is closing.
 */
const KEEP_ALIVE = { keepAlive: true, timeout: 4_000 } as const;
/**
 * axios is loaded at the first request (it takes ≈ 60 ms): a process that only reads schemas — the native provider
 * serving Terraform's validate and plan walks — never pays for it.
 */
let loadedAxios: AxiosStatic | undefined;

async function loadAxios(): Promise<AxiosStatic> {
  loadedAxios ??= (await import('axios')).default;
  return loadedAxios;
}

/** Connection failures where the request never reached the server: safe for any method. */
const NEVER_SENT_CODES: ReadonlySet<string> = new Set(['ECONNREFUSED', 'EAI_AGAIN']);
/** Connection failures after which a request may have been processed: safe for GET only. */
const MAYBE_SENT_CODES: ReadonlySet<string> = new Set(['ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ECONNABORTED', 'ESOCKETTIMEDOUT']);

/** Create an HTTP client. @public */
export function createHttpClient(options: HttpClientOptions): HttpClient {
  return new AxiosHttpClient(options);
}

/** Build the CA list: Node's roots plus the bundle. @internal */
export function buildCaList(options: TlsOptions | undefined): string[] | undefined {
  const extra: string[] = [];
  if (options?.caFile !== undefined && options.caFile !== '') {
    try {
      extra.push(fs.readFileSync(options.caFile, 'utf8'));
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      const source = options.caBundleSource !== undefined && options.caBundleSource !== '' ? ` (${options.caBundleSource})` : '';
      throw new Error(`cannot read the CA bundle file ${options.caFile}${source}: ${reason}`);
    }
  }
  if (options?.caPem !== undefined && options.caPem !== '') extra.push(options.caPem);
  if (extra.length === 0) return undefined;
  for (const pem of extra) {
    if (!pem.includes('-----BEGIN CERTIFICATE-----')) {
      throw new Error('the CA bundle is not PEM: expected "-----BEGIN CERTIFICATE-----" blocks');
    }
  }
  return [...tls.rootCertificates, ...extra];
}

/** Serialise a query object: `a=1&filter=x&filter=y`, keys and values percent-encoded. @internal */
export function encodeQuery(query: Readonly<Record<string, QueryValue>> | undefined): string {
  if (query === undefined) return '';
  const parts: string[] = [];
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    const values: readonly (string | number | boolean)[] = Array.isArray(value) ? (value as readonly string[]) : [value as string | number | boolean];
    for (const v of values) parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(String(v))}`);
  }
  return parts.join('&');
}

/**
 * Retry-After in milliseconds: delta-seconds or an HTTP date (relative to `now`); undefined when absent/invalid.
 * @internal
 */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const date = Date.parse(text);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

class AxiosHttpClient implements HttpClient {
  public readonly baseUrl: string;
  public readonly insecure: boolean;
  public readonly stats: HttpStats = { requests: 0, retries: 0 };
  private readonly axiosConfig: CreateAxiosDefaults;
  private axiosInstance?: Promise<AxiosInstance>;
  private readonly origin: string;
  private readonly basePath: string;
  private readonly timeoutMs: number;
  private readonly maxAttempts: number;
  private readonly minDelayMs: number;
  private readonly maxDelayMs: number;
  private readonly maxRetryAfterMs: number;
  private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  private readonly random: () => number;
  private readonly now: () => number;
  private readonly vendor: VendorProfile;
  private readonly secretHeaders: ReadonlySet<string>;

  constructor(private readonly options: HttpClientOptions) {
    this.vendor = options.vendor ?? plainHttpProfile;
    this.secretHeaders = secretHeaderNames(this.vendor);
    const base = parseBaseUrl(options.baseUrl);
    this.baseUrl = `${base.origin}${base.basePath}`;
    this.origin = base.origin;
    this.basePath = base.basePath;
    this.insecure = options.tls?.insecure === true;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.maxAttempts = Math.max(1, Math.floor(options.retry?.maxAttempts ?? DEFAULT_MAX_ATTEMPTS));
    this.minDelayMs = options.retry?.minDelayMs ?? DEFAULT_MIN_DELAY_MS;
    this.maxDelayMs = options.retry?.maxDelayMs ?? DEFAULT_MAX_DELAY_MS;
    this.maxRetryAfterMs = options.retry?.maxRetryAfterMs ?? DEFAULT_MAX_RETRY_AFTER_MS;
    this.sleep = options.sleep ?? realSleep;
    this.random = options.random ?? Math.random;
    this.now = options.now ?? Date.now;
    const ca = buildCaList(options.tls);
    this.axiosConfig = {
      timeout: this.timeoutMs,
      httpAgent: new http.Agent(KEEP_ALIVE),
      httpsAgent: new https.Agent({ ...KEEP_ALIVE, rejectUnauthorized: !this.insecure, ...(ca ? { ca } : {}) }),
      proxy: false,
      maxRedirects: 0,
      responseType: 'text',
      transformResponse: [(data: unknown) => data],
      validateStatus: () => true,
      transitional: { clarifyTimeoutError: true, silentJSONParsing: true, forcedJSONParsing: false },
    };
  }

  public resolveUrl(pathOrUrl: string, query?: Readonly<Record<string, QueryValue>>): string {
    let pathAndQuery: string;
    if (/^https?:\/\//i.test(pathOrUrl)) {
      const u = new URL(pathOrUrl);
      pathAndQuery = `${u.pathname}${u.search}`;
    } else {
      const p = pathOrUrl.startsWith('/') ? pathOrUrl : `/${pathOrUrl}`;
      const hasBase = this.basePath !== '' && (p === this.basePath || p.startsWith(`${this.basePath}/`) || p.startsWith(`${this.basePath}?`));
      pathAndQuery = hasBase ? p : `${this.basePath}${p}`;
    }
    const q = encodeQuery(query);
    if (q === '') return `${this.origin}${pathAndQuery}`;
    return `${this.origin}${pathAndQuery}${pathAndQuery.includes('?') ? '&' : '?'}${q}`;
  }

  public async request(req: HttpRequest): Promise<HttpResponse> {
    const url = this.resolveUrl(req.path, req.query);
    const signal = combineSignals(this.options.signal, req.signal);
    for (let attempt = 1; ; attempt++) {
      const outcome = await this.attempt(req, url, attempt, signal);
      if ('response' in outcome) return outcome.response;
      const retryIn = attempt < this.maxAttempts && !signal?.aborted ? this.retryDelay(req.idempotent === true ? 'GET' : req.method, outcome.error, outcome.retryAfter, attempt) : undefined;
      this.log(outcome.log, retryIn);
      if (retryIn === undefined) throw outcome.error;
      this.stats.retries += 1;
      try {
        await this.sleep(retryIn, signal);
      } catch {
        throw outcome.error;
      }
    }
  }

  /** One HTTP exchange: a 2xx response, or the error and its log entry (logged by the caller). */
  private async attempt(
    req: HttpRequest,
    url: string,
    attempt: number,
    signal: AbortSignal | undefined,
  ): Promise<{ response: HttpResponse } | { error: ApiError; retryAfter?: number; log: HttpLogEntry }> {
    const started = this.now();
    this.stats.requests += 1;
    const headers: Record<string, string> = { accept: 'application/json', ...this.options.headers, ...req.headers };
    const hasBody = req.body !== undefined;
    if (hasBody) headers['content-type'] = 'application/json';
    const body = hasBody ? JSON.stringify(req.body) : undefined;
    if (this.options.signRequest !== undefined) Object.assign(headers, this.options.signRequest({ method: req.method, url, headers: { ...headers }, body }));
    const logBase = { method: req.method, path: redactPath(url), attempt };
    const secrets = secretValues(headers, this.secretHeaders);
    let res: AxiosResponse<unknown>;
    try {
      const axios = await this.instance();
      res = await axios.request<unknown>({
        method: req.method,
        url,
        headers,
        data: body,
        signal,
      });
    } catch (err) {
      const error = toConnectionError(err, req.method, url, this.timeoutMs, { caBundleSource: this.options.tls?.caBundleSource, secrets });
      return { error, log: { ...logBase, status: 0, durationMs: this.now() - started, errorCode: error.code } };
    }
    const durationMs = this.now() - started;
    const resHeaders = flattenHeaders(res.headers);
    const data = parseBody(res.data);
    if (res.status >= 200 && res.status < 300) {
      this.log({ ...logBase, status: res.status, durationMs });
      return { response: { status: res.status, headers: resHeaders, data, url: redactUrl(url) } };
    }
    const error = toApiError(res.status, req.method, url, data, this.vendor, secrets);
    const retryAfter = parseRetryAfter(resHeaders['retry-after'], this.now());
    return { error, retryAfter, log: { ...logBase, status: res.status, durationMs, opId: error.opId } };
  }

  private instance(): Promise<AxiosInstance> {
    this.axiosInstance ??= loadAxios().then((axios) => axios.create(this.axiosConfig));
    return this.axiosInstance;
  }

  /** Delay before the next attempt, or undefined when this failure must not be retried. */
  private retryDelay(method: HttpMethod, error: ApiError, retryAfter: number | undefined, attempt: number): number | undefined {
    if (!isRetryable(method, error)) return undefined;
    if (retryAfter !== undefined && (error.status === 429 || error.status === 503)) {
      return Math.min(retryAfter, this.maxRetryAfterMs);
    }
    return backoffDelay(attempt, this.minDelayMs, this.maxDelayMs, this.random);
  }

  private log(entry: HttpLogEntry, retryInMs?: number): void {
    if (this.options.logger === undefined) return;
    try {
      this.options.logger(retryInMs === undefined ? entry : { ...entry, retryInMs });
    } catch {
      /* a failing logger never breaks a request */
    }
  }
}

/** The retry rule (see the header comment). @internal */
export function isRetryable(method: HttpMethod, error: ApiError): boolean {
  const safe = SAFE_METHODS.has(method);
  if (error instanceof ApiConnectionError) {
    if (NEVER_SENT_CODES.has(error.code)) return true;
    return safe && MAYBE_SENT_CODES.has(error.code);
  }
  if (ANY_METHOD_RETRY_STATUSES.has(error.status)) return true;
  return safe && SAFE_METHOD_RETRY_STATUSES.has(error.status);
}

/**
 * Map a non-2xx response to the right ApiError subclass with the vendor's decoder and not-found rule; `secrets`
 * (values of the request's secret headers) are scrubbed from what the server wrote.
 * @internal
 */
export function toApiError(
  status: number,
  method: string,
  url: string,
  data: unknown,
  vendor: VendorProfile = plainHttpProfile,
  secrets: readonly string[] = [],
): ApiError {
  const body = scrubDecoded(decodeSafely(vendor, status, data), secrets);
  const retryable = ANY_METHOD_RETRY_STATUSES.has(status) || SAFE_METHOD_RETRY_STATUSES.has(status);
  const fields = { status, method, url, ...body, retryable };
  if (status === 401) return new ApiAuthenticationError(fields);
  if (vendor.isNotFound(status, body)) return new ApiNotFoundError(fields);
  return new ApiError(fields);
}

/** A decoder that throws must not hide the HTTP failure: the error then carries only the status. */
function decodeSafely(vendor: VendorProfile, status: number, data: unknown): DecodedErrorBody {
  try {
    return vendor.decodeError(status, data);
  } catch {
    return {};
  }
}

function scrubDecoded(body: DecodedErrorBody, secrets: readonly string[]): DecodedErrorBody {
  return {
    errorCode: scrubSecrets(body.errorCode, secrets),
    serverMessage: scrubSecrets(body.serverMessage, secrets),
    opId: scrubSecrets(body.opId, secrets),
    opIdLabel: body.opIdLabel,
  };
}

/** Map an axios/Node failure without a response to ApiConnectionError (never keeping the axios config). @internal */
export function toConnectionError(
  err: unknown,
  method: string,
  url: string,
  timeoutMs: number,
  context: { readonly caBundleSource?: string; readonly secrets?: readonly string[] } = {},
): ApiConnectionError {
  if (isApiError(err) && err instanceof ApiConnectionError) return err;
  const code = connectionCode(err);
  const root = rootCause(err);
  const secrets = context.secrets ?? [];
  const cause = root instanceof Error ? sanitizedError(root, secrets) : undefined;
  return new ApiConnectionError({
    method,
    url,
    code,
    detail: root instanceof Error && code === 'UNKNOWN' ? scrubSecrets(root.message, secrets) : undefined,
    timeoutMs: code === 'ETIMEDOUT' ? timeoutMs : undefined,
    caBundleSource: context.caBundleSource,
    retryable: NEVER_SENT_CODES.has(code) || MAYBE_SENT_CODES.has(code),
    cause,
  });
}

function connectionCode(err: unknown): string {
  if (loadedAxios?.isCancel(err) === true) return 'ERR_CANCELED';
  const candidates: unknown[] = [err, err instanceof Error ? err.cause : undefined];
  for (const c of candidates) {
    if (typeof c === 'object' && c !== null && 'code' in c) {
      const code = (c as { code?: unknown }).code;
      if (typeof code === 'string' && code !== '' && code !== 'ERR_NETWORK' && code !== 'ERR_BAD_RESPONSE') return code;
    }
  }
  return 'UNKNOWN';
}

function rootCause(err: unknown): unknown {
  if (loadedAxios?.isAxiosError(err) === true) return err.cause ?? new Error(err.message);
  return err;
}

/** A copy of a Node error with only message and code (no sockets, no request config, no secret values). */
function sanitizedError(err: Error, secrets: readonly string[]): Error {
  const copy = new Error(scrubSecrets(err.message, secrets));
  copy.name = err.name;
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string') Object.defineProperty(copy, 'code', { value: code, enumerable: true });
  return copy;
}

function parseBody(data: unknown): unknown {
  if (typeof data !== 'string') return data;
  if (data.trim() === '') return undefined;
  try {
    return JSON.parse(data) as unknown;
  } catch {
    return data;
  }
}

function flattenHeaders(headers: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (typeof headers !== 'object' || headers === null) return out;
  for (const [k, v] of Object.entries(headers as Record<string, unknown>)) {
    if (typeof v === 'string') out[k.toLowerCase()] = v;
    else if (typeof v === 'number') out[k.toLowerCase()] = String(v);
    else if (Array.isArray(v)) out[k.toLowerCase()] = v.map(String).join(', ');
  }
  return out;
}

function redactPath(url: string): string {
  const u = new URL(redactUrl(url));
  return `${u.pathname}${u.search}`;
}

function parseBaseUrl(baseUrl: string): { origin: string; basePath: string } {
  let u: URL;
  try {
    u = new URL(baseUrl);
  } catch {
    throw new Error(`invalid baseUrl: expected an absolute http(s) URL such as https://vr-a.example.local, got "${redactUrl(baseUrl)}"`);
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') {
    throw new Error(`invalid baseUrl: the scheme must be https or http, got "${u.protocol}"`);
  }
  if (u.username !== '' || u.password !== '') {
    throw new Error('invalid baseUrl: do not put credentials in the URL; pass them as credentials');
  }
  return { origin: u.origin, basePath: u.pathname.replace(/\/+$/, '') };
}

/**
 * resolveClientConfig(): the one place a vendor client's configuration is resolved (smithy's resolved-config shape):
 * the options every client takes (endpoint, TLS and CA bundle, timeout, retries, logger, clock, randomness,
 * cancellation) plus the vendor's HTTP profile (how the endpoint becomes the API's base URL, how the API speaks errors,
 * headers on every request, how each attempt is signed) become the HTTP client and the injected time the client uses.
 * Back-off sleeps and signature dates follow the injected clock, so that tests run in virtual time.
 *
 * Calls no endpoint itself.
 *
 * @public
 */
import { createHttpClient, type HttpClient, type HttpLogEntry, type OutgoingRequest, type RetryOptions, type TlsOptions } from '../http/http-client';
import type { VendorProfile } from '../http/vendor';
import { systemClock, type Clock } from '../wait';

/** The options every vendor client takes besides its endpoint and credentials. @public */
export interface TransportOptions {
  /** @default - verify against Node's built-in roots */
  readonly tls?: TlsOptions;
  /** Timeout of one HTTP attempt, in milliseconds. @default 30_000 */
  readonly timeoutMs?: number;
  /** @default - 5 attempts, 500 ms .. 10 s backoff with jitter */
  readonly retry?: RetryOptions;
  /** One entry per HTTP attempt, already redacted. @default - no logging */
  readonly logger?: (entry: HttpLogEntry) => void;
  /** Time for back-off, task polls (and, where a vendor signs requests, signature dates). @default systemClock */
  readonly clock?: Clock;
  /** @default Math.random */
  readonly random?: () => number;
  /** Aborts every request, retry and wait of the client. @default - not abortable */
  readonly signal?: AbortSignal;
}

/** The configuration every vendor client's options extend: where the API is and how to reach it. @public */
export interface ClientConfig extends TransportOptions {
  /** The API's address as the user gives it; the vendor's `baseUrl` checks it and appends what the API needs. */
  readonly endpoint: string;
}

/** The vendor's HTTP profile: what a client of this vendor sends on every request, beyond the common options. @public */
export interface VendorHttp {
  /** How the API speaks errors and credentials. */
  readonly profile: VendorProfile;
  /** The endpoint → the API's base URL (throws a TypeError naming `endpoint` when it is not usable). */
  readonly baseUrl: (endpoint: string) => string;
  /** Headers on every request (VCDA: the versioned Accept; SDRS: an IAM token). @default - none */
  readonly headers?: Readonly<Record<string, string>>;
  /** Headers that sign one attempt, given the client clock's time (SDRS: AK/SK). @default - requests are not signed */
  readonly sign?: (request: OutgoingRequest, now: number) => Readonly<Record<string, string>>;
}

/** A client's configuration once resolved: everything defaulted, the HTTP client built. @public */
export interface ResolvedClientConfig {
  /** The API's base URL, e.g. https://vr-a.example.local/api/rest/vr/v2. */
  readonly baseUrl: string;
  readonly http: HttpClient;
  readonly clock: Clock;
  readonly random: () => number;
  /** @default - not abortable */
  readonly signal?: AbortSignal;
}

/** Default every option and build the HTTP client with the vendor's profile. @public */
export function resolveClientConfig(config: ClientConfig, vendor: VendorHttp): ResolvedClientConfig {
  const baseUrl = vendor.baseUrl(config.endpoint);
  const clock = config.clock ?? systemClock;
  const random = config.random ?? Math.random;
  const sign = vendor.sign;
  const http = createHttpClient({
    baseUrl,
    vendor: vendor.profile,
    headers: vendor.headers,
    signRequest: sign === undefined ? undefined : (request) => sign(request, clock.now()),
    timeoutMs: config.timeoutMs,
    tls: config.tls,
    retry: config.retry,
    logger: config.logger,
    sleep: (ms, signal) => clock.sleep(ms, signal),
    now: () => clock.now(),
    random,
    signal: config.signal,
  });
  return { baseUrl, http, clock, random, signal: config.signal };
}

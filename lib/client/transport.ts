/**
 * What every vendor client shares below its own endpoints: the transport options (TLS, timeouts, retries,
 * logging, time, randomness, cancellation) and the HTTP client built from them with the vendor's profile, its
 * back-off and clock taken from the injected clock so that tests run in virtual time.
 *
 * Calls no endpoint itself.
 */
import { createHttpClient, type HttpClient, type HttpClientOptions, type HttpLogEntry, type RetryOptions, type TlsOptions } from './http/http-client';
import type { VendorProfile } from './http/vendor';
import { systemClock, type Clock } from './wait';

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

/** A vendor client's HTTP layer from its transport options. @internal */
export interface Transport {
  readonly http: HttpClient;
  readonly clock: Clock;
  readonly random: () => number;
}

export function createTransport(
  baseUrl: string,
  vendor: VendorProfile,
  options: TransportOptions,
  extra: Pick<HttpClientOptions, 'headers' | 'signRequest'> = {},
): Transport {
  const clock = options.clock ?? systemClock;
  const random = options.random ?? Math.random;
  const http = createHttpClient({
    baseUrl,
    vendor,
    ...extra,
    timeoutMs: options.timeoutMs,
    tls: options.tls,
    retry: options.retry,
    logger: options.logger,
    sleep: (ms, signal) => clock.sleep(ms, signal),
    now: () => clock.now(),
    random,
    signal: options.signal,
  });
  return { http, clock, random };
}

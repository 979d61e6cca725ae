/**
 * ClientCore: the skeleton under every vendor client, so that a client holds only its endpoints and its vendor's data.
 * - its resolved configuration (`./config.ts`): base URL, HTTP client, clock, randomness, cancellation;
 * - one way to send a request with the client's credentials: `ClientCore` as the HTTP layer sends it, with a 401
 *   turned into the vendor's authentication error (SDRS signs every request, so there is nothing to log in to);
 *   `SessionClientCore` with a session (`../session.ts`): lazy login, one re-login on a 401, the session's
 *   extensions, logout;
 * - waiting on a task with the generic task poller (`../tasks.ts`);
 * - the counters every client reports (`ClientStats`).
 *
 * Calls only what the vendor names: its login (`SessionWiring.login`), logout (`logoutPath`) and extension requests,
 * all as POST/DELETE on the vendor's paths.
 *
 * @public
 */
import { ApiAuthenticationError, invalidResponseError, isApiError, pathOnly, type ApiError } from '../http/errors';
import type { HttpClient, HttpRequest, HttpResponse } from '../http/http-client';
import { Session } from '../session';
import type { SharedState } from '../shared-state';
import { pollTask, type PollTaskOptions, type TaskWaitOptions } from '../tasks';
import { combineSignals, pacingOf, type Clock } from '../wait';
import { resolveClientConfig, type ClientConfig, type ResolvedClientConfig, type VendorHttp } from './config';

/** Counters of a vendor client: the same shape for every vendor. @public */
export interface ClientStats {
  /** HTTP attempts sent (each retry counts). */
  readonly requests: number;
  /** HTTP retries. */
  readonly retries: number;
  /** Successful logins (0 for a vendor without sessions). */
  readonly logins: number;
  /** Task or job polls made while waiting. */
  readonly taskPolls: number;
}

/**
 * A task to wait on: how to read it once (each reading counts as a poll), how to classify a reading, what the wait is
 * about (unless the caller's options say it) and the path of the read, carried by TaskFailedError as its URL.
 * @public
 */
export interface TaskToWait<T> extends Pick<PollTaskOptions<T>, 'get' | 'observe' | 'describe' | 'noun'> {
  readonly id: string;
  readonly path: string;
}

/** How a client with no session answers a 401. @public */
export interface RequestAuth {
  /** The vendor's error for a refused request (what to check; never a secret). @default - the ApiError as it is */
  readonly rejected?: (error: ApiError) => Error;
}

/** The shared skeleton of a vendor client. @public */
export class ClientCore {
  public readonly baseUrl: string;
  public readonly http: HttpClient;
  public readonly clock: Clock;
  public readonly random: () => number;
  public readonly signal?: AbortSignal;
  protected readonly counters = { logins: 0, taskPolls: 0 };

  constructor(config: ClientConfig, vendor: VendorHttp, private readonly auth: RequestAuth = {}) {
    const resolved: ResolvedClientConfig = resolveClientConfig(config, vendor);
    this.baseUrl = resolved.baseUrl;
    this.http = resolved.http;
    this.clock = resolved.clock;
    this.random = resolved.random;
    this.signal = resolved.signal;
  }

  /** True when TLS verification is off (the CLI warns). */
  public get insecure(): boolean {
    return this.http.insecure;
  }

  /** Counters snapshot. */
  public get stats(): ClientStats {
    return { requests: this.http.stats.requests, retries: this.http.stats.retries, ...this.counters };
  }

  /** End the client's session: nothing to do without one. */
  public async logout(): Promise<void> {
    return Promise.resolve();
  }

  /** End the client's session at the end of a one-shot run: nothing to do without one. */
  public async close(): Promise<void> {
    return Promise.resolve();
  }

  /** Send one request with the client's credentials; a 401 is the vendor's authentication error. */
  public async send(request: HttpRequest): Promise<HttpResponse> {
    try {
      return await this.http.request(request);
    } catch (err) {
      if (this.auth.rejected !== undefined && isApiError(err) && err.status === 401) throw this.auth.rejected(err);
      throw err;
    }
  }

  /**
   * Poll the task with the generic waiter until it succeeds (→ its last reading).
   * @throws TaskFailedError when it fails or is cancelled, WaitTimeoutError, WaitAbortedError, or an ApiError of a poll.
   */
  public async waitForTask<T>(task: TaskToWait<T>, options: TaskWaitOptions): Promise<T> {
    return pollTask<T>({
      taskId: task.id,
      get: () => {
        this.counters.taskPolls += 1;
        return task.get();
      },
      observe: task.observe,
      describe: (last) => options.description ?? task.describe(last),
      url: this.http.resolveUrl(task.path),
      noun: task.noun,
      timeoutMs: options.timeoutMs,
      ...pacingOf(options),
      signal: combineSignals(this.signal, options.signal),
      onProgress: options.onProgress,
      clock: this.clock,
      random: this.random,
    });
  }
}

/** A request of the session's own (login, extension): a POST on the vendor's path. @public */
export interface SessionRequest {
  readonly path: string;
  /** @default - none */
  readonly headers?: Readonly<Record<string, string>>;
  /** @default - no body */
  readonly body?: unknown;
}

/** How a vendor's session is made, carried, extended and ended. @public */
export interface SessionWiring {
  /** The request header that carries the session token. */
  readonly header: string;
  /** The user that logs in, quoted in errors. */
  readonly username: string;
  readonly login: {
    readonly request: SessionRequest;
    /** The session token in the login answer, or undefined. */
    readonly tokenOf: (response: HttpResponse) => string | undefined;
    /** The problem quoted when the answer has no token, e.g. "the login answer has no session_id". */
    readonly noToken: string;
    /** The vendor's error for a login refused with 401 or 403 by the API at `baseUrl`. */
    readonly rejected: (error: ApiError, baseUrl: string) => Error;
  };
  /** The path the session is ended with (DELETE). */
  readonly logoutPath: string;
  /** What to check when a fresh session is refused again, e.g. "the user’s privileges". */
  readonly rejectedAgainCheck: string;
  /**
   * Extensions of the session (VR: a remote session per pairing; VCDA: a remote site), made again after a re-login.
   * @default - the session has no extensions
   */
  readonly extension?: {
    readonly request: (key: string) => SessionRequest;
    /** The vendor's error for an extension whose credentials were refused on a fresh session. */
    readonly rejected: (key: string, error: ApiError) => Error;
  };
  /** Share the session and its extensions with other processes. @default - this client logs in on its own */
  readonly shared?: SharedState;
}

/** The skeleton of a client whose vendor has sessions: every request carries the session token. @public */
export class SessionClientCore extends ClientCore {
  /** The session; its extensions are the vendor's (VR pairings, VCDA sites). */
  public readonly session: Session;

  constructor(config: ClientConfig, vendor: VendorHttp, private readonly wiring: SessionWiring) {
    super(config, vendor);
    const extension = wiring.extension;
    this.session = new Session({
      login: () => this.postLogin(),
      rejectedAgain: (err) => this.rejectedAgainError(err),
      extension:
        extension === undefined
          ? undefined
          : { create: (key, token) => this.postWithSession(extension.request(key), token), rejected: (key, err) => extension.rejected(key, err) },
      shared: wiring.shared,
    });
  }

  /** Log in now (otherwise done lazily by the first request). */
  public async login(): Promise<void> {
    await this.session.current();
  }

  /** End the session (a 401, already expired, counts as success); a shared session stays open for the others. */
  public override async logout(): Promise<void> {
    await this.session.logout((token) => this.deleteSession(token));
  }

  /** As `logout`, and a shared session is logged out too when this process is the last one holding it. */
  public override async close(): Promise<void> {
    await this.session.close((token) => this.deleteSession(token));
  }

  private async deleteSession(token: string): Promise<HttpResponse> {
    return this.http.request({ method: 'DELETE', path: this.wiring.logoutPath, headers: { [this.wiring.header]: token } });
  }

  /** Send with the session; on a 401 log in again once (and extend again), resend once, then ApiAuthenticationError. */
  public override async send(request: HttpRequest): Promise<HttpResponse> {
    return this.session.send((token) => this.http.request({ ...request, headers: { ...request.headers, [this.wiring.header]: token } }));
  }

  private async postLogin(): Promise<string> {
    const login = this.wiring.login;
    let res: HttpResponse;
    try {
      res = await this.http.request({ method: 'POST', ...login.request, idempotent: true });
    } catch (err) {
      if (isApiError(err) && (err.status === 401 || err.status === 403)) throw login.rejected(err, this.baseUrl);
      throw err;
    }
    const token = login.tokenOf(res);
    if (token === undefined || token === '') throw invalidResponseError(res, 'POST', login.noToken);
    this.counters.logins += 1;
    return token;
  }

  /** An extension's POST on `token` (a 401 propagates to the session, which knows whether it is the extension's). */
  private async postWithSession(request: SessionRequest, token: string): Promise<void> {
    await this.http.request({ method: 'POST', ...request, headers: { ...request.headers, [this.wiring.header]: token }, idempotent: true });
  }

  private rejectedAgainError(err: ApiError): ApiAuthenticationError {
    const username = this.wiring.username;
    return new ApiAuthenticationError(
      { status: err.status, method: err.method, url: err.url, errorCode: err.errorCode, opId: err.opId, username },
      `${err.method} ${pathOnly(err.url)} → 401 again after logging in again to ${this.baseUrl} as "${username}": ` +
        `the appliance does not accept the new session (check ${this.wiring.rejectedAgainCheck} and that the appliance is healthy)`,
    );
  }
}

/** What every vendor client shows besides its endpoints: where it talks, whether TLS is verified, its counters, logout. @public */
export abstract class VendorClient<C extends ClientCore = ClientCore> {
  /** The API's base URL, e.g. https://vr-a.example.local/api/rest/vr/v2. */
  public readonly baseUrl: string;
  /** True when TLS verification is off (the CLI warns). */
  public readonly insecure: boolean;

  protected constructor(protected readonly core: C) {
    this.baseUrl = core.baseUrl;
    this.insecure = core.insecure;
  }

  /** Counters snapshot. */
  public get stats(): ClientStats {
    return this.core.stats;
  }

  /**
   * End the session (a 401, already expired, counts as success); a session shared with other processes stays open
   * for them. Nothing to do for a vendor without sessions (SDRS: every request carries its signature or token).
   */
  public async logout(): Promise<void> {
    await this.core.logout();
  }

  /**
   * End the session at the end of a one-shot run (the native provider at shutdown): as `logout`, and a session
   * shared with other processes is logged out too when no other live process holds it (see `shared-state.ts`).
   */
  public async close(): Promise<void> {
    await this.core.close();
  }
}

/** A vendor client with a session: it logs in lazily on its first request, or now with `login()`. @public */
export abstract class SessionVendorClient extends VendorClient<SessionClientCore> {
  /** Log in now (otherwise done lazily by the first request). */
  public async login(): Promise<void> {
    await this.core.login();
  }
}

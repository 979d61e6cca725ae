/**
 * Session: the login lifecycle every vendor client shares.
 * - one login at a time: concurrent callers wait for the login in flight (single flight);
 * - a call whose session is rejected (401) logs in again ONCE — concurrent rejections share that re-login — and is
 *   sent once more; a second 401 is the vendor's "rejected again" error;
 * - extensions of the session (VR: a remote session per pairing; VCDA: `POST /sessions/extend`), each created once
 *   per session and created again after a re-login;
 * - with a `SharedState` (see `shared-state.ts`), the session and its extensions are shared with other processes;
 *   `logout` then leaves the shared session open for the next process, and `close` logs it out when this process is
 *   the last one holding it (a one-shot runner: the native provider).
 *
 * Calls no endpoint itself: the vendor's `login` and `extension.create` do (VR: `POST /session`,
 * `POST /pairings/{id}/remote-session`).
 *
 * @public
 */
import { isApiError, type ApiError } from './http/errors';
import type { SharedState } from './shared-state';

/** How a session is extended, e.g. VR's remote session per pairing. @public */
export interface SessionExtension {
  /** Create extension `key` on the session `token` (a 401 propagates as it is). */
  create(key: string, token: string): Promise<void>;
  /** The error for an extension whose credentials were rejected with a fresh session. */
  rejected(key: string, error: ApiError): Error;
}

/** Options of `Session`. @public */
export interface SessionOptions {
  /** Log in → the session token. A rejected login is the vendor's error to raise. */
  readonly login: () => Promise<string>;
  /** The error for a call rejected (401) again right after a re-login. */
  readonly rejectedAgain: (error: ApiError) => Error;
  /**
   * How extensions are created.
   * @default - the session has no extensions
   */
  readonly extension?: SessionExtension;
  /**
   * Share the session and its extensions with other processes.
   * @default - this process logs in on its own
   */
  readonly shared?: SharedState;
}

/** The session of one client. @public */
export class Session {
  private token?: string;
  private loginInFlight?: Promise<string>;
  private reloginInFlight?: Promise<void>;
  /** Extensions on the current session, in creation order. */
  private readonly made = new Set<string>();
  private readonly extensionsInFlight = new Map<string, Promise<void>>();

  constructor(private readonly options: SessionOptions) {}

  /** The current session token, logging in first when there is none (one login for all concurrent callers). */
  public async current(): Promise<string> {
    return this.tokenOrLogin();
  }

  /** Keys of the extensions on the current session. */
  public get extensions(): readonly string[] {
    return [...this.made];
  }

  /** True when extension `key` exists on the current session. */
  public hasExtension(key: string): boolean {
    return this.made.has(key);
  }

  /**
   * Run `attempt` with the session; on a 401 log in again once (re-creating the extensions) and run it once more.
   * @param rejectedAgain - the error for a second 401 (default: the options' `rejectedAgain`)
   */
  public async send<T>(attempt: (token: string) => Promise<T>, rejectedAgain?: (error: ApiError) => Error): Promise<T> {
    await this.reloginSettled();
    const token = await this.tokenOrLogin();
    try {
      return await attempt(token);
    } catch (err) {
      if (!isUnauthorized(err)) throw err;
    }
    await this.relogin(token);
    const fresh = await this.tokenOrLogin();
    try {
      return await attempt(fresh);
    } catch (err) {
      if (!isUnauthorized(err)) throw err;
      throw (rejectedAgain ?? this.options.rejectedAgain)(err);
    }
  }

  /** Create extension `key` now (concurrent calls for one key share the request); remembered for re-logins. */
  public async extend(key: string): Promise<void> {
    const extension = this.requireExtension();
    const existing = this.extensionsInFlight.get(key);
    if (existing !== undefined) return existing;
    const pending = this.send((token) => extension.create(key, token), (error) => extension.rejected(key, error))
      .then(() => {
        this.made.add(key);
      })
      .finally(() => this.extensionsInFlight.delete(key));
    this.extensionsInFlight.set(key, pending);
    return pending;
  }

  /** Create extension `key` unless it exists on the session (here or, when shared, in another process). */
  public async ensureExtension(key: string): Promise<void> {
    await this.reloginSettled();
    if (this.made.has(key)) return;
    if (this.options.shared === undefined) return this.extend(key);
    const token = await this.tokenOrLogin();
    await this.options.shared.ensureExtension(token, key, () => this.extend(key));
    this.made.add(key);
  }

  /**
   * Forget extension `key` here and in the shared state: its object is gone (VR: the pairing was deleted), so a
   * re-login must not create it again.
   */
  public async dropExtension(key: string): Promise<void> {
    this.made.delete(key);
    await this.options.shared?.dropExtension(key);
  }

  /** Forget the session and its extensions; returns the token that was held (for the vendor's logout call). */
  public end(): string | undefined {
    const token = this.token;
    this.token = undefined;
    this.made.clear();
    return token;
  }

  /**
   * Log out: forget the session and send the vendor's logout with the token that was held. A shared session
   * stays open for the next process (this one gives up its lease), and a 401 (already expired) counts as logged out.
   */
  public async logout(send: (token: string) => Promise<unknown>): Promise<void> {
    const token = this.end();
    if (this.options.shared !== undefined) {
      this.options.shared.leave();
      return;
    }
    if (token !== undefined) await logoutAccepting401(send, token);
  }

  /**
   * Log out for good at the end of a one-shot run: like `logout`, but a shared session is logged out too when no
   * other live process holds it (with the token the shared state holds, which may be newer than ours).
   */
  public async close(send: (token: string) => Promise<unknown>): Promise<void> {
    if (this.options.shared === undefined) return this.logout(send);
    this.end();
    await this.options.shared.close((token) => logoutAccepting401(send, token));
  }

  private requireExtension(): SessionExtension {
    if (this.options.extension === undefined) throw new TypeError('this session has no extensions');
    return this.options.extension;
  }

  private async tokenOrLogin(stale?: string): Promise<string> {
    if (this.token !== undefined) return this.token;
    if (this.loginInFlight === undefined) {
      this.loginInFlight = this.obtain(stale).finally(() => {
        this.loginInFlight = undefined;
      });
    }
    return this.loginInFlight;
  }

  /** Our own login, or the session another process shares (logging in under its lock if there is none). */
  private async obtain(stale: string | undefined): Promise<string> {
    if (this.options.shared === undefined) {
      this.token = await this.options.login();
      return this.token;
    }
    const shared = await this.options.shared.obtainSession(stale, () => this.options.login());
    this.token = shared.id;
    for (const key of shared.extensions) this.made.add(key);
    return shared.id;
  }

  /**
   * A re-login holds the new token before its extensions are back: a call sent then would reach the server without
   * them (VR: 403 "not authenticated to the remote site"). Callers wait for it; its failure is the re-logging caller's.
   */
  private async reloginSettled(): Promise<void> {
    await this.reloginInFlight?.catch(() => undefined);
  }

  /** Replace a session the server rejected: one login, then every extension again. Shared by concurrent callers. */
  private async relogin(stale: string): Promise<void> {
    if (this.reloginInFlight !== undefined) return this.reloginInFlight;
    if (this.token !== undefined && this.token !== stale) return;
    this.reloginInFlight = this.loginAndRestore(stale).finally(() => {
      this.reloginInFlight = undefined;
    });
    return this.reloginInFlight;
  }

  private async loginAndRestore(stale: string): Promise<void> {
    this.token = undefined;
    const keys = [...this.made];
    this.made.clear();
    const token = await this.tokenOrLogin(stale);
    for (const key of keys) {
      if (this.made.has(key)) continue;
      const create = () => this.recreate(key, token);
      await (this.options.shared ? this.options.shared.ensureExtension(token, key, create) : create());
      this.made.add(key);
    }
  }

  /** Create an extension on a session we just obtained: a 401 now means its own credentials are wrong. */
  private async recreate(key: string, token: string): Promise<void> {
    const extension = this.requireExtension();
    try {
      await extension.create(key, token);
    } catch (err) {
      if (isUnauthorized(err)) throw extension.rejected(key, err);
      throw err;
    }
  }
}

async function logoutAccepting401(send: (token: string) => Promise<unknown>, token: string): Promise<void> {
  try {
    await send(token);
  } catch (err) {
    if (!isUnauthorized(err)) throw err;
  }
}

function isUnauthorized(err: unknown): err is ApiError {
  return isApiError(err) && err.status === 401;
}

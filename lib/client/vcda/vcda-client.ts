/**
 * VcdaClient: the typed client of the VMware Cloud Director Availability API (the subset in `specs/vcda-api.json`).
 *
 * Endpoints called (relative to the endpoint; `{R}` = `/vm-replications/{replicationId}`):
 * @api POST   /sessions                   (login body by type → the X-VCAV-Auth response header)
 * @api POST   /sessions/extend            (a remote site's Cloud Director credentials, on the session)
 * @api DELETE /sessions
 * @api GET    /sites
 * @api GET    /vm-replications?offset=&limit=&ids=&destinationVdcId=&destinationOrg=&isMigration=  (→ {items,total})
 * @api POST   /vm-replications            (→ task)
 * @api GET    {R}
 * @api PATCH  {R}                         (reconfigure → task)
 * @api POST   {R}/storage-profile         (→ task)
 * @api POST   {R}/pause | {R}/resume | {R}/sync   (→ task)
 * @api DELETE {R}                         (→ task)
 * @api GET    /tasks/{taskId}?site=
 *
 * Every request carries `Accept: application/vnd.vmware.h4-<version>+json` (default v4). Sessions (`../session.ts`):
 * lazy login on the first call; on a 401 the client logs in again ONCE, extends the session again to every remote
 * site it had extended it to, and resends the call once; a second 401 is an ApiAuthenticationError. Lists read every
 * page with `offset`/`limit` (`../paging.ts`); tasks are waited on with `../tasks.ts`.
 *
 * @public
 */
import { ApiAuthenticationError, ApiError, invalidResponseError, isApiError, isNotFoundError, pathOnly } from '../http/errors';
import {
  type HttpClient,
  type HttpMethod,
  type HttpResponse,
  type QueryValue,
} from '../http/http-client';
import { collectOffsetPages, type OffsetPage } from '../paging';
import { Session } from '../session';
import type { SharedState } from '../shared-state';
import { pollTask, type TaskWaitOptions } from '../tasks';
import { createTransport, type TransportOptions } from '../transport';
import { combineSignals, systemClock, type Clock } from '../wait';
import {
  describeVcdaTask,
  extendBody,
  loginBody,
  observeVcdaTask,
  VCDA_AUTH_HEADER,
  VCDA_DEFAULT_ACCEPT_VERSION,
  vcdaAcceptHeader,
  vcdaProfile,
} from './profile';
import type {
  VcdaCredentials,
  VcdaPasswordLoginType,
  VcdaReconfigureReplication,
  VcdaReplication,
  VcdaSite,
  VcdaStartReplication,
  VcdaTask,
} from './types';

/** Options of `VcdaClient`. @public */
export interface VcdaClientOptions extends TransportOptions {
  /** Base URL of the VCDA API, e.g. `https://vcda.example.local` (nothing is appended). */
  readonly endpoint: string;
  /** The user that logs in (`POST /sessions`). */
  readonly credentials: VcdaCredentials;
  /**
   * The `POST /sessions` body type.
   * @default "vcdCredentials"
   */
  readonly loginType?: VcdaPasswordLoginType;
  /**
   * Cloud Director credentials of the remote sites, for `POST /sessions/extend`.
   * @default - the same as `credentials`
   */
  readonly remoteCredentials?: VcdaCredentials;
  /**
   * API version of the media type asked for: `Accept: application/vnd.vmware.h4-<apiVersion>+json`.
   * @default "v4"
   */
  readonly apiVersion?: string;
  /**
   * Share the session and its extensions with other processes; `logout()` then keeps the session open.
   * @default - this client logs in on its own
   */
  readonly shared?: SharedState;
  /**
   * Items asked for per page of a list (the API's maximum is 100).
   * @default 100
   */
  readonly pageSize?: number;
}

/** Filters of `listReplications` (sent as query parameters). @public */
export interface ListVcdaReplicationsOptions {
  /** Only these replication ids. An empty array matches nothing (no request is sent). @default - all */
  readonly ids?: readonly string[];
  /** @default - all */
  readonly destinationVdcId?: string;
  /** @default - all */
  readonly destinationOrg?: string;
  /** @default - parameter not sent */
  readonly isMigration?: boolean;
  /** The site to run the operation on. @default - the local site */
  readonly site?: string;
}

/** The site an operation runs on (`?site=`). @public */
export interface VcdaSiteOption {
  /** @default - the local site */
  readonly site?: string;
}

/** Options of `waitForTask`. @public */
export type VcdaWaitOptions = TaskWaitOptions;

/** Counters of a VcdaClient. @public */
export interface VcdaClientStats {
  readonly requests: number;
  readonly retries: number;
  /** Successful logins (`POST /sessions`). */
  readonly logins: number;
  /** Task polls made by `waitForTask`. */
  readonly taskPolls: number;
}

const MAX_PAGE_SIZE = 100;

/** The typed VCDA client. @public */
export class VcdaClient {
  public readonly baseUrl: string;
  /** True when TLS verification is off. */
  public readonly insecure: boolean;

  private readonly http: HttpClient;
  private readonly credentials: VcdaCredentials;
  private readonly remoteCredentials: VcdaCredentials;
  private readonly loginType: VcdaPasswordLoginType;
  private readonly clock: Clock;
  private readonly random: () => number;
  private readonly signal?: AbortSignal;
  private readonly shared?: SharedState;
  private readonly pageSize: number;
  /** The VCDA session; its extensions are the remote sites it was extended to. */
  private readonly session: Session;
  private counters = { logins: 0, taskPolls: 0 };

  constructor(options: VcdaClientOptions) {
    requireCredentials(options.credentials, 'credentials');
    if (options.remoteCredentials !== undefined) requireCredentials(options.remoteCredentials, 'remoteCredentials');
    this.baseUrl = baseUrlOf(options.endpoint);
    this.credentials = options.credentials;
    this.remoteCredentials = options.remoteCredentials ?? options.credentials;
    this.loginType = options.loginType ?? 'vcdCredentials';
    this.clock = options.clock ?? systemClock;
    this.random = options.random ?? Math.random;
    this.signal = options.signal;
    this.shared = options.shared;
    this.pageSize = pageSizeOf(options.pageSize);
    this.http = createTransport(this.baseUrl, vcdaProfile, { ...options, clock: this.clock, random: this.random }, { headers: { accept: vcdaAcceptHeader(options.apiVersion ?? VCDA_DEFAULT_ACCEPT_VERSION) } }).http;
    this.insecure = this.http.insecure;
    this.session = new Session({
      login: () => this.postLogin(),
      rejectedAgain: (err) => this.sessionRejectedError(err),
      extension: {
        create: (site, token) => this.postExtend(site, token),
        rejected: (site, err) => this.extendRejectedError(site, err),
      },
      shared: this.shared,
    });
  }

  public get stats(): VcdaClientStats {
    return { requests: this.http.stats.requests, retries: this.http.stats.retries, ...this.counters };
  }

  // ---------------------------------------------------------------- session

  /** Log in now (otherwise done by the first call). `POST /sessions`. */
  public async login(): Promise<void> {
    await this.session.current();
  }

  /** `DELETE /sessions`; a 401 (already expired) counts as success. A shared session stays open for the others. */
  public async logout(): Promise<void> {
    await this.session.logout((token) => this.http.request({ method: 'DELETE', path: '/sessions', headers: { [VCDA_AUTH_HEADER]: token } }));
  }

  /** `POST /sessions/extend` to `site` unless the session already reaches it; made again after a re-login. */
  public async extendSession(site: string): Promise<void> {
    requireId(site, 'site');
    return this.session.ensureExtension(site);
  }

  /** Remote sites the current session was extended to. */
  public get extendedSites(): readonly string[] {
    return this.session.extensions;
  }

  // ---------------------------------------------------------------- sites

  /** `GET /sites`. */
  public async listSites(): Promise<VcdaSite[]> {
    const res = await this.call({ method: 'GET', path: '/sites' });
    if (!Array.isArray(res.data)) throw invalidResponseError(res, 'GET', 'the sites are not a JSON array');
    return res.data as VcdaSite[];
  }

  // ---------------------------------------------------------------- replications

  /** `GET /vm-replications` with filters, every page (`offset`/`limit` → `{items, total}`). */
  public async listReplications(options: ListVcdaReplicationsOptions = {}): Promise<VcdaReplication[]> {
    if (options.ids !== undefined && options.ids.length === 0) return [];
    const filters: Record<string, QueryValue> = {
      site: options.site,
      ids: options.ids?.join(','),
      destinationVdcId: options.destinationVdcId,
      destinationOrg: options.destinationOrg,
      isMigration: options.isMigration,
    };
    return collectOffsetPages<VcdaReplication>({
      what: 'VM replications',
      limit: this.pageSize,
      fetch: async (offset, limit) => readPage(await this.call({ method: 'GET', path: '/vm-replications', query: { ...filters, offset, limit } })),
    });
  }

  /** `GET /vm-replications/{id}`; undefined when it does not exist (404). */
  public async getReplication(replicationId: string, options: VcdaSiteOption = {}): Promise<VcdaReplication | undefined> {
    try {
      const res = await this.call({ method: 'GET', path: replicationPath(replicationId), query: { site: options.site } });
      return objectOf<VcdaReplication>(res, `VM replication ${replicationId}`);
    } catch (err) {
      if (isNotFoundError(err)) return undefined;
      throw err;
    }
  }

  /** `POST /vm-replications` ("Start Vm Replication") → task. */
  public async startReplication(body: VcdaStartReplication, options: VcdaSiteOption = {}): Promise<VcdaTask> {
    return taskOf(await this.call({ method: 'POST', path: '/vm-replications', query: { site: options.site }, body }), 'start VM replication');
  }

  /** `PATCH /vm-replications/{id}` (reconfigure) → task. */
  public async reconfigureReplication(replicationId: string, body: VcdaReconfigureReplication, options: VcdaSiteOption = {}): Promise<VcdaTask> {
    const res = await this.call({ method: 'PATCH', path: replicationPath(replicationId), query: { site: options.site }, body });
    return taskOf(res, `reconfigure VM replication ${replicationId}`);
  }

  /** `POST /vm-replications/{id}/storage-profile` → task. */
  public async changeStorageProfile(replicationId: string, storageProfileId: string, options: VcdaSiteOption = {}): Promise<VcdaTask> {
    requireId(storageProfileId, 'storageProfileId');
    return this.replicationAction(replicationId, 'storage-profile', options, { storageProfileId });
  }

  /** `POST /vm-replications/{id}/pause` → task. */
  public async pauseReplication(replicationId: string, options: VcdaSiteOption = {}): Promise<VcdaTask> {
    return this.replicationAction(replicationId, 'pause', options);
  }

  /** `POST /vm-replications/{id}/resume` → task. */
  public async resumeReplication(replicationId: string, options: VcdaSiteOption = {}): Promise<VcdaTask> {
    return this.replicationAction(replicationId, 'resume', options);
  }

  /** `POST /vm-replications/{id}/sync` → task. */
  public async syncReplication(replicationId: string, options: VcdaSiteOption = {}): Promise<VcdaTask> {
    return this.replicationAction(replicationId, 'sync', options);
  }

  /** `DELETE /vm-replications/{id}` → task. Deletes the replica too: VCDA has no delete that keeps it. */
  public async deleteReplication(replicationId: string, options: VcdaSiteOption = {}): Promise<VcdaTask> {
    const res = await this.call({ method: 'DELETE', path: replicationPath(replicationId), query: { site: options.site } });
    return taskOf(res, `delete VM replication ${replicationId}`);
  }

  // ---------------------------------------------------------------- tasks

  /** `GET /tasks/{id}?site=`. */
  public async getTask(taskId: string, options: VcdaSiteOption = {}): Promise<VcdaTask> {
    requireId(taskId, 'taskId');
    return taskOf(await this.call({ method: 'GET', path: taskPath(taskId), query: { site: options.site } }), `task ${taskId}`);
  }

  /**
   * Poll `GET /tasks/{id}` (on the site the task runs on) until SUCCEEDED (→ the task).
   * @throws TaskFailedError on FAILED (message "<code>: <msg>"), WaitTimeoutError, WaitAbortedError, or an ApiError of a poll.
   */
  public async waitForTask(task: Pick<VcdaTask, 'id' | 'site'>, options: VcdaWaitOptions): Promise<VcdaTask> {
    requireId(task.id, 'task.id');
    const site = task.site !== undefined && task.site !== '' ? task.site : undefined;
    return pollTask<VcdaTask>({
      taskId: task.id,
      get: () => {
        this.counters.taskPolls += 1;
        return this.getTask(task.id, { site });
      },
      observe: observeVcdaTask,
      describe: (last) => options.description ?? describeVcdaTask(task.id, last),
      url: this.http.resolveUrl(taskPath(task.id)),
      timeoutMs: options.timeoutMs,
      minDelayMs: options.minDelayMs,
      maxDelayMs: options.maxDelayMs,
      signal: combineSignals(this.signal, options.signal),
      onProgress: options.onProgress,
      clock: this.clock,
      random: this.random,
    });
  }

  // ---------------------------------------------------------------- internals

  private async replicationAction(replicationId: string, action: string, options: VcdaSiteOption, body?: unknown): Promise<VcdaTask> {
    const res = await this.call({ method: 'POST', path: `${replicationPath(replicationId)}/${action}`, query: { site: options.site }, body });
    return taskOf(res, `${action} VM replication ${replicationId}`);
  }

  /** Send with the session; on 401: log in again once (and extend again), resend once, then ApiAuthenticationError. */
  private async call(req: { method: HttpMethod; path: string; query?: Record<string, QueryValue>; body?: unknown }): Promise<HttpResponse> {
    return this.session.send((token) => this.http.request({ ...req, headers: { [VCDA_AUTH_HEADER]: token } }));
  }

  /** `POST /sessions` → the X-VCAV-Auth response header. */
  private async postLogin(): Promise<string> {
    let res: HttpResponse;
    try {
      res = await this.http.request({ method: 'POST', path: '/sessions', body: loginBody(this.loginType, this.credentials), idempotent: true });
    } catch (err) {
      if (isApiError(err) && (err.status === 401 || err.status === 403)) throw this.loginRejectedError(err);
      throw err;
    }
    const token = res.headers[VCDA_AUTH_HEADER];
    if (token === undefined || token === '') throw invalidResponseError(res, 'POST', 'the login answer has no X-VCAV-Auth header');
    this.counters.logins += 1;
    return token;
  }

  /** `POST /sessions/extend` on `token` with the remote credentials (a 401 propagates to the session). */
  private async postExtend(site: string, token: string): Promise<void> {
    await this.http.request({
      method: 'POST',
      path: '/sessions/extend',
      headers: { [VCDA_AUTH_HEADER]: token },
      body: extendBody(site, this.remoteCredentials),
      idempotent: true,
    });
  }

  private loginRejectedError(err: ApiError): ApiAuthenticationError {
    return new ApiAuthenticationError(
      { status: err.status, method: 'POST', url: err.url, errorCode: err.errorCode, username: this.credentials.username },
      `login to ${this.baseUrl} as "${this.credentials.username}" (${this.loginType}) was rejected (POST /sessions → ${err.status}` +
        `${err.errorCode !== undefined ? ` ${err.errorCode}` : ''}): check the user name, the password and the login type`,
    );
  }

  private extendRejectedError(site: string, err: ApiError): ApiAuthenticationError {
    return new ApiAuthenticationError(
      { status: err.status, method: err.method, url: err.url, errorCode: err.errorCode, username: this.remoteCredentials.username },
      `site ${site} rejected the login of "${this.remoteCredentials.username}" (POST ${pathOnly(err.url)} → ${err.status}` +
        `${err.errorCode !== undefined ? ` ${err.errorCode}` : ''}): check the remote credentials (a Cloud Director user of ${site})`,
    );
  }

  private sessionRejectedError(err: ApiError): ApiAuthenticationError {
    return new ApiAuthenticationError(
      { status: err.status, method: err.method, url: err.url, errorCode: err.errorCode, username: this.credentials.username },
      `${err.method} ${pathOnly(err.url)} → 401 again after logging in again to ${this.baseUrl} as "${this.credentials.username}": ` +
        'the appliance does not accept the new session (check the user’s rights and that the appliance is healthy)',
    );
  }
}

// ------------------------------------------------------------------ helpers (module-private)

function baseUrlOf(endpoint: string): string {
  const trimmed = endpoint.trim().replace(/\/+$/, '');
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    throw new TypeError(`endpoint must be an absolute https URL such as https://vcda.example.local, got "${trimmed}"`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new TypeError(`endpoint must use https (or http for a local simulator), got "${url.protocol}"`);
  return trimmed;
}

function pageSizeOf(size: number | undefined): number {
  if (size === undefined) return MAX_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) throw new TypeError(`pageSize must be an integer from 1 to ${MAX_PAGE_SIZE}, got ${size}`);
  return size;
}

function replicationPath(replicationId: string): string {
  requireId(replicationId, 'replicationId');
  return `/vm-replications/${encodeURIComponent(replicationId)}`;
}

function taskPath(taskId: string): string {
  return `/tasks/${encodeURIComponent(taskId)}`;
}

function requireId(value: unknown, field: string): void {
  if (typeof value !== 'string' || value.trim() === '') throw new TypeError(`${field} must be a non-empty string, got ${JSON.stringify(value) ?? String(value)}`);
}

function requireCredentials(c: VcdaCredentials | undefined, field: string): void {
  if (c === undefined || typeof c.username !== 'string' || c.username === '') throw new TypeError(`${field}.username must be a non-empty string`);
  if (typeof c.password !== 'string' || c.password === '') throw new TypeError(`${field}.password must be a non-empty string`);
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function objectOf<T>(res: HttpResponse, what: string): T {
  if (!isRecord(res.data)) throw invalidResponseError(res, 'GET', `${what} is not a JSON object`);
  return res.data as T;
}

function readPage(res: HttpResponse): OffsetPage<VcdaReplication> {
  const data = res.data;
  if (!isRecord(data) || !Array.isArray(data['items']) || typeof data['total'] !== 'number') {
    throw invalidResponseError(res, 'GET', 'VM replications: expected {"items": [...], "total": n}');
  }
  return { items: data['items'] as VcdaReplication[], total: data['total'] };
}

function taskOf(res: HttpResponse, what: string): VcdaTask {
  const data = res.data;
  if (!isRecord(data) || typeof data['id'] !== 'string' || typeof data['state'] !== 'string') {
    throw invalidResponseError(res, 'GET', `${what}: expected a task with "id" and "state"`);
  }
  return data as unknown as VcdaTask;
}

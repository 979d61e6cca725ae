/**
 * VcdaClient: the typed client of the VMware Cloud Director Availability API (the subset in `specs/vcda-api.json`).
 *
 * Endpoints called (relative to the endpoint; `{R}` = `/vm-replications/{replicationId}`):
 * @api POST   /sessions                   (login body by type → the X-VCAV-Auth response header)
 * @api POST   /sessions/extend            (a remote site's Cloud Director credentials, on the session)
 * @api DELETE /sessions
 * @api GET    /sites
 * @api GET    /inventory/vms?site=&offset=&limit=  (→ {items,total})
 * @api GET    /vm-replications?offset=&limit=&ids=&destinationVdcId=&destinationOrg=&isMigration=&vmId=  (→ {items,total})
 * @api POST   /vm-replications            (→ task)
 * @api GET    {R}
 * @api PATCH  {R}                         (reconfigure → task)
 * @api POST   {R}/storage-profile         (→ task)
 * @api POST   {R}/pause | {R}/resume | {R}/sync   (→ task)
 * @api DELETE {R}                         (→ task)
 * @api POST   {R}/failover-test           (test failover: a test image on the destination site → task)
 * @api DELETE {R}/failover-test           (cleanup of the test failover → task)
 * @api GET    /tasks/{taskId}?site=
 *
 * Every request carries `Accept: application/vnd.vmware.h4-<version>+json` (default v4). Sessions (`../session.ts`):
 * lazy login on the first call; on a 401 the client logs in again ONCE, extends the session again to every remote
 * site it had extended it to, and resends the call once; a second 401 is an ApiAuthenticationError. Lists read every
 * page with `offset`/`limit` (`../paging.ts`); tasks are waited on with `../tasks.ts`.
 *
 * @public
 */
import { SessionClientCore, SessionVendorClient, type ClientStats } from '../core/client-core';
import type { ClientConfig } from '../core/config';
import { httpEndpoint, isRecord, pageSizeOf, requireCredentials, requireId } from '../core/guards';
import { ApiAuthenticationError, ApiError, invalidResponseError, isNotFoundError, pathOnly } from '../http/errors';
import { type HttpResponse, type QueryValue } from '../http/http-client';
import { collectOffsetPages, type OffsetPage } from '../paging';
import type { SharedState } from '../shared-state';
import type { TaskWaitOptions } from '../tasks';
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
  VcdaInventoryVm,
  VcdaPasswordLoginType,
  VcdaReconfigureReplication,
  VcdaReplication,
  VcdaSite,
  VcdaStartReplication,
  VcdaTask,
  VcdaTestFailoverSettings,
} from './types';

/** Options of `VcdaClient`. @public */
export interface VcdaClientOptions extends ClientConfig {
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
  /** Only the replications of this source VM (exact id, e.g. `vm-1` for DR2C, a UUID for C2C). @default - all */
  readonly vmId?: string;
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

/** Counters of a VcdaClient (the shape every vendor's client reports). @public */
export type VcdaClientStats = ClientStats;

const MAX_PAGE_SIZE = 100;

/** The typed VCDA client. @public */
export class VcdaClient extends SessionVendorClient {
  private readonly pageSize: number;

  constructor(options: VcdaClientOptions) {
    requireCredentials(options.credentials, 'credentials');
    if (options.remoteCredentials !== undefined) requireCredentials(options.remoteCredentials, 'remoteCredentials');
    const credentials = options.credentials;
    const remoteCredentials = options.remoteCredentials ?? credentials;
    const loginType = options.loginType ?? 'vcdCredentials';
    const accept = vcdaAcceptHeader(options.apiVersion ?? VCDA_DEFAULT_ACCEPT_VERSION);
    super(
      new SessionClientCore(options, { profile: vcdaProfile, baseUrl: vcdaBaseUrl, headers: { accept } }, {
        header: VCDA_AUTH_HEADER,
        username: credentials.username,
        login: {
          request: { path: '/sessions', body: loginBody(loginType, credentials) },
          tokenOf: (res) => res.headers[VCDA_AUTH_HEADER],
          noToken: 'the login answer has no X-VCAV-Auth header',
          rejected: (err, baseUrl) => loginRejectedError(err, baseUrl, credentials.username, loginType),
        },
        logoutPath: '/sessions',
        rejectedAgainCheck: 'the user’s rights',
        extension: {
          request: (site) => ({ path: '/sessions/extend', body: extendBody(site, remoteCredentials) }),
          rejected: (site, err) => extendRejectedError(site, err, remoteCredentials.username),
        },
        shared: options.shared,
      }),
    );
    this.pageSize = pageSizeOf(options.pageSize, { fallback: MAX_PAGE_SIZE, max: MAX_PAGE_SIZE });
  }

  // ---------------------------------------------------------------- session

  /** `POST /sessions/extend` to `site` unless the session already reaches it; made again after a re-login. */
  public async extendSession(site: string): Promise<void> {
    requireId(site, 'site');
    return this.core.session.ensureExtension(site);
  }

  /** Remote sites the current session was extended to. */
  public get extendedSites(): readonly string[] {
    return this.core.session.extensions;
  }

  // ---------------------------------------------------------------- sites

  /** `GET /sites`. */
  public async listSites(): Promise<VcdaSite[]> {
    const res = await this.core.send({ method: 'GET', path: '/sites' });
    if (!Array.isArray(res.data)) throw invalidResponseError(res, 'GET', 'the sites are not a JSON array');
    return res.data as VcdaSite[];
  }

  /** `GET /inventory/vms?site=`, every page: the Cloud Director VMs of a site (the local one by default). */
  public async listInventoryVms(options: VcdaSiteOption = {}): Promise<VcdaInventoryVm[]> {
    return collectOffsetPages<VcdaInventoryVm>({
      what: 'inventory VMs',
      limit: this.pageSize,
      fetch: async (offset, limit) => readPage<VcdaInventoryVm>(await this.core.send({ method: 'GET', path: '/inventory/vms', query: { site: options.site, offset, limit } }), 'inventory VMs'),
    });
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
      vmId: options.vmId,
    };
    return collectOffsetPages<VcdaReplication>({
      what: 'VM replications',
      limit: this.pageSize,
      fetch: async (offset, limit) => readPage<VcdaReplication>(await this.core.send({ method: 'GET', path: '/vm-replications', query: { ...filters, offset, limit } }), 'VM replications'),
    });
  }

  /** `GET /vm-replications/{id}`; undefined when it does not exist (404). */
  public async getReplication(replicationId: string, options: VcdaSiteOption = {}): Promise<VcdaReplication | undefined> {
    try {
      const res = await this.core.send({ method: 'GET', path: replicationPath(replicationId), query: { site: options.site } });
      return objectOf<VcdaReplication>(res, `VM replication ${replicationId}`);
    } catch (err) {
      if (isNotFoundError(err)) return undefined;
      throw err;
    }
  }

  /** `POST /vm-replications` ("Start Vm Replication") → task. */
  public async startReplication(body: VcdaStartReplication, options: VcdaSiteOption = {}): Promise<VcdaTask> {
    return taskOf(await this.core.send({ method: 'POST', path: '/vm-replications', query: { site: options.site }, body }), 'start VM replication');
  }

  /** `PATCH /vm-replications/{id}` (reconfigure) → task. */
  public async reconfigureReplication(replicationId: string, body: VcdaReconfigureReplication, options: VcdaSiteOption = {}): Promise<VcdaTask> {
    const res = await this.core.send({ method: 'PATCH', path: replicationPath(replicationId), query: { site: options.site }, body });
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
    const res = await this.core.send({ method: 'DELETE', path: replicationPath(replicationId), query: { site: options.site } });
    return taskOf(res, `delete VM replication ${replicationId}`);
  }

  /**
   * `POST /vm-replications/{id}/failover-test` ("Test Failover") → task: a test image of the VM on the destination
   * site from a retained instance (the latest unless `instanceId`, or a new one with `sync`); replication goes on.
   * Its state shows in the replication's `destinationState.recoveryInfo` (`recoveryState` TEST).
   */
  public async startTestFailover(replicationId: string, settings: VcdaTestFailoverSettings, options: VcdaSiteOption = {}): Promise<VcdaTask> {
    const res = await this.core.send({ method: 'POST', path: `${replicationPath(replicationId)}/failover-test`, query: { site: options.site }, body: settings });
    return taskOf(res, `test failover of VM replication ${replicationId}`);
  }

  /** `DELETE /vm-replications/{id}/failover-test` ("Cleanup Failover Test") → task: the test image is removed. */
  public async cleanupTestFailover(replicationId: string, options: VcdaSiteOption = {}): Promise<VcdaTask> {
    const res = await this.core.send({ method: 'DELETE', path: `${replicationPath(replicationId)}/failover-test`, query: { site: options.site } });
    return taskOf(res, `cleanup of the test failover of VM replication ${replicationId}`);
  }

  // ---------------------------------------------------------------- tasks

  /** `GET /tasks/{id}?site=`. */
  public async getTask(taskId: string, options: VcdaSiteOption = {}): Promise<VcdaTask> {
    requireId(taskId, 'taskId');
    return taskOf(await this.core.send({ method: 'GET', path: taskPath(taskId), query: { site: options.site } }), `task ${taskId}`);
  }

  /**
   * Poll `GET /tasks/{id}` (on the site the task runs on) until SUCCEEDED (→ the task).
   * @throws TaskFailedError on FAILED (message "<code>: <msg>"), WaitTimeoutError, WaitAbortedError, or an ApiError of a poll.
   */
  public async waitForTask(task: Pick<VcdaTask, 'id' | 'site'>, options: VcdaWaitOptions): Promise<VcdaTask> {
    requireId(task.id, 'task.id');
    const site = task.site !== undefined && task.site !== '' ? task.site : undefined;
    const id = task.id;
    const toWait = { id, get: () => this.getTask(id, { site }), observe: observeVcdaTask, describe: (last: VcdaTask | undefined) => describeVcdaTask(id, last), path: taskPath(id) };
    return this.core.waitForTask<VcdaTask>(toWait, options);
  }

  // ---------------------------------------------------------------- internals

  private async replicationAction(replicationId: string, action: string, options: VcdaSiteOption, body?: unknown): Promise<VcdaTask> {
    const res = await this.core.send({ method: 'POST', path: `${replicationPath(replicationId)}/${action}`, query: { site: options.site }, body });
    return taskOf(res, `${action} VM replication ${replicationId}`);
  }
}

// ------------------------------------------------------------------ helpers (module-private)

/** The error for a refused `POST /sessions` (401/403). */
function loginRejectedError(err: ApiError, baseUrl: string, username: string, loginType: VcdaPasswordLoginType): ApiAuthenticationError {
  return new ApiAuthenticationError(
    { status: err.status, method: 'POST', url: err.url, errorCode: err.errorCode, username },
    `login to ${baseUrl} as "${username}" (${loginType}) was rejected (POST /sessions → ${err.status}` +
      `${err.errorCode !== undefined ? ` ${err.errorCode}` : ''}): check the user name, the password and the login type`,
  );
}

/** The error for an extension refused on a fresh session: the remote credentials are wrong. */
function extendRejectedError(site: string, err: ApiError, username: string): ApiAuthenticationError {
  return new ApiAuthenticationError(
    { status: err.status, method: err.method, url: err.url, errorCode: err.errorCode, username },
    `site ${site} rejected the login of "${username}" (POST ${pathOnly(err.url)} → ${err.status}` +
      `${err.errorCode !== undefined ? ` ${err.errorCode}` : ''}): check the remote credentials (a Cloud Director user of ${site})`,
  );
}

function vcdaBaseUrl(endpoint: string): string {
  return httpEndpoint(endpoint, 'https://vcda.example.local');
}
function replicationPath(replicationId: string): string {
  requireId(replicationId, 'replicationId');
  return `/vm-replications/${encodeURIComponent(replicationId)}`;
}

function taskPath(taskId: string): string {
  return `/tasks/${encodeURIComponent(taskId)}`;
}

function objectOf<T>(res: HttpResponse, what: string): T {
  if (!isRecord(res.data)) throw invalidResponseError(res, 'GET', `${what} is not a JSON object`);
  return res.data as T;
}

function readPage<T>(res: HttpResponse, what: string): OffsetPage<T> {
  const data = res.data;
  if (!isRecord(data) || !Array.isArray(data['items']) || typeof data['total'] !== 'number') {
    throw invalidResponseError(res, 'GET', `${what}: expected {"items": [...], "total": n}`);
  }
  return { items: data['items'] as T[], total: data['total'] };
}

function taskOf(res: HttpResponse, what: string): VcdaTask {
  const data = res.data;
  if (!isRecord(data) || typeof data['id'] !== 'string' || typeof data['state'] !== 'string') {
    throw invalidResponseError(res, 'GET', `${what}: expected a task with "id" and "state"`);
  }
  return data as unknown as VcdaTask;
}

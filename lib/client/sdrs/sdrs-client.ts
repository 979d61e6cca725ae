/**
 * SdrsClient: the typed client of Huawei Cloud SDRS v1 (the subset in `specs/sdrs-api.json`), for one project of
 * one regional endpoint.
 *
 * Endpoints called (relative to the endpoint; `{P}` = `/v1/{project_id}`):
 * @api POST   {P}/server-groups                              (→ job: entities.server_group_id)
 * @api GET    {P}/server-groups?name=&status=&offset=&limit=  (→ {server_groups, count})
 * @api GET    {P}/server-groups/{id}
 * @api PUT    {P}/server-groups/{id}                         (rename → the group)
 * @api DELETE {P}/server-groups/{id}                         (→ job)
 * @api POST   {P}/server-groups/{id}/action                  ({"start-server-group":{}} | {"stop-server-group":{}} → job)
 * @api POST   {P}/replications                               (→ job: entities.replication_pair_id)
 * @api GET    {P}/replications?server_group_id=&server_group_ids=&protected_instance_id=&protected_instance_ids=&name=&status=&query_type=&availability_zone=&offset=&limit=
 * @api GET    {P}/replications/{id}
 * @api PUT    {P}/replications/{id}                          (rename → the pair)
 * @api POST   {P}/replications/{id}/action                   ({"extend-replication":{"new_size":N}} → job)
 * @api DELETE {P}/replications/{id}                          (body {replication:{server_group_id, delete_target_volume}} → job)
 * @api POST   {P}/protected-instances                        (→ job: entities.protected_instance_id)
 * @api GET    {P}/protected-instances?server_group_id=&name=&status=&offset=&limit=
 * @api GET    {P}/protected-instances/{id}
 * @api PUT    {P}/protected-instances/{id}                   (rename → the instance)
 * @api DELETE {P}/protected-instances/{id}                   (body {delete_target_server, delete_target_eip} → job)
 * @api POST   {P}/protected-instances/{id}/attachreplication (body {replicationAttachment:{replication_id, device}} → job)
 * @api DELETE {P}/protected-instances/{id}/detachreplication/{replication_id} (→ job)
 * @api POST   {P}/disaster-recovery-drills                   (→ job: entities.disaster_recovery_drill_id)
 * @api GET    {P}/disaster-recovery-drills?server_group_id=&name=&status=&drill_vpc_id=&offset=&limit=
 * @api GET    {P}/disaster-recovery-drills/{id}
 * @api PUT    {P}/disaster-recovery-drills/{id}              (rename → the drill)
 * @api DELETE {P}/disaster-recovery-drills/{id}              (→ job: its drill servers, their disks and NICs; the drill VPC is kept)
 * @api GET    {P}/jobs/{job_id}
 * @api GET    /v1/{project_id}/cloudservers/detail?name=&status=&offset=&limit=  (ECS, at the region's ECS endpoint: offset is a page number from 1)
 * @api GET    /v2/{project_id}/cloudvolumes/detail?name=&availability_zone=&status=&offset=&limit=  (EVS, at the region's EVS endpoint)
 *
 * Authentication: AK/SK — every attempt is signed anew (`./signer.ts`, SDK-HMAC-SHA256 with X-Sdk-Date from the
 * client's clock) — or an IAM token in `X-Auth-Token`. There is no session: nothing to log in or out of.
 * Not-found is HTTP 400 with SDRS.1013/1608/1320/1301/0208/0213/1902/1913 (`./profile.ts`): gets answer undefined, deletes and
 * detaches of what is gone answer undefined instead of a job id. Lists read every page with offset/limit until a
 * short or empty page (never stopping at `count`, which Huawei's own provider does not read either).
 * Jobs are waited on with `../tasks.ts` (progress ETA when the job reports progress).
 *
 * @public
 */
import { ClientCore, VendorClient, type ClientStats } from '../core/client-core';
import type { ClientConfig, VendorHttp } from '../core/config';
import { httpEndpoint, isRecord, pageSizeOf, requireId } from '../core/guards';
import { ApiAuthenticationError, invalidResponseError, isNotFoundError, pathOnly, type ApiError } from '../http/errors';
import { type HttpMethod, type HttpResponse, type QueryValue } from '../http/http-client';
import { collectOffsetPages, type OffsetPage } from '../paging';
import type { TaskWaitOptions } from '../tasks';
import { describeSdrsJob, observeSdrsJob, SDRS_TOKEN_HEADER, sdrsProfile } from './profile';
import { signRequest } from './signer';
import type {
  SdrsCloudServer,
  SdrsCloudVolume,
  SdrsCreateProtectedInstance,
  SdrsCreateReplication,
  SdrsCreateServerGroup,
  SdrsCreateDrill,
  SdrsCredentials,
  SdrsDrill,
  SdrsJob,
  SdrsProtectedInstance,
  SdrsReplication,
  SdrsServerGroup,
} from './types';

/** Options of `SdrsClient`. @public */
export interface SdrsClientOptions extends ClientConfig {
  /** The regional endpoint, e.g. `https://sdrs.ap-southeast-1.myhuaweicloud.com` (see `sdrsRegionEndpoint`); `/v1/{project_id}` is appended. */
  readonly endpoint: string;
  /** The project (of the region) every path names. */
  readonly projectId: string;
  /** `{accessKey, secretKey}` (AK/SK signing) or `{token}` (X-Auth-Token). */
  readonly credentials: SdrsCredentials;
  /**
   * Items asked for per page of a list. The API's own default and maximum, so that a lookup in a group of up to
   * 1000 objects is one request.
   * @default 1000
   */
  readonly pageSize?: number;
}

/** Filters of `listProtectionGroups`. @public */
export interface ListSdrsProtectionGroupsOptions {
  /** Fuzzy match on the name (the server's rule): compare names exactly yourself. @default - all */
  readonly name?: string;
  /** @default - all */
  readonly status?: string;
}

/** Filters of `listReplications`. @public */
export interface ListSdrsReplicationsOptions {
  /** @default - all */
  readonly serverGroupId?: string;
  /** At most 30; sent as `['id1','id2']` and overriding `serverGroupId` (the API's rule). @default - all */
  readonly serverGroupIds?: readonly string[];
  /** @default - all */
  readonly protectedInstanceId?: string;
  /** At most 30, sent like `serverGroupIds`. @default - all */
  readonly protectedInstanceIds?: readonly string[];
  /** Fuzzy match on the name. @default - all */
  readonly name?: string;
  /** @default - all */
  readonly status?: string;
  /** @default - parameter not sent */
  readonly queryType?: 'status_abnormal' | 'general';
  /** The current production availability zone. @default - all */
  readonly availabilityZone?: string;
}

/** Filters of `listProtectedInstances`. @public */
export interface ListSdrsProtectedInstancesOptions {
  /** @default - all */
  readonly serverGroupId?: string;
  /** Fuzzy match on the name. @default - all */
  readonly name?: string;
  /** @default - all */
  readonly status?: string;
}

/** Filters of `listCloudServers`. @public */
export interface ListSdrsCloudServersOptions {
  /** Fuzzy match on the name (the server's rule): compare names exactly yourself. @default - all */
  readonly name?: string;
  /** @default - all */
  readonly status?: string;
}

/** Filters of `listCloudVolumes`. @public */
export interface ListSdrsCloudVolumesOptions {
  /** The disk name. @default - all */
  readonly name?: string;
  /** @default - all */
  readonly availabilityZone?: string;
  /** @default - all */
  readonly status?: string;
}

/** Options of `deleteReplication`. @public */
export interface DeleteSdrsReplicationOptions {
  /** The pair's protection group (sent in the body). @default - not sent */
  readonly serverGroupId?: string;
  /** Also delete the DR-site volume. @default false - the DR-site volume is kept */
  readonly deleteTargetVolume?: boolean;
}

/** Options of `deleteProtectedInstance`. @public */
export interface DeleteSdrsProtectedInstanceOptions {
  /** Also delete the DR-site server. @default false - kept */
  readonly deleteTargetServer?: boolean;
  /** Also delete the DR-site server's EIP. @default false - kept */
  readonly deleteTargetEip?: boolean;
}

/** Filters of `listDrills`. @public */
export interface ListSdrsDrillsOptions {
  /** The drills of this protection group. @default - all */
  readonly serverGroupId?: string;
  /** Fuzzy match on the name. @default - all */
  readonly name?: string;
  /** creating, available, deleting, error-deleting or error. @default - all */
  readonly status?: string;
  /** @default - all */
  readonly drillVpcId?: string;
}

/** Options of `waitForJob`. @public */
export type SdrsWaitOptions = TaskWaitOptions;

/** Counters of an SdrsClient (the shape every vendor's client reports; `logins` is always 0: SDRS has no login). @public */
export type SdrsClientStats = ClientStats;

const MAX_PAGE_SIZE = 1000;
const DEFAULT_PAGE_SIZE = MAX_PAGE_SIZE;
const MAX_IDS_FILTER = 30;

/** The conventional SDRS endpoint of a region, e.g. `ap-southeast-1` → `https://sdrs.ap-southeast-1.myhuaweicloud.com`. @public */
export function sdrsRegionEndpoint(region: string): string {
  if (!/^[a-z]{2}(-[a-z0-9]+)+$/.test(region)) throw new TypeError(`region must look like "ap-southeast-1", got ${JSON.stringify(region)}`);
  return `https://sdrs.${region}.myhuaweicloud.com`;
}

/** A string entity of a finished job (`server_group_id`, `replication_pair_id`, `protected_instance_id`…), or undefined. @public */
export function jobEntity(job: SdrsJob, key: string): string | undefined {
  const value = job.entities?.[key];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** The typed SDRS client. @public */
export class SdrsClient extends VendorClient {
  public readonly projectId: string;
  private readonly pageSize: number;

  constructor(options: SdrsClientOptions) {
    requireId(options.projectId, 'projectId');
    const pageSize = pageSizeOf(options.pageSize, { fallback: DEFAULT_PAGE_SIZE, max: MAX_PAGE_SIZE });
    const auth = authOf(options.credentials);
    super(new ClientCore(options, { profile: sdrsProfile, baseUrl: sdrsBaseUrl, headers: auth.headers, sign: auth.sign }, { rejected: (err) => rejectedError(err, auth.description) }));
    this.projectId = options.projectId;
    this.pageSize = pageSize;
  }

  // ---------------------------------------------------------------- protection groups

  /** `POST /server-groups` → job id (the job's `entities.server_group_id` is the new group). */
  public async createProtectionGroup(group: SdrsCreateServerGroup): Promise<string> {
    return jobIdOf(await this.call('POST', '/server-groups', { body: { server_group: group } }));
  }

  /** `GET /server-groups` with filters, every page. */
  public async listProtectionGroups(options: ListSdrsProtectionGroupsOptions = {}): Promise<SdrsServerGroup[]> {
    return this.list<SdrsServerGroup>('/server-groups', 'server_groups', { name: options.name, status: options.status });
  }

  /** `GET /server-groups/{id}`; undefined when it does not exist. */
  public async getProtectionGroup(groupId: string): Promise<SdrsServerGroup | undefined> {
    return this.getOrGone<SdrsServerGroup>(groupPath(groupId), 'server_group');
  }

  /** `PUT /server-groups/{id}` `{"server_group":{"name"}}` → the renamed group. */
  public async renameProtectionGroup(groupId: string, name: string): Promise<SdrsServerGroup> {
    requireId(name, 'name');
    return entityOf(await this.call('PUT', groupPath(groupId), { body: { server_group: { name } } }), 'server_group', 'PUT');
  }

  /** `DELETE /server-groups/{id}` → job id; undefined when the group was already gone. */
  public async deleteProtectionGroup(groupId: string): Promise<string | undefined> {
    return this.jobOrGone('DELETE', groupPath(groupId));
  }

  /** `POST /server-groups/{id}/action {"start-server-group":{}}` (enable protection; the group must hold pairs) → job id. */
  public async startProtection(groupId: string): Promise<string> {
    return jobIdOf(await this.call('POST', `${groupPath(groupId)}/action`, { body: { 'start-server-group': {} } }));
  }

  /** `POST /server-groups/{id}/action {"stop-server-group":{}}` (disable protection) → job id. */
  public async stopProtection(groupId: string): Promise<string> {
    return jobIdOf(await this.call('POST', `${groupPath(groupId)}/action`, { body: { 'stop-server-group': {} } }));
  }

  // ---------------------------------------------------------------- replication pairs

  /** `POST /replications` → job id (the job's `entities.replication_pair_id` is the new pair). */
  public async createReplication(pair: SdrsCreateReplication): Promise<string> {
    return jobIdOf(await this.call('POST', '/replications', { body: { replication: pair } }));
  }

  /** `GET /replications` with filters, every page. An empty id list matches nothing (no request is sent). */
  public async listReplications(options: ListSdrsReplicationsOptions = {}): Promise<SdrsReplication[]> {
    if (options.serverGroupIds?.length === 0 || options.protectedInstanceIds?.length === 0) return [];
    return this.list<SdrsReplication>('/replications', 'replications', {
      server_group_id: options.serverGroupId,
      server_group_ids: idListFilter(options.serverGroupIds, 'serverGroupIds'),
      protected_instance_id: options.protectedInstanceId,
      protected_instance_ids: idListFilter(options.protectedInstanceIds, 'protectedInstanceIds'),
      name: options.name,
      status: options.status,
      query_type: options.queryType,
      availability_zone: options.availabilityZone,
    });
  }

  /** `GET /replications/{id}`; undefined when it does not exist. */
  public async getReplication(replicationId: string): Promise<SdrsReplication | undefined> {
    return this.getOrGone<SdrsReplication>(replicationPath(replicationId), 'replication');
  }

  /** `PUT /replications/{id}` `{"replication":{"name"}}` → the renamed pair (the description cannot be changed). */
  public async renameReplication(replicationId: string, name: string): Promise<SdrsReplication> {
    requireId(name, 'name');
    return entityOf(await this.call('PUT', replicationPath(replicationId), { body: { replication: { name } } }), 'replication', 'PUT');
  }

  /** `POST /replications/{id}/action {"extend-replication":{"new_size"}}` (GB; both volumes grow) → job id. */
  public async expandReplication(replicationId: string, newSizeGb: number): Promise<string> {
    if (!Number.isInteger(newSizeGb) || newSizeGb < 1) throw new TypeError(`newSizeGb must be a positive integer (GB), got ${String(newSizeGb)}`);
    return jobIdOf(await this.call('POST', `${replicationPath(replicationId)}/action`, { body: { 'extend-replication': { new_size: newSizeGb } } }));
  }

  /**
   * `DELETE /replications/{id}` with `{"replication":{server_group_id, delete_target_volume}}` → job id; undefined when
   * the pair was already gone. `delete_target_volume` is always sent (false unless asked): the DR-site volume is kept.
   */
  public async deleteReplication(replicationId: string, options: DeleteSdrsReplicationOptions = {}): Promise<string | undefined> {
    const replication = { ...(options.serverGroupId !== undefined ? { server_group_id: options.serverGroupId } : {}), delete_target_volume: options.deleteTargetVolume === true };
    return this.jobOrGone('DELETE', replicationPath(replicationId), { replication });
  }

  // ---------------------------------------------------------------- protected instances

  /** `POST /protected-instances` → job id (the job's `entities.protected_instance_id` is the new instance). */
  public async createProtectedInstance(instance: SdrsCreateProtectedInstance): Promise<string> {
    return jobIdOf(await this.call('POST', '/protected-instances', { body: { protected_instance: instance } }));
  }

  /** `GET /protected-instances` with filters, every page. */
  public async listProtectedInstances(options: ListSdrsProtectedInstancesOptions = {}): Promise<SdrsProtectedInstance[]> {
    return this.list<SdrsProtectedInstance>('/protected-instances', 'protected_instances', { server_group_id: options.serverGroupId, name: options.name, status: options.status });
  }

  /** `GET /protected-instances/{id}`; undefined when it does not exist. */
  public async getProtectedInstance(instanceId: string): Promise<SdrsProtectedInstance | undefined> {
    return this.getOrGone<SdrsProtectedInstance>(instancePath(instanceId), 'protected_instance');
  }

  /** `PUT /protected-instances/{id}` `{"protected_instance":{"name"}}` → the renamed instance. */
  public async renameProtectedInstance(instanceId: string, name: string): Promise<SdrsProtectedInstance> {
    requireId(name, 'name');
    return entityOf(await this.call('PUT', instancePath(instanceId), { body: { protected_instance: { name } } }), 'protected_instance', 'PUT');
  }

  /**
   * `DELETE /protected-instances/{id}` with `{delete_target_server, delete_target_eip}` (both always sent, false
   * unless asked: the DR-site server and EIP are kept) → job id; undefined when the instance was already gone.
   */
  public async deleteProtectedInstance(instanceId: string, options: DeleteSdrsProtectedInstanceOptions = {}): Promise<string | undefined> {
    return this.jobOrGone('DELETE', instancePath(instanceId), { delete_target_server: options.deleteTargetServer === true, delete_target_eip: options.deleteTargetEip === true });
  }

  /** `POST /protected-instances/{id}/attachreplication` `{"replicationAttachment":{replication_id, device}}` → job id. */
  public async attachReplication(instanceId: string, replicationId: string, device: string): Promise<string> {
    requireId(replicationId, 'replicationId');
    requireId(device, 'device');
    const body = { replicationAttachment: { replication_id: replicationId, device } };
    return jobIdOf(await this.call('POST', `${instancePath(instanceId)}/attachreplication`, { body }));
  }

  /** `DELETE /protected-instances/{id}/detachreplication/{replication_id}` → job id; undefined when the instance or pair is gone. */
  public async detachReplication(instanceId: string, replicationId: string): Promise<string | undefined> {
    requireId(replicationId, 'replicationId');
    return this.jobOrGone('DELETE', `${instancePath(instanceId)}/detachreplication/${encodeURIComponent(replicationId)}`);
  }

  // ---------------------------------------------------------------- DR drills

  /**
   * `POST /disaster-recovery-drills` → job id (the job's `entities.disaster_recovery_drill_id` is the drill). Without
   * `drill_vpc_id` SDRS creates a drill VPC. It never touches production: the drill servers start from the DR-site copies.
   */
  public async createDrill(drill: SdrsCreateDrill): Promise<string> {
    return jobIdOf(await this.call('POST', '/disaster-recovery-drills', { body: { disaster_recovery_drill: drill } }));
  }

  /** `GET /disaster-recovery-drills` with filters, every page. */
  public async listDrills(options: ListSdrsDrillsOptions = {}): Promise<SdrsDrill[]> {
    const filters = { server_group_id: options.serverGroupId, name: options.name, status: options.status, drill_vpc_id: options.drillVpcId };
    return this.list<SdrsDrill>('/disaster-recovery-drills', 'disaster_recovery_drills', filters);
  }

  /** `GET /disaster-recovery-drills/{id}`; undefined when it does not exist. */
  public async getDrill(drillId: string): Promise<SdrsDrill | undefined> {
    return this.getOrGone<SdrsDrill>(drillPath(drillId), 'disaster_recovery_drill');
  }

  /** `PUT /disaster-recovery-drills/{id}` `{"disaster_recovery_drill":{"name"}}` → the renamed drill. */
  public async renameDrill(drillId: string, name: string): Promise<SdrsDrill> {
    requireId(name, 'name');
    return entityOf(await this.call('PUT', drillPath(drillId), { body: { disaster_recovery_drill: { name } } }), 'disaster_recovery_drill', 'PUT');
  }

  /** `DELETE /disaster-recovery-drills/{id}` → job id; undefined when the drill was already gone. The drill VPC is kept. */
  public async deleteDrill(drillId: string): Promise<string | undefined> {
    return this.jobOrGone('DELETE', drillPath(drillId));
  }

  // ---------------------------------------------------------------- jobs

  /** `GET /jobs/{job_id}`. */
  public async getJob(jobId: string): Promise<SdrsJob> {
    return jobOf(await this.call('GET', jobPath(jobId)), jobId);
  }

  /**
   * Poll `GET /jobs/{job_id}` until SUCCESS (→ the job, whose `entities` name what it made; see `jobEntity`).
   * @throws TaskFailedError on FAIL (message "<error_code>: <fail_reason>"), WaitTimeoutError, WaitAbortedError, or an ApiError of a poll.
   */
  public async waitForJob(jobId: string, options: SdrsWaitOptions): Promise<SdrsJob> {
    requireId(jobId, 'jobId');
    const job = { id: jobId, get: () => this.getJob(jobId), observe: observeSdrsJob, describe: (last: SdrsJob | undefined) => describeSdrsJob(jobId, last), path: this.projectPath(jobPath(jobId)), noun: 'job' };
    return this.core.waitForTask<SdrsJob>(job, options);
  }

  // ---------------------------------------------------------------- servers and disks (ECS and EVS)

  /**
   * ECS `GET /v1/{project_id}/cloudservers/detail`, every page: the project's servers. On Huawei Cloud this is the
   * region's ECS endpoint (a client built with it), not the SDRS one. Its `offset` is a page number (1 = the first).
   */
  public async listCloudServers(options: ListSdrsCloudServersOptions = {}): Promise<SdrsCloudServer[]> {
    return collectOffsetPages<SdrsCloudServer>({
      what: 'servers',
      limit: this.pageSize,
      fetch: async (offset, limit) => {
        const query = { name: options.name, status: options.status, offset: Math.floor(offset / limit) + 1, limit };
        return readPage<SdrsCloudServer>(await this.core.send({ method: 'GET', path: this.projectPath('/cloudservers/detail'), query }), 'servers', offset, limit);
      },
    });
  }

  /**
   * EVS `GET /v2/{project_id}/cloudvolumes/detail`, every page: the project's disks. On Huawei Cloud this is the
   * region's EVS endpoint (a client built with it), not the SDRS one.
   */
  public async listCloudVolumes(options: ListSdrsCloudVolumesOptions = {}): Promise<SdrsCloudVolume[]> {
    const filters = { name: options.name, availability_zone: options.availabilityZone, status: options.status };
    const path = `/v2/${encodeURIComponent(this.projectId)}/cloudvolumes/detail`;
    return collectOffsetPages<SdrsCloudVolume>({
      what: 'disks',
      limit: this.pageSize,
      fetch: async (offset, limit) => readPage<SdrsCloudVolume>(await this.core.send({ method: 'GET', path, query: { ...filters, offset, limit } }), 'volumes', offset, limit),
    });
  }

  // ---------------------------------------------------------------- internals

  private projectPath(path: string): string {
    return `/v1/${encodeURIComponent(this.projectId)}${path}`;
  }

  /** One request under `/v1/{project_id}`; a 401 names the authentication used and what to check. */
  private async call(method: HttpMethod, path: string, extra: { query?: Record<string, QueryValue>; body?: unknown } = {}): Promise<HttpResponse> {
    return this.core.send({ method, path: this.projectPath(path), ...extra });
  }

  private async getOrGone<T>(path: string, key: string): Promise<T | undefined> {
    try {
      return entityOf<T>(await this.call('GET', path), key, 'GET');
    } catch (err) {
      if (isNotFoundError(err)) return undefined;
      throw err;
    }
  }

  private async jobOrGone(method: HttpMethod, path: string, body?: unknown): Promise<string | undefined> {
    try {
      return jobIdOf(await this.call(method, path, body === undefined ? {} : { body }));
    } catch (err) {
      if (isNotFoundError(err)) return undefined;
      throw err;
    }
  }

  private async list<T>(path: string, key: string, filters: Record<string, QueryValue>): Promise<T[]> {
    return collectOffsetPages<T>({
      what: key.replace(/_/g, ' '),
      limit: this.pageSize,
      fetch: async (offset, limit) => readPage<T>(await this.call('GET', path, { query: { ...filters, offset, limit } }), key, offset, limit),
    });
  }
}

// ------------------------------------------------------------------ helpers (module-private)

/** The credentials' headers or signature, and what to check when the API refuses them (naming no secret). */
interface Auth extends Pick<VendorHttp, 'headers' | 'sign'> {
  readonly description: string;
}

function authOf(credentials: SdrsCredentials): Auth {
  if ('token' in credentials) {
    requireId(credentials.token, 'credentials.token');
    return { headers: { [SDRS_TOKEN_HEADER]: credentials.token }, description: 'X-Auth-Token refused: check that the IAM token is valid, not expired and scoped to this project' };
  }
  requireId(credentials.accessKey, 'credentials.accessKey');
  requireId(credentials.secretKey, 'credentials.secretKey');
  const keys = { accessKey: credentials.accessKey, secretKey: credentials.secretKey };
  return {
    sign: (request, now) => ({ ...signRequest(request, keys, now) }),
    description: `AK/SK signature of access key ${credentials.accessKey} refused: check the secret key, and this machine's clock (X-Sdk-Date must be within 15 minutes of the server's)`,
  };
}

/** A 401 names the authentication used and what to check. */
function rejectedError(err: ApiError, authDescription: string): ApiAuthenticationError {
  const code = err.errorCode !== undefined ? ` ${err.errorCode}` : '';
  const text = err.serverMessage !== undefined ? `: ${err.serverMessage}` : '';
  return new ApiAuthenticationError(
    { status: err.status, method: err.method, url: err.url, errorCode: err.errorCode, serverMessage: err.serverMessage },
    `${err.method} ${pathOnly(err.url)} → 401${code}${text} (${authDescription})`,
  );
}

function sdrsBaseUrl(endpoint: string): string {
  return httpEndpoint(endpoint, 'https://sdrs.ap-southeast-1.myhuaweicloud.com');
}

/** `['id1','id2']`, the list form of the `*_ids` filters. */
function idListFilter(ids: readonly string[] | undefined, field: string): string | undefined {
  if (ids === undefined) return undefined;
  if (ids.length > MAX_IDS_FILTER) throw new TypeError(`${field} holds at most ${MAX_IDS_FILTER} ids, got ${ids.length}`);
  ids.forEach((id, i) => requireId(id, `${field}[${i}]`));
  return `[${ids.map((id) => `'${id}'`).join(',')}]`;
}

function groupPath(groupId: string): string {
  requireId(groupId, 'groupId');
  return `/server-groups/${encodeURIComponent(groupId)}`;
}

function replicationPath(replicationId: string): string {
  requireId(replicationId, 'replicationId');
  return `/replications/${encodeURIComponent(replicationId)}`;
}

function instancePath(instanceId: string): string {
  requireId(instanceId, 'instanceId');
  return `/protected-instances/${encodeURIComponent(instanceId)}`;
}

function drillPath(drillId: string): string {
  requireId(drillId, 'drillId');
  return `/disaster-recovery-drills/${encodeURIComponent(drillId)}`;
}

function jobPath(jobId: string): string {
  requireId(jobId, 'jobId');
  return `/jobs/${encodeURIComponent(jobId)}`;
}

/** `{"<key>": {...}}` → the object. */
function entityOf<T>(res: HttpResponse, key: string, method: HttpMethod): T {
  const inner = isRecord(res.data) ? res.data[key] : undefined;
  if (!isRecord(inner) || typeof inner['id'] !== 'string') throw invalidResponseError(res, method, `expected {"${key}": {"id": …}}`);
  return inner as T;
}

function jobIdOf(res: HttpResponse): string {
  const id = isRecord(res.data) ? res.data['job_id'] : undefined;
  if (typeof id !== 'string' || id === '') throw invalidResponseError(res, 'POST', 'expected {"job_id": "…"}');
  return id;
}

function jobOf(res: HttpResponse, jobId: string): SdrsJob {
  const data = res.data;
  if (!isRecord(data) || typeof data['status'] !== 'string') throw invalidResponseError(res, 'GET', `job ${jobId}: expected a job with "status"`);
  return data as SdrsJob;
}

/**
 * One page. `count` is not trusted to end the list (Huawei's provider reads until an empty page, and a `count` that
 * is the page's own size would stop the read after one page): a full page means more may follow, a short or empty
 * page ends the list.
 */
function readPage<T>(res: HttpResponse, key: string, offset: number, limit: number): OffsetPage<T> {
  const data = res.data;
  if (!isRecord(data) || !Array.isArray(data[key])) throw invalidResponseError(res, 'GET', `expected {"${key}": [...], "count": n}`);
  const items = data[key] as T[];
  return { items, total: items.length < limit ? offset + items.length : Number.MAX_SAFE_INTEGER };
}

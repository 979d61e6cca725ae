/**
 * VrClient: the typed client of the vSphere Replication REST API gateway (`/api/rest/vr/v2`).
 *
 * Endpoints called (relative to the base path; `{P}` = `/pairings/{pairing_id}`, `{VC}` = `{P}/vcenters/{vcenter_id}`):
 * @api POST   /session                                   (Basic; → session_id, sent as x-dr-session afterwards)
 * @api DELETE /session
 * @api POST   {P}/remote-session                         (x-dr-session + Basic remote credentials)
 * @api GET    /info
 * @api GET    /pairings
 * @api POST   /pairings
 * @api GET    {P}
 * @api DELETE {P}?force=
 * @api GET    {P}/vrs
 * @api GET    {P}/vrs/{vr_id}/replication-servers
 * @api GET    {VC}/vms?suitable_for_replication=&filter_property=name&filter=…
 * @api GET    {VC}/vms/{vm_id}/disks
 * @api GET    {VC}/vms/{vm_id}/capability
 * @api GET    {VC}/storage-policies
 * @api POST   {VC}/storage-policies/{storage_policy_id}/actions/check-compliance
 * @api GET    {VC}/datastores
 * @api POST   {VC}/datastores/{datastore_id}/actions/find-seeds
 * @api POST   {VC}/datastores/{datastore_id}/actions/browse
 * @api GET    {P}/replications?source_vc_guid=&extended_info=&filter_property=&filter=…
 * @api POST   {P}/replications                           (JSON array body → one task per spec)
 * @api GET    {P}/replications/issues                    (the current issues of the pairing's replications)
 * @api GET    {P}/replications/{replication_id}
 * @api DELETE {P}/replications/{replication_id}?retain_replica_disks=
 * @api POST   {P}/replications/{replication_id}/actions/reconfigure
 * @api POST   {P}/replications/{replication_id}/actions/pause
 * @api POST   {P}/replications/{replication_id}/actions/resume
 * @api POST   {P}/replications/{replication_id}/actions/sync
 * @api POST   {P}/replications/{replication_id}/actions/unconfigure?retain_replica_disks=
 * @api GET    {P}/replications/{replication_id}/disks
 * @api GET    /tasks
 * @api GET    /tasks/{task_id}
 *
 * Sessions (`../session.ts`): lazy login on the first call. On a 401 from any call but login itself the client logs in
 * again ONCE, recreates every remote session (the session's extensions, one per pairing) created so far, and retries
 * the call once; a second 401 is an ApiAuthenticationError. List methods follow `_meta.links.next.href` until it is
 * null and return every page (`../paging.ts`); a next link that is not under the API root (same origin, same base
 * path) is refused as an invalid response, never followed. Tasks are waited on with `../tasks.ts`.
 *
 * @public
 */
import { Buffer } from 'node:buffer';
import { SessionClientCore, SessionVendorClient, type ClientStats } from '../core/client-core';
import type { ClientConfig } from '../core/config';
import { httpEndpoint, isRecord, requireCredentials, requireId } from '../core/guards';
import { ApiAuthenticationError, ApiError, invalidResponseError, isNotFoundError, pathOnly } from '../http/errors';
import { type HttpResponse, type QueryValue } from '../http/http-client';
import { followNextLinks, type LinkedPage } from '../paging';
import type { SharedState } from '../shared-state';
import type { TaskWaitOptions } from '../tasks';
import type {
  ConfigureReplicationSpec,
  Datastore,
  DatastoreBrowserRequest,
  DatastoreBrowserResult,
  IssueInfo,
  Pairing,
  PairingSpec,
  ReconfigureReplicationSpec,
  ReplicatedVmDisk,
  ReplicationInfo,
  ReplicationServerInfo,
  StoragePolicy,
  StoragePolicyComplianceCheckData,
  Task,
  VirtualMachine,
  VmCapabilities,
  VmDisk,
  VmDiskFindSeedSpec,
  VmDiskSeedInformation,
  VrCredentials,
  VrmsInfo,
} from './types';
import { describeVrTask, observeVrTask, VR_SESSION_HEADER, vrProfile } from './profile';
import { replicationRangeWarnings } from './ranges';
import { createCoalescer } from '../coalesce';

/** The REST gateway base path appended to the endpoint. @public */
export const VR_API_BASE_PATH = '/api/rest/vr/v2';

/** Options of `VrClient`. @public */
export interface VrClientOptions extends ClientConfig {
  /** Appliance base URL, e.g. `https://vr-a.example.local`; `/api/rest/vr/v2` is appended unless a `/api/rest/vr/vN` path is already there. */
  readonly endpoint: string;
  /** vCenter SSO user of the local site (e.g. administrator@vsphere.local). */
  readonly credentials: VrCredentials;
  /**
   * vCenter SSO user of the remote site, for `POST /pairings/{id}/remote-session`.
   * @default - the same as `credentials`
   */
  readonly remoteCredentials?: VrCredentials;
  /**
   * Share the session, remote sessions and inventory lists with other processes (see `shared-state.ts`).
   * With it, `logout()` keeps the shared session open for the others.
   * @default - this client logs in on its own and lists inventory every time
   */
  readonly shared?: SharedState;
  /**
   * Receives, once per client, each message of `replicationRangeWarnings` for a replication read from the server
   * (`getReplication`, `listReplications`) whose RPO or point-in-time retention lies outside the API's ranges.
   * The value is still returned as the server sent it.
   * @default - no warnings reported
   */
  readonly onWarning?: (message: string) => void;
  /**
   * Lookups of one VM (`findReplicationsOfVm`, `findSuitableVms`) that arrive while another on the same pairing is in
   * flight share the next list request, filtered on all their names or ids (the native provider serves many creates
   * at once in one process). A lone lookup is never delayed.
   * @default false - every lookup is its own request
   */
  readonly coalesceLookups?: boolean;
}

/** A VM named by id or by name, as specs name it. @public */
export interface VmRef {
  readonly id: string | null;
  readonly name: string | null;
}

/** Options of the inventory lists that may come from the shared cache. @public */
export interface CachedListOptions {
  /** Bypass (and refresh) the shared cache, e.g. after a cached list proved stale. */
  readonly fresh?: boolean;
}

/** Options of `waitForTask` (the same for every vendor). @public */
export type WaitForTaskOptions = TaskWaitOptions;

/** Filters of `listVms`. @public */
export interface ListVmsOptions {
  /**
   * Only VMs that can be replicated (`suitable_for_replication`).
   * @default - parameter not sent (server default false)
   */
  readonly suitableForReplication?: boolean;
  /**
   * Exact VM names (OR). An empty array matches nothing (no request is sent).
   * @default - all VMs
   */
  readonly names?: readonly string[];
}

/** Filters of `listReplications`. Use one of `ids`, `vmIds` and `names`. @public */
export interface ListReplicationsOptions {
  /**
   * Only replications whose source vCenter has this GUID (`source_vc_guid`).
   * @default - all source vCenters
   */
  readonly sourceVcGuid?: string;
  /**
   * Ask for extended info (slower on the server).
   * @default - parameter not sent (server default false)
   */
  readonly extendedInfo?: boolean;
  /**
   * Only replications of these VM ids (`filter_property=vm_id`). An empty array matches nothing.
   * @default - all
   */
  readonly vmIds?: readonly string[];
  /**
   * Only replications with these names (`filter_property=name`). An empty array matches nothing.
   * @default - all
   */
  readonly names?: readonly string[];
  /**
   * Only the replications with these ids (`filter_property=id`: the API filters on any field). An empty array
   * matches nothing.
   * @default - all
   */
  readonly ids?: readonly string[];
}

/** Replica-disk choice for unconfigure / delete. Required: deleting replica data is never implicit. @public */
export interface RemoveReplicationOptions {
  /** Keep the replica disks on the target datastore (`retain_replica_disks`). */
  readonly retainReplicaDisks: boolean;
}

/** Options of `deletePairing`. @public */
export interface DeletePairingOptions {
  /**
   * Break the pairing on this side only, even when the other site is unreachable.
   * @default false
   */
  readonly force?: boolean;
}

/** Counters of a VrClient (the shape every vendor's client reports). @public */
export type VrClientStats = ClientStats;

/** Base URL of the gateway for an endpoint. @public */
export function vrBaseUrl(endpoint: string): string {
  const trimmed = httpEndpoint(endpoint, 'https://vr-a.example.local');
  if (/\/api\/rest\/vr\/v\d+$/.test(new URL(trimmed).pathname)) return trimmed;
  return `${trimmed}${VR_API_BASE_PATH}`;
}

/** A local (ROBO) pairing: both sides are the same vCenter, so no remote session is needed. @public */
export function isLocalPairing(pairing: Pairing): boolean {
  const local = pairing.local_vc_server?.id;
  const remote = pairing.remote_vc_server?.id;
  return local !== undefined && local !== '' && local === remote;
}

/** The typed VR client. @public */
export class VrClient extends SessionVendorClient {
  private readonly shared?: SharedState;
  private readonly onWarning?: (message: string) => void;
  private readonly warned = new Set<string>();
  private readonly replicationLookup: (group: string, key: string) => Promise<readonly ReplicationInfo[]>;
  private readonly vmLookup: (group: string, key: string) => Promise<readonly VirtualMachine[]>;

  constructor(options: VrClientOptions) {
    requireCredentials(options.credentials, 'credentials');
    if (options.remoteCredentials !== undefined) requireCredentials(options.remoteCredentials, 'remoteCredentials');
    const credentials = options.credentials;
    const remoteCredentials = options.remoteCredentials ?? credentials;
    super(
      new SessionClientCore(options, { profile: vrProfile, baseUrl: vrBaseUrl }, {
        header: VR_SESSION_HEADER,
        username: credentials.username,
        login: {
          request: { path: '/session', headers: { authorization: basicAuth(credentials) } },
          tokenOf: sessionIdFrom,
          noToken: 'the login answer has no session_id',
          rejected: (err, baseUrl) => loginRejectedError(err, baseUrl, credentials.username),
        },
        logoutPath: '/session',
        rejectedAgainCheck: 'the user’s privileges',
        extension: {
          request: (pairingId) => ({ path: `${pairingPath(pairingId)}/remote-session`, headers: { authorization: basicAuth(remoteCredentials) } }),
          rejected: (pairingId, err) => remoteAuthError(pairingId, err, remoteCredentials.username),
        },
        shared: options.shared,
      }),
    );
    this.shared = options.shared;
    this.onWarning = options.onWarning;
    const coalesce = { enabled: options.coalesceLookups === true };
    this.replicationLookup = createCoalescer((group, keys) => this.listReplicationsByGroup(group, keys), coalesce);
    this.vmLookup = createCoalescer((group, keys) => {
      const [pairingId, vcId] = JSON.parse(group) as [string, string];
      return this.listVms(pairingId, vcId, { suitableForReplication: true, names: keys });
    }, coalesce);
  }

  /** True when lists may come from the cache shared with other processes (a miss is worth a fresh look). */
  public get sharesState(): boolean {
    return this.shared !== undefined;
  }

  // ---------------------------------------------------------------- session

  /** `POST /pairings/{id}/remote-session` with the session AND the remote Basic credentials. Remembered for re-login. */
  public async createRemoteSession(pairingId: string): Promise<void> {
    requireId(pairingId, 'pairingId');
    return this.core.session.extend(pairingId);
  }

  /** Create the remote session of this pairing unless it is local (ROBO) or already exists. */
  public async ensureRemoteSession(pairing: Pairing): Promise<void> {
    if (isLocalPairing(pairing)) return;
    const id = pairing.pairing_id;
    if (id === undefined || id === '') throw new TypeError('ensureRemoteSession: the pairing has no pairing_id');
    return this.core.session.ensureExtension(id);
  }

  /** Pairing ids with a remote session on the current session. */
  public get remoteSessionPairings(): readonly string[] {
    return this.core.session.extensions;
  }

  // ---------------------------------------------------------------- server and pairings

  /** `GET /info`. */
  public async getInfo(): Promise<VrmsInfo> {
    return entity<VrmsInfo>(await this.core.send({ method: 'GET', path: '/info' }), 'VR server info');
  }

  /** `GET /pairings` (all pages). */
  public async listPairings(options: CachedListOptions = {}): Promise<Pairing[]> {
    return this.cachedList(PAIRINGS_LIST, options, () => this.listAll<Pairing>('/pairings', undefined, 'pairings'));
  }

  /** `GET /pairings/{id}`; 404 → ApiNotFoundError. */
  public async getPairing(pairingId: string): Promise<Pairing> {
    requireId(pairingId, 'pairingId');
    return entity<Pairing>(await this.core.send({ method: 'GET', path: pairingPath(pairingId) }), `pairing ${pairingId}`);
  }

  /** `POST /pairings` → task. */
  public async createPairing(spec: PairingSpec): Promise<Task> {
    const res = await this.core.send({ method: 'POST', path: '/pairings', body: spec });
    this.shared?.forget(PAIRINGS_LIST);
    return parseTask(res, 'create pairing');
  }

  /** `DELETE /pairings/{id}?force=` → task. Forgets the pairing (see `forgetPairing`) once the server accepted it. */
  public async deletePairing(pairingId: string, options: DeletePairingOptions = {}): Promise<Task> {
    requireId(pairingId, 'pairingId');
    const res = await this.core.send({ method: 'DELETE', path: pairingPath(pairingId), query: { force: options.force ?? false } });
    await this.forgetPairing(pairingId);
    return parseTask(res, `delete pairing ${pairingId}`);
  }

  /**
   * Forget a deleted pairing: the pairing list shared with other processes (a cached list would still name it for
   * two minutes) and its remote session (a re-login would try to create it again). Call it again when the delete
   * task ends: another process may have listed the pairing while the task ran.
   */
  public async forgetPairing(pairingId: string): Promise<void> {
    this.shared?.forget(PAIRINGS_LIST);
    await this.core.session.dropExtension(pairingId);
  }

  /** `GET {P}/vrs`: the local and remote VRMS of the pairing. */
  public async listVrs(pairingId: string): Promise<VrmsInfo[]> {
    requireId(pairingId, 'pairingId');
    return this.listAll<VrmsInfo>(`${pairingPath(pairingId)}/vrs`, undefined, 'VR management servers');
  }

  /** `GET {P}/vrs/{vr_id}/replication-servers`. */
  public async listReplicationServers(pairingId: string, vrId: string): Promise<ReplicationServerInfo[]> {
    requireId(pairingId, 'pairingId');
    requireId(vrId, 'vrId');
    return this.listAll<ReplicationServerInfo>(`${pairingPath(pairingId)}/vrs/${enc(vrId)}/replication-servers`, undefined, 'replication servers');
  }

  // ---------------------------------------------------------------- inventory

  /** `GET {VC}/vms?suitable_for_replication=…&filter_property=name&filter=a&filter=b`. */
  public async listVms(pairingId: string, vcId: string, options: ListVmsOptions = {}): Promise<VirtualMachine[]> {
    if (options.names !== undefined && options.names.length === 0) return [];
    const query: Record<string, QueryValue> = { suitable_for_replication: options.suitableForReplication, ...filterQuery('name', options.names) };
    return this.listAll<VirtualMachine>(`${vcPath(pairingId, vcId)}/vms`, query, 'virtual machines');
  }

  /** `GET {VC}/vms/{vm_id}/disks`. */
  public async getVmDisks(pairingId: string, vcId: string, vmId: string): Promise<VmDisk[]> {
    requireId(vmId, 'vmId');
    return this.listAll<VmDisk>(`${vcPath(pairingId, vcId)}/vms/${enc(vmId)}/disks`, undefined, `disks of VM ${vmId}`);
  }

  /** `GET {VC}/vms/{vm_id}/capability`. */
  public async getVmCapability(pairingId: string, vcId: string, vmId: string): Promise<VmCapabilities> {
    requireId(vmId, 'vmId');
    const res = await this.core.send({ method: 'GET', path: `${vcPath(pairingId, vcId)}/vms/${enc(vmId)}/capability` });
    return entity<VmCapabilities>(res, `capability of VM ${vmId}`);
  }

  /** `GET {VC}/storage-policies`. */
  public async listStoragePolicies(pairingId: string, vcId: string, options: CachedListOptions = {}): Promise<StoragePolicy[]> {
    const path = `${vcPath(pairingId, vcId)}/storage-policies`;
    return this.cachedList(path, options, () => this.listAll<StoragePolicy>(path, undefined, 'storage policies'));
  }

  /** `POST {VC}/storage-policies/{id}/actions/check-compliance` with a JSON array of datastore ids. */
  public async checkStoragePolicyCompliance(
    pairingId: string,
    vcId: string,
    policyId: string,
    datastoreIds: readonly string[],
  ): Promise<StoragePolicyComplianceCheckData[]> {
    requireId(policyId, 'policyId');
    datastoreIds.forEach((id, i) => requireId(id, `datastoreIds[${i}]`));
    const path = `${vcPath(pairingId, vcId)}/storage-policies/${enc(policyId)}/actions/check-compliance`;
    return listItems<StoragePolicyComplianceCheckData>(await this.core.send({ method: 'POST', path, body: [...datastoreIds] }), 'compliance results');
  }

  /** `GET {VC}/datastores` (VR-capable target datastores). */
  public async listDatastores(pairingId: string, vcId: string, options: CachedListOptions = {}): Promise<Datastore[]> {
    const path = `${vcPath(pairingId, vcId)}/datastores`;
    return this.cachedList(path, options, () => this.listAll<Datastore>(path, undefined, 'datastores'));
  }

  /** `POST {VC}/datastores/{id}/actions/find-seeds` with a JSON array of specs. */
  public async findSeeds(pairingId: string, vcId: string, datastoreId: string, specs: readonly VmDiskFindSeedSpec[]): Promise<VmDiskSeedInformation[]> {
    requireId(datastoreId, 'datastoreId');
    const path = `${vcPath(pairingId, vcId)}/datastores/${enc(datastoreId)}/actions/find-seeds`;
    return listItems<VmDiskSeedInformation>(await this.core.send({ method: 'POST', path, body: [...specs] }), 'seed information');
  }

  /** `POST {VC}/datastores/{id}/actions/browse`. */
  public async browseDatastore(pairingId: string, vcId: string, datastoreId: string, request: DatastoreBrowserRequest): Promise<DatastoreBrowserResult[]> {
    requireId(datastoreId, 'datastoreId');
    const path = `${vcPath(pairingId, vcId)}/datastores/${enc(datastoreId)}/actions/browse`;
    return listItems<DatastoreBrowserResult>(await this.core.send({ method: 'POST', path, body: request }), 'datastore browse results');
  }

  // ---------------------------------------------------------------- replications

  /** `GET {P}/replications` (all pages), optionally filtered by source VC, VM ids or names. */
  public async listReplications(pairingId: string, options: ListReplicationsOptions = {}): Promise<ReplicationInfo[]> {
    requireId(pairingId, 'pairingId');
    const filters = ([['id', options.ids], ['vm_id', options.vmIds], ['name', options.names]] as const).filter(([, values]) => values !== undefined);
    if (filters.length > 1) {
      throw new TypeError('listReplications: filter by one of ids, vmIds and names (the API filters on one property)');
    }
    const [filter] = filters;
    if (filter !== undefined && filter[1]?.length === 0) return [];
    const query: Record<string, QueryValue> = {
      source_vc_guid: options.sourceVcGuid,
      extended_info: options.extendedInfo,
      ...(filter !== undefined ? filterQuery(filter[0], filter[1]) : {}),
    };
    const replications = await this.listAll<ReplicationInfo>(`${pairingPath(pairingId)}/replications`, query, 'replications');
    replications.forEach((replication) => this.checkRanges(replication));
    return replications;
  }

  /** `GET {P}/replications/issues`: the current issues (warnings, errors) of the pairing's incoming and outgoing replications. */
  public async listReplicationIssues(pairingId: string): Promise<IssueInfo[]> {
    requireId(pairingId, 'pairingId');
    return this.listAll<IssueInfo>(`${pairingPath(pairingId)}/replications/issues`, undefined, 'replication issues');
  }

  /** The replications of one VM on a pairing, by its id or else its name (concurrent lookups may share one list). */
  public async findReplicationsOfVm(pairingId: string, vm: VmRef): Promise<ReplicationInfo[]> {
    requireId(pairingId, 'pairingId');
    const byId = vm.id !== null;
    const key = vm.id ?? vm.name ?? '';
    const all = await this.replicationLookup(JSON.stringify([pairingId, byId ? 'vm_id' : 'name']), key);
    return all.filter((r) => (byId ? r.vm_id === key : r.name === key));
  }

  /** The replication with this id on a pairing, or undefined (concurrent lookups may share one list filtered on their ids). */
  public async findReplicationById(pairingId: string, replicationId: string): Promise<ReplicationInfo | undefined> {
    requireId(pairingId, 'pairingId');
    requireId(replicationId, 'replicationId');
    const all = await this.replicationLookup(JSON.stringify([pairingId, 'id']), replicationId);
    return all.find((r) => r.id === replicationId);
  }

  /** The VMs suitable for replication with this name (concurrent lookups on the same vCenter may share one list). */
  public async findSuitableVms(pairingId: string, vcId: string, name: string): Promise<VirtualMachine[]> {
    const all = await this.vmLookup(JSON.stringify([pairingId, vcId]), name);
    return all.filter((vm) => vm.name === name);
  }

  private listReplicationsByGroup(group: string, keys: readonly string[]): Promise<ReplicationInfo[]> {
    const [pairingId, property] = JSON.parse(group) as [string, string];
    const filter = property === 'id' ? { ids: [...keys] } : property === 'vm_id' ? { vmIds: [...keys] } : { names: [...keys] };
    return this.listReplications(pairingId, filter);
  }

  /** `GET {P}/replications/{id}`; undefined when it does not exist (404). */
  public async getReplication(pairingId: string, replicationId: string): Promise<ReplicationInfo | undefined> {
    try {
      const res = await this.core.send({ method: 'GET', path: replicationPath(pairingId, replicationId) });
      return this.checkRanges(entity<ReplicationInfo>(res, `replication ${replicationId}`));
    } catch (err) {
      if (isNotFoundError(err)) return undefined;
      throw err;
    }
  }

  /** `POST {P}/replications` with a JSON ARRAY of specs → one task per spec, in order. */
  public async configureReplications(pairingId: string, specs: readonly ConfigureReplicationSpec[]): Promise<Task[]> {
    requireId(pairingId, 'pairingId');
    if (specs.length === 0) throw new TypeError('configureReplications: specs must contain at least one ConfigureReplicationSpec');
    const res = await this.core.send({ method: 'POST', path: `${pairingPath(pairingId)}/replications`, body: [...specs] });
    return listItems<unknown>(res, 'configure tasks').map((t) => toTask(t, res, 'configure task'));
  }

  /** `POST {P}/replications/{id}/actions/reconfigure` → task. */
  public async reconfigureReplication(pairingId: string, replicationId: string, spec: ReconfigureReplicationSpec): Promise<Task> {
    return this.replicationAction(pairingId, replicationId, 'reconfigure', spec);
  }

  /** `POST {P}/replications/{id}/actions/pause` → task. */
  public async pauseReplication(pairingId: string, replicationId: string): Promise<Task> {
    return this.replicationAction(pairingId, replicationId, 'pause');
  }

  /** `POST {P}/replications/{id}/actions/resume` → task. */
  public async resumeReplication(pairingId: string, replicationId: string): Promise<Task> {
    return this.replicationAction(pairingId, replicationId, 'resume');
  }

  /** `POST {P}/replications/{id}/actions/sync` → task. */
  public async syncReplication(pairingId: string, replicationId: string): Promise<Task> {
    return this.replicationAction(pairingId, replicationId, 'sync');
  }

  /** `POST {P}/replications/{id}/actions/unconfigure?retain_replica_disks=` → task (needs the remote site). */
  public async unconfigureReplication(pairingId: string, replicationId: string, options: RemoveReplicationOptions): Promise<Task> {
    return this.replicationAction(pairingId, replicationId, 'unconfigure', undefined, { retain_replica_disks: requireRetain(options) });
  }

  /** `DELETE {P}/replications/{id}?retain_replica_disks=` → task (local side only; works with the remote site down). */
  public async deleteReplication(pairingId: string, replicationId: string, options: RemoveReplicationOptions): Promise<Task> {
    const query = { retain_replica_disks: requireRetain(options) };
    const res = await this.core.send({ method: 'DELETE', path: replicationPath(pairingId, replicationId), query });
    return parseTask(res, `delete replication ${replicationId}`);
  }

  /** `GET {P}/replications/{id}/disks` (all pages). */
  public async getReplicatedDisks(pairingId: string, replicationId: string): Promise<ReplicatedVmDisk[]> {
    return this.listAll<ReplicatedVmDisk>(`${replicationPath(pairingId, replicationId)}/disks`, undefined, `disks of replication ${replicationId}`);
  }

  // ---------------------------------------------------------------- tasks

  /** `GET /tasks/{id}`; times are normalised to epoch milliseconds. */
  public async getTask(taskId: string): Promise<Task> {
    requireId(taskId, 'taskId');
    return parseTask(await this.core.send({ method: 'GET', path: `/tasks/${enc(taskId)}` }), `task ${taskId}`);
  }

  /** `GET /tasks` (recent tasks, all pages). */
  public async listTasks(): Promise<Task[]> {
    const res = await this.core.send({ method: 'GET', path: '/tasks' });
    const raw = await this.followPages(res, 'tasks');
    return raw.map((t) => toTask(t, res, 'task'));
  }

  /**
   * Poll `GET /tasks/{id}` with the generic waiter until SUCCESS (→ the task).
   * @throws TaskFailedError on ERROR / CANCELLED, WaitTimeoutError, WaitAbortedError, or an ApiError of a poll.
   */
  public async waitForTask(taskId: string, options: WaitForTaskOptions): Promise<Task> {
    requireId(taskId, 'taskId');
    const task = { id: taskId, get: () => this.getTask(taskId), observe: observeVrTask, describe: (last: Task | undefined) => describeVrTask(taskId, last), path: `/tasks/${enc(taskId)}` };
    return this.core.waitForTask<Task>(task, options);
  }

  // ---------------------------------------------------------------- internals

  /** Reports values outside the API's ranges (each message once per client); returns the replication unchanged. */
  private checkRanges(replication: ReplicationInfo): ReplicationInfo {
    if (this.onWarning === undefined) return replication;
    for (const message of replicationRangeWarnings(replication)) {
      if (this.warned.has(message)) continue;
      this.warned.add(message);
      this.onWarning(message);
    }
    return replication;
  }

  private async replicationAction(
    pairingId: string,
    replicationId: string,
    action: string,
    body?: unknown,
    query?: Record<string, QueryValue>,
  ): Promise<Task> {
    const res = await this.core.send({ method: 'POST', path: `${replicationPath(pairingId, replicationId)}/actions/${action}`, body, query });
    return parseTask(res, `${action} replication ${replicationId}`);
  }

  /** GET a list and follow `_meta.links.next.href` to the end. */
  private async listAll<T>(path: string, query: Record<string, QueryValue> | undefined, what: string): Promise<T[]> {
    const first = await this.core.send({ method: 'GET', path, query });
    return (await this.followPages(first, what)) as T[];
  }

  private async followPages(first: HttpResponse, what: string): Promise<unknown[]> {
    return followNextLinks({
      first,
      what,
      apiRoot: this.baseUrl,
      readPage: (res) => parseListPage(res, what),
      resolve: (path) => this.core.http.resolveUrl(path),
      fetch: (path) => this.core.send({ method: 'GET', path }),
    });
  }

  /** Lists that do not change during a deploy come from the shared cache when there is one. */
  private async cachedList<T>(name: string, options: CachedListOptions, load: () => Promise<T[]>): Promise<T[]> {
    if (this.shared === undefined) return load();
    if (options.fresh) this.shared.forget(name);
    return this.shared.cachedList(name, load);
  }
}

// ------------------------------------------------------------------ helpers (module-private)

/** The shared cache's name of the pairing list. */
const PAIRINGS_LIST = 'pairings';

function enc(id: string): string {
  return encodeURIComponent(id);
}

function pairingPath(pairingId: string): string {
  requireId(pairingId, 'pairingId');
  return `/pairings/${enc(pairingId)}`;
}

function vcPath(pairingId: string, vcId: string): string {
  requireId(vcId, 'vcId');
  return `${pairingPath(pairingId)}/vcenters/${enc(vcId)}`;
}

function replicationPath(pairingId: string, replicationId: string): string {
  requireId(replicationId, 'replicationId');
  return `${pairingPath(pairingId)}/replications/${enc(replicationId)}`;
}

function requireRetain(options: RemoveReplicationOptions | undefined): boolean {
  if (typeof options?.retainReplicaDisks !== 'boolean') {
    throw new TypeError('retainReplicaDisks must be true or false: say explicitly whether the replica disks are kept');
  }
  return options.retainReplicaDisks;
}

function basicAuth(c: VrCredentials): string {
  return `Basic ${Buffer.from(`${c.username}:${c.password}`, 'utf8').toString('base64')}`;
}

function filterQuery(property: string, values: readonly string[] | undefined): Record<string, QueryValue> {
  if (values === undefined) return {};
  return { filter_property: property, filter: values };
}

function sessionIdFrom(res: HttpResponse): string | undefined {
  if (isRecord(res.data) && typeof res.data['session_id'] === 'string' && res.data['session_id'] !== '') return res.data['session_id'];
  const header = res.headers['x-dr-session'];
  return header !== undefined && header !== '' ? header : undefined;
}

/** An entity envelope: the object itself plus `_meta` (dropped). */
function entity<T>(res: HttpResponse, what: string): T {
  if (!isRecord(res.data)) throw invalidResponseError(res, 'GET', `${what} is not a JSON object`);
  const { _meta: _ignored, ...rest } = res.data;
  void _ignored;
  return rest as T;
}

function parseListPage(res: HttpResponse, what: string): LinkedPage & { readonly items: unknown[] } {
  if (!isRecord(res.data)) throw invalidResponseError(res, 'GET', `${what}: expected {"list": [...]}`);
  const list = res.data['list'];
  if (list !== undefined && list !== null && !Array.isArray(list)) throw invalidResponseError(res, 'GET', `${what}: "list" is not an array`);
  const meta = res.data['_meta'];
  const links = isRecord(meta) ? meta['links'] : undefined;
  const next = isRecord(links) ? links['next'] : undefined;
  const href = isRecord(next) ? next['href'] : undefined;
  return { items: Array.isArray(list) ? (list as unknown[]) : [], next: typeof href === 'string' && href !== '' ? href : undefined };
}

/** Items of a single (POST) list answer. */
function listItems<T>(res: HttpResponse, what: string): T[] {
  return parseListPage(res, what).items as T[];
}

function parseTask(res: HttpResponse, what: string): Task {
  return toTask(res.data, res, what);
}

/** Check a task's shape and normalise its times (numbers or strings) to epoch milliseconds. */
function toTask(data: unknown, res: HttpResponse, what: string): Task {
  if (!isRecord(data) || typeof data['id'] !== 'string' || typeof data['status'] !== 'string') {
    throw invalidResponseError(res, 'GET', `${what}: expected a task with "id" and "status"`);
  }
  const { _meta: _ignored, ...task } = data;
  void _ignored;
  const out: Record<string, unknown> = { ...task, status: data['status'].toUpperCase() };
  for (const key of ['queued_time', 'start_time', 'complete_time']) {
    if (key in data) out[key] = parseTime(data[key]);
  }
  if (typeof data['progress'] === 'string' && data['progress'].trim() !== '') out['progress'] = Number(data['progress']);
  return out as Task;
}

/** Epoch ms from a number, a numeric string or an ISO date string; null when absent or unparseable. @internal */
export function parseTime(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value !== 'string' || value.trim() === '') return null;
  const text = value.trim();
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? null : ms;
}

/** The error for a refused `POST /session` (401/403). */
function loginRejectedError(err: ApiError, baseUrl: string, username: string): ApiAuthenticationError {
  return new ApiAuthenticationError(
    { status: err.status, method: 'POST', url: err.url, errorCode: err.errorCode, opId: err.opId, username },
    `login to ${baseUrl} as "${username}" was rejected (POST /session → ${err.status}): ` +
      'check the user name and password (a vCenter SSO user, e.g. administrator@vsphere.local)',
  );
}

/** The error for a remote session refused on a fresh session: the remote credentials are wrong. */
function remoteAuthError(pairingId: string, err: ApiError, username: string): ApiAuthenticationError {
  return new ApiAuthenticationError(
    { status: err.status, method: err.method, url: err.url, errorCode: err.errorCode, opId: err.opId, username },
    `the remote site of pairing ${pairingId} rejected the login of "${username}" ` +
      `(POST ${pathOnly(err.url)} → ${err.status}): check the remote credentials (a vCenter SSO user of the remote site)`,
  );
}

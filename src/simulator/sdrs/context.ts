/**
 * What every SDRS handler receives: the parsed request and the service context (state, clock, ids, task delay,
 * credentials), plus the lookups that answer the way SDRS does (an unknown group is 400 SDRS.1013, a pair
 * SDRS.1608, a protected instance SDRS.1320 — or the code the caller names) and the small helpers the handlers share (times, paging, the status
 * an object settles in).
 *
 * Endpoints served: none (shared by the sdrs/*.ts handlers).
 */
import type { SdrsProtectedInstance, SdrsReplication, SdrsServerGroup } from '../../../lib/client/sdrs/types';
import type { QueryValues, SimResponse } from '../core/http';
import type { IdGenerator, SimClock } from '../core/runtime';
import { groupNotFound, instanceNotFound, invalidParams, pairNotFound, SdrsApiError, type SdrsErrorShape } from './errors';
import type { SdrsState, SimSdrsServer, SimSdrsVolume } from './types';

export interface SdrsAccessKey {
  accessKey: string;
  secretKey: string;
}

export interface SdrsContext {
  state: SdrsState;
  clock: SimClock;
  ids: IdGenerator;
  taskDelayMs(): number;
  /** The AK/SK pairs whose signatures are accepted. */
  accessKeys: readonly SdrsAccessKey[];
  /** Tokens accepted in `X-Auth-Token` besides the issued ones (the fixed test token). */
  fixedTokens: readonly string[];
  /** Every token issued (secrets: for leak checks only). */
  issuedTokens: string[];
  /** What a list's `count` says: every match, or the items of the page. */
  listCount: 'matched' | 'page';
}

export interface SdrsRequest {
  operationId: string;
  params: Record<string, string>;
  query: QueryValues;
  body: unknown;
  /** From a matching fault rule: the job this request creates ends FAIL with this message. */
  taskError?: string;
}

export type SdrsHandler = (request: SdrsRequest, context: SdrsContext) => SimResponse;

/** `yyyy-MM-ddTHH:mm:ss.SSSZ`, as SDRS writes times. */
export const isoTime = (ms: number): string => new Date(ms).toISOString();

export function findGroup(context: SdrsContext, id: string): SdrsServerGroup {
  const group = context.state.groups.find((candidate) => candidate.id === id);
  if (!group) throw groupNotFound(id);
  return group;
}

export function findPair(context: SdrsContext, id: string, gone: (id: string) => SdrsApiError = pairNotFound): SdrsReplication {
  const pair = context.state.pairs.find((candidate) => candidate.id === id);
  if (!pair) throw gone(id);
  return pair;
}

export function findInstance(context: SdrsContext, id: string, gone: (id: string) => SdrsApiError = instanceNotFound): SdrsProtectedInstance {
  const instance = context.state.instances.find((candidate) => candidate.id === id);
  if (!instance) throw gone(id);
  return instance;
}

/** A production-site server (DR servers the simulator made are not offered). */
export function findServer(context: SdrsContext, id: string, shape: SdrsErrorShape): SimSdrsServer {
  const server = context.state.inventory.servers.find((candidate) => candidate.id === id && !candidate.dr);
  if (!server) throw invalidParams(`server_id ${id} does not exist in project ${context.state.inventory.project_id}.`, shape);
  return server;
}

/** A production-site volume (DR volumes the simulator made are not offered). */
export function findVolume(context: SdrsContext, id: string, shape: SdrsErrorShape): SimSdrsVolume {
  const volume = context.state.inventory.volumes.find((candidate) => candidate.id === id && !candidate.dr);
  if (!volume) throw invalidParams(`volume_id ${id} does not exist in project ${context.state.inventory.project_id}.`, shape);
  return volume;
}

/** The status a group's pairs and instances rest in: `protected` while protection runs, else `available`. */
export function restingStatus(group: SdrsServerGroup): 'protected' | 'available' {
  return group.status === 'protected' ? 'protected' : 'available';
}

export function queryValue(request: SdrsRequest, name: string): string | undefined {
  const value = request.query[name];
  return Array.isArray(value) ? value[0] : value;
}

/** `offset`/`limit` (default 0 and 1000) applied to everything that matched; `count` as the service is told to say it. */
export function page<T>(request: SdrsRequest, items: readonly T[], listCount: SdrsContext['listCount'] = 'matched'): { items: T[]; count: number } {
  const offset = Number(queryValue(request, 'offset') ?? 0);
  const limit = Number(queryValue(request, 'limit') ?? 1000);
  const slice = items.slice(offset, offset + limit);
  return { items: slice, count: listCount === 'page' ? slice.length : items.length };
}

/** The request body's object under `key` (the contract validated it already). */
export function bodyObject(request: SdrsRequest, key: string): Record<string, unknown> {
  const body = request.body;
  if (typeof body !== 'object' || body === null) return {};
  const inner = (body as Record<string, unknown>)[key];
  return typeof inner === 'object' && inner !== null ? (inner as Record<string, unknown>) : {};
}

export const stringOf = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

const NAME_MAX_BYTES = 64;

/**
 * The `name` of a create or rename body. The contract checks its characters (Chinese, letters, digits, `.` `_` `-`)
 * and its 64 characters; SDRS counts 64 bytes (UTF-8), which JSON Schema cannot say: over that is 400 SDRS.0202.
 */
export function nameOf(fields: Record<string, unknown>, shape: SdrsErrorShape): string {
  const name = stringOf(fields.name) ?? '';
  const bytes = Buffer.byteLength(name, 'utf8');
  if (bytes > NAME_MAX_BYTES) throw new SdrsApiError(400, 'SDRS.0202', `Invalid name: ${name} is ${bytes} bytes (UTF-8); at most ${NAME_MAX_BYTES}.`, shape);
  return name;
}

/** Applies a rename body `{<key>: {name}}` (the only field SDRS renames in place) and answers the object under `key`. */
export function renameAndAnswer<T extends { name: string; updated_at?: string }>(request: SdrsRequest, context: SdrsContext, key: string, object: T, view: (object: T) => unknown = (same) => same): SimResponse {
  object.name = nameOf(bodyObject(request, key), key === 'server_group' ? 'nested' : 'flat');
  object.updated_at = isoTime(context.clock.now());
  return { status: 200, body: { [key]: view(object) } };
}

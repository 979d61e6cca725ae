/**
 * VR response envelopes and the list parameters every list endpoint shares:
 * `filter_property` + repeatable `filter` (OR), `sort_by` + `order_by` (direction), `limit` (default 100) and
 * `offset`, with `_meta.links.{self,next,previous}.href` as full URLs (`null` when absent, like the real server).
 *
 * Endpoints served: none (helpers for every list/entity endpoint).
 */
import { isRecord, type QueryValues, type SimResponse } from '../core/http';
import { badRequest } from './errors';

export type { QueryValues };

export const DEFAULT_PAGE_SIZE = 100;

interface HrefLink {
  href: string;
}

export interface ListMeta {
  errors: unknown[];
  total: number;
  offset: number;
  limit: number;
  links: { self: HrefLink; next: HrefLink | null; previous: HrefLink | null };
}

export interface ListEnvelope<T> {
  list: T[];
  _meta: ListMeta;
}

/** Where the current request came from, to build pagination links. */
export interface RequestLocation {
  /** e.g. http://127.0.0.1:1234/api/rest/vr/v2/pairings/…/vms */
  absolutePath: string;
  query: QueryValues;
}

export function firstValue(query: QueryValues, name: string): string | undefined {
  const value = query[name];
  return Array.isArray(value) ? value[0] : value;
}

export function allValues(query: QueryValues, name: string): string[] {
  const value = query[name];
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

export function booleanQuery(query: QueryValues, name: string, fallback = false): boolean {
  const raw = firstValue(query, name);
  if (raw === undefined || raw === '') return fallback;
  if (raw === 'true') return true;
  if (raw === 'false') return false;
  throw badRequest('VR.INVALID_PARAMETER', `Query parameter '${name}' must be true or false, got '${raw}'.`);
}

function nonNegativeIntegerQuery(query: QueryValues, name: string, fallback: number): number {
  const raw = firstValue(query, name);
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) {
    throw badRequest('VR.INVALID_PARAMETER', `Query parameter '${name}' must be a non-negative integer, got '${raw}'.`);
  }
  return Number(raw);
}

export function readPath(item: unknown, dottedPath: string): unknown {
  let current: unknown = item;
  for (const key of dottedPath.split('.')) {
    if (!isRecord(current)) return undefined;
    current = current[key];
  }
  return current;
}

function applyFilter<T>(items: T[], query: QueryValues): T[] {
  const property = firstValue(query, 'filter_property');
  const wanted = allValues(query, 'filter');
  if (!property || wanted.length === 0) return items;
  return items.filter((item) => {
    const value = readPath(item, property);
    return value !== undefined && value !== null && wanted.includes(String(value));
  });
}

const DIRECTIONS: Record<string, 1 | -1> = { asc: 1, ascending: 1, desc: -1, descending: -1 };

function compareValues(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a ?? '').localeCompare(String(b ?? ''));
}

function applySort<T>(items: T[], query: QueryValues): T[] {
  const sortBy = firstValue(query, 'sort_by');
  const orderBy = firstValue(query, 'order_by');
  if (orderBy !== undefined && !sortBy) {
    throw badRequest('VR.INVALID_PARAMETER', "Query parameter 'order_by' must be used with 'sort_by'.");
  }
  if (!sortBy) return items;
  const direction = orderBy === undefined ? 1 : DIRECTIONS[orderBy.toLowerCase()];
  if (direction === undefined) {
    throw badRequest(
      'VR.INVALID_PARAMETER',
      `Query parameter 'order_by' must be one of asc, ascending, desc, descending, got '${orderBy}'.`,
    );
  }
  return [...items].sort((a, b) => direction * compareValues(readPath(a, sortBy), readPath(b, sortBy)));
}

function linkTo(location: RequestLocation, offset: number, limit: number): HrefLink {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(location.query)) {
    if (name === 'limit' || name === 'offset') continue;
    for (const single of Array.isArray(value) ? value : [value]) params.append(name, single);
  }
  params.set('limit', String(limit));
  params.set('offset', String(offset));
  return { href: `${location.absolutePath}?${params.toString()}` };
}

/** Filters, sorts and pages `items` according to the standard list parameters. */
export function listEnvelope<T>(items: T[], location: RequestLocation): ListEnvelope<T> {
  const limit = nonNegativeIntegerQuery(location.query, 'limit', DEFAULT_PAGE_SIZE);
  const offset = nonNegativeIntegerQuery(location.query, 'offset', 0);
  const selected = applySort(applyFilter(items, location.query), location.query);
  const page = limit === 0 ? [] : selected.slice(offset, offset + limit);
  const hasNext = limit > 0 && offset + limit < selected.length;
  return {
    list: page,
    _meta: {
      errors: [],
      total: selected.length,
      offset,
      limit,
      links: {
        self: linkTo(location, offset, limit),
        next: hasNext ? linkTo(location, offset + limit, limit) : null,
        previous: offset > 0 ? linkTo(location, Math.max(0, offset - limit), limit) : null,
      },
    },
  };
}

export function listResponse<T>(items: T[], location: RequestLocation, status = 200): SimResponse {
  return { status, body: listEnvelope(items, location) };
}

/** Entity envelope: the fields at the top level plus `_meta: {errors: []}`. */
export function entityResponse(entity: object, status = 200): SimResponse {
  return { status, body: { ...entity, _meta: { errors: [] } } };
}

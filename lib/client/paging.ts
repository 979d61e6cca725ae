/**
 * Reading every page of a list, in the two styles the vendors use:
 * - `followNextLinks`: each page names the next one (VR `_meta.links.next.href`). The link's path and query are
 *   followed on the configured origin, whatever host the link names: an appliance behind a reverse proxy, NAT address
 *   or DNS alias names its own address, which the client may not reach, and the session must never go to a host
 *   nobody configured. A link is followed only when its path stays under the API root and was not read before:
 *   anything else would send the session to a URL nobody chose, or loop forever;
 * - `collectOffsetPages`: `offset`/`limit` queries answered with `{items, total}` (VCDA).
 *
 * Calls no endpoint itself: the caller's `fetch` does.
 *
 * @public
 */
import { invalidResponseError, redactUrl } from './http/errors';
import type { HttpResponse } from './http/http-client';

/** Safety net against a server whose pages never end. @internal */
export const MAX_PAGES = 10_000;

/** One page of a linked list. @public */
export interface LinkedPage {
  readonly items: readonly unknown[];
  /** The next page's link, absent on the last page. */
  readonly next?: string;
}

/** Options of `followNextLinks`. @public */
export interface FollowNextLinksOptions {
  /** The answer to the first GET. */
  readonly first: HttpResponse;
  /** What is listed, for messages ("datastores"). */
  readonly what: string;
  /** The API root every link must stay under, e.g. https://vr-a.example.local/api/rest/vr/v2. */
  readonly apiRoot: string;
  /** Items and next link of one answer; throws when the answer is not a page. */
  readonly readPage: (response: HttpResponse) => LinkedPage;
  /** The absolute URL a path leads to on the configured origin (`HttpClient.resolveUrl`), to notice a loop. */
  readonly resolve: (path: string) => string;
  /** GET the path and query of a next link on the configured origin. */
  readonly fetch: (path: string) => Promise<HttpResponse>;
  /** @default MAX_PAGES */
  readonly maxPages?: number;
}

/** Every item of every page, in order. @public */
export async function followNextLinks(options: FollowNextLinksOptions): Promise<unknown[]> {
  const maxPages = options.maxPages ?? MAX_PAGES;
  const items: unknown[] = [];
  const seen = new Set<string>([options.first.url]);
  let response = options.first;
  for (;;) {
    const page = options.readPage(response);
    items.push(...page.items);
    if (page.next === undefined) return items;
    const path = pathUnderApiRoot(page.next, options.apiRoot);
    if (path === undefined) {
      throw invalidResponseError(
        response,
        'GET',
        `the paging link _meta.links.next.href of ${options.what} is not under the API root ${options.apiRoot}: ${JSON.stringify(redactUrl(page.next))}`,
      );
    }
    const nextUrl = options.resolve(path);
    if (seen.has(nextUrl) || seen.size >= maxPages) {
      throw invalidResponseError(response, 'GET', `the next-page link of ${options.what} loops back to a page already read (${page.next})`);
    }
    seen.add(nextUrl);
    response = await options.fetch(path);
  }
}

/**
 * The path and query of a link whose path (dot segments resolved) lies under the API root's path, on any host;
 * `undefined` for anything else (the spec's example value "string", a relative path, another API version, a path
 * that climbs out of the root).
 * @public
 */
export function pathUnderApiRoot(href: string, apiRoot: string): string | undefined {
  const root = new URL(apiRoot);
  if (!/^https?:\/\//i.test(href) && !href.startsWith('/')) return undefined;
  let target: URL;
  try {
    target = new URL(href, root.origin);
  } catch {
    return undefined;
  }
  if (!target.pathname.startsWith(`${root.pathname.replace(/\/+$/, '')}/`)) return undefined;
  return `${target.pathname}${target.search}`;
}

/** True when `pathUnderApiRoot` accepts the link. @public */
export function isUnderApiRoot(href: string, apiRoot: string): boolean {
  return pathUnderApiRoot(href, apiRoot) !== undefined;
}

/** One page of an offset/limit list. @public */
export interface OffsetPage<T> {
  readonly items: readonly T[];
  /** How many items the whole list holds. */
  readonly total: number;
}

/** Options of `collectOffsetPages`. @public */
export interface CollectOffsetPagesOptions<T> {
  /** What is listed, for messages. */
  readonly what: string;
  /** Items asked for per page. */
  readonly limit: number;
  /** Read the page starting at `offset`. */
  readonly fetch: (offset: number, limit: number) => Promise<OffsetPage<T>>;
  /** @default MAX_PAGES */
  readonly maxPages?: number;
}

/**
 * Every item, reading pages until `total` items arrived. An empty page ends the list early (items removed while
 * paging), so a shrinking list never loops.
 * @public
 */
export async function collectOffsetPages<T>(options: CollectOffsetPagesOptions<T>): Promise<T[]> {
  if (!Number.isInteger(options.limit) || options.limit <= 0) {
    throw new RangeError(`collectOffsetPages: limit must be a positive integer, got ${String(options.limit)}`);
  }
  const maxPages = options.maxPages ?? MAX_PAGES;
  const items: T[] = [];
  for (let pages = 0; ; pages++) {
    if (pages >= maxPages) throw new Error(`${options.what}: more than ${maxPages} pages of ${options.limit}; the list does not end`);
    const page = await options.fetch(items.length, options.limit);
    items.push(...page.items);
    if (page.items.length === 0 || items.length >= page.total) return items;
  }
}

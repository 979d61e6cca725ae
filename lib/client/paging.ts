/**
 * Reading every page of a list, in the two styles the vendors use:
 * - `followNextLinks`: each page names the next one (VR `_meta.links.next.href`). A link is followed only when it
 *   points under the API root (same origin, under the base path) and was not read before: anything else would send
 *   the session to a URL nobody chose, or loop forever;
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
  /** The absolute URL a link leads to (`HttpClient.resolveUrl`), to notice a loop. */
  readonly resolve: (href: string) => string;
  /** GET a next link. */
  readonly fetch: (href: string) => Promise<HttpResponse>;
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
    if (!isUnderApiRoot(page.next, options.apiRoot)) {
      throw invalidResponseError(
        response,
        'GET',
        `the paging link _meta.links.next.href of ${options.what} is not under the API root ${options.apiRoot}: ${JSON.stringify(redactUrl(page.next))}`,
      );
    }
    const nextUrl = options.resolve(page.next);
    if (seen.has(nextUrl) || seen.size >= maxPages) {
      throw invalidResponseError(response, 'GET', `the next-page link of ${options.what} loops back to a page already read (${page.next})`);
    }
    seen.add(nextUrl);
    response = await options.fetch(page.next);
  }
}

/**
 * A link is under the API root when it is an absolute URL on the same origin, or a path, under the base path.
 * Anything else (the spec's example value "string", a relative path, another host or API version) is not.
 * @public
 */
export function isUnderApiRoot(href: string, apiRoot: string): boolean {
  const root = new URL(apiRoot);
  if (!/^https?:\/\//i.test(href) && !href.startsWith('/')) return false;
  let target: URL;
  try {
    target = new URL(href, root.origin);
  } catch {
    return false;
  }
  return target.origin === root.origin && target.pathname.startsWith(`${root.pathname.replace(/\/+$/, '')}/`);
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

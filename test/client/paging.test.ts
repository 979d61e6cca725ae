/**
 * Paging: next links followed as paths on the configured origin, only under the API root and never in a loop;
 * offset/limit pages until the total.
 */
import { ApiError } from '../../lib/client/http/errors';
import type { HttpResponse } from '../../lib/client/http/http-client';
import { collectOffsetPages, followNextLinks, isUnderApiRoot, type LinkedPage } from '../../lib/client/paging';

const ROOT = 'https://vr-a.example.local/api/rest/vr/v2';

/** Pages keyed by absolute URL: `{items, next}`. */
function linkedList(pages: Record<string, { items: string[]; next?: string }>) {
  const fetched: string[] = [];
  const answer = (url: string): HttpResponse => ({ status: 200, headers: {}, url, data: pages[url] });
  const resolve = (href: string): string => (href.startsWith('/') ? `https://vr-a.example.local${href}` : href);
  const run = (firstUrl: string) =>
    followNextLinks({
      first: answer(firstUrl),
      what: 'datastores',
      apiRoot: ROOT,
      readPage: (res) => res.data as LinkedPage,
      resolve,
      fetch: async (href) => {
        fetched.push(href);
        return answer(resolve(href));
      },
    });
  return { run, fetched };
}

test('follows next links, relative to the origin or absolute, and returns every item in order', async () => {
  const { run, fetched } = linkedList({
    [`${ROOT}/datastores`]: { items: ['a', 'b'], next: '/api/rest/vr/v2/datastores?offset=2' },
    [`${ROOT}/datastores?offset=2`]: { items: ['c'], next: `${ROOT}/datastores?offset=3` },
    [`${ROOT}/datastores?offset=3`]: { items: ['d'] },
  });
  expect(await run(`${ROOT}/datastores`)).toEqual(['a', 'b', 'c', 'd']);
  expect(fetched).toEqual(['/api/rest/vr/v2/datastores?offset=2', '/api/rest/vr/v2/datastores?offset=3']);
});

test('a next link naming another host (the appliance behind a proxy or NAT) is followed as a path on the configured origin', async () => {
  const { run, fetched } = linkedList({
    [`${ROOT}/datastores`]: { items: ['a'], next: 'https://vrms-a.internal:8443/api/rest/vr/v2/datastores?offset=1' },
    [`${ROOT}/datastores?offset=1`]: { items: ['b'] },
  });
  expect(await run(`${ROOT}/datastores`)).toEqual(['a', 'b']);
  expect(fetched).toEqual(['/api/rest/vr/v2/datastores?offset=1']);
});

test('refuses a next link whose path leaves the API root without following it', async () => {
  const { run, fetched } = linkedList({ [`${ROOT}/datastores`]: { items: ['a'], next: 'https://evil.example.com/api/rest/vr/v1/datastores?token=abc' } });
  const error = (await run(`${ROOT}/datastores`).catch((e: unknown) => e)) as ApiError;
  expect(error).toBeInstanceOf(ApiError);
  expect(error.errorCode).toBe('INVALID_RESPONSE');
  expect(error.message).toBe(
    'GET /api/rest/vr/v2/datastores → 200: unexpected response, the paging link _meta.links.next.href of datastores is not under the API root ' +
      `${ROOT}: "https://evil.example.com/api/rest/vr/v1/datastores?token=REDACTED"`,
  );
  expect(fetched).toEqual([]);
});

test('refuses a next link that loops back to a page already read', async () => {
  const { run, fetched } = linkedList({
    [`${ROOT}/datastores`]: { items: ['a'], next: `${ROOT}/datastores?page=2` },
    [`${ROOT}/datastores?page=2`]: { items: ['b'], next: '/api/rest/vr/v2/datastores' },
  });
  await expect(run(`${ROOT}/datastores`)).rejects.toThrow(
    'GET /api/rest/vr/v2/datastores → 200: unexpected response, the next-page link of datastores loops back to a page already read (/api/rest/vr/v2/datastores)',
  );
  expect(fetched).toEqual(['/api/rest/vr/v2/datastores?page=2']);
});

test('isUnderApiRoot accepts only links whose path lies under the base path, on any host', () => {
  expect(isUnderApiRoot('/api/rest/vr/v2/pairings?offset=1', ROOT)).toBe(true);
  expect(isUnderApiRoot(`${ROOT}/pairings`, ROOT)).toBe(true);
  expect(isUnderApiRoot('string', ROOT)).toBe(false);
  expect(isUnderApiRoot('/api/rest/vr/v1/pairings', ROOT)).toBe(false);
  expect(isUnderApiRoot('https://vr-b.example.local/api/rest/vr/v2/pairings', ROOT)).toBe(true);
  expect(isUnderApiRoot('https://vr-b.example.local/api/rest/vr/v2/../v1/pairings', ROOT)).toBe(false);
});

test('offset/limit pages are read until the total is reached', async () => {
  const all = ['a', 'b', 'c', 'd', 'e'];
  const asked: [number, number][] = [];
  const items = await collectOffsetPages({
    what: 'vm replications',
    limit: 2,
    fetch: async (offset, limit) => {
      asked.push([offset, limit]);
      return { items: all.slice(offset, offset + limit), total: all.length };
    },
  });
  expect(items).toEqual(all);
  expect(asked).toEqual([[0, 2], [2, 2], [4, 2]]);
});

test('an empty page ends an offset list that shrank while it was read', async () => {
  const asked: number[] = [];
  const items = await collectOffsetPages({
    what: 'vm replications',
    limit: 2,
    fetch: async (offset) => {
      asked.push(offset);
      return offset === 0 ? { items: ['a', 'b'], total: 5 } : { items: [], total: 5 };
    },
  });
  expect(items).toEqual(['a', 'b']);
  expect(asked).toEqual([0, 2]);
});

test('an offset list that never ends stops at the page limit, and a bad limit is refused', async () => {
  const endless = collectOffsetPages({ what: 'tasks', limit: 1, maxPages: 3, fetch: async () => ({ items: ['x'], total: Number.MAX_SAFE_INTEGER }) });
  await expect(endless).rejects.toThrow('tasks: more than 3 pages of 1; the list does not end');
  await expect(collectOffsetPages({ what: 'tasks', limit: 0, fetch: async () => ({ items: [], total: 0 }) })).rejects.toThrow(
    'collectOffsetPages: limit must be a positive integer, got 0',
  );
});

/**
 * The SDRS AK/SK signer against the official one (`@huaweicloud/huaweicloud-sdk-core` AKSKSigner): the same
 * request gives the same Authorization header over hundreds of generated requests (unicode and reserved
 * characters in paths, repeated query keys, empty, large and unicode bodies, extra headers); and the server side:
 * verifySignature accepts what signRequest made, as Node receives it, and refuses a tampered, stale, unknown or
 * malformed one with its reason.
 */
import { encodeQuery } from '../../lib/client/http/http-client';
import {
  canonicalRequest,
  formatSdkDate,
  parseSdkDate,
  signRequest,
  verifySignature,
  type SignableRequest,
} from '../../lib/client/sdrs/signer';

interface OfficialRequest {
  endpoint: string;
  method: string;
  headers: Record<string, string>;
  queryParams: Record<string, string | string[]>;
  data?: unknown;
}
interface OfficialSigner {
  sign(request: OfficialRequest, credential: { getAk(): string; getSk(): string }): Record<string, string>;
}
// A deep import of a dev dependency, tests only (the package exports no path for it).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const official = (require('@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner') as { AKSKSigner: OfficialSigner }).AKSKSigner;

const AK = 'HPUAL7XJ2OWKSOZQ6EXA';
const SK = 'kH4Dg3Yq9Qw0Z5v1xR8bN2mC6pL7tS3uE0fA9jW';
const NOW = Date.UTC(2026, 10, 23, 20, 48, 19);

/** Deterministic PRNG (mulberry32), so a failure names a reproducible case. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Characters the official signer's URL parser (legacy url.parse) passes through unchanged in a path; the ones it
// escapes first (space ' " < > { } | \ ^ `) are covered separately below.
const PATH_CHARS = [...'abcXYZ019-_.~:@!$&()*+,;=%', 'é', 'ß', '中', '文', '😀', 'Ω', 'ü'];
const QUERY_CHARS = [...'abcXYZ019-_.~:@!$&()*+,;=%/?# \'"<>{}|^`[]', 'é', '中', '😀', 'Ω', '\n'];
const BODY_CHARS = [...'abc XYZ 019 -_.~!"\\/<>{}', 'é', '中文', '😀', 'Ω', '\n', '\t', '\u2028'];

function pick<T>(random: () => number, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('empty choice');
  return item;
}

function text(random: () => number, chars: readonly string[], min: number, max: number): string {
  const length = min + Math.floor(random() * (max - min + 1));
  return Array.from({ length }, () => pick(random, chars)).join('');
}

function segment(random: () => number): string {
  const s = text(random, PATH_CHARS, 1, 12);
  return /^\.+$/.test(s) ? `x${s}` : s; // "." and ".." are resolved away by every URL parser
}

interface Generated {
  readonly method: string;
  readonly origin: string;
  readonly segments: readonly string[];
  readonly query: Record<string, string | string[]>;
  readonly headers: Record<string, string>;
  readonly body?: unknown;
}

function generate(seed: number): Generated {
  const random = prng(seed);
  const method = pick(random, ['GET', 'POST', 'PUT', 'DELETE']);
  const origin = pick(random, ['https://sdrs.ap-southeast-1.myhuaweicloud.com', 'http://127.0.0.1:8443', 'https://sdrs.eu-west-101.myhuaweicloud.eu:9443']);
  const segments = ['v1', '0605767a1b2c4d5e8f90a1b2c3d4e5f6', ...Array.from({ length: 1 + Math.floor(random() * 4) }, () => segment(random))];
  const query: Record<string, string | string[]> = {};
  const keys = Math.floor(random() * 5);
  for (let i = 0; i < keys; i++) {
    const key = text(random, QUERY_CHARS, 1, 8);
    query[key] = random() < 0.4 ? Array.from({ length: 2 + Math.floor(random() * 3) }, () => text(random, QUERY_CHARS, 0, 6)) : text(random, QUERY_CHARS, 0, 10);
  }
  const headers: Record<string, string> = { 'X-Sdk-Date': formatSdkDate(NOW + Math.floor(random() * 1e9)) };
  if (random() < 0.7) headers['Content-Type'] = 'application/json';
  if (random() < 0.5) headers['X-Project-Id'] = '0605767a1b2c4d5e8f90a1b2c3d4e5f6';
  if (random() < 0.3) headers['Accept'] = 'application/json';
  if (random() < 0.3) headers[`X-Extra-${text(random, [...'abc019-'], 1, 5)}`] = text(random, [...'abc 019=;,/'], 1, 20).trim() || 'v';
  const bodyKind = method === 'GET' ? 'none' : pick(random, ['none', 'empty-object', 'small', 'large', 'unicode']);
  return { method, origin, segments, query, headers, body: bodyOf(bodyKind, random) };
}

function bodyOf(kind: string, random: () => number): unknown {
  if (kind === 'none') return undefined;
  if (kind === 'empty-object') return {};
  if (kind === 'small') return { replication: { server_group_id: 'sg-1', volume_id: 'evs-web-01-data', name: 'web-data', delete_target_volume: random() < 0.5 } };
  if (kind === 'large') return { items: Array.from({ length: 2000 }, (_, i) => ({ i, name: text(random, BODY_CHARS, 5, 30) })) };
  return { name: text(random, BODY_CHARS, 1, 200), description: text(random, BODY_CHARS, 0, 64), nested: { list: [text(random, BODY_CHARS, 1, 10), 1, true, null] } };
}

/** The official signer's Authorization for the request, given as its SDK gives it: raw path values and a query object. */
function officialAuthorization(g: Generated): string {
  const request: OfficialRequest = {
    endpoint: `${g.origin}/${g.segments.join('/')}`,
    method: g.method,
    headers: { ...g.headers },
    queryParams: Object.fromEntries(Object.entries(g.query).map(([k, v]) => [k, Array.isArray(v) ? [...v] : v])),
    ...(g.body === undefined ? {} : { data: g.body }),
  };
  const signed = official.sign(request, { getAk: () => AK, getSk: () => SK });
  const authorization = signed['Authorization'];
  if (authorization === undefined) throw new Error('the official signer gave no Authorization');
  return authorization;
}

/** Ours, given the request as our HTTP layer sends it: encoded path segments, an encoded query, the body text. */
function ourRequest(g: Generated): SignableRequest {
  const query = encodeQuery(g.query);
  return {
    method: g.method,
    url: `${g.origin}/${g.segments.map(encodeURIComponent).join('/')}${query === '' ? '' : `?${query}`}`,
    headers: g.headers,
    body: g.body === undefined ? undefined : JSON.stringify(g.body),
  };
}

describe('the signer gives the official SDK signer’s Authorization', () => {
  const cases = Array.from({ length: 300 }, (_, i) => i + 1);

  test('on 300 generated requests (unicode/reserved paths, repeated query keys, empty/large/unicode bodies, extra headers)', () => {
    const mismatches: string[] = [];
    let repeatedKeys = 0;
    let unicodePaths = 0;
    let bodies = 0;
    for (const seed of cases) {
      const g = generate(seed);
      const ours = signRequest(ourRequest(g), { accessKey: AK, secretKey: SK }, NOW).Authorization;
      if (ours !== officialAuthorization(g)) mismatches.push(`seed ${seed}: ${JSON.stringify(g).slice(0, 300)}`);
      if (Object.values(g.query).some(Array.isArray)) repeatedKeys += 1;
      if (g.segments.some((s) => /[^\x00-\x7f]/.test(s))) unicodePaths += 1;
      if (g.body !== undefined) bodies += 1;
    }
    expect(mismatches).toEqual([]);
    // the generator really covers what the comparison is about
    expect(repeatedKeys).toBeGreaterThan(50);
    expect(unicodePaths).toBeGreaterThan(100);
    expect(bodies).toBeGreaterThan(100);
  });

  test('without X-Sdk-Date the signer stamps the time it is given, in the official format', () => {
    const g = generate(7);
    const headers = { ...g.headers };
    delete headers['X-Sdk-Date'];
    const ours = signRequest({ ...ourRequest(g), headers }, { accessKey: AK, secretKey: SK }, NOW);
    expect(ours['X-Sdk-Date']).toBe('20261123T204819Z');
    expect(ours.Authorization).toBe(officialAuthorization({ ...g, headers: { ...headers, 'X-Sdk-Date': '20261123T204819Z' } }));
  });

  test('a known request gives a known Authorization (the canonical request spelled out)', () => {
    const request: SignableRequest = {
      method: 'GET',
      url: 'https://sdrs.ap-southeast-1.myhuaweicloud.com/v1/p1/replications?status=available&server_group_id=sg%201&name=b&name=a',
      headers: { 'X-Sdk-Date': '20261123T204819Z', 'Content-Type': 'application/json' },
    };
    expect(canonicalRequest(request, ['content-type', 'host', 'x-sdk-date'])).toBe(
      [
        'GET',
        '/v1/p1/replications/',
        'name=a&name=b&server_group_id=sg%201&status=available',
        'content-type:application/json\nhost:\nx-sdk-date:20261123T204819Z\n',
        'content-type;host;x-sdk-date',
        'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      ].join('\n'),
    );
    expect(signRequest(request, { accessKey: AK, secretKey: SK }, NOW).Authorization).toBe(
      officialAuthorization({
        method: 'GET',
        origin: 'https://sdrs.ap-southeast-1.myhuaweicloud.com',
        segments: ['v1', 'p1', 'replications'],
        query: { status: 'available', server_group_id: 'sg 1', name: ['b', 'a'] },
        headers: { 'X-Sdk-Date': '20261123T204819Z', 'Content-Type': 'application/json' },
      }),
    );
  });

  test('characters the official signer escapes twice (space, quote, braces…) are encoded once, as APIG does', () => {
    const request: SignableRequest = { method: 'GET', url: `https://h/v1/${encodeURIComponent('a b\'{}|^`"<>\\')}`, headers: { 'X-Sdk-Date': '20261123T204819Z' } };
    expect(canonicalRequest(request, ['host']).split('\n')[1]).toBe('/v1/a%20b%27%7B%7D%7C%5E%60%22%3C%3E%5C/');
  });
});

describe('verifySignature (the server side)', () => {
  const secretKeyFor = (ak: string): string | undefined => (ak === AK ? SK : undefined);

  /** The request as a Node server receives it: path + query in url, lower-case headers, host from the URL. */
  function received(g: Generated, signedAt = NOW): SignableRequest {
    const request = ourRequest(g);
    const headers = { ...Object.fromEntries(Object.entries(g.headers).map(([k, v]) => [k.toLowerCase(), v])) };
    delete headers['x-sdk-date'];
    const signature = signRequest({ ...request, headers }, { accessKey: AK, secretKey: SK }, signedAt);
    const url = new URL(request.url);
    return {
      method: request.method,
      url: `${url.pathname}${url.search}`,
      headers: { ...headers, host: url.host, 'x-sdk-date': signature['X-Sdk-Date'], authorization: signature.Authorization, 'user-agent': 'axios/1.x' },
      body: request.body,
    };
  }

  test('accepts every request signRequest signed, received by a server (100 generated)', () => {
    const refused = Array.from({ length: 100 }, (_, i) => generate(1000 + i))
      .map((g) => verifySignature(received(g), secretKeyFor, NOW + 60_000))
      .filter((result) => !result.ok);
    expect(refused).toEqual([]);
  });

  test('refuses a changed body, path, query or signed header: signature-mismatch', () => {
    const g = { ...generate(3), method: 'POST', body: { a: 1 }, query: { limit: '10' } };
    const ok = received(g);
    const tampered: SignableRequest[] = [
      { ...ok, body: '{"a":2}' },
      { ...ok, url: ok.url.replace('/v1/', '/v2/') },
      { ...ok, url: ok.url.replace('limit=10', 'limit=11') },
      { ...ok, method: 'PUT' },
      { ...ok, headers: { ...ok.headers, host: 'evil.example:443' } },
    ];
    for (const request of tampered) {
      expect(verifySignature(request, secretKeyFor, NOW)).toMatchObject({ ok: false, reason: 'signature-mismatch', accessKey: AK });
    }
    // an unsigned header may change (a proxy adds one)
    expect(verifySignature({ ...ok, headers: { ...ok.headers, 'user-agent': 'other' } }, secretKeyFor, NOW)).toEqual({ ok: true, accessKey: AK });
  });

  test('refuses a stale or future X-Sdk-Date beyond the allowed skew (15 min by default)', () => {
    const g = generate(4);
    expect(verifySignature(received(g, NOW - 16 * 60_000), secretKeyFor, NOW)).toMatchObject({ ok: false, reason: 'stale-date' });
    expect(verifySignature(received(g, NOW + 16 * 60_000), secretKeyFor, NOW)).toMatchObject({ ok: false, reason: 'stale-date' });
    expect(verifySignature(received(g, NOW - 14 * 60_000), secretKeyFor, NOW)).toEqual({ ok: true, accessKey: AK });
    expect(verifySignature(received(g, NOW - 61_000), secretKeyFor, NOW, 60_000)).toMatchObject({ ok: false, reason: 'stale-date' });
  });

  test('refuses a missing or malformed Authorization, an unknown AK, a missing date or an unsigned host', () => {
    const ok = received(generate(5));
    const without = (name: string): SignableRequest => ({ ...ok, headers: Object.fromEntries(Object.entries(ok.headers).filter(([k]) => k !== name)) });
    expect(verifySignature(without('authorization'), secretKeyFor, NOW)).toMatchObject({ ok: false, reason: 'missing-authorization' });
    expect(verifySignature({ ...ok, headers: { ...ok.headers, authorization: 'Basic dTpw' } }, secretKeyFor, NOW)).toMatchObject({ ok: false, reason: 'malformed-authorization' });
    expect(verifySignature(ok, () => undefined, NOW)).toMatchObject({ ok: false, reason: 'unknown-access-key', message: `unknown access key ${AK}` });
    expect(verifySignature(without('x-sdk-date'), secretKeyFor, NOW)).toMatchObject({ ok: false, reason: 'missing-date' });
    expect(verifySignature({ ...ok, headers: { ...ok.headers, 'x-sdk-date': '2026-11-23T20:48:19Z' } }, secretKeyFor, NOW)).toMatchObject({ ok: false, reason: 'missing-date' });
    const auth = String(ok.headers['authorization']);
    const noHost = auth.replace(/SignedHeaders=([^,]+)/, (_m, list: string) => `SignedHeaders=${list.split(';').filter((h) => h !== 'host').join(';')}`);
    expect(verifySignature({ ...ok, headers: { ...ok.headers, authorization: noHost } }, secretKeyFor, NOW)).toMatchObject({ ok: false, reason: 'unsigned-host' });
  });
});

test('X-Sdk-Date: formatted in UTC as YYYYMMDDTHHMMSSZ, parsed back, impossible dates refused', () => {
  expect(formatSdkDate(NOW)).toBe('20261123T204819Z');
  expect(parseSdkDate('20261123T204819Z')).toBe(NOW);
  expect(parseSdkDate('20261332T204819Z')).toBeUndefined();
  expect(parseSdkDate('20261123T204819')).toBeUndefined();
});

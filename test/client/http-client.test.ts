import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { inspect } from 'node:util';
import {
  ApiAuthenticationError,
  ApiConnectionError,
  ApiError,
  ApiNotFoundError,
  isApiError,
  redactUrl,
} from '../../lib/client/http/errors';
import { TaskFailedError } from '../../lib/client/tasks';
import { createHttpClient, encodeQuery, parseRetryAfter, type HttpLogEntry } from '../../lib/client/http/http-client';
import { fakeClock, startCaptureServer, type CaptureServer } from './helpers/capture-server';

describe('redactUrl', () => {
  it('strips userinfo and the values of secret query parameters, keeping the rest', () => {
    expect(redactUrl('https://admin:S3cret!@vr.example.local/api/rest/vr/v2/session?password=hunter2&limit=10&access_token=abc&X-Signature=zz&session_id=s1'))
      .toBe('https://vr.example.local/api/rest/vr/v2/session?password=REDACTED&limit=10&access_token=REDACTED&X-Signature=REDACTED&session_id=REDACTED');
  });

  it('works on a bare path and keeps repeated filters as they are', () => {
    expect(redactUrl('/vms?filter_property=name&filter=web-01&filter=web-02&client_secret=x')).toBe(
      '/vms?filter_property=name&filter=web-01&filter=web-02&client_secret=REDACTED',
    );
  });
});

describe('ApiError family', () => {
  it('formats method, path, status, error code, message and op id', () => {
    const err = new ApiError({
      status: 400,
      method: 'post',
      url: 'https://vr/api/rest/vr/v2/pairings/p1/replications',
      errorCode: 'VR.INVALID_SPEC',
      serverMessage: 'rpo must be between 5 and 1440',
      opId: '6f1c0000-aaaa-bbbb-cccc-000000000001',
    });
    expect(err.message).toBe('POST /api/rest/vr/v2/pairings/p1/replications → 400 VR.INVALID_SPEC: rpo must be between 5 and 1440 (op_id 6f1c0000-aaaa-bbbb-cccc-000000000001)');
    expect(err.name).toBe('ApiError');
    expect(err.method).toBe('POST');
  });

  it('brands every subclass so isApiError works without instanceof (duplicate module copies)', () => {
    const errors = [
      new ApiNotFoundError({ status: 404, method: 'GET', url: 'https://h/x' }),
      new ApiAuthenticationError({ status: 401, method: 'GET', url: 'https://h/x' }),
      new ApiConnectionError({ method: 'GET', url: 'https://h/x', code: 'ECONNRESET' }),
      new TaskFailedError({ taskId: 't1', taskStatus: 'ERROR', description: 'task t1', taskErrorMessage: 'disk full', url: 'https://h/tasks/t1' }),
    ];
    for (const e of errors) {
      expect(isApiError(e)).toBe(true);
      expect(e).toBeInstanceOf(ApiError);
      expect(e.name).toBe(e.constructor.name);
      // a structurally identical object from "another copy" is recognised by the Symbol.for brand
      const foreign = Object.create(null) as Record<symbol, unknown>;
      Object.defineProperty(foreign, Symbol.for('repliform.ApiError'), { value: true });
      expect(isApiError(foreign)).toBe(true);
    }
    expect(isApiError(new Error('x'))).toBe(false);
    expect(errors[3]?.message).toBe('task t1 ended ERROR: disk full');
    expect(errors.map((e) => e.outcome)).toEqual([
      'the API answered HTTP 404',
      'the API answered HTTP 401',
      'no response from h (ECONNRESET)',
      'task t1 failed (ERROR)',
    ]);
  });
});

describe('encodeQuery / parseRetryAfter', () => {
  it('repeats array keys and skips undefined values', () => {
    expect(encodeQuery({ suitable_for_replication: true, skip: undefined, filter_property: 'name', filter: ['web 01', 'a&b'] })).toBe(
      'suitable_for_replication=true&filter_property=name&filter=web%2001&filter=a%26b',
    );
  });

  it('reads seconds and HTTP dates', () => {
    const now = Date.parse('Wed, 21 Oct 2025 07:28:00 GMT');
    expect(parseRetryAfter('2', now)).toBe(2000);
    expect(parseRetryAfter('Wed, 21 Oct 2025 07:28:05 GMT', now)).toBe(5000);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });
});

describe('createHttpClient against a capturing server', () => {
  let server: CaptureServer;
  beforeEach(async () => {
    server = await startCaptureServer();
  });
  afterEach(async () => {
    await server.close();
  });

  function client(extra: { maxAttempts?: number; logger?: (e: HttpLogEntry) => void; timeoutMs?: number } = {}) {
    const clock = fakeClock();
    const http = createHttpClient({
      baseUrl: `${server.origin}/api/rest/vr/v2/`,
      retry: { maxAttempts: extra.maxAttempts ?? 5, minDelayMs: 500, maxDelayMs: 10_000 },
      sleep: clock.sleep,
      now: clock.now,
      random: () => 1,
      logger: extra.logger,
      timeoutMs: extra.timeoutMs,
    });
    return { http, clock };
  }

  it('retries a 503 after exactly the Retry-After seconds of injected sleep, for a POST too', async () => {
    server.route('POST /api/rest/vr/v2/pairings/p1/replications/r1/actions/sync', (_req, n) =>
      n === 1 ? { status: 503, headers: { 'retry-after': '2' }, body: { error_code: 'BUSY', message: 'try later' } } : { status: 202, body: { id: 't1', status: 'QUEUED' } },
    );
    const { http, clock } = client();
    const res = await http.request({ method: 'POST', path: '/pairings/p1/replications/r1/actions/sync' });
    expect(res.status).toBe(202);
    expect(res.data).toEqual({ id: 't1', status: 'QUEUED' });
    expect(server.received('POST /api/rest/vr/v2/pairings/p1/replications/r1/actions/sync')).toHaveLength(2);
    expect(clock.sleeps).toEqual([2000]);
    expect(http.stats).toEqual({ requests: 2, retries: 1 });
  });

  it('retries a GET on 502/504 with exponential backoff, then gives up after maxAttempts with the last error', async () => {
    server.route('GET /api/rest/vr/v2/info', { status: 502 });
    const { http, clock } = client({ maxAttempts: 4 });
    const error: unknown = await http.request({ method: 'GET', path: '/info' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(502);
    expect((error as ApiError).retryable).toBe(true);
    expect(server.received('GET /api/rest/vr/v2/info')).toHaveLength(4);
    expect(clock.sleeps).toEqual([500, 1000, 2000]);
  });

  it('does not retry a POST on 502', async () => {
    server.route('POST /api/rest/vr/v2/pairings', { status: 502 });
    const { http, clock } = client();
    await expect(http.request({ method: 'POST', path: '/pairings', body: {} })).rejects.toMatchObject({ status: 502 });
    expect(server.received('POST /api/rest/vr/v2/pairings')).toHaveLength(1);
    expect(clock.sleeps).toEqual([]);
  });

  it('does not retry a POST whose connection was reset (it may have landed), but retries a GET', async () => {
    server.route('POST /api/rest/vr/v2/pairings/p1/replications', { reset: true });
    server.route('GET /api/rest/vr/v2/tasks', (_r, n) => (n === 1 ? { reset: true } : { body: { list: [] } }));
    const { http } = client();
    const error: unknown = await http.request({ method: 'POST', path: '/pairings/p1/replications', body: [{ vm_id: 'v' }] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiConnectionError);
    expect((error as ApiConnectionError).code).toBe('ECONNRESET');
    expect((error as ApiConnectionError).status).toBe(0);
    expect(server.received('POST /api/rest/vr/v2/pairings/p1/replications')).toHaveLength(1);

    const res = await http.request({ method: 'GET', path: '/tasks' });
    expect(res.data).toEqual({ list: [] });
    expect(server.received('GET /api/rest/vr/v2/tasks')).toHaveLength(2);
  });

  it('maps 404 without a body to ApiNotFoundError', async () => {
    server.route('GET /api/rest/vr/v2/pairings/nope', { status: 404 });
    const { http } = client();
    const error: unknown = await http.request({ method: 'GET', path: '/pairings/nope' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiNotFoundError);
    expect((error as ApiNotFoundError).message).toBe('GET /api/rest/vr/v2/pairings/nope → 404 Not Found');
  });

  it('logs one redacted entry per attempt without any secret header', async () => {
    const entries: HttpLogEntry[] = [];
    server.route('GET /api/rest/vr/v2/info', (_r, n) => (n === 1 ? { status: 429, headers: { 'retry-after': '1' } } : { body: { id: 'vrms' } }));
    const { http } = client({ logger: (e) => entries.push(e) });
    await http.request({ method: 'GET', path: '/info', query: { token: 'tok-SECRET-1' }, headers: { authorization: 'Basic c2VjcmV0', 'x-dr-session': 'sess-SECRET-2' } });
    expect(entries.map((e) => ({ ...e, durationMs: 0 }))).toEqual([
      { method: 'GET', path: '/api/rest/vr/v2/info?token=REDACTED', status: 429, durationMs: 0, attempt: 1, opId: undefined, retryInMs: 1000 },
      { method: 'GET', path: '/api/rest/vr/v2/info?token=REDACTED', status: 200, durationMs: 0, attempt: 2 },
    ]);
    expect(JSON.stringify(entries)).not.toMatch(/SECRET|c2VjcmV0/);
    // the server did receive the headers
    expect(server.requests[0]?.headers['x-dr-session']).toBe('sess-SECRET-2');
  });

  it('follows neither a foreign host in an absolute next link nor a redirect', async () => {
    const { http } = client();
    expect(http.resolveUrl('https://evil.example.com/api/rest/vr/v2/pairings?offset=100')).toBe(`${server.origin}/api/rest/vr/v2/pairings?offset=100`);
    expect(http.resolveUrl('/api/rest/vr/v2/pairings?offset=100')).toBe(`${server.origin}/api/rest/vr/v2/pairings?offset=100`);
    expect(http.resolveUrl('/pairings', { limit: 10 })).toBe(`${server.origin}/api/rest/vr/v2/pairings?limit=10`);
    server.route('GET /api/rest/vr/v2/info', { status: 302, headers: { location: 'https://evil.example.com/' } });
    await expect(http.request({ method: 'GET', path: '/info' })).rejects.toMatchObject({ status: 302 });
  });
});

describe('connection failures', () => {
  async function closedPort(): Promise<number> {
    const srv = net.createServer();
    await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
    const { port } = srv.address() as net.AddressInfo;
    await new Promise<void>((r) => srv.close(() => r()));
    return port;
  }

  it('retries ECONNREFUSED for any method (never reached the server) and explains the failure', async () => {
    const port = await closedPort();
    const clock = fakeClock();
    const http = createHttpClient({ baseUrl: `http://127.0.0.1:${port}/api/rest/vr/v2`, retry: { maxAttempts: 3 }, sleep: clock.sleep, now: clock.now, random: () => 0 });
    const error = (await http.request({ method: 'POST', path: '/session' }).catch((e: unknown) => e)) as ApiConnectionError;
    expect(error).toBeInstanceOf(ApiConnectionError);
    expect(error.code).toBe('ECONNREFUSED');
    expect(error.status).toBe(0);
    expect(error.retryable).toBe(true);
    expect(error.message).toBe(
      `POST /api/rest/vr/v2/session → no response (ECONNREFUSED). Connection refused to 127.0.0.1:${port}: check the endpoint URL and port, and that the appliance is running.`,
    );
    expect(error.outcome).toBe(`connection refused to 127.0.0.1:${port}`);
    expect(clock.sleeps).toEqual([500, 500]);
    expect(http.stats).toEqual({ requests: 3, retries: 2 });
  });

  it('times out a GET with ETIMEDOUT and retries it, but not a POST', async () => {
    // GIVEN a raw server that accepts connections and never answers
    const sockets: net.Socket[] = [];
    const silent = net.createServer((socket) => {
      sockets.push(socket);
    });
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    const { port } = silent.address() as net.AddressInfo;
    const clock = fakeClock();
    const http = createHttpClient({ baseUrl: `http://127.0.0.1:${port}`, timeoutMs: 50, retry: { maxAttempts: 2 }, sleep: clock.sleep, now: clock.now });
    try {
      const get = (await http.request({ method: 'GET', path: '/slow' }).catch((e: unknown) => e)) as ApiConnectionError;
      const post = (await http.request({ method: 'POST', path: '/slow' }).catch((e: unknown) => e)) as ApiConnectionError;
      expect(get.code).toBe('ETIMEDOUT');
      expect(get.message).toBe(`GET /slow → no response (ETIMEDOUT). No answer from 127.0.0.1:${port} within 50 ms; check the network path or raise the timeout.`);
      expect(post.code).toBe('ETIMEDOUT');
      expect(http.stats).toEqual({ requests: 3, retries: 1 }); // GET twice, POST once
    } finally {
      sockets.forEach((socket) => socket.destroy());
      await new Promise<void>((r) => silent.close(() => r()));
    }
  });
});

describe('TLS', () => {
  let pems: { cert: string; private: string };
  beforeAll(async () => {
    // selfsigned v5 is async-only
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const selfsigned = require('selfsigned') as { generate: (attrs: unknown, opts: unknown) => Promise<{ cert: string; private: string }> };
    pems = await selfsigned.generate([{ name: 'commonName', value: 'vr-lab.example.local' }], {
      keySize: 2048,
      algorithm: 'sha256',
      extensions: [
        { name: 'basicConstraints', cA: true },
        { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, keyCertSign: true },
        { name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }, { type: 2, value: 'localhost' }] },
      ],
    });
  });

  let server: CaptureServer;
  beforeEach(async () => {
    server = await startCaptureServer({ key: pems.private, cert: pems.cert });
    server.route('GET /api/rest/vr/v2/info', { body: { id: 'vrms-1' } });
  });
  afterEach(async () => {
    await server.close();
  });

  it('fails verification of a self-signed certificate with an ApiConnectionError that explains the fix', async () => {
    const caBundleSource = 'the ca_bundle_file setting or the REPLIFORM_CA_BUNDLE environment variable';
    const http = createHttpClient({ baseUrl: `${server.origin}/api/rest/vr/v2`, retry: { maxAttempts: 3 }, tls: { caBundleSource } });
    const error = (await http.request({ method: 'GET', path: '/info' }).catch((e: unknown) => e)) as ApiConnectionError;
    expect(error).toBeInstanceOf(ApiConnectionError);
    expect(['DEPTH_ZERO_SELF_SIGNED_CERT', 'SELF_SIGNED_CERT_IN_CHAIN']).toContain(error.code);
    expect(error.retryable).toBe(false);
    expect(error.message).toContain('is not trusted');
    expect(error.message).toContain('ca_bundle_file');
    expect(error.message).toContain('REPLIFORM_CA_BUNDLE');
    expect(error.message).toContain('in a lab only, enable insecure mode');
    expect(http.stats.requests).toBe(1); // a TLS failure is not retried
    expect(server.requests).toHaveLength(0);
    expect(http.insecure).toBe(false);
  });

  it('names no setting of its own when the caller names none (the CA-bundle setting belongs to the caller)', async () => {
    const http = createHttpClient({ baseUrl: `${server.origin}/api/rest/vr/v2`, retry: { maxAttempts: 1 } });
    const error = (await http.request({ method: 'GET', path: '/info' }).catch((e: unknown) => e)) as ApiConnectionError;
    expect(error.hint).toBe(
      'The TLS certificate of ' + new URL(server.origin).host + ' is not trusted. Trust the appliance certificate with a CA bundle (PEM) ' +
        'or, in a lab only, enable insecure mode (no certificate verification).',
    );
    expect(() => createHttpClient({ baseUrl: server.origin, tls: { caFile: '/nonexistent/ca.pem' } })).toThrow(
      /^cannot read the CA bundle file \/nonexistent\/ca.pem: [^(]*ENOENT/,
    );
  });

  it('passes with the certificate given as caPem (added to the built-in roots)', async () => {
    const http = createHttpClient({ baseUrl: `${server.origin}/api/rest/vr/v2`, tls: { caPem: pems.cert } });
    await expect(http.request({ method: 'GET', path: '/info' })).resolves.toMatchObject({ status: 200, data: { id: 'vrms-1' } });
  });

  it('passes with the certificate given as caFile', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'repliform-ca-'));
    const file = path.join(dir, 'ca.pem');
    fs.writeFileSync(file, pems.cert);
    try {
      const http = createHttpClient({ baseUrl: `${server.origin}/api/rest/vr/v2`, tls: { caFile: file } });
      await expect(http.request({ method: 'GET', path: '/info' })).resolves.toMatchObject({ status: 200 });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('names the file when the CA bundle cannot be read', () => {
    expect(() => createHttpClient({ baseUrl: server.origin, tls: { caFile: '/nonexistent/ca.pem' } })).toThrow(/cannot read the CA bundle file \/nonexistent\/ca.pem/);
  });

  it('sends requests in a row on one connection (one TLS handshake); a reset connection is replaced by a new one', async () => {
    server.route('GET /api/rest/vr/v2/vms', (_req, count) => (count === 1 ? { reset: true } : { body: [] }));
    const http = createHttpClient({ baseUrl: `${server.origin}/api/rest/vr/v2`, tls: { caPem: pems.cert }, retry: { minDelayMs: 1, maxDelayMs: 1 } });
    for (let i = 0; i < 3; i++) await http.request({ method: 'GET', path: '/info' });
    await http.request({ method: 'GET', path: '/vms' });
    await http.request({ method: 'GET', path: '/info' });
    expect(server.requests.map((r) => `${r.path.replace('/api/rest/vr/v2', '')} #${r.connection}`)).toEqual(['/info #1', '/info #1', '/info #1', '/vms #1', '/vms #2', '/info #2']);
  });

  it('passes in insecure mode and exposes the flag for the CLI warning', async () => {
    const http = createHttpClient({ baseUrl: `${server.origin}/api/rest/vr/v2`, tls: { insecure: true } });
    await expect(http.request({ method: 'GET', path: '/info' })).resolves.toMatchObject({ status: 200 });
    expect(http.insecure).toBe(true);
  });
});

describe('error objects hold no secrets', () => {
  it('an ApiConnectionError from axios does not keep the request headers in its cause', async () => {
    const srv = net.createServer();
    await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
    const { port } = srv.address() as net.AddressInfo;
    await new Promise<void>((r) => srv.close(() => r()));
    const http = createHttpClient({ baseUrl: `http://127.0.0.1:${port}`, retry: { maxAttempts: 1 } });
    const error: unknown = await http
      .request({ method: 'POST', path: '/session', headers: { authorization: 'Basic QUxJQ0U6U0VDUkVU', 'x-dr-session': 'SESSION-XYZ' } })
      .catch((e: unknown) => e);
    const dump = `${inspect(error, { depth: 20, showHidden: true })} ${JSON.stringify(error)}`;
    expect(dump).not.toContain('QUxJQ0U6U0VDUkVU');
    expect(dump).not.toContain('SESSION-XYZ');
  });
});

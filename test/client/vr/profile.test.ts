/** VR's profile in the HTTP layer: its error body, its session header and its not-found rule. */
import { ApiError, ApiNotFoundError, isNotFoundError } from '../../../lib/client/http/errors';
import { createHttpClient } from '../../../lib/client/http/http-client';
import { vrProfile } from '../../../lib/client/vr/profile';
import { fakeClock, startCaptureServer, type CaptureServer } from '../helpers/capture-server';

describe('the VR profile', () => {
  let server: CaptureServer;
  beforeEach(async () => {
    server = await startCaptureServer();
  });
  afterEach(async () => {
    await server.close();
  });

  function client() {
    const clock = fakeClock();
    const http = createHttpClient({
      baseUrl: `${server.origin}/api/rest/vr/v2/`,
      vendor: vrProfile,
      retry: { maxAttempts: 5, minDelayMs: 500, maxDelayMs: 10_000 },
      sleep: clock.sleep,
      now: clock.now,
      random: () => 1,
    });
    return { http, clock };
  }

  it('parses {error_code, message, op_id} into the ApiError fields', async () => {
    server.route('POST /api/rest/vr/v2/pairings/p1/replications', {
      status: 400,
      body: { error_code: 'VR.INVALID_SPEC', message: 'rpo must be between 5 and 1440', op_id: '6f1c2b7e-0000-4000-8000-000000000000' },
    });
    const { http } = client();
    const error = (await http.request({ method: 'POST', path: '/pairings/p1/replications', body: [] }).catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect({ status: error.status, errorCode: error.errorCode, serverMessage: error.serverMessage, opId: error.opId, method: error.method, retryable: error.retryable }).toEqual({
      status: 400,
      errorCode: 'VR.INVALID_SPEC',
      serverMessage: 'rpo must be between 5 and 1440',
      opId: '6f1c2b7e-0000-4000-8000-000000000000',
      method: 'POST',
      retryable: false,
    });
    expect(error.url).toBe(`${server.origin}/api/rest/vr/v2/pairings/p1/replications`);
    expect(error.message).toBe('POST /api/rest/vr/v2/pairings/p1/replications → 400 VR.INVALID_SPEC: rpo must be between 5 and 1440 (op_id 6f1c2b7e-0000-4000-8000-000000000000)');
  });

  it('says not-found for a 404 only', async () => {
    server.route('GET /api/rest/vr/v2/pairings/nope', { status: 404 });
    server.route('GET /api/rest/vr/v2/pairings/bad', { status: 400, body: { error_code: 'VR.BAD', message: 'bad id' } });
    const { http } = client();
    const missing: unknown = await http.request({ method: 'GET', path: '/pairings/nope' }).catch((e: unknown) => e);
    const bad: unknown = await http.request({ method: 'GET', path: '/pairings/bad' }).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(ApiNotFoundError);
    expect(isNotFoundError(missing)).toBe(true);
    expect(isNotFoundError(bad)).toBe(false);
    expect((bad as ApiError).message).toBe('GET /api/rest/vr/v2/pairings/bad → 400 VR.BAD: bad id');
  });

  it('scrubs the session id and the Basic credentials from a message that echoes them', async () => {
    server.route('POST /api/rest/vr/v2/pairings/p1/remote-session', (req) => ({
      status: 400,
      body: { error_code: 'VR.ECHO', message: `session ${String(req.headers['x-dr-session'])} with ${String(req.headers.authorization)} refused` },
    }));
    const { http } = client();
    const error = (await http
      .request({ method: 'POST', path: '/pairings/p1/remote-session', headers: { 'x-dr-session': 'sess-SECRET-1', authorization: 'Basic QUxJQ0U6U0VDUkVU' } })
      .catch((e: unknown) => e)) as ApiError;
    expect(error.serverMessage).toBe('session REDACTED with REDACTED refused');
    expect(error.message).toBe('POST /api/rest/vr/v2/pairings/p1/remote-session → 400 VR.ECHO: session REDACTED with REDACTED refused');
  });
});

/**
 * The HTTP layer uses the vendor profile it is given: its error decoder, its secret headers and its not-found rule.
 * A fake SDRS profile (errors `{"error": {"code", "message"}}`, not-found = 400 SDRS.1608/SDRS.1013, token in
 * X-Auth-Token) against a capturing server.
 */
import { ApiError, ApiNotFoundError, isNotFoundError } from '../../lib/client/http/errors';
import { createHttpClient, type HttpLogEntry } from '../../lib/client/http/http-client';
import { plainHttpProfile, scrubSecrets, type VendorProfile } from '../../lib/client/http/vendor';
import { fakeClock, startCaptureServer, type CaptureServer } from './helpers/capture-server';

const TOKEN = 'MIIaT0k3n-SECRET-4411';
const SDRS_NOT_FOUND = new Set(['SDRS.1608', 'SDRS.1013']);

function sdrsError(body: unknown): { code?: string; message?: string; requestId?: string } {
  if (typeof body !== 'object' || body === null) return {};
  const requestId = (body as Record<string, unknown>)['request_id'];
  const inner = (body as Record<string, unknown>)['error'];
  if (typeof inner !== 'object' || inner === null) return {};
  const { code, message } = inner as Record<string, unknown>;
  return {
    code: typeof code === 'string' ? code : undefined,
    message: typeof message === 'string' ? message : undefined,
    requestId: typeof requestId === 'string' ? requestId : undefined,
  };
}

const fakeSdrsProfile: VendorProfile = {
  name: 'sdrs',
  decodeError: (_status, body) => {
    const error = sdrsError(body);
    return { errorCode: error.code, serverMessage: error.message, opId: error.requestId, opIdLabel: 'request_id' };
  },
  secretHeaders: ['X-Auth-Token'],
  isNotFound: (status, decoded) => status === 400 && decoded.errorCode !== undefined && SDRS_NOT_FOUND.has(decoded.errorCode),
};

describe('createHttpClient with a vendor profile', () => {
  let server: CaptureServer;
  let logs: HttpLogEntry[];
  beforeEach(async () => {
    server = await startCaptureServer();
    logs = [];
  });
  afterEach(async () => {
    await server.close();
  });

  function client(vendor: VendorProfile = fakeSdrsProfile) {
    const clock = fakeClock();
    return createHttpClient({
      baseUrl: `${server.origin}/v1/project-1`,
      vendor,
      retry: { maxAttempts: 3 },
      sleep: clock.sleep,
      now: clock.now,
      random: () => 1,
      logger: (entry) => logs.push(entry),
    });
  }

  const get = async (path: string, vendor?: VendorProfile): Promise<unknown> =>
    client(vendor).request({ method: 'GET', path, headers: { 'X-Auth-Token': TOKEN } }).catch((e: unknown) => e);

  it('decodes the error body with the profile and says not-found by its rule (400 SDRS.1608)', async () => {
    server.route('GET /v1/project-1/server-groups/pg-1', {
      status: 400,
      body: { error: { code: 'SDRS.1608', message: 'The protection group does not exist.' }, request_id: 'req-77' },
    });
    const error = await get('/server-groups/pg-1');
    expect(error).toBeInstanceOf(ApiNotFoundError);
    expect(isNotFoundError(error)).toBe(true);
    expect((error as ApiError).errorCode).toBe('SDRS.1608');
    expect((error as ApiError).message).toBe('GET /v1/project-1/server-groups/pg-1 → 400 SDRS.1608: The protection group does not exist. (request_id req-77)');
  });

  it('keeps another 400 an ordinary ApiError, and a 404 is not not-found unless the profile says so', async () => {
    server.route('GET /v1/project-1/server-groups/pg-2', { status: 400, body: { error: { code: 'SDRS.1001', message: 'Invalid parameter.' } } });
    server.route('GET /v1/project-1/nothing-here', { status: 404 });
    const invalid = await get('/server-groups/pg-2');
    const unrouted = await get('/nothing-here');
    expect(isNotFoundError(invalid)).toBe(false);
    expect((invalid as ApiError).message).toBe('GET /v1/project-1/server-groups/pg-2 → 400 SDRS.1001: Invalid parameter.');
    expect(isNotFoundError(unrouted)).toBe(false);
    expect(unrouted).toBeInstanceOf(ApiError);
    expect(isNotFoundError(await get('/nothing-here', plainHttpProfile))).toBe(true);
  });

  it('scrubs the X-Auth-Token value from an error that echoes it, and logs no header', async () => {
    server.route('GET /v1/project-1/server-groups', (req) => ({
      status: 400,
      body: { error: { code: 'SDRS.1013', message: `token ${String(req.headers['x-auth-token'])} is not valid for this project` } },
    }));
    const error = (await get('/server-groups')) as ApiError;
    expect(server.requests[0]?.headers['x-auth-token']).toBe(TOKEN);
    expect(error.serverMessage).toBe('token REDACTED is not valid for this project');
    expect(error.message).toBe('GET /v1/project-1/server-groups → 400 SDRS.1013: token REDACTED is not valid for this project');
    expect(JSON.stringify(logs)).not.toContain(TOKEN);
  });

  it('redacts a very short token only where it stands alone, never inside a word of the message', async () => {
    server.route('GET /v1/project-1/server-groups/pg-9', (req) => ({
      status: 400,
      body: { error: { code: 'SDRS.1608', message: `The protection group does not exist (token ${String(req.headers['x-auth-token'])}, tenant t-1).` } },
    }));
    const error = (await client().request({ method: 'GET', path: '/server-groups/pg-9', headers: { 'X-Auth-Token': 't' } }).catch((e: unknown) => e)) as ApiError;
    expect(server.requests[0]?.headers['x-auth-token']).toBe('t');
    expect(error.serverMessage).toBe('The protection group does not exist (token REDACTED, tenant REDACTED-1).');
  });

  it('matches a short secret literally, whatever characters it holds', () => {
    expect(scrubSecrets('bearer a+b. then a+bc, (a+b)', ['a+b'])).toBe('bearer REDACTED. then a+bc, (REDACTED)');
    expect(scrubSecrets('x.y and x-y', ['x.y'])).toBe('REDACTED and x-y');
  });

  it('redacts a secret of 8 characters or more wherever it occurs, also inside a longer word', async () => {
    server.route('GET /v1/project-1/glued', (req) => ({ status: 400, body: { error: { code: 'X', message: `id=req-${String(req.headers['x-auth-token'])}xyz` } } }));
    expect(((await get('/glued')) as ApiError).serverMessage).toBe('id=req-REDACTEDxyz');
  });

  it('does not scrub a header the profile does not name (the plain profile knows only the universal ones)', async () => {
    server.route('GET /v1/project-1/echo', (req) => ({ status: 400, body: { error: { code: 'X', message: String(req.headers['x-auth-token']) } } }));
    const plain: VendorProfile = { ...plainHttpProfile, decodeError: fakeSdrsProfile.decodeError };
    expect(((await get('/echo', plain)) as ApiError).serverMessage).toBe(TOKEN);
    expect(((await get('/echo')) as ApiError).serverMessage).toBe('REDACTED');
  });

  it('keeps the HTTP failure when the decoder throws', async () => {
    server.route('GET /v1/project-1/broken', { status: 500, body: 'not json' });
    const throwing: VendorProfile = {
      ...fakeSdrsProfile,
      decodeError: () => {
        throw new Error('decoder bug');
      },
    };
    const error = (await client(throwing).request({ method: 'GET', path: '/broken' }).catch((e: unknown) => e)) as ApiError;
    expect(error.message).toBe('GET /v1/project-1/broken → 500 Internal Server Error');
    expect(server.requests).toHaveLength(3);
  });
});

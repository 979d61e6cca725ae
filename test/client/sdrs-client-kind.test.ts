/**
 * The SDRS ClientKind through the shared client factory: AK/SK or token read from the environment variables the
 * connection names (a missing one is bad input naming the field, before any request), one client per endpoint,
 * project and keys, and the connection schema (variable names only, one credentials form).
 */
import { createClientFactory } from '../../src/resources/clients';
import { sdrsClient } from '../../src/resources/sdrs/client';
import { sdrsConnectionSpecSchema } from '../../src/resources/sdrs/connection';
import { verifySignature } from '../../lib/client/sdrs/signer';
import { fakeClock, startCaptureServer, type CaptureServer } from './helpers/capture-server';

const PROJECT = '0605767a3c0d4d1d8c2a9e4f51b1c0de';
const env = { HW_AK: 'SIM-AK-42', HW_SK: 'sim-sk-secret', HW_TOKEN: 'tok-123456' };
const log = { info: () => undefined, warn: () => undefined, debug: () => undefined };
let server: CaptureServer;

beforeEach(async () => {
  server = await startCaptureServer();
});
afterEach(async () => server.close());

function connection(credentials: unknown): ReturnType<typeof sdrsConnectionSpecSchema.parse> {
  return sdrsConnectionSpecSchema.parse({ endpoint: `${server.origin}/sdrs`, project_id: PROJECT, credentials });
}

test('AK/SK from the named variables sign the requests; the same connection gets the same client', async () => {
  server.route(`GET /sdrs/v1/${PROJECT}/jobs/j1`, { body: { job_id: 'j1', status: 'SUCCESS' } });
  const clock = fakeClock(Date.UTC(2026, 10, 23, 21, 0, 0));
  const factory = createClientFactory({ log, env, clock });
  const conn = connection({ access_key_env: 'HW_AK', secret_key_env: 'HW_SK' });
  const client = factory.get(sdrsClient, conn);
  expect(factory.get(sdrsClient, connection({ access_key_env: 'HW_AK', secret_key_env: 'HW_SK' }))).toBe(client);
  await client.getJob('j1');
  const [request] = server.requests;
  if (request === undefined) throw new Error('no request');
  const result = verifySignature({ method: 'GET', url: request.url, headers: request.headers, body: request.rawBody }, (ak) => (ak === 'SIM-AK-42' ? 'sim-sk-secret' : undefined), clock.now());
  expect(result).toEqual({ ok: true, accessKey: 'SIM-AK-42' });
});

test('a token connection sends X-Auth-Token', async () => {
  server.route(`GET /sdrs/v1/${PROJECT}/jobs/j1`, { body: { job_id: 'j1', status: 'SUCCESS' } });
  await createClientFactory({ log, env }).get(sdrsClient, connection({ token_env: 'HW_TOKEN' })).getJob('j1');
  expect(server.requests[0]?.headers['x-auth-token']).toBe('tok-123456');
});

test('a missing variable is bad input naming the field, before any request', () => {
  const factory = createClientFactory({ log, env: { HW_AK: 'x' } });
  expect(() => factory.get(sdrsClient, connection({ access_key_env: 'HW_AK', secret_key_env: 'HW_SK_MISSING' }))).toThrow(
    'connection.credentials.secret_key_env: environment variable HW_SK_MISSING is not set; export it before running Terraform',
  );
  expect(server.requests).toEqual([]);
});

test('the schema takes variable names only, and one credentials form', () => {
  expect(sdrsConnectionSpecSchema.safeParse({ endpoint: 'https://sdrs.ap-southeast-1.myhuaweicloud.com', project_id: PROJECT, credentials: { access_key_env: 'HW AK', secret_key_env: 'HW_SK' } }).success).toBe(false);
  expect(sdrsConnectionSpecSchema.safeParse({ endpoint: 'https://sdrs.ap-southeast-1.myhuaweicloud.com', project_id: PROJECT, credentials: { access_key_env: 'A', secret_key_env: 'B', token_env: 'C' } }).success).toBe(false);
  expect(sdrsConnectionSpecSchema.parse({ endpoint: 'https://sdrs.ap-southeast-1.myhuaweicloud.com', project_id: PROJECT, credentials: { token_env: 'T' } })).toEqual({
    endpoint: 'https://sdrs.ap-southeast-1.myhuaweicloud.com',
    project_id: PROJECT,
    credentials: { token_env: 'T' },
    ca_bundle_file: null,
    insecure: false,
  });
});

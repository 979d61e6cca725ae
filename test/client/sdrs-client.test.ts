/**
 * SdrsClient against a capture server with fake time: every request signed with AK/SK (verified as a server would)
 * or carrying X-Auth-Token; the request shapes of groups, pairs, instances and attachments; offset/limit paging with
 * filters; both error shapes; not-found codes read as gone; job polling INIT → RUNNING → SUCCESS/FAIL with progress;
 * a refused signature names the access key and the clock, never a secret.
 */
import { ApiAuthenticationError, ApiError } from '../../lib/client/http/errors';
import { jobEntity, SdrsClient, sdrsRegionEndpoint, type SdrsClientOptions } from '../../lib/client/sdrs/sdrs-client';
import { verifySignature } from '../../lib/client/sdrs/signer';
import type { SdrsJob } from '../../lib/client/sdrs/types';
import { TaskFailedError } from '../../lib/client/tasks';
import { fakeClock, startCaptureServer, type CapturedRequest, type CaptureServer } from './helpers/capture-server';

const AK = 'SIM-AK-0123456789';
const SK = 'sim-secret-key-Zq9Xw2';
const TOKEN = 'MIIEhQYJKoZIhvcNAQcCoIIEdjCCBHICAQExDTALBglghkgBZQMEAgEwggLXBgkqhkiG9w0BBwGggg';
const PROJECT = '0605767a3c0d4d1d8c2a9e4f51b1c0de';
const P = `/sdrs/v1/${PROJECT}`;
const START = Date.UTC(2026, 10, 23, 21, 0, 0);
let server: CaptureServer;

beforeEach(async () => {
  server = await startCaptureServer();
});
afterEach(async () => server.close());

function client(extra: Partial<SdrsClientOptions> = {}): SdrsClient {
  return new SdrsClient({
    endpoint: `${server.origin}/sdrs`,
    projectId: PROJECT,
    credentials: { accessKey: AK, secretKey: SK },
    clock: fakeClock(START),
    random: () => 0.5,
    retry: { maxAttempts: 1 },
    ...extra,
  });
}

function verified(request: CapturedRequest, now = START): ReturnType<typeof verifySignature> {
  return verifySignature({ method: request.method, url: request.url, headers: request.headers, body: request.rawBody }, (ak) => (ak === AK ? SK : undefined), now);
}

function group(id: string, name: string): Record<string, unknown> {
  return { id, name, status: 'available', source_availability_zone: 'az-a', target_availability_zone: 'az-b', source_vpc_id: 'vpc-prod' };
}

function pair(id: string, name: string): Record<string, unknown> {
  return { id, name, status: 'available', server_group_id: 'sg-1', volume_ids: `evs-${id},evs-${id}-dr` };
}

describe('authentication', () => {
  test('AK/SK: every request carries X-Sdk-Date from the clock and an Authorization a server verifies (GET with query, POST with body)', async () => {
    server.route(`GET ${P}/replications`, { body: { replications: [], count: 0 } });
    server.route(`POST ${P}/replications`, { body: { job_id: 'job-1' } });
    const c = client();
    await c.listReplications({ serverGroupId: 'sg-1', name: 'web data' });
    await c.createReplication({ server_group_id: 'sg-1', volume_id: 'evs-web-01-data', name: 'web-data', description: 'rf:0123456789ab' });
    expect(server.requests).toHaveLength(2);
    for (const request of server.requests) {
      expect(request.headers['x-sdk-date']).toBe('20261123T210000Z');
      expect(request.headers.authorization).toMatch(new RegExp(`^SDK-HMAC-SHA256 Access=${AK}, SignedHeaders=[a-z;-]*host[a-z;-]*, Signature=[0-9a-f]{64}$`));
      expect(request.headers['x-auth-token']).toBeUndefined();
      expect(verified(request)).toEqual({ ok: true, accessKey: AK });
    }
    // the signature covers the body: the same request with another body would not verify
    const [post] = server.received(`POST ${P}/replications`);
    if (post === undefined) throw new Error('no POST');
    expect(verifySignature({ method: 'POST', url: post.url, headers: post.headers, body: post.rawBody.replace('web-data', 'db-data') }, () => SK, START)).toMatchObject({ ok: false, reason: 'signature-mismatch' });
  });

  test('each retry is signed again with the time it is sent at', async () => {
    server.route(`GET ${P}/server-groups/sg-1`, (_req, count) => (count === 1 ? { status: 503, body: { error_code: 'SDRS.1014', error_msg: 'busy' } } : { body: { server_group: group('sg-1', 'g') } }));
    const clock = fakeClock(START);
    await client({ clock, retry: { maxAttempts: 2, minDelayMs: 120_000, maxDelayMs: 120_000 } }).getProtectionGroup('sg-1');
    const dates = server.requests.map((r) => r.headers['x-sdk-date']);
    expect(dates[0]).toBe('20261123T210000Z');
    expect(dates[1]).not.toBe(dates[0]);
    expect(verified(server.requests[1] as CapturedRequest, clock.now())).toEqual({ ok: true, accessKey: AK });
  });

  test('token: X-Auth-Token on every request, no signature', async () => {
    server.route(`GET ${P}/jobs/job-1`, { body: { job_id: 'job-1', status: 'SUCCESS' } });
    await client({ credentials: { token: TOKEN } }).getJob('job-1');
    const [request] = server.requests;
    expect(request?.headers['x-auth-token']).toBe(TOKEN);
    expect(request?.headers.authorization).toBeUndefined();
    expect(request?.headers['x-sdk-date']).toBeUndefined();
  });

  test('a refused signature (401, flat error shape) is an ApiAuthenticationError naming the access key and the clock, without the secret key', async () => {
    server.route(`GET ${P}/server-groups/sg-1`, { status: 401, body: { error_code: 'APIG.0301', error_msg: 'Incorrect IAM authentication information: verify aksk signature fail', request_id: 'req-77' } });
    const err = await client().getProtectionGroup('sg-1').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiAuthenticationError);
    expect((err as Error).message).toBe(
      `GET ${P}/server-groups/sg-1 → 401 APIG.0301: Incorrect IAM authentication information: verify aksk signature fail ` +
        `(AK/SK signature of access key ${AK} refused: check the secret key, and this machine's clock (X-Sdk-Date must be within 15 minutes of the server's))`,
    );
    expect(JSON.stringify(err)).not.toContain(SK);
    expect(String((err as Error).stack)).not.toContain(SK);
  });

  test('a refused token names no token', async () => {
    server.route(`GET ${P}/jobs/j`, { status: 401, body: { error: { code: 'SDRS.0002', message: `invalid token ${TOKEN}` } } });
    const err = await client({ credentials: { token: TOKEN } }).getJob('j').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiAuthenticationError);
    expect((err as Error).message).toBe(`GET ${P}/jobs/j → 401 SDRS.0002: invalid token REDACTED (X-Auth-Token refused: check that the IAM token is valid, not expired and scoped to this project)`);
  });

  test('bad options are refused before any request, naming the field', () => {
    expect(() => client({ projectId: '' })).toThrow('projectId must be a non-empty string, got ""');
    expect(() => client({ credentials: { accessKey: AK, secretKey: '' } })).toThrow('credentials.secretKey must be a non-empty string, got ""');
    expect(() => client({ endpoint: 'sdrs.example' })).toThrow('endpoint must be an absolute https URL such as https://sdrs.ap-southeast-1.myhuaweicloud.com, got "sdrs.example"');
    expect(() => client({ pageSize: 1001 })).toThrow('pageSize must be an integer from 1 to 1000, got 1001');
    expect(sdrsRegionEndpoint('ap-southeast-1')).toBe('https://sdrs.ap-southeast-1.myhuaweicloud.com');
    expect(() => sdrsRegionEndpoint('Asia')).toThrow('region must look like "ap-southeast-1", got "Asia"');
    expect(server.requests).toEqual([]);
  });
});

describe('protection groups', () => {
  test('create, get, rename, start and stop protection, delete: paths and bodies', async () => {
    server.route(`POST ${P}/server-groups`, { body: { job_id: 'job-create' } });
    server.route(`GET ${P}/server-groups/sg-1`, { body: { server_group: group('sg-1', 'web') } });
    server.route(`PUT ${P}/server-groups/sg-1`, { body: { server_group: group('sg-1', 'web-2') } });
    server.route(`POST ${P}/server-groups/sg-1/action`, { body: { job_id: 'job-action' } });
    server.route(`DELETE ${P}/server-groups/sg-1`, { body: { job_id: 'job-delete' } });
    const c = client();
    const spec = { name: 'web', description: 'rf:0123456789ab', source_availability_zone: 'az-a', target_availability_zone: 'az-b', domain_id: 'domain-1', source_vpc_id: 'vpc-prod' };
    expect(await c.createProtectionGroup(spec)).toBe('job-create');
    expect(await c.getProtectionGroup('sg-1')).toEqual(group('sg-1', 'web'));
    expect(await c.renameProtectionGroup('sg-1', 'web-2')).toEqual(group('sg-1', 'web-2'));
    expect(await c.startProtection('sg-1')).toBe('job-action');
    expect(await c.stopProtection('sg-1')).toBe('job-action');
    expect(await c.deleteProtectionGroup('sg-1')).toBe('job-delete');
    expect(server.requests.map((r) => [r.method, r.path, r.body])).toEqual([
      ['POST', `${P}/server-groups`, { server_group: spec }],
      ['GET', `${P}/server-groups/sg-1`, undefined],
      ['PUT', `${P}/server-groups/sg-1`, { server_group: { name: 'web-2' } }],
      ['POST', `${P}/server-groups/sg-1/action`, { 'start-server-group': {} }],
      ['POST', `${P}/server-groups/sg-1/action`, { 'stop-server-group': {} }],
      ['DELETE', `${P}/server-groups/sg-1`, undefined],
    ]);
  });

  test('list reads every page with offset/limit and the filters', async () => {
    server.route(`GET ${P}/server-groups`, (req) => {
      const offset = Number(new URLSearchParams(req.query).get('offset'));
      return { body: { server_groups: offset === 0 ? [group('sg-1', 'a'), group('sg-2', 'b')] : [group('sg-3', 'c')], count: 3 } };
    });
    const groups = await client({ pageSize: 2 }).listProtectionGroups({ name: 'web', status: 'protected' });
    expect(groups.map((g) => g.id)).toEqual(['sg-1', 'sg-2', 'sg-3']);
    expect(server.requests.map((r) => r.query)).toEqual(['name=web&status=protected&offset=0&limit=2', 'name=web&status=protected&offset=2&limit=2']);
  });
});

describe('replication pairs', () => {
  test('create, get, rename, expand; list with every filter', async () => {
    server.route(`POST ${P}/replications`, { body: { job_id: 'job-1' } });
    server.route(`GET ${P}/replications/rp-1`, { body: { replication: pair('rp-1', 'data') } });
    server.route(`PUT ${P}/replications/rp-1`, { body: { replication: pair('rp-1', 'data-2') } });
    server.route(`POST ${P}/replications/rp-1/action`, { body: { job_id: 'job-2' } });
    server.route(`GET ${P}/replications`, { body: { replications: [pair('rp-1', 'data')], count: 1 } });
    const c = client();
    expect(await c.createReplication({ server_group_id: 'sg-1', volume_id: 'evs-1', name: 'data' })).toBe('job-1');
    expect((await c.getReplication('rp-1'))?.name).toBe('data');
    expect((await c.renameReplication('rp-1', 'data-2')).name).toBe('data-2');
    expect(await c.expandReplication('rp-1', 20)).toBe('job-2');
    await c.listReplications({ serverGroupIds: ['sg-1', 'sg-2'], protectedInstanceId: 'pi-1', name: 'data', status: 'available', queryType: 'general', availabilityZone: 'az-a' });
    expect(server.requests.map((r) => [r.method, r.path, r.body])).toEqual([
      ['POST', `${P}/replications`, { replication: { server_group_id: 'sg-1', volume_id: 'evs-1', name: 'data' } }],
      ['GET', `${P}/replications/rp-1`, undefined],
      ['PUT', `${P}/replications/rp-1`, { replication: { name: 'data-2' } }],
      ['POST', `${P}/replications/rp-1/action`, { 'extend-replication': { new_size: 20 } }],
      ['GET', `${P}/replications`, undefined],
    ]);
    expect(Object.fromEntries(new URLSearchParams(server.requests[4]?.query))).toEqual({
      server_group_ids: "['sg-1','sg-2']",
      protected_instance_id: 'pi-1',
      name: 'data',
      status: 'available',
      query_type: 'general',
      availability_zone: 'az-a',
      offset: '0',
      limit: '1000',
    });
    expect(await c.listReplications({ serverGroupIds: [] })).toEqual([]);
    expect(server.requests).toHaveLength(5);
    await expect(c.expandReplication('rp-1', 0)).rejects.toThrow('newSizeGb must be a positive integer (GB), got 0');
    await expect(c.listReplications({ serverGroupIds: Array.from({ length: 31 }, (_, i) => `sg-${i}`) })).rejects.toThrow('serverGroupIds holds at most 30 ids, got 31');
  });

  test('delete sends delete_target_volume false unless asked, and the group id when given', async () => {
    server.route(`DELETE ${P}/replications/rp-1`, { body: { job_id: 'job-d' } });
    const c = client();
    expect(await c.deleteReplication('rp-1')).toBe('job-d');
    expect(await c.deleteReplication('rp-1', { serverGroupId: 'sg-1', deleteTargetVolume: true })).toBe('job-d');
    expect(server.requests.map((r) => r.body)).toEqual([
      { replication: { delete_target_volume: false } },
      { replication: { server_group_id: 'sg-1', delete_target_volume: true } },
    ]);
  });
});

describe('protected instances and attachments', () => {
  test('create, get, rename, delete (target server and EIP kept unless asked), attach, detach', async () => {
    const instance = { id: 'pi-1', name: 'web', status: 'available', source_server: 'ecs-web-01', server_group_id: 'sg-1' };
    server.route(`POST ${P}/protected-instances`, { body: { job_id: 'job-c' } });
    server.route(`GET ${P}/protected-instances/pi-1`, { body: { protected_instance: instance } });
    server.route(`PUT ${P}/protected-instances/pi-1`, { body: { protected_instance: { ...instance, name: 'web-2' } } });
    server.route(`DELETE ${P}/protected-instances/pi-1`, { body: { job_id: 'job-d' } });
    server.route(`POST ${P}/protected-instances/pi-1/attachreplication`, { body: { job_id: 'job-a' } });
    server.route(`DELETE ${P}/protected-instances/pi-1/detachreplication/rp-1`, { body: { job_id: 'job-x' } });
    server.route(`GET ${P}/protected-instances`, { body: { protected_instances: [instance], count: 1 } });
    const c = client();
    expect(await c.createProtectedInstance({ server_group_id: 'sg-1', server_id: 'ecs-web-01', name: 'web' })).toBe('job-c');
    expect(await c.getProtectedInstance('pi-1')).toEqual(instance);
    expect((await c.renameProtectedInstance('pi-1', 'web-2')).name).toBe('web-2');
    expect(await c.deleteProtectedInstance('pi-1')).toBe('job-d');
    expect(await c.deleteProtectedInstance('pi-1', { deleteTargetServer: true, deleteTargetEip: true })).toBe('job-d');
    expect(await c.attachReplication('pi-1', 'rp-1', '/dev/vdb')).toBe('job-a');
    expect(await c.detachReplication('pi-1', 'rp-1')).toBe('job-x');
    expect(await c.listProtectedInstances({ serverGroupId: 'sg-1' })).toEqual([instance]);
    expect(server.requests.map((r) => [r.method, r.path, r.body])).toEqual([
      ['POST', `${P}/protected-instances`, { protected_instance: { server_group_id: 'sg-1', server_id: 'ecs-web-01', name: 'web' } }],
      ['GET', `${P}/protected-instances/pi-1`, undefined],
      ['PUT', `${P}/protected-instances/pi-1`, { protected_instance: { name: 'web-2' } }],
      ['DELETE', `${P}/protected-instances/pi-1`, { delete_target_server: false, delete_target_eip: false }],
      ['DELETE', `${P}/protected-instances/pi-1`, { delete_target_server: true, delete_target_eip: true }],
      ['POST', `${P}/protected-instances/pi-1/attachreplication`, { replicationAttachment: { replication_id: 'rp-1', device: '/dev/vdb' } }],
      ['DELETE', `${P}/protected-instances/pi-1/detachreplication/rp-1`, undefined],
      ['GET', `${P}/protected-instances`, undefined],
    ]);
    expect(server.requests[7]?.query).toBe('server_group_id=sg-1&offset=0&limit=1000');
    // the DELETE with a body is signed like any other request
    expect(verified(server.requests[3] as CapturedRequest)).toEqual({ ok: true, accessKey: AK });
  });
});

describe('errors', () => {
  test('not-found codes (400 SDRS.1013, SDRS.1608, SDRS.1320, SDRS.1301, SDRS.0208, SDRS.0213, in either shape) are read as gone', async () => {
    server.route(`GET ${P}/server-groups/sg-x`, { status: 400, body: { error: { code: 'SDRS.1013', message: 'The protection group does not exist' } } });
    server.route(`GET ${P}/replications/rp-x`, { status: 400, body: { error_code: 'SDRS.1608', error_msg: 'The replication pair does not exist' } });
    server.route(`GET ${P}/protected-instances/pi-x`, { status: 400, body: { badrequest: { code: 'SDRS.0208', message: 'invalid protected instance id' } } });
    server.route(`DELETE ${P}/replications/rp-x`, { status: 400, body: { itemNotFound: { code: 'SDRS.0213', message: 'invalid replication id' } } });
    server.route(`DELETE ${P}/server-groups/sg-x`, { status: 400, body: { error: { code: 'SDRS.1013', message: 'gone' } } });
    server.route(`DELETE ${P}/protected-instances/pi-x`, { status: 400, body: { error_code: 'SDRS.0208', error_msg: 'gone' } });
    server.route(`DELETE ${P}/protected-instances/pi-1/detachreplication/rp-x`, { status: 400, body: { error_code: 'SDRS.1608', error_msg: 'gone' } });
    server.route(`GET ${P}/protected-instances/pi-y`, { status: 400, body: { error: { code: 'SDRS.1320', message: 'The protected instance does not exist' } } });
    server.route(`DELETE ${P}/protected-instances/pi-y`, { status: 400, body: { error: { code: 'SDRS.1301', message: 'The protected instance does not exist' } } });
    const c = client();
    expect(await c.getProtectionGroup('sg-x')).toBeUndefined();
    expect(await c.getReplication('rp-x')).toBeUndefined();
    expect(await c.getProtectedInstance('pi-x')).toBeUndefined();
    expect(await c.deleteReplication('rp-x')).toBeUndefined();
    expect(await c.deleteProtectionGroup('sg-x')).toBeUndefined();
    expect(await c.deleteProtectedInstance('pi-x')).toBeUndefined();
    expect(await c.detachReplication('pi-1', 'rp-x')).toBeUndefined();
    expect(await c.getProtectedInstance('pi-y')).toBeUndefined();
    expect(await c.deleteProtectedInstance('pi-y')).toBeUndefined();
  });

  test('other 400s fail with the code and message of either shape and the request id', async () => {
    server.route(`POST ${P}/replications`, { status: 400, body: { badrequest: { code: 'SDRS.1002', message: 'The protection group status is not allowed' } } });
    server.route(`POST ${P}/server-groups/sg-1/action`, { status: 400, body: { error_code: 'SDRS.1017', error_msg: 'The protection group has no replication pair', request_id: 'req-9' } });
    const c = client();
    const create = await c.createReplication({ server_group_id: 'sg-1', volume_id: 'v', name: 'n' }).catch((e: unknown) => e);
    expect(create).toBeInstanceOf(ApiError);
    expect((create as ApiError).message).toBe(`POST ${P}/replications → 400 SDRS.1002: The protection group status is not allowed`);
    const start = await c.startProtection('sg-1').catch((e: unknown) => e);
    expect((start as ApiError).message).toBe(`POST ${P}/server-groups/sg-1/action → 400 SDRS.1017: The protection group has no replication pair (request_id req-9)`);
    expect((start as ApiError).errorCode).toBe('SDRS.1017');
  });

  test('an answer without job_id or entity is an unexpected response', async () => {
    server.route(`POST ${P}/server-groups`, { body: { id: 'x' } });
    server.route(`GET ${P}/replications/rp-1`, { body: { id: 'rp-1' } });
    const c = client();
    await expect(c.createProtectionGroup({ name: 'g', source_availability_zone: 'a', target_availability_zone: 'b', domain_id: 'd', source_vpc_id: 'v' })).rejects.toThrow(
      `POST ${P}/server-groups → 200: unexpected response, expected {"job_id": "…"}`,
    );
    await expect(c.getReplication('rp-1')).rejects.toThrow(`GET ${P}/replications/rp-1 → 200: unexpected response, expected {"replication": {"id": …}}`);
  });
});

describe('jobs', () => {
  function job(status: SdrsJob['status'], extra: Partial<SdrsJob> = {}): SdrsJob {
    return { job_id: 'job-1', job_type: 'createReplicationPairNoCG', status, ...extra };
  }

  test('polls INIT → RUNNING → SUCCESS with fake time and returns the entities', async () => {
    const answers = [job('INIT'), job('RUNNING'), job('RUNNING'), job('SUCCESS', { entities: { replication_pair_id: 'rp-9' } })];
    server.route(`GET ${P}/jobs/job-1`, (_req, count) => ({ body: answers[Math.min(count, answers.length) - 1] }));
    const clock = fakeClock(START);
    const progress: string[] = [];
    const c = client({ clock });
    const done = await c.waitForJob('job-1', { timeoutMs: 600_000, onProgress: (p) => progress.push(String(p.detail)) });
    expect(jobEntity(done, 'replication_pair_id')).toBe('rp-9');
    expect(jobEntity(done, 'server_group_id')).toBeUndefined();
    expect(server.received(`GET ${P}/jobs/job-1`)).toHaveLength(4);
    expect(progress).toEqual(['INIT', 'RUNNING', 'RUNNING']);
    expect(c.stats).toEqual({ requests: 4, retries: 0, logins: 0, taskPolls: 4 });
    // every poll is signed with the time it was sent
    expect(new Set(server.requests.map((r) => r.headers['x-sdk-date'])).size).toBeGreaterThan(1);
  });

  test('a progress the job reports sets the next poll by its rate (ETA), not a fixed step', async () => {
    const answers = [job('RUNNING', { progress: 10 }), job('RUNNING', { progress: 20 }), job('SUCCESS', { progress: 100 })];
    server.route(`GET ${P}/jobs/job-1`, (_req, count) => ({ body: answers[Math.min(count, answers.length) - 1] }));
    const clock = fakeClock(START);
    const details: string[] = [];
    await client({ clock }).waitForJob('job-1', { timeoutMs: 3_600_000, minDelayMs: 1000, maxDelayMs: 60_000, onProgress: (p) => details.push(`${p.progress ?? '-'} ${p.detail ?? ''}`) });
    expect(details).toEqual(['10 RUNNING 10%', '20 RUNNING 20%']);
    // 10 points in the first delay → the remaining 80 predicted at 8 such delays (+50 ms margin), capped at maxDelayMs
    const [first, second] = clock.sleeps;
    expect(second).toBe(Math.min(60_000, Math.ceil(80 / (10 / (first ?? 1))) + 50));
  });

  test('FAIL ends the wait with TaskFailedError "<error_code>: <fail_reason>"', async () => {
    server.route(`GET ${P}/jobs/job-1`, { body: job('FAIL', { error_code: 'SDRS.1606', fail_reason: 'create replication pair failed: the disk is in use' }) });
    const err = await client().waitForJob('job-1', { timeoutMs: 60_000 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TaskFailedError);
    expect((err as TaskFailedError).message).toBe('job job-1 (createReplicationPairNoCG) ended FAIL: SDRS.1606: create replication pair failed: the disk is in use');
  });

  test('a job that never ends times out after the spec’s timeout (fake time)', async () => {
    server.route(`GET ${P}/jobs/job-1`, { body: job('RUNNING') });
    const err = await client().waitForJob('job-1', { timeoutMs: 120_000, description: 'replication pair web-data' }).catch((e: unknown) => e);
    expect((err as Error).name).toBe('WaitTimeoutError');
    expect((err as Error).message).toContain('replication pair web-data');
  });
});

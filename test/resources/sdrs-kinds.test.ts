/**
 * The SDRS kinds' handlers over HTTP against the simulator's SDRS service (`<url>/sdrs`, AK/SK-signed requests,
 * requests and responses validated against specs/sdrs-api.json): group → 2 pairs → instance + attachments →
 * protection started; a rerun changes nothing; rename and expand in place (same ids); shrink and an empty group's
 * protection refused as bad input before any change; a group made by hand refused without adopt, adopted with it;
 * deletes keep the DR-site volume and server unless asked, and deleting what is gone succeeds.
 */
import { sdrsProtectedInstanceHandler } from '../../src/resources/sdrs/protected-instance/handler';
import { sdrsProtectionGroupHandler } from '../../src/resources/sdrs/protection-group/handler';
import { sdrsProtectionHandler } from '../../src/resources/sdrs/protection/handler';
import { sdrsReplicationAttachmentHandler } from '../../src/resources/sdrs/replication-attachment/handler';
import { sdrsReplicationPairHandler } from '../../src/resources/sdrs/replication-pair/handler';
import { ownerMarker } from '../../src/resources/sdrs/marker';
import { isInputError } from '../../src/resources/errors';
import { kindFor } from '../../src/resources/registry';
import type { LifecycleAction } from '../../src/resources/contract';
import { SDRS_PROJECT_ID, SDRS_SERVER_IDS, SDRS_VOLUME_IDS } from '../../src/simulator';
import { testContext, type TestContext } from '../helpers/context';
import { sdrsConnection, sdrsGroupJson, sdrsGroupRef, SDRS_SIM_ENV } from '../helpers/sim-connections';
import { useSimulator } from '../helpers/simulator';

const GROUP_OWNER = 'app/web-group';
const WEB_01 = SDRS_SERVER_IDS['ecs-web-01'];
const SYS = SDRS_VOLUME_IDS['evs-web-01-sys'];
const DATA = SDRS_VOLUME_IDS['evs-web-01-data'];

const sim = useSimulator({ validateResponses: true, taskDelayMs: 0 });
const ctx = (): TestContext => testContext(SDRS_SIM_ENV, { ownership: null });
const state = () => sim.sdrs.state;

const common = (owner: string) => ({
  connection: sdrsConnection(sim.url),
  owner,
});
const groupRef = sdrsGroupRef(GROUP_OWNER);

const groupRaw = (extra: Record<string, unknown> = {}) => ({ ...common(GROUP_OWNER), ...sdrsGroupJson(GROUP_OWNER), ...extra });
const pairRaw = (volume: string, name: string, extra: Record<string, unknown> = {}) => ({ ...common(`app/${name}`), group: groupRef, volume_id: volume, name, ...extra });
const instanceRaw = (extra: Record<string, unknown> = {}) => ({ ...common('app/web-01'), group: groupRef, server_id: WEB_01, name: 'web-01', ...extra });
const attachmentRaw = (volume: string, device: string) => ({
  ...common(`app/attach-${device}`),
  instance: { group: groupRef, server_id: WEB_01 },
  pair: { group: groupRef, volume_id: volume },
  device,
});
const protectionRaw = () => ({ ...common('app/protection'), group: groupRef });

interface AnyHandler {
  parseSpec(raw: unknown, action: LifecycleAction): unknown;
}
/** Runs one lifecycle action of a handler on raw JSON, as the CLI does. */
async function run<S>(handler: AnyHandler & { create(s: S, c: TestContext): Promise<unknown>; update?(s: S, c: TestContext): Promise<unknown>; delete(s: S, c: TestContext): Promise<void> }, action: 'create' | 'update' | 'delete', raw: unknown, c: TestContext = ctx()): Promise<unknown> {
  const spec = handler.parseSpec(raw, action) as S;
  if (action === 'delete') return handler.delete(spec, c);
  if (action === 'update' && handler.update) return handler.update(spec, c);
  return handler.create(spec, c);
}

async function deploy(c: TestContext = ctx()): Promise<void> {
  await run(sdrsProtectionGroupHandler, 'create', groupRaw(), c);
  await run(sdrsReplicationPairHandler, 'create', pairRaw(SYS, 'web-sys'));
  await run(sdrsReplicationPairHandler, 'create', pairRaw(DATA, 'web-data'));
  await run(sdrsProtectedInstanceHandler, 'create', instanceRaw());
  await run(sdrsReplicationAttachmentHandler, 'create', attachmentRaw(SYS, '/dev/vda'));
  await run(sdrsReplicationAttachmentHandler, 'create', attachmentRaw(DATA, '/dev/vdb'));
  await run(sdrsProtectionHandler, 'create', protectionRaw());
}

const writes = () => sim.requests.filter((r) => r.path.startsWith('/sdrs/') && r.method !== 'GET').map((r) => `${r.method} ${r.path.replace(`/sdrs/v1/${SDRS_PROJECT_ID}`, '')}`);

async function failure(promise: Promise<unknown>): Promise<Error> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  if (!(error instanceof Error)) throw new Error('expected a failure');
  return error;
}

test('the registry loads the five SDRS kinds', async () => {
  const kinds = ['sdrs.protection-group', 'sdrs.replication-pair', 'sdrs.protected-instance', 'sdrs.replication-attachment', 'sdrs.protection'];
  expect(await Promise.all(kinds.map(async (kind) => (await kindFor(kind)).kind))).toEqual(kinds);
});

test('group → 2 pairs → instance + attachments → protection started, each object marked by its owner', async () => {
  const c = ctx();
  await deploy(c);
  expect(c.progressEvents.filter((e) => e.startsWith('start') || e.startsWith('stop'))).toEqual(['start creating protection group web-group (az-a → az-b)', 'stop done']);
  const [group] = state().groups;
  expect(group).toMatchObject({ name: 'web-group', description: ownerMarker(GROUP_OWNER), status: 'protected' });
  expect(state().pairs.map((p) => [p.name, p.description, p.volume_ids.split(',')[0], p.server_group_id])).toEqual([
    ['web-sys', ownerMarker('app/web-sys'), SYS, group?.id],
    ['web-data', ownerMarker('app/web-data'), DATA, group?.id],
  ]);
  const [instance] = state().instances;
  expect(instance?.source_server).toBe(WEB_01);
  expect(instance?.attachment?.map((a) => [a.device, a.replication])).toEqual([
    ['/dev/vda', state().pairs[0]?.id],
    ['/dev/vdb', state().pairs[1]?.id],
  ]);
  expect(writes().map((w) => w.replace(/\/[0-9a-f-]{20,}/g, '/{id}'))).toEqual([
    'POST /server-groups',
    'POST /replications',
    'POST /replications',
    'POST /protected-instances',
    'POST /protected-instances/{id}/attachreplication',
    'POST /protected-instances/{id}/attachreplication',
    'POST /server-groups/{id}/action',
  ]);
});

test('a rerun takes up its own objects and sends no write', async () => {
  await deploy();
  sim.clearRequests();
  const c = ctx();
  await run(sdrsProtectionGroupHandler, 'create', groupRaw(), c);
  await run(sdrsReplicationPairHandler, 'create', pairRaw(DATA, 'web-data'), c);
  await run(sdrsProtectedInstanceHandler, 'create', instanceRaw(), c);
  await run(sdrsReplicationAttachmentHandler, 'create', attachmentRaw(DATA, '/dev/vdb'), c);
  await run(sdrsProtectionHandler, 'create', protectionRaw(), c);
  expect(writes()).toEqual([]);
  expect(c.lines).toContain(`info: protection group web-group (az-a → az-b): already there (protection group ${state().groups[0]?.id} "web-group", protected), made by this code; taking it up`);
});

test('rename and expand in place keep the ids; a smaller size is bad input before any change', async () => {
  await deploy();
  const ids = [state().groups[0]?.id, state().pairs[1]?.id, state().instances[0]?.id];
  await run(sdrsProtectionGroupHandler, 'update', groupRaw({ name: 'web-group-2' }));
  // The pair finds its group by the group owner's marker, although the group's name changed.
  await run(sdrsReplicationPairHandler, 'update', pairRaw(DATA, 'web-data-2', { size_gb: 200 }));
  await run(sdrsProtectedInstanceHandler, 'update', instanceRaw({ name: 'web-01-b' }));
  expect([state().groups[0]?.id, state().pairs[1]?.id, state().instances[0]?.id]).toEqual(ids);
  expect([state().groups[0]?.name, state().pairs[1]?.name, state().pairs[1]?.record_metadata?.volume_size, state().instances[0]?.name]).toEqual(['web-group-2', 'web-data-2', 200, 'web-01-b']);

  sim.clearRequests();
  const error = await failure(run(sdrsReplicationPairHandler, 'update', pairRaw(DATA, 'web-data-3', { size_gb: 10 })));
  expect(isInputError(error)).toBe(true);
  expect(error.message).toBe(`size_gb: must be at least 200 GB, the size of volume ${DATA} (SDRS only expands, never shrinks), got 10`);
  expect(writes()).toEqual([]);
  expect(state().pairs[1]?.name).toBe('web-data-2');
});

test('a group made by hand is refused without adopt, adopted with it (announced, no create)', async () => {
  const made = await fetch(`${sim.url}/_sim/sdrs/server-groups`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'web-group' }) });
  expect(made.status).toBe(201);
  const byHand = state().groups[0]?.id ?? '';
  sim.clearRequests();
  const refused = await failure(run(sdrsProtectionGroupHandler, 'create', groupRaw()));
  expect(isInputError(refused)).toBe(true);
  expect(refused.message).toMatch(/^adopt: protection group web-group \(az-a → az-b\) is already replicated \(protection group .+ "web-group", available\) by something other than app\/web-group\. Taking it over is never silent: set adopt: true/);
  expect(writes()).toEqual([]);

  const c = ctx();
  await run(sdrsProtectionGroupHandler, 'create', groupRaw({ adopt: true }), c);
  expect(writes()).toEqual([]);
  expect(state().groups.map((g) => g.id)).toEqual([byHand]);
  expect(c.lines.some((l) => l.startsWith(`warn: protection group web-group (az-a → az-b): ADOPTING protection group ${byHand}`))).toBe(true);
});

test('an empty group cannot be protected: bad input naming the group, nothing sent', async () => {
  await run(sdrsProtectionGroupHandler, 'create', groupRaw());
  sim.clearRequests();
  const error = await failure(run(sdrsProtectionHandler, 'create', protectionRaw()));
  expect(isInputError(error)).toBe(true);
  expect(error.message).toMatch(/^group: protection group \S+ has no replication pairs, and an empty group cannot be enabled: .*got 0 pairs$/);
  expect(writes()).toEqual([]);
});

test('deletes keep the DR-site volume and server unless asked; deleting again succeeds', async () => {
  await deploy();
  const drServer = state().instances[0]?.target_server;
  const drVolumes = state().pairs.map((p) => p.volume_ids.split(',')[1]);
  const teardown = async () => {
    await run(sdrsProtectionHandler, 'delete', protectionRaw());
    await run(sdrsReplicationAttachmentHandler, 'delete', attachmentRaw(SYS, '/dev/vda'));
    await run(sdrsReplicationAttachmentHandler, 'delete', attachmentRaw(DATA, '/dev/vdb'));
    await run(sdrsProtectedInstanceHandler, 'delete', { ...instanceRaw(), name: undefined });
    await run(sdrsReplicationPairHandler, 'delete', { ...pairRaw(SYS, 'web-sys'), name: undefined });
    await run(sdrsReplicationPairHandler, 'delete', { ...pairRaw(DATA, 'web-data', { on_delete: { delete_target_volume: true } }), name: undefined });
    await run(sdrsProtectionGroupHandler, 'delete', { ...groupRaw(), name: undefined });
  };
  await teardown();
  expect([state().groups, state().pairs, state().instances]).toEqual([[], [], []]);
  const inventory = state().inventory;
  expect(inventory.servers.some((s) => s.id === drServer && s.dr)).toBe(true);
  expect(drVolumes.map((id) => inventory.volumes.some((v) => v.id === id))).toEqual([true, false]);
  const deleteBodies = sim.requests.filter((r) => r.method === 'DELETE' && r.path.includes('/replications/')).map((r) => r.body);
  expect(deleteBodies).toEqual([
    { replication: { server_group_id: expect.any(String), delete_target_volume: false } },
    { replication: { server_group_id: expect.any(String), delete_target_volume: true } },
  ]);

  sim.clearRequests();
  await teardown();
  expect(writes()).toEqual([]);
});

test('a protected instance deleted outside (console), then read and destroy: read says gone, the destroy succeeds, nothing is left', async () => {
  await deploy();
  const instanceId = state().instances[0]?.id ?? '';
  const removed = await fetch(`${sim.url}/_sim/sdrs/protected-instances/${instanceId}`, { method: 'DELETE' });
  expect(removed.status).toBe(204);
  const read = async <S>(handler: AnyHandler & { read(s: S, c: TestContext): Promise<unknown> }, raw: unknown) => handler.read(handler.parseSpec(raw, 'read') as S, ctx());
  expect(await read(sdrsProtectedInstanceHandler, instanceRaw())).toBeUndefined();
  expect(await read(sdrsReplicationAttachmentHandler, attachmentRaw(SYS, '/dev/vda'))).toBeUndefined();
  expect(await read(sdrsReplicationPairHandler, pairRaw(SYS, 'web-sys'))).toMatchObject({ status: 'protected' });
  await run(sdrsProtectionHandler, 'delete', protectionRaw());
  await run(sdrsReplicationAttachmentHandler, 'delete', attachmentRaw(SYS, '/dev/vda'));
  await run(sdrsReplicationAttachmentHandler, 'delete', attachmentRaw(DATA, '/dev/vdb'));
  await run(sdrsProtectedInstanceHandler, 'delete', { ...instanceRaw(), name: undefined });
  await run(sdrsReplicationPairHandler, 'delete', { ...pairRaw(SYS, 'web-sys'), name: undefined });
  await run(sdrsReplicationPairHandler, 'delete', { ...pairRaw(DATA, 'web-data'), name: undefined });
  await run(sdrsProtectionGroupHandler, 'delete', { ...groupRaw(), name: undefined });
  expect([state().groups, state().pairs, state().instances]).toEqual([[], [], []]);
});

test('tags, tenancy and dedicated_host_id of an instance and cluster_id of a pair reach the create bodies as Huawei names them', async () => {
  await run(sdrsProtectionGroupHandler, 'create', groupRaw());
  await run(sdrsReplicationPairHandler, 'create', pairRaw(DATA, 'web-data', { cluster_id: 'dss-pool-1' }));
  const tags = { env: 'prod', 'cost-center': '' };
  await run(sdrsProtectedInstanceHandler, 'create', instanceRaw({ tags, tenancy: 'dedicated', dedicated_host_id: 'dh-7' }));
  const body = (operation: string) => sim.requests.find((r) => r.operationId === operation)?.body;
  expect(body('createReplication')).toMatchObject({ replication: { volume_id: DATA, cluster_id: 'dss-pool-1' } });
  expect(body('createProtectedInstance')).toMatchObject({
    protected_instance: { server_id: WEB_01, tags: [{ key: 'env', value: 'prod' }, { key: 'cost-center', value: '' }], tenancy: 'dedicated', dedicated_host_id: 'dh-7' },
  });
  expect(state().instances[0]?.tags).toEqual([{ key: 'env', value: 'prod' }, { key: 'cost-center', value: '' }]);
});

test('changed tags of an existing instance are reported (create-time only), nothing sent', async () => {
  await run(sdrsProtectionGroupHandler, 'create', groupRaw());
  await run(sdrsProtectedInstanceHandler, 'create', instanceRaw({ tags: { env: 'prod' } }));
  sim.clearRequests();
  const c = ctx();
  await run(sdrsProtectedInstanceHandler, 'update', instanceRaw({ tags: { env: 'test' } }), c);
  expect(c.lines.filter((line) => line.startsWith('warn: '))).toEqual([
    `warn: protected instance of server ${WEB_01}: tags [{"key":"env","value":"prod"}] differ from the code's [{"key":"env","value":"test"}]; tags are set when the instance is created: change them in the SDRS console (nothing sent)`,
  ]);
  expect(writes()).toEqual([]);
});

test('bad tags, tenancy or a dedicated host without tenancy dedicated: one-line bad input naming the field, nothing sent', async () => {
  await run(sdrsProtectionGroupHandler, 'create', groupRaw());
  sim.clearRequests();
  const refused = async (extra: Record<string, unknown>) => (await failure(run(sdrsProtectedInstanceHandler, 'create', instanceRaw(extra)))).message;
  expect(await refused({ tenancy: 'private' })).toBe(`tenancy: must be 'shared' or 'dedicated' (or null for SDRS's default, shared), got "private" [sdrs.protected-instance spec]`);
  expect(await refused({ dedicated_host_id: 'dh-7' })).toBe("dedicated_host_id: is used only with tenancy 'dedicated', got tenancy null");
  expect(await refused({ tags: { 'a=b': 'x' } })).toBe('tags: keys must be 1–36 characters without control characters or * < > \\ = , | /; key "a=b" is not, got {"a=b":"x"} [sdrs.protected-instance spec]');
  expect(writes()).toEqual([]);
});

test('names with Chinese characters are sent as given (signed UTF-8 bodies) and found again; a bad name is bad input naming the rule', async () => {
  await run(sdrsProtectionGroupHandler, 'create', groupRaw({ name: '生产组' }));
  await run(sdrsReplicationPairHandler, 'create', pairRaw(DATA, '数据盘'));
  await run(sdrsProtectedInstanceHandler, 'create', instanceRaw({ name: '应用服务器' }));
  expect([state().groups[0]?.name, state().pairs[0]?.name, state().instances[0]?.name]).toEqual(['生产组', '数据盘', '应用服务器']);
  sim.clearRequests();
  await run(sdrsProtectedInstanceHandler, 'create', instanceRaw({ name: '应用服务器' }));
  expect(writes()).toEqual([]);
  const error = await failure(run(sdrsProtectedInstanceHandler, 'create', instanceRaw({ name: '组'.repeat(22) })));
  expect(error.message).toBe(
    `name: must be 1–64 bytes (UTF-8: a Chinese character takes 3) of Chinese characters, letters, digits, dots, underscores and hyphens, got "${'组'.repeat(22)}" [sdrs.protected-instance spec]`,
  );
});

test('a group description is sent as "<text> rf:<hash>", found again by its marker; a changed description is reported, nothing sent', async () => {
  await run(sdrsProtectionGroupHandler, 'create', groupRaw({ description: 'web tier DR' }));
  const [group] = state().groups;
  expect(group?.description).toBe(`web tier DR ${ownerMarker(GROUP_OWNER)}`);

  sim.clearRequests();
  const rerun = ctx();
  await run(sdrsProtectionGroupHandler, 'create', groupRaw({ description: 'web tier DR' }), rerun);
  expect(writes()).toEqual([]);
  expect(rerun.lines).toContain(`info: protection group web-group (az-a → az-b): already there (protection group ${group?.id} "web-group", ${group?.status}), made by this code; taking it up`);

  const changed = ctx();
  await run(sdrsProtectionGroupHandler, 'update', groupRaw({ description: 'payments DR' }), changed);
  expect(writes()).toEqual([]);
  expect(changed.lines).toContain(
    'warn: protection group web-group (az-a → az-b): description is create-time only (SDRS cannot change it after create): the live one stays "web tier DR", the code asks for "payments DR"; to apply it, replace the object on purpose',
  );
  expect(state().groups.map((g) => [g.id, g.description])).toEqual([[group?.id, `web tier DR ${ownerMarker(GROUP_OWNER)}`]]);
});

test('pair and instance descriptions are sent as "<text> rf:<hash>", found again by the marker (delete too); a change is reported, nothing sent', async () => {
  await run(sdrsProtectionGroupHandler, 'create', groupRaw());
  await run(sdrsReplicationPairHandler, 'create', pairRaw(DATA, 'web-data', { description: 'web data volume' }));
  await run(sdrsProtectedInstanceHandler, 'create', instanceRaw({ description: 'web front end' }));
  expect(state().pairs.map((p) => p.description)).toEqual([`web data volume ${ownerMarker('app/web-data')}`]);
  expect(state().instances.map((i) => i.description)).toEqual([`web front end ${ownerMarker('app/web-01')}`]);

  sim.clearRequests();
  const c = ctx();
  await run(sdrsReplicationPairHandler, 'update', pairRaw(DATA, 'web-data', { description: 'other' }), c);
  await run(sdrsProtectedInstanceHandler, 'update', instanceRaw({ description: null }), c);
  expect(writes()).toEqual([]);
  expect(c.lines.filter((l) => l.startsWith('warn:'))).toEqual([
    `warn: replication pair of volume ${DATA}: description is create-time only (SDRS cannot change it after create): the live one stays "web data volume", the code asks for "other"; to apply it, replace the object on purpose`,
    `warn: protected instance of server ${WEB_01}: description is create-time only (SDRS cannot change it after create): the live one stays "web front end", the code asks for null; to apply it, replace the object on purpose`,
  ]);

  await run(sdrsProtectedInstanceHandler, 'delete', instanceRaw());
  await run(sdrsReplicationPairHandler, 'delete', pairRaw(DATA, 'web-data'));
  expect([state().instances.length, state().pairs.length]).toEqual([0, 0]);
});

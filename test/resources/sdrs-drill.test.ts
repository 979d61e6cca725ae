/**
 * SDRS DR drills over HTTP against the simulator's SDRS service (AK/SK-signed requests; requests and responses
 * validated against specs/sdrs-api.json), on virtual time: the client's drill calls (the requests the server got,
 * the state left); kind `sdrs.drill` starts a drill and waits (drill servers from the protected instances, powered
 * on, in the drill VPC), reports it, renames it, cleans it up (the drill VPC SDRS made is kept, as Huawei documents)
 * and a drill already gone is a no-op; the preflight refuses an unprotected group, a first sync not done and a second
 * drill of the group (naming the running one); a failing drill job leaves a drill in error and no server; a cleanup
 * that fails once is deleted again and succeeds; deleting the group, its protection or a pair under a running drill
 * is refused with the way out; no failover, planned failover or reverse is ever sent.
 */
import type { SdrsClient } from '../../lib/client/sdrs/sdrs-client';
import type { RunningSimulator } from '../../src/simulator';
import { SDRS_PROJECT_ID, SDRS_SERVER_IDS, SDRS_VOLUME_IDS, SDRS_VPC_ID } from '../../src/simulator';
import type { LifecycleAction } from '../../src/resources/contract';
import { isInputError } from '../../src/resources/errors';
import { kindFor } from '../../src/resources/registry';
import { sdrsClient } from '../../src/resources/sdrs/client';
import { sdrsConnectionSpecSchema } from '../../src/resources/sdrs/connection';
import { sdrsDrillHandler } from '../../src/resources/sdrs/drill/handler';
import { drillPreflight, SdrsDrillRefusedError } from '../../src/resources/sdrs/drill/operations';
import { sdrsProtectedInstanceHandler } from '../../src/resources/sdrs/protected-instance/handler';
import { sdrsProtectionGroupHandler } from '../../src/resources/sdrs/protection-group/handler';
import { sdrsProtectionHandler } from '../../src/resources/sdrs/protection/handler';
import { sdrsReplicationAttachmentHandler } from '../../src/resources/sdrs/replication-attachment/handler';
import { sdrsReplicationPairHandler } from '../../src/resources/sdrs/replication-pair/handler';
import { startVirtualTimeSimulator, testContext, type TestContext, type VirtualClock } from '../helpers/context';
import { sdrsConnection, sdrsGroupJson, sdrsGroupRef, SDRS_SIM_ENV } from '../helpers/sim-connections';

const GROUP_OWNER = 'app/web-group';
const WEB_01 = SDRS_SERVER_IDS['ecs-web-01'];
const DATA = SDRS_VOLUME_IDS['evs-web-01-data'];
const groupRef = sdrsGroupRef(GROUP_OWNER);

let sim: RunningSimulator;
let clock: VirtualClock;
beforeEach(async () => {
  ({ sim, clock } = await startVirtualTimeSimulator());
});
afterEach(async () => {
  await sim.close();
});

const ctx = (): TestContext => testContext(SDRS_SIM_ENV, { ownership: null, clock });
const common = (owner: string) => ({ connection: sdrsConnection(sim.url), owner });
const groupRaw = () => ({ ...common(GROUP_OWNER), ...sdrsGroupJson(GROUP_OWNER) });
const pairRaw = () => ({ ...common('app/web-data'), group: groupRef, volume_id: DATA, name: 'web-data' });
const instanceRaw = () => ({ ...common('app/web-01'), group: groupRef, server_id: WEB_01, name: 'web-01' });
const attachmentRaw = () => ({ ...common('app/attach'), instance: { group: groupRef, server_id: WEB_01 }, pair: { group: groupRef, volume_id: DATA }, device: '/dev/vdb' });
const protectionRaw = () => ({ ...common('app/protection'), group: groupRef });
const drillRaw = (extra: Record<string, unknown> = {}) => ({ ...common('app/drill'), group: groupRef, name: 'web-drill', ...extra });

interface AnyHandler<S> {
  parseSpec(raw: unknown, action: LifecycleAction): S;
  create(s: S, c: TestContext): Promise<unknown>;
  delete(s: S, c: TestContext): Promise<void>;
}
async function run<S>(handler: AnyHandler<S>, action: 'create' | 'delete', raw: unknown, c: TestContext = ctx()): Promise<unknown> {
  const spec = handler.parseSpec(raw, action);
  return action === 'delete' ? handler.delete(spec, c) : handler.create(spec, c);
}

/** Group → pair → instance + attachment (→ protection started, unless asked not to). */
async function deploy(options: { protect?: boolean } = {}): Promise<string> {
  await run(sdrsProtectionGroupHandler, 'create', groupRaw());
  await run(sdrsReplicationPairHandler, 'create', pairRaw());
  await run(sdrsProtectedInstanceHandler, 'create', instanceRaw());
  await run(sdrsReplicationAttachmentHandler, 'create', attachmentRaw());
  if (options.protect !== false) await run(sdrsProtectionHandler, 'create', protectionRaw());
  return sim.sdrs.state.groups[0]?.id ?? '';
}

const drills = () => sim.sdrs.state.drills ?? [];
const drillServers = () => sim.sdrs.state.inventory.servers.filter((server) => server.drill_id !== undefined);
const path = (p: string) => p.replace(`/sdrs/v1/${SDRS_PROJECT_ID}`, '').replace(/\/[0-9a-f-]{20,}/g, '/{id}');
const writes = () => sim.requests.filter((r) => r.path.startsWith('/sdrs/') && r.method !== 'GET').map((r) => `${r.method} ${path(r.path)}`);
const drillCreateBodies = () => sim.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/disaster-recovery-drills')).map((r) => r.body);

async function failure(promise: Promise<unknown>): Promise<Error> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  if (!(error instanceof Error)) throw new Error('expected a failure');
  return error;
}

function client(): SdrsClient {
  return ctx().clients.get(sdrsClient, sdrsConnectionSpecSchema.parse(sdrsConnection(sim.url)));
}

test('the registry loads sdrs.drill', async () => {
  expect((await kindFor('sdrs.drill')).kind).toBe('sdrs.drill');
});

describe('the client against the simulator', () => {
  test('create, list by group, get, rename and delete a drill: the requests and the state left', async () => {
    const groupId = await deploy();
    const c = client();
    const job = await c.waitForJob(await c.createDrill({ server_group_id: groupId, name: 'q3-drill' }), { timeoutMs: 60_000 });
    const drillId = String(job.entities?.['disaster_recovery_drill_id']);
    expect(drillCreateBodies()).toEqual([{ disaster_recovery_drill: { server_group_id: groupId, name: 'q3-drill' } }]);
    const drill = await c.getDrill(drillId);
    const instanceId = sim.sdrs.state.instances[0]?.id;
    expect(drill).toMatchObject({ id: drillId, name: 'q3-drill', status: 'available', server_group_id: groupId, drill_vpc_id: expect.stringMatching(/^vpc-drill-/) });
    expect(drill?.drill_servers).toEqual([{ protected_instance: instanceId, drill_server_id: drillServers()[0]?.id }]);
    expect(drillServers()).toEqual([expect.objectContaining({ status: 'ACTIVE', vpc_id: drill?.drill_vpc_id, availability_zone: 'az-b' })]);
    expect((await c.listDrills({ serverGroupId: groupId })).map((d) => d.id)).toEqual([drillId]);
    expect(await c.listDrills({ serverGroupId: 'no-such-group' })).toEqual([]);
    expect(sim.requests.some((r) => r.method === 'GET' && r.query?.['server_group_id'] === groupId && r.path.endsWith('/disaster-recovery-drills'))).toBe(true);
    expect((await c.renameDrill(drillId, 'q3-drill-b')).name).toBe('q3-drill-b');
    const deleteJob = await c.deleteDrill(drillId);
    if (deleteJob === undefined) throw new Error('expected a delete job');
    await c.waitForJob(deleteJob, { timeoutMs: 60_000 });
    expect(drills()).toEqual([]);
    expect(drillServers()).toEqual([]);
    expect(sim.sdrs.state.inventory.vpcs).toContain(drill?.drill_vpc_id);
    expect(await c.getDrill(drillId)).toBeUndefined();
    expect(await c.deleteDrill(drillId)).toBeUndefined();
    expect(sim.sdrs.state.groups[0]?.status).toBe('protected');
  });

  test('a drill VPC that does not exist, an unknown group and a group being created are refused as Huawei documents', async () => {
    const groupId = await deploy();
    const c = client();
    await expect(c.createDrill({ server_group_id: groupId, name: 'x', drill_vpc_id: 'vpc-nope' })).rejects.toThrow(/SDRS\.0201.*drill_vpc_id vpc-nope does not exist/);
    await expect(c.createDrill({ server_group_id: 'g-nope', name: 'x' })).rejects.toThrow(/SDRS\.1013/);
    const group = sim.sdrs.state.groups[0];
    if (group) group.status = 'stopping';
    await expect(c.createDrill({ server_group_id: groupId, name: 'x' })).rejects.toThrow(/SDRS\.1002.*stopping: creating a DR drill is not allowed/);
    expect(drills()).toEqual([]);
  });
});

describe('kind sdrs.drill', () => {
  test('create starts the drill and waits: drill servers from the protected instances, powered on, in the drill VPC', async () => {
    await deploy();
    sim.clearRequests();
    const c = ctx();
    const state = await run(sdrsDrillHandler, 'create', drillRaw(), c);
    const [drill] = drills();
    const [server] = drillServers();
    expect(state).toEqual({
      id: drill?.id,
      name: 'web-drill',
      status: 'available',
      group_id: sim.sdrs.state.groups[0]?.id,
      vpc_id: drill?.drill_vpc_id,
      created_at: drill?.created_at,
      updated_at: drill?.updated_at,
      drill_servers: [
        { protected_instance_id: sim.sdrs.state.instances[0]?.id, drill_server_id: server?.id, server_status: 'ACTIVE', powered_on: true, vpc_id: drill?.drill_vpc_id, addresses: ['192.168.0.10'] },
      ],
    });
    expect(writes()).toEqual(['POST /disaster-recovery-drills']);
    expect([c.progressEvents[0], c.progressEvents.at(-1)]).toEqual([`start starting DR drill "web-drill" of group ${sim.sdrs.state.groups[0]?.id}`, 'stop done']);
    expect(c.lines).toContain(`info: DR drill "web-drill" of protection group of app/web-group (az-a → az-b, VPC vpc-prod): started as ${drill?.id}: 1 drill server(s), 1 powered on, in VPC ${drill?.drill_vpc_id}`);
  });

  test('read reports it by the known id or by group and name; a rerun takes it up and sends no write', async () => {
    await deploy();
    const created = (await run(sdrsDrillHandler, 'create', drillRaw())) as { id: string };
    const spec = sdrsDrillHandler.parseSpec(drillRaw(), 'create');
    expect(await sdrsDrillHandler.read(spec, ctx(), { id: created.id })).toMatchObject({ id: created.id, status: 'available' });
    expect(await sdrsDrillHandler.read(spec, ctx())).toMatchObject({ id: created.id });
    sim.clearRequests();
    await run(sdrsDrillHandler, 'create', drillRaw());
    expect(writes()).toEqual([]);
    expect(drills()).toHaveLength(1);
  });

  test('update renames it in place', async () => {
    await deploy();
    const created = (await run(sdrsDrillHandler, 'create', drillRaw())) as { id: string };
    sim.clearRequests();
    const update = sdrsDrillHandler.update;
    if (update === undefined) throw new Error('no update');
    const after = await update(sdrsDrillHandler.parseSpec(drillRaw({ name: 'web-drill-2' }), 'update'), ctx(), { id: created.id });
    expect(after).toMatchObject({ id: created.id, name: 'web-drill-2' });
    expect(writes()).toEqual(['PUT /disaster-recovery-drills/{id}']);
  });

  test('delete cleans it up and waits (the drill VPC SDRS made is kept, and said so); a drill already gone is a no-op', async () => {
    await deploy();
    const created = (await run(sdrsDrillHandler, 'create', drillRaw())) as { id: string; vpc_id: string };
    sim.clearRequests();
    const c = ctx();
    await sdrsDrillHandler.delete(sdrsDrillHandler.parseSpec(drillRaw(), 'delete'), c, { id: created.id });
    expect(drills()).toEqual([]);
    expect(drillServers()).toEqual([]);
    expect(writes()).toEqual(['DELETE /disaster-recovery-drills/{id}']);
    expect(c.lines.at(-1)).toBe(
      `info: DR drill "web-drill" of protection group of app/web-group (az-a → az-b, VPC vpc-prod): cleaned up (${created.id}: its 1 drill server(s), their disks and NICs deleted). SDRS keeps the drill VPC ${created.vpc_id} it created (delete it in the VPC console if no drill needs it).`,
    );
    sim.clearRequests();
    const again = ctx();
    await sdrsDrillHandler.delete(sdrsDrillHandler.parseSpec(drillRaw(), 'delete'), again, { id: created.id });
    expect(writes()).toEqual([]);
    expect(again.lines).toContain('info: DR drill "web-drill" of protection group of app/web-group (az-a → az-b, VPC vpc-prod): no such drill; nothing to clean up');
  });

  test('nothing touches production: no failover, planned failover (reverse) or stop is ever sent, and the group stays protected', async () => {
    await deploy();
    sim.clearRequests();
    const created = (await run(sdrsDrillHandler, 'create', drillRaw())) as { id: string };
    await sdrsDrillHandler.delete(sdrsDrillHandler.parseSpec(drillRaw(), 'delete'), ctx(), { id: created.id });
    expect(sim.requests.filter((r) => r.path.includes('/server-groups') && r.method !== 'GET')).toEqual([]);
    expect(sim.sdrs.state.groups[0]?.status).toBe('protected');
    expect(sim.sdrs.state.inventory.servers.filter((s) => !s.dr).every((s) => (s.status ?? 'ACTIVE') === 'ACTIVE')).toBe(true);
  });

  test('refused before any change: an unprotected group, a first sync not done, the production VPC', async () => {
    await deploy({ protect: false });
    const notProtected = await failure(run(sdrsDrillHandler, 'create', drillRaw()));
    expect(notProtected).toBeInstanceOf(SdrsDrillRefusedError);
    const groupId = sim.sdrs.state.groups[0]?.id;
    expect(notProtected.message).toBe(
      `DR drill of protection group ${groupId} refused (nothing was changed): protection group ${groupId} is available, not protected: start its protection (sdrs.protection) and wait for the first sync`,
    );
    await run(sdrsProtectionHandler, 'create', protectionRaw());
    const pair = sim.sdrs.state.pairs[0];
    if (pair) Object.assign(pair, { replication_status: 'copying', progress: 40 });
    const syncing = await failure(run(sdrsDrillHandler, 'create', drillRaw()));
    expect(syncing.message).toContain(`replication pair web-data (${pair?.id}) is still syncing (40%): wait for its first sync to end`);
    if (pair) Object.assign(pair, { replication_status: 'active', progress: 100 });
    const production = await failure(run(sdrsDrillHandler, 'create', drillRaw({ drill_vpc_id: SDRS_VPC_ID })));
    expect(isInputError(production)).toBe(true);
    expect(production.message).toBe(`drill_vpc_id: vpc-prod is the production VPC of group ${groupId}: name another VPC, or null (SDRS creates a drill VPC)`);
    expect(drills()).toEqual([]);
    expect(drillCreateBodies()).toEqual([]);
  });

  test('a second drill of the same group is refused naming the running one', async () => {
    await deploy();
    const first = (await run(sdrsDrillHandler, 'create', drillRaw())) as { id: string; created_at: string };
    const second = await failure(run(sdrsDrillHandler, 'create', { ...drillRaw({ name: 'other-drill' }), owner: 'app/other' }));
    const groupId = sim.sdrs.state.groups[0]?.id;
    expect(second.message).toBe(
      `DR drill of protection group ${groupId} refused (nothing was changed): drill "web-drill" (${first.id}, available, since ${first.created_at}) of this group is running: one drill per group at a time — delete it first (destroy its repliform_sdrs_drill, or let \`repliform drill\` clean it up)`,
    );
    expect(drills()).toHaveLength(1);
    expect(await drillPreflight(client(), groupId ?? '')).toHaveLength(1);
  });

  test("a failing drill job: the create fails with the job's reason, the drill is left in error with no server, and its delete cleans it", async () => {
    await deploy();
    sim.faults.addRule({ service: 'sdrs', method: 'POST', path: '/v1/*/disaster-recovery-drills', taskError: 'The drill server could not be created.', count: 1 });
    const error = await failure(run(sdrsDrillHandler, 'create', drillRaw()));
    expect(error.message).toMatch(/The drill server could not be created\./);
    expect(drills().map((d) => d.status)).toEqual(['error']);
    expect(drillServers()).toEqual([]);
    await run(sdrsDrillHandler, 'delete', drillRaw());
    expect(drills()).toEqual([]);
  });

  test('a cleanup that fails once is deleted again and succeeds', async () => {
    await deploy();
    const created = (await run(sdrsDrillHandler, 'create', drillRaw())) as { id: string };
    sim.faults.addRule({ service: 'sdrs', method: 'DELETE', path: '/v1/*/disaster-recovery-drills/*', taskError: 'The drill server is locked.', count: 1 });
    sim.clearRequests();
    const c = ctx();
    await sdrsDrillHandler.delete(sdrsDrillHandler.parseSpec(drillRaw(), 'delete'), c, { id: created.id });
    expect(writes()).toEqual(['DELETE /disaster-recovery-drills/{id}', 'DELETE /disaster-recovery-drills/{id}']);
    expect(c.lines).toContainEqual(expect.stringMatching(new RegExp(`^warn: DR drill ${created.id}: its cleanup failed \\(.*The drill server is locked\\.\\); deleting it again$`)));
    expect(drills()).toEqual([]);
    expect(drillServers()).toEqual([]);
  });
});

describe('deleting what a running drill stands on is refused with the way out', () => {
  const wayOut = 'Clean the drill up first — destroy its repliform_sdrs_drill (`terraform destroy -target=<its address>`), or let `repliform drill` finish its cleanup — then run this destroy again.';

  test('the group, its protection and its pair', async () => {
    await deploy();
    const created = (await run(sdrsDrillHandler, 'create', drillRaw())) as { id: string; created_at: string; group_id: string };
    const running = `drill "web-drill" (${created.id}, available, since ${created.created_at}) of protection group ${created.group_id} exists (nothing was changed)`;
    sim.clearRequests();
    const protection = await failure(run(sdrsProtectionHandler, 'delete', protectionRaw()));
    expect(protection.message).toBe(`protection of protection group of app/web-group (az-a → az-b, VPC vpc-prod): NOT deleted while ${running}. ${wayOut}`);
    const pair = await failure(run(sdrsReplicationPairHandler, 'delete', pairRaw()));
    expect(pair.message).toMatch(new RegExp(`: NOT deleted while ${running.replace(/[()]/g, '\\$&')}\\. `));
    const group = await failure(run(sdrsProtectionGroupHandler, 'delete', groupRaw()));
    expect(group.message).toContain(`NOT deleted while ${running}. ${wayOut}`);
    expect(writes()).toEqual([]);
    expect(sim.sdrs.state.groups[0]?.status).toBe('protected');
    await run(sdrsDrillHandler, 'delete', drillRaw());
    await run(sdrsProtectionHandler, 'delete', protectionRaw());
    expect(sim.sdrs.state.groups[0]?.status).toBe('available');
  });
});

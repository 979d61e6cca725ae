/**
 * vcda.site and vcda.replication handlers over HTTP against the simulator's VCDA service (`<url>/vcda`, requests
 * and responses validated against specs/vcda-api.json): create → rerun → RPO and storage-profile change in place →
 * delete (pause and keep, then delete the replica); bad references refused by the API as bad input naming the field;
 * the request count of one create.
 */
import { vcdaReplicationHandler } from '../../src/resources/vcda/replication/handler';
import { vcdaReplicationSpecSchema, type VcdaReplicationSpec, type VcdaReplicationSpecInput } from '../../src/resources/vcda/replication/schema';
import { vcdaSiteHandler } from '../../src/resources/vcda/site/handler';
import { isInputError } from '../../src/resources/errors';
import { VCDA_STORAGE_PROFILE_IDS, VCDA_VDC_IDS, VCDA_VM_IDS } from '../../src/simulator/vcda/inventory-seed';
import { testContext, type TestContext } from '../helpers/context';
import { vcdaConnection, VCDA_SIM_ENV } from '../helpers/sim-connections';
import { useSimulator } from '../helpers/simulator';

const WEB_01 = VCDA_VM_IDS['vcd-web-01'];

const sim = useSimulator({ validateResponses: true, taskDelayMs: 0 });
function input(overrides: Partial<VcdaReplicationSpecInput> = {}): VcdaReplicationSpecInput {
  return {
    connection: vcdaConnection(sim.url),
    source: { site: 'site1', vm_id: WEB_01 },
    destination: { site: 'site2', vdc: VCDA_VDC_IDS['vdc-gold'] },
    settings: { rpo_minutes: 60, retention_rules: [{ instances: 3, distance_minutes: 60 }], quiescing: true, description: 'web tier' },
    owner: 'app/web',
    ...overrides,
  };
}
const spec = (overrides: Partial<VcdaReplicationSpecInput> = {}): VcdaReplicationSpec => vcdaReplicationSpecSchema.parse(input(overrides));
const ctx = (): TestContext => testContext(VCDA_SIM_ENV, { ownership: null });

async function failure(promise: Promise<unknown>): Promise<Error> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  if (!(error instanceof Error)) throw new Error('expected a failure');
  return error;
}

test('create, rerun, change RPO and storage profile in place, then delete: paused and kept, then deleted with its replica', async () => {
  const created = await vcdaReplicationHandler.create(spec(), ctx());
  expect(created).toMatchObject({ vm_id: WEB_01, source_site: 'site1', destination_site: 'site2', destination_vdc: VCDA_VDC_IDS['vdc-gold'], owner: 'app/web', paused: false });
  expect(created.settings).toMatchObject({ rpo_minutes: 60, retention_rules: [{ instances: 3, distance_minutes: 60 }], quiescing: true, description: 'web tier', storage_profile: null });

  const again = await vcdaReplicationHandler.create(spec(), ctx());
  expect(again.id).toBe(created.id);

  const changed = spec({ settings: { ...input().settings, rpo_minutes: 15, storage_profile: VCDA_STORAGE_PROFILE_IDS.Silver } });
  const updated = await vcdaReplicationHandler.update?.(changed, ctx());
  expect(updated?.id).toBe(created.id);
  expect(updated?.settings).toMatchObject({ rpo_minutes: 15, storage_profile: VCDA_STORAGE_PROFILE_IDS.Silver });

  const kept = ctx();
  await vcdaReplicationHandler.delete(changed, kept);
  expect(await vcdaReplicationHandler.read(changed, ctx())).toMatchObject({ id: created.id, paused: true });
  expect(kept.lines.some((l) => l.startsWith(`warn: VM ${WEB_01}: replication ${created.id} is PAUSED and KEPT`))).toBe(true);

  await vcdaReplicationHandler.delete(spec({ on_delete: { delete_replica: true } }), ctx());
  expect(await vcdaReplicationHandler.read(changed, ctx())).toBeUndefined();
});

test('excluded disks are sent as source.excludedDisks, the field the server reads: the replica leaves those disks out', async () => {
  const db = spec({ source: { site: 'site1', vm_id: VCDA_VM_IDS['vcd-db-01'] }, exclude_disk_keys: [2001] });
  const created = await vcdaReplicationHandler.create(db, ctx());
  const start = sim.requests.find((r) => r.method === 'POST' && r.path === '/vcda/vm-replications');
  expect((start?.body as { source: unknown }).source).toEqual({ type: 'vm', site: 'site1', vmId: VCDA_VM_IDS['vcd-db-01'], excludedDisks: [2001] });
  expect(sim.vcda.state.replications.find((r) => r.info.id === created.id)?.info.settings.excludedDiskKeys).toEqual([2001]);
  expect(created.exclude_disk_keys).toEqual([2001]);
});

describe('a source site that is not the endpoint\'s local site', () => {
  /** The endpoint now belongs to site2 (the cloud site of the destination vDC); the VM runs on site1, remote. */
  function localSiteIsSite2(): void {
    sim.vcda.change((state) => {
      state.localSite = 'site2';
      for (const site of state.sites) site.isLocal = site.site === 'site2';
    });
  }
  const remoteSource = (overrides: Partial<VcdaReplicationSpecInput> = {}): VcdaReplicationSpec =>
    spec({ connection: { ...input().connection, remote_credentials: { username_env: 'VCDA_SITE1_USER', password_env: 'VCDA_SITE1_PASSWORD' } }, ...overrides });
  const writes = (): string[] =>
    sim.requests
      .filter((r) => r.method !== 'GET' && /^\/vcda\/vm-replications/.test(r.path))
      .map((r) => `${r.method} ${r.path.replace(/C4-[0-9a-f-]+/, '{id}')} site=${String(r.query.site)}`);

  test('every write names the source site (?site=site1), and the server acts on that site', async () => {
    localSiteIsSite2();
    const created = await vcdaReplicationHandler.create(remoteSource(), ctx());
    await vcdaReplicationHandler.update?.(remoteSource({ settings: { ...input().settings, rpo_minutes: 15, storage_profile: VCDA_STORAGE_PROFILE_IDS.Silver } }), ctx());
    await vcdaReplicationHandler.delete(remoteSource(), ctx());
    const { runVcdaOperation } = await import('../../src/resources/vcda/operations');
    await runVcdaOperation('resume', remoteSource(), ctx(), 60);
    await runVcdaOperation('sync', remoteSource(), ctx(), 60);
    await vcdaReplicationHandler.delete(remoteSource({ on_delete: { delete_replica: true } }), ctx());

    expect(writes()).toEqual([
      'POST /vcda/vm-replications site=site1',
      'PATCH /vcda/vm-replications/{id} site=site1',
      'POST /vcda/vm-replications/{id}/storage-profile site=site1',
      'POST /vcda/vm-replications/{id}/pause site=site1',
      'POST /vcda/vm-replications/{id}/resume site=site1',
      'POST /vcda/vm-replications/{id}/sync site=site1',
      'DELETE /vcda/vm-replications/{id} site=site1',
    ]);
    expect(created.source_site).toBe('site1');
    expect(sim.vcda.state.replications).toEqual([]);
  });
});

describe('after the documented stop half-way (a destination change with the default destroy)', () => {
  const silver = (): VcdaReplicationSpec => spec({ destination: { site: 'site2', vdc: VCDA_VDC_IDS['vdc-silver'] } });

  test('changing the code back resumes the replication this code paused and kept, and says so', async () => {
    const created = await vcdaReplicationHandler.create(spec(), ctx());
    await vcdaReplicationHandler.delete(spec(), ctx());
    const blocked = await failure(vcdaReplicationHandler.create(silver(), ctx()));
    expect(blocked.message).toContain('VCDA allows one replication per VM, so the new one cannot start beside it');

    const back = ctx();
    const resumed = await vcdaReplicationHandler.create(spec(), back);
    expect(resumed).toMatchObject({ id: created.id, paused: false, destination_vdc: VCDA_VDC_IDS['vdc-gold'] });
    expect(sim.vcda.state.replications.map((r) => [r.info.id, r.info.isPaused])).toEqual([[created.id, false]]);
    const resume = sim.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/resume'));
    expect(resume.map((r) => [r.path, r.query.site])).toEqual([[`/vcda/vm-replications/${created.id}/resume`, 'site1']]);
    expect(back.lines).toContain(
      `warn: VM ${WEB_01}: replication ${created.id} was PAUSED and KEPT by this code's destroy, and the code declares it again (same identity): RESUMING it, with its replica`,
    );
  });

  test('the error of the blocked create names the way out that works now: change the code back', async () => {
    const created = await vcdaReplicationHandler.create(spec(), ctx());
    await vcdaReplicationHandler.delete(spec(), ctx());
    const blocked = await failure(vcdaReplicationHandler.create(silver(), ctx()));
    expect(blocked.message).toContain(`or change the code back: the next apply resumes replication ${created.id}`);
  });

  test('a paused replication of another owner is not resumed, even with adopt: true', async () => {
    await vcdaReplicationHandler.create(spec({ owner: 'other/web' }), ctx());
    await vcdaReplicationHandler.delete(spec({ owner: 'other/web' }), ctx());
    const error = await failure(vcdaReplicationHandler.create(spec({ adopt: true }), ctx()));
    expect(error.message).toMatch(/is PAUSED: it is not protecting the VM, and the code does not declare that\. Nothing was changed\./);
    expect(sim.requests.filter((r) => r.path.endsWith('/resume'))).toEqual([]);
    expect(sim.vcda.state.replications[0].info.isPaused).toBe(true);
  });
});

test('an apply meeting its paused replication stops and changes nothing', async () => {
  await vcdaReplicationHandler.create(spec(), ctx());
  await vcdaReplicationHandler.delete(spec(), ctx());
  const error = await failure(Promise.resolve(vcdaReplicationHandler.update?.(spec({ settings: { ...input().settings, rpo_minutes: 15 } }), ctx())));
  expect(error.message).toMatch(/is PAUSED: it is not protecting the VM, and the code does not declare that\. Nothing was changed\./);
  expect((await vcdaReplicationHandler.read(spec(), ctx()))?.settings.rpo_minutes).toBe(60);
});

const badReferences: [string, Partial<VcdaReplicationSpecInput>, string, string][] = [
  ['an unknown VM', { source: { site: 'site1', vm_id: 'no-such-vm' } }, 'source.vm_id', '"no-such-vm"'],
  ['an unknown vDC', { destination: { site: 'site2', vdc: 'no-such-vdc' } }, 'destination.vdc', '"no-such-vdc"'],
  ['an unknown storage profile', { settings: { rpo_minutes: 60, storage_profile: 'no-such-profile' } }, 'settings.storage_profile', '"no-such-profile"'],
  ['a disk the VM does not have', { exclude_disk_keys: [2999] }, 'exclude_disk_keys', '[2999]'],
];

test.each(badReferences)('%s is bad input naming the field and the value; nothing is created', async (_what, overrides, field, given) => {
  const error = await failure(vcdaReplicationHandler.create(spec(overrides), ctx()));
  expect(isInputError(error)).toBe(true);
  expect(error.message.startsWith(`${field}: VCDA refused to replicate`)).toBe(true);
  expect(error.message).toContain(`given ${given}. Nothing was created`);
  expect(await vcdaReplicationHandler.read(spec(), ctx())).toBeUndefined();
});

test('an unknown site is bad input listing the sites, before any request to replications', async () => {
  const error = await failure(vcdaReplicationHandler.create(spec({ destination: { site: 'site9', vdc: VCDA_VDC_IDS['vdc-gold'] } }), ctx()));
  expect(error.message).toBe('destination.site: no site "site9" on this VCDA; sites: "site1", "site2"');
  expect(await vcdaSiteHandler.create(vcdaSiteHandler.parseSpec({ connection: input().connection, site: 'site2' }, 'create'), ctx())).toMatchObject({ site: 'site2', is_local: false });
});

test('one create costs a login, the sites, one extension, one list, the start and one read back, beyond polling', async () => {
  const c = ctx();
  await vcdaReplicationHandler.create(spec(), c);
  const [client] = c.clients.all();
  expect(client?.stats).toMatchObject({ logins: 1 });
  expect((client?.stats.requests ?? 0) - (client?.stats.taskPolls ?? 0)).toBe(6);
});

describe('runbook operations', () => {
  test('pause, pause again (nothing sent), sync refused while paused, resume, sync', async () => {
    const { runVcdaOperation } = await import('../../src/resources/vcda/operations');
    await vcdaReplicationHandler.create(spec(), ctx());
    const target = spec();
    const paused = await runVcdaOperation('pause', target, ctx(), 60);
    expect(paused).toMatchObject({ operation: 'pause', performed: true, paused: true });
    expect(await runVcdaOperation('pause', target, ctx(), 60)).toMatchObject({ performed: false, paused: true });
    const refused = await failure(runVcdaOperation('sync', target, ctx(), 60));
    expect(refused.message).toBe(`VM ${WEB_01}: the replication ${paused.id} is paused and cannot be synced; resume it first`);
    expect(await runVcdaOperation('resume', target, ctx(), 60)).toMatchObject({ performed: true, paused: false });
    expect(await runVcdaOperation('sync', target, ctx(), 60)).toMatchObject({ operation: 'sync', performed: true, paused: false });
  });

  test('an operation on a VM without a replication is bad input', async () => {
    const { runVcdaOperation } = await import('../../src/resources/vcda/operations');
    const error = await failure(runVcdaOperation('sync', spec(), ctx(), 60));
    expect(error.message).toBe(`source.vm_id: no replication of VM "${WEB_01}" from site "site1"`);
  });
});

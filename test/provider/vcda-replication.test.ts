/**
 * Integration: the provider's resource type for `vcda.replication`, driven as Terraform drives it (validate, plan,
 * apply, read) with Terraform values — every attribute the HCL leaves out is null — against the simulator's VCDA
 * service over HTTP.
 */
import { kindFor } from '../../src/resources/registry';
import { ResourceType, type ObjectValue, type ResourceRuntime } from '../../src/provider/resource-type';
import { objectValueOf } from '../../src/provider/convert';
import { isObjectValue, type TfValue } from '../../src/provider/values';
import { startSimulator, type RunningSimulator } from '../../src/simulator';
import { VCDA_SLA_PROFILE_ID, VCDA_STORAGE_PROFILE_IDS, VCDA_VDC_IDS, VCDA_VM_IDS } from '../../src/simulator/vcda/inventory-seed';
import { memoryOwnershipRecords } from '../../src/resources/ownership';
import { testContext, virtualClock, type VirtualClock } from '../helpers/context';
import { vcdaConnection, VCDA_SIM_ENV } from '../helpers/sim-connections';

const WEB_01 = VCDA_VM_IDS['vcd-web-01'];

let sim: RunningSimulator;
let clock: VirtualClock;
let type: ResourceType;

function runtime(): ResourceRuntime {
  const ownership = memoryOwnershipRecords();
  const connection = vcdaConnection(sim.url);
  return {
    connectionFor: (vendor) => (vendor === 'vcda' ? connection : undefined),
    stopReason: () => undefined,
    context: (warnings) => {
      const ctx = testContext(VCDA_SIM_ENV, { clock, ownership });
      return { ...ctx, log: { ...ctx.log, warn: (m: string) => warnings.push(m) } };
    },
  };
}

/** The configuration Terraform would send: every attribute, null where the HCL leaves it out. */
function config(settings: Record<string, unknown>): ObjectValue {
  const json = {
    source: { site: 'site1', vm_id: WEB_01 },
    destination: { site: 'site2', vdc: VCDA_VDC_IDS['vdc-gold'] },
    settings,
    owner: 'app/vcd-web-01',
  };
  return objectValueOf(json, type.spec) as ObjectValue;
}

function object(value: TfValue): ObjectValue {
  if (!isObjectValue(value)) throw new Error(`expected an object, got ${String(value)}`);
  return value;
}

beforeEach(async () => {
  clock = virtualClock();
  sim = await startSimulator({ taskDelayMs: 40, validateResponses: true, clock });
  type = new ResourceType(await kindFor('vcda.replication')).bind(runtime());
});

afterEach(async () => {
  await sim.close();
});

describe('an SLA profile instead of RPO, retention and data connection', () => {
  const withSla = () => config({ sla_profile_id: VCDA_SLA_PROFILE_ID, quiescing: true });

  test('validates, plans and applies with rpo_minutes left out: the start request names the profile and no RPO', async () => {
    expect(type.validate(withSla())).toEqual([]);
    const plan = await type.plan(null, withSla(), withSla(), undefined);
    expect(plan.diagnostics).toEqual([]);
    expect(object(object(plan.planned).settings)).toMatchObject({ sla_profile_id: VCDA_SLA_PROFILE_ID, rpo_minutes: null });
    const applied = await type.apply(null, plan.planned, undefined);
    expect(applied.diagnostics).toEqual([]);

    const start = sim.requests.find((r) => r.method === 'POST' && r.path === '/vcda/vm-replications');
    expect(start?.body).toMatchObject({ slaProfileId: VCDA_SLA_PROFILE_ID, quiesced: true });
    expect(start?.body).not.toHaveProperty('rpo');
    expect(start?.body).not.toHaveProperty('dataConnectionType');
    const [replication] = sim.vcda.state.replications;
    expect(object(applied.state).id).toBe(replication.info.id);
    expect(replication.info.settings.slaProfileId).toBe(VCDA_SLA_PROFILE_ID);
  });

  test('the next plan, after a refresh, changes nothing (the profile sets the RPO on the server)', async () => {
    const plan = await type.plan(null, withSla(), withSla(), undefined);
    const state = object((await type.apply(null, plan.planned, undefined)).state);
    const refreshed = object((await type.read(state, undefined)).state);
    const again = await type.plan(refreshed, withSla(), withSla(), undefined);
    expect(again.diagnostics).toEqual([]);
    expect(again.planned).toBe(refreshed);
  });

  test("leaving the profile for the code's own RPO sends every policy field (the profile's are still the server's), then plans nothing", async () => {
    const plan = await type.plan(null, withSla(), withSla(), undefined);
    const state = object((await type.apply(null, plan.planned, undefined)).state);
    const own = config({ rpo_minutes: 30, retention_rules: [{ instances: 2, distance_minutes: 120 }], quiescing: true, data_connection_type: 'ENCRYPTED_COMPRESSED' });
    const change = await type.plan(object((await type.read(state, undefined)).state), own, own, undefined);
    expect(change.requiresReplace).toEqual([]);
    const updated = object((await type.apply(state, change.planned, undefined)).state);
    expect(updated.id).toBe(state.id);
    const patch = sim.requests.find((r) => r.method === 'PATCH' && r.path.startsWith('/vcda/vm-replications/'));
    expect(patch?.body).toEqual({ rpo: 30, retentionPolicy: { rules: [{ numberOfInstances: 2, distance: 120 }] }, slaProfileId: null, dataConnectionType: 'ENCRYPTED_COMPRESSED' });
    const refreshed = object((await type.read(updated, undefined)).state);
    expect((await type.plan(refreshed, own, own, undefined)).planned).toBe(refreshed);
  });

  test('neither an RPO nor an SLA profile is one diagnostic naming both', () => {
    const diagnostics = type.validate(config({ quiescing: true }));
    expect(diagnostics.map((d) => d.summary)).toEqual([expect.stringContaining('set either rpo_minutes (with retention_rules) or sla_profile_id')]);
  });
});

describe('after a destination change stopped half-way (the default destroy pauses and keeps)', () => {
  const gold = () => config({ rpo_minutes: 15 });
  const silver = () => objectValueOf({ ...specJson(gold()), destination: { site: 'site2', vdc: VCDA_VDC_IDS['vdc-silver'] } }, type.spec) as ObjectValue;
  const specJson = (value: ObjectValue): Record<string, unknown> => JSON.parse(JSON.stringify(value)) as Record<string, unknown>;

  test('the replace stops at the create; changing the code back plans a create that resumes the same replication', async () => {
    const state = object((await type.apply(null, (await type.plan(null, gold(), gold(), undefined)).planned, undefined)).state);
    const move = await type.plan(state, silver(), silver(), undefined);
    expect(move.requiresReplace).toEqual(['destination']);
    expect((await type.apply(state, null, undefined)).state).toBeNull();
    const blocked = await type.apply(null, (await type.plan(null, silver(), silver(), undefined)).planned, undefined);
    expect(blocked.diagnostics.map((d) => d.severity)).toContain('ERROR');
    expect(sim.vcda.state.replications.map((r) => r.info.isPaused)).toEqual([true]);

    const back = await type.apply(null, (await type.plan(null, gold(), gold(), undefined)).planned, undefined);
    expect(back.diagnostics.filter((d) => d.severity === 'ERROR')).toEqual([]);
    expect(back.diagnostics.map((d) => d.summary).join('\n')).toContain('RESUMING it, with its replica');
    expect(object(back.state)).toMatchObject({ id: state.id, paused: false });
    expect(sim.vcda.state.replications.map((r) => [r.info.id, r.info.isPaused])).toEqual([[state.id, false]]);
  });
});

describe('a replication paused outside Terraform', () => {
  test('the plan after the refresh warns, saying what the apply will do and the way out', async () => {
    const gold = () => config({ rpo_minutes: 15, retention_rules: [] });
    const state = object((await type.apply(null, (await type.plan(null, gold(), gold(), undefined)).planned, undefined)).state);
    sim.vcda.change((vcda) => {
      for (const replication of vcda.replications) replication.info.isPaused = true;
    });
    const read = object((await type.read(state, undefined)).state);
    expect(read.paused).toBe(true);
    const id = String(state.id);
    const summary = `repliform_vcda_replication VM ${WEB_01} is PAUSED on the server (not by this configuration): replication ${id} is not protecting the VM`;
    const fix = `Resume it in VCDA (the portal, or \`POST /vm-replications/${id}/resume\`) if the pause is over; \`repliform review --live\` lists every such replication.`;

    const unchanged = await type.plan(read, gold(), gold(), undefined);
    expect(unchanged.planned).toBe(read);
    expect(unchanged.diagnostics).toEqual([{ severity: 'WARNING', summary, detail: `This plan changes nothing for it: terraform apply leaves it PAUSED. ${fix}` }]);

    const faster = config({ rpo_minutes: 10, retention_rules: [] });
    const changed = await type.plan(read, faster, faster, undefined);
    expect(changed.diagnostics).toEqual([{ severity: 'WARNING', summary, detail: `terraform apply will stop at it before making any change, as it is PAUSED. ${fix}` }]);
  });
});

/** Create through plan and apply, then refresh: the state Terraform plans the next run from. */
async function appliedAndRefreshed(code: ObjectValue): Promise<ObjectValue> {
  const created = await type.apply(null, (await type.plan(null, code, code, undefined)).planned, undefined);
  expect(created.diagnostics.filter((d) => d.severity === 'ERROR')).toEqual([]);
  return object((await type.read(object(created.state), undefined)).state);
}

function replicationOnServer(): (typeof sim.vcda.state.replications)[number] {
  const [replication] = sim.vcda.state.replications;
  return replication;
}

function patchesSent(): unknown[] {
  return sim.requests.filter((r) => r.method === 'PATCH' && r.path.startsWith('/vcda/vm-replications/')).map((r) => r.body);
}

describe('retention rules the code leaves out are not managed: no change planned, whatever the server has', () => {
  test('a replication created without rules (the server answers `rules: []`): refreshed, the next plan changes nothing', async () => {
    const code = config({ rpo_minutes: 15 });
    const refreshed = await appliedAndRefreshed(code);
    expect(replicationOnServer().info.settings.retentionPolicy).toEqual({ rules: [] });
    const again = await type.plan(refreshed, code, code, undefined);
    expect(again.diagnostics).toEqual([]);
    expect(again.planned).toBe(refreshed);
  });

  test('rules set on the server outside Terraform: no change planned; a change of another setting leaves them alone', async () => {
    const code = config({ rpo_minutes: 15 });
    const state = await appliedAndRefreshed(code);
    const rules = { rules: [{ numberOfInstances: 3, distance: 60 }] };
    sim.vcda.change(() => {
      replicationOnServer().info.settings.retentionPolicy = rules;
    });
    const refreshed = object((await type.read(state, undefined)).state);
    expect((await type.plan(refreshed, code, code, undefined)).planned).toBe(refreshed);

    const faster = config({ rpo_minutes: 10 });
    const change = await type.plan(refreshed, faster, faster, undefined);
    const updated = await type.apply(refreshed, change.planned, undefined);
    expect(updated.diagnostics.filter((d) => d.severity === 'ERROR')).toEqual([]);
    expect(patchesSent()).toEqual([{ rpo: 10 }]);
    expect(replicationOnServer().info.settings.retentionPolicy).toEqual(rules);
    const after = object((await type.read(object(updated.state), undefined)).state);
    expect((await type.plan(after, faster, faster, undefined)).planned).toBe(after);
  });

  test('the code stops setting rules: one plan shows it, the apply sends nothing and leaves the server its rules, then no change', async () => {
    const withRules = config({ rpo_minutes: 15, retention_rules: [{ instances: 2, distance_minutes: 120 }] });
    const state = await appliedAndRefreshed(withRules);
    const without = config({ rpo_minutes: 15 });
    const change = await type.plan(state, without, without, undefined);
    expect(object(object(change.planned).settings).retention_rules).toBeNull();
    const updated = await type.apply(state, change.planned, undefined);
    expect(updated.diagnostics.filter((d) => d.severity === 'ERROR')).toEqual([]);
    expect(patchesSent()).toEqual([]);
    expect(replicationOnServer().info.settings.retentionPolicy).toEqual({ rules: [{ numberOfInstances: 2, distance: 120 }] });
    const after = object((await type.read(object(updated.state), undefined)).state);
    expect((await type.plan(after, without, without, undefined)).planned).toBe(after);
  });

  test("rules in the code that differ from the server's: the plan shows them, the apply sends them, the next plan changes nothing", async () => {
    const code = config({ rpo_minutes: 15, retention_rules: [{ instances: 2, distance_minutes: 120 }] });
    const state = await appliedAndRefreshed(code);
    sim.vcda.change(() => {
      replicationOnServer().info.settings.retentionPolicy = { rules: [] };
    });
    const refreshed = object((await type.read(state, undefined)).state);
    const change = await type.plan(refreshed, code, code, undefined);
    expect(change.planned).not.toBe(refreshed);
    expect(object(object(change.planned).settings).retention_rules).toEqual([{ instances: 2, distance_minutes: 120 }]);
    const updated = await type.apply(refreshed, change.planned, undefined);
    expect(updated.diagnostics.filter((d) => d.severity === 'ERROR')).toEqual([]);
    expect(patchesSent()).toEqual([{ retentionPolicy: { rules: [{ numberOfInstances: 2, distance: 120 }] } }]);
    const after = object((await type.read(object(updated.state), undefined)).state);
    expect((await type.plan(after, code, code, undefined)).planned).toBe(after);
  });
});

/**
 * The other optional settings have a stated default the code means when it leaves them out (construct props'
 * @default: no quiescing, an encrypted connection, the owner marker only, the vDC's default storage profile): a
 * server that differs is drift, planned as a change the apply makes; after it, the next plan changes nothing.
 */
describe('a setting changed on the server outside Terraform: planned back to the code, applied, then nothing', () => {
  type Info = ReturnType<typeof replicationOnServer>['info'];
  const silver = VCDA_STORAGE_PROFILE_IDS.Silver;
  const gold = VCDA_STORAGE_PROFILE_IDS.Gold;
  const cases: { field: string; code: Record<string, unknown>; outside: (info: Info) => void; live: unknown; planned: unknown; onServer: (info: Info) => unknown; expected: unknown }[] = [
    { field: 'quiescing', code: {}, outside: (i) => (i.settings.quiesced = true), live: true, planned: false, onServer: (i) => i.settings.quiesced, expected: false },
    { field: 'quiescing', code: { quiescing: true }, outside: (i) => (i.settings.quiesced = false), live: false, planned: true, onServer: (i) => i.settings.quiesced, expected: true },
    { field: 'data_connection_type', code: {}, outside: (i) => (i.settings.dataConnectionType = 'PLAIN'), live: 'PLAIN', planned: 'ENCRYPTED', onServer: (i) => i.settings.dataConnectionType, expected: 'ENCRYPTED' },
    { field: 'data_connection_type', code: { data_connection_type: 'ENCRYPTED_COMPRESSED' }, outside: (i) => (i.settings.dataConnectionType = 'PLAIN'), live: 'PLAIN', planned: 'ENCRYPTED_COMPRESSED', onServer: (i) => i.settings.dataConnectionType, expected: 'ENCRYPTED_COMPRESSED' },
    { field: 'description', code: {}, outside: (i) => (i.settings.description = `edited in the portal ${i.settings.description ?? ''}`), live: 'edited in the portal', planned: null, onServer: (i) => i.settings.description, expected: '[repliform owner=app/vcd-web-01]' },
    { field: 'description', code: { description: 'web tier' }, outside: (i) => (i.settings.description = '[repliform owner=app/vcd-web-01]'), live: null, planned: 'web tier', onServer: (i) => i.settings.description, expected: 'web tier [repliform owner=app/vcd-web-01]' },
    { field: 'storage_profile', code: {}, outside: (i) => (i.destination.storageProfile = silver), live: silver, planned: null, onServer: (i) => i.destination.storageProfile, expected: '*' },
    { field: 'storage_profile', code: { storage_profile: gold }, outside: (i) => (i.destination.storageProfile = silver), live: silver, planned: gold, onServer: (i) => i.destination.storageProfile, expected: gold },
  ];

  test.each(cases)('settings.$field (code $code): live $live → planned $planned', async ({ field, code, outside, live, planned, onServer, expected }) => {
    const declared = config({ rpo_minutes: 15, ...code });
    const state = await appliedAndRefreshed(declared);
    sim.vcda.change(() => outside(replicationOnServer().info));
    const refreshed = object((await type.read(state, undefined)).state);
    expect(object(refreshed.settings)[field]).toEqual(live);

    const change = await type.plan(refreshed, declared, declared, undefined);
    expect(change.requiresReplace).toEqual([]);
    expect(object(object(change.planned).settings)[field]).toEqual(planned);
    const updated = await type.apply(refreshed, change.planned, undefined);
    expect(updated.diagnostics.filter((d) => d.severity === 'ERROR')).toEqual([]);
    expect(onServer(replicationOnServer().info)).toEqual(expected);

    const after = object((await type.read(object(updated.state), undefined)).state);
    expect((await type.plan(after, declared, declared, undefined)).planned).toBe(after);
  });
});

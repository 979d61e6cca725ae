/**
 * Integration: the provider's resource type for `vr.replication`, driven as Terraform drives it (validate,
 * plan, apply, read, import) with Terraform values, against the simulator over HTTP.
 */
import axios from 'axios';
import { kindFor } from '../../src/resources/registry';
import { ResourceType, type ObjectValue, type ResourceRuntime } from '../../src/provider/resource-type';
import { objectValueOf } from '../../src/provider/convert';
import { isObjectValue, UNKNOWN, type TfValue } from '../../src/provider/values';
import { startSimulator, type RunningSimulator } from '../../src/simulator';
import { memoryOwnershipRecords } from '../../src/resources/ownership';
import { SIM_ENV, testContext, virtualClock, type VirtualClock } from '../helpers/context';

let sim: RunningSimulator;
let clock: VirtualClock;
let type: ResourceType;
let warningsSeen: string[];

function runtime(connection: unknown = undefined, ownership = memoryOwnershipRecords()): ResourceRuntime {
  return {
    connectionFor: (vendor) => (vendor === 'vr' ? connection : undefined),
    stopReason: () => undefined,
    context: (warnings) => {
      const ctx = testContext(SIM_ENV, { clock, ownership });
      return { ...ctx, log: { ...ctx.log, warn: (m: string) => { warnings.push(m); warningsSeen.push(m); } } };
    },
  };
}

function connection() {
  return {
    endpoint: sim.url,
    credentials: { username_env: 'VR_SITE_A_USER', password_env: 'VR_SITE_A_PASSWORD' },
    remote_credentials: { username_env: 'VR_SITE_B_USER', password_env: 'VR_SITE_B_PASSWORD' },
  };
}

/** The configuration Terraform would send: every attribute, null where the HCL leaves it out. */
function config(overrides: Record<string, unknown> = {}): ObjectValue {
  const json = {
    pairing: { remote_site: 'vc-b.example.local' },
    vm: { name: 'web-01' },
    target: { datastore: 'ds-b-gold' },
    settings: { rpo_minutes: 15 },
    ...overrides,
  };
  return objectValueOf(json, type.spec) as ObjectValue;
}

function object(value: TfValue): ObjectValue {
  if (!isObjectValue(value)) throw new Error(`expected an object, got ${String(value)}`);
  return value;
}

async function created(cfg: ObjectValue): Promise<ObjectValue> {
  const plan = await type.plan(null, cfg, cfg, undefined);
  const applied = await type.apply(null, plan.planned, undefined);
  expect(applied.diagnostics).toEqual([]);
  return object(applied.state);
}

beforeEach(async () => {
  clock = virtualClock();
  warningsSeen = [];
  sim = await startSimulator({ taskDelayMs: 40, validateResponses: true, clock });
  type = new ResourceType(await kindFor('vr.replication')).bind(runtime(connection()));
});

afterEach(async () => {
  await sim.close();
});

describe('schema', () => {
  test('spec fields are attributes, the live state adds computed ones, the connection may come from the provider', () => {
    expect(Object.keys(type.spec)).toEqual(['pairing', 'vm', 'target', 'exclude_disks', 'seeds', 'connection', 'settings', 'on_delete', 'timeouts', 'adopt', 'owner']);
    expect(Object.keys(type.computed)).toEqual(['id', 'name', 'vm_id', 'pairing_id', 'target_site', 'status', 'rpo_violation', 'configuration_state', 'last_sync_time']);
    expect(type.spec.connection.optional).toBe(true);
    const settings = type.spec.settings.field;
    expect(settings.kind === 'object' && settings.attributes.rpo_minutes).toMatchObject({ optional: false, defaulted: false });
    expect(settings.kind === 'object' && settings.attributes.quiescing).toMatchObject({ optional: true, defaulted: true });
  });
});

describe('validate', () => {
  test('an RPO out of range is one diagnostic on settings.rpo_minutes with the allowed range and the value', () => {
    const diagnostics = type.validate(config({ settings: { rpo_minutes: 3 } }));
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0].summary).toBe('settings.rpo_minutes: must be an integer between 5 and 1440 minutes, got 3');
    expect(diagnostics[0].attribute).toEqual({ steps: [{ attribute_name: 'settings' }, { attribute_name: 'rpo_minutes' }] });
  });

  test('a configuration with unknown values is left to the plan', () => {
    expect(type.validate({ ...config(), settings: UNKNOWN })).toEqual([]);
  });
});

describe('plan and apply', () => {
  test('a create shows the defaults and leaves the live attributes to after apply', async () => {
    const plan = await type.plan(null, config(), config(), undefined);
    const planned = object(plan.planned);
    expect(planned.target).toEqual({ datastore: 'ds-b-gold', storage_policy: null, replication_server: null, disk_format: 'SAME_AS_SOURCE' });
    expect(object(planned.settings).quiescing).toBe(false);
    expect(planned.connection).toBeNull();
    expect(planned.id).toBe(UNKNOWN);
    expect(planned.status).toBe(UNKNOWN);
    expect(plan.requiresReplace).toEqual([]);
  });

  test('apply configures the replication on the server and stores its id and status', async () => {
    const state = await created(config());
    const [replication] = sim.state.replications;
    expect(state.id).toBe(replication.info.id);
    expect(state.status).toBe(replication.info.status.status);
    expect(replication.info.rpo).toBe(15);
    expect(state.connection).toBeNull();
  });

  test('nothing changed: the plan is the prior state itself', async () => {
    const state = await created(config());
    const plan = await type.plan(state, config(), config(), undefined);
    expect(plan.planned).toBe(state);
  });

  test('an RPO change is an in-place update: no replacement, the server reconfigured, same replication', async () => {
    const state = await created(config());
    const changed = config({ settings: { rpo_minutes: 10 } });
    const plan = await type.plan(state, changed, changed, undefined);
    expect(plan.requiresReplace).toEqual([]);
    expect(object(object(plan.planned).settings).rpo_minutes).toBe(10);
    expect(object(plan.planned).id).toBe(state.id);
    expect(object(plan.planned).status).toBe(state.status);
    const applied = object((await type.apply(state, plan.planned, undefined)).state);
    expect(applied.id).toBe(state.id);
    expect(sim.state.replications).toHaveLength(1);
    expect(sim.state.replications[0].info.rpo).toBe(10);
  });

  test('a target datastore change requires replacement on `target` only', async () => {
    const state = await created(config());
    const changed = config({ target: { datastore: 'ds-b-silver' } });
    const plan = await type.plan(state, changed, changed, undefined);
    expect(plan.requiresReplace).toEqual(['target']);
    expect(object(plan.planned).id).toBe(UNKNOWN);
  });

  test('a missing connection on the resource and on the provider is a diagnostic naming both ways', async () => {
    const bare = new ResourceType(await kindFor('vr.replication')).bind(runtime(undefined));
    const plan = await bare.plan(null, config(), config(), undefined);
    expect(plan.planned).toBeNull();
    expect(plan.diagnostics[0].summary).toBe('connection: not set, and the provider configuration has no vr block');
  });

  test('delete (planned null) unconfigures the replication and keeps the replica disks by default', async () => {
    const state = await created(config());
    const result = await type.apply(state, null, undefined);
    expect(result.state).toBeNull();
    expect(sim.state.replications).toHaveLength(0);
    const unconfigure = sim.requests.find((r) => r.method === 'POST' && r.path.endsWith('/actions/unconfigure'));
    expect(unconfigure?.query).toMatchObject({ retain_replica_disks: 'true' });
  });
});

describe('read', () => {
  test('an RPO changed outside Terraform shows in the refreshed state (drift), with the live status', async () => {
    const state = await created(config());
    await axios.post(`${sim.url}/_sim/vr/replications/${String(state.id)}/status`, { rpo: 30, status: 'PAUSED' });
    const read = object((await type.read(state, undefined)).state);
    expect(object(read.settings).rpo_minutes).toBe(30);
    expect(read.status).toBe('PAUSED');
    const plan = await type.plan(read, config(), config(), undefined);
    expect(object(object(plan.planned).settings).rpo_minutes).toBe(15);
    expect(plan.requiresReplace).toEqual([]);
  });

  test('a setting the server does not report keeps its stored value: the plan after the refresh has no change', async () => {
    const state = await created(config({ settings: { rpo_minutes: 15, network_compression: true } }));
    sim.setReplicationStatus(String(state.id), { omit: ['rpo', 'network_compression_enabled'] });
    const read = object((await type.read(state, undefined)).state);
    expect(read.settings).toEqual(state.settings);
    const cfg = config({ settings: { rpo_minutes: 15, network_compression: true } });
    expect((await type.plan(read, cfg, cfg, undefined)).planned).toBe(read);
  });

  test('a replication removed outside Terraform is removed from the state', async () => {
    const state = await created(config());
    sim.state.replications.splice(0);
    expect((await type.read(state, undefined)).state).toBeNull();
  });
});

describe('ownership', () => {
  test("a replication another stack took over is dropped from the old stack's state at its next read, named, and left as it is", async () => {
    const records = memoryOwnershipRecords();
    const stackA = new ResourceType(await kindFor('vr.replication')).bind(runtime(connection(), records));
    const stackB = new ResourceType(await kindFor('vr.replication')).bind(runtime(connection(), records));
    const cfgA = config({ owner: 'stack-a/web-01' });
    const planA = await stackA.plan(null, cfgA, cfgA, undefined);
    const stateA = object((await stackA.apply(null, planA.planned, undefined)).state);
    const cfgB = config({ owner: 'stack-b/web-01', adopt: true });
    const planB = await stackB.plan(null, cfgB, cfgB, undefined);
    const adopted = await stackB.apply(null, planB.planned, undefined);
    expect(adopted.diagnostics.map((d) => d.summary)).toContainEqual(expect.stringContaining(`ADOPTING replication ${String(stateA.id)}, which this code did not create (adopt: true), from stack-a/web-01`));

    const writes = () => sim.requests.filter((r) => r.method !== 'GET' && !/session$/.test(r.path)).length;
    const writesBefore = writes();
    const read = await stackA.read(stateA, undefined);
    expect(read.state).toBeNull();
    expect(read.diagnostics.map((d) => [d.severity, d.summary])).toEqual([
      ['WARNING', `repliform_vr_replication ${String(stateA.id)} is now owned by stack-b/web-01, not stack-a/web-01: dropped from this stack's state`],
    ]);
    expect(read.diagnostics[0].detail).toBe(
      'Another stack took it over (adopt: true or an import). This stack no longer manages it: the object is left as it is, and a plan that creates it again is refused at apply. Remove its block from this code, or take it back on purpose with adopt: true.',
    );
    expect(writes()).toBe(writesBefore);
    expect(sim.state.replications.map((r) => r.info.id)).toEqual([stateA.id]);
  });
});

describe('import', () => {
  /** What an import left in the state before imports read the object (older versions): an id, nothing else. */
  function idOnlyStub(id: string): ObjectValue {
    return Object.fromEntries(Object.keys(type.attributes).map((name) => [name, name === 'id' ? id : null]));
  }

  async function existingReplicationId(): Promise<string> {
    // Made by someone else: created through a resource type whose ownership records this one does not share.
    const other = new ResourceType(await kindFor('vr.replication')).bind(runtime(connection()));
    const plan = await other.plan(null, config({ settings: { rpo_minutes: 20 } }), config({ settings: { rpo_minutes: 20 } }), undefined);
    const state = object((await other.apply(null, plan.planned, undefined)).state);
    return String(state.id);
  }

  test('an import by id is planned as an announced adoption, and the apply takes the replication over in place', async () => {
    const id = await existingReplicationId();
    const imported = await type.importState(id);
    expect(object(imported.state).id).toBe(id);
    const read = await type.read(imported.state, imported.private);
    expect(read.diagnostics).toEqual([]);
    expect(object(read.state).id).toBe(id);
    const plan = await type.plan(read.state, config(), config(), read.private);
    expect(plan.diagnostics.map((d) => d.severity)).toEqual(['WARNING']);
    expect(plan.diagnostics[0].summary).toBe(`repliform_vr_replication ${id} will be adopted`);
    expect(plan.requiresReplace).toEqual([]);
    const applied = await type.apply(read.state, plan.planned, plan.plannedPrivate);
    expect(object(applied.state).id).toBe(id);
    expect(sim.state.replications).toHaveLength(1);
    expect(sim.state.replications[0].info.rpo).toBe(15);
    expect(applied.diagnostics.some((d) => d.severity === 'WARNING' && (d.summary ?? '').includes(`ADOPTING replication ${id}`))).toBe(true);
  });

  test('an import by the VM name (the natural key a DR engineer knows) adopts that replication: its id planned, no second one made', async () => {
    const id = await existingReplicationId();
    const imported = await type.importState('web-01');
    const read = await type.read(imported.state, imported.private);
    const plan = await type.plan(read.state, config(), config(), read.private);
    expect(plan.diagnostics.map((d) => [d.severity, d.summary])).toEqual([['WARNING', `repliform_vr_replication web-01 (${id}) will be adopted`]]);
    expect(object(plan.planned).id).toBe(id);
    const posts = () => sim.requests.filter((r) => r.method === 'POST' && /\/replications$/.test(r.path)).length;
    const postsBefore = posts();
    const applied = await type.apply(read.state, plan.planned, plan.plannedPrivate);
    expect(object(applied.state).id).toBe(id);
    expect(posts()).toBe(postsBefore);
    expect(sim.state.replications.map((r) => [r.info.id, r.info.rpo])).toEqual([[id, 15]]);
  });

  // The import reads what it names (issue 18): a name or id that names nothing fails the import itself, before any
  // plan (these two used to fail at the first plan).
  test('an import by a VM name that has no replication fails the import, with no write on the server', async () => {
    await existingReplicationId();
    // Logins (POST …/session, …/remote-session) are not changes to the site.
    const writes = () => sim.requests.filter((r) => r.method !== 'GET' && !/session$/.test(r.path)).length;
    const writesBefore = writes();
    const imported = await type.importState('app-01');
    expect(imported.state).toBeNull();
    expect(imported.diagnostics.map((d) => d.summary)).toEqual([expect.stringMatching(/^import of repliform_vr_replication: vr\.replication "app-01" does not exist: no replication with this id, nor of a VM with this name, on the 1 pairing\(s\) of /)]);
    expect(writes()).toBe(writesBefore);
  });

  test('an import id that names nothing fails the import and changes nothing', async () => {
    await existingReplicationId();
    const imported = await type.importState('not-that-one');
    expect(imported.state).toBeNull();
    expect(imported.diagnostics.map((d) => d.summary)).toEqual([expect.stringMatching(/^import of repliform_vr_replication: vr\.replication "not-that-one" does not exist: /)]);
    expect(sim.state.replications[0].info.rpo).toBe(20);
  });

  test('a stub an older version kept without its marker (after a refused adoption) is read without error and planned as the adoption again', async () => {
    const id = await existingReplicationId();
    const stub = idOnlyStub(id);
    const read = await type.read(stub, undefined);
    expect(read.diagnostics).toEqual([]);
    expect(read.state).toBe(stub);
    const plan = await type.plan(read.state, config(), config(), read.private);
    expect(plan.diagnostics.map((d) => d.summary)).toEqual([`repliform_vr_replication ${id} will be adopted`]);
  });

  test('destroying an import never adopted removes it from the state and leaves the replication as it is', async () => {
    const id = await existingReplicationId();
    const stub = idOnlyStub(id);
    const requestsBefore = sim.requests.length;
    const destroyed = await type.apply(stub, null, undefined);
    expect(destroyed.state).toBeNull();
    expect(destroyed.diagnostics.map((d) => [d.severity, d.summary])).toEqual([['WARNING', `repliform_vr_replication ${id}: removed from the state, not deleted`]]);
    expect(sim.requests.length).toBe(requestsBefore);
    expect(sim.state.replications.map((r) => r.info.id)).toEqual([id]);
  });
});

/**
 * A configuration that refers to values known only at apply (`vm = { name = terraform_data.vm.output }`,
 * `pairing = { id = repliform_vr_pairing.x.id }`): the first plan must already hold every default the final plan
 * will hold, or Terraform fails the apply with "Provider produced inconsistent final plan … was null, but now
 * cty.True". For every kind, with the minimal configuration HCL writes (defaults left out), each configured value is
 * made unknown in turn: the plan is the known configuration's plan with that one value unknown — every default
 * still planned. No request is made: planning a create is the schema's work.
 */
import { ResourceType, type ObjectValue, type ResourceRuntime } from '../../src/provider/resource-type';
import { kindFor, knownKinds } from '../../src/resources/registry';
import { isObjectValue, UNKNOWN, type TfValue } from '../../src/provider/values';
import { configOf, objectOf } from '../helpers/provider-types';
import { sdrsConnection, sdrsGroupJson, sdrsGroupRef, vcdaConnection, vrConnection } from '../helpers/sim-connections';
import { testContext } from '../helpers/context';

const SIM = 'https://sim.example.local';
const group = sdrsGroupRef('app/group');

/** The least each kind's HCL says: every attribute with a default left out. */
const MINIMAL: Readonly<Record<string, Record<string, unknown>>> = {
  'vr.pairing': { pairing: { remote_site: 'vc-b.example.local' } },
  'vr.replication': { pairing: { id: 'PAIRING-1' }, vm: { name: 'web-01' }, target: { datastore: 'ds-b-gold' }, settings: { rpo_minutes: 15 } },
  'vr.replication-sync': { pairing: { remote_site: 'vc-b.example.local' }, vm: { name: 'web-01' }, trigger: '2026-12-07' },
  'vcda.site': { site: 'site2' },
  'vcda.replication': {
    source: { site: 'site1', vm_id: 'vm-1' },
    destination: { site: 'site2', vdc: 'vdc-gold' },
    settings: { rpo_minutes: 15, retention_rules: [{ instances: 3, distance_minutes: 60 }] },
  },
  'sdrs.protection-group': sdrsGroupJson('app/group'),
  'sdrs.replication-pair': { group, volume_id: 'vol-1', name: 'web-data' },
  'sdrs.protected-instance': { group, server_id: 'srv-1', name: 'web' },
  'sdrs.replication-attachment': { instance: { group, server_id: 'srv-1' }, pair: { group, volume_id: 'vol-1' }, device: '/dev/vdb' },
  'sdrs.protection': { group },
  'vcda.test-failover': { replication_id: 'C4-1' },
  'sdrs.drill': { group, name: 'drill-2026-12' },
};

const CONNECTIONS: Readonly<Record<string, unknown>> = { vr: vrConnection(SIM), vcda: vcdaConnection(SIM), sdrs: sdrsConnection(SIM) };

const runtime: ResourceRuntime = {
  connectionFor: (vendor) => CONNECTIONS[vendor],
  stopReason: () => undefined,
  context: () => testContext({}, { ownership: null }),
};

type Path = readonly string[];

/** The path of every configured primitive (the values a reference could stand for). */
function leafPaths(value: TfValue, path: Path = []): Path[] {
  if (isObjectValue(value)) return Object.entries(value).flatMap(([name, inner]) => leafPaths(inner, [...path, name]));
  if (Array.isArray(value)) return value.flatMap((inner: TfValue, index) => leafPaths(inner, [...path, String(index)]));
  return value === null ? [] : [path];
}

/** The value with the one at `path` replaced. */
function replaced(value: TfValue, path: Path, by: TfValue): TfValue {
  if (path.length === 0) return by;
  const [head, ...rest] = path;
  if (Array.isArray(value)) return value.map((inner: TfValue, index) => (String(index) === head ? replaced(inner, rest, by) : inner));
  if (isObjectValue(value)) return { ...value, [head]: replaced(value[head] ?? null, rest, by) };
  return value;
}

async function typeOf(kind: string): Promise<ResourceType> {
  return new ResourceType(await kindFor(kind)).bind(runtime);
}

test('the minimal configurations cover every kind', () => {
  expect(Object.keys(MINIMAL).sort()).toEqual([...knownKinds()].sort());
});

describe.each(Object.keys(MINIMAL))('%s: a configured value unknown at plan time', (kind) => {
  test('every other value, and every default, is planned as when all is known', async () => {
    const type = await typeOf(kind);
    const config = configOf(type, MINIMAL[kind]);
    const known = await type.plan(null, config, config, undefined);
    expect(known.diagnostics).toEqual([]);
    for (const path of leafPaths(config)) {
      const withUnknown = objectOf(replaced(config, path, UNKNOWN));
      const plan = await type.plan(null, withUnknown, withUnknown, undefined);
      expect({ path, diagnostics: plan.diagnostics }).toEqual({ path, diagnostics: [] });
      expect({ path, planned: plan.planned }).toEqual({ path, planned: replaced(known.planned, path, UNKNOWN) });
    }
  });
});

test("the issue's case: a replication whose pairing id is another resource's plans its settings' defaults", async () => {
  const type = await typeOf('vr.replication');
  const config: ObjectValue = { ...configOf(type, MINIMAL['vr.replication']), pairing: { id: UNKNOWN, remote_site: null } };
  const planned = objectOf((await type.plan(null, config, config, undefined)).planned);
  expect(planned.settings).toEqual({
    rpo_minutes: 15,
    point_in_time: null,
    quiescing: false,
    network_compression: false,
    encryption: false,
    auto_replicate_new_disks: true,
  });
  expect(planned.pairing).toEqual({ id: UNKNOWN, remote_site: null });
  expect(planned.timeouts).toEqual({ create: '60m', update: '30m', delete: '30m' });
});

test('a whole nested block unknown stays unknown; the blocks beside it get their defaults', async () => {
  const type = await typeOf('vr.replication');
  const config: ObjectValue = { ...configOf(type, MINIMAL['vr.replication']), target: UNKNOWN };
  const planned = objectOf((await type.plan(null, config, config, undefined)).planned);
  expect(planned.target).toBe(UNKNOWN);
  expect(objectOf(planned.settings).auto_replicate_new_disks).toBe(true);
  expect(planned.on_delete).toEqual({ retain_replica_disks: true });
});

test('an imported object is never planned against unknown values: its first plan must compare identities, so it is refused', async () => {
  const type = await typeOf('vr.replication');
  const imported: ObjectValue = { ...configOf(type, MINIMAL['vr.replication']), id: 'GID-imported' };
  const config: ObjectValue = { ...configOf(type, MINIMAL['vr.replication']), vm: { id: null, name: UNKNOWN } };
  const plan = await type.plan(imported, config, config, Buffer.from(JSON.stringify({ import_id: 'GID-imported' })));
  expect(plan.planned).toBeNull();
  expect(plan.requiresReplace).toEqual([]);
  expect(plan.diagnostics.map((d) => d.summary)).toEqual([
    'import of repliform_vr_replication GID-imported: the configuration refers to values not known until apply, so it cannot be compared with the imported object',
  ]);
});

/**
 * Integration: an import reads the whole object the id names, with the provider's connection for the vendor
 * (an import gets no resource configuration): its state is what a configuration that declares the object exactly
 * holds — identity and settings as the live object reports them, valid values for the other spec fields, the live
 * attributes, and a null connection (no secret, nor where to find one, in the state) — so that the first plan of a
 * matching configuration changes nothing. A missing id fails, naming the kind, the id and where it looked. Driven as
 * Terraform drives it, against the simulator over HTTP.
 */
import type { ResourceType, ResourceRuntime } from '../../src/provider/resource-type';
import { ResourceType as Type } from '../../src/provider/resource-type';
import { memoryOwnershipRecords } from '../../src/resources/ownership';
import { kindFor } from '../../src/resources/registry';
import { SDRS_PROJECT_ID, SDRS_SERVER_IDS, SDRS_VOLUME_IDS } from '../../src/simulator';
import { VCDA_VDC_IDS, VCDA_VM_IDS } from '../../src/simulator/vcda/inventory-seed';
import { SIM_ENV, testContext } from '../helpers/context';
import { configOf, createdBy, objectOf, sdrsTypeOf } from '../helpers/provider-types';
import { sdrsGroupJson, sdrsGroupRef, vcdaConnection, vrConnection, VCDA_SIM_ENV } from '../helpers/sim-connections';
import { useSimulator } from '../helpers/simulator';

const sim = useSimulator({ taskDelayMs: 0, validateResponses: true });

/** A resource type as the provider serves it, with `connection` as the provider's block for `vendor` (none: undefined). */
async function typeOf(kind: string, vendor: string, connection: unknown, env: NodeJS.ProcessEnv): Promise<ResourceType> {
  const ctx = testContext(env, { ownership: memoryOwnershipRecords() });
  const runtime: ResourceRuntime = {
    connectionFor: (name) => (name === vendor ? connection : undefined),
    stopReason: () => undefined,
    // Warnings go to the diagnostics, as the provider's context sends them.
    context: (warnings) => ({ ...ctx, log: { ...ctx.log, warn: (message) => warnings.push(message) } }),
  };
  return new Type(await kindFor(kind)).bind(runtime);
}

/** import, then the read Terraform makes right after it: no diagnostic; the state read and the private state. */
async function imported(type: ResourceType, id: string) {
  const result = await type.importState(id);
  expect(result.diagnostics).toEqual([]);
  const read = await type.read(result.state, result.private);
  expect(read.diagnostics).toEqual([]);
  return { state: objectOf(read.state), private: read.private };
}

/** The first plan after the import: what it plans, its replacements and diagnostics. */
/** The only diagnostic of a matching import's first plan: the adoption it means, announced (no apply runs to say it). */
const ADOPTED_AS_IT_IS = [['WARNING', expect.stringMatching(/ will be adopted as it is$/)]];
const severityAndSummary = (diagnostics: readonly { severity?: unknown; summary?: string }[]) => diagnostics.map((d) => [d.severity, d.summary]);

async function firstPlan(type: ResourceType, json: Record<string, unknown>, after: Awaited<ReturnType<typeof imported>>) {
  return type.plan(after.state, configOf(type, json), configOf(type, json), after.private);
}

describe('vr.replication', () => {
  const replicationJson = (rpo: number) => ({
    pairing: { remote_site: 'vc-b.example.local' },
    vm: { name: 'web-01' },
    target: { datastore: 'ds-b-gold' },
    settings: { rpo_minutes: rpo, quiescing: false },
  });
  const vrType = () => typeOf('vr.replication', 'vr', vrConnection(sim.url), SIM_ENV);

  test('by id: the whole replication, a matching configuration plans no change', async () => {
    const made = await createdBy(await vrType(), replicationJson(15));
    const type = await vrType();
    const after = await imported(type, String(made.id));
    expect(after.state).toMatchObject({
      id: made.id,
      connection: null,
      pairing: { id: null, remote_site: 'vc-b.example.local' },
      vm: { id: null, name: 'web-01' },
      target: { datastore: 'ds-b-gold', storage_policy: null, replication_server: null, disk_format: 'SAME_AS_SOURCE' },
      exclude_disks: [],
      settings: { rpo_minutes: 15, point_in_time: null, quiescing: false, network_compression: false, encryption: false, auto_replicate_new_disks: true },
      adopt: false,
      owner: null,
      name: 'web-01',
      status: made.status,
    });
    const plan = await firstPlan(type, replicationJson(15), after);
    expect(severityAndSummary(plan.diagnostics)).toEqual(ADOPTED_AS_IT_IS);
    expect(plan.planned).toEqual(after.state);
    expect(plan.requiresReplace).toEqual([]);
  });

  test("by the VM's name; a configuration with another RPO plans an in-place change that adopts it", async () => {
    const made = await createdBy(await vrType(), replicationJson(15));
    const type = await vrType();
    const after = await imported(type, 'web-01');
    expect(after.state.id).toBe(made.id);
    const plan = await firstPlan(type, replicationJson(30), after);
    expect(plan.requiresReplace).toEqual([]);
    expect(objectOf(plan.planned)).toMatchObject({ id: made.id, settings: { rpo_minutes: 30 } });
    expect(plan.diagnostics.map((d) => d.summary)).toEqual(['repliform_vr_replication web-01 (' + String(made.id) + ') will be adopted']);
    const applied = await type.apply(after.state, plan.planned, plan.plannedPrivate);
    expect(applied.diagnostics.map((d) => d.summary)).toEqual([expect.stringContaining(`ADOPTING replication ${String(made.id)}`)]);
    expect(sim.state.replications.map((r) => [r.info.id, r.info.rpo])).toEqual([[made.id, 30]]);
  });

  test('an identity the configuration gives otherwise is never a replacement: an in-place plan whose apply refuses', async () => {
    const made = await createdBy(await vrType(), replicationJson(15));
    const type = await vrType();
    const after = await imported(type, String(made.id));
    const silver = { ...replicationJson(15), target: { datastore: 'ds-b-silver' } };
    const plan = await firstPlan(type, silver, after);
    expect(plan.requiresReplace).toEqual([]);
    expect(plan.diagnostics.map((d) => d.detail)).toEqual([expect.stringContaining('The configuration gives target otherwise than the imported object')]);
    const applied = await type.apply(after.state, plan.planned, plan.plannedPrivate);
    expect(applied.diagnostics.at(-1)?.detail).toContain('The import was refused, so nothing was imported');
    expect(sim.state.replications.map((r) => r.info.id)).toEqual([made.id]);
  });

  test('a missing id fails, naming the kind, the id and where it looked', async () => {
    const result = await (await vrType()).importState('GID-nothing');
    expect(result.state).toBeNull();
    expect(result.diagnostics).toEqual([
      expect.objectContaining({
        severity: 'ERROR',
        summary: `import of repliform_vr_replication: vr.replication "GID-nothing" does not exist: no replication with this id, nor of a VM with this name, on the 1 pairing(s) of ${sim.url}: "vc-b.example.local (${sim.state.pairings[0]?.pairing_id ?? '?'})"`,
      }),
    ]);
  });

  test('without a provider block for the vendor: one line saying to add it', async () => {
    const result = await (await typeOf('vr.replication', 'vcda', vcdaConnection(sim.url), SIM_ENV)).importState('GID-1');
    expect(result.diagnostics.map((d) => d.summary)).toEqual([
      'import of repliform_vr_replication GID-1: the provider configuration has no vr block; add `vr = { endpoint = …, credentials = … }` to provider "repliform": an import reads the object with it',
    ]);
  });
});

describe('vr.pairing', () => {
  test("by its remote site's name: a configuration that looks it up by it plans no change", async () => {
    const type = await typeOf('vr.pairing', 'vr', vrConnection(sim.url), SIM_ENV);
    const after = await imported(type, 'vc-b.example.local');
    expect(after.state).toMatchObject({ id: sim.state.pairings[0]?.pairing_id, remote_site: 'vc-b.example.local', pairing: { id: null, remote_site: 'vc-b.example.local' }, create: null, delete_on_destroy: false });
    const plan = await firstPlan(type, { pairing: { remote_site: 'vc-b.example.local' } }, after);
    expect(severityAndSummary(plan.diagnostics)).toEqual(ADOPTED_AS_IT_IS);
    expect(plan.planned).toEqual(after.state);
  });
});

describe('vcda.replication', () => {
  const replicationJson = {
    source: { site: 'site1', vm_id: VCDA_VM_IDS['vcd-web-01'] },
    destination: { site: 'site2', vdc: VCDA_VDC_IDS['vdc-gold'] },
    settings: { rpo_minutes: 30 },
    owner: 'app/vcd-web-01',
  };
  const vcdaType = () => typeOf('vcda.replication', 'vcda', vcdaConnection(sim.url), VCDA_SIM_ENV);

  test('by id: the whole replication with the owner its marker names; the same code plans no change', async () => {
    const made = await createdBy(await vcdaType(), replicationJson);
    const type = await vcdaType();
    const after = await imported(type, String(made.id));
    expect(after.state).toMatchObject({
      id: made.id,
      connection: null,
      source: replicationJson.source,
      destination: replicationJson.destination,
      exclude_disk_keys: [],
      target_disk_type: 'THIN',
      settings: { rpo_minutes: 30, retention_rules: null, sla_profile_id: null, quiescing: false, data_connection_type: 'ENCRYPTED', description: null, storage_profile: null },
      owner: 'app/vcd-web-01',
      adopt: false,
      paused: false,
    });
    const plan = await firstPlan(type, replicationJson, after);
    expect(severityAndSummary(plan.diagnostics)).toEqual(ADOPTED_AS_IT_IS);
    expect(plan.planned).toEqual(after.state);
  });

  test('a missing id fails, naming the kind, the id and where it looked', async () => {
    const result = await (await vcdaType()).importState('C4-00000000-0000-4000-8000-000000000000');
    expect(result.diagnostics.map((d) => d.summary)).toEqual([
      `import of repliform_vcda_replication: vcda.replication "C4-00000000-0000-4000-8000-000000000000" does not exist: GET /vm-replications/C4-00000000-0000-4000-8000-000000000000 at ${sim.url}/vcda found no VM replication`,
    ]);
  });
});

describe('sdrs', () => {
  test('a protection group and a pair by id: made by a stack, imported by code without an owner, which must adopt them', async () => {
    const groupState = await createdBy(await sdrsTypeOf(sim, 'sdrs.protection-group'), sdrsGroupJson('app/group'));
    const pairState = await createdBy(await sdrsTypeOf(sim, 'sdrs.replication-pair'), {
      group: sdrsGroupRef('app/group'), volume_id: SDRS_VOLUME_IDS['evs-web-01-data'], name: 'web-data', size_gb: null, owner: 'app/web-data',
    });

    const groups = await sdrsTypeOf(sim, 'sdrs.protection-group');
    const group = await imported(groups, String(groupState.id));
    const { owner: _owner, ...groupJson } = sdrsGroupJson('app/group');
    expect(group.state).toMatchObject({ ...groupJson, id: groupState.id, connection: null, dr_type: null, description: null, owner: null, adopt: true, marker: groupState.marker });
    const groupPlan = await firstPlan(groups, { ...groupJson, adopt: true }, group);
    expect(severityAndSummary(groupPlan.diagnostics)).toEqual(ADOPTED_AS_IT_IS);
    expect(groupPlan.planned).toEqual(group.state);

    const pairs = await sdrsTypeOf(sim, 'sdrs.replication-pair');
    const pair = await imported(pairs, String(pairState.id));
    expect(pair.state).toMatchObject({
      id: pairState.id,
      group: { id: groupState.id },
      volume_id: SDRS_VOLUME_IDS['evs-web-01-data'],
      cluster_id: null,
      name: 'web-data',
      size_gb: 100,
      owner: null,
      adopt: true,
      connection: null,
    });
    // Its group by key and no size: same pair, in place; the apply adopts it (announced).
    const byKey = { group: sdrsGroupRef('app/group'), volume_id: SDRS_VOLUME_IDS['evs-web-01-data'], name: 'web-data', adopt: true };
    const pairPlan = await firstPlan(pairs, byKey, pair);
    expect(pairPlan.requiresReplace).toEqual([]);
    expect(pairPlan.diagnostics.map((d) => d.summary)).toEqual([`repliform_sdrs_replication_pair ${String(pairState.id)} will be adopted`]);
  });

  test('a protected instance by id: the configuration of its group by key plans an in-place change that adopts it', async () => {
    const groupState = await createdBy(await sdrsTypeOf(sim, 'sdrs.protection-group'), sdrsGroupJson('app/group'));
    const server = SDRS_SERVER_IDS['ecs-web-01'];
    const made = await createdBy(await sdrsTypeOf(sim, 'sdrs.protected-instance'), { group: sdrsGroupRef('app/group'), server_id: server, name: 'web-01', owner: 'app/web-01' });
    const instances = await sdrsTypeOf(sim, 'sdrs.protected-instance');
    const instance = await imported(instances, String(made.id));
    expect(instance.state).toMatchObject({ id: made.id, group: { id: groupState.id }, server_id: server, name: 'web-01', owner: null, adopt: true, connection: null });
    const plan = await firstPlan(instances, { group: sdrsGroupRef('app/group'), server_id: server, name: 'web-01', owner: 'app/web-01' }, instance);
    expect(plan.requiresReplace).toEqual([]);
    expect(plan.diagnostics.map((d) => d.summary)).toEqual([`repliform_sdrs_protected_instance ${String(made.id)} will be adopted`]);
  });

  test('a missing id fails, naming the kind, the id and where it looked', async () => {
    const result = await (await sdrsTypeOf(sim, 'sdrs.replication-pair')).importState('no-such-pair');
    expect(result.diagnostics.map((d) => d.summary)).toEqual([
      `import of repliform_sdrs_replication_pair: sdrs.replication-pair "no-such-pair" does not exist: GET /replications/no-such-pair in project ${SDRS_PROJECT_ID} at ${sim.url}/sdrs found nothing`,
    ]);
  });
});

test('a kind without an id of its own keeps its refusal', async () => {
  const result = await (await typeOf('vr.replication-sync', 'vr', vrConnection(sim.url), SIM_ENV)).importState('GID-1');
  expect(result.diagnostics.map((d) => d.summary)).toEqual(['repliform_vr_replication_sync cannot be imported: its objects have no id of their own']);
});

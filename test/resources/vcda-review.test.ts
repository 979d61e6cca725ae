/**
 * The review profile of vcda.replication: what a plan's create, replace, removal and update mean (initial sync,
 * full resync, replica kept paused or deleted, in place), the reviewer's words for its fields, and a settings
 * resource whose block is gone recognised as VCDA's (not VR's) although both kinds name the field `settings`.
 */
import { readPlan } from '../../src/review/plan-reader';
import { loadReviewCatalogue } from '../../src/resources/review-catalogue';
import { vcdaReplicationReview, vcdaReplicationWording } from '../../src/resources/vcda/replication/review';
import type { FieldChange, JsonObject, LiveSubject } from '../../src/resources/review-profile';
import { vcdaReplicationHandler } from '../../src/resources/vcda/replication/handler';
import { createClientFactory } from '../../src/resources/clients';
import { startSimulator } from '../../src/simulator';
import { VCDA_VDC_IDS, VCDA_VM_IDS } from '../../src/simulator/vcda/inventory-seed';
import { testContext } from '../helpers/context';
import { vcdaConnection, VCDA_SIM_ENV } from '../helpers/sim-connections';

const spec = (vdc: string, deleteReplica: boolean): JsonObject => ({
  connection: { endpoint: 'https://vcda.example.local/vcda' },
  source: { site: 'site1', vm_id: 'vm-web-01' },
  destination: { site: 'site2', vdc },
  settings: { rpo_minutes: 15 },
  on_delete: { delete_replica: deleteReplica },
});

test('create is an initial full sync to the vDC; adopt: true says it may take one over', () => {
  expect(vcdaReplicationReview.verdict({ event: 'create', after: spec('vdc-gold', false) })).toEqual({
    action: 'create',
    summary: 'start replication: new replication to vDC vdc-gold on site2, initial full sync',
  });
  expect(vcdaReplicationReview.verdict({ event: 'create', after: { ...spec('vdc-gold', false), adopt: true } }).summary).toBe(
    'start replication: new replication to vDC vdc-gold on site2, initial full sync — or TAKES OVER an existing replication of VM vm-web-01 not created by this code (adopt: true)',
  );
});

test('a destination vDC change is a replacement: full resync when the old replica is deleted; with the default delete it stops half-way (blocked)', () => {
  const changes: FieldChange[] = vcdaReplicationWording.changes(spec('vdc-gold', false), spec('vdc-silver', false));
  expect(changes.map((c) => [c.text, c.effect])).toEqual([['destination vDC vdc-gold → vdc-silver', 'replace']]);
  const replaced = { address: 'terraform_data.web_replication', backing: 'terraform_data' as const, reason: undefined };
  const keep = vcdaReplicationReview.verdict({ event: 'replace', before: spec('vdc-gold', false), after: spec('vdc-silver', false), changes, replaced });
  // Issue 19: a move that cannot happen is neither a resync nor drift: the apply stops (blocked).
  expect(keep.summary).toBe('STOPS HALF-WAY: the old replication is paused and kept, and the new one to vDC vdc-silver on site2 cannot start');
  expect(keep.risks?.map((r) => r.class)).toEqual(['blocked']);
  expect(keep.risks?.[0]?.message).toMatch(/^STOPS HALF-WAY: the old replication is paused and KEPT/);
  const drop = vcdaReplicationReview.verdict({ event: 'replace', before: spec('vdc-gold', true), after: spec('vdc-silver', true), changes, replaced });
  expect(drop.risks?.map((r) => r.class)).toEqual(['resync', 'data-loss']);
});

test('a removal pauses and keeps the replica by default, deletes it only when asked; an RPO change is in place', () => {
  expect(vcdaReplicationReview.verdict({ event: 'delete', before: spec('vdc-gold', false), hook: 'runs' })).toEqual({
    action: 'delete',
    summary: 'replication paused and kept with its replica (VCDA cannot delete it and keep the replica)',
    // Issue 19: the VM loses its DR protection — a risk class of its own.
    risks: [
      {
        class: 'unprotect',
        message: 'PROTECTION REMOVED: the replication of VM vm-web-01 to vDC vdc-gold on site2 is paused: the VM loses its DR protection; no new recovery point is made after this apply.',
        fix: 'If the VM must stay protected, put the construct back (without `retired: true`) before applying; otherwise nothing to do.',
      },
    ],
  });
  const drop = vcdaReplicationReview.verdict({ event: 'delete', before: spec('vdc-gold', true), hook: 'runs' });
  expect(drop.summary).toBe('replication and its replica DELETED');
  expect(drop.risks?.map((r) => r.class)).toEqual(['data-loss', 'unprotect']);
  expect(vcdaReplicationWording.changes(spec('vdc-gold', false), { ...spec('vdc-gold', false), settings: { rpo_minutes: 5 } }).map((c) => [c.text, c.effect])).toEqual([
    ['RPO 15 → 5 min', 'in-place'],
  ]);
  expect(vcdaReplicationReview.facts({ action: 'delete', rpoMinutes: 15, seeded: false, keepsReplica: true })).toBe('RPO 15 min, paused, replica kept');
});

test("a settings resource whose block is gone is VCDA's when the plan holds a VCDA identity", async () => {
  const triggers = (replaceOn: unknown, destroySpec?: unknown) =>
    destroySpec === undefined ? { replace_on: JSON.stringify(replaceOn) } : { replace_on: JSON.stringify(replaceOn), destroy_spec: JSON.stringify(destroySpec) };
  const identity = { kind: 'vcda.replication', source: { site: 'site1', vm_id: 'vm-web-01' }, destination: { site: 'site2', vdc: 'vdc-gold' } };
  const plan = {
    format_version: '1.2',
    configuration: { root_module: { resources: [] } },
    resource_changes: [
      { address: 'null_resource.web_replication_1', mode: 'managed', type: 'null_resource', change: { actions: ['no-op'], before: { triggers: triggers(identity, spec('vdc-gold', false)) }, after: { triggers: triggers(identity, spec('vdc-gold', false)) } } },
      { address: 'null_resource.web_settings_2', mode: 'managed', type: 'null_resource', change: { actions: ['delete', 'create'], before: { triggers: triggers({ replication: '1', settings: { rpo_minutes: 15 } }) }, after: { triggers: triggers({ replication: '1', settings: { rpo_minutes: 10 } }) } } },
    ],
  };
  expect(readPlan(plan, 'app', await loadReviewCatalogue()).map((c) => [c.kind, c.role])).toEqual([
    ['vcda.replication', 'identity'],
    ['vcda.replication', 'settings'],
  ]);
});

test('live: retention rules the code leaves out are not drift, whatever rules the server has; a changed RPO is', async () => {
  const sim = await startSimulator({ validateResponses: true, taskDelayMs: 0 });
  try {
    const code = {
      connection: vcdaConnection(sim.url),
      source: { site: 'site1', vm_id: VCDA_VM_IDS['vcd-web-01'] },
      destination: { site: 'site2', vdc: VCDA_VDC_IDS['vdc-gold'] },
      settings: { rpo_minutes: 15 },
      owner: 'app/web',
    };
    // What the plan holds: the spec with its defaults filled in.
    const parsed = vcdaReplicationHandler.parseSpec(code, 'create');
    const deployed = JSON.parse(JSON.stringify(parsed)) as JsonObject;
    await vcdaReplicationHandler.create(parsed, testContext(VCDA_SIM_ENV, { ownership: null }));
    const session = { clients: createClientFactory({ log: { info: () => undefined, warn: () => undefined, debug: () => undefined }, env: VCDA_SIM_ENV }) };
    const subject: LiveSubject = { name: 'vcd-web-01', source: 'site1', target: 'site2', deployed, code: deployed, expected: true, addresses: ['repliform_vcda_replication.web'], settingsAddress: undefined };
    const findings = async (): Promise<unknown> => vcdaReplicationReview.live?.findings((await vcdaReplicationReview.live.read(deployed, session)) as JsonObject, subject);

    expect(sim.vcda.state.replications[0]?.info.settings.retentionPolicy).toEqual({ rules: [] });
    expect(await findings()).toEqual([]);
    sim.vcda.change((vcda) => {
      for (const replication of vcda.replications) {
        replication.info.settings.retentionPolicy = { rules: [{ numberOfInstances: 3, distance: 60 }] };
        replication.info.settings.rpo = 60;
      }
    });
    expect(await findings()).toEqual([{ kind: 'settings', text: 'changed outside the code: RPO 15 → 60 min (code → live)' }]);
  } finally {
    await sim.close();
  }
});

test('live: a create with adopt: true that meets a replication of another vDC is blocked (the apply refuses it), not "TAKES IT OVER"', async () => {
  const sim = await startSimulator({ validateResponses: true, taskDelayMs: 0 });
  try {
    const elsewhere = {
      connection: vcdaConnection(sim.url),
      source: { site: 'site1', vm_id: VCDA_VM_IDS['vcd-web-01'] },
      destination: { site: 'site2', vdc: VCDA_VDC_IDS['vdc-silver'] },
      settings: { rpo_minutes: 15 },
      owner: 'other-app/web',
    };
    await vcdaReplicationHandler.create(vcdaReplicationHandler.parseSpec(elsewhere, 'create'), testContext(VCDA_SIM_ENV, { ownership: null }));
    const code = JSON.parse(JSON.stringify(vcdaReplicationHandler.parseSpec({ ...elsewhere, destination: { site: 'site2', vdc: VCDA_VDC_IDS['vdc-gold'] }, owner: 'app/web', adopt: true }, 'create'))) as JsonObject;
    const session = { clients: createClientFactory({ log: { info: () => undefined, warn: () => undefined, debug: () => undefined }, env: VCDA_SIM_ENV }) };
    const subject: LiveSubject = { name: 'vcd-web-01', source: 'site1', target: 'site2', deployed: undefined, code, expected: false, addresses: ['repliform_vcda_replication.web'], settingsAddress: undefined };
    const live = (await vcdaReplicationReview.live?.read(code, session)) as JsonObject;
    const [finding] = vcdaReplicationReview.live?.findings(live, subject) ?? [];
    expect(finding?.kind).toBe('conflict');
    expect(finding?.text).toContain(`destination vDC ${VCDA_VDC_IDS['vdc-gold']} → vdc-silver (code → live); the apply REFUSES to take it over (every identity field must match) and stops`);
    // Without adopt the create stops too, as "exists" says; with the same vDC it is taken over.
    const same = { ...code, destination: { site: 'site2', vdc: VCDA_VDC_IDS['vdc-silver'] } };
    expect(vcdaReplicationReview.live?.findings(live, { ...subject, code: same }).map((f) => f.kind)).toEqual(['exists']);
  } finally {
    await sim.close();
  }
});

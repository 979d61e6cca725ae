/**
 * Classification of recorded plans (real Terraform 1.11 output from fixtures/app.ts, see record.ts):
 * each managed replication and pairing gets one action, field differences in words, and its risks.
 */
import { loadReviewCatalogue } from '../../src/resources/review-catalogue';
import type { ReviewCatalogue } from '../../src/resources/review-profile';
import { classify } from '../../src/review/classify';
import type { ReviewItem } from '../../src/review/model';
import { PlanFormatError, readPlan, type LifecycleChange } from '../../src/review/plan-reader';
import { reviewPlans } from '../../src/review/review';
import { planText, reviewOf } from './helpers/fixtures';

let catalogue: ReviewCatalogue;
beforeAll(async () => {
  catalogue = await loadReviewCatalogue();
});

function brief(items: readonly ReviewItem[]) {
  return items.map((item) => ({
    name: item.name,
    action: item.action,
    changes: item.changes.map((change) => change.text),
    risks: item.risks.map((risk) => risk.class),
  }));
}

describe('classify recorded plans', () => {
  test('a first deploy creates the pairing look-up and four replications, the seeded one without a full sync', () => {
    const items = reviewOf('create', catalogue).items;
    expect(items.map((item) => [item.kind, item.name, item.action, item.summary])).toEqual([
      ['vr.pairing', 'vc-b.example.local', 'no-change', 'look up the existing pairing: nothing is created'],
      ['vr.replication', 'app-01', 'create', 'configure: new replication to ds-b-gold, seeded from disks on the target'],
      ['vr.replication', 'db-01', 'create', 'configure: new replication, initial full sync to ds-b-gold'],
      ['vr.replication', 'web-01', 'create', 'configure: new replication, initial full sync to ds-b-gold'],
      ['vr.replication', 'web-02', 'create', 'configure: new replication, initial full sync to ds-b-gold'],
    ]);
    expect(items.every((item) => item.risks.length === 0)).toBe(true);
    expect(items.find((item) => item.name === 'web-01')).toMatchObject({
      source: '127.0.0.1:47855',
      target: 'vc-b.example.local',
      rpoMinutes: 15,
      addresses: ['terraform_data.web-01_replication_426E3758', 'terraform_data.web-01_settings_6BFEF85A'],
    });
  });

  test('an idle plan changes nothing', () => {
    expect(reviewOf('no-change', catalogue).items.map((item) => item.action)).toEqual(['no-change', 'no-change', 'no-change', 'no-change', 'no-change']);
  });

  test('an RPO and retention change is an update in place with the differences in words, no resync', () => {
    expect(brief(reviewOf('rpo-change', catalogue).items.filter((item) => item.action !== 'no-change'))).toEqual([
      { name: 'web-01', action: 'update', changes: ['RPO 15 → 5 min', 'retention 3×1 → 4×2'], risks: [] },
      { name: 'web-02', action: 'update', changes: ['RPO 15 → 5 min', 'retention 3×1 → 4×2'], risks: [] },
    ]);
    expect(reviewOf('rpo-change', catalogue).items.find((item) => item.name === 'web-01')?.summary).toBe('settings only, reconfigured in place: no resync');
  });

  test('a datastore change replaces: a full resync, unless the replication is seeded', () => {
    expect(brief(reviewOf('datastore-change', catalogue).items.filter((item) => item.action !== 'no-change'))).toEqual([
      { name: 'app-01', action: 'replace', changes: ['datastore ds-b-gold → ds-b-silver'], risks: [] },
      { name: 'db-01', action: 'replace', changes: ['datastore ds-b-gold → ds-b-silver'], risks: ['resync'] },
    ]);
    const db = reviewOf('datastore-change', catalogue).items.find((item) => item.name === 'db-01');
    expect(db?.changes[0]).toEqual({ field: 'target.datastore', from: 'ds-b-gold', to: 'ds-b-silver', text: 'datastore ds-b-gold → ds-b-silver', effect: 'replace' });
    expect(db?.risks[0].fix).toContain('VrSeeds.findOnTarget()');
  });

  test('a block removed from the code is an orphan: Terraform will not run its delete hook', () => {
    const web02 = reviewOf('removal', catalogue).items.find((item) => item.name === 'web-02');
    expect(web02).toMatchObject({ action: 'delete', summary: 'block removed from the code: dropped from the state, the replication is NOT unconfigured' });
    expect(web02?.risks.map((risk) => risk.class)).toEqual(['orphan']);
    expect(web02?.risks[0].fix).toMatch(/^Put the block back with `retired: true`, apply .*then delete the block\. Alternatively add a `removed` block/);
  });

  test('a removed block whose destroy-time provisioner runs the delete is not an orphan', () => {
    const review = reviewPlans(
      [{ stack: 'review', plan: planText('removal'), removedWithHook: new Set(['terraform_data.web-02_replication_7418E472']) }],
      catalogue,
    );
    const web02 = review.items.find((item) => item.name === 'web-02');
    expect(web02).toMatchObject({ action: 'delete', summary: 'unconfigure: replication removed, replica disks kept on the target' });
    expect(web02?.risks.map((risk) => risk.class)).toEqual(['unprotect']);
  });

  test('a removed block with destroy = false forgets the replication: an intentional orphan', () => {
    const web02 = reviewOf('removed-block', catalogue).items.find((item) => item.name === 'web-02');
    expect(web02).toMatchObject({ action: 'forget', summary: 'forgotten by a removed block: the replication keeps running' });
    expect(web02?.risks.map((risk) => risk.message.split(':')[0])).toEqual(['ORPHAN (intentional)']);
  });

  test('retired: true is a delete that keeps the replica disks of the deployed spec', () => {
    const web02 = reviewOf('retire', catalogue).items.find((item) => item.name === 'web-02');
    expect(web02).toMatchObject({
      action: 'delete',
      retire: true,
      retainReplicaDisks: true,
      summary:
        'retire (retired: true): unconfigure, replica disks kept on the target (retainReplicaDisksOnDelete: false takes effect only once applied: this retire still keeps them)',
    });
    expect(web02?.risks.map((risk) => risk.class)).toEqual(['unprotect']);
    expect(web02?.addresses).toHaveLength(2);
  });

  test('something that is not a plan is rejected with the expected input named', () => {
    expect(() => readPlan('{"resources": []}', 'x', catalogue, 'state.json')).toThrow(PlanFormatError);
    expect(() => readPlan('not json', 'x', catalogue, 'p.json')).toThrow(/^p\.json: not JSON .*terraform show -json tfplan/);
  });
});

describe('null_resource backing', () => {
  const spec = (datastore: string, retain: boolean) => ({
    connection: { endpoint: 'https://vr-a.example.local' },
    pairing: { id: null, remote_site: 'vc-b.example.local' },
    vm: { id: null, name: 'web-01' },
    target: { datastore },
    on_delete: { retain_replica_disks: retain },
  });
  const identityReplaceOn = (datastore: string) => ({ kind: 'vr.replication', pairing: spec(datastore, true).pairing, vm: spec(datastore, true).vm, target: { datastore } });
  const nullPlan = (resourceChanges: unknown[]) => JSON.stringify({ format_version: '1.2', resource_changes: resourceChanges, configuration: { root_module: { resources: [] } } });
  const triggers = (replaceOn: unknown, destroySpec?: unknown) =>
    destroySpec === undefined ? { replace_on: JSON.stringify(replaceOn) } : { replace_on: JSON.stringify(replaceOn), destroy_spec: JSON.stringify(destroySpec) };

  test('groups the settings resource by construct path and reads the RPO from its triggers', () => {
    const plan = nullPlan([
      { address: 'null_resource.web-01_replication_11111111', mode: 'managed', type: 'null_resource', change: { actions: ['no-op'], before: { triggers: triggers(identityReplaceOn('ds-b-gold'), spec('ds-b-gold', true)) }, after: { triggers: triggers(identityReplaceOn('ds-b-gold'), spec('ds-b-gold', true)) } } },
      {
        address: 'null_resource.web-01_settings_22222222',
        mode: 'managed',
        type: 'null_resource',
        change: { actions: ['delete', 'create'], before: { triggers: triggers({ replication: '1', settings: { rpo_minutes: 15 } }) }, after: { triggers: triggers({ replication: '1', settings: { rpo_minutes: 10 } }) } },
      },
    ]);
    const changes: LifecycleChange[] = readPlan(plan, 'null', catalogue);
    expect(changes.map((change) => change.role)).toEqual(['identity', 'settings']);
    expect(brief(classify(changes, { catalogue }))).toEqual([{ name: 'web-01', action: 'update', changes: ['RPO 15 → 10 min'], risks: [] }]);
  });

  test('a replace that drops the replica disks flags both the resync and the data loss', () => {
    const plan = nullPlan([
      {
        address: 'null_resource.db-01_replication_33333333',
        mode: 'managed',
        type: 'null_resource',
        change: { actions: ['create', 'delete'], before: { triggers: triggers(identityReplaceOn('a'), spec('a', false)) }, after: { triggers: triggers(identityReplaceOn('b'), spec('b', false)) } },
      },
    ]);
    expect(brief(classify(readPlan(plan, 'null', catalogue), { catalogue }))).toEqual([{ name: 'web-01', action: 'replace', changes: ['datastore a → b'], risks: ['resync', 'data-loss'] }]);
  });
});

/** A recorded plan edited the way Terraform would have planned it otherwise (same resources, other actions). */
function editedPlan(name: Parameters<typeof planText>[0], edit: (change: EditableChange) => void): string {
  const plan = JSON.parse(planText(name)) as { resource_changes: EditableChange[] };
  plan.resource_changes.forEach(edit);
  return JSON.stringify(plan);
}

interface EditableChange {
  address: string;
  action_reason?: string;
  change: { actions: string[]; before: { input: Record<string, unknown> | null } | null; after: { input: Record<string, unknown> | null } | null };
}

describe('pairings', () => {
  test('a looked-up pairing is not counted as a creation: nothing is created on the appliance', () => {
    const review = reviewOf('create', catalogue);
    expect(review.items.filter((item) => item.action === 'create').map((item) => item.name)).toEqual(['app-01', 'db-01', 'web-01', 'web-02']);
  });

  test('deleting a pairing (deleteOnDestroy, e.g. in a destroy plan) is flagged with what it breaks', () => {
    const plan = editedPlan('no-change', (change) => {
      const input = change.change.before?.input;
      if (!change.address.includes('_pairing_') || !input) return;
      input.delete_on_destroy = true;
      change.change.actions = ['delete'];
      change.change.after = null;
    });
    const pairing = reviewPlans([{ stack: 'review', plan }], catalogue).items.find((item) => item.kind === 'vr.pairing');
    expect(pairing?.summary).toBe('DELETE the site pairing (deleteOnDestroy)');
    expect(pairing?.risks.map((risk) => [risk.class, risk.message.split(':')[0]])).toEqual([['data-loss', 'PAIRING DELETED']]);
    expect(pairing?.risks[0].message).toContain('no VM can be replicated between 127.0.0.1:47855 and vc-b.example.local');
    expect(pairing?.risks[0].fix).toContain('deleteOnDestroy: false');
  });
});

describe('adopt', () => {
  test('a create with adopt: true says it takes over an existing replication not created by this code', () => {
    const plan = editedPlan('create', (change) => {
      const input = change.change.after?.input;
      if (change.address.includes('web-01_replication') && input) input.adopt = true;
    });
    const web01 = reviewPlans([{ stack: 'review', plan }], catalogue).items.find((item) => item.name === 'web-01');
    expect(web01?.summary).toBe(
      'configure: new replication, initial full sync to ds-b-gold — or TAKES OVER an existing replication of web-01 not created by this code (adopt: true)',
    );
    const db01 = reviewPlans([{ stack: 'review', plan }], catalogue).items.find((item) => item.name === 'db-01');
    expect(db01?.summary).toBe('configure: new replication, initial full sync to ds-b-gold');
  });
});

describe('stack names', () => {
  test('the stack comes from the owner the constructs record in the plan, not from the file name', () => {
    const plan = editedPlan('rpo-change', (change) => {
      for (const side of [change.change.before, change.change.after]) {
        if (side?.input && 'vm' in side.input) side.input.owner = `dr-site-b/${String((side.input.vm as { name: string }).name)}`;
      }
    });
    const review = reviewPlans([{ stack: 'plan', plan, stackFromFileName: true }], catalogue);
    expect(review.stacks).toEqual(['dr-site-b']);
    expect(review.items.map((item) => item.id)).toEqual([
      'dr-site-b/vr.pairing/vc-b.example.local',
      'dr-site-b/vr.replication/app-01',
      'dr-site-b/vr.replication/db-01',
      'dr-site-b/vr.replication/web-01',
      'dr-site-b/vr.replication/web-02',
    ]);
  });

  test('a stack named on the command line wins over the owner in the plan', () => {
    const plan = editedPlan('rpo-change', (change) => {
      const input = change.change.after?.input;
      if (input && 'vm' in input) input.owner = 'dr-site-b/x';
    });
    expect(reviewPlans([{ stack: 'mine', plan }], catalogue).stacks).toEqual(['mine']);
  });
});

/**
 * The review tells the whole truth about a plan (issue 19), on plans recorded with real Terraform 1.11 against the
 * simulator (fixtures/record-provider.ts): every change of the plan exists for it, removing protection is a risk,
 * the plan's own drift is read, imports and adoptions are what the apply will do, and items are named as the code
 * names them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runReviewCli, type ReviewIo } from '../../src/cli/review';
import { loadReviewCatalogue } from '../../src/resources/review-catalogue';
import type { JsonObject, ReviewCatalogue } from '../../src/resources/review-profile';
import type { LiveReader } from '../../src/review/drift';
import { reviewRiskCounts, type Review, type ReviewItem } from '../../src/review/model';
import { renderJson } from '../../src/review/render-json';
import { renderText } from '../../src/review/render-text';
import { addLive, reviewPlans } from '../../src/review/review';

const PLANS = join(__dirname, 'fixtures', 'plans');
const planPath = (name: string) => join(PLANS, `${name}.json`);
const planText = (name: string) => readFileSync(planPath(name), 'utf8');

let catalogue: ReviewCatalogue;
beforeAll(async () => {
  catalogue = await loadReviewCatalogue();
});

function reviewOf(name: string, plan: unknown = planText(name)): Review {
  return reviewPlans([{ stack: 'review', plan, source: name }], catalogue);
}

function item(review: Review, name: string): ReviewItem {
  const found = review.items.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no item ${name}; items: ${review.items.map((i) => i.name).join(', ')}`);
  return found;
}

function io(): ReviewIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: (t) => out.push(t), stderr: (t) => err.push(t), env: {}, isTty: false, readStdin: () => '' };
}

/** A reader that answers every replication with `state(spec)` (undefined: not there). */
function reader(state: (spec: JsonObject) => JsonObject | undefined): LiveReader {
  return { read: async (_kind, spec) => state(spec) };
}

describe('only repliform resources existed for the review', () => {
  test('a destroyed and a replaced terraform_data are other changes, each a destroy risk; the exit code is 2', async () => {
    const review = reviewOf('provider-others');
    expect(review.others.map((other) => [other.address, other.type, other.actions, other.action, other.reasons, other.risks.map((r) => r.class)])).toEqual([
      ['terraform_data.rebuilt', 'terraform_data', ['delete', 'create'], 'replace', ['replace_because_cannot_update', 'replace: triggers_replace'], ['destroy']],
      ['terraform_data.unrelated', 'terraform_data', ['delete'], 'delete', ['delete_because_no_resource_config'], ['destroy']],
    ]);
    expect(review.others[1]?.risks[0]?.message).toBe(
      'DESTROYED: the plan DESTROYS terraform_data.unrelated (delete_because_no_resource_config), a terraform_data that is not a repliform object: this review cannot tell what it holds or who depends on it.',
    );
    expect(review.changes).toBe(true);
    expect(review.raw).toEqual([
      {
        stack: 'review',
        source: 'provider-others',
        lines: ['# terraform_data.rebuilt must be replaced (replace_because_cannot_update)', '# terraform_data.unrelated will be destroyed (delete_because_no_resource_config)'],
      },
    ]);
    const text = renderText(review, { color: false });
    expect(text).not.toContain('No changes.');
    expect(text).toContain('  other resources (not repliform objects):\n  -/+ terraform_data.rebuilt: replace (replace_because_cannot_update; replace: triggers_replace)\n');
    expect(text).toContain('\n    - terraform_data.unrelated: delete (delete_because_no_resource_config)\n');
    expect(text).toContain('Risks: 0 full resync, 0 data loss, 0 protection removed, 0 orphaned, 0 drifted, 0 apply will stop, 2 other resource destroyed.');
    const json = JSON.parse(renderJson(review)) as { summary: { changes: boolean; risks: Record<string, number> }; other_changes: Array<{ address: string }> };
    expect(json.summary.changes).toBe(true);
    expect(json.summary.risks.destroy).toBe(2);
    expect(json.other_changes.map((other) => other.address)).toEqual(['terraform_data.rebuilt', 'terraform_data.unrelated']);

    expect(await runReviewCli(['--plan', planPath('provider-others')], io())).toBe(2);
    const gate = io();
    expect(await runReviewCli(['--plan', planPath('provider-others'), '--fail-on', 'destroy'], gate)).toBe(1);
    expect(gate.err.join('')).toBe('repliform review: failing on destroy (--fail-on destroy)\n');
  });

  test('a fix already given is not repeated item after item', () => {
    const text = renderText(reviewOf('provider-others'), { color: false });
    expect(text.match(/fix: Read its change in the raw plan/g)).toHaveLength(1);
    expect(text).toContain('         fix: the same as above\n');
  });
});

test('removing protection is a risk of its own: unprotect, which --fail-on selects', async () => {
  const review = reviewOf('provider-unprotect');
  const web = item(review, 'web-01');
  expect(web.risks.map((risk) => [risk.class, risk.message])).toEqual([
    ['unprotect', 'PROTECTION REMOVED: the replication of web-01 to vc-b.example.local is unconfigured: the VM loses its DR protection; no new recovery point is made after this apply.'],
  ]);
  const gate = io();
  expect(await runReviewCli(['--plan', planPath('provider-unprotect'), '--fail-on', 'unprotect'], gate)).toBe(1);
  expect(gate.err.join('')).toBe('repliform review: failing on unprotect (--fail-on unprotect)\n');
});

describe("the plan's own drift", () => {
  test('without --live: paused, an RPO changed by hand, a replication deleted outside Terraform', () => {
    const review = reviewOf('provider-drift');
    const rows = review.items.map((i) => [i.name, i.action, i.changes.map((c) => c.text), i.drift.map((f) => f.text), i.risks.map((r) => r.class)]);
    expect(rows).toEqual([
      ['app-01', 'create', [], ['no replication of app-01 on 127.0.0.1:47856 (removed outside Terraform?)'], ['drift']],
      ['db-01', 'update', ['RPO 30 → 15 min (puts back a change made outside the code)'], ['changed outside the code: RPO 15 → 30 min (code → live)'], ['drift']],
      ['file-01', 'no-change', [], [], []],
      ['web-01', 'no-change', [], ['replication is PAUSED: no new recovery points are made'], ['drift']],
    ]);
    expect(item(review, 'db-01').changes[0]?.reverts).toBe(true);
    expect(item(review, 'db-01').summary).toBe('puts back settings changed outside the code: settings only, reconfigured in place: no resync');
    expect(item(review, 'app-01').summary).toBe('made again (deleted outside Terraform): configure: new replication, initial full sync to ds-b-gold');
    expect(reviewRiskCounts(review).drift).toBe(3);
  });

  test('with --live: the deleted replication is drift (not a plain create), the hand-made RPO is drift put back', async () => {
    const review = await addLive(
      reviewOf('provider-drift'),
      reader((spec) => {
        const vm = String((spec.vm as JsonObject).name);
        if (vm === 'app-01') return undefined;
        const rpo = vm === 'db-01' ? 30 : 15;
        return { id: `rep-${vm}`, name: vm, status: vm === 'web-01' ? 'PAUSED' : 'OK', configuration_state: 'OK', rpo_violation: false, settings: { ...(spec.settings as JsonObject), rpo_minutes: rpo } };
      }),
      catalogue,
    );
    const rows = review.items.map((i) => [i.name, i.action, i.live?.status, i.live?.findings.map((f) => f.kind), i.risks.map((r) => r.class)]);
    expect(rows).toEqual([
      ['app-01', 'create', 'drifted', ['missing'], ['drift']],
      ['db-01', 'update', 'drifted', ['settings'], ['drift']],
      ['file-01', 'no-change', 'in-sync', [], []],
      ['web-01', 'no-change', 'drifted', ['paused'], ['drift']],
    ]);
    expect(item(review, 'db-01').changes.map((c) => c.text)).toEqual(['RPO 30 → 15 min (puts back a change made outside the code)']);
    expect(review.errors).toEqual([]);
  });
});

describe('adoption and import', () => {
  test('--live: a create with adopt: true that meets a replication of another identity is "apply will stop", not a take-over', async () => {
    const plan = JSON.parse(planText('provider-drift').replace(/"adopt": false/g, '"adopt": true')) as JsonObject;
    const review = await addLive(
      reviewOf('adopt', { ...plan, resource_drift: [] }),
      reader((spec) => {
        const vm = String((spec.vm as JsonObject).name);
        const target = { datastore: vm === 'app-01' ? 'ds-b-silver' : 'ds-b-gold', disk_format: 'SAME_AS_SOURCE', replication_server: null, storage_policy: null };
        return { id: `rep-${vm}`, name: vm, status: 'OK', configuration_state: 'OK', rpo_violation: false, target, exclude_disks: [], settings: spec.settings ?? null };
      }),
      catalogue,
    );
    const app = item(review, 'app-01');
    expect(app.live?.findings).toEqual([
      {
        kind: 'conflict',
        text: 'already replicated (replication rep-app-01) with another identity: datastore ds-b-gold → ds-b-silver (code → live); the apply REFUSES to take it over (adopt: true needs every identity field to match) and stops',
      },
    ]);
    expect(app.risks.map((risk) => risk.class)).toEqual(['blocked']);
  });

  test('a provider plan holding an import is read live without error, and is a take-over shown as a change', async () => {
    const specs: JsonObject[] = [];
    const review = await addLive(
      reviewOf('provider-import'),
      reader((spec) => {
        specs.push(spec);
        return { id: 'GID-x', name: 'app-02', status: 'OK', configuration_state: 'OK', rpo_violation: false, settings: spec.settings ?? null };
      }),
      catalogue,
    );
    expect(review.errors).toEqual([]);
    expect((specs[0]?.connection as JsonObject | undefined)?.endpoint).toBe('http://127.0.0.1:47856');
    const app = item(review, 'app-02');
    expect([app.action, app.importing, app.risks]).toEqual(['update', 'GID-aa2f50a9-6f4c-427d-8792-1ebe0c686ab4', []]);
  });

  test('a lifecycle resource imported with `terraform import` is a create, not a full resync', () => {
    const web = item(reviewOf('lifecycle-import'), 'web-01');
    expect([web.action, web.risks, web.changes]).toEqual(['create', [], []]);
    expect(web.summary).toBe(
      'imported by `terraform import` with no spec: Terraform replaces it, its delete is skipped (nothing is removed); then configure: new replication, initial full sync to ds-b-gold',
    );
  });
});

describe('names and classes', () => {
  test('a VCDA destination change that stops half-way is "apply will stop", not drift nor a resync; named as the code names it', () => {
    const review = reviewOf('provider-vcda-move');
    const [move] = review.items;
    expect([move?.name, move?.action, move?.risks.map((r) => r.class)]).toEqual(['vcd-web-01', 'replace', ['blocked']]);
    expect(move?.summary).toBe(
      'STOPS HALF-WAY: the old replication is paused and kept, and the new one to vDC d6977f40-4d90-46b2-a34e-5077e8648edb on site2 cannot start',
    );
    expect(reviewRiskCounts(review)).toMatchObject({ drift: 0, resync: 0, blocked: 1 });
  });

  test('SDRS pairs and protected instances are named by their names, not UUIDs', () => {
    const review = reviewOf('provider-sdrs');
    expect(review.items.filter((i) => i.action === 'create').map((i) => [i.kind, i.name])).toEqual([
      ['sdrs.protected-instance', 'web-01-dr'],
      ['sdrs.replication-pair', 'web-data'],
    ]);
  });
});

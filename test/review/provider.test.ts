/**
 * `review` of a provider-backed stack: `repliform_<kind>` resources whose attributes are the spec (plus computed
 * ones), one per object. The plan (fixtures/plans/provider.json) is hand-written in the shape of `terraform show
 * -json` (Terraform 1.11): one replication per action class. The report gives the same risk classes and field words
 * as the lifecycle backings; a removed block is deleted (no orphan) and an import is flagged as a take-over.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadReviewCatalogue } from '../../src/resources/review-catalogue';
import type { ReviewCatalogue } from '../../src/resources/review-profile';
import type { Review, ReviewItem } from '../../src/review/model';
import { readPlan } from '../../src/review/plan-reader';
import { renderJson } from '../../src/review/render-json';
import { renderMarkdown } from '../../src/review/render-markdown';
import { renderText } from '../../src/review/render-text';
import { addLive, reviewPlans } from '../../src/review/review';
import { fakeLive } from './helpers/fake-live';
import { expectGolden } from './helpers/golden';

const PLAN = readFileSync(join(__dirname, 'fixtures', 'plans', 'provider.json'), 'utf8');
let catalogue: ReviewCatalogue;
let review: Review;
beforeAll(async () => {
  catalogue = await loadReviewCatalogue();
  review = reviewPlans([{ stack: 'review', plan: PLAN, source: 'provider' }], catalogue);
});

function item(name: string): ReviewItem {
  const found = review.items.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no item ${name}; items: ${review.items.map((i) => i.name).join(', ')}`);
  return found;
}

test('the plan renders as its golden text, Markdown and JSON', () => {
  expectGolden('provider.txt', renderText(review, { color: false }));
  expectGolden('provider.md', renderMarkdown(review));
  expectGolden('provider.json', renderJson(review));
});

test('provider resources are read by their type, as one identity each, without computed attributes', () => {
  const changes = readPlan(PLAN, 'review', catalogue);
  expect(changes.map((c) => [c.kind, c.backing, c.role])).toEqual([
    ['vr.pairing', 'provider', 'identity'],
    ...Array.from({ length: 8 }, () => ['vr.replication', 'provider', 'identity']),
  ]);
  const created = changes.find((c) => c.address === 'repliform_vr_replication.db-01_replication_AAAA0003');
  expect(Object.keys(created?.after?.spec ?? {}).sort()).toEqual(
    ['adopt', 'connection', 'exclude_disks', 'on_delete', 'owner', 'pairing', 'seeds', 'settings', 'target', 'timeouts', 'vm'],
  );
  const updated = changes.find((c) => c.address === 'repliform_vr_replication.web-01_replication_AAAA0001');
  expect(updated?.before?.spec?.id).toBeUndefined();
  expect(updated?.before?.spec?.status).toBeUndefined();
});

test('["update"] of a settings field: update in place, no resync, the field before and after', () => {
  const web = item('web-01');
  expect([web.action, web.summary, web.risks]).toEqual(['update', 'settings only, reconfigured in place: no resync', []]);
  expect(web.changes).toEqual([{ field: 'settings.rpo_minutes', from: 15, to: 10, text: 'RPO 15 → 10 min', effect: 'in-place' }]);
  expect(web.addresses).toEqual(['repliform_vr_replication.web-01_replication_AAAA0001']);
});

test('["delete","create"] of an identity field: replace, full resync naming the field', () => {
  const app = item('app-01');
  expect([app.action, app.summary]).toEqual(['replace', 'unconfigure + configure: FULL RESYNC']);
  expect(app.changes.map((c) => [c.text, c.effect])).toEqual([['datastore ds-b-gold → ds-b-silver', 'replace']]);
  expect(app.risks.map((r) => r.class)).toEqual(['resync']);
  expect(app.risks[0]?.message).toContain('(datastore ds-b-gold → ds-b-silver)');
});

test('["create","delete"] seeded: replace without resync', () => {
  const app = item('app-02');
  expect([app.action, app.summary, app.risks]).toEqual(['replace', 'unconfigure + configure: seeded, pre-copied disks on the target are reused (no full sync)', []]);
});

test('["create"]: a new replication, initial full sync', () => {
  const db = item('db-01');
  expect([db.action, db.summary, db.risks, db.rpoMinutes]).toEqual(['create', 'configure: new replication, initial full sync to ds-b-gold', [], 30]);
});

test('["delete"] of a removed block: the provider deletes it — no orphan; replica kept; the VM loses its protection', () => {
  const file = item('file-01');
  expect([file.action, file.summary, file.risks.map((r) => r.class)]).toEqual([
    'delete',
    'block removed from the code, so the provider deletes it: unconfigure: replication removed, replica disks kept on the target',
    ['unprotect'],
  ]);
});

test('["delete"] with retainReplicaDisksOnDelete: false: data loss, and the VM loses its protection', () => {
  const old = item('old-01');
  expect(old.summary).toBe('block removed from the code, so the provider deletes it: unconfigure: replication removed, replica disks DELETED');
  expect(old.risks.map((r) => r.class)).toEqual(['data-loss', 'unprotect']);
});

test('an import block is flagged as a take-over of the existing replication (shown as a change, never among the unchanged)', () => {
  const imported = item('imp-01');
  expect([imported.action, imported.summary, imported.importing]).toEqual([
    'update',
    'IMPORT: takes over the existing replication GID-imp-01, not created by this code (import block); then no change',
    'GID-imp-01',
  ]);
  expect(JSON.parse(renderJson(review)).items.find((i: { name: string }) => i.name === 'imp-01').import_id).toBe('GID-imp-01');
});

test('["no-op"]: no change', () => {
  expect([item('keep-01').action, item('keep-01').summary]).toEqual(['no-change', 'no change']);
  expect(item('vc-b.example.local').action).toBe('no-change');
});

test('--live reads provider resources through the handlers with their spec', async () => {
  const live = await addLive(review, fakeLive({ 'web-01': { status: 'PAUSED' }, 'keep-01': { settings: { rpo_minutes: 30 } } }), catalogue);
  const web = live.items.find((i) => i.name === 'web-01');
  const keep = live.items.find((i) => i.name === 'keep-01');
  expect(web?.live?.status).toBe('drifted');
  expect(web?.live?.findings.map((f) => f.kind)).toEqual(['paused']);
  expect(keep?.live?.findings.map((f) => f.text)).toEqual(['changed outside the code: RPO 15 → 30 min (code → live)']);
});

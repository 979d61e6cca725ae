/**
 * The review pipeline is vendor-neutral: a kind it has never heard of (`acme.mirror`, declared here with its own
 * fields and review profile) is recognised in a plan by its lifecycle commands, its identity and settings
 * resources are paired, classified, worded and rendered, and its live drift reported — all by its profile,
 * with nothing of it in src/review.
 */
import { loadReviewCatalogue } from '../../src/resources/review-catalogue';
import { fieldWording, formats, valueAt, type JsonObject, type ReviewCatalogue, type ReviewProfile, type Transition, type Verdict } from '../../src/resources/review-profile';
import type { LiveReader } from '../../src/review/drift';
import { renderJson } from '../../src/review/render-json';
import { renderMarkdown } from '../../src/review/render-markdown';
import { renderText } from '../../src/review/render-text';
import { mermaidPicture } from '../../src/review/mermaid';
import { addLive, reviewPlans } from '../../src/review/review';
import { z } from 'zod';

const fields = { identity: ['volume', 'target'], settings: ['settings'] };

const words = [
  { path: 'volume', label: 'volume', format: formats.plain },
  { path: 'target', label: 'target site', format: formats.plain },
  { path: 'settings.interval_minutes', label: 'interval', format: formats.plain, unit: 'min' },
];

function verdict(transition: Transition): Verdict {
  switch (transition.event) {
    case 'create':
      return { action: 'create', summary: 'mirror: first copy' };
    case 'replace':
      return {
        action: 'replace',
        summary: 'mirror rebuilt',
        risks: [{ class: 'resync', message: `RECOPY: ${transition.changes.map((c) => c.text).join('; ')}`, fix: 'Keep the target.' }],
      };
    case 'update':
      return { action: 'update', summary: transition.settingsChanged ? 'interval changed in place' : 'nothing on the array' };
    case 'delete':
      return { action: 'delete', summary: `mirror dropped (hook ${transition.hook})` };
    case 'none':
      return { action: 'no-change', summary: 'no change' };
    default:
      return { action: 'no-change', summary: transition.event };
  }
}

const mirrorReview: ReviewProfile = {
  reviewed: true,
  noun: 'mirror',
  shape: 'protected',
  words,
  naturalKey: (spec) => valueAt(spec, 'volume'),
  view: (spec) => {
    const interval = valueAt(spec, 'settings.interval_minutes');
    return {
      name: typeof valueAt(spec, 'volume') === 'string' ? String(valueAt(spec, 'volume')) : undefined,
      source: 'array-a',
      sourceSite: undefined,
      target: String(valueAt(spec, 'target') ?? '?'),
      rpoMinutes: typeof interval === 'number' ? interval : null,
      seeded: false,
    };
  },
  keepsReplica: () => true,
  facts: ({ rpoMinutes }) => (rpoMinutes === null ? '' : `every ${rpoMinutes} min`),
  verdict,
  live: {
    read: () => Promise.reject(new Error('not used: the test reads through its own LiveReader')),
    findings: (live) => (live && live.state !== 'MIRRORING' ? [{ kind: 'status', text: `mirror is ${String(live.state)}` }] : []),
    fix: (kind) => (kind === 'status' ? 'Restart the mirror on the array.' : ''),
  },
};

/** The registry's kinds, as `repliform review` loads them; `catalogue` adds acme.mirror to them. */
let registryKinds: ReviewCatalogue;
let catalogue: ReviewCatalogue;
beforeAll(async () => {
  registryKinds = await loadReviewCatalogue();
  catalogue = new Map([...registryKinds, ['acme.mirror', { kind: 'acme.mirror', fields, spec: z.object({}).passthrough(), review: mirrorReview }]]);
});

/** One mirror as two terraform_data resources (identity + settings), the way the shared constructs synthesize a kind. */
function mirror(volume: string, before: { target: string; interval: number } | null, after: { target: string; interval: number } | null, identityActions: string[], settingsActions: string[]) {
  const spec = (side: { target: string; interval: number }): JsonObject => ({ volume, target: side.target, settings: { interval_minutes: side.interval } });
  const identity = (side: { target: string; interval: number } | null) =>
    side === null ? null : { triggers_replace: { kind: 'acme.mirror', volume, target: side.target }, input: spec(side) };
  const settings = (side: { target: string; interval: number } | null) =>
    side === null ? null : { triggers_replace: { mirror: 'id', settings: { interval_minutes: side.interval } }, input: null };
  return [
    { address: `terraform_data.${volume}_mirror_0123ABCD`, mode: 'managed', type: 'terraform_data', change: { actions: identityActions, before: identity(before), after: identity(after) } },
    { address: `terraform_data.${volume}_settings_4567CDEF`, mode: 'managed', type: 'terraform_data', change: { actions: settingsActions, before: settings(before), after: settings(after) } },
  ];
}

function configured(address: string, command: string) {
  return { address, provisioners: [{ type: 'local-exec', expressions: { command: { constant_value: command } } }] };
}

const plan = JSON.stringify({
  format_version: '1.2',
  resource_changes: [
    ...mirror('vol-1', { target: 'site-b', interval: 30 }, { target: 'site-b', interval: 10 }, ['no-op'], ['delete', 'create']),
    ...mirror('vol-2', { target: 'site-b', interval: 30 }, { target: 'site-c', interval: 30 }, ['delete', 'create'], ['delete', 'create']),
    ...mirror('vol-3', null, { target: 'site-b', interval: 60 }, ['create'], ['create']),
  ],
  configuration: {
    root_module: {
      resources: ['vol-1', 'vol-2', 'vol-3'].flatMap((volume) => [
        configured(`terraform_data.${volume}_mirror_0123ABCD`, 'repliform lifecycle create acme.mirror'),
        configured(`terraform_data.${volume}_settings_4567CDEF`, 'repliform lifecycle update acme.mirror'),
      ]),
    },
  },
});

describe('a kind src/review has never heard of', () => {
  test('is recognised by its lifecycle commands, paired and classified by its own profile', () => {
    const review = reviewPlans([{ stack: 'acme', plan }], catalogue);
    expect(review.items.map((item) => [item.id, item.action, item.summary, item.changes.map((c) => [c.text, c.effect]), item.risks.map((r) => r.message), item.addresses.length])).toEqual([
      ['acme/acme.mirror/vol-1', 'update', 'interval changed in place', [['interval 30 → 10 min', 'in-place']], [], 2],
      ['acme/acme.mirror/vol-2', 'replace', 'mirror rebuilt', [['target site site-b → site-c', 'replace']], ['RECOPY: target site site-b → site-c'], 2],
      ['acme/acme.mirror/vol-3', 'create', 'mirror: first copy', [], [], 2],
    ]);
  });

  test("is left out by the registry's catalogue, which does not know it", () => {
    expect(reviewPlans([{ stack: 'acme', plan }], registryKinds).items).toEqual([]);
  });

  test('renders in every format with its own words', () => {
    const review = reviewPlans([{ stack: 'acme', plan }], catalogue);
    expect(renderText(review, { color: false })).toBe(
      [
        'repliform review: 3 managed objects in 1 stack',
        '',
        'stack acme',
        '    ~ vol-1 → site-b (every 10 min)',
        '        update in place: interval changed in place',
        '        interval 30 → 10 min',
        '  -/+ vol-2 → site-c (every 30 min)',
        '        replace: mirror rebuilt',
        '        target site site-b → site-c',
        '      !! RECOPY: target site site-b → site-c',
        '         fix: Keep the target.',
        '    + vol-3 → site-b (every 60 min)',
        '        create: mirror: first copy',
        '',
        'Plan: 1 to create, 1 to update in place, 1 to replace, 0 to delete, 0 to forget, 0 unchanged.',
        'Risks: 1 full resync, 0 data loss, 0 protection removed, 0 orphaned, 0 drifted, 0 apply will stop, 0 other resource destroyed.',
        '',
      ].join('\n'),
    );
    expect(renderMarkdown(review)).toContain('| 🟠 full resync | `vol-2` | array-a → site-c | **replace**: mirror rebuilt | target site site-b → site-c |');
    const edges = mermaidPicture(review.items, false).graph.split('\n').filter((line) => line.includes('|'));
    expect(edges).toEqual(['  site1 ==>|"vol-2 · RPO 30 min · FULL RESYNC"| site3', '  site1 -->|"vol-3 · RPO 60 min · new"| site2', '  site1 -->|"vol-1 · RPO 10 min"| site2']);
    const json = JSON.parse(renderJson(review)) as { items: Array<{ kind: string; source_site: string }> };
    expect(json.items.map((item) => [item.kind, item.source_site])).toEqual([
      ['acme.mirror', 'array-a'],
      ['acme.mirror', 'array-a'],
      ['acme.mirror', 'array-a'],
    ]);
  });

  test('--live reports its drift with the findings and the fix of its profile', async () => {
    const reader: LiveReader = {
      read: async (kind, spec) => (kind === 'acme.mirror' ? { id: `m-${String(spec.volume)}`, state: spec.volume === 'vol-1' ? 'STALLED' : 'MIRRORING' } : undefined),
    };
    const review = await addLive(reviewPlans([{ stack: 'acme', plan }], catalogue), reader, catalogue);
    const vol1 = review.items.find((item) => item.name === 'vol-1');
    expect(vol1?.live).toEqual({ status: 'drifted', id: 'm-vol-1', findings: [{ kind: 'status', text: 'mirror is STALLED' }] });
    expect(vol1?.risks).toEqual([{ class: 'drift', message: 'DRIFT: the live mirror differs from the code: mirror is STALLED.', fix: 'Restart the mirror on the array.' }]);
    expect(review.items.find((item) => item.name === 'vol-2')?.live?.status).toBe('in-sync');
  });
});

test('the catalogue holds every kind the registry knows, the sync resource as not reviewed', async () => {
  const kinds = [...(await loadReviewCatalogue()).values()].map((entry) => [entry.kind, entry.review.reviewed]);
  expect(kinds).toEqual([
    ['vr.pairing', true],
    ['vr.replication', true],
    ['vr.replication-sync', false],
    ['vcda.site', false],
    ['vcda.replication', true],
    ['vcda.test-failover', true],
    ['sdrs.protection-group', true],
    ['sdrs.replication-pair', true],
    ['sdrs.protected-instance', true],
    ['sdrs.replication-attachment', true],
    ['sdrs.protection', true],
    ['sdrs.drill', true],
  ]);
  expect(fieldWording(fields, words).text('settings.interval_minutes', 5)).toBe('interval 5 min');
});

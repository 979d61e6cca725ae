/**
 * The review's Mermaid picture, read back structurally: each risk has its own line and colour (a paused,
 * missing or resyncing replication never looks healthy), a legend names what is drawn, and a site is one
 * node whether it is a source or a target.
 */
import { Credentials, TerraformStack, Testing, VrPairing, VrReplication } from '../../src/constructs';
import { loadReviewCatalogue } from '../../src/resources/review-catalogue';
import type { ReviewCatalogue } from '../../src/resources/review-profile';
import { EDGE_STYLES, edgeStyle, mermaidPicture, renderMermaid } from '../../src/review/mermaid';
import type { ReviewItem } from '../../src/review/model';
import { addLive, reviewPlans } from '../../src/review/review';
import { dataLossRisk } from '../../src/resources/vr/replication/review';
import { bigPlan } from './fixtures/big-plan';
import { fakeLive } from './helpers/fake-live';
import { planText, reviewOf } from './helpers/fixtures';
import { parseMermaid, type MermaidEdge } from './helpers/markdown-check';
import { rewritePlan } from './helpers/plans';
import { LIFECYCLE_CONTEXT } from '../constructs/helpers';

let catalogue: ReviewCatalogue;
beforeAll(async () => {
  catalogue = await loadReviewCatalogue();
});

function item(items: readonly ReviewItem[], name: string): ReviewItem {
  const found = items.find((candidate) => candidate.kind === 'vr.replication' && candidate.name === name);
  if (!found) throw new Error(`no item ${name}`);
  return found;
}

/** One item of each style, from the recorded plans (and canned live answers for drift). */
async function oneOfEach(): Promise<Record<string, ReviewItem>> {
  const live = await addLive(
    reviewOf('no-change', catalogue),
    fakeLive({ 'web-01': { status: 'PAUSED' }, 'app-01': { missing: true }, 'db-01': { configuration_state: 'ERROR' } }),
    catalogue,
  );
  const drifted = await addLive(reviewOf('no-change', catalogue), fakeLive({ 'web-02': { rpo_violation: true } }), catalogue);
  const removed = item(reviewOf('removal', catalogue).items, 'web-02');
  return {
    'data-loss': { ...removed, name: 'lost-01', risks: [dataLossRisk('delete')] },
    orphan: { ...removed, name: 'orphan-01' },
    resync: { ...item(reviewOf('datastore-change', catalogue).items, 'db-01'), name: 'resync-01' },
    blocked: { ...item(reviewOf('datastore-change', catalogue).items, 'web-01'), name: 'blocked-01', risks: [{ class: 'blocked', message: 'BLOCKED: the apply stops.', fix: 'Do it in two steps.' }] },
    missing: { ...item(live.items, 'app-01'), name: 'missing-01' },
    error: { ...item(live.items, 'db-01'), name: 'error-01' },
    paused: { ...item(live.items, 'web-01'), name: 'paused-01' },
    drift: { ...item(drifted.items, 'web-02'), name: 'drift-01' },
    removed: { ...item(reviewOf('retire', catalogue).items, 'web-02'), name: 'retired-01' },
    new: { ...item(reviewOf('create', catalogue).items, 'web-01'), name: 'new-01' },
    healthy: { ...item(live.items, 'web-02'), name: 'healthy-01' },
  };
}

function edgeOf(edges: readonly MermaidEdge[], name: string): MermaidEdge {
  const found = edges.find((edge) => edge.label.startsWith(`${name} ·`));
  if (!found) throw new Error(`no edge for ${name}`);
  return found;
}

describe('risk styles', () => {
  test('each item gets the style of its worst risk or drift', async () => {
    const items = await oneOfEach();
    expect(Object.fromEntries(Object.entries(items).map(([style, it]) => [style, edgeStyle(it)]))).toEqual(
      Object.fromEntries(EDGE_STYLES.map((style) => [style, style])),
    );
  });

  test('every style is drawn with its own line and colour, with its tag in the label', async () => {
    const items = await oneOfEach();
    const { graph } = mermaidPicture(Object.values(items), true);
    const parsed = parseMermaid(graph);
    expect(parsed.problems).toEqual([]);
    const drawn = Object.fromEntries(Object.keys(items).map((style) => [style, edgeOf(parsed.edges, `${style === 'removed' ? 'retired' : style === 'data-loss' ? 'lost' : style}-01`)]));
    const look = (edge: MermaidEdge): string => `${edge.arrow} ${edge.style ?? 'unstyled'}`;
    // Paused and other drift share one look, and so do ERROR and an apply that will stop (nine swatches for
    // eleven styles); their tags tell them apart.
    expect(new Set(Object.values(drawn).map(look)).size).toBe(EDGE_STYLES.length - 2);
    expect(Object.fromEntries(Object.entries(drawn).map(([style, edge]) => [style, look(edge)]))).toEqual({
      'data-loss': '==> stroke:#424a53,stroke-width:5px',
      orphan: '-.-> stroke:#953800,stroke-width:3px',
      resync: '==> stroke:#e16f24,stroke-width:4px',
      blocked: '--> stroke:#cf222e,stroke-width:3px,stroke-dasharray:8 6',
      missing: '--> stroke:#8250df,stroke-width:3px,stroke-dasharray:8 6',
      error: '--> stroke:#cf222e,stroke-width:3px,stroke-dasharray:8 6',
      paused: '--> stroke:#bf8700,stroke-width:3px,stroke-dasharray:8 6',
      drift: '--> stroke:#bf8700,stroke-width:3px,stroke-dasharray:8 6',
      removed: '-.-> stroke:#8c959f,stroke-width:2px',
      new: '--> stroke:#0969da,stroke-width:2px',
      healthy: '--> stroke:#2da44e,stroke-width:2px',
    });
    expect(drawn.drift.label).toBe('drift-01 · RPO 15 min · DRIFT');
    expect(drawn.blocked.label).toBe('blocked-01 · RPO 15 min · APPLY WILL STOP');
    expect(drawn.paused.label).toBe('paused-01 · RPO 15 min · PAUSED');
    expect(drawn.missing.label).toBe('missing-01 · RPO 60 min · MISSING on the appliance');
    expect(drawn.orphan.label).toBe('orphan-01 · RPO 15 min · ORPHANED: still running, unmanaged');
    expect(drawn.healthy.label).toBe('healthy-01 · RPO 15 min');
  });

  test('the legend names each style drawn, worst first, and says when nothing was checked live', async () => {
    const items = await oneOfEach();
    expect(mermaidPicture([items.paused, items.healthy, items.resync], true).legend).toEqual([
      '🟧 thick orange: full resync, no recovery point until it completes',
      '🟨 dashed yellow: paused or drifted from the code (RPO violation, settings or status), tagged PAUSED or DRIFT',
      '🟩 solid green: replicating as the code says (checked live)',
    ]);
    expect(mermaidPicture([items.orphan, items.healthy], false).legend).toEqual([
      '🟫 dotted brown: orphaned, still replicating with nothing managing it',
      '🟩 solid green: as the code says; the live state was not checked (run with --live)',
    ]);
  });

  test('the orphan and the clean retire are drawn apart', async () => {
    const items = await oneOfEach();
    const parsed = parseMermaid(renderMermaid([items.orphan, items.removed]));
    expect(edgeOf(parsed.edges, 'orphan-01').style).not.toBe(edgeOf(parsed.edges, 'retired-01').style);
  });

  test('a picture too big for its room keeps the worst edges and counts the rest', async () => {
    const items = await oneOfEach();
    const full = mermaidPicture(Object.values(items), true);
    const small = mermaidPicture(Object.values(items), true, full.graph.length - 1);
    const parsed = parseMermaid(small.graph);
    expect(parsed.problems).toEqual([]);
    expect(small.omittedEdges).toBe(EDGE_STYLES.length - parsed.edges.length);
    expect(parsed.edges[0].label).toBe('lost-01 · RPO 15 min · REPLICA DELETED');
  });
});

describe('aggregated: every risk drawn, whatever the size', () => {
  test('with no room left, every risky edge is still drawn; only edges without risk are left out, and counted', async () => {
    const items = await oneOfEach();
    const picture = mermaidPicture(Object.values(items), true, 0);
    const parsed = parseMermaid(picture.graph);
    expect(parsed.problems).toEqual([]);
    expect(parsed.edges.map((edge) => edge.label.split(' · ')[0])).toEqual(['lost-01', 'retired-01', 'orphan-01', 'resync-01', 'blocked-01', 'missing-01', 'error-01', 'paused-01', 'drift-01']);
    expect({ omittedEdges: picture.omittedEdges, omittedItems: picture.omittedItems }).toEqual({ omittedEdges: 2, omittedItems: 2 });
  });

  test('1,000 replications over 40 target sites: one edge per site pair and style, counting its replications', () => {
    const review = reviewPlans([{ stack: 'big', plan: bigPlan(1000, { mix: 'risky', targets: 40 }) }], catalogue);
    const parsed = parseMermaid(mermaidPicture(review.items, false, 0).graph);
    expect(parsed.problems).toEqual([]);
    expect(parsed.nodes.size).toBe(41);
    expect(parsed.edges).toHaveLength(40);
    const counted = (tag: string): number => parsed.edges.filter((edge) => edge.label.includes(tag)).reduce((total, edge) => total + Number(edge.label.split(' ')[0]), 0);
    expect(counted('FULL RESYNC')).toBe(500);
    expect(counted('ORPHANED')).toBe(500);
    const toSite2 = parsed.edges.filter((edge) => edge.to === [...parsed.nodes.entries()].find(([, label]) => label === 'vc-t02.example.local')?.[0]);
    expect(toSite2.map((edge) => `${edge.arrow} ${edge.label}`)).toEqual(['==> 25 FULL RESYNC · RPO 5 min']);
  });

  test('parallel edges between two sites are one per style, however many replications and RPOs', () => {
    const review = reviewPlans([{ stack: 'big', plan: bigPlan(2000) }], catalogue);
    const parsed = parseMermaid(renderMermaid(review.items));
    expect(parsed.edges.map((edge) => `${edge.from} ${edge.arrow} ${edge.to}: ${edge.label}`)).toEqual([
      'site1 ==> site2: 20 FULL RESYNC · RPO 5 min',
      'site1 --> site2: 1980 replications · RPO 5 min',
    ]);
  });
});

describe('one node per site', () => {
  /** Site A protects its VMs to B, site B its own to A: each with its pairing's localSite set. */
  function twoWay(localSites: boolean): ReviewItem[] {
    const a = rewritePlan(planText('create'), { endpoint: 'https://vr-a.example.local', ...(localSites ? { localSite: 'vc-a.example.local' } : {}) });
    const b = rewritePlan(planText('create'), {
      endpoint: 'https://vr-b.example.local',
      ...(localSites ? { localSite: 'vc-b.example.local' } : {}),
      values: { 'vc-b.example.local': 'vc-a.example.local', 'web-01': 'web-11', 'web-02': 'web-12' },
    });
    const review = reviewPlans(
      [
        { stack: 'site-a', plan: a },
        { stack: 'site-b', plan: b },
      ],
      catalogue,
    );
    return review.items.filter((it) => it.kind === 'vr.replication' && it.rpoMinutes === 15);
  }

  test('two-way protection: two site nodes and one edge each way', () => {
    const parsed = parseMermaid(renderMermaid(twoWay(true)));
    expect(parsed.problems).toEqual([]);
    expect([...parsed.nodes.entries()]).toEqual([
      ['site1', 'vc-a.example.local'],
      ['site2', 'vc-b.example.local'],
    ]);
    expect(parsed.edges.map((edge) => `${edge.from} ${edge.arrow} ${edge.to}: ${edge.label}`)).toEqual([
      'site1 --> site2: web-01, web-02 · RPO 15 min · new',
      'site2 --> site1: web-11, web-12 · RPO 15 min · new',
    ]);
  });

  test('without localSite a source is named after its appliance host (the documented fallback)', () => {
    const parsed = parseMermaid(renderMermaid(twoWay(false)));
    expect([...parsed.nodes.values()]).toEqual(['vc-a.example.local', 'vc-b.example.local', 'vr-a.example.local', 'vr-b.example.local']);
  });

  test('VrPairing localSite reaches the replication spec the review reads; unset, the spec is as before', () => {
    const stack = new TerraformStack(Testing.app({ context: { ...LIFECYCLE_CONTEXT } }), 'dr');
    const credentials = Credentials.fromEnv('VR_USER', 'VR_PASSWORD');
    const named = new VrPairing(stack, 'to-b', { endpoint: 'https://vr-a.example.local', credentials, remoteSite: 'vc-b.example.local', localSite: 'vc-a.example.local' });
    const unnamed = new VrPairing(stack, 'to-c', { endpoint: 'https://vr-a.example.local', credentials, remoteSite: 'vc-c.example.local' });
    const web = new VrReplication(stack, 'web-01', { pairing: named, vmName: 'web-01', targetDatastore: 'ds-b', rpoMinutes: 15 });
    const db = new VrReplication(stack, 'db-01', { pairing: unnamed, vmName: 'db-01', targetDatastore: 'ds-c', rpoMinutes: 15 });
    const json = JSON.parse(Testing.synth(stack)) as { resource: { terraform_data: Record<string, { input?: { connection?: Record<string, unknown> }; triggers_replace?: unknown }> } };
    const input = (id: string) => json.resource.terraform_data[id]?.input?.connection;
    expect(input(web.identityResource.resource.friendlyUniqueId)?.local_site).toBe('vc-a.example.local');
    expect(input(named.resource.resource.friendlyUniqueId)?.local_site).toBe('vc-a.example.local');
    expect(input(db.identityResource.resource.friendlyUniqueId)).not.toHaveProperty('local_site');
    expect(JSON.stringify(json.resource.terraform_data[web.identityResource.resource.friendlyUniqueId]?.triggers_replace)).not.toContain('vc-a.example.local');
  });

  test('an empty localSite is refused with the field, the rule and the value', () => {
    const stack = new TerraformStack(Testing.app({ context: { ...LIFECYCLE_CONTEXT } }), 'dr');
    expect(
      () => new VrPairing(stack, 'to-b', { endpoint: 'https://vr-a.example.local', credentials: Credentials.fromEnv('U', 'P'), remoteSite: 'vc-b', localSite: '' }),
    ).toThrow(/localSite.*must be a non-empty vCenter name such as 'vc-a\.example\.local'/);
  });
});

/**
 * `review --live` against the simulator over HTTP: one login and one logout per run, one pairing look-up
 * per pairing (not per object), and the replications on a pairing that no construct of the app declares:
 * an orphan when this app made it (this machine's records name one of its stacks), otherwise another owner's
 * (another stack's, or made by hand) — listed, never a risk.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { vrReplicationHandler } from '../../src/resources/vr/replication/handler';
import { runReviewCli, type ReviewIo } from '../../src/cli/review';
import { cacheOwnershipRecords } from '../../src/resources/ownership';
import { replicationSpec, SIM_ENV, testContext } from '../helpers/context';
import { planText } from './helpers/fixtures';
import { useSimulator } from '../helpers/simulator';

/** The endpoint the fixture plans were recorded against (see fixtures/record.ts). */
const RECORDED_ENDPOINT = 'http://127.0.0.1:47855';

const sim = useSimulator({ taskDelayMs: 5 }, 'all');
let dir: string;
let planFile: string;

interface PlanJson {
  resource_changes: Array<{ change: { after: { input?: { vm?: { name?: string }; connection?: unknown } } | null } }>;
}

interface JsonReport {
  summary: { risks: Record<string, number> };
  not_this_apps: Array<{ name: string; owner: string | null; live_id: string }>;
  items: Array<{
    id: string;
    stack: string;
    name: string;
    action: string;
    summary: string;
    addresses: string[];
    risks: Array<{ class: string; message: string; fix: string }>;
    live: { status: string; id: string | null; findings: Array<{ kind: string; text: string }> } | null;
  }>;
  errors: string[];
}

/** Deploys, straight through the handler, the replications the recorded no-change plan says are deployed. */
async function deployRecordedReplications(plan: string): Promise<void> {
  const ctx = testContext(SIM_ENV);
  const parsed = JSON.parse(plan) as PlanJson;
  for (const change of parsed.resource_changes) {
    const input = change.change.after?.input;
    if (input?.vm?.name === undefined || input.connection === undefined || !('target' in input)) continue;
    await vrReplicationHandler.create(vrReplicationHandler.parseSpec(input, 'create'), ctx);
  }
}

function capture(): ReviewIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: (t) => out.push(t), stderr: (t) => err.push(t), env: { ...SIM_ENV, REPLIFORM_CACHE_DIR: join(dir, 'cache') }, isTty: false, readStdin: () => '' };
}

function count(method: string, path: RegExp): number {
  return sim.requests.filter((request) => request.method === method && path.test(request.path)).length;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'review-live-'));
  const plan = planText('no-change').split(RECORDED_ENDPOINT).join(sim.url);
  planFile = join(dir, 'review.json');
  writeFileSync(planFile, plan);
  await deployRecordedReplications(plan);
  // Made by hand: no construct of the app declares file-02, and nothing records who made it.
  await vrReplicationHandler.create(replicationSpec(sim.url, { vm: { name: 'file-02' }, settings: { rpo_minutes: 60 } }), testContext(SIM_ENV));
  // Made on this machine by this app (stack `review`) and by another team's stack; neither is declared any more.
  const ownership = cacheOwnershipRecords(join(dir, 'cache'));
  await vrReplicationHandler.create(replicationSpec(sim.url, { vm: { name: 'app-02' }, owner: 'review/app-02' }), testContext(SIM_ENV, { ownership }));
  await vrReplicationHandler.create(replicationSpec(sim.url, { vm: { name: 'app-03' }, owner: 'other-team/app-03' }), testContext(SIM_ENV, { ownership }));
});

afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
});

beforeEach(() => sim.clearRequests());

test('a --live run logs in once and logs out at the end: no session is left on the appliance', async () => {
  const sessionsBefore = sim.state.sessions.length;
  const io = capture();
  await runReviewCli(['--plan', planFile, '--live', '--format', 'json'], io);
  expect(io.err.join('')).toBe('');
  expect(count('POST', /\/session$/)).toBe(1);
  expect(count('DELETE', /\/session$/)).toBe(1);
  expect(sim.state.sessions.length).toBe(sessionsBefore);
});

test('the pairing is looked up once per run, not once per replication', async () => {
  const io = capture();
  await runReviewCli(['--plan', planFile, '--live', '--format', 'json'], io);
  expect(count('GET', /\/pairings$/)).toBe(1);
  expect(count('GET', /\/pairings\/[^/]+\/replications$/)).toBe(1);
});

test("a replication on the pairing that no construct declares is an orphan only when it is this app's", async () => {
  const io = capture();
  const code = await runReviewCli(['--plan', planFile, '--live', '--format', 'json'], io);
  expect(code).toBe(0);
  const report = JSON.parse(io.out.join('')) as JsonReport;
  expect(report.errors).toEqual([]);
  const idOf = (vm: string) => sim.state.replications.find((replication) => replication.info.name === vm)?.info.id;
  const orphans = report.items.filter((item) => item.live?.findings.some((finding) => finding.kind === 'unmanaged'));
  expect(orphans.map((item) => [item.id, item.name, item.action, item.summary, item.addresses, item.live?.status, item.live?.id])).toEqual([
    ['review/vr.replication/app-02', 'app-02', 'no-change', 'unmanaged (orphan): replicated on the appliance, declared by no construct of this app', [], 'drifted', idOf('app-02')],
  ]);
  expect(orphans[0].live?.findings).toEqual([
    { kind: 'unmanaged', text: `replication ${idOf('app-02')} of app-02 (RPO 15 min) on 127.0.0.1:${new URL(sim.url).port} → vc-b.example.local: no construct of this app declares it` },
  ]);
  expect(orphans[0].risks.map((risk) => [risk.class, risk.message.split(':')[0]])).toEqual([['orphan', 'UNMANAGED (orphan)']]);
  expect(orphans[0].risks[0].fix).toContain('`adopt: true`');
  expect(report.summary.risks.orphan).toBe(1);
  // Another team's replication and one made by hand on the same pairing: listed as not this app's, no risk.
  expect(report.not_this_apps.map((object) => [object.name, object.owner, object.live_id])).toEqual([
    ['app-03', 'other-team/app-03', idOf('app-03')],
    ['file-02', null, idOf('file-02')],
  ]);
  // the declared ones are not reported twice
  expect(report.items.map((item) => item.name)).toEqual(['vc-b.example.local', 'app-01', 'app-02', 'db-01', 'web-01', 'web-02']);

  const gate = capture();
  expect(await runReviewCli(['--plan', planFile, '--live', '--fail-on', 'orphan'], gate)).toBe(1);
  expect(gate.err.join('')).toBe('repliform review: failing on orphan (--fail-on orphan)\n');
  const text = capture();
  await runReviewCli(['--plan', planFile, '--live'], text);
  expect(text.out.join('')).toContain("Not this app's: 2 objects on its pairings that no construct declares, of no known owner, other-team/app-03 (not orphans).");
});

test('without --live nothing is read and no orphan can be listed', async () => {
  const io = capture();
  expect(await runReviewCli(['--plan', planFile, '--format', 'json'], io)).toBe(0);
  expect(sim.requests).toEqual([]);
  expect((JSON.parse(io.out.join('')) as JsonReport).items.map((item) => item.name)).not.toContain('app-02');
});

test('a create that meets a replication already there says it needs adopt: true to take it over', async () => {
  const createPlan = join(dir, 'create.json');
  writeFileSync(createPlan, planText('create').split(RECORDED_ENDPOINT).join(sim.url));
  const io = capture();
  await runReviewCli(['--plan', createPlan, '--live', '--format', 'json'], io);
  const report = JSON.parse(io.out.join('')) as JsonReport;
  const web01 = report.items.find((item) => item.name === 'web-01');
  const id = sim.state.replications.find((replication) => replication.info.name === 'web-01')?.info.id;
  expect(web01?.live?.findings).toEqual([
    {
      kind: 'exists',
      text: `already replicated (replication ${id}), not created by this code: create stops unless the construct sets \`adopt: true\` (or it is this code's own, left by an interrupted apply on the same machine)`,
    },
  ]);
  expect(web01?.risks).toEqual([]);
});

test('a setting the appliance does not report is unknown, not drift', async () => {
  const web01 = sim.state.replications.find((replication) => replication.info.name === 'web-01');
  sim.setReplicationStatus(web01?.info.id ?? '', { omit: ['rpo', 'network_compression_enabled'] });
  const io = capture();
  await runReviewCli(['--plan', planFile, '--live', '--format', 'json'], io);
  const report = JSON.parse(io.out.join('')) as JsonReport;
  const findings = report.items.find((item) => item.name === 'web-01')?.live?.findings ?? [];
  expect(findings.filter((finding) => finding.kind === 'settings')).toEqual([]);
});

/**
 * End to end with real Terraform and the simulator: deploy examples/vr-basic once, drift two
 * replications by hand through the simulator's API (pause web-01, change db-01's RPO), change the web
 * tier's RPO in the code, then `repliform review --synth-dir … --live` plans every stack itself and
 * reports the in-place update next to the drift.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { synthExample, terraform, terraformEnv } from '../../scripts/deploy-kit';
import { runReviewCli } from '../../src/review/cli';
import { startSimulator, type RunningSimulator } from '../../src/simulator';
import { SIM_ENV } from '../helpers/context';

let sim: RunningSimulator;
let workDir: string;

beforeAll(async () => {
  sim = await startSimulator({ taskDelayMs: 20 });
  workDir = mkdtempSync(join(tmpdir(), 'repliform-review-e2e-'));
});

afterAll(async () => {
  await sim.close();
  rmSync(workDir, { recursive: true, force: true });
});

function env(webRpo: number): NodeJS.ProcessEnv {
  return terraformEnv(workDir, { ...SIM_ENV, VR_ENDPOINT: sim.url, WEB_RPO_MINUTES: String(webRpo) });
}

async function drift(vm: string, patch: Record<string, unknown>): Promise<void> {
  const replication = sim.state.replications.find((r) => r.info.name === vm);
  const response = await fetch(`${sim.url}/_sim/replications/${replication?.info.id}/status`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(patch),
  });
  expect(response.status).toBe(200);
}

interface JsonReport {
  summary: { changes: boolean; risks: Record<string, number> };
  items: Array<{ name: string; action: string; changes: Array<{ text: string }>; live: { status: string; findings: Array<{ kind: string; text: string }> } | null }>;
  errors: string[];
}

test('review --synth-dir --live: the planned RPO change next to drift injected by hand', async () => {
  const outdir = join(workDir, 'cdktf.out');
  const stackDir = (await synthExample('vr-basic', outdir, env(15)))['vr-basic'];
  await terraform(stackDir, ['init'], env(15));
  await terraform(stackDir, ['apply', '-auto-approve'], env(15));

  await drift('web-01', { status: 'PAUSED' });
  await drift('db-01', { rpo: 30 });
  await synthExample('vr-basic', outdir, env(10));

  const out: string[] = [];
  const err: string[] = [];
  const io = { stdout: (t: string) => out.push(t), stderr: (t: string) => err.push(t), env: env(10), isTty: false, readStdin: () => '' };
  const code = await runReviewCli(['--synth-dir', outdir, '--live', '--format', 'json'], io);

  expect(err).toEqual([]);
  expect(code).toBe(2);
  const report = JSON.parse(out.join('')) as JsonReport;
  expect(report.errors).toEqual([]);
  expect(report.items.map((item) => [item.name, item.action, item.changes.map((c) => c.text), item.live?.status, item.live?.findings.map((f) => f.text)])).toEqual([
    ['vc-b.example.local', 'no-change', [], 'in-sync', []],
    ['db-01', 'no-change', [], 'drifted', ['changed outside the code: RPO 5 → 30 min (code → live)']],
    ['web-01', 'update', ['RPO 15 → 10 min'], 'drifted', ['replication is PAUSED: no new recovery points are made']],
    ['web-02', 'update', ['RPO 15 → 10 min'], 'in-sync', []],
  ]);
  expect(report.summary.risks).toEqual({ resync: 0, 'data-loss': 0, orphan: 0, drift: 2 });

  // CI can fail on drift alone
  const failed = await runReviewCli(['--synth-dir', outdir, '--live', '--fail-on', 'drift'], { ...io, stdout: () => undefined, stderr: () => undefined });
  expect(failed).toBe(1);
});

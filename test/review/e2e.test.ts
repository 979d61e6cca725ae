/**
 * End to end with real Terraform and the simulator: deploy examples/vr-basic once, drift two
 * replications by hand through the simulator's API (pause web-01, change db-01's RPO), change the web
 * tier's RPO in the code, then `repliform review --synth-dir … --live` plans every stack itself and
 * reports the in-place update next to the drift.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runOrThrow, synthExample, terraform, terraformBinary, terraformEnv } from '../../scripts/deploy-kit';
import { runReviewCli } from '../../src/cli/review';
import { SIM_ENV } from '../helpers/context';
import { driftReplication, type JsonReport } from './live-drift';
import { useSimulator } from '../helpers/simulator';

const sim = useSimulator({ taskDelayMs: 20 }, 'all');
let workDir: string;
let outdir: string;
let stackDir: string;

beforeAll(async () => {
  workDir = mkdtempSync(join(tmpdir(), 'repliform-review-e2e-'));
});

afterAll(async () => {
  rmSync(workDir, { recursive: true, force: true });
});

function env(webRpo: number): NodeJS.ProcessEnv {
  return terraformEnv(workDir, { ...SIM_ENV, VR_ENDPOINT: sim.url, WEB_RPO_MINUTES: String(webRpo) });
}

test('review --synth-dir --live: the planned RPO change next to drift injected by hand', async () => {
  outdir = join(workDir, 'cdktf.out');
  stackDir = (await synthExample('vr-basic', outdir, env(15)))['vr-basic'];
  await terraform(stackDir, ['init'], env(15));
  await terraform(stackDir, ['apply', '-auto-approve'], env(15));

  await driftReplication(sim, 'web-01', { status: 'PAUSED' });
  await driftReplication(sim, 'db-01', { rpo: 30 });
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
  expect(report.summary.risks).toEqual({ resync: 0, 'data-loss': 0, unprotect: 0, orphan: 0, drift: 2, blocked: 0, destroy: 0 });

  // CI can fail on drift alone
  const failed = await runReviewCli(['--synth-dir', outdir, '--live', '--fail-on', 'drift'], { ...io, stdout: () => undefined, stderr: () => undefined });
  expect(failed).toBe(1);
});

/** A `terraform apply` waiting at its approval prompt: it holds the state lock, like a deploy in progress. */
async function applyHoldingTheLock(): Promise<ChildProcessWithoutNullStreams> {
  const child = spawn(terraformBinary(), ['apply', '-no-color'], { cwd: stackDir, env: env(10) });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Enter a value:')) resolve();
    });
    child.on('close', (code) => reject(new Error(`terraform apply exited (${code}) before its prompt:\n${output}`)));
  });
  return child;
}

async function answer(child: ChildProcessWithoutNullStreams, text: string): Promise<void> {
  const closed = new Promise<void>((resolve) => child.on('close', () => resolve()));
  child.stdin.end(text);
  await closed;
}

function captureIo(): { out: string[]; err: string[]; io: Parameters<typeof runReviewCli>[1] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { stdout: (t: string) => out.push(t), stderr: (t: string) => err.push(t), env: env(10), isTty: false, readStdin: () => '' } };
}

test('review --synth-dir plans without the state lock: a deploy waiting for approval does not make it fail', async () => {
  const deploy = await applyHoldingTheLock();
  try {
    const { out, err, io } = captureIo();
    const code = await runReviewCli(['--synth-dir', outdir, '--format', 'json'], io);
    expect(err.join('')).toBe('');
    expect(code).toBe(2);
    const report = JSON.parse(out.join('')) as JsonReport;
    expect(report.items.filter((item) => item.action === 'update').map((item) => item.name)).toEqual(['web-01', 'web-02']);
  } finally {
    await answer(deploy, 'no\n');
  }
});

test('a tainted identity on the terraform_data backing is a resync because it is tainted, not a trigger change', async () => {
  const state = await runOrThrow(terraformBinary(), ['state', 'list'], { cwd: stackDir, env: env(10) });
  const identity = state.stdout.split('\n').find((address) => /^terraform_data\.web-01_replication_/.test(address));
  expect(identity).toBeDefined();
  await runOrThrow(terraformBinary(), ['taint', identity ?? ''], { cwd: stackDir, env: env(10) });

  const { out, io } = captureIo();
  expect(await runReviewCli(['--synth-dir', outdir, '--format', 'json'], io)).toBe(2);
  const report = JSON.parse(out.join('')) as { items: Array<{ name: string; action: string; summary: string; risks: Array<{ class: string; message: string }> }> };
  const web01 = report.items.find((item) => item.name === 'web-01');
  expect(web01?.action).toBe('replace');
  expect(web01?.risks.map((risk) => risk.class)).toEqual(['resync']);
  expect(web01?.risks[0].message).toContain('(the resource is tainted in the Terraform state: a create or an earlier apply failed part-way');
  expect(web01?.risks[0].message).not.toContain('null_resource');
});

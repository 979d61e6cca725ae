/**
 * End to end with real Terraform, the native provider and the simulator: examples/vr-basic deployed through
 * the provider, drift made by hand (web-01 paused, db-01's RPO changed), the web tier's RPO changed in the code.
 * Terraform itself sees the drift now (its refresh reads the live objects), so the plan puts db-01's RPO back;
 * `repliform review --synth-dir … --live` reports that next to the planned change and the pause.
 */
import { join } from 'node:path';
import { run, synthExample, terraform, terraformBinary } from '../../scripts/deploy-kit';
import { runReviewCli } from '../../src/cli/review';
import { SIM_ENV } from '../helpers/context';
import { providerWorld } from '../helpers/e2e';
import { driftReplication, type JsonReport } from './live-drift';

const world = providerWorld('review-e2e-provider', (sim) => ({ ...SIM_ENV, VR_ENDPOINT: sim.url }), { taskDelayMs: 20 });

function env(webRpo: number): NodeJS.ProcessEnv {
  return { ...world.env, WEB_RPO_MINUTES: String(webRpo) };
}

test('review --synth-dir --live of a provider-backed stack: the plan reverts drift, the pause is reported', async () => {
  const { sim, workDir } = world;
  const outdir = join(workDir, 'cdktf.out');
  const stackDir = (await synthExample('vr-basic', outdir, env(15)))['vr-basic'];
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
    // Terraform read db-01's RPO of 30 at refresh: the plan puts the code's 5 back, in place — drift put back, not the
    // change's own; live, the replication still differs from what was deployed.
    ['db-01', 'update', ['RPO 30 → 5 min (puts back a change made outside the code)'], 'drifted', ['changed outside the code: RPO 5 → 30 min (code → live)']],
    ['web-01', 'update', ['RPO 15 → 10 min'], 'drifted', ['replication is PAUSED: no new recovery points are made']],
    ['web-02', 'update', ['RPO 15 → 10 min'], 'in-sync', []],
  ]);
  expect(report.summary.risks).toEqual({ resync: 0, 'data-loss': 0, unprotect: 0, orphan: 0, drift: 2, blocked: 0, destroy: 0 });

  // A plan-only review needs no credentials: Terraform plans against the stored state, without the provider's refresh.
  const withoutSecrets = Object.fromEntries(Object.entries(env(10)).filter(([name]) => !name.startsWith('VR_SITE_')));
  const planOnly: string[] = [];
  const planOnlyCode = await runReviewCli(['--synth-dir', outdir, '--format', 'json'], { ...io, env: withoutSecrets, stdout: (t: string) => planOnly.push(t) });
  expect(planOnlyCode).toBe(2);
  const planOnlyReport = JSON.parse(planOnly.join('')) as JsonReport;
  expect(planOnlyReport.errors).toEqual([]);
  expect(planOnlyReport.items.map((item) => [item.name, item.action])).toEqual([
    ['vc-b.example.local', 'no-change'],
    ['db-01', 'no-change'],
    ['web-01', 'update'],
    ['web-02', 'update'],
  ]);

  // The apply refuses to reconfigure the paused replication before changing it, and says why.
  const applied = await run(terraformBinary(), ['apply', '-auto-approve', '-no-color', '-input=false'], { cwd: stackDir, env: env(10) });
  expect(applied.code).toBe(1);
  expect(applied.stderr).toContain('is PAUSED: it is not protecting the VM, and the code does not declare that. Nothing was changed.');
  expect(sim.state.replications.find((r) => r.info.name === 'web-01')?.info.rpo).toBe(15);
});

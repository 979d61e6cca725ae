/**
 * `repliform drill` over a VR stack against the simulator over HTTP (in process): VR has no recovery operation, so
 * the drill reads the evidence only — the last sync as the recovery point, its age against the RPO, the RPO
 * violation and GET /replications/issues — recovers nothing, cleans up nothing, and says it is not a recovery test.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runDrillCommand } from '../../src/drill/command';
import type { Evidence } from '../../src/drill/evidence';
import { vrReplicationHandler } from '../../src/resources/vr/replication/handler';
import { replicationSpec, replicationSpecInput, SIM_ENV, testContext } from '../helpers/context';
import { useSimulator } from '../helpers/simulator';

const sim = useSimulator({ taskDelayMs: 20 });
const ENV = { ...SIM_ENV, REPLIFORM_CACHE_DIR: 'off', REPLIFORM_LOG: 'warn' };

/** Runs the command in process; its summary (stdout) as text. */
async function drill(stackDir: string, out: string): Promise<{ code: number; stdout: string }> {
  const stdout = new PassThrough();
  let text = '';
  stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
  const code = await runDrillCommand({ stackDir: [stackDir], out }, { env: ENV, stdout, git: () => undefined });
  return { code, stdout: text };
}

/** A stack as the terraform_data backing synthesizes it: the identity resource's input is the spec. */
function writeStack(dir: string, owner: string): string {
  const stackDir = join(dir, 'cdktf.out', 'stacks', 'vr-app');
  mkdirSync(stackDir, { recursive: true });
  const input = { ...replicationSpecInput(sim.url), owner };
  writeFileSync(join(stackDir, 'cdk.tf.json'), JSON.stringify({ resource: { terraform_data: { web01: { input, triggers_replace: { kind: 'vr.replication' } } } } }));
  return stackDir;
}

test('a VR replication gets the evidence part only: last sync, age vs RPO, no issues; not a recovery test (exit 0)', async () => {
  await vrReplicationHandler.create(replicationSpec(sim.url), testContext(SIM_ENV));
  const dir = mkdtempSync(join(tmpdir(), 'repliform-drill-vr-'));
  const stackDir = writeStack(dir, 'vr-app/web-01');
  const out = join(dir, 'report');
  expect(await drill(stackDir, out)).toEqual({ code: 0, stdout: expect.stringMatching(/^Drill PASSED: 1 VM evidence only \(VR\); 1 of 1 passed; cleanup complete\n/) });
  const evidence = JSON.parse(readFileSync(join(out, 'drill-report.json'), 'utf8')) as Evidence;
  const [vm] = evidence.vms;
  expect(vm).toMatchObject({ vm: 'web-01', vendor: 'vr', construct: 'vr-app/web-01', recovery_test: false, rto: null, checks: [], issues: [], passed: true });
  expect(vm.rpo).toMatchObject({ target_minutes: 15, violation_minutes: 0, achieved: true });
  expect(vm.recovery_point?.note).toBe('the last completed sync (the latest point in time of the replica)');
  expect(evidence.not_a_recovery_test).toMatch(/^vSphere Replication's REST API has no recovery operation/);
});

test('a VR replication that is not there is named in the evidence, and the drill fails (exit 3)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'repliform-drill-vr-'));
  const out = join(dir, 'report');
  expect((await drill(writeStack(dir, 'vr-app/web-01'), out)).code).toBe(3);
  const evidence = JSON.parse(readFileSync(join(out, 'drill-report.json'), 'utf8')) as Evidence;
  expect(evidence.vms[0].issues).toEqual(['no replication of this VM on the pairing (deploy the stack first)']);
});

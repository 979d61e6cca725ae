/**
 * End to end with real Terraform, the way a DR engineer met the defects of the first hour:
 * - file-01 with its scratch disk excluded: an RPO change is applied in place (it used to fail with
 *   400 VR.INVALID_SPEC), and the excluded disk stays excluded;
 * - a second stack naming the same VM is refused (no silent adoption), and its destroy leaves the first
 *   stack's replication protected;
 * - an apply that meets a paused replication stops and says so.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run, synthExample, terraform, terraformBinary, terraformEnv } from '../../scripts/deploy-kit';
import { startSimulator, type RunningSimulator } from '../../src/simulator';
import { SIM_ENV } from '../helpers/context';

let sim: RunningSimulator;
let workDir: string;

beforeAll(async () => {
  sim = await startSimulator({ taskDelayMs: 50 });
  workDir = mkdtempSync(join(tmpdir(), 'repliform-trust-'));
});

afterAll(async () => {
  await sim.close();
  rmSync(workDir, { recursive: true, force: true });
});

function env(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return terraformEnv(workDir, { ...SIM_ENV, VR_ENDPOINT: sim.url, ...extra });
}

async function stack(name: string, extra: NodeJS.ProcessEnv = {}): Promise<string> {
  const dir = (await synthExample('vr-file-server', join(workDir, `${name}-out`), env({ STACK: name, ...extra })))[name];
  return dir;
}

function fileServer() {
  const found = sim.state.replications.filter((r) => r.info.name === 'file-01');
  expect(found).toHaveLength(1);
  return found[0];
}

async function applyFails(stackDir: string, extra: NodeJS.ProcessEnv): Promise<string> {
  const result = await run(terraformBinary(), ['apply', '-input=false', '-no-color', '-auto-approve'], { cwd: stackDir, env: env(extra) });
  expect(result.code).not.toBe(0);
  return `${result.stdout}\n${result.stderr}`;
}

test('an excluded disk, an RPO change in place, a second stack refused, a paused replication met by an apply', async () => {
  const teamA = await stack('team-a');
  await terraform(teamA, ['init'], env());
  await terraform(teamA, ['apply', '-auto-approve'], env({ STACK: 'team-a' }));
  const created = fileServer();
  expect(created.disks.map((d) => [d.vm_disk?.label, d.replicated])).toEqual([['VM home', true], ['Hard disk 1', true], ['Hard disk 2', false]]);

  // RPO 60 → 30: reconfigured in place, same replication, the scratch disk still excluded.
  await stack('team-a', { FILE_RPO_MINUTES: '30' });
  await terraform(teamA, ['apply', '-auto-approve'], env({ STACK: 'team-a', FILE_RPO_MINUTES: '30' }));
  expect(fileServer().info).toMatchObject({ id: created.info.id, rpo: 30 });
  expect(fileServer().disks.map((d) => d.replicated)).toEqual([true, true, false]);

  // Another stack naming file-01: refused, nothing changed, and its destroy does not touch team A's replication.
  const teamB = await stack('team-b', { FILE_RPO_MINUTES: '15' });
  await terraform(teamB, ['init'], env());
  const refused = await applyFails(teamB, { STACK: 'team-b', FILE_RPO_MINUTES: '15' });
  expect(refused).toMatch(/adopt: file-01 is already replicated \(replication GID-[^,]+, [A-Z_]+\) by something other than team-b\/file-01 \(created by team-a\/file-01/);
  expect(fileServer().info.rpo).toBe(30);
  const destroyB = await terraform(teamB, ['destroy', '-auto-approve'], env({ STACK: 'team-b', FILE_RPO_MINUTES: '15' }));
  // The refused create is not run again as a delete (and were it, the ownership record would refuse it).
  expect(destroyB.stdout).not.toMatch(/replication GID-\S+ removed/);
  expect(fileServer().info.id).toBe(created.info.id);

  // Paused by hand: the next settings change stops before changing anything, and says why.
  fileServer().info.status = { status: 'PAUSED', rpo_violation: false };
  await stack('team-a', { FILE_RPO_MINUTES: '20' });
  const paused = await applyFails(teamA, { STACK: 'team-a', FILE_RPO_MINUTES: '20' });
  expect(paused).toContain('of file-01 is PAUSED: it is not protecting the VM, and the code does not declare that. Nothing was changed.');
  expect(fileServer().info.rpo).toBe(30);

  fileServer().info.status = { status: 'OK', rpo_violation: false };
  await terraform(teamA, ['destroy', '-auto-approve'], env({ STACK: 'team-a', FILE_RPO_MINUTES: '20' }));
  expect(sim.state.replications).toHaveLength(0);
});

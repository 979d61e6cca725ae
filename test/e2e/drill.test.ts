/**
 * `repliform drill` end to end: examples/vcda-basic and examples/sdrs-basic deployed with real Terraform and the
 * built provider against the simulator, then the compiled CLI run as a process. One drill runs to its report (exit
 * 0, the evidence in Markdown and JSON); one is sent SIGINT mid-drill and leaves nothing behind on the simulator: no
 * test failover, no test VM in site2's inventory, no SDRS drill, no drill server. Needs `npm run build` first.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { VcdaClient } from '../../lib/client/vcda/vcda-client';
import { SdrsClient } from '../../lib/client/sdrs/sdrs-client';
import { projectRoot, providerEnv, synthExample, terraform, type CommandResult } from '../../scripts/deploy-kit';
import type { Evidence } from '../../src/drill/evidence';
import { SDRS_PROJECT_ID } from '../../src/simulator/sdrs/inventory-seed';
import { SDRS_ACCESS_KEY, SDRS_SECRET_KEY } from '../../src/simulator/sdrs/service';
import { VCDA_DEFAULT_PASSWORDS } from '../../src/simulator/vcda/service';
import { simulatorWorkDir } from '../helpers/e2e';

const CLI = join(projectRoot(), 'dist', 'src', 'cli', 'main.js');
const world = simulatorWorkDir('drill', { taskDelayMs: 1000 });
let env: NodeJS.ProcessEnv;
let stacks: string[];

const sdrs = (): SdrsClient => new SdrsClient({ endpoint: `${world.sim.url}/sdrs`, projectId: SDRS_PROJECT_ID, credentials: { accessKey: SDRS_ACCESS_KEY, secretKey: SDRS_SECRET_KEY } });

/** What a drill may leave on the simulator: test failovers, site2 inventory VMs, SDRS drills, cloud servers. */
async function footprint(): Promise<{ testFailovers: number; site2Vms: number; drills: number; servers: number }> {
  const vcda = new VcdaClient({ endpoint: `${world.sim.url}/vcda`, credentials: { username: 'vcda-admin@org1', password: VCDA_DEFAULT_PASSWORDS.site1 } });
  try {
    const replications = await vcda.listReplications();
    const client = sdrs();
    return {
      testFailovers: replications.filter((r) => (r.destinationState?.recoveryInfo?.recoveryState ?? 'NOT_STARTED') !== 'NOT_STARTED').length,
      site2Vms: (await vcda.listInventoryVms({ site: 'site2' }).catch(() => [])).length,
      drills: (await client.listDrills()).length,
      servers: (await client.listCloudServers()).length,
    };
  } finally {
    await vcda.logout().catch(() => undefined);
  }
}

function drill(out: string, onStderr?: (text: string, child: ReturnType<typeof spawn>) => void): Promise<CommandResult> {
  const args = [CLI, 'drill', ...stacks.flatMap((dir) => ['--stack-dir', dir]), '--rto-minutes', '30', '--out', out];
  const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let [stdout, stderr] = ['', ''];
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    onStderr?.(stderr, child);
  });
  return new Promise((resolve) => child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr })));
}

function evidenceIn(out: string): Evidence {
  return JSON.parse(readFileSync(join(out, 'drill-report.json'), 'utf8')) as Evidence;
}

beforeAll(async () => {
  const sim = world.sim;
  env = await providerEnv(world.workDir, {
    VCDA_ENDPOINT: `${sim.url}/vcda`,
    VCDA_SITE1_USER: 'vcda-admin@org1',
    VCDA_SITE1_PASSWORD: VCDA_DEFAULT_PASSWORDS.site1,
    VCDA_SITE2_USER: 'vcda-admin@org2',
    VCDA_SITE2_PASSWORD: VCDA_DEFAULT_PASSWORDS.site2,
    SDRS_ENDPOINT: `${sim.url}/sdrs`,
    SDRS_PROJECT_ID,
    HW_AK: SDRS_ACCESS_KEY,
    HW_SK: SDRS_SECRET_KEY,
  });
  stacks = [];
  for (const example of ['vcda-basic', 'sdrs-basic']) {
    mkdirSync(join(world.workDir, example));
    const stackDir = (await synthExample(example, join(world.workDir, example, 'cdktf.out'), env))[example];
    await terraform(stackDir, ['init'], env);
    await terraform(stackDir, ['apply', '-auto-approve'], env);
    stacks.push(stackDir);
  }
});

afterAll(async () => {
  for (const stackDir of stacks ?? []) await terraform(stackDir, ['destroy', '-auto-approve'], env).catch(() => undefined);
});

test('a drill of the VCDA and SDRS stacks runs to its evidence report and leaves nothing (exit 0)', async () => {
  const before = await footprint();
  const out = join(world.workDir, 'report-ok');
  const result = await drill(out);
  expect({ code: result.code, stderr: result.code === 0 ? '' : result.stderr }).toEqual({ code: 0, stderr: '' });
  expect(result.stdout).toMatch(/^Drill PASSED: 3 VMs recovered in the test network; 3 of 3 passed; cleanup complete\n/);
  expect(existsSync(join(out, 'drill-report.md'))).toBe(true);
  const evidence = evidenceIn(out);
  expect(evidence.verdict).toBe('passed');
  expect(evidence.vms.map((vm) => [vm.vm, vm.vendor, vm.rpo.achieved, vm.rto?.achieved, vm.checks.map((c) => `${c.name}: ${c.passed}`)])).toEqual([
    ['vcd-web-01', 'vcda', true, true, ['powered on: true', 'in the test network: true']],
    ['vcd-web-02', 'vcda', true, true, ['powered on: true', 'in the test network: true']],
    ['ecs-web-01', 'sdrs', null, true, ['powered on: true', 'in the test network: true']],
  ]);
  expect(evidence.vms[0].recovery_point?.id).toMatch(/^instance-/);
  expect(await footprint()).toEqual(before);
});

test('SIGINT mid-drill stops it, cleans up, and leaves no test image and no drill server on the simulator (exit 1)', async () => {
  const before = await footprint();
  const out = join(world.workDir, 'report-interrupted');
  let sent = false;
  // The line progress says when the recoveries have started: interrupt then, while their tasks and jobs run.
  const result = await drill(out, (stderr, child) => {
    if (!sent && /recovering 3 in the test network: started/.test(stderr)) {
      sent = true;
      setTimeout(() => child.kill('SIGINT'), 300);
    }
  });
  expect(sent).toBe(true);
  expect({ code: result.code, stdout: result.stdout.split('\n')[0] }).toEqual({ code: 1, stdout: 'Drill INTERRUPTED: interrupted (SIGINT received); cleanup complete' });
  const evidence = evidenceIn(out);
  expect(evidence.verdict).toBe('interrupted');
  expect(evidence.cleanup).toEqual({ complete: true, retried: expect.any(Array), leftovers: [] });
  expect(await footprint()).toEqual(before);
});

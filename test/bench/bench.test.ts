/**
 * The benchmark's smallest size through the same code paths as `npm run bench`: a fleet of 3 with a 100 ms
 * task deployed and destroyed with real Terraform, the baseline, a small synth, review detection, and the
 * report. Invariants only: no timing assertion.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { baselineFor, phaseFloors, repliformCpu, resourcesChangedIn, runBench, type SizeResult } from '../../scripts/bench/bench';
import { backingList, percentile } from '../../scripts/bench/harness';
import { operationOf, pathTemplate, summarizeRequests } from '../../scripts/bench/profiles/vr';

let outDir: string;

beforeAll(() => {
  outDir = mkdtempSync(join(tmpdir(), 'repliform-bench-test-'));
});

afterAll(() => {
  rmSync(outDir, { recursive: true, force: true });
});

test('a fleet of 3: deployed, counted, destroyed, compared with the baseline, reported', async () => {
  const outFile = join(outDir, 'results.md');
  const result = await runBench({ sizes: [3], taskMs: 100, baselineMax: 3, synthSize: 5, reviewResources: 11, outFile });

  const [fleet] = result.sizes;
  expect(fleet.size).toBe(3);
  expect([fleet.parallelism, fleet.idealMs]).toEqual([10, 100]); // -parallelism=10 by default: ⌈3 / 10⌉ tasks of 100 ms
  expect(fleet.replicationsAfterDeploy).toBe(3);
  expect(fleet.configuredOk).toBe(3);
  expect(fleet.replicationsAfterDestroy).toBe(0);
  expect(fleet.deploy.exitCode).toBe(0);
  expect(fleet.destroy.exitCode).toBe(0);
  // identity + settings per replication, plus the pairing: each one a CLI process that reported its metrics
  expect(fleet.deploy.processes.processes).toBe(7);
  expect(fleet.deploy.processes.failed).toBe(0);
  expect(fleet.deploy.requests.tasksCreated).toBeGreaterThanOrEqual(3);
  expect(fleet.deploy.requests.byOperation.find((op) => op.operation === 'POST /pairings/{id}/replications')?.count).toBe(3);
  expect(fleet.deploy.requests.logins).toBeGreaterThanOrEqual(1);
  expect(fleet.deploy.processes.startupP50Ms).toBeGreaterThan(0);
  expect(fleet.deploy.processes.peakRssMb).toBeGreaterThan(0);
  // CPU: every process reports cpuMs; terraform's reaped children include the CLI processes
  expect(fleet.deploy.processes.cpuSumMs).toBeGreaterThan(0);
  const floors = phaseFloors(fleet.deploy, result.machine.cores, 'deploy', fleet.parallelism);
  expect(floors.terraformCpuMs).toBeGreaterThan(0);
  expect(floors.slotFloorMs).toBeGreaterThan(0);
  expect(floors.perReplicationSlotMs).toBeGreaterThan(0);
  // the settings update right after a create of the same spec makes no request
  expect(fleet.deploy.byAction['update vr.replication']?.noRequest).toBe(3);

  expect(fleet.secrets.passwordLeaks).toEqual([]);
  expect(fleet.secrets.sessionLeaks).toEqual([]);
  expect(fleet.secrets.sessionStores.filter((f) => f.mode !== '0600')).toEqual([]);

  expect(fleet.baseline?.replications).toBe(3);
  expect(fleet.baseline?.logins).toBe(1);

  expect(result.synth?.resources).toBe(11);
  expect(result.review).toBeDefined();
  if (result.review?.available) expect(result.review.ok).toBe(true);
  else expect(result.review?.note).toBe('n/a (review not available)');

  expect(existsSync(outFile)).toBe(true);
  const report = readFileSync(outFile, 'utf8');
  expect(report).toBe(result.markdown);
  for (const section of ['# repliform benchmark', '## Targets', '## Fleets side by side', '## Where the requests go (deploy, per replication)', '## Where the requests go (destroy, per replication)', '## CLI processes by action', '## Synth and review', '## Secrets']) {
    expect(report).toContain(section);
  }
  expect(report).toMatch(/Machine: \d+ cores/);
  expect(report).toContain('logins per deploy, N=3');
  expect(report).toContain('deploy / baseline wall time');
  expect(report).toContain('## Deploy and destroy time: slots and CPU');
  expect(report).toContain('took the no-op path');
});

test('both backings on the same fleet in one run: the provider\'s own figures beside the lifecycle\'s, one table', async () => {
  const outFile = join(outDir, 'backings.md');
  const result = await runBench({ sizes: [2], backings: ['provider', 'lifecycle'], taskMs: 100, baselineMax: 0, synthSize: 0, reviewResources: 0, outFile });

  expect(result.sizes.map((s) => [s.size, s.backing])).toEqual([
    [2, 'provider'],
    [2, 'lifecycle'],
  ]);
  const [provider, lifecycle] = result.sizes;
  for (const fleet of [provider, lifecycle]) {
    expect({ backing: fleet.backing, deployed: fleet.replicationsAfterDeploy, ok: fleet.configuredOk, left: fleet.replicationsAfterDestroy, plan: fleet.plan.exitCode }).toEqual({ backing: fleet.backing, deployed: 2, ok: 2, left: 0, plan: 0 });
    expect(fleet.deploy.requests.byOperation.find((op) => op.operation === 'POST /pairings/{id}/replications')?.count).toBe(2);
    expect(fleet.secrets.passwordLeaks).toEqual([]);
    expect(fleet.secrets.sessionLeaks).toEqual([]);
  }
  // one resource per replication + the pairing, against identity + settings per replication
  expect([provider.deploy.resourcesChanged, provider.destroy.resourcesChanged]).toEqual([3, 3]);
  expect([lifecycle.deploy.resourcesChanged, lifecycle.destroy.resourcesChanged]).toEqual([5, 5]);
  // the provider's metrics lines are the only repliform processes of its phases; the lifecycle has none
  expect(provider.deploy.provider.processes).toBeGreaterThanOrEqual(1);
  expect(provider.deploy.processes.processes).toBe(provider.deploy.provider.processes);
  expect(provider.deploy.provider.resourceActions).toBeGreaterThanOrEqual(3);
  expect(provider.deploy.provider.cpuSumMs).toBeGreaterThan(0);
  expect(provider.deploy.provider.startupP50Ms).toBeGreaterThan(0);
  expect(provider.destroy.provider.processes).toBeGreaterThanOrEqual(1);
  expect(repliformCpu(provider, 'deploy')).toMatchObject({ cpuMs: provider.deploy.provider.cpuSumMs, actions: provider.deploy.provider.resourceActions });
  expect(lifecycle.deploy.provider.processes).toBe(0);
  expect(repliformCpu(lifecycle, 'deploy').actions).toBe(5);

  const report = readFileSync(outFile, 'utf8');
  expect(report).toContain('## Backings side by side');
  expect(report).toContain('|  | N = 2 provider | N = 2 lifecycle |');
  expect(report).toContain('| Terraform resources created / destroyed | 3 / 3 | 5 / 5 |');
  expect(report).toContain('provider CPU per resource action, deploy, N=2 provider');
  expect(report).toContain('--backing provider,lifecycle');
});

test('--backing takes a list of the backings there are', () => {
  expect(backingList('provider,lifecycle')).toEqual(['provider', 'lifecycle']);
  expect(backingList(' lifecycle ')).toEqual(['lifecycle']);
  expect(() => backingList('provider,null_resource')).toThrow('--backing must be a comma-separated list of lifecycle, provider, got "provider,null_resource"');
  expect(() => backingList('')).toThrow('--backing must be a comma-separated list of lifecycle, provider, got ""');
});

test('the resources Terraform reports changed', () => {
  expect(resourcesChangedIn('Apply complete! Resources: 101 added, 0 changed, 0 destroyed.')).toBe(101);
  expect(resourcesChangedIn('Destroy complete! Resources: 201 destroyed.')).toBe(201);
  expect(resourcesChangedIn('Error: nothing')).toBe(0);
});

test('the baseline above --baseline-max is estimated linearly from the largest measured fleet', () => {
  const fleet = (size: number, baselineWallMs?: number) =>
    ({ size, baseline: baselineWallMs === undefined ? undefined : { replications: size, wallMs: baselineWallMs, requests: 10 * size, logins: 1, taskPolls: 4 * size } }) as unknown as SizeResult;
  const sizes = [fleet(10, 25_000), fleet(100), fleet(500)];
  expect(baselineFor({ sizes }, sizes[0])).toEqual({ wallMs: 25_000, requests: 100, logins: 1, taskPollsPerReplication: 4 });
  expect(baselineFor({ sizes }, sizes[1])).toMatchObject({ wallMs: 250_000, requests: 1000, logins: 1, taskPollsPerReplication: 4, estimatedFrom: 10 });
  expect(baselineFor({ sizes }, sizes[2])?.wallMs).toBe(1_250_000);
  expect(baselineFor({ sizes: [fleet(100)] }, fleet(100))).toBeUndefined();
});

test('request paths become operation templates', () => {
  expect(pathTemplate('/api/rest/vr/v2/pairings/9f0e/vcenters/abc/vms/vm-12/disks')).toBe('/pairings/{id}/vcenters/{id}/vms/{id}/disks');
  expect(pathTemplate('/api/rest/vr/v2/pairings/9f0e/replications/r-1/actions/reconfigure')).toBe('/pairings/{id}/replications/{id}/actions/reconfigure');
  expect(pathTemplate('/api/rest/vr/v2/pairings/9f0e/replications')).toBe('/pairings/{id}/replications');
  expect(operationOf({ method: 'GET', path: '/api/rest/vr/v2/tasks/t-1' })).toBe('GET /tasks/{id}');
  const summary = summarizeRequests([
    { method: 'POST', path: '/api/rest/vr/v2/session', query: {}, headers: {}, body: undefined, status: 200, durationMs: 1 },
    { method: 'POST', path: '/api/rest/vr/v2/pairings/p/replications', query: {}, headers: {}, body: undefined, status: 200, durationMs: 1 },
    { method: 'GET', path: '/api/rest/vr/v2/tasks/t', query: {}, headers: {}, body: undefined, status: 200, durationMs: 1 },
    { method: 'GET', path: '/api/rest/vr/v2/tasks/t', query: {}, headers: {}, body: undefined, status: 503, durationMs: 1, fault: 'rule-1' },
  ]);
  expect(summary).toMatchObject({ total: 4, logins: 1, taskPolls: 2, tasksCreated: 1, beyondPolling: 1, faulted: 1 });
  expect(percentile([5, 1, 3, 2, 4], 50)).toBe(3);
  expect(percentile([5, 1, 3, 2, 4], 95)).toBe(5);
});

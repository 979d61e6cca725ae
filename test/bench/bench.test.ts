/**
 * The benchmark's smallest size through the same code paths as `npm run bench`: a fleet of 3 with a 100 ms
 * task deployed and destroyed with real Terraform, the baseline, a small synth, review detection, and the
 * report. Invariants only: no timing assertion.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { baselineFor, phaseFloors, runBench, type SizeResult } from '../../scripts/bench/bench';
import { percentile } from '../../scripts/bench/harness';
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
  const floors = phaseFloors(fleet.deploy, result.machine.cores, 'deploy');
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
}, 180_000);

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

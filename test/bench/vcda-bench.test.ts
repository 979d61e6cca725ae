/**
 * The VCDA benchmark at its smallest size through the same code paths as `npm run bench -- --vendor vcda`: a
 * fleet of 3 (examples/vcda-fleet) with a 100 ms task deployed and destroyed with real Terraform against the
 * simulator's VCDA service, the baseline script with VcdaClient, and the report with the VCDA figures (logins
 * per deploy, requests per replication beyond polling by operation, deploy ÷ ideal, secrets). Invariants only:
 * no timing assertion.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runBench } from '../../scripts/bench/bench';
import { benchProfile } from '../../scripts/bench/profiles';
import { faultRules, operationOf, pathTemplate, summarizeRequests } from '../../scripts/bench/profiles/vcda';

let outDir: string;

beforeAll(() => {
  outDir = mkdtempSync(join(tmpdir(), 'repliform-vcda-bench-test-'));
});

afterAll(() => {
  rmSync(outDir, { recursive: true, force: true });
});

test('a VCDA fleet of 3: deployed, counted by VCDA operation, destroyed to nothing, compared with the baseline, reported', async () => {
  const outFile = join(outDir, 'results.md');
  const result = await runBench({ vendor: 'vcda', sizes: [3], taskMs: 100, baselineMax: 3, synthSize: 0, reviewResources: 0, outFile });

  const [fleet] = result.sizes;
  expect({ deploy: fleet.deploy.exitCode, destroy: fleet.destroy.exitCode }).toEqual({ deploy: 0, destroy: 0 });
  expect({ afterDeploy: fleet.replicationsAfterDeploy, ok: fleet.configuredOk, afterDestroy: fleet.replicationsAfterDestroy }).toEqual({ afterDeploy: 3, ok: 3, afterDestroy: 0 });
  // identity + settings per replication, plus the site look-up: each one a CLI process that reported its metrics
  expect(fleet.deploy.processes.processes).toBe(7);
  expect(fleet.deploy.processes.failed).toBe(0);
  const count = (phase: 'deploy' | 'destroy', operation: string) => fleet[phase].requests.byOperation.find((op) => op.operation === operation)?.count ?? 0;
  expect(count('deploy', 'POST /vm-replications')).toBe(3);
  expect(count('destroy', 'DELETE /vm-replications/{id}')).toBe(3);
  expect(fleet.deploy.requests.tasksCreated).toBe(3);
  expect(fleet.deploy.requests.logins).toBeGreaterThanOrEqual(1);
  expect(fleet.deploy.requests.byOperation.every((op) => !op.operation.startsWith('GET /pairings'))).toBe(true);

  expect(fleet.secrets.passwordLeaks).toEqual([]);
  expect(fleet.secrets.sessionLeaks).toEqual([]);
  expect(fleet.secrets.sessionStores.filter((f) => f.mode !== '0600')).toEqual([]);

  expect(fleet.baseline).toMatchObject({ replications: 3, logins: 1 });

  const report = readFileSync(outFile, 'utf8');
  expect(report).toBe(result.markdown);
  expect(report).toContain('logins per deploy, N=3');
  expect(report).toContain('API requests per replication beyond polling, N=3');
  expect(report).toContain('`POST /vm-replications`');
  expect(report).toContain('deploy wall time / ideal, N=3');
});

test('VCDA request paths become operation templates; logins, extensions and polls are told apart', () => {
  expect(pathTemplate('/vcda/vm-replications/C4-12/pause')).toBe('/vm-replications/{id}/pause');
  expect(pathTemplate('/vcda/vm-replications')).toBe('/vm-replications');
  expect(pathTemplate('/vcda/sessions/extend')).toBe('/sessions/extend');
  expect(operationOf({ method: 'GET', path: '/vcda/tasks/t-1' })).toBe('GET /tasks/{id}');
  const request = (method: string, path: string, status: number) => ({ method, path, query: {}, headers: {}, body: undefined, status, durationMs: 1 });
  const summary = summarizeRequests([
    request('POST', '/vcda/sessions', 200),
    request('POST', '/vcda/sessions/extend', 200),
    request('GET', '/vcda/sites', 200),
    request('POST', '/vcda/vm-replications', 202),
    request('POST', '/vcda/vm-replications', 400),
    request('GET', '/vcda/tasks/t-1', 200),
    request('PATCH', '/vcda/vm-replications/C4-1', 202),
    request('DELETE', '/vcda/sessions', 204),
  ]);
  expect(summary).toMatchObject({ total: 8, logins: 1, remoteLogins: 1, logouts: 1, taskPolls: 1, tasksCreated: 2, beyondPolling: 5 });
});

test('the VCDA fault mix is VR\'s, aimed at the VCDA service: start for configure, delete for unconfigure', () => {
  const forced = faultRules('forced', 2000, 'http');
  expect(forced.map((r) => [r.id, r.service, r.method ?? '*', r.path])).toEqual([
    ['http-503', 'vcda', '*', '/**'],
    ['http-429', 'vcda', '*', '/**'],
    ['reset', 'vcda', 'POST', '/vm-replications'],
    ['slow', 'vcda', 'POST', '/vm-replications'],
    ['drop', 'vcda', 'DELETE', '/vm-replications/*'],
    ['session-expiry', 'vcda', 'GET', '^/(?!sessions?(/|$))'],
  ]);
  const all = faultRules('random', 2000, 'all');
  expect(all.find((r) => r.id === 'task-error')).toMatchObject({ service: 'vcda', method: 'POST', path: '/vm-replications', probability: 0.02 });
  expect(all.every((r) => !r.path.includes('pairings'))).toBe(true);
  expect(benchProfile('vcda').vendor).toBe('vcda');
  expect(() => benchProfile('vcdaa')).toThrow('--vendor must be one of vr, vcda, sdrs, got "vcdaa"');
});

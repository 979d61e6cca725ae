/**
 * The SDRS benchmark at its smallest size through the same code paths as `npm run bench -- --vendor sdrs`: a
 * fleet of 3 pairs in one protection group (examples/sdrs-fleet) with a 100 ms job deployed and destroyed with
 * real Terraform against the simulator's SDRS service, the baseline script with SdrsClient, and the report.
 * No login exists (AK/SK signs each request). Invariants only: no timing assertion.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runBench } from '../../scripts/bench/bench';
import { benchProfile } from '../../scripts/bench/profiles';
import { faultRules, operationOf, pathTemplate, summarizeRequests } from '../../scripts/bench/profiles/sdrs';

let outDir: string;

beforeAll(() => {
  outDir = mkdtempSync(join(tmpdir(), 'repliform-sdrs-bench-test-'));
});

afterAll(() => {
  rmSync(outDir, { recursive: true, force: true });
});

test('an SDRS fleet of 3: deployed, counted by SDRS operation, destroyed to nothing, compared with the baseline, reported', async () => {
  const outFile = join(outDir, 'results.md');
  const result = await runBench({ vendor: 'sdrs', sizes: [3], taskMs: 100, baselineMax: 3, synthSize: 0, reviewResources: 0, outFile });

  const [fleet] = result.sizes;
  expect({ deploy: fleet.deploy.exitCode, destroy: fleet.destroy.exitCode }).toEqual({ deploy: 0, destroy: 0 });
  expect({ afterDeploy: fleet.replicationsAfterDeploy, ok: fleet.configuredOk, afterDestroy: fleet.replicationsAfterDestroy }).toEqual({ afterDeploy: 3, ok: 3, afterDestroy: 0 });
  expect(fleet.deploy.processes.failed).toBe(0);
  const count = (phase: 'deploy' | 'destroy', operation: string) => fleet[phase].requests.byOperation.find((op) => op.operation === operation)?.count ?? 0;
  expect(count('deploy', 'POST /server-groups')).toBe(1);
  expect(count('deploy', 'POST /replications')).toBe(3);
  expect(count('deploy', 'POST /server-groups/{id}/action')).toBe(1);
  expect(count('destroy', 'DELETE /replications/{id}')).toBe(3);
  expect(count('destroy', 'DELETE /server-groups/{id}')).toBe(1);
  expect(fleet.deploy.requests.logins).toBe(0);

  expect(fleet.secrets.passwordLeaks).toEqual([]);
  expect(fleet.secrets.sessionLeaks).toEqual([]);

  expect(fleet.baseline).toMatchObject({ replications: 3, logins: 0 });

  const report = readFileSync(outFile, 'utf8');
  expect(report).toBe(result.markdown);
  expect(report).toContain('`POST /replications`');
  expect(report).toContain('deploy wall time / ideal, N=3');
});

test('SDRS request paths under /sdrs/v1/{project} become operation templates; job polls are told apart', () => {
  expect(pathTemplate('/sdrs/v1/0605767a/replications/r-1/action')).toBe('/replications/{id}/action');
  expect(pathTemplate('/sdrs/v1/0605767a/server-groups')).toBe('/server-groups');
  expect(operationOf({ method: 'GET', path: '/sdrs/v1/0605767a/jobs/j-1' })).toBe('GET /jobs/{id}');
  const request = (method: string, path: string, status: number) => ({ method, path: `/sdrs/v1/p${path}`, query: {}, headers: {}, body: undefined, status, durationMs: 1 });
  const summary = summarizeRequests([
    request('POST', '/server-groups', 200),
    request('GET', '/jobs/j-1', 200),
    request('POST', '/replications', 200),
    request('POST', '/replications', 400),
    request('PUT', '/replications/r-1', 200),
    request('GET', '/replications', 200),
  ]);
  expect(summary).toMatchObject({ total: 6, logins: 0, logouts: 0, taskPolls: 1, tasksCreated: 2, beyondPolling: 5 });
});

test('the SDRS fault mix is VR\'s, aimed at the SDRS service: pair create for configure, pair delete for unconfigure', () => {
  const forced = faultRules('forced', 2000, 'http');
  expect(forced.map((r) => [r.id, r.service, r.method ?? '*', r.path])).toEqual([
    ['http-503', 'sdrs', '*', '/**'],
    ['http-429', 'sdrs', '*', '/**'],
    ['reset', 'sdrs', 'POST', '/v1/*/replications'],
    ['slow', 'sdrs', 'POST', '/v1/*/replications'],
    ['drop', 'sdrs', 'DELETE', '/v1/*/replications/*'],
  ]);
  expect(benchProfile('sdrs').vendor).toBe('sdrs');
  expect(() => benchProfile('sdrz')).toThrow('--vendor must be one of vr, vcda, sdrs, got "sdrz"');
});

/**
 * The fault campaign's smallest size through the same code paths as `npm run chaos`: 5 replications with a
 * 100 ms task and every fault class forced at fixed counts (503, 429, reset, slow response, session expiry,
 * configure task in ERROR, SIGKILL of a create), re-applied until converged, destroyed, bad-input cases,
 * canary scan. Invariants only: no timing assertion.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { faultRules, runChaos } from '../../scripts/chaos/chaos';

let outDir: string;

beforeAll(() => {
  outDir = mkdtempSync(join(tmpdir(), 'repliform-chaos-test-'));
});

afterAll(() => {
  rmSync(outDir, { recursive: true, force: true });
});

test('5 replications under every fault class: converged, exact, nothing orphaned, no secret anywhere', async () => {
  const outFile = join(outDir, 'chaos.md');
  const result = await runChaos({
    size: 5,
    taskMs: 100,
    profile: 'forced',
    httpTimeoutMs: 1500,
    sessionExpiryMs: 1500,
    killProbability: 1,
    maxKills: 2,
    maxApplies: 8,
    maxDestroys: 4,
    seed: 7,
    outFile,
  });

  expect(result.converged).toBe(true);
  expect(result.replicationsOnServer).toBe(5);
  expect(result.duplicates).toEqual([]);
  expect(result.missing).toEqual([]);
  expect(result.notOk).toBe(0);
  expect(result.wrongSettings).toBe(0);
  expect(result.orphansAfterDestroy).toBe(0);
  expect(result.stateResourcesAfterDestroy).toBe(0);

  expect(result.faultClasses).toHaveLength(7);
  for (const fault of result.faultClasses) {
    expect({ name: fault.name, hit: fault.injected > 0, survived: fault.survived }).toEqual({ name: fault.name, hit: true, survived: true });
  }
  expect(result.kills.length).toBeGreaterThanOrEqual(1);
  expect(result.faultedRequests).toBeGreaterThanOrEqual(6);

  expect(result.badInput.map((c) => c.name)).toEqual([
    'malformed spec JSON',
    'unknown kind',
    'missing credentials variable (VR_SITE_A_PASSWORD unset)',
    'wrong password',
    'TLS certificate not trusted',
    'endpoint unreachable',
  ]);
  for (const c of result.badInput) {
    expect({ name: c.name, exit: c.exitCode, oneLine: c.oneLine, unchanged: c.unchanged }).toEqual({ name: c.name, exit: c.expectedExit, oneLine: true, unchanged: true });
  }

  expect(result.secrets.passwordLeaks).toEqual([]);
  expect(result.secrets.sessionLeaks).toEqual([]);
  expect(result.secrets.sessionStores.filter((f) => f.mode !== '0600')).toEqual([]);
  expect(result.ok).toBe(true);

  const report = readFileSync(outFile, 'utf8');
  for (const section of ['# repliform fault campaign', '## Figures', '## Fault classes', '## Applies and destroys', '## Requests by operation', '## Bad input', '## Canary']) {
    expect(report).toContain(section);
  }
}, 180_000);

test('the random profile gives the issue marginal rates', () => {
  const rules = faultRules('random', 2000);
  const p = Object.fromEntries(rules.map((r) => [r.id, r.probability ?? 0]));
  expect(p['task-error']).toBeCloseTo(0.02);
  expect(p['http-503']).toBeCloseTo(0.1);
  expect(p['http-429'] * (1 - 0.1)).toBeCloseTo(0.03);
  expect(p.reset * (1 - 0.13)).toBeCloseTo(0.02);
  expect(p.slow * (1 - 0.15)).toBeCloseTo(0.01);
  expect(rules.find((r) => r.id === 'slow')?.delayMs).toBeGreaterThan(2000);
});

/**
 * The fault campaign's smallest size through the same code paths as `npm run chaos`: 5 replications with a
 * 100 ms task and every fault class forced at fixed counts (503, 429, reset, slow response, dropped response,
 * session expiry, configure task in ERROR, SIGKILL of a create), re-applied until converged, destroyed,
 * bad-input cases, canary scan; then HTTP faults only, where one apply and one destroy must be enough, with the
 * lifecycle backing and with the native provider (every Terraform command traced, the trace scanned).
 * Invariants only: no timing assertion.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { faultRules } from '../../scripts/bench/profiles/vr';
import { diagnosticLines, failureLines, renderCampaigns, runChaos, type ChaosOptions } from '../../scripts/chaos/chaos';

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

  expect(result.faultClasses).toHaveLength(8);
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
});

const SMALL_HTTP_ONLY: ChaosOptions = {
  size: 5,
  taskMs: 100,
  profile: 'forced',
  faults: 'http',
  httpTimeoutMs: 1500,
  sessionExpiryMs: 600_000, // the profile's session-expiry rule expires sessions once, at a given read
  maxSessionExpirations: 0,
  killProbability: 1,
  maxKills: 2,
  maxApplies: 8,
  maxDestroys: 4,
  seed: 7,
};

/** Each apply and destroy of a campaign: its command, exit code and failure lines. */
function stepsOf(result: { readonly steps: ReadonlyArray<{ readonly command: string; readonly exitCode: number | null; readonly failures: readonly string[] }> }) {
  return result.steps.map((s) => [s.command, s.exitCode, s.failures]);
}

/** Converged at once: the first apply and the first destroy succeeded, nothing failed. */
const ONE_APPLY_ONE_DESTROY = [
  ['apply #1', 0, []],
  ['destroy #1', 0, []],
];

test('HTTP faults only (no kill, no failing task): one apply and one destroy converge', async () => {
  const result = await runChaos({ ...SMALL_HTTP_ONLY, outFile: join(outDir, 'chaos-http.md') });

  expect(stepsOf(result)).toEqual(ONE_APPLY_ONE_DESTROY);
  expect({ converged: result.converged, applies: result.appliesToConverge, destroys: result.destroysNeeded, inOne: result.convergedInOne }).toEqual({
    converged: true,
    applies: 1,
    destroys: 1,
    inOne: true,
  });
  expect(result.replicationsOnServer).toBe(5);
  expect(result.orphansAfterDestroy).toBe(0);
  expect(result.kills).toEqual([]);
  expect(result.faultClasses.map((c) => [c.name.split(' (')[0], c.injected > 0, c.survived])).toEqual([
    ['HTTP 503 + Retry-After: 1', true, true],
    ['HTTP 429 + Retry-After: 1', true, true],
    ['connection reset', true, true],
    ['slow response', true, true],
    ['response dropped after the request was handled', true, true],
    [expect.stringMatching(/^session expiry/), true, true],
  ]);
  expect(result.faultsByOperation.some((f) => f.rule === 'task-error')).toBe(false);
  expect(result.ok).toBe(true);

  const combined = renderCampaigns([result]);
  expect(combined).toContain('## Convergence by fault set');
  expect(combined).toMatch(/\| HTTP faults only \(503, 429, resets, timeouts, dropped responses, session expiry\) \| 1 \| 1 \| 1 apply, 1 destroy \| ✓ \|/);
  expect(combined).toContain('### Injected faults by operation');
});

test('the provider backing under HTTP faults: one apply and one destroy, nothing duplicated or orphaned, no secret in the trace', async () => {
  const outFile = join(outDir, 'chaos-provider.md');
  const result = await runChaos({ ...SMALL_HTTP_ONLY, backing: 'provider', outFile });

  expect(result.backing).toBe('provider');
  expect(stepsOf(result)).toEqual(ONE_APPLY_ONE_DESTROY);
  expect({ converged: result.converged, applies: result.appliesToConverge, inOne: result.convergedInOne }).toEqual({ converged: true, applies: 1, inOne: true });
  expect(result.replicationsOnServer).toBe(5);
  expect(result.duplicates).toEqual([]);
  expect(result.missing).toEqual([]);
  expect(result.wrongSettings).toBe(0);
  expect(result.orphansAfterDestroy).toBe(0);
  expect(result.stateResourcesAfterDestroy).toBe(0);
  expect(result.faultClasses.map((c) => [c.name.split(' (')[0], c.injected > 0, c.survived])).toEqual([
    ['HTTP 503 + Retry-After: 1', true, true],
    ['HTTP 429 + Retry-After: 1', true, true],
    ['connection reset', true, true],
    ['slow response', true, true],
    ['response dropped after the request was handled', true, true],
    [expect.stringMatching(/^session expiry/), true, true],
  ]);
  // every Terraform command ran with TF_LOG=trace into the work dir, and the scan read it
  expect(result.traceBytes).toBeGreaterThan(0);
  expect(result.secrets.passwordLeaks).toEqual([]);
  expect(result.secrets.sessionLeaks).toEqual([]);
  expect(result.ok).toBe(true);

  const report = readFileSync(outFile, 'utf8');
  expect(report).toContain('- Backing: `provider`');
  expect(report).toContain('TF_LOG=trace');
  expect(report).toContain('6 Terraform resources');
});

// Seen in the random campaign at N=100 (seed 42, before the task wait read a faulted poll as a missed reading): a task
// poll whose five HTTP attempts all met a retryable fault ended the wait while the task was still running.
test('the provider backing: a task poll that meets five retryable faults in a row does not fail the apply', async () => {
  const result = await runChaos({
    ...SMALL_HTTP_ONLY,
    backing: 'provider',
    size: 1,
    sessionExpiryMs: 600_000,
    maxSessionExpirations: 0,
    rules: [{ id: 'http-429', method: 'GET', path: '/tasks/*', count: 5, status: 429, retryAfterSeconds: 1 }],
  });
  expect(result.faultsByOperation).toEqual([{ operation: 'GET /tasks/{id}', rule: 'http-429', count: 5 }]);
  expect(stepsOf(result)).toEqual(ONE_APPLY_ONE_DESTROY);
});

test('a provider failure is Terraform\'s diagnostic summary, once each', () => {
  const output = [
    '╷',
    '│ Error: creating vr.replication bench-0001: POST /pairings/p/replications → 503',
    '│ ',
    '│   with repliform_vr_replication.bench-0001,',
    '╵',
    '│ Error: creating vr.replication bench-0001: POST /pairings/p/replications → 503',
    'Error: Failed to query available provider packages',
  ].join('\n');
  expect(diagnosticLines(output)).toEqual(['creating vr.replication bench-0001: POST /pairings/p/replications → 503', 'Failed to query available provider packages']);
});

// Once a known failure: a login whose response is lost (reset, dropped or past the timeout) is a POST, and was not
// resent, so that process failed (`POST /session → no response (ECONNRESET)`). A login is now resent like a read
// (at worst an unused session).
test('HTTP faults only: a lost login response does not fail the apply', async () => {
  const result = await runChaos({
    ...SMALL_HTTP_ONLY,
    size: 2,
    sessionExpiryMs: 600_000,
    rules: [{ id: 'drop', method: 'POST', path: '/session', count: 1, dropResponse: true }],
  });
  expect(stepsOf(result)).toEqual(ONE_APPLY_ONE_DESTROY);
});

test('the failure lines of a step are the CLI\'s own, once each', () => {
  const output = [
    'terraform_data.a (local-exec): repliform: vr.replication bench-0001 create failed: POST /x → 503',
    'terraform_data.a (local-exec): repliform: vr.replication bench-0001 create failed: POST /x → 503',
    'terraform_data.b (local-exec): repliform: configuring replication of bench-0002: done (1 s)',
    'terraform_data.c (local-exec): repliform: configuring replication of bench-0003: failed (1 s)',
    'terraform_data.d (local-exec): repliform: bench-0004: the configure request failed in transit but landed; adopting replication GID-1',
    'Error: local-exec provisioner error',
  ].join('\n');
  expect(failureLines(output)).toEqual(['repliform: vr.replication bench-0001 create failed: POST /x → 503']);
});

test('the HTTP-only fault set has no failing task', () => {
  expect(faultRules('random', 2000, 'http').map((r) => r.id)).toEqual(['http-503', 'http-429', 'reset', 'slow', 'drop']);
  expect(faultRules('forced', 2000, 'http').some((r) => r.taskError !== undefined)).toBe(false);
});

test('the random profile gives the issue marginal rates', () => {
  const rules = faultRules('random', 2000);
  const p = Object.fromEntries(rules.map((r) => [r.id, r.probability ?? 0]));
  expect(p['task-error']).toBeCloseTo(0.02);
  expect(p['http-503']).toBeCloseTo(0.1);
  expect(p['http-429'] * (1 - 0.1)).toBeCloseTo(0.03);
  expect(p.reset * (1 - 0.13)).toBeCloseTo(0.02);
  expect(p.slow * (1 - 0.15)).toBeCloseTo(0.01);
  expect(p.drop * (1 - 0.16)).toBeCloseTo(0.01);
  expect(rules.find((r) => r.id === 'slow')?.delayMs).toBeGreaterThan(2000);
});

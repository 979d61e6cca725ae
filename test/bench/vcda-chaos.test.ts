/**
 * The VCDA fault campaign at a small size through the same code paths as `npm run chaos -- --vendor vcda
 * --faults http`: 4 replications with a 100 ms task while the simulator's VCDA service answers 503 +
 * Retry-After and 429 (with VCDA's ApiError body), resets a start request, answers a start after the CLI's
 * timeout and expires the sessions once; one apply and one destroy must converge to exactly the declared
 * replications and then to none; the bad-input cases end with one line and no change; no canary password or
 * session id anywhere. The lost response and two faults on one start are known failures
 * (vcda-chaos-known.test.ts). Invariants only: no timing assertion.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { faultRules } from '../../scripts/bench/profiles/vcda';
import { runChaos, type ChaosOptions } from '../../scripts/chaos/chaos';

let outDir: string;

beforeAll(() => {
  outDir = mkdtempSync(join(tmpdir(), 'repliform-vcda-chaos-test-'));
});

afterAll(() => {
  rmSync(outDir, { recursive: true, force: true });
});

const SMALL_HTTP_ONLY: ChaosOptions = {
  vendor: 'vcda',
  size: 4,
  taskMs: 100,
  profile: 'forced',
  faults: 'http',
  httpTimeoutMs: 1500,
  sessionExpiryMs: 600_000, // the profile's session-expiry rule expires sessions once, at a given read
  maxSessionExpirations: 0,
  killProbability: 0,
  maxKills: 0,
  maxApplies: 4,
  maxDestroys: 3,
  seed: 7,
};

/**
 * The profile's forced HTTP mix without the lost response, and with the slow response on the replication list
 * instead of the start: two faults on one start exhaust its two attempts (see the known failures below).
 */
const DETERMINISTIC_HTTP = faultRules('forced', SMALL_HTTP_ONLY.httpTimeoutMs, 'http')
  .filter((rule) => rule.id !== 'drop')
  .map((rule) => (rule.id === 'slow' ? { ...rule, method: 'GET', path: '/vm-replications', skip: 0 } : rule));

test('VCDA, HTTP faults (503, 429, reset of a start, timeout of a read, session expiry): one apply and one destroy converge, exactly N replications, no orphan, no secret', async () => {
  const outFile = join(outDir, 'chaos.md');
  const result = await runChaos({ ...SMALL_HTTP_ONLY, rules: DETERMINISTIC_HTTP, outFile });

  expect(result.steps.map((s) => [s.command, s.exitCode, s.failures])).toEqual([
    ['apply #1', 0, []],
    ['destroy #1', 0, []],
  ]);
  expect({ converged: result.converged, inOne: result.convergedInOne }).toEqual({ converged: true, inOne: true });
  expect({ onServer: result.replicationsOnServer, duplicates: result.duplicates, missing: result.missing, notOk: result.notOk, wrongSettings: result.wrongSettings }).toEqual({
    onServer: 4,
    duplicates: [],
    missing: [],
    notOk: 0,
    wrongSettings: 0,
  });
  expect({ orphans: result.orphansAfterDestroy, state: result.stateResourcesAfterDestroy }).toEqual({ orphans: 0, state: 0 });
  expect(result.faultClasses.map((c) => [c.name.split(' (')[0], c.injected > 0, c.survived])).toEqual([
    ['HTTP 503 + Retry-After: 1', true, true],
    ['HTTP 429 + Retry-After: 1', true, true],
    ['connection reset', true, true],
    ['slow response', true, true],
    ['response dropped after the request was handled', false, false],
    [expect.stringMatching(/^session expiry/), true, true],
  ]);
  // each fault landed on the VCDA request it was aimed at
  const faulted = (rule: string) => result.faultsByOperation.filter((f) => f.rule === rule).map((f) => f.operation);
  expect(faulted('reset')).toEqual(['POST /vm-replications']);
  expect(faulted('slow')).toEqual(['GET /vm-replications']);
  expect(result.requests.byOperation.find((op) => op.operation === 'POST /sessions')?.count).toBeGreaterThanOrEqual(2);

  expect(result.badInput.map((c) => [c.name, c.exitCode, c.oneLine, c.unchanged])).toEqual([
    ['malformed spec JSON', 2, true, true],
    ['unknown kind', 2, true, true],
    ['missing credentials variable (VCDA_SITE1_PASSWORD unset)', 2, true, true],
    ['wrong password', 1, true, true],
    ['unknown destination site (site9)', 2, true, true],
    ['TLS certificate not trusted', 1, true, true],
    ['endpoint unreachable', 1, true, true],
  ]);

  expect(result.secrets.passwordLeaks).toEqual([]);
  expect(result.secrets.sessionLeaks).toEqual([]);
  expect(result.secrets.sessionStores.filter((f) => f.mode !== '0600')).toEqual([]);

  const report = readFileSync(outFile, 'utf8');
  expect(report).toContain('## Injected faults by operation');
  expect(report).toContain('| `POST /vm-replications` | reset | 1 |');
});

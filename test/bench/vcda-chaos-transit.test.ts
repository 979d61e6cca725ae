/**
 * Writes lost in transit in the VCDA fault campaign, each a small `runChaos` (vendor vcda, HTTP faults only, rules
 * aimed at one VCDA request) that asserts what a user needs: one apply and one destroy succeed. Each failed before
 * the handler learnt to re-read and resend (src/resources/vcda/replication/handler.ts: sendStart, sendDelete).
 * Invariants only: no timing assertion.
 */
import { runChaos, type ChaosOptions } from '../../scripts/chaos/chaos';

const SMALL_HTTP_ONLY: ChaosOptions = {
  vendor: 'vcda',
  size: 2,
  taskMs: 100,
  profile: 'forced',
  faults: 'http',
  httpTimeoutMs: 1500,
  sessionExpiryMs: 600_000,
  maxSessionExpirations: 0,
  killProbability: 0,
  maxKills: 0,
  maxApplies: 1,
  maxDestroys: 1,
  seed: 7,
};

test('VCDA: a reset delete and a lost delete response do not fail the destroy', async () => {
  const result = await runChaos({
    ...SMALL_HTTP_ONLY,
    rules: [
      { id: 'reset', service: 'vcda', method: 'DELETE', path: '/vm-replications/*', count: 1, reset: true },
      { id: 'drop', service: 'vcda', method: 'DELETE', path: '/vm-replications/*', count: 1, dropResponse: true },
    ],
  });
  expect(result.steps.map((s) => [s.command, s.exitCode, s.failures])).toEqual([
    ['apply #1', 0, []],
    ['destroy #1', 0, []],
  ]);
});

test('VCDA: a lost start response does not fail the apply', async () => {
  const result = await runChaos({ ...SMALL_HTTP_ONLY, rules: [{ id: 'drop', service: 'vcda', method: 'POST', path: '/vm-replications', count: 1, dropResponse: true }] });
  expect(result.steps.map((s) => [s.command, s.exitCode, s.failures])).toEqual([
    ['apply #1', 0, []],
    ['destroy #1', 0, []],
  ]);
});

test('VCDA: a reset start, then a timed-out start, does not fail the apply', async () => {
  const result = await runChaos({
    ...SMALL_HTTP_ONLY,
    size: 1,
    rules: [
      { id: 'reset', service: 'vcda', method: 'POST', path: '/vm-replications', count: 1, reset: true },
      { id: 'slow', service: 'vcda', method: 'POST', path: '/vm-replications', count: 1, delayMs: 2500 },
    ],
  });
  expect(result.steps.map((s) => [s.command, s.exitCode, s.failures])).toEqual([
    ['apply #1', 0, []],
    ['destroy #1', 0, []],
  ]);
});

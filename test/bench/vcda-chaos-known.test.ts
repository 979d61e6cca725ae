/**
 * Known failures of the VCDA fault campaign, reported to the owner of src/resources/vcda/replication/handler.ts,
 * each a small `runChaos` (vendor vcda, HTTP faults only, one rule aimed at one VCDA request) that asserts what a
 * user needs: one apply and one destroy succeed. They are `test.failing` until the handler is fixed; then each
 * fails here and becomes a plain `test`. Invariants only: no timing assertion.
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

// Known failure, reported to the owner of src/resources/vcda/replication/handler.ts: a DELETE that fails in transit is
// not resent by the HTTP layer (it may have landed) and deleteWithReplica re-reads nothing, so the destroy fails with
// `DELETE /vcda/vm-replications/… → no response (ECONNRESET)` whether the delete was reset before it was handled or
// its response was lost after; a second destroy succeeds. `npm run chaos -- --vendor vcda --faults http` hits it.
// When fixed, this test passes and `test.failing` fails: make it a plain `test`.
test.failing('VCDA: a reset delete and a lost delete response do not fail the destroy', async () => {
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
}, 30_000);

// Known failure, same owner: a start whose response is lost (it landed: its task runs) is re-read too early (the
// replication appears only when the task ends), so it is sent again, VCDA answers 400 "already replicated by the
// running task", and the apply fails as bad input on source.vm_id saying "Nothing was created" (it was).
test.failing('VCDA: a lost start response does not fail the apply', async () => {
  const result = await runChaos({ ...SMALL_HTTP_ONLY, rules: [{ id: 'drop', service: 'vcda', method: 'POST', path: '/vm-replications', count: 1, dropResponse: true }] });
  expect(result.steps.map((s) => [s.command, s.exitCode, s.failures])).toEqual([
    ['apply #1', 0, []],
    ['destroy #1', 0, []],
  ]);
}, 30_000);

// Known failure, same owner: a start that is reset and then, sent again, answered after the timeout, is not sent a
// third time (START_ATTEMPTS = 2) although neither landed before the re-read: the apply fails with ETIMEDOUT. The
// profile's forced mix does this whenever the reset start's second attempt is the second start the server sees.
test.failing('VCDA: a reset start, then a timed-out start, does not fail the apply', async () => {
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
}, 30_000);

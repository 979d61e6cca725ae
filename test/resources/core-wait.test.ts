/** The polling wait of the reconcile core: progress labelled and closed, the spec's timeout on the context's clock. */
import { waitUntil } from '../../src/resources/core/wait';
import { testContext, virtualClock } from '../helpers/context';

const POLL = { minDelayMs: 250, maxDelayMs: 5000 };

test('polls until the check is done, reporting each unfinished check to the progress it opened and closed', async () => {
  const clock = virtualClock();
  const ctx = testContext(undefined, { clock });
  const states = ['creating', 'creating', 'available'];
  const value = await waitUntil(ctx, {
    label: 'waiting for group g-1',
    timeoutSeconds: 60,
    poll: POLL,
    check: async () => {
      const status = states.shift() ?? 'available';
      return status === 'available' ? { done: true, value: status } : { done: false, detail: status };
    },
  });
  expect(value).toBe('available');
  expect(ctx.progressEvents).toEqual(['start waiting for group g-1', 'update ?', 'update ?', 'stop done']);
});

test('the timeout is the spec’s, on the context’s clock, and names what was awaited; the progress is closed as failed', async () => {
  const clock = virtualClock();
  const ctx = testContext(undefined, { clock });
  const start = clock.now();
  await expect(
    waitUntil(ctx, { label: 'waiting for replication C4-1 to be deleted', description: 'replication C4-1 to be deleted', timeoutSeconds: 30, poll: POLL, check: async () => ({ done: false, detail: 'still there' }) }),
  ).rejects.toThrow(/^timed out after 30 ?s waiting for replication C4-1 to be deleted \(\d+ checks; last state: still there\)/);
  expect(clock.now() - start).toBe(30_000);
  expect(ctx.progressEvents[ctx.progressEvents.length - 1]).toBe('stop failed');
});

import { backoffDelay, isWaitError, waitFor, WaitAbortedError, WaitTimeoutError, type WaitCheck, type WaitProgress } from '../../lib/client/wait';
import { fakeClock } from './helpers/capture-server';

/** A check that reports not-done `n` times (progress 10, 20, …) and then done with "ok". */
function finishesAfter(n: number): { check: () => Promise<WaitCheck<string>>; calls: () => number } {
  let calls = 0;
  return {
    calls: () => calls,
    check: async () => {
      calls += 1;
      if (calls > n) return { done: true, value: 'ok' };
      return { done: false, progress: calls * 10, detail: `RUNNING ${calls * 10}%` };
    },
  };
}

describe('backoffDelay', () => {
  it('gives the minimum on the first attempt and doubles the ceiling after that, capped at the maximum', () => {
    // random = 1 → the top of each range
    expect([1, 2, 3, 4, 5, 6, 7].map((a) => backoffDelay(a, 500, 10_000, () => 1))).toEqual([500, 1000, 2000, 4000, 8000, 10_000, 10_000]);
    // random = 0 → always the minimum
    expect([1, 2, 5, 30].map((a) => backoffDelay(a, 500, 10_000, () => 0))).toEqual([500, 500, 500, 500]);
    // random = 0.5 → the middle of [min, ceiling]
    expect([2, 3, 4].map((a) => backoffDelay(a, 500, 10_000, () => 0.5))).toEqual([750, 1250, 2250]);
  });

  it('does not overflow for very large attempt numbers', () => {
    expect(backoffDelay(10_000, 500, 10_000, () => 1)).toBe(10_000);
  });
});

describe('waitFor', () => {
  it('checks once immediately and returns without sleeping when already done', async () => {
    const clock = fakeClock();
    const { check, calls } = finishesAfter(0);
    await expect(waitFor({ check, description: 'x', timeoutMs: 1000, clock })).resolves.toBe('ok');
    expect(calls()).toBe(1);
    expect(clock.sleeps).toEqual([]);
  });

  it('sleeps the exact backoff-with-jitter sequence between checks', async () => {
    // GIVEN a check that finishes on the 7th call, random fixed at 1 (top of each jitter range)
    const clock = fakeClock();
    const { check, calls } = finishesAfter(6);
    // WHEN
    const value = await waitFor({ check, description: 'task 1', timeoutMs: 600_000, minDelayMs: 2000, maxDelayMs: 30_000, clock, random: () => 1 });
    // THEN: 2, 4, 8, 16, 30, 30 seconds
    expect(value).toBe('ok');
    expect(calls()).toBe(7);
    expect(clock.sleeps).toEqual([2000, 4000, 8000, 16_000, 30_000, 30_000]);
  });

  it('sleeps the time a check predicts instead of backing off: at most the max delay, down to 20 ms', async () => {
    const clock = fakeClock();
    const predictions = [700, 10, 99_000, undefined];
    let call = 0;
    const check = async (): Promise<WaitCheck<string>> => {
      const next = predictions[call];
      call += 1;
      return call > predictions.length ? { done: true, value: 'ok' } : { done: false, nextCheckInMs: next };
    };
    await waitFor({ check, description: 'task 1', timeoutMs: 600_000, minDelayMs: 250, maxDelayMs: 5000, clock, random: () => 1 });
    // 700 as predicted, 10 → 20 (a prediction may beat the 250 minimum, down to 20 ms), 99 s → the 5 s maximum,
    // then the 4th attempt's backoff ceiling (2 s)
    expect(clock.sleeps).toEqual([700, 20, 5000, 2000]);
  });

  it('with maxLateness, a job that ends at 2 s and reports no progress is seen done by 2.5 s (backoff alone: 3.75 s)', async () => {
    const endsAt = 2000;
    const checksOf = async (maxLateness: number | undefined): Promise<number[]> => {
      const clock = fakeClock(0);
      const checks: number[] = [];
      const check = async (): Promise<WaitCheck<string>> => {
        checks.push(clock.now());
        return clock.now() >= endsAt ? { done: true, value: 'ok' } : { done: false };
      };
      await waitFor({ check, description: 'job 1', timeoutMs: 600_000, minDelayMs: 250, maxDelayMs: 5000, maxLateness, clock, random: () => 1 });
      return checks;
    };
    expect(await checksOf(undefined)).toEqual([0, 250, 750, 1750, 3750]);
    // each delay is at most max(250, a quarter of the time waited so far)
    expect(await checksOf(0.25)).toEqual([0, 250, 500, 750, 1000, 1250, 1563, 1954, 2443]);
  });

  it('uses the injected random source for the jitter', async () => {
    const clock = fakeClock();
    const randoms = [0.25, 0.5, 0.75];
    const { check } = finishesAfter(4);
    await waitFor({ check, description: 'x', timeoutMs: 600_000, clock, random: () => randoms.shift() ?? 0 });
    // attempt 1: always min (random not consumed); 2: 500+0.25*500; 3: 500+0.5*1500; 4: 500+0.75*3500
    expect(clock.sleeps).toEqual([500, 625, 1250, 3125]);
  });

  it('never sleeps past the deadline: the last sleep is cut short, one final check runs, then it times out', async () => {
    // GIVEN a check that never finishes, 10 s timeout, delays 1, 2, 4, 8 s
    const clock = fakeClock();
    const { check, calls } = finishesAfter(Number.POSITIVE_INFINITY);
    // WHEN
    const error: unknown = await waitFor({ check, description: 'task 42 (Configure replication web-01)', timeoutMs: 10_000, minDelayMs: 1000, maxDelayMs: 8000, clock, random: () => 1 }).catch((e: unknown) => e);
    // THEN 1 + 2 + 4 = 7 s, then only the 3 s left (not 8 s), then a last check at exactly the deadline
    expect(clock.sleeps).toEqual([1000, 2000, 4000, 3000]);
    expect(clock.sleeps.reduce((a, b) => a + b, 0)).toBe(10_000);
    expect(calls()).toBe(5);
    expect(error).toBeInstanceOf(WaitTimeoutError);
    const timeout = error as WaitTimeoutError;
    expect(timeout.timeoutMs).toBe(10_000);
    expect(timeout.attempts).toBe(5);
    expect(timeout.lastDetail).toBe('RUNNING 50%');
    expect(timeout.message).toBe(
      'timed out after 10 s waiting for task 42 (Configure replication web-01) (5 checks; last state: RUNNING 50%). ' +
        'The operation may still complete on the server; raise the timeout or check its state before retrying.',
    );
    expect(isWaitError(timeout)).toBe(true);
  });

  it('evaluates a description function when building the message', async () => {
    const clock = fakeClock();
    let seen = 'task 9';
    const error: unknown = await waitFor({
      check: async () => {
        seen = 'task 9 (Sync replication db-01)';
        return { done: false };
      },
      description: () => seen,
      timeoutMs: 1000,
      clock,
    }).catch((e: unknown) => e);
    expect((error as Error).message).toContain('waiting for task 9 (Sync replication db-01)');
  });

  it('reports progress after every unfinished check', async () => {
    const clock = fakeClock(0);
    const { check } = finishesAfter(3);
    const seen: WaitProgress[] = [];
    await waitFor({ check, description: 'x', timeoutMs: 60_000, clock, random: () => 0, onProgress: (p) => seen.push(p) });
    expect(seen).toEqual([
      { attempt: 1, elapsedMs: 0, progress: 10, detail: 'RUNNING 10%' },
      { attempt: 2, elapsedMs: 500, progress: 20, detail: 'RUNNING 20%' },
      { attempt: 3, elapsedMs: 1000, progress: 30, detail: 'RUNNING 30%' },
    ]);
  });

  it('stops with WaitAbortedError when the signal aborts between checks', async () => {
    const clock = fakeClock();
    const controller = new AbortController();
    let calls = 0;
    const error: unknown = await waitFor({
      check: async () => {
        calls += 1;
        if (calls === 2) controller.abort();
        return { done: false, detail: 'QUEUED' };
      },
      description: 'task 7',
      timeoutMs: 60_000,
      clock,
      signal: controller.signal,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WaitAbortedError);
    expect((error as WaitAbortedError).message).toBe('stopped waiting for task 7: aborted after 2 checks');
    expect(calls).toBe(2);
    expect(clock.sleeps).toEqual([500]);
  });

  it('stops with WaitAbortedError when the signal aborts during a sleep (real sleep)', async () => {
    const controller = new AbortController();
    const started = Date.now();
    setTimeout(() => controller.abort(), 20);
    const error: unknown = await waitFor({
      check: async () => ({ done: false }),
      description: 'task 8',
      timeoutMs: 60_000,
      minDelayMs: 30_000,
      maxDelayMs: 30_000,
      signal: controller.signal,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WaitAbortedError);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('does not check at all when the signal is already aborted', async () => {
    const check = jest.fn(async (): Promise<WaitCheck<number>> => ({ done: true, value: 1 }));
    await expect(waitFor({ check, description: 'x', timeoutMs: 1000, signal: AbortSignal.abort() })).rejects.toBeInstanceOf(WaitAbortedError);
    expect(check).not.toHaveBeenCalled();
  });

  it('rethrows what the check throws, unchanged', async () => {
    const boom = new Error('boom');
    await expect(waitFor({ check: () => Promise.reject(boom), description: 'x', timeoutMs: 1000, clock: fakeClock() })).rejects.toBe(boom);
  });

  it('rejects impossible options naming the field', async () => {
    const check = async (): Promise<WaitCheck<number>> => ({ done: true, value: 1 });
    await expect(waitFor({ check, description: 'x', timeoutMs: 0 })).rejects.toThrow(/timeoutMs must be a positive number/);
    await expect(waitFor({ check, description: 'x', timeoutMs: 10, minDelayMs: 100, maxDelayMs: 50 })).rejects.toThrow(/maxDelayMs must be >= minDelayMs \(100\), got 50/);
  });
});

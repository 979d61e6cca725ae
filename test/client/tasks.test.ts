/**
 * pollTask: classification of readings, the poll after a predicted finish, and the messages of failed and
 * cancelled tasks. Fake time: the clock's sleep advances time and records the delay.
 */
import { ApiError } from '../../lib/client/http/errors';
import { pollTask, progressEta, TaskFailedError, type PollTaskOptions, type TaskObservation } from '../../lib/client/tasks';
import { WaitTimeoutError, type WaitProgress } from '../../lib/client/wait';
import { fakeClock } from './helpers/capture-server';

/** A vendor-neutral fake task: a word for its state, optional progress and error. */
interface FakeTask {
  readonly word: string;
  readonly progress?: number;
  readonly error?: string;
  readonly code?: string;
  readonly name?: string;
}

const STATES: Record<string, TaskObservation['state']> = { Queued: 'running', Running: 'running', Done: 'succeeded', Failed: 'failed', Canceled: 'cancelled' };

function observe(task: FakeTask): TaskObservation {
  const state = STATES[task.word] ?? 'running';
  return { state, status: task.word, progress: task.progress, detail: `${task.word}${task.progress === undefined ? '' : ` ${task.progress}%`}`, errorCode: task.code, errorMessage: task.error };
}

function poll(readings: FakeTask[], extra: Partial<PollTaskOptions<FakeTask>> = {}) {
  const clock = fakeClock(0);
  const progress: WaitProgress[] = [];
  let reads = 0;
  const run = pollTask<FakeTask>({
    taskId: 'job-7',
    get: async () => readings[Math.min(reads++, readings.length - 1)] as FakeTask,
    observe,
    describe: (last) => `job job-7${last?.name === undefined ? '' : ` (${last.name})`}`,
    url: 'https://appliance.example/api/jobs/job-7',
    timeoutMs: 60_000,
    minDelayMs: 500,
    maxDelayMs: 10_000,
    clock,
    random: () => 1,
    onProgress: (p) => progress.push(p),
    ...extra,
  });
  return { run, clock, progress, reads: () => reads };
}

test('polls a running task until it succeeds and returns the last reading, reporting progress on the way', async () => {
  const { run, progress, reads } = poll([{ word: 'Queued' }, { word: 'Running', progress: 10 }, { word: 'Done', progress: 100, name: 'web-01' }]);
  await expect(run).resolves.toEqual({ word: 'Done', progress: 100, name: 'web-01' });
  expect(reads()).toBe(3);
  expect(progress.map((p) => [p.attempt, p.progress, p.detail])).toEqual([
    [1, undefined, 'Queued'],
    [2, 10, 'Running 10%'],
  ]);
});

test('after progress moves, the next poll lands just after the predicted finish instead of backing off', async () => {
  // 20% at t=0, 60% at t=500 → 0.08 %/ms → 40% left in 500 ms, + one percent's time (12.5 → 13 ms)
  const { run, clock } = poll([{ word: 'Running', progress: 20 }, { word: 'Running', progress: 60 }, { word: 'Done' }]);
  await run;
  expect(clock.sleeps).toEqual([500, 513]);
});

test('without progress the poller backs off exponentially', async () => {
  const { run, clock } = poll([{ word: 'Running' }, { word: 'Running' }, { word: 'Running' }, { word: 'Done' }]);
  await run;
  expect(clock.sleeps).toEqual([500, 1000, 2000]);
});

test('a failed task is a TaskFailedError naming the task, the vendor’s status and its message', async () => {
  const { run } = poll([{ word: 'Running', name: 'protect web-01' }, { word: 'Failed', error: 'datastore full', name: 'protect web-01' }]);
  const error = (await run.catch((e: unknown) => e)) as TaskFailedError;
  expect(error).toBeInstanceOf(TaskFailedError);
  expect(error).toBeInstanceOf(ApiError);
  expect(error.message).toBe('job job-7 (protect web-01) ended Failed: datastore full');
  expect({ taskId: error.taskId, taskStatus: error.taskStatus, errorCode: error.errorCode, url: error.url, taskErrorMessage: error.taskErrorMessage }).toEqual({
    taskId: 'job-7',
    taskStatus: 'Failed',
    errorCode: 'TASK_Failed',
    url: 'https://appliance.example/api/jobs/job-7',
    taskErrorMessage: 'datastore full',
  });
});

test('a failed task with its own error code quotes it before the message; its outcome names the task and its code, never the poll\'s HTTP status', async () => {
  const { run } = poll([{ word: 'Failed', code: 'SDRS.1014', error: 'Storage backend unreachable' }], { noun: 'job' });
  const error = (await run.catch((e: unknown) => e)) as TaskFailedError;
  expect(error.message).toBe('job job-7 ended Failed: SDRS.1014: Storage backend unreachable');
  expect({ taskErrorCode: error.taskErrorCode, taskErrorMessage: error.taskErrorMessage, outcome: error.outcome }).toEqual({
    taskErrorCode: 'SDRS.1014',
    taskErrorMessage: 'Storage backend unreachable',
    outcome: 'job job-7 failed (Failed, SDRS.1014)',
  });
  await expect(poll([{ word: 'Failed', code: 'GeneralServerFailure' }]).run).rejects.toThrow(/^job job-7 ended Failed: GeneralServerFailure$/);
  const cancelled = (await poll([{ word: 'Canceled' }]).run.catch((e: unknown) => e)) as TaskFailedError;
  expect(cancelled.outcome).toBe('task job-7 was cancelled');
});

test('a failed task without a message says so', async () => {
  const { run } = poll([{ word: 'Failed' }]);
  await expect(run).rejects.toThrow('job job-7 ended Failed: no error message');
});

test('a cancelled task says "was cancelled" whatever the vendor spells it, with its message when there is one', async () => {
  await expect(poll([{ word: 'Canceled' }]).run).rejects.toThrow(/^job job-7 was cancelled$/);
  await expect(poll([{ word: 'Canceled', error: 'cancelled by admin' }]).run).rejects.toThrow(/^job job-7 was cancelled: cancelled by admin$/);
});

test('a task still running at the deadline is a WaitTimeoutError described from the last reading', async () => {
  const { run } = poll([{ word: 'Running', progress: 5, name: 'sync db-01' }], { timeoutMs: 3_000 });
  const error = (await run.catch((e: unknown) => e)) as WaitTimeoutError;
  expect(error).toBeInstanceOf(WaitTimeoutError);
  expect(error.message).toContain('job job-7 (sync db-01)');
});

test('a reading that is not retryable (a 404: the task is gone) ends the wait unchanged', async () => {
  const gone = new ApiError({ status: 404, method: 'GET', url: 'https://appliance.example/api/jobs/job-7' });
  await expect(poll([], { get: async () => Promise.reject(gone) }).run).rejects.toBe(gone);
});

test('retryable failures of readings are missed readings: the task runs on, and the wait polls again until it is done', async () => {
  const busy = new ApiError({ status: 429, method: 'GET', url: 'https://appliance.example/api/jobs/job-7', retryable: true });
  let reads = 0;
  const { run } = poll([], {
    get: async () => {
      reads += 1;
      if (reads <= 5) throw busy;
      return { word: reads < 7 ? 'Running' : 'Done' };
    },
  });
  expect(await run).toEqual({ word: 'Done' });
  expect(reads).toBe(7);
});

test('a task that cannot be read until the deadline is a WaitTimeoutError, not the last HTTP error', async () => {
  const down = new ApiError({ status: 503, method: 'GET', url: 'https://appliance.example/api/jobs/job-7', retryable: true });
  const error = await poll([], { get: async () => Promise.reject(down), timeoutMs: 5_000 }).run.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(WaitTimeoutError);
});

test('progressEta predicts nothing until progress rises, and nothing when it stalls', () => {
  let now = 0;
  const eta = progressEta(() => now);
  expect(eta(undefined)).toBeUndefined();
  expect(eta(10)).toBeUndefined();
  now = 1_000;
  expect(eta(10)).toBeUndefined();
  now = 2_000;
  expect(eta(30)).toBe(3_500 + 50);
});

test('progressEta aims one percent past the predicted end for a fast task (at most 50 ms past it)', () => {
  let now = 0;
  const eta = progressEta(() => now);
  expect(eta(10)).toBeUndefined();
  now = 500;
  // 50 points in 500 ms: 10 ms per point; 40 points left = 400 ms, + 10 ms
  expect(eta(60)).toBe(400 + 10);
});

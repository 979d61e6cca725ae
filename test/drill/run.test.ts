/**
 * The drill's run on fake units and fake time: cleanup always runs (a failed start, a timeout, an abort signal),
 * a failing cleanup is retried and what it leaves is reported, busy or unready units start nothing, and each way a
 * drill ends has its exit code.
 */
import type { Clock } from '../../lib/client/wait';
import type { Context, ProgressReporter } from '../../src/resources/contract';
import { buildEvidence } from '../../src/drill/evidence';
import { DRILL_EXIT } from '../../src/drill/exit-codes';
import { runDrill, type DrillRun } from '../../src/drill/run';
import type { DrillUnit, RecoveredVm, UnitPreflight } from '../../src/drill/types';
import type { ClientFactory } from '../../src/resources/contract';

const T0 = Date.UTC(2026, 2, 1, 9, 0, 0);

const clock: Clock = { now: () => Date.now(), sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)) };

interface FakeUnit extends DrillUnit {
  readonly calls: string[];
}

interface FakeBehaviour {
  readonly preflight?: UnitPreflight;
  readonly start?: () => Promise<void>;
  readonly wait?: (ctx: Context) => Promise<void>;
  /** Errors the cleanup throws, one per attempt, before it succeeds. */
  readonly cleanupFailures?: string[];
  readonly leftovers?: () => { what: string; removeWith: string }[];
  readonly vm?: Partial<RecoveredVm>;
}

function fakeUnit(name: string, behaviour: FakeBehaviour = {}): FakeUnit {
  const calls: string[] = [];
  const failures = [...(behaviour.cleanupFailures ?? [])];
  return {
    calls,
    vendor: 'vcda',
    construct: `app/${name}`,
    name,
    recovers: true,
    rpoMinutes: 15,
    preflight: async () => {
      calls.push('preflight');
      return behaviour.preflight ?? { vms: [{ vm: name, problems: [] }] };
    },
    start: async () => {
      calls.push('start');
      await behaviour.start?.();
    },
    wait: async (ctx) => {
      calls.push('wait');
      await (behaviour.wait?.(ctx) ?? new Promise((resolve) => setTimeout(resolve, 30_000)));
    },
    recovered: async () => {
      calls.push('recovered');
      return [{ vm: name, recoveryPoint: { id: 'instance-7', time: T0 - 120_000 }, poweredOn: true, network: 'test-net', inTestNetwork: true, address: '10.0.0.5', ...behaviour.vm }];
    },
    cleanup: async (ctx) => {
      calls.push(`cleanup${ctx.signal === undefined ? '' : ' WITH A SIGNAL'}`);
      const failure = failures.shift();
      if (failure !== undefined) throw new Error(failure);
    },
    leftovers: async () => {
      calls.push('leftovers');
      return behaviour.leftovers?.() ?? [];
    },
  };
}

/** Resolves when the drill's signal aborts, with its reason: a wait that only a timeout or a signal ends. */
function untilAborted(ctx: Context): Promise<void> {
  return new Promise((_, reject) => ctx.signal?.addEventListener('abort', () => reject(ctx.signal?.reason), { once: true }));
}

const progress: ProgressReporter = { start: () => undefined, update: () => undefined, stop: () => undefined };
const warnings: string[] = [];

function context(signal?: AbortSignal): Context {
  const clients: ClientFactory = { get: () => { throw new Error('no clients in this test'); }, all: () => [] };
  return { env: {}, log: { info: () => undefined, warn: (m) => warnings.push(m), debug: () => undefined }, progress, clients, signal };
}

async function drill(units: DrillUnit[], options: { signal?: AbortSignal; timeoutMs?: number; checkCommand?: string } = {}): Promise<DrillRun> {
  const running = runDrill(units, {
    ctx: context(options.signal),
    clock,
    timeoutMs: options.timeoutMs ?? 3_600_000,
    cleanupPolicy: { attempts: 3, delayMs: 1000 },
    checkCommand: options.checkCommand,
    checkRunner: async (_command, env) => ({ code: env.REPLIFORM_DRILL_VM_ADDRESS === '10.0.0.5' ? 0 : 1, output: `pinged ${env.REPLIFORM_DRILL_VM_ADDRESS ?? ''}` }),
  });
  await jest.runAllTimersAsync();
  return running;
}

function exitCode(run: DrillRun): number {
  return buildEvidence({ run, provenance: { user: 'tester', ci: null, commit: null }, stacks: ['s'], rtoMinutes: null }).exit_code;
}

beforeEach(() => {
  jest.useFakeTimers({ now: T0 });
  warnings.length = 0;
});
afterEach(() => jest.useRealTimers());

test('a drill that passes: started, waited, checked (the check command got the address), cleaned up once with no signal; exit 0', async () => {
  const unit = fakeUnit('vcd-web-01');
  const run = await drill([unit], { checkCommand: 'ping -c1 "$REPLIFORM_DRILL_VM_ADDRESS"' });
  expect(unit.calls).toEqual(['preflight', 'start', 'wait', 'recovered', 'cleanup', 'leftovers']);
  expect(run.stop).toBe('completed');
  expect(run.units[0].vms[0].checks).toEqual([
    { name: 'powered on', passed: true, detail: 'the recovered VM is powered on' },
    { name: 'in the test network', passed: true, detail: 'connected to test-net' },
    { name: 'check command', passed: true, detail: 'exit 0: pinged 10.0.0.5' },
  ]);
  expect(run.units[0].recoveredAt! - run.units[0].startedAt!).toBe(30_000);
  expect(exitCode(run)).toBe(DRILL_EXIT.passed);
});

test('a start that fails is still cleaned up; the drill failed (exit 3)', async () => {
  const unit = fakeUnit('vcd-web-01', { start: async () => Promise.reject(new Error('task FAILED: no capacity')) });
  const run = await drill([unit]);
  expect(unit.calls).toEqual(['preflight', 'start', 'cleanup', 'leftovers']);
  expect(run.units[0].failure).toBe('task FAILED: no capacity');
  expect(exitCode(run)).toBe(DRILL_EXIT.failed);
});

test('a drill past --timeout-minutes is stopped and cleaned up (exit 3, timed out)', async () => {
  const unit = fakeUnit('vcd-web-01', { wait: untilAborted });
  const run = await drill([unit], { timeoutMs: 120_000 });
  expect(unit.calls).toEqual(['preflight', 'start', 'wait', 'cleanup', 'leftovers']);
  expect(run.stop).toBe('timed-out');
  expect(run.reason).toBe('the drill did not finish within 2 min (--timeout-minutes)');
  expect(run.finishedAt - run.startedAt).toBe(120_000);
  expect(exitCode(run)).toBe(DRILL_EXIT.failed);
});

test('an abort signal (Ctrl-C) stops the waits of every unit, and every started unit is cleaned up without the signal (exit 1)', async () => {
  const abort = new AbortController();
  const a = fakeUnit('a', { wait: untilAborted });
  const b = fakeUnit('b', { wait: untilAborted });
  setTimeout(() => abort.abort(new Error('SIGINT received')), 5_000);
  const run = await drill([a, b], { signal: abort.signal });
  for (const unit of [a, b]) expect(unit.calls).toEqual(['preflight', 'start', 'wait', 'cleanup', 'leftovers']);
  expect(run.stop).toBe('interrupted');
  expect(run.reason).toBe('interrupted (SIGINT received)');
  expect(exitCode(run)).toBe(DRILL_EXIT.error);
});

test('a cleanup that fails is retried, loudly, and a complete one counts as clean', async () => {
  const unit = fakeUnit('a', { cleanupFailures: ['task FAILED: busy', 'task FAILED: busy'] });
  const run = await drill([unit]);
  expect(unit.calls.filter((c) => c === 'cleanup')).toHaveLength(3);
  expect(run.units[0].cleanup).toEqual({ attempts: 3, errors: ['task FAILED: busy', 'task FAILED: busy'], leftovers: [] });
  expect(warnings).toEqual(['cleanup of a failed (attempt 1 of 3): task FAILED: busy', 'cleanup of a failed (attempt 2 of 3): task FAILED: busy']);
  expect(exitCode(run)).toBe(DRILL_EXIT.passed);
});

test('a cleanup that keeps failing is reported with what is left and how to remove it: exit 4 outranks the others', async () => {
  const left = [{ what: 'test VM vm-9 of a on site2', removeWith: 'repliform drill --stack-dir s --construct app/a --cleanup-only' }];
  const unit = fakeUnit('a', { start: async () => Promise.reject(new Error('boom')), cleanupFailures: ['x', 'y', 'z'], leftovers: () => left });
  const run = await drill([unit]);
  expect(run.units[0].cleanup).toEqual({ attempts: 3, errors: ['x', 'y', 'z'], leftovers: left });
  expect(exitCode(run)).toBe(DRILL_EXIT.leftovers);
});

test('a unit busy with another drill refuses the whole drill, naming it; nothing is started (exit 5)', async () => {
  const busy = fakeUnit('web-dr', { preflight: { vms: [{ vm: 'ecs-web-01', problems: [] }], busy: 'drill "nightly" (d-1, available) of protection group web-dr is running' } });
  const other = fakeUnit('vcd-web-01');
  const run = await drill([busy, other]);
  expect(busy.calls).toEqual(['preflight']);
  expect(other.calls).toEqual(['preflight']);
  expect(run.stop).toBe('refused');
  expect(run.reason).toBe('another drill is running — web-dr: drill "nightly" (d-1, available) of protection group web-dr is running');
  expect(exitCode(run)).toBe(DRILL_EXIT.refused);
});

test('a preflight not met says what is not, per VM, and starts nothing (exit 3)', async () => {
  const unit = fakeUnit('vcd-web-01', { preflight: { vms: [{ vm: 'vcd-web-01', problems: ['replication C4-1 is PAUSED', 'RPO not met: 7 min past the 15 min RPO'] }] } });
  const run = await drill([unit]);
  expect(unit.calls).toEqual(['preflight']);
  expect(run.stop).toBe('not-ready');
  expect(run.reason).toBe('preflight not met — vcd-web-01: replication C4-1 is PAUSED, RPO not met: 7 min past the 15 min RPO');
  expect(exitCode(run)).toBe(DRILL_EXIT.failed);
});

test('a recovered VM that fails a check, or recovered from a point older than its RPO, fails the drill (exit 3)', async () => {
  const offline = await drill([fakeUnit('a', { vm: { poweredOn: false } })]);
  expect(exitCode(offline)).toBe(DRILL_EXIT.failed);
  const stale = await drill([fakeUnit('b', { vm: { recoveryPoint: { id: 'instance-1', time: T0 - 16 * 60_000 } } })]);
  expect(exitCode(stale)).toBe(DRILL_EXIT.failed);
});

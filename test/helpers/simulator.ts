/**
 * One way for a test to have a simulator: started, handed over ready (its URL, clients, clock), and closed
 * afterwards whatever happened — a failed assertion, a failed start, a restart half-way.
 *
 *   await withSimulator({ tls: true }, async (sim) => { … });               // one test, startSimulator options
 *   await withSimulator(() => startTestSim({ rateLimit: 3 }), async (t) => { … });  // any starter
 *   const t = useSimulator(() => startSdrsSim());                          // every test of the block ('all': one for the block)
 *   const sim = useSimulator({ taskDelayMs: 20 }, 'all');                  // startSimulator options
 *   await t.restart(() => startSdrsSim({ stateFile }));                   // closes the one before
 */
import { startSimulator, type RunningSimulator, type SimulatorOptions } from '../../src/simulator';

/** A started simulator (or a test's bundle around one) and how to stop it. */
export interface Closable {
  close(): Promise<void>;
}

export type Starter<Sim extends Closable> = () => Promise<Sim>;

/** Starts a simulator, hands it to `use`, and closes it when `use` settles (also when it throws). */
export async function withSimulator<T>(options: SimulatorOptions, use: (sim: RunningSimulator) => Promise<T>): Promise<T>;
export async function withSimulator<Sim extends Closable, T>(start: Starter<Sim>, use: (sim: Sim) => Promise<T>): Promise<T>;
export async function withSimulator<T>(how: SimulatorOptions | Starter<Closable>, use: (sim: never) => Promise<T>): Promise<T> {
  const sim = typeof how === 'function' ? await how() : await startSimulator(how);
  try {
    return await use(sim as never);
  } finally {
    await sim.close();
  }
}

/** The simulator of the running test, and a way to swap it for another (the one before is closed first). */
export type SimulatorOfTest<Sim extends Closable> = Sim & { restart(start: Starter<Sim>): Promise<void> };

/**
 * A simulator for each test of the enclosing block (`'all'`: one for all of them) with jest hooks: started before,
 * closed after even when a test failed, never closed twice, nothing to close when the start failed. The value
 * stands for the current one.
 */
export function useSimulator(options: SimulatorOptions, scope?: 'each' | 'all'): SimulatorOfTest<RunningSimulator>;
export function useSimulator<Sim extends Closable>(start: Starter<Sim>, scope?: 'each' | 'all'): SimulatorOfTest<Sim>;
export function useSimulator<Sim extends Closable>(how: SimulatorOptions | Starter<Sim>, scope: 'each' | 'all' = 'each'): SimulatorOfTest<Sim> {
  const start: Starter<Sim> = typeof how === 'function' ? how : () => startSimulator(how) as unknown as Promise<Sim>;
  let current: Sim | undefined;
  const close = async (): Promise<void> => {
    const running = current;
    current = undefined;
    await running?.close();
  };
  const restart = async (next: Starter<Sim>): Promise<void> => {
    await close();
    current = await next();
  };
  if (scope === 'all') {
    beforeAll(() => restart(start));
    afterAll(close);
  } else {
    beforeEach(() => restart(start));
    afterEach(close);
  }
  return new Proxy({} as SimulatorOfTest<Sim>, {
    get: (_target, property) => {
      if (property === 'restart') return restart;
      if (current === undefined) throw new Error('no simulator is running: useSimulator serves the tests of its block');
      return Reflect.get(current, property) as unknown;
    },
  });
}

/**
 * Injectable time, randomness and ids for the simulator, so tests can run without real time.
 *
 * Endpoints served: none.
 */
import { randomUUID } from 'node:crypto';

export interface SimClock {
  /** Milliseconds since the epoch. */
  now(): number;
}

export const systemClock: SimClock = { now: () => Date.now() };

/** A clock that only moves when told to: `advance(ms)`. */
export class ManualClock implements SimClock {
  constructor(private current = Date.UTC(2025, 0, 1)) {}

  now(): number {
    return this.current;
  }

  advance(ms: number): void {
    this.current += ms;
  }

  set(ms: number): void {
    this.current = ms;
  }
}

export type RandomSource = () => number;

/** Deterministic random numbers in [0, 1) from a 32-bit seed (mulberry32). */
export function seededRandom(seed: number): RandomSource {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type IdGenerator = () => string;

export const randomIds: IdGenerator = () => randomUUID();

/** Deterministic uuid-shaped ids: 00000000-0000-4000-8000-000000000001, …002, … */
export function sequentialIds(prefix = '00000000'): IdGenerator {
  let counter = 0;
  return () => {
    counter += 1;
    return `${prefix}-0000-4000-8000-${counter.toString(16).padStart(12, '0')}`;
  };
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Test plumbing for handler integration tests: a real client factory talking HTTP to the simulator. */
import type { Clock } from '../../lib/client/wait';
import type { Context, OwnershipRecords, ProgressReporter } from '../../src/resources/contract';
import { createClientFactory } from '../../src/resources/clients';
import { memoryOwnershipRecords } from '../../src/resources/ownership';
import type { VrReplicationSpecInput } from '../../src/resources/vr/replication/schema';
import { vrReplicationSpecSchema } from '../../src/resources/vr/replication/schema';
import type { VrReplicationSpec } from '../../src/resources/vr/replication/schema';
import { startSimulator, type RunningSimulator, type SimulatorOptions } from '../../src/simulator';
import { vrConnection } from './sim-connections';

export const SIM_ENV: NodeJS.ProcessEnv = {
  VR_SITE_A_USER: 'administrator@vsphere.local',
  VR_SITE_A_PASSWORD: 'Sim-Site-A-Passw0rd!',
  VR_SITE_B_USER: 'administrator@vsphere.local',
  VR_SITE_B_PASSWORD: 'Sim-Site-B-Passw0rd!',
};

export interface TestContext extends Context {
  readonly lines: string[];
  readonly progressEvents: string[];
}

/** The ownership records of "this machine": shared by every context of a test file, like the CLI's cache directory. */
export const machineOwnership: OwnershipRecords = memoryOwnershipRecords();

/**
 * Virtual time shared by the simulator and the clients: a sleep moves the clock on at once (and is recorded),
 * so retry back-off, task polls and the simulator's task delays take no real time. Request timeouts stay real.
 */
export interface VirtualClock extends Clock {
  readonly sleeps: number[];
}

export function virtualClock(start = Date.UTC(2026, 0, 1)): VirtualClock {
  const sleeps: number[] = [];
  let now = start;
  return {
    sleeps,
    now: () => now,
    sleep: async (ms: number, signal?: AbortSignal) => {
      if (signal?.aborted) throw signal.reason;
      sleeps.push(ms);
      now += ms;
      await new Promise((resolve) => setImmediate(resolve));
    },
  };
}

/** A simulator on virtual time, shared with the clients: its tasks and the handlers' back-off take no real time. */
export async function startVirtualTimeSimulator(options: SimulatorOptions = {}): Promise<{ sim: RunningSimulator; clock: VirtualClock }> {
  const clock = virtualClock();
  const sim = await startSimulator({ taskDelayMs: 40, validateResponses: true, clock, ...options });
  return { sim, clock };
}

export interface TestContextOptions {
  readonly timeoutMs?: number;
  /** `null`: no records, as with REPLIFORM_CACHE_DIR=off. @default machineOwnership */
  readonly ownership?: OwnershipRecords | null;
  /** Time for the clients and the handler; pass the simulator's virtual clock to run its tasks without waiting. @default real time for the clients, virtual back-off for the handler */
  readonly clock?: Clock;
}

export function testContext(env: NodeJS.ProcessEnv = SIM_ENV, extra: TestContextOptions = {}): TestContext {
  const lines: string[] = [];
  const progressEvents: string[] = [];
  const log = {
    info: (m: string) => lines.push(`info: ${m}`),
    warn: (m: string) => lines.push(`warn: ${m}`),
    debug: (m: string) => lines.push(`debug: ${m}`),
  };
  const progress: ProgressReporter = {
    start: (label) => progressEvents.push(`start ${label}`),
    update: (percent) => progressEvents.push(`update ${percent ?? '?'}`),
    stop: (outcome) => progressEvents.push(`stop ${outcome}`),
  };
  const ownership = extra.ownership === null ? undefined : (extra.ownership ?? machineOwnership);
  const clients = createClientFactory({ log, env, timeoutMs: extra.timeoutMs, clock: extra.clock });
  return { env, log, progress, lines, progressEvents, clients, ownership, clock: extra.clock ?? virtualClock() };
}

export function replicationSpecInput(endpoint: string, overrides: Partial<VrReplicationSpecInput> = {}): VrReplicationSpecInput {
  return {
    connection: vrConnection(endpoint),
    pairing: { remote_site: 'vc-b.example.local' },
    vm: { name: 'web-01' },
    target: { datastore: 'ds-b-gold' },
    settings: { rpo_minutes: 15, point_in_time: { instances_per_day: 3, days: 5 }, network_compression: true },
    ...overrides,
  };
}

export function replicationSpec(endpoint: string, overrides: Partial<VrReplicationSpecInput> = {}): VrReplicationSpec {
  return vrReplicationSpecSchema.parse(replicationSpecInput(endpoint, overrides));
}

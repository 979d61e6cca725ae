/**
 * Integration: a create cut short after its object was made — Terraform's StopProvider (Ctrl-C) cancelling the task
 * wait, or the wait's deadline — stores that object with a warning and no error, so that the next apply, on this
 * machine or a fresh one (no ownership records), takes it up in place: no `adopt: true` refusal, no second object,
 * no replacement. A create that failed otherwise keeps its error and no state. Driven as Terraform drives the
 * provider, each "process" made as service.ts makes it (one client factory that StopProvider cancels), against the
 * simulator over HTTP on virtual time.
 */
import type { Clock } from '../../lib/client/wait';
import { ResourceType, type ResourceRuntime } from '../../src/provider/resource-type';
import { createClientFactory } from '../../src/resources/clients';
import type { Context, OwnershipRecords } from '../../src/resources/contract';
import { memoryOwnershipRecords } from '../../src/resources/ownership';
import { kindFor } from '../../src/resources/registry';
import { startSimulator, type RunningSimulator } from '../../src/simulator';
import { VCDA_VDC_IDS, VCDA_VM_IDS } from '../../src/simulator/vcda/inventory-seed';
import { SIM_ENV, virtualClock, type VirtualClock } from '../helpers/context';
import { configOf, objectOf, refreshedBy } from '../helpers/provider-types';
import { vcdaConnection, VCDA_SIM_ENV, vrConnection } from '../helpers/sim-connections';

const ENV = { ...SIM_ENV, ...VCDA_SIM_ENV };
/** The reason service.ts gives StopProvider's abort. */
const STOPPED = 'Terraform asked the provider to stop (interrupted); run apply again to resume: creates are idempotent';
/** Ten minutes of virtual time: a task that is still running when the create is cut short. */
const LONG_TASK_MS = 600_000;

let sim: RunningSimulator;
let clock: VirtualClock;

beforeEach(async () => {
  clock = virtualClock();
  sim = await startSimulator({ taskDelayMs: LONG_TASK_MS, validateResponses: true, clock });
});

afterEach(async () => {
  await sim.close();
});

interface ProviderProcess {
  readonly runtime: ResourceRuntime;
  readonly stop: AbortController;
}

/**
 * One provider process as service.ts makes it: one client factory whose requests and waits StopProvider cancels,
 * the ownership records of the machine it runs on.
 */
function providerProcess(ownership: OwnershipRecords, time: Clock = clock): ProviderProcess {
  const stop = new AbortController();
  const log = { info: () => undefined, warn: () => undefined, debug: () => undefined };
  const clients = createClientFactory({ log, env: ENV, signal: stop.signal, clock: time, timeoutMs: 60_000 });
  const connections: Record<string, unknown> = { vr: vrConnection(sim.url), vcda: vcdaConnection(sim.url) };
  const context = (warnings: string[]): Context => ({
    env: ENV,
    log: { ...log, warn: (message: string) => void warnings.push(message) },
    progress: { start: () => undefined, update: () => undefined, stop: () => undefined },
    clients,
    signal: stop.signal,
    ownership,
    clock: time,
  });
  return {
    stop,
    runtime: {
      connectionFor: (vendor) => connections[vendor],
      context,
      stopReason: () => (stop.signal.aborted && stop.signal.reason instanceof Error ? stop.signal.reason : undefined),
    },
  };
}

/** Virtual time that sends StopProvider at the first sleep (a task poll's) after which `made()` holds. */
function stoppingWhen(made: () => boolean, process: () => ProviderProcess): Clock {
  return {
    now: () => clock.now(),
    async sleep(ms, signal) {
      await clock.sleep(ms, signal);
      if (!process().stop.signal.aborted && made()) process().stop.abort(new Error(STOPPED));
      if (signal?.aborted) throw signal.reason;
    },
  };
}

/** A process that StopProvider interrupts once `made()` holds. */
function interruptedWhen(made: () => boolean, ownership: OwnershipRecords): ProviderProcess {
  let process: ProviderProcess | undefined;
  process = providerProcess(ownership, stoppingWhen(made, () => process ?? fail('no process')));
  return process;
}

function fail(message: string): never {
  throw new Error(message);
}

async function typeOf(kind: string, process: ProviderProcess): Promise<ResourceType> {
  return new ResourceType(await kindFor(kind)).bind(process.runtime);
}

/** plan (no diagnostic) + apply of a new resource. */
async function createWith(type: ResourceType, json: Record<string, unknown>) {
  const config = configOf(type, json);
  const plan = await type.plan(null, config, config, undefined);
  expect(plan.diagnostics).toEqual([]);
  return type.apply(null, plan.planned, undefined);
}

const vrReplication = (rpo: number, extra: Record<string, unknown> = {}) => ({
  pairing: { remote_site: 'vc-b.example.local' },
  vm: { name: 'web-01' },
  target: { datastore: 'ds-b-gold' },
  settings: { rpo_minutes: rpo },
  owner: 'app/web-01',
  ...extra,
});

const vcdaReplication = (rpo: number) => ({
  source: { site: 'site1', vm_id: VCDA_VM_IDS['vcd-web-01'] },
  destination: { site: 'site2', vdc: VCDA_VDC_IDS['vdc-gold'] },
  settings: { rpo_minutes: rpo },
  owner: 'app/vcd-web-01',
});

const configures = () => sim.requests.filter((r) => r.method === 'POST' && r.operationId === 'configureReplication');

describe('vr.replication (ownership in this machine records)', () => {
  test('interrupted during the configure task: the replication is in the state with a warning, no error', async () => {
    const first = interruptedWhen(() => sim.vr.state.replications.length > 0, memoryOwnershipRecords());
    const applied = await createWith(await typeOf('vr.replication', first), vrReplication(15));

    expect(first.stop.signal.aborted).toBe(true);
    const [replication] = sim.vr.state.replications;
    expect(replication.info.configuration_state).toBe('IN_PROGRESS');
    expect(applied.diagnostics).toEqual([
      {
        severity: 'WARNING',
        summary: `repliform_vr_replication ${replication.info.id}: the create was interrupted after the object was made; it is in the state`,
        detail: expect.stringMatching(
          /^Terraform asked the provider to stop \(interrupted\); .* \(stopped waiting for .*\)\. The object exists and is this configuration's, owned by app\/web-01, so the state holds it: run terraform apply again/,
        ),
      },
    ]);
    expect(objectOf(applied.state)).toMatchObject({ id: replication.info.id, owner: 'app/web-01', configuration_state: 'IN_PROGRESS', settings: { rpo_minutes: 15 } });
  });

  test('the next apply on a fresh machine (no ownership records) takes it up in place: no adopt refusal, one replication', async () => {
    const first = interruptedWhen(() => sim.vr.state.replications.length > 0, memoryOwnershipRecords());
    const state = objectOf((await createWith(await typeOf('vr.replication', first), vrReplication(15))).state);
    const id = String(state.id);

    const fresh = await typeOf('vr.replication', providerProcess(memoryOwnershipRecords()));
    const refreshed = await refreshedBy(fresh, state);
    expect(refreshed.id).toBe(id);
    const same = configOf(fresh, vrReplication(15));
    expect((await fresh.plan(refreshed, same, same, undefined)).planned).toBe(refreshed);

    const changed = configOf(fresh, vrReplication(30));
    const plan = await fresh.plan(refreshed, changed, changed, undefined);
    expect(plan).toMatchObject({ requiresReplace: [], diagnostics: [] });
    const updated = await fresh.apply(refreshed, plan.planned, undefined);
    expect(updated.diagnostics).toEqual([]);
    expect(objectOf(updated.state)).toMatchObject({ id, settings: { rpo_minutes: 30 } });
    expect(sim.vr.state.replications.map((r) => [r.info.id, r.info.rpo, r.info.configuration_state])).toEqual([[id, 30, 'OK']]);
    expect(configures()).toHaveLength(1);

    const settled = await refreshedBy(fresh, objectOf(updated.state));
    expect((await fresh.plan(settled, changed, changed, undefined)).planned).toBe(settled);
  });

  test('timed out waiting on the configure task: the replication is in the state with a warning, no error', async () => {
    const applied = await createWith(await typeOf('vr.replication', providerProcess(memoryOwnershipRecords())), vrReplication(15, { timeouts: { create: '1m' } }));

    const [replication] = sim.vr.state.replications;
    expect(applied.diagnostics).toEqual([
      {
        severity: 'WARNING',
        summary: `repliform_vr_replication ${replication.info.id}: the create was timed out after the object was made; it is in the state`,
        detail: expect.stringMatching(/^timed out after 60 s waiting for .*The object exists and is this configuration's, owned by app\/web-01,/s),
      },
    ]);
    expect(objectOf(applied.state)).toMatchObject({ id: replication.info.id, configuration_state: 'IN_PROGRESS' });
    expect(configures()).toHaveLength(1);
  });

  test('a configure task that fails keeps the error and stores nothing', async () => {
    sim.faults.addRule({ path: '/pairings/*/replications', method: 'POST', taskError: 'Target datastore is full', count: 1 });
    const applied = await createWith(await typeOf('vr.replication', providerProcess(memoryOwnershipRecords())), vrReplication(15));

    expect(applied.state).toBeNull();
    expect(applied.diagnostics.map((d) => [d.severity, d.summary])).toEqual([['ERROR', expect.stringMatching(/\(Configure replication web-01\) ended ERROR: Target datastore is full$/)]]);
    expect(sim.vr.state.replications).toEqual([]);
  });
});

describe('vcda.replication (ownership in the description marker)', () => {
  test('interrupted once the start task made the replication: in the state; a fresh machine updates it in place', async () => {
    const first = interruptedWhen(() => sim.vcda.state.replications.length > 0, memoryOwnershipRecords());
    const applied = await createWith(await typeOf('vcda.replication', first), vcdaReplication(15));

    const [replication] = sim.vcda.state.replications;
    expect(applied.diagnostics).toEqual([
      {
        severity: 'WARNING',
        summary: `repliform_vcda_replication ${replication.info.id}: the create was interrupted after the object was made; it is in the state`,
        detail: expect.stringContaining("The object exists and is this configuration's, owned by app/vcd-web-01,"),
      },
    ]);
    const state = objectOf(applied.state);
    expect(state).toMatchObject({ id: replication.info.id, owner: 'app/vcd-web-01' });

    const fresh = await typeOf('vcda.replication', providerProcess(memoryOwnershipRecords()));
    const refreshed = await refreshedBy(fresh, state);
    const changed = configOf(fresh, vcdaReplication(30));
    const plan = await fresh.plan(refreshed, changed, changed, undefined);
    expect(plan).toMatchObject({ requiresReplace: [], diagnostics: [] });
    const updated = await fresh.apply(refreshed, plan.planned, undefined);
    expect(updated.diagnostics).toEqual([]);
    expect(sim.vcda.state.replications.map((r) => [r.info.id, r.info.settings.rpo])).toEqual([[replication.info.id, 30]]);
    expect(sim.requests.filter((r) => r.method === 'POST' && r.path === '/vcda/vm-replications')).toHaveLength(1);
  });

  test('interrupted before the start task made anything: the error stands and nothing is stored', async () => {
    const first = interruptedWhen(() => sim.vcda.state.tasks.some((record) => record.kind === 'start'), memoryOwnershipRecords());
    const applied = await createWith(await typeOf('vcda.replication', first), vcdaReplication(15));

    expect(sim.vcda.state.replications).toEqual([]);
    expect(applied.state).toBeNull();
    expect(applied.diagnostics).toEqual([{ severity: 'ERROR', summary: STOPPED, detail: expect.stringMatching(/^create of repliform_vcda_replication was interrupted: stopped waiting for /) }]);
  });
});

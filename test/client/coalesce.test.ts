/**
 * Concurrent lookups gathered into one request: the coalescer with a fake scheduler, then VrClient's VM and
 * replication lookups against the simulator over HTTP.
 */
import { createCoalescer } from '../../lib/client/coalesce';
import { VrClient } from '../../lib/client/vr/vr-client';
import { startSimulator, type RunningSimulator } from '../../src/simulator';
import { SIM_ENV } from '../helpers/context';

function manualScheduler() {
  const pending: Array<() => void> = [];
  return { schedule: (run: () => void) => void pending.push(run), flush: () => pending.splice(0).forEach((run) => run()) };
}

describe('createCoalescer', () => {
  test('lookups of one group within the window are one fetch of all their keys; each gets the whole answer', async () => {
    const fetches: Array<[string, readonly string[]]> = [];
    const scheduler = manualScheduler();
    const lookup = createCoalescer(async (group, keys) => {
      fetches.push([group, [...keys]]);
      return keys.map((key) => `${group}:${key}`);
    }, { windowMs: 20, schedule: scheduler.schedule });
    const answers = [lookup('p1', 'a'), lookup('p1', 'b'), lookup('p2', 'c'), lookup('p1', 'a')];
    scheduler.flush();
    expect(await Promise.all(answers)).toEqual([['p1:a', 'p1:b'], ['p1:a', 'p1:b'], ['p2:c'], ['p1:a', 'p1:b']]);
    expect(fetches).toEqual([['p1', ['a', 'b']], ['p2', ['c']]]);
  });

  test('a full batch closes: the next key starts another request', async () => {
    const fetches: string[][] = [];
    const scheduler = manualScheduler();
    const lookup = createCoalescer(async (_group, keys) => {
      fetches.push([...keys]);
      return [];
    }, { windowMs: 20, maxKeys: 2, schedule: scheduler.schedule });
    const answers = ['a', 'b', 'c'].map((key) => lookup('p', key));
    scheduler.flush();
    await Promise.all(answers);
    expect(fetches).toEqual([['a', 'b'], ['c']]);
  });

  test('a failed fetch fails every lookup of its batch; a window of 0 fetches each key on its own', async () => {
    const scheduler = manualScheduler();
    const failing = createCoalescer<string>(async () => Promise.reject(new Error('GET … → 500')), { windowMs: 20, schedule: scheduler.schedule });
    const answers = [failing('p', 'a'), failing('p', 'b')];
    scheduler.flush();
    await expect(Promise.all(answers)).rejects.toThrow('GET … → 500');
    const fetches: string[][] = [];
    const direct = createCoalescer(async (_group, keys) => (fetches.push([...keys]), []), { windowMs: 0 });
    await Promise.all([direct('p', 'a'), direct('p', 'b')]);
    expect(fetches).toEqual([['a'], ['b']]);
  });
});

describe('VrClient lookups with a coalescing window', () => {
  let sim: RunningSimulator;
  beforeAll(async () => {
    sim = await startSimulator({ taskDelayMs: 20 });
  });
  afterAll(async () => {
    await sim.close();
  });

  test('five concurrent VM and replication lookups on one pairing are one list request each, with exact answers', async () => {
    const client = new VrClient({
      endpoint: sim.url,
      credentials: { username: SIM_ENV.VR_SITE_A_USER ?? '', password: SIM_ENV.VR_SITE_A_PASSWORD ?? '' },
      coalesceWindowMs: 10,
    });
    const [pairing] = await client.listPairings();
    const pairingId = pairing.pairing_id ?? '';
    const vcId = pairing.local_vc_server?.id ?? '';
    const names = ['web-01', 'web-02', 'app-01', 'db-01', 'no-such-vm'];
    const before = sim.requests.length;
    const vms = await Promise.all(names.map((name) => client.findSuitableVms(pairingId, vcId, name)));
    const replications = await Promise.all(names.map((name) => client.findReplicationsOfVm(pairingId, { id: null, name })));
    const made = sim.requests.slice(before).map((r) => `${r.method} ${r.path.replace(/^.*\/v2/, '').replace(pairingId, 'P').replace(vcId, 'VC')}`);
    expect(made).toEqual(['GET /pairings/P/vcenters/VC/vms', 'GET /pairings/P/replications']);
    expect(vms.map((found) => found.map((vm) => vm.name))).toEqual([['web-01'], ['web-02'], ['app-01'], ['db-01'], []]);
    expect(replications.map((found) => found.length)).toEqual([0, 0, 0, 0, 0]);
    await client.logout();
  });
});

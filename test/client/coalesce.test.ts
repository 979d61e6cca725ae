/**
 * Concurrent lookups gathered into one request: the coalescer with a fetch the test answers, then VrClient's VM and
 * replication lookups against the simulator over HTTP.
 */
import { createCoalescer } from '../../lib/client/coalesce';
import { VrClient } from '../../lib/client/vr/vr-client';
import { startSimulator, type RunningSimulator } from '../../src/simulator';
import { SIM_ENV } from '../helpers/context';

/** A fetch whose answers the test releases one request at a time. */
function controlledFetch() {
  const requests: Array<{ group: string; keys: string[]; answer: () => void; fail: (error: Error) => void }> = [];
  const fetch = (group: string, keys: readonly string[]) =>
    new Promise<readonly string[]>((resolve, reject) => {
      requests.push({ group, keys: [...keys], answer: () => resolve(keys.map((key) => `${group}:${key}`)), fail: reject });
    });
  const sent = () => requests.map((request) => `${request.group} ${request.keys.join(',')}`);
  return { fetch, requests, sent };
}

const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('createCoalescer', () => {
  test('a lookup with nothing of its group in flight goes out at once, alone', async () => {
    const server = controlledFetch();
    const lookup = createCoalescer(server.fetch, { enabled: true });
    const answer = lookup('p1', 'a');
    expect(server.sent()).toEqual(['p1 a']);
    server.requests[0].answer();
    expect(await answer).toEqual(['p1:a']);
  });

  test('lookups arriving while one is in flight go out together when it lands; other groups are not held', async () => {
    const server = controlledFetch();
    const lookup = createCoalescer(server.fetch, { enabled: true });
    const first = lookup('p1', 'a');
    const later = [lookup('p1', 'b'), lookup('p1', 'c'), lookup('p2', 'd'), lookup('p1', 'b')];
    expect(server.sent()).toEqual(['p1 a', 'p2 d']);
    server.requests[0].answer();
    expect(await first).toEqual(['p1:a']);
    await settle();
    expect(server.sent()).toEqual(['p1 a', 'p2 d', 'p1 b,c']);
    server.requests[1].answer();
    server.requests[2].answer();
    expect(await Promise.all(later)).toEqual([['p1:b', 'p1:c'], ['p1:b', 'p1:c'], ['p2:d'], ['p1:b', 'p1:c']]);
  });

  test('a lookup is never answered by a request sent before it was asked, even for the same key', async () => {
    const server = controlledFetch();
    const lookup = createCoalescer(server.fetch, { enabled: true });
    const first = lookup('p', 'a');
    const again = lookup('p', 'a');
    server.requests[0].answer();
    await first;
    await settle();
    expect(server.sent()).toEqual(['p a', 'p a']);
    server.requests[1].answer();
    expect(await again).toEqual(['p:a']);
  });

  test('a full waiting batch goes out at once; the next key starts the next waiting batch', async () => {
    const server = controlledFetch();
    const lookup = createCoalescer(server.fetch, { enabled: true, maxKeys: 2 });
    const answers = ['a', 'b', 'c', 'd'].map((key) => lookup('p', key));
    expect(server.sent()).toEqual(['p a', 'p b,c']);
    server.requests[0].answer();
    await settle();
    expect(server.sent()).toEqual(['p a', 'p b,c', 'p d']);
    server.requests[1].answer();
    server.requests[2].answer();
    expect(await Promise.all(answers)).toEqual([['p:a'], ['p:b', 'p:c'], ['p:b', 'p:c'], ['p:d']]);
  });

  test('a failed request fails every lookup of its batch, and the batch waiting behind it still goes out', async () => {
    const server = controlledFetch();
    const lookup = createCoalescer(server.fetch, { enabled: true });
    const first = lookup('p', 'a');
    const second = [lookup('p', 'b'), lookup('p', 'c')];
    server.requests[0].fail(new Error('GET … → 500'));
    await expect(first).rejects.toThrow('GET … → 500');
    await settle();
    server.requests[1].fail(new Error('GET … → 503'));
    await expect(Promise.all(second)).rejects.toThrow('GET … → 503');
    expect(server.sent()).toEqual(['p a', 'p b,c']);
  });

  test('disabled, every lookup is its own request, even while another is in flight', () => {
    const server = controlledFetch();
    const lookup = createCoalescer(server.fetch, { enabled: false });
    void lookup('p', 'a');
    void lookup('p', 'b');
    expect(server.sent()).toEqual(['p a', 'p b']);
  });
});

describe('VrClient lookups, gathered', () => {
  let sim: RunningSimulator;
  beforeAll(async () => {
    sim = await startSimulator({ taskDelayMs: 20 });
  });
  afterAll(async () => {
    await sim.close();
  });

  test('five concurrent VM and replication lookups on one pairing: the first goes out alone, the four behind it in one list request, exact answers', async () => {
    const client = new VrClient({
      endpoint: sim.url,
      credentials: { username: SIM_ENV.VR_SITE_A_USER ?? '', password: SIM_ENV.VR_SITE_A_PASSWORD ?? '' },
      coalesceLookups: true,
    });
    const [pairing] = await client.listPairings();
    const pairingId = pairing.pairing_id ?? '';
    const vcId = pairing.local_vc_server?.id ?? '';
    const names = ['web-01', 'web-02', 'app-01', 'db-01', 'no-such-vm'];
    const before = sim.requests.length;
    const vms = await Promise.all(names.map((name) => client.findSuitableVms(pairingId, vcId, name)));
    const replications = await Promise.all(names.map((name) => client.findReplicationsOfVm(pairingId, { id: null, name })));
    const made = sim.requests.slice(before).map((r) => `${r.method} ${r.path.replace(/^.*\/v2/, '').replace(pairingId, 'P').replace(vcId, 'VC')} ${[r.query.filter ?? ''].flat().join(',')}`);
    expect(made).toEqual([
      'GET /pairings/P/vcenters/VC/vms web-01',
      'GET /pairings/P/vcenters/VC/vms web-02,app-01,db-01,no-such-vm',
      'GET /pairings/P/replications web-01',
      'GET /pairings/P/replications web-02,app-01,db-01,no-such-vm',
    ]);
    expect(vms.map((found) => found.map((vm) => vm.name))).toEqual([['web-01'], ['web-02'], ['app-01'], ['db-01'], []]);
    expect(replications.map((found) => found.length)).toEqual([0, 0, 0, 0, 0]);
    await client.logout();
  });
});

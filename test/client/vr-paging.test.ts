/**
 * VR paging behind a reverse proxy, NAT address or DNS alias: the appliance names its own address in
 * `_meta.links.next.href`, not the one the client was given. The link's path and query are followed on the
 * configured endpoint; a link whose path leaves the API root is still refused, before any request to it.
 */
import { ApiError } from '../../lib/client/http/errors';
import { VrClient } from '../../lib/client/vr/vr-client';
import { DEFAULT_USERS, PAIRING_ID, SITE_A, startSimulator, type RunningSimulator } from '../../src/simulator';
import { fakeClock, startCaptureServer, type CaptureServer } from './helpers/capture-server';

const API = '/api/rest/vr/v2';

function clientOf(endpoint: string): VrClient {
  return new VrClient({ endpoint, credentials: DEFAULT_USERS.local, remoteCredentials: DEFAULT_USERS.remote, clock: fakeClock(), random: () => 1 });
}

describe('an appliance that names another host in its paging links', () => {
  let sim: RunningSimulator;
  beforeEach(async () => {
    sim = await startSimulator({ taskDelayMs: 0, extraVms: 150, linkOrigin: 'https://vrms-a.internal.example:8443' });
  });
  afterEach(() => sim.close());

  it('reads every page of a list over one page through the configured endpoint', async () => {
    const vms = await clientOf(sim.url).listVms(PAIRING_ID, SITE_A.vcId);

    expect(vms.length).toBeGreaterThan(150);
    expect(vms.filter((vm) => vm.name?.startsWith('bench-'))).toHaveLength(150);
    expect(new Set(vms.map((vm) => vm.id)).size).toBe(vms.length);
    const pages = sim.requests.filter((r) => r.method === 'GET' && r.path.endsWith(`/vcenters/${SITE_A.vcId}/vms`));
    expect(pages.map((r) => r.query.offset ?? '0')).toEqual(['0', '100']);
  });
});

describe('paging links on another host (capture server)', () => {
  let server: CaptureServer;
  beforeEach(async () => {
    server = await startCaptureServer();
    server.route(`POST ${API}/session`, { body: { session_id: 'sess-1' } });
  });
  afterEach(() => server.close());

  it('follows the path and query of a link on another host on the configured origin, with the session', async () => {
    server.route(`GET ${API}/pairings`, (req) =>
      req.query === ''
        ? { body: { list: [{ pairing_id: 'p1' }], _meta: { links: { next: { href: `https://10.0.0.7:8443${API}/pairings?limit=1&offset=1` } } } } }
        : { body: { list: [{ pairing_id: 'p2' }], _meta: { links: { next: null } } } },
    );
    const pairings = await clientOf(server.origin).listPairings();
    expect(pairings.map((p) => p.pairing_id)).toEqual(['p1', 'p2']);
    const pages = server.received(`GET ${API}/pairings`);
    expect(pages.map((r) => r.query)).toEqual(['', 'limit=1&offset=1']);
    expect(pages.map((r) => r.headers['x-dr-session'])).toEqual(['sess-1', 'sess-1']);
  });

  it.each([
    ['another API version on another host', 'https://10.0.0.7:8443/api/rest/vr/v1/pairings?offset=1', 'https://10.0.0.7:8443/api/rest/vr/v1/pairings?offset=1'],
    ['a path that climbs out of the API root', `https://10.0.0.7:8443${API}/../../../admin/pairings?offset=1`, 'https://10.0.0.7:8443/api/admin/pairings?offset=1'],
  ])('still refuses a link whose path leaves the API root: %s', async (_case, href, shown) => {
    server.route(`GET ${API}/pairings`, { body: { list: [{ pairing_id: 'p1' }], _meta: { links: { next: { href } } } } });
    const error = await clientOf(server.origin).listPairings().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as Error).message).toBe(
      `GET ${API}/pairings → 200: unexpected response, the paging link _meta.links.next.href of pairings is not under the API root ${server.origin}${API}: ${JSON.stringify(shown)}`,
    );
    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual([`POST ${API}/session`, `GET ${API}/pairings`]);
  });
});

/**
 * The SDRS client's lists against a simulator whose `count` is the number of items in the page, not of the whole
 * list (it then disagrees with what the list holds): the client reads pages until an empty or short one, as
 * Huawei's provider reads until an empty page (docs/vendors/sdrs.md), never stopping at `count`.
 */
import axios from 'axios';
import { SdrsClient } from '../../lib/client/sdrs';
import { SDRS_ACCESS_KEY, SDRS_PROJECT_ID, SDRS_SECRET_KEY } from '../../src/simulator';
import { startSdrsSim, type SdrsTestSim } from './sdrs-helpers';

let t: SdrsTestSim;

afterEach(async () => {
  await t.sim.close();
});

const NAMES = ['pg-1', 'pg-2', 'pg-3', 'pg-4', 'pg-5'];

async function fiveGroups(listCount: 'matched' | 'page'): Promise<SdrsClient> {
  t = await startSdrsSim({ sdrs: { listCount } });
  for (const name of NAMES) await axios.post(`${t.sim.url}/_sim/sdrs/server-groups`, { name });
  return new SdrsClient({ endpoint: `${t.sim.url}/sdrs`, projectId: SDRS_PROJECT_ID, credentials: { accessKey: SDRS_ACCESS_KEY, secretKey: SDRS_SECRET_KEY }, pageSize: 2, retry: { maxAttempts: 1 }, clock: { now: () => t.clock.now(), sleep: async () => Promise.resolve() } });
}

const offsetsAsked = () => t.sim.requests.filter((r) => r.operationId === 'listServerGroups').map((r) => r.query.offset);

test('count smaller than the list (the page count): every item is read, pages until a short one', async () => {
  const client = await fiveGroups('page');
  expect((await client.listProtectionGroups()).map((group) => group.name)).toEqual(NAMES);
  expect(offsetsAsked()).toEqual(['0', '2', '4']);
});

test('count of every match: the same items, the same pages', async () => {
  const client = await fiveGroups('matched');
  expect((await client.listProtectionGroups()).map((group) => group.name)).toEqual(NAMES);
  expect(offsetsAsked()).toEqual(['0', '2', '4']);
});

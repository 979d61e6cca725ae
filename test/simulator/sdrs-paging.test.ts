/**
 * The SDRS client's lists against a simulator whose `count` is the number of items in the page, not of the whole
 * list (it then disagrees with what the list holds): the client reads pages until an empty or short one, as
 * Huawei's provider reads until an empty page (docs/vendors/sdrs.md), never stopping at `count`.
 */
import axios from 'axios';
import { SdrsClient } from '../../lib/client/sdrs';
import { SDRS_ACCESS_KEY, SDRS_PROJECT_ID, SDRS_SECRET_KEY } from '../../src/simulator';
import { startSdrsSim, type SdrsTestSim } from './sdrs-helpers';
import { withSimulator } from '../helpers/simulator';

const NAMES = ['pg-1', 'pg-2', 'pg-3', 'pg-4', 'pg-5'];

/** A simulator whose lists' `count` says `listCount`, holding five groups. */
const withFiveGroups = <T>(listCount: 'matched' | 'page', use: (t: SdrsTestSim) => Promise<T>): Promise<T> => withSimulator(() => startSdrsSim({ sdrs: { listCount } }), use);

async function fiveGroups(t: SdrsTestSim): Promise<SdrsClient> {
  for (const name of NAMES) await axios.post(`${t.sim.url}/_sim/sdrs/server-groups`, { name });
  return new SdrsClient({ endpoint: `${t.sim.url}/sdrs`, projectId: SDRS_PROJECT_ID, credentials: { accessKey: SDRS_ACCESS_KEY, secretKey: SDRS_SECRET_KEY }, pageSize: 2, retry: { maxAttempts: 1 }, clock: { now: () => t.clock.now(), sleep: async () => Promise.resolve() } });
}

const offsetsAsked = (t: SdrsTestSim) => t.sim.requests.filter((r) => r.operationId === 'listServerGroups').map((r) => r.query.offset);

test('count smaller than the list (the page count): every item is read, pages until a short one', () =>
  withFiveGroups('page', async (t) => {
    const client = await fiveGroups(t);
    expect((await client.listProtectionGroups()).map((group) => group.name)).toEqual(NAMES);
    expect(offsetsAsked(t)).toEqual(['0', '2', '4']);
  }));

test('count of every match: the same items, the same pages', () =>
  withFiveGroups('matched', async (t) => {
    const client = await fiveGroups(t);
    expect((await client.listProtectionGroups()).map((group) => group.name)).toEqual(NAMES);
    expect(offsetsAsked(t)).toEqual(['0', '2', '4']);
  }));

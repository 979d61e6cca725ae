/**
 * The tests' one way to have a simulator (test/helpers/simulator.ts) closes what it started: after the test's
 * function returns, after it throws, and — for useSimulator — the one a restart replaced.
 */
import axios from 'axios';
import * as http from 'node:http';
import type { RunningSimulator } from '../../src/simulator';
import { useSimulator, withSimulator } from '../helpers/simulator';
import { startTestSim } from './helpers';

/** What a request on a new connection to the simulator's address gets once it is closed: the connection is refused. */
async function refused(url: string): Promise<string | undefined> {
  try {
    await axios.get(`${url}/_sim/state`, { httpAgent: new http.Agent({ keepAlive: false }) });
    return undefined;
  } catch (error) {
    return (error as { code?: string }).code;
  }
}

test('withSimulator hands over a running simulator and closes it when the test function returns', async () => {
  let url = '';
  const answer = await withSimulator({}, async (sim: RunningSimulator) => {
    url = sim.url;
    return (await axios.get(`${sim.url}/_sim/state`)).status;
  });
  expect(answer).toBe(200);
  expect(await refused(url)).toBe('ECONNREFUSED');
});

test('withSimulator closes the simulator when the test function throws, and rethrows', async () => {
  let url = '';
  await expect(
    withSimulator(() => startTestSim(), async (t) => {
      url = t.sim.url;
      throw new Error('assertion failed');
    }),
  ).rejects.toThrow('assertion failed');
  expect(await refused(url)).toBe('ECONNREFUSED');
});

describe('useSimulator', () => {
  const t = useSimulator(() => startTestSim());
  const seen: string[] = [];

  it('serves a running simulator to each test, and a restart closes the one before', async () => {
    const before = t.sim.url;
    seen.push(before);
    await t.restart(() => startTestSim({ taskDelayMs: 0 }));
    expect(t.sim.url).not.toBe(before);
    expect(await refused(before)).toBe('ECONNREFUSED');
    seen.push(t.sim.url);
  });

  it('closed the simulator of the test before, after it', async () => {
    expect(await refused(seen[1] ?? '')).toBe('ECONNREFUSED');
    expect((await axios.get(`${t.sim.url}/_sim/state`)).status).toBe(200);
  });
});

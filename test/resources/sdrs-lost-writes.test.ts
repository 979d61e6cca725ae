/**
 * SDRS creates whose answer is lost (the simulator drops the response after the create landed): the group and the
 * protected instance follow the core write rule as the pair does — the re-read finds what landed and takes it, so
 * the create converges in one run with one POST and one object, instead of failing and leaving it for a rerun.
 */
import { sdrsProtectedInstanceHandler } from '../../src/resources/sdrs/protected-instance/handler';
import { sdrsProtectionGroupHandler } from '../../src/resources/sdrs/protection-group/handler';
import { ownerMarker } from '../../src/resources/sdrs/marker';
import { SDRS_PROJECT_ID, SDRS_SERVER_IDS, startSimulator, type RunningSimulator } from '../../src/simulator';
import { testContext, type TestContext } from '../helpers/context';
import { sdrsConnection, sdrsGroupJson, sdrsGroupRef, SDRS_SIM_ENV } from '../helpers/sim-connections';

const GROUP_OWNER = 'app/web-group';
const WEB_01 = SDRS_SERVER_IDS['ecs-web-01'];

let sim: RunningSimulator;
beforeEach(async () => {
  sim = await startSimulator({ validateResponses: true, taskDelayMs: 0 });
});
afterEach(async () => sim.close());

const ctx = (): TestContext => testContext(SDRS_SIM_ENV, { ownership: null });
const groupRaw = () => ({ connection: sdrsConnection(sim.url), ...sdrsGroupJson(GROUP_OWNER) });
const instanceRaw = () => ({ connection: sdrsConnection(sim.url), owner: 'app/web-01', group: sdrsGroupRef(GROUP_OWNER), server_id: WEB_01, name: 'web-01' });
const posts = (path: string) => sim.requests.filter((r) => r.method === 'POST' && r.path === `/sdrs/v1/${SDRS_PROJECT_ID}${path}`);

async function createGroup(c: TestContext = ctx()): Promise<unknown> {
  return sdrsProtectionGroupHandler.create(sdrsProtectionGroupHandler.parseSpec(groupRaw(), 'create'), c);
}

test('a group create whose answer is lost is found by the re-read and taken: one POST, one group', async () => {
  sim.faults.addRule({ service: 'sdrs', method: 'POST', path: '/v1/*/server-groups', dropResponse: true, count: 1 });
  const c = ctx();
  const made = await createGroup(c);
  expect(sim.sdrs.state.groups).toHaveLength(1);
  expect(sim.sdrs.state.groups[0]).toMatchObject({ name: 'web-group', description: ownerMarker(GROUP_OWNER) });
  expect(made).toMatchObject({ id: sim.sdrs.state.groups[0]?.id, name: 'web-group' });
  expect(posts('/server-groups')).toHaveLength(1);
  expect(c.lines).toContain(`info: protection group web-group (az-a → az-b): the create request landed although its answer was lost; taking group ${sim.sdrs.state.groups[0]?.id}`);
});

test('a protected-instance create whose answer is lost is found by the re-read and taken: one POST, one instance', async () => {
  await createGroup();
  sim.faults.addRule({ service: 'sdrs', method: 'POST', path: '/v1/*/protected-instances', dropResponse: true, count: 1 });
  const c = ctx();
  const made = await sdrsProtectedInstanceHandler.create(sdrsProtectedInstanceHandler.parseSpec(instanceRaw(), 'create'), c);
  expect(sim.sdrs.state.instances).toHaveLength(1);
  expect(made).toMatchObject({ id: sim.sdrs.state.instances[0]?.id });
  expect(posts('/protected-instances')).toHaveLength(1);
});

test('a group create lost before it reached SDRS is re-read, found missing, and sent once more: two POSTs, one group', async () => {
  sim.faults.addRule({ service: 'sdrs', method: 'POST', path: '/v1/*/server-groups', reset: true, count: 1 });
  const c = ctx();
  await createGroup(c);
  expect(sim.sdrs.state.groups).toHaveLength(1);
  expect(posts('/server-groups')).toHaveLength(2);
  expect(c.lines.some((l) => l.startsWith('warn: protection group web-group (az-a → az-b): the create request failed in transit') && l.endsWith('and did not land; sending it again'))).toBe(true);
});

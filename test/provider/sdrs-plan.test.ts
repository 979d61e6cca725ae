/**
 * The provider's resource types of the SDRS kinds, driven as Terraform drives them (plan, apply, read) against the
 * simulator over HTTP: a replication pair shrink is refused at plan time, naming the field, the live size and the
 * value given, with nothing sent to SDRS (an expansion plans in place); a protected instance deleted outside
 * Terraform is read as gone (removed from the state) and its destroy succeeds.
 */
import axios from 'axios';
import type { ResourceType } from '../../src/provider/resource-type';
import { SDRS_SERVER_IDS, SDRS_VOLUME_IDS } from '../../src/simulator';
import { configOf, createdBy, objectOf, sdrsTypeOf } from '../helpers/provider-types';
import { sdrsGroupJson, sdrsGroupRef } from '../helpers/sim-connections';
import { useSimulator } from '../helpers/simulator';

const DATA = SDRS_VOLUME_IDS['evs-web-01-data'];
const groupRef = sdrsGroupRef('app/group');

const sim = useSimulator({ taskDelayMs: 0, validateResponses: true });
const typeOf = (kind: string): Promise<ResourceType> => sdrsTypeOf(sim, kind);

async function withGroup(): Promise<void> {
  await createdBy(await typeOf('sdrs.protection-group'), sdrsGroupJson('app/group'));
}

const pairJson = (size: number) => ({ group: groupRef, volume_id: DATA, name: 'web-data', size_gb: size, owner: 'app/web-data' });
const sdrsWrites = () => sim.requests.filter((r) => r.service === 'sdrs' && r.method !== 'GET').map((r) => r.operationId);

test('a pair shrink (150 → 120 GB) is refused at plan time, naming the field, the live size and the value; nothing is sent', async () => {
  await withGroup();
  const pairs = await typeOf('sdrs.replication-pair');
  const state = await createdBy(pairs, pairJson(150));
  const refreshed = objectOf((await pairs.read(state, undefined)).state);
  expect(refreshed.size_gb).toBe(150);
  sim.clearRequests();

  const shrink = configOf(pairs, pairJson(120));
  const plan = await pairs.plan(refreshed, shrink, shrink, undefined);
  expect(plan.planned).toBeNull();
  expect(plan.diagnostics).toEqual([
    {
      severity: 'ERROR',
      summary: `size_gb: must be at least 150 GB, the size of volume ${DATA} (SDRS only expands, never shrinks), got 120`,
      detail: 'plan of repliform_sdrs_replication_pair rejected: bad input.',
      attribute: expect.anything(),
    },
  ]);
  expect(sdrsWrites()).toEqual([]);

  const grow = configOf(pairs, pairJson(200));
  const growth = await pairs.plan(refreshed, grow, grow, undefined);
  expect([growth.diagnostics, growth.requiresReplace, objectOf(growth.planned).size_gb]).toEqual([[], [], 200]);
});

test('a protected instance deleted outside Terraform: the refresh removes it from the state, the destroy succeeds', async () => {
  await withGroup();
  const instances = await typeOf('sdrs.protected-instance');
  const state = await createdBy(instances, { group: groupRef, server_id: SDRS_SERVER_IDS['ecs-web-01'], name: 'web-01', owner: 'app/web-01' });
  const removed = await axios.delete(`${sim.url}/_sim/sdrs/protected-instances/${String(state.id)}`);
  expect(removed.status).toBe(204);

  expect(await instances.read(state, undefined)).toEqual({ state: null, diagnostics: [] });
  const destroy = await instances.apply(state, null, undefined);
  expect(destroy).toEqual({ state: null, diagnostics: [] });
  expect(sim.sdrs.state.instances).toEqual([]);
});

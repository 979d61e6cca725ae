/**
 * What the simulator's SDRS answers for an object that is gone, kind by kind and operation by operation, as Huawei's
 * own Terraform provider reads it (huaweicloud/terraform-provider-huaweicloud huaweicloud/services/sdrs/*.go, see
 * docs/vendors/sdrs.md): all HTTP 400, a group SDRS.1013 at `error.code`, a pair SDRS.1608 at `error_code`, a
 * protected instance SDRS.1320 (GET) and SDRS.1301 (DELETE) at `error.code`, an attach or detach naming a gone
 * instance SDRS.0208 and a gone pair SDRS.0213 at `error_code`. And a protected instance removed in the console
 * leaves its pairs detached, as the SDRS delete does.
 */
import axios from 'axios';
import { createGroup, createInstance, createPair, startSdrsSim, succeed } from './sdrs-helpers';
import { useSimulator } from '../helpers/simulator';

const t = useSimulator(() => startSdrsSim());

const GONE = '0b5a3c5e-1d2f-4e6a-9b7c-8d9e0f1a2b3c';

async function answer(method: string, apiPath: string, body?: unknown): Promise<[number, unknown]> {
  const response = await t.call(method, apiPath, body === undefined ? {} : { body });
  return [response.status, response.data];
}

const nested = (code: string) => ({ error: { code, message: expect.stringContaining(GONE) } });
const flat = (code: string) => ({ error_code: code, error_msg: expect.stringContaining(GONE) });

test('a gone protection group: GET, PUT and DELETE answer 400 SDRS.1013 at error.code', async () => {
  expect(await answer('GET', `/server-groups/${GONE}`)).toEqual([400, nested('SDRS.1013')]);
  expect(await answer('PUT', `/server-groups/${GONE}`, { server_group: { name: 'x' } })).toEqual([400, nested('SDRS.1013')]);
  expect(await answer('DELETE', `/server-groups/${GONE}`)).toEqual([400, nested('SDRS.1013')]);
});

test('a gone replication pair: GET and DELETE answer 400 SDRS.1608 at error_code', async () => {
  expect(await answer('GET', `/replications/${GONE}`)).toEqual([400, flat('SDRS.1608')]);
  expect(await answer('DELETE', `/replications/${GONE}`, { replication: { delete_target_volume: false } })).toEqual([400, flat('SDRS.1608')]);
});

test('a gone protected instance: GET and PUT answer 400 SDRS.1320, DELETE 400 SDRS.1301, both at error.code', async () => {
  expect(await answer('GET', `/protected-instances/${GONE}`)).toEqual([400, nested('SDRS.1320')]);
  expect(await answer('PUT', `/protected-instances/${GONE}`, { protected_instance: { name: 'x' } })).toEqual([400, nested('SDRS.1320')]);
  expect(await answer('DELETE', `/protected-instances/${GONE}`, { delete_target_server: false, delete_target_eip: false })).toEqual([400, nested('SDRS.1301')]);
});

test('attach and detach naming a gone instance answer SDRS.0208, a gone pair SDRS.0213, at error_code', async () => {
  const groupId = await createGroup(t);
  const pairId = await createPair(t, groupId);
  const instanceId = await createInstance(t, groupId);
  const attach = (instance: string, pair: string) => answer('POST', `/protected-instances/${instance}/attachreplication`, { replicationAttachment: { replication_id: pair, device: '/dev/vdb' } });
  expect(await attach(GONE, pairId)).toEqual([400, flat('SDRS.0208')]);
  expect(await attach(instanceId, GONE)).toEqual([400, flat('SDRS.0213')]);
  expect(await answer('DELETE', `/protected-instances/${GONE}/detachreplication/${pairId}`)).toEqual([400, flat('SDRS.0208')]);
  expect(await answer('DELETE', `/protected-instances/${instanceId}/detachreplication/${GONE}`)).toEqual([400, flat('SDRS.0213')]);
});

test('a protected instance removed in the console leaves its pairs detached (the pair can then be deleted)', async () => {
  const groupId = await createGroup(t);
  const pairId = await createPair(t, groupId);
  const instanceId = await createInstance(t, groupId);
  await succeed(t, 'POST', `/protected-instances/${instanceId}/attachreplication`, { replicationAttachment: { replication_id: pairId, device: '/dev/vdb' } });
  const removed = await axios.delete(`${t.sim.url}/_sim/sdrs/protected-instances/${instanceId}`, { validateStatus: () => true });
  expect(removed.status).toBe(204);
  const pair = t.sim.sdrs.state.pairs.find((candidate) => candidate.id === pairId);
  expect([pair?.attachment, pair?.status]).toEqual([[], 'available']);
  await succeed(t, 'DELETE', `/replications/${pairId}`, { replication: { server_group_id: groupId, delete_target_volume: false } });
  expect(t.sim.sdrs.state.pairs).toEqual([]);
});

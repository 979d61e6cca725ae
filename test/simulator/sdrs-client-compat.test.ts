/**
 * The repliform SDRS client (lib/client/sdrs) against the simulator's SDRS service, both on one fake clock (the
 * client's waits move it): AK/SK-signed and token requests accepted, every job waited on to SUCCESS, lists with
 * the client's filters and paging, not-found read as gone (400 SDRS.1013/1608/0208 → undefined), and a refusal
 * decoded from the flat shape.
 */
import { SdrsClient } from '../../lib/client/sdrs';
import type { Clock } from '../../lib/client/wait';
import { SDRS_ACCESS_KEY, SDRS_PROJECT_ID, SDRS_SECRET_KEY, SDRS_SERVER_IDS, SDRS_TEST_TOKEN, SDRS_VOLUME_IDS } from '../../src/simulator';
import { groupFields, startSdrsSim } from './sdrs-helpers';
import { useSimulator } from '../helpers/simulator';

const t = useSimulator(() => startSdrsSim());

function client(credentials: ConstructorParameters<typeof SdrsClient>[0]['credentials'] = { accessKey: SDRS_ACCESS_KEY, secretKey: SDRS_SECRET_KEY }): SdrsClient {
  const clock: Clock = {
    now: () => t.clock.now(),
    sleep: async (ms) => {
      t.clock.advance(ms);
      await Promise.resolve();
    },
  };
  return new SdrsClient({ endpoint: `${t.sim.url}/sdrs`, projectId: SDRS_PROJECT_ID, credentials, clock, retry: { maxAttempts: 1 } });
}

const wait = { timeoutMs: 60_000 };

it('runs group → pair → instance → attach → protection → teardown through the client, signed', async () => {
  const c = client();
  const created = await c.waitForJob(await c.createProtectionGroup(groupFields('client-group')), wait);
  const groupId = String(created.entities?.server_group_id);
  expect((await c.listProtectionGroups({ name: 'client-group' })).map((group) => group.id)).toEqual([groupId]);

  const pairJob = await c.waitForJob(await c.createReplication({ server_group_id: groupId, volume_id: SDRS_VOLUME_IDS['evs-web-01-data'], name: 'web-data' }), wait);
  const pairId = String(pairJob.entities?.replication_pair_id);
  const instanceJob = await c.waitForJob(await c.createProtectedInstance({ server_group_id: groupId, server_id: SDRS_SERVER_IDS['ecs-web-01'], name: 'web-01' }), wait);
  const instanceId = String(instanceJob.entities?.protected_instance_id);
  await c.waitForJob(await c.attachReplication(instanceId, pairId, '/dev/vdb'), wait);
  await c.waitForJob(await c.startProtection(groupId), wait);

  expect((await c.getProtectionGroup(groupId))?.status).toBe('protected');
  expect((await c.listReplications({ serverGroupIds: [groupId], protectedInstanceId: instanceId })).map((pair) => pair.id)).toEqual([pairId]);
  expect(await c.renameReplication(pairId, 'web-data-2')).toMatchObject({ id: pairId, name: 'web-data-2' });
  await c.waitForJob(await c.expandReplication(pairId, 120), wait);
  expect((await c.getReplication(pairId))?.record_metadata?.volume_size).toBe(120);

  await c.waitForJob(await c.stopProtection(groupId), wait);
  const detach = await c.detachReplication(instanceId, pairId);
  if (detach !== undefined) await c.waitForJob(detach, wait);
  for (const job of [await c.deleteProtectedInstance(instanceId, { deleteTargetServer: true }), await c.deleteReplication(pairId, { serverGroupId: groupId, deleteTargetVolume: true })]) {
    if (job !== undefined) await c.waitForJob(job, wait);
  }
  const groupDelete = await c.deleteProtectionGroup(groupId);
  if (groupDelete !== undefined) await c.waitForJob(groupDelete, wait);

  expect(await c.getProtectionGroup(groupId)).toBeUndefined();
  expect(await c.getReplication(pairId)).toBeUndefined();
  expect(await c.getProtectedInstance(instanceId)).toBeUndefined();
  // Deleting again what is gone succeeds, with the codes Huawei's provider reads as gone (docs/vendors/sdrs.md).
  expect(await c.deleteProtectedInstance(instanceId)).toBeUndefined();
  expect(await c.deleteReplication(pairId, { serverGroupId: groupId })).toBeUndefined();
  expect(await c.detachReplication(instanceId, pairId)).toBeUndefined();
  expect(await c.deleteProtectionGroup(groupId)).toBeUndefined();
  expect(t.sim.sdrs.state.inventory.volumes.filter((volume) => volume.dr)).toEqual([]);
  const refused = t.sim.requests.filter((request) => request.service === 'sdrs' && request.status !== 200);
  expect(refused.map((request) => `${request.status} ${request.operationId ?? ''}`)).toEqual([
    '400 getServerGroup',
    '400 getReplication',
    '400 getProtectedInstance',
    '400 deleteProtectedInstance',
    '400 deleteReplication',
    '400 detachReplication',
    '400 deleteServerGroup',
  ]);
});

it('works with X-Auth-Token and names the refusal of a wrong secret key', async () => {
  expect(await client({ token: SDRS_TEST_TOKEN }).listProtectionGroups()).toEqual([]);
  await expect(client({ accessKey: SDRS_ACCESS_KEY, secretKey: 'wrong' }).listProtectionGroups()).rejects.toThrow(/APIGW\.0301|verify aksk signature fail/);
});

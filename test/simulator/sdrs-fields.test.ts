/**
 * The create fields the simulator's SDRS checks as the contract states them (specs/sdrs-api.json, from Huawei's Go
 * SDK models, see docs/vendors/sdrs.md): a protected instance's tags (`[{key, value}]`), tenancy (`shared` |
 * `dedicated`) and dedicated host, a pair's cluster_id; bad values are 400 SDRS.0201 naming the field, nothing made.
 * Names: 1–64 bytes of Chinese characters, letters, digits, `.`, `_`, `-` (Huawei's API reference); over 64 bytes is
 * 400 SDRS.0202 ("Invalid name").
 */
import { SDRS_SERVER_IDS, SDRS_VOLUME_IDS } from '../../src/simulator';
import { createGroup, finishJob, groupFields, jobIdOf, startSdrsSim } from './sdrs-helpers';
import { useSimulator } from '../helpers/simulator';

const t = useSimulator(() => startSdrsSim());

const instance = (groupId: string, extra: Record<string, unknown>) => ({ protected_instance: { server_group_id: groupId, server_id: SDRS_SERVER_IDS['ecs-web-01'], name: 'web-01', ...extra } });

test('tags, tenancy and a dedicated host are accepted and kept on the instance; a pair takes a cluster_id', async () => {
  const groupId = await createGroup(t);
  const tags = [{ key: 'env', value: 'prod' }, { key: '成本', value: '' }];
  const job = await finishJob(t, jobIdOf(await t.call('POST', '/protected-instances', { body: instance(groupId, { tags, tenancy: 'dedicated', dedicated_host_id: 'dh-7' }) })));
  expect(job.status).toBe('SUCCESS');
  expect(t.sim.sdrs.state.instances[0]).toMatchObject({ tags, metadata: { tenancy: 'dedicated', dedicated_host_id: 'dh-7' } });
  const pair = await t.call('POST', '/replications', { body: { replication: { server_group_id: groupId, volume_id: SDRS_VOLUME_IDS['evs-web-01-data'], name: 'web-data', cluster_id: 'dss-1' } } });
  expect(pair.status).toBe(200);
});

test('a tenancy other than shared/dedicated, or a tag key with "=", is 400 SDRS.0201 naming the field; nothing is made', async () => {
  const groupId = await createGroup(t);
  const tenancy = await t.call('POST', '/protected-instances', { body: instance(groupId, { tenancy: 'private' }) });
  expect([tenancy.status, tenancy.data.error_code ?? tenancy.data.error?.code]).toEqual([400, 'SDRS.0201']);
  expect(JSON.stringify(tenancy.data)).toContain('tenancy');
  const tag = await t.call('POST', '/protected-instances', { body: instance(groupId, { tags: [{ key: 'a=b', value: 'x' }] }) });
  expect([tag.status, tag.data.error_code ?? tag.data.error?.code]).toEqual([400, 'SDRS.0201']);
  expect(JSON.stringify(tag.data)).toContain('key');
  expect(t.sim.sdrs.state.instances).toEqual([]);
});

test('a name with Chinese characters is accepted (create and rename); one over 64 bytes is 400 SDRS.0202; other scripts 400', async () => {
  const created = await t.call('POST', '/server-groups', { body: { server_group: { ...groupFields('生产组-web') } } });
  expect(created.status).toBe(200);
  const groupId = (await finishJob(t, String(created.data.job_id))).entities.server_group_id ?? '';
  expect(t.sim.sdrs.state.groups[0]?.name).toBe('生产组-web');
  const renamed = await t.call('PUT', `/server-groups/${groupId}`, { body: { server_group: { name: '容灾组.2' } } });
  expect([renamed.status, renamed.data.server_group?.name]).toEqual([200, '容灾组.2']);
  const long = await t.call('PUT', `/server-groups/${groupId}`, { body: { server_group: { name: '组'.repeat(22) } } });
  expect([long.status, long.data.error?.code]).toEqual([400, 'SDRS.0202']);
  expect(long.data.error?.message).toContain('66 bytes');
  const cyrillic = await t.call('PUT', `/server-groups/${groupId}`, { body: { server_group: { name: 'группа' } } });
  expect(cyrillic.status).toBe(400);
  const pair = await t.call('POST', '/replications', { body: { replication: { server_group_id: groupId, volume_id: SDRS_VOLUME_IDS['evs-web-01-data'], name: '数'.repeat(22) } } });
  expect([pair.status, pair.data.error_code]).toEqual([400, 'SDRS.0202']);
});

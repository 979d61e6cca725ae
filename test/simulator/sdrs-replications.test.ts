/**
 * The simulator's SDRS API over HTTP (every request AK/SK-signed; every response validated against
 * specs/sdrs-api.json by the simulator itself): the seed's body accepted verbatim, each operation and its job
 * (INIT → RUNNING → SUCCESS on a fake clock, entities naming what it made), the constraints with their codes
 * (empty group cannot start, pair needs an available/protected group and a free existing volume, attached pair
 * cannot be deleted, group delete only when empty, never shrink), both error shapes (nested for groups, flat
 * for pairs and instances), a fault on an SDRS path, and drift by hand.
 */
import axios from 'axios';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { SDRS_SEED_GROUP_ID, SDRS_SERVER_IDS, SDRS_VOLUME_IDS } from '../../src/simulator';
import {
  createGroup,
  createInstance,
  createPair,
  finishJob,
  groupBody,
  instanceBody,
  jobIdOf,
  pairBody,
  seedBodyText,
  startSdrsSim,
  succeed,
  type Json,
} from './sdrs-helpers';
import { useSimulator } from '../helpers/simulator';

const t = useSimulator(() => startSdrsSim());

const admin = (method: string, path: string, data?: unknown) => axios.request({ method, url: `${t.sim.url}/_sim/sdrs${path}`, data, validateStatus: () => true });
const getGroup = async (id: string): Promise<Json> => (await t.call('GET', `/server-groups/${id}`)).data.server_group as Json;
const getPair = async (id: string): Promise<Json> => (await t.call('GET', `/replications/${id}`)).data.replication as Json;
const getInstance = async (id: string): Promise<Json> => (await t.call('GET', `/protected-instances/${id}`)).data.protected_instance as Json;
const volumeIds = (): string[] => t.sim.sdrs.state.inventory.volumes.map((volume) => volume.id);

describe('replication pair create (POST /replications)', () => {
  it('accepts the seed body verbatim, signed, and the job creates the pair with a DR volume', async () => {
    expect((await admin('POST', '/server-groups', { id: SDRS_SEED_GROUP_ID, name: 'seed-group' })).status).toBe(201);
    const raw = seedBodyText();
    const response = await t.call('POST', '/replications', { body: raw });
    const jobId = jobIdOf(response);

    expect(t.sim.requests.at(-1)?.body).toEqual(JSON.parse(raw));
    const job = await finishJob(t, jobId);
    const pairId = job.entities.replication_pair_id ?? '';
    expect(job).toMatchObject({ status: 'SUCCESS', job_type: 'createReplicationPairNoCG', error_code: null, fail_reason: null });
    expect(job.entities).toMatchObject({ server_group_id: SDRS_SEED_GROUP_ID, replication_pair_id: pairId });
    const pair = await getPair(pairId);
    expect(pair).toMatchObject({
      name: 'replication_name',
      description: 'replication_description',
      status: 'available',
      server_group_id: SDRS_SEED_GROUP_ID,
      replication_model: 'hypermetro',
      attachment: [],
      record_metadata: { volume_size: 100, bootable: false },
    });
    const [production, dr] = String(pair.volume_ids).split(',');
    expect(production).toBe(SDRS_VOLUME_IDS['evs-web-01-data']);
    expect(t.sim.sdrs.state.inventory.volumes.find((volume) => volume.id === dr)).toMatchObject({ dr: true, availability_zone: 'az-b', size_gb: 100 });
    expect(job.entities.volume_ids).toBe(pair.volume_ids);
  });

  it('moves the job INIT → RUNNING → SUCCESS with the task delay, the pair creating → available', async () => {
    const groupId = await createGroup(t);
    const jobId = jobIdOf(await t.call('POST', '/replications', { body: pairBody(groupId) }));
    const read = async (): Promise<Json> => (await t.call('GET', `/jobs/${jobId}`)).data as Json;
    const seen: unknown[] = [];
    for (const step of [0, 300, 699, 1]) {
      t.clock.advance(step);
      const job = await read();
      seen.push([job.status, job.end_time === null]);
    }
    expect(seen).toEqual([['INIT', true], ['RUNNING', true], ['RUNNING', true], ['SUCCESS', false]]);
    const pairId = String(((await read()).entities as Json).replication_pair_id);
    expect((await getPair(pairId)).status).toBe('available');
  });

  it('refuses a group that is not available/protected, an unknown volume and a volume in another pair (flat errors)', async () => {
    const groupId = await createGroup(t);
    await createPair(t, groupId);
    const again = await t.call('POST', '/replications', { body: pairBody(groupId, 'evs-web-01-data', 'again') });
    expect(again.status).toBe(400);
    expect(again.data).toEqual({ error_code: 'SDRS.1604', error_msg: expect.stringContaining(SDRS_VOLUME_IDS['evs-web-01-data']) });

    const unknownVolume = await t.call('POST', '/replications', { body: { replication: { server_group_id: groupId, volume_id: 'evs-nope', name: 'x' } } });
    expect(unknownVolume.status).toBe(400);
    expect(unknownVolume.data).toEqual({ error_code: 'SDRS.0201', error_msg: expect.stringContaining('volume_id evs-nope does not exist') });

    const creatingGroup = jobIdOf(await t.call('POST', '/server-groups', { body: groupBody('second') }));
    const creatingId = t.sim.sdrs.state.groups.find((group) => group.status === 'creating')?.id ?? '';
    const notReady = await t.call('POST', '/replications', { body: pairBody(creatingId, 'evs-db-01-data') });
    expect(notReady.status).toBe(400);
    expect(notReady.data).toMatchObject({ error_code: 'SDRS.1002', error_msg: expect.stringContaining('is creating') });
    await finishJob(t, creatingGroup);
    expect(t.sim.sdrs.state.pairs).toHaveLength(1);
  });

  it('answers an unknown group as 400 SDRS.1013 (nested) and refuses an invalid body naming the field (flat SDRS.0201)', async () => {
    const unknownGroup = await t.call('POST', '/replications', { body: pairBody('no-such-group') });
    expect(unknownGroup.status).toBe(400);
    expect(unknownGroup.data).toEqual({ error: { code: 'SDRS.1013', message: 'The protection group no-such-group does not exist.' } });
    const invalid = await t.call('POST', '/replications', { body: { replication: { server_group_id: 'g', volume_id: 'v', name: 'bad name!' } } });
    expect(invalid.status).toBe(400);
    expect(invalid.data).toEqual({ error_code: 'SDRS.0201', error_msg: expect.stringContaining('body.replication.name must match pattern') });
  });
});

describe('protection groups', () => {
  it('create → job (entities.server_group_id) → available; rename answers the group; list filters by name', async () => {
    const job = await succeed(t, 'POST', '/server-groups', groupBody('web-group'));
    expect(job).toMatchObject({ job_type: 'createProtectionGroupNoCG', status: 'SUCCESS' });
    const id = job.entities.server_group_id ?? '';
    expect(await getGroup(id)).toMatchObject({ name: 'web-group', status: 'available', protected_status: 'stopped', replication_num: 0, source_vpc_id: 'vpc-prod', description: 'rf:0123456789ab' });

    const renamed = await t.call('PUT', `/server-groups/${id}`, { body: { server_group: { name: 'web-group-2' } } });
    expect(renamed.status).toBe(200);
    expect(renamed.data.server_group).toMatchObject({ id, name: 'web-group-2' });
    const listed = await t.call('GET', '/server-groups', { query: { name: 'group-2' } });
    expect(listed.data).toMatchObject({ count: 1, server_groups: [{ id }] });
    expect((await t.call('GET', '/server-groups', { query: { name: 'zzz' } })).data).toEqual({ server_groups: [], count: 0 });
  });

  it('refuses to start an empty group (SDRS.1017); with a pair: starting → protected (pair protected), stop → available', async () => {
    const id = await createGroup(t);
    const empty = await t.call('POST', `/server-groups/${id}/action`, { body: { 'start-server-group': {} } });
    expect(empty.status).toBe(400);
    expect(empty.data).toEqual({ error: { code: 'SDRS.1017', message: `The protection group ${id} contains no replication pair: protection cannot be enabled.` } });

    const pairId = await createPair(t, id);
    const startJob = jobIdOf(await t.call('POST', `/server-groups/${id}/action`, { body: { 'start-server-group': {} } }));
    expect((await getGroup(id)).status).toBe('starting');
    expect(await finishJob(t, startJob)).toMatchObject({ status: 'SUCCESS', job_type: 'startProtectionGroupNoCG', entities: { server_group_id: id } });
    expect(await getGroup(id)).toMatchObject({ status: 'protected', protected_status: 'started', replication_num: 1 });
    expect(await getPair(pairId)).toMatchObject({ status: 'protected', replication_status: 'active' });

    const again = await t.call('POST', `/server-groups/${id}/action`, { body: { 'start-server-group': {} } });
    expect(again.data).toMatchObject({ error: { code: 'SDRS.1002' } });

    await succeed(t, 'POST', `/server-groups/${id}/action`, { 'stop-server-group': {} });
    expect(await getGroup(id)).toMatchObject({ status: 'available', protected_status: 'stopped' });
    expect(await getPair(pairId)).toMatchObject({ status: 'available', replication_status: 'inactive' });
  });

  it('deletes a group only when it holds nothing; then GET is 400 SDRS.1013', async () => {
    const id = await createGroup(t);
    const pairId = await createPair(t, id);
    const notEmpty = await t.call('DELETE', `/server-groups/${id}`);
    expect(notEmpty.status).toBe(400);
    expect(notEmpty.data).toMatchObject({ error: { code: 'SDRS.1017', message: expect.stringContaining('1 replication pair(s) and 0 protected instance(s)') } });

    await succeed(t, 'DELETE', `/replications/${pairId}`, { replication: { server_group_id: id } });
    expect((await succeed(t, 'DELETE', `/server-groups/${id}`)).job_type).toBe('deleteProtectionGroupNoCG');
    const gone = await t.call('GET', `/server-groups/${id}`);
    expect(gone.status).toBe(400);
    expect(gone.data).toEqual({ error: { code: 'SDRS.1013', message: `The protection group ${id} does not exist.` } });
  });
});

describe('replication pair rename, expand, delete', () => {
  it('renames by PUT and answers the pair', async () => {
    const pairId = await createPair(t, await createGroup(t));
    const renamed = await t.call('PUT', `/replications/${pairId}`, { body: { replication: { name: 'web-data-2' } } });
    expect(renamed.status).toBe(200);
    expect(renamed.data.replication).toMatchObject({ id: pairId, name: 'web-data-2' });
  });

  it('expands through a job (both volumes grow) and refuses the same or a smaller size', async () => {
    const pairId = await createPair(t, await createGroup(t));
    const job = await succeed(t, 'POST', `/replications/${pairId}/action`, { 'extend-replication': { new_size: 150 } });
    expect(job).toMatchObject({ job_type: 'expandReplicationPairNew', entities: { replication_pair_id: pairId } });
    const pair = await getPair(pairId);
    expect(pair).toMatchObject({ status: 'available', record_metadata: { volume_size: 150 } });
    const sizes = String(pair.volume_ids).split(',').map((id) => t.sim.sdrs.state.inventory.volumes.find((volume) => volume.id === id)?.size_gb);
    expect(sizes).toEqual([150, 150]);

    const shrink = await t.call('POST', `/replications/${pairId}/action`, { body: { 'extend-replication': { new_size: 100 } } });
    expect(shrink.status).toBe(400);
    expect(shrink.data).toEqual({ error_code: 'SDRS.0201', error_msg: `new_size 100 must be larger than the current size 150 GB: a replication pair cannot shrink.` });
  });

  it('deletes with body: the DR volume is kept by default and deleted when delete_target_volume is true; then 400 SDRS.1608', async () => {
    const groupId = await createGroup(t);
    const kept = await createPair(t, groupId, 'evs-web-01-data');
    const dropped = await createPair(t, groupId, 'evs-db-01-data', 'db-data');
    const keptDr = String((await getPair(kept)).volume_ids).split(',')[1];
    const droppedDr = String((await getPair(dropped)).volume_ids).split(',')[1];

    const job = await succeed(t, 'DELETE', `/replications/${kept}`, { replication: { server_group_id: groupId } });
    expect(job.job_type).toBe('deleteReplicationPairNoCG');
    await succeed(t, 'DELETE', `/replications/${dropped}`, { replication: { server_group_id: groupId, delete_target_volume: true } });
    expect(volumeIds()).toContain(keptDr);
    expect(volumeIds()).not.toContain(droppedDr);
    const gone = await t.call('GET', `/replications/${kept}`);
    expect(gone.status).toBe(400);
    expect(gone.data).toEqual({ error_code: 'SDRS.1608', error_msg: `The replication pair ${kept} does not exist.` });
  });

  it('refuses a server_group_id that is not the pair\'s (SDRS.1611)', async () => {
    const pairId = await createPair(t, await createGroup(t));
    const response = await t.call('DELETE', `/replications/${pairId}`, { body: { replication: { server_group_id: 'other-group' } } });
    expect(response.status).toBe(400);
    expect(response.data).toMatchObject({ error_code: 'SDRS.1611' });
  });
});

describe('protected instances and attachments', () => {
  it('create → job with protected_instance_id, DR server made; attach and detach jobs; an attached pair cannot be deleted', async () => {
    const groupId = await createGroup(t);
    const pairId = await createPair(t, groupId);
    const job = await succeed(t, 'POST', '/protected-instances', instanceBody(groupId));
    const instanceId = job.entities.protected_instance_id ?? '';
    expect(job).toMatchObject({ job_type: 'createProtectedInstanceNoCG', entities: { server_group_id: groupId, protected_instance_id: instanceId } });
    const instance = await getInstance(instanceId);
    expect(instance).toMatchObject({ name: 'web-01', status: 'available', source_server: SDRS_SERVER_IDS['ecs-web-01'], attachment: [] });
    expect(job.entities.native_server_id).toBe(instance.target_server);
    expect(t.sim.sdrs.state.inventory.servers.find((server) => server.id === instance.target_server)).toMatchObject({ dr: true, availability_zone: 'az-b' });

    const attach = await succeed(t, 'POST', `/protected-instances/${instanceId}/attachreplication`, { replicationAttachment: { replication_id: pairId, device: '/dev/vdb' } });
    expect(attach).toMatchObject({ job_type: 'attachReplicationPairNew', entities: { protected_instance_id: instanceId, replication_pair_id: pairId } });
    expect((await getInstance(instanceId)).attachment).toEqual([{ replication: pairId, device: '/dev/vdb' }]);
    expect((await getPair(pairId)).attachment).toEqual([{ protected_instance: instanceId, device: '/dev/vdb' }]);
    expect((await t.call('GET', '/replications', { query: { protected_instance_id: instanceId } })).data).toMatchObject({ count: 1 });

    const attachedDelete = await t.call('DELETE', `/replications/${pairId}`, { body: { replication: { server_group_id: groupId } } });
    expect(attachedDelete.status).toBe(400);
    expect(attachedDelete.data).toEqual({ error_code: 'SDRS.1605', error_msg: `The replication pair ${pairId} is attached to protected instance ${instanceId}: detach it first.` });

    expect((await succeed(t, 'DELETE', `/protected-instances/${instanceId}/detachreplication/${pairId}`)).job_type).toBe('detachReplicationPairNew');
    expect((await getInstance(instanceId)).attachment).toEqual([]);
    expect((await getPair(pairId)).attachment).toEqual([]);
  });

  it('refuses an unknown server, a server already protected, a used device; renames by PUT', async () => {
    const groupId = await createGroup(t);
    const instanceId = await createInstance(t, groupId);
    const unknown = await t.call('POST', '/protected-instances', { body: { protected_instance: { server_group_id: groupId, server_id: 'ecs-nope', name: 'x' } } });
    expect(unknown.data).toEqual({ error_code: 'SDRS.0201', error_msg: expect.stringContaining('server_id ecs-nope does not exist') });
    const twice = await t.call('POST', '/protected-instances', { body: instanceBody(groupId, 'ecs-web-01', 'twice') });
    expect(twice.data).toMatchObject({ error_code: 'SDRS.1306' });

    const first = await createPair(t, groupId, 'evs-web-01-data');
    const second = await createPair(t, groupId, 'evs-web-01-sys', 'web-sys');
    await succeed(t, 'POST', `/protected-instances/${instanceId}/attachreplication`, { replicationAttachment: { replication_id: first, device: '/dev/vdb' } });
    const used = await t.call('POST', `/protected-instances/${instanceId}/attachreplication`, { body: { replicationAttachment: { replication_id: second, device: '/dev/vdb' } } });
    expect(used.data).toMatchObject({ error_code: 'SDRS.1615' });

    const renamed = await t.call('PUT', `/protected-instances/${instanceId}`, { body: { protected_instance: { name: 'web-01b' } } });
    expect(renamed.data.protected_instance).toMatchObject({ id: instanceId, name: 'web-01b' });
  });

  it('deletes with delete_target_server (DR server gone) or without (kept); then 400 SDRS.1320', async () => {
    const groupId = await createGroup(t);
    const keep = await createInstance(t, groupId, 'ecs-web-01');
    const drop = await createInstance(t, groupId, 'ecs-db-01');
    const keptServer = String((await getInstance(keep)).target_server);
    const droppedServer = String((await getInstance(drop)).target_server);
    expect((await succeed(t, 'DELETE', `/protected-instances/${keep}`, {})).job_type).toBe('deleteProtectedInstanceNoCG');
    await succeed(t, 'DELETE', `/protected-instances/${drop}`, { delete_target_server: true, delete_target_eip: true });
    const servers = t.sim.sdrs.state.inventory.servers.map((server) => server.id);
    expect(servers).toContain(keptServer);
    expect(servers).not.toContain(droppedServer);
    const gone = await t.call('GET', `/protected-instances/${keep}`);
    expect(gone.status).toBe(400);
    expect(gone.data).toEqual({ error: { code: 'SDRS.1320', message: `The protected instance ${keep} does not exist.` } });
  });
});

describe('faults and drift', () => {
  it('a taskError fault on an SDRS path ends the job FAIL with error_code and fail_reason; the pair is left in error', async () => {
    const groupId = await createGroup(t);
    t.sim.faults.addRule({ service: 'sdrs', method: 'POST', path: '/v1/*/replications', taskError: 'Storage backend unreachable', count: 1 });
    const job = await finishJob(t, jobIdOf(await t.call('POST', '/replications', { body: pairBody(groupId) })));
    expect(job).toMatchObject({ status: 'FAIL', error_code: 'SDRS.1014', fail_reason: 'Storage backend unreachable' });
    const pair = await getPair(String(job.entities.replication_pair_id));
    expect(pair).toMatchObject({ status: 'error', failure_detail: 'SDRS.1609' });
  });

  it('an HTTP status fault on an SDRS path answers in the nested shape', async () => {
    t.sim.faults.addRule({ service: 'sdrs', method: 'GET', path: '/v1/*/server-groups', status: 500, count: 1 });
    const response = await t.call('GET', '/server-groups');
    expect(response.status).toBe(500);
    expect(response.data).toEqual({ error: { code: 'SIM.INJECTED_FAULT', message: expect.stringContaining('Injected fault') } });
    expect((await t.call('GET', '/server-groups')).status).toBe(200);
  });

  it('drift: a group whose protection was stopped by hand; a pair that goes error; a pair removed behind our back', async () => {
    const groupId = await createGroup(t);
    const pairId = await createPair(t, groupId);
    await succeed(t, 'POST', `/server-groups/${groupId}/action`, { 'start-server-group': {} });

    const stopped = await admin('POST', `/server-groups/${groupId}`, { protection: 'stopped' });
    expect(stopped.status).toBe(200);
    expect(await getGroup(groupId)).toMatchObject({ status: 'available', protected_status: 'stopped' });
    expect((await getPair(pairId)).status).toBe('available');

    const broken = await admin('POST', `/replications/${pairId}`, { status: 'error', failure_detail: 'SDRS.1606', fault_level: '5' });
    expect(broken.status).toBe(200);
    expect(await getPair(pairId)).toMatchObject({ status: 'error', failure_detail: 'SDRS.1606', fault_level: '5' });

    const bad = await admin('POST', `/replications/${pairId}`, { status: 'sleeping' });
    expect(bad.status).toBe(400);
    expect(bad.data).toEqual({ error: { code: 'SDRS.0201', message: expect.stringContaining("drift field 'status' must be one of creating, available") } });

    expect((await admin('DELETE', `/replications/${pairId}`)).status).toBe(204);
    expect((await t.call('GET', `/replications/${pairId}`)).data).toMatchObject({ error_code: 'SDRS.1608' });
  });
});

describe('state file', () => {
  it('saves the sdrs section (groups, pairs, DR volumes, jobs; never tokens) and restores it', async () => {
    const stateFile = path.join(mkdtempSync(path.join(tmpdir(), 'repliform-sdrs-')), 'state.json');
    await t.restart(() => startSdrsSim({ stateFile }));
    const groupId = await createGroup(t);
    const pairId = await createPair(t, groupId);
    await admin('POST', '/tokens');

    const saved = JSON.parse(readFileSync(stateFile, 'utf8')) as { sdrs: Json };
    expect(Object.keys(saved.sdrs).sort()).toEqual(['groups', 'instances', 'inventory', 'jobs', 'pairs']);
    await t.restart(() => startSdrsSim({ stateFile }));
    expect(await getGroup(groupId)).toMatchObject({ id: groupId, status: 'available', replication_num: 1 });
    expect((await getPair(pairId)).volume_ids).toMatch(/^b6f71149-7b9c-4f36-8ff0-1c4809a6f2c2,/);
    expect(t.sim.sdrs.state.tokens).toEqual([]);
  });
});

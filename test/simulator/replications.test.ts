import {
  DATASTORE_IDS,
  PAIRING_ID,
  SITE_B,
  configure,
  configureSpec,
  findVmByName,
  getTask,
  login,
  loginBothSites,
  startTestSim,
} from './helpers';
import { useSimulator } from '../helpers/simulator';

const replicationsPath = `/pairings/${PAIRING_ID}/replications`;

describe('VR simulator replications', () => {
  const t = useSimulator(() => startTestSim({ taskDelayMs: 1000 }));

  beforeEach(async () => {
    await loginBothSites(t.http);
  });
  it('configures a replication: task QUEUED → RUNNING → SUCCESS, replication CONFIGURING → INITIAL_FULL_SYNC → OK', async () => {
    const vm = await findVmByName(t.http, 'db-01');
    const response = await configure(t.http, [configureSpec(vm, { rpo: 30, quiesce_enabled: true })]);
    expect(response.status).toBe(202);
    const task = response.data.list?.[0] ?? {};
    expect(task).toMatchObject({ status: 'QUEUED', entity_name: 'db-01', progress: 0 });
    const replicationId = String(task.entity);

    const configuring = await t.http.get(`${replicationsPath}/${replicationId}`);
    expect(configuring.data).toMatchObject({
      id: replicationId,
      name: 'db-01',
      vm_id: vm.id,
      rpo: 30,
      quiescing_enabled: true,
      encryption_enabled: false,
      auto_replicate_new_disks_enabled: true,
      configuration_state: 'IN_PROGRESS',
      status: { status: 'CONFIGURING', rpo_violation: false },
      target_vc_id: SITE_B.vcId,
      replication_server_name: 'vrs-b-01',
    });

    t.clock.advance(600);
    const running = await getTask(t.http, String(task.id));
    expect(running.status).toBe('RUNNING');
    expect(running.progress).toBeGreaterThan(0);
    expect(running.progress).toBeLessThan(100);

    t.clock.advance(400);
    const done = await getTask(t.http, String(task.id));
    expect(done).toMatchObject({ status: 'SUCCESS', progress: 100, result: { replication_id: replicationId } });
    const syncing = await t.http.get(`${replicationsPath}/${replicationId}`);
    expect(syncing.data).toMatchObject({ configuration_state: 'OK', status: { status: 'INITIAL_FULL_SYNC' } });

    t.clock.advance(1000);
    const ok = await t.http.get(`${replicationsPath}/${replicationId}`);
    expect(ok.data.status.status).toBe('OK');
    expect(ok.data.last_sync_time).toBeGreaterThan(0);

    const disks = await t.http.get(`${replicationsPath}/${replicationId}/disks`);
    expect(disks.data.list).toHaveLength(4);
    expect(disks.data.list.every((disk: { replicated: boolean }) => disk.replicated)).toBe(true);
    expect(disks.data.list[1].destination_path).toMatchObject({ datastore_id: DATASTORE_IDS['ds-b-gold'], datastore_name: 'ds-b-gold' });

    const count = await t.http.get(`${replicationsPath}/count`);
    expect(count.data.count).toBe(1);
    const capability = await t.http.get(`/pairings/${PAIRING_ID}/vcenters/${vm.id.split(':')[2]}/vms/${vm.id}/capability`);
    expect(capability.data.vm_validation_status).toBe('ALREADY_CONFIGURED');
  });

  it('answers 400 naming the field for a malformed configure body, and changes nothing', async () => {
    const vm = await findVmByName(t.http, 'web-01');
    const badRpo = await configure(t.http, [{ ...configureSpec(vm), rpo: 'fast' }]);
    expect(badRpo.status).toBe(400);
    expect(badRpo.data.error_code).toBe('VR.INVALID_REQUEST');
    expect(badRpo.data.message).toContain('body[0].rpo');
    expect(badRpo.data.op_id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);

    const { disks: _omitted, ...withoutDisks } = configureSpec(vm);
    void _omitted;
    const missingDisks = await configure(t.http, [withoutDisks]);
    expect(missingDisks.status).toBe(400);
    expect(missingDisks.data.message).toContain('body[0].disks is required');

    const notAnArray = await t.http.post(replicationsPath, configureSpec(vm));
    expect(notAnArray.status).toBe(400);
    expect(notAnArray.data.message).toContain('body must be array');
    expect(t.sim.state.replications).toHaveLength(0);
    expect(t.sim.state.tasks).toHaveLength(0);
  });

  it('refuses to configure without a remote session (403 VR.REMOTE_NOT_AUTHENTICATED)', async () => {
    const vm = await findVmByName(t.http, 'web-02');
    await login(t.http); // a fresh session without the remote login
    const response = await configure(t.http, [configureSpec(vm)]);
    expect(response.status).toBe(403);
    expect(response.data.error_code).toBe('VR.REMOTE_NOT_AUTHENTICATED');
    expect(t.sim.state.replications).toHaveLength(0);
  });

  it('rejects a VM that is already replicated with VR.ALREADY_CONFIGURED', async () => {
    const vm = await findVmByName(t.http, 'app-01');
    expect((await configure(t.http, [configureSpec(vm)])).status).toBe(202);
    const again = await configure(t.http, [configureSpec(vm)]);
    expect(again.status).toBe(400);
    expect(again.data.error_code).toBe('VR.ALREADY_CONFIGURED');
    expect(again.data.message).toContain('app-01');
    expect(t.sim.state.replications).toHaveLength(1);
  });

  it('validates settings against the VM capability and the disks against the VM', async () => {
    const legacy = await findVmByName(t.http, 'legacy-01');
    const lowRpo = await configure(t.http, [configureSpec(legacy, { rpo: 10 })]);
    expect(lowRpo.status).toBe(400);
    expect(lowRpo.data.message).toContain('body[0].rpo');
    expect(lowRpo.data.message).toContain('minimum RPO of 15 minutes');
    const quiesce = await configure(t.http, [configureSpec(legacy, { rpo: 15, quiesce_enabled: true })]);
    expect(quiesce.status).toBe(400);
    expect(quiesce.data.message).toContain('quiesce_enabled');

    const web = await findVmByName(t.http, 'web-03');
    const tooManyInstances = await configure(t.http, [configureSpec(web, { mpit_enabled: true, mpit_instances: 5, mpit_days: 5 })]);
    expect(tooManyInstances.status).toBe(400);
    expect(tooManyInstances.data.message).toContain('25 exceeds the maximum of 24');

    const nvme = await findVmByName(t.http, 'nvme-01');
    const allEnabled = configureSpec(nvme);
    (allEnabled.disks as Array<Record<string, unknown>>).forEach((disk) => (disk.enabled_for_replication = true));
    const unsupported = await configure(t.http, [allEnabled]);
    expect(unsupported.status).toBe(400);
    expect(unsupported.data.message).toContain('body[0].disks[2].enabled_for_replication');
    expect((await configure(t.http, [configureSpec(nvme)])).status).toBe(202);

    const missingDisk = configureSpec(web);
    missingDisk.disks = (missingDisk.disks as unknown[]).slice(0, 1);
    const missing = await configure(t.http, [missingDisk]);
    expect(missing.status).toBe(400);
    expect(missing.data.message).toContain("'Hard disk 1'");

    const wrongTarget = await configure(t.http, [{ ...configureSpec(web), target_vc_id: 'somewhere-else' }]);
    expect(wrongTarget.status).toBe(400);
    expect(wrongTarget.data.message).toContain('body[0].target_vc_id');
    expect(t.sim.state.replications.map((replication) => replication.info.name)).toEqual(['nvme-01']);
  });

  it('reconfigures in place, pauses, resumes and syncs', async () => {
    t.sim.setTaskDelay(0);
    const vm = await findVmByName(t.http, 'file-02');
    const configured = await configure(t.http, [configureSpec(vm, { rpo: 60 })]);
    const replicationId = String(configured.data.list?.[0]?.entity);
    const { vm_id: _vmId, target_vc_id: _target, ...reconfigureBody } = configureSpec(vm, { rpo: 15, mpit_enabled: true, mpit_instances: 3, mpit_days: 5 });
    void _vmId;
    void _target;
    const reconfigure = await t.http.post(`${replicationsPath}/${replicationId}/actions/reconfigure`, reconfigureBody);
    expect(reconfigure.status).toBe(202);
    expect((await getTask(t.http, reconfigure.data.id)).status).toBe('SUCCESS');
    const after = await t.http.get(`${replicationsPath}/${replicationId}`);
    expect(after.data).toMatchObject({ id: replicationId, rpo: 15, mpit_enabled: true, mpit_instances: 3, mpit_days: 5 });

    const pause = await t.http.post(`${replicationsPath}/${replicationId}/actions/pause`);
    expect((await getTask(t.http, pause.data.id)).status).toBe('SUCCESS');
    expect((await t.http.get(`${replicationsPath}/${replicationId}`)).data.status.status).toBe('PAUSED');
    const syncWhilePaused = await t.http.post(`${replicationsPath}/${replicationId}/actions/sync`);
    expect(syncWhilePaused.status).toBe(400);

    const resume = await t.http.post(`${replicationsPath}/${replicationId}/actions/resume`);
    expect((await getTask(t.http, resume.data.id)).status).toBe('SUCCESS');
    expect((await t.http.get(`${replicationsPath}/${replicationId}`)).data.status.status).toBe('OK');
    t.clock.advance(5000);
    const sync = await t.http.post(`${replicationsPath}/${replicationId}/actions/sync`);
    expect((await getTask(t.http, sync.data.id)).status).toBe('SUCCESS');
    expect((await t.http.get(`${replicationsPath}/${replicationId}`)).data.last_sync_time).toBe(t.clock.now());
  });

  it('a reconfigure lists the replicated disks only: an excluded disk with an empty datastore is rejected, left out it stays excluded', async () => {
    t.sim.setTaskDelay(0);
    const vm = await findVmByName(t.http, 'file-01');
    const configured = await configure(t.http, [configureSpec(vm, { exclude: ['Hard disk 2'] })]);
    const replicationId = String(configured.data.list?.[0]?.entity);
    const { vm_id: _vmId, target_vc_id: _target, ...body } = configureSpec(vm, { rpo: 30, exclude: ['Hard disk 2'] });
    void _vmId;
    void _target;
    const disks = body.disks as { vm_disk: { label?: string }; enabled_for_replication: boolean; destination_datastore_id: string }[];
    const path = `${replicationsPath}/${replicationId}/actions/reconfigure`;

    const excludedWithoutDatastore = disks.map((d) => (d.enabled_for_replication ? d : { ...d, destination_datastore_id: '' }));
    const rejected = await t.http.post(path, { ...body, disks: excludedWithoutDatastore });
    expect(rejected.status).toBe(400);
    expect(rejected.data).toMatchObject({ error_code: 'VR.INVALID_SPEC', message: expect.stringMatching(/^body\.disks\[2\]\.destination_datastore_id: datastore '' does not exist/) });

    const withoutReplicatedDisk = await t.http.post(path, { ...body, disks: disks.filter((d) => d.vm_disk.label !== 'Hard disk 1') });
    expect(withoutReplicatedDisk.status).toBe(400);
    expect(withoutReplicatedDisk.data.message).toMatch(/disk 'Hard disk 1' .* is replicated and missing/);

    const replicatedOnly = await t.http.post(path, { ...body, disks: disks.filter((d) => d.enabled_for_replication) });
    expect(replicatedOnly.status).toBe(202);
    expect((await getTask(t.http, replicatedOnly.data.id)).status).toBe('SUCCESS');
    const after = await t.http.get(`${replicationsPath}/${replicationId}/disks`);
    expect(after.data.list.map((d: { vm_disk: { label: string }; replicated: boolean }) => [d.vm_disk.label, d.replicated])).toEqual([
      ['VM home', true],
      ['Hard disk 1', true],
      ['Hard disk 2', false],
    ]);
    expect((await t.http.get(`${replicationsPath}/${replicationId}`)).data.rpo).toBe(30);
  });

  it('unconfigures with retain_replica_disks and DELETE removes without a remote session, both recorded in history', async () => {
    t.sim.setTaskDelay(0);
    const [a, b] = [await findVmByName(t.http, 'web-04'), await findVmByName(t.http, 'web-05')];
    const configured = await configure(t.http, [configureSpec(a), configureSpec(b)]);
    const [idA, idB] = (configured.data.list ?? []).map((task) => String(task.entity));
    const unconfigure = await t.http.post(`${replicationsPath}/${idA}/actions/unconfigure?retain_replica_disks=true`);
    expect(unconfigure.status).toBe(202);
    expect(await getTask(t.http, unconfigure.data.id)).toMatchObject({ status: 'SUCCESS', result: { retain_replica_disks: true } });

    await login(t.http); // no remote session: DELETE still works
    const destroy = await t.http.delete(`${replicationsPath}/${idB}`);
    expect(destroy.status).toBe(202);
    expect((await getTask(t.http, destroy.data.id)).status).toBe('SUCCESS');

    expect((await t.http.get(`${replicationsPath}/${idA}`)).status).toBe(404);
    expect(t.sim.state.replications).toHaveLength(0);
    expect(t.sim.state.removedReplications).toEqual([
      expect.objectContaining({ id: idA, name: 'web-04', method: 'unconfigure', retainReplicaDisks: true }),
      expect.objectContaining({ id: idB, name: 'web-05', method: 'destroy', retainReplicaDisks: false }),
    ]);
  });

  it('lists replications with filters, source_vc_guid and extended_info', async () => {
    t.sim.setTaskDelay(0);
    const vms = await Promise.all(['app-02', 'app-03', 'app-04'].map((name) => findVmByName(t.http, name)));
    await configure(t.http, vms.map((vm) => configureSpec(vm)));
    const all = await t.http.get(`${replicationsPath}?extended_info=true`);
    expect(all.data.list).toHaveLength(3);
    expect(all.data.list[0]).toHaveProperty('last_sync_size');
    const brief = await t.http.get(replicationsPath);
    expect(brief.data.list[0]).not.toHaveProperty('last_sync_size');
    const byName = await t.http.get(`${replicationsPath}?filter_property=name&filter=app-03`);
    expect(byName.data.list.map((replication: { name: string }) => replication.name)).toEqual(['app-03']);
    const byVm = await t.http.get(`${replicationsPath}?filter_property=vm_id&filter=${encodeURIComponent(vms[2].id)}`);
    expect(byVm.data.list[0].name).toBe('app-04');
    const otherSource = await t.http.get(`${replicationsPath}?source_vc_guid=${SITE_B.vcId}`);
    expect(otherSource.data.list).toHaveLength(0);
  });
});

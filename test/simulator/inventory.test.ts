import axios from 'axios';
import {
  DATASTORE_IDS,
  PAIRING_ID,
  SITE_A,
  SITE_B,
  findVmByName,
  loginBothSites,
  startTestSim,
  vmsPath,
} from './helpers';
import { useSimulator } from '../helpers/simulator';

describe('VR simulator inventory', () => {
  const t = useSimulator(() => startTestSim({ extraVms: 3 }), 'all');

  beforeAll(async () => {
    await loginBothSites(t.http);
  });
  it('pages through the suitable VMs by following _meta.links.next as a full URL', async () => {
    const names: string[] = [];
    let url: string | null = `${t.sim.apiBase}${vmsPath()}?suitable_for_replication=true&limit=7`;
    const headers = { 'x-dr-session': String(t.http.defaults.headers.common['x-dr-session']) };
    let pages = 0;
    while (url) {
      const response: { status: number; data: { list: Array<{ name: string }>; _meta: { total: number; limit: number; links: { next: { href: string } | null } } } } =
        await axios.get(url, { headers });
      expect(response.status).toBe(200);
      expect(response.data._meta.total).toBe(25);
      expect(response.data._meta.limit).toBe(7);
      names.push(...response.data.list.map((vm) => vm.name));
      url = response.data._meta.links.next?.href ?? null;
      if (url) expect(url.startsWith(`${t.sim.apiBase}/pairings/`)).toBe(true);
      pages += 1;
    }
    expect(pages).toBe(4);
    expect(names).toHaveLength(25);
    expect(names.slice(0, 3)).toEqual(['web-01', 'web-02', 'web-03']);
    expect(names).toEqual(expect.arrayContaining(['file-02', 'legacy-01', 'nvme-01', 'bench-0001', 'bench-0003']));
    expect(names).not.toContain('template-01');
    expect(names).not.toContain('ft-01');
  });

  it('returns templates without suitable_for_replication, and has null next/previous links at the ends', async () => {
    const response = await t.http.get(vmsPath());
    expect(response.data._meta.total).toBe(27);
    expect(response.data._meta.links.next).toBeNull();
    expect(response.data._meta.links.previous).toBeNull();
    const template = response.data.list.find((vm: { name: string }) => vm.name === 'template-01');
    expect(template.template).toBe(true);
  });

  it('filters by name with repeated filter values (OR) and sorts with sort_by/order_by', async () => {
    const response = await t.http.get(
      `${vmsPath()}?filter_property=name&filter=db-02&filter=web-07&filter=nope&sort_by=name&order_by=desc`,
    );
    expect(response.data.list.map((vm: { name: string }) => vm.name)).toEqual(['web-07', 'db-02']);
    const web07 = response.data.list[0];
    expect(web07.id).toBe(`VirtualMachine:vm-107:${SITE_A.vcId}`);
    expect(web07.disks[0]).toMatchObject({ is_vm_home: true, vm_id: web07.id, supported_for_replication: true });
    expect(web07.disks[1]).toMatchObject({ label: 'Hard disk 1', device_key: 2000, controller_key: 1000 });
  });

  it('rejects bad list parameters with a 400 that names the parameter', async () => {
    const badLimit = await t.http.get(`${vmsPath()}?limit=lots`);
    expect(badLimit.status).toBe(400);
    expect(badLimit.data.message).toContain("'limit'");
    const badBool = await t.http.get(`${vmsPath()}?suitable_for_replication=maybe`);
    expect(badBool.status).toBe(400);
    expect(badBool.data.message).toContain('suitable_for_replication');
    const orderWithoutSort = await t.http.get(`${vmsPath()}?order_by=asc`);
    expect(orderWithoutSort.status).toBe(400);
  });

  it('describes disks and capabilities of the special VMs', async () => {
    const nvme = await findVmByName(t.http, 'nvme-01');
    const disks = await t.http.get(`${vmsPath()}/${encodeURIComponent(nvme.id)}/disks`);
    const unsupported = disks.data.list.filter((disk: { supported_for_replication: boolean }) => !disk.supported_for_replication);
    expect(unsupported).toEqual([expect.objectContaining({ label: 'Hard disk 2', controller_label: 'NVME controller 0' })]);

    const legacy = await findVmByName(t.http, 'legacy-01');
    const capability = await t.http.get(`${vmsPath()}/${encodeURIComponent(legacy.id)}/capability`);
    expect(capability.data).toMatchObject({
      vm_id: legacy.id,
      vm_validation_status: 'OK',
      quiescing_supported: false,
      mpit_supported: false,
      network_compression_supported: false,
      min_rpo_mins: 15,
    });
    expect((await t.http.get(`${vmsPath()}/VirtualMachine:vm-999:${SITE_A.vcId}/capability`)).status).toBe(404);
  });

  it('lists target datastores, storage policies and checks compliance on the remote vCenter', async () => {
    const base = `/pairings/${PAIRING_ID}/vcenters/${SITE_B.vcId}`;
    const datastores = await t.http.get(`${base}/datastores`);
    expect(datastores.data.list.map((ds: { name: string; file_system_type: string }) => [ds.name, ds.file_system_type])).toEqual([
      ['ds-b-gold', 'VMFS'],
      ['ds-b-silver', 'NFS'],
      ['vsanDatastore-b', 'VSAN'],
    ]);
    const policies = await t.http.get(`${base}/storage-policies`);
    const gold = policies.data.list.find((policy: { storage_policy_name: string }) => policy.storage_policy_name === 'Gold');
    const check = await t.http.post(`${base}/storage-policies/${gold.storage_policy_id}/actions/check-compliance`, [
      DATASTORE_IDS['ds-b-gold'],
      DATASTORE_IDS['ds-b-silver'],
    ]);
    expect(check.status).toBe(200);
    expect(check.data.list[0]).toMatchObject({ datastore: DATASTORE_IDS['ds-b-gold'], compliant: true });
    expect(check.data.list[1]).toMatchObject({ datastore: DATASTORE_IDS['ds-b-silver'], compliant: false });
    expect(check.data.list[1].not_compliant_detailed_message).toContain('ds-b-silver');
  });

  it('finds the seed of file-01 Hard disk 1 only on ds-b-silver, and browses it', async () => {
    const file01 = await findVmByName(t.http, 'file-01');
    const base = `/pairings/${PAIRING_ID}/vcenters/${SITE_B.vcId}/datastores`;
    const request = [
      { vm_disk: { vm_id: file01.id, device_key: 2000 } },
      { vm_disk: { vm_id: file01.id, device_key: 2001 } },
    ];
    const silver = await t.http.post(`${base}/${DATASTORE_IDS['ds-b-silver']}/actions/find-seeds`, request);
    expect(silver.data.list.map((entry: { found_seeds: string[] }) => entry.found_seeds)).toEqual([
      ['seeds/file-01/file-01.vmdk'],
      [],
    ]);
    const gold = await t.http.post(`${base}/${DATASTORE_IDS['ds-b-gold']}/actions/find-seeds`, request);
    expect(gold.data.list[0].found_seeds).toEqual([]);
    const browse = await t.http.post(`${base}/${DATASTORE_IDS['ds-b-silver']}/actions/browse`, {
      query_type: 'ALL_FILES',
      browse_path: 'seeds/file-01',
      sub_folders: false,
    });
    expect(browse.data.list).toEqual([
      expect.objectContaining({ name: 'file-01.vmdk', path: '[ds-b-silver] seeds/file-01/file-01.vmdk', file_type: 'VM_DISK' }),
    ]);
  });

  it('serves info, pairings, VRMS and replication servers', async () => {
    const info = await t.http.get('/info');
    expect(info.data).toMatchObject({ name: 'vrms-a.example.local', vc_guid: SITE_A.vcId, _meta: { errors: [] } });
    const pairing = await t.http.get(`/pairings/${PAIRING_ID}`);
    expect(pairing.data.local_vc_server).toMatchObject({ id: SITE_A.vcId, name: 'vc-a.example.local' });
    expect(pairing.data.remote_vc_server).toMatchObject({ id: SITE_B.vcId, name: 'vc-b.example.local' });
    const vrs = await t.http.get(`/pairings/${PAIRING_ID}/vrs`);
    const remoteVrms = vrs.data.list.find((vrms: { name: string }) => vrms.name === 'vrms-b.example.local');
    const servers = await t.http.get(`/pairings/${PAIRING_ID}/vrs/${remoteVrms.id}/replication-servers`);
    expect(servers.data.list.map((server: { name: string }) => server.name)).toEqual(['vrs-b-01', 'vrs-b-02']);
    expect(servers.data.list[0].id).toMatch(new RegExp(`^HmsRemoteHbrServer:HBRSRV-[0-9a-f-]{36}:${SITE_B.vcId}$`));
    const local = await t.http.get('/replication-servers');
    expect(local.data.list.map((server: { name: string }) => server.name)).toEqual(['vrs-a-01']);
    expect((await t.http.get('/no/such/route')).status).toBe(404);
  });
});

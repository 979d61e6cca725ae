/**
 * The deterministic seeded inventory of the VR simulator: two sites (vc-a / vrms-a local, vc-b / vrms-b remote),
 * one pairing, 20 ordinary VMs plus special cases (legacy-01, nvme-01, template-01, ft-01), datastores, storage
 * policies with a compliance matrix, replication servers and one seed disk. Names and ids are part of the
 * simulator's contract: examples and tests elsewhere rely on them.
 *
 * Endpoints served: none (data for vr/inventory.ts, vr/pairings.ts, vr/replications.ts).
 */
import type {
  SimDatastore,
  SimReplicationServer,
  SimSeed,
  SimStoragePolicy,
  SimVm,
  VmCapabilities,
  VmDisk,
  VrState,
  VrmsInfo,
  ServerInfo,
} from './types';

export const SITE_A = {
  vcId: '2a3b6a4e-0c1d-4c9e-9a31-5d1a0f3c1a01',
  vcName: 'vc-a.example.local',
  vrmsId: '3b4c7b5f-1d2e-4daf-8b42-6e2b1a4d2a11',
  vrmsName: 'vrms-a.example.local',
  siteName: 'Site A',
} as const;

export const SITE_B = {
  vcId: '7c9e2b1f-4d3a-4b8e-8f20-6e2b9d4c2b02',
  vcName: 'vc-b.example.local',
  vrmsId: '8dae3c2a-5e4b-4c9f-9a31-7f3cae5d3b12',
  vrmsName: 'vrms-b.example.local',
  siteName: 'Site B',
} as const;

export const PAIRING_ID = 'c0ffee00-1111-4a2b-9c3d-000000000001';

export const ORDINARY_VM_NAMES = [
  ...range(8).map((i) => `web-${pad(i + 1, 2)}`),
  ...range(6).map((i) => `app-${pad(i + 1, 2)}`),
  ...range(4).map((i) => `db-${pad(i + 1, 2)}`),
  'file-01',
  'file-02',
];

export const SPECIAL_VM_NAMES = ['legacy-01', 'nvme-01', 'template-01', 'ft-01'];

const FIRST_VM_MOREF = 101;
const FIRST_BENCH_VM_MOREF = 5001;
const KB_PER_GB = 1024 * 1024;
const BYTES_PER_GB = 1024 * 1024 * 1024;
const SCSI_CONTROLLER = { controller_key: 1000, controller_label: 'SCSI controller 0' };
const NVME_CONTROLLER = { controller_key: 31000, controller_label: 'NVME controller 0' };
const VERSION = '9.0.2.0';

function range(count: number): number[] {
  return Array.from({ length: count }, (_, i) => i);
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

export const vmId = (moref: number, vcId: string = SITE_A.vcId): string => `VirtualMachine:vm-${moref}:${vcId}`;
const datastoreId = (moref: number, vcId: string): string => `Datastore:datastore-${moref}:${vcId}`;

export const DATASTORE_IDS = {
  'ds-a-01': datastoreId(11, SITE_A.vcId),
  'ds-a-02': datastoreId(12, SITE_A.vcId),
  'ds-b-gold': datastoreId(21, SITE_B.vcId),
  'ds-b-silver': datastoreId(22, SITE_B.vcId),
  'vsanDatastore-b': datastoreId(23, SITE_B.vcId),
} as const;

export const STORAGE_POLICY_IDS = {
  'vSAN Default Storage Policy': 'aa6d5a82-1c88-45da-85d3-3d74b91a5bad',
  Gold: 'b0d1e2f3-0a1b-4c2d-8e3f-000000000101',
  Silver: 'b0d1e2f3-0a1b-4c2d-8e3f-000000000102',
  'VM Encryption Policy': '4d5b1d8c-2f1a-4b7e-9c3d-000000000103',
  'Site A vSAN Default Storage Policy': 'aa6d5a82-1c88-45da-85d3-3d74b91a5a01',
} as const;

/** Data disk sizes (GB) by VM family; the number of entries is the number of data disks (1–3). */
const DISK_SIZES_GB: Record<string, number[]> = {
  web: [40],
  app: [60, 100],
  db: [80, 200, 50],
  file: [40, 500],
  legacy: [60],
  nvme: [40, 120],
  template: [40],
  ft: [40],
  bench: [20],
};

interface DiskLayout {
  vmName: string;
  id: string;
  sizesGb: number[];
  datastoreName: 'ds-a-01' | 'ds-a-02';
  /** Index of the data disk that sits on an NVMe controller (unsupported for replication). */
  nvmeDiskIndex?: number;
}

function homeDisk(layout: DiskLayout): VmDisk {
  return {
    vm_id: layout.id,
    is_vm_home: true,
    encrypted: false,
    label: 'VM home',
    source_path: {
      datastore_id: DATASTORE_IDS[layout.datastoreName],
      datastore_name: layout.datastoreName,
      path: `${layout.vmName}/`,
      filename: `${layout.vmName}.vmx`,
    },
    source_storage_policy_name: null,
    source_storage_policy_id: null,
    controller_label: null,
    supported_for_replication: true,
  };
}

function dataDisk(layout: DiskLayout, index: number): VmDisk {
  const onNvme = layout.nvmeDiskIndex === index;
  const controller = onNvme ? NVME_CONTROLLER : SCSI_CONTROLLER;
  return {
    vm_id: layout.id,
    device_key: 2000 + index,
    is_vm_home: false,
    encrypted: false,
    capacity: layout.sizesGb[index] * KB_PER_GB,
    source_disk_format: 'THIN',
    source_path: {
      datastore_id: DATASTORE_IDS[layout.datastoreName],
      datastore_name: layout.datastoreName,
      path: `${layout.vmName}/`,
      filename: index === 0 ? `${layout.vmName}.vmdk` : `${layout.vmName}_${index}.vmdk`,
    },
    source_storage_policy_name: null,
    source_storage_policy_id: null,
    label: `Hard disk ${index + 1}`,
    ...controller,
    supported_for_replication: !onNvme,
  };
}

function fullCapability(): VmCapabilities {
  return {
    vm_validation_status: 'OK',
    quiescing_supported: true,
    network_compression_supported: true,
    mpit_supported: true,
    lwd_encryption_supported: true,
    vm_crypt_supported: true,
    vm_encrypted: false,
    vm_encryption_key_provider_type: null,
    replication_not_supported_reasons: null,
    auto_replicate_new_disks_supported: true,
    min_rpo_mins: 5,
    nvme_disk_controller_supported: true,
    ds_cluster_as_target_supported: true,
    reconfigure_vm_disks_supported: true,
  };
}

const SPECIAL_CAPABILITIES: Record<string, Partial<VmCapabilities>> = {
  'legacy-01': {
    quiescing_supported: false,
    mpit_supported: false,
    network_compression_supported: false,
    min_rpo_mins: 15,
  },
  'nvme-01': { nvme_disk_controller_supported: false },
  'template-01': {
    vm_validation_status: 'IS_VM_TEMPLATE',
    replication_not_supported_reasons: ['The virtual machine is a template.'],
  },
  'ft-01': {
    vm_validation_status: 'IS_FT_VM',
    replication_not_supported_reasons: ['Fault tolerant virtual machines cannot be replicated.'],
  },
};

function buildVm(vmName: string, moref: number, family: string): SimVm {
  const id = vmId(moref);
  const layout: DiskLayout = {
    vmName,
    id,
    sizesGb: DISK_SIZES_GB[family] ?? [40],
    datastoreName: moref % 2 === 1 ? 'ds-a-01' : 'ds-a-02',
    nvmeDiskIndex: vmName === 'nvme-01' ? 1 : undefined,
  };
  const isTemplate = vmName === 'template-01';
  return {
    vcId: SITE_A.vcId,
    vm: {
      id,
      name: vmName,
      power_state: isTemplate ? 'POWERED_OFF' : 'POWERED_ON',
      connection_state: 'CONNECTED',
      template: isTemplate,
      managed_by_info: null,
      vr_privilege_granted: true,
      disks: [homeDisk(layout), ...layout.sizesGb.map((_, index) => dataDisk(layout, index))],
    },
    capability: { ...fullCapability(), ...SPECIAL_CAPABILITIES[vmName] },
  };
}

function familyOf(vmName: string): string {
  return vmName.split('-')[0];
}

export function seedVms(extraVms = 0): SimVm[] {
  const names = [...ORDINARY_VM_NAMES, ...SPECIAL_VM_NAMES];
  const seeded = names.map((name, index) => buildVm(name, FIRST_VM_MOREF + index, familyOf(name)));
  const bench = range(extraVms).map((index) =>
    buildVm(`bench-${pad(index + 1, 4)}`, FIRST_BENCH_VM_MOREF + index, 'bench'),
  );
  return [...seeded, ...bench];
}

function datastore(
  name: keyof typeof DATASTORE_IDS,
  vcId: string,
  fileSystemType: 'VMFS' | 'NFS' | 'VSAN',
  capacityGb: number,
  freeGb: number,
): SimDatastore {
  const site = vcId === SITE_A.vcId ? 'a' : 'b';
  return {
    vcId,
    datastore: {
      id: DATASTORE_IDS[name],
      name,
      parent: `Datacenter:datacenter-3:${vcId}`,
      parent_name: `dc-${site}`,
      capacity: capacityGb * BYTES_PER_GB,
      free_space: freeGb * BYTES_PER_GB,
      file_system_type: fileSystemType,
      maintenance_mode: 'normal',
      overall_status: 'GREEN',
      accessible: true,
      type: 'DATASTORE',
      nkp_supported: fileSystemType === 'VSAN',
      path: `ds:///vmfs/volumes/${name}/`,
    },
  };
}

export function seedDatastores(): SimDatastore[] {
  return [
    datastore('ds-a-01', SITE_A.vcId, 'VMFS', 4096, 1800),
    datastore('ds-a-02', SITE_A.vcId, 'VMFS', 4096, 2200),
    datastore('ds-b-gold', SITE_B.vcId, 'VMFS', 8192, 6000),
    datastore('ds-b-silver', SITE_B.vcId, 'NFS', 16384, 12000),
    datastore('vsanDatastore-b', SITE_B.vcId, 'VSAN', 20480, 15000),
  ];
}

function policy(
  name: keyof typeof STORAGE_POLICY_IDS,
  vcId: string,
  compliantDatastores: string[],
  vmEncryptionSupported = false,
): SimStoragePolicy {
  return {
    vcId,
    policy: {
      storage_policy_id: STORAGE_POLICY_IDS[name],
      storage_policy_name: name === 'Site A vSAN Default Storage Policy' ? 'vSAN Default Storage Policy' : name,
      vm_encryption_supported: vmEncryptionSupported,
    },
    compliantDatastores,
  };
}

export function seedStoragePolicies(): SimStoragePolicy[] {
  return [
    policy('vSAN Default Storage Policy', SITE_B.vcId, ['vsanDatastore-b']),
    policy('Gold', SITE_B.vcId, ['ds-b-gold', 'vsanDatastore-b']),
    policy('Silver', SITE_B.vcId, ['ds-b-gold', 'ds-b-silver', 'vsanDatastore-b']),
    policy('VM Encryption Policy', SITE_B.vcId, ['ds-b-gold', 'ds-b-silver', 'vsanDatastore-b'], true),
    policy('Site A vSAN Default Storage Policy', SITE_A.vcId, ['ds-a-01', 'ds-a-02']),
  ];
}

function replicationServer(
  name: string,
  uuid: string,
  vrmsId: string,
  vcId: string,
  idPrefix: string,
): SimReplicationServer {
  return {
    vrmsId,
    server: {
      id: `${idPrefix}:HBRSRV-${uuid}:${vcId}`,
      name,
      uuid,
      hostname: `${name}.example.local`,
      configuration_url: `https://${name}.example.local:5480`,
      replication_count: 0,
      connected: true,
      decommissioned: false,
      internally_managed: name.endsWith('-01'),
      fault: null,
    },
  };
}

export function seedReplicationServers(): SimReplicationServer[] {
  return [
    replicationServer('vrs-a-01', '5e1d0c3b-7a2f-4e8d-9b6c-0000000a0001', SITE_A.vrmsId, SITE_A.vcId, 'HmsHbrServer'),
    replicationServer('vrs-b-01', '6f2e1d4c-8b3a-4f9e-8c7d-0000000b0001', SITE_B.vrmsId, SITE_B.vcId, 'HmsRemoteHbrServer'),
    replicationServer('vrs-b-02', '6f2e1d4c-8b3a-4f9e-8c7d-0000000b0002', SITE_B.vrmsId, SITE_B.vcId, 'HmsRemoteHbrServer'),
  ];
}

export function seedSeeds(): SimSeed[] {
  return [
    {
      datastoreId: DATASTORE_IDS['ds-b-silver'],
      vmName: 'file-01',
      deviceKey: 2000,
      path: 'seeds/file-01/file-01.vmdk',
      sizeBytes: 40 * BYTES_PER_GB,
    },
  ];
}

function serverInfo(id: string, name: string): ServerInfo {
  return {
    id,
    url: `https://${name}:443`,
    name,
    server_status: 'OK',
    certificates: [],
    certificate_warnings: [],
    version: VERSION,
  };
}

function vrmsInfo(site: typeof SITE_A | typeof SITE_B): VrmsInfo & { id: string } {
  return {
    ...serverInfo(site.vrmsId, site.vrmsName),
    id: site.vrmsId,
    vc_guid: site.vcId,
    vc_name: site.vcName,
    extension_key: 'com.vmware.vcHms',
  };
}

export function seedPairing(): VrState['pairings'][number] {
  return {
    pairing_id: PAIRING_ID,
    local_vc_server: serverInfo(SITE_A.vcId, SITE_A.vcName),
    remote_vc_server: serverInfo(SITE_B.vcId, SITE_B.vcName),
    local_vrms: serverInfo(SITE_A.vrmsId, SITE_A.vrmsName),
    remote_vrms: serverInfo(SITE_B.vrmsId, SITE_B.vrmsName),
  };
}

/** A fresh state with the seeded inventory and no replications. */
export function seedState(extraVms = 0): VrState {
  return {
    vcenters: [
      { id: SITE_A.vcId, name: SITE_A.vcName, site: 'local' },
      { id: SITE_B.vcId, name: SITE_B.vcName, site: 'remote' },
    ],
    localVrms: vrmsInfo(SITE_A),
    remoteVrms: [vrmsInfo(SITE_B)],
    pairings: [seedPairing()],
    vms: seedVms(extraVms),
    datastores: seedDatastores(),
    storagePolicies: seedStoragePolicies(),
    replicationServers: seedReplicationServers(),
    seeds: seedSeeds(),
    replications: [],
    removedReplications: [],
    tasks: [],
    sessions: [],
  };
}

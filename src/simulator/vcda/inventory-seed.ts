/**
 * The VCDA simulator's seeded inventory: local site `site1` (org `org1`, its Cloud Director VMs) and remote site
 * `site2` (org `org2`, vDCs `vdc-gold` and `vdc-silver`, storage profiles `Gold` and `Silver`, an SLA profile).
 * The ids the seed request ("Start Vm Replication" example) uses are the seeded ones, so its body is accepted
 * byte for byte: VM 441a891a-…-be1b (`vcd-web-01`), vDC d6977f40-…-8eda (`vdc-gold`), SLA profile e95fea3e-….
 *
 * Endpoints served: none.
 */
import type { SimSlaProfile, SimStorageProfile, SimVcdaOrg, SimVcdaVdc, SimVcdaVm, VcdaSiteInfo, VcdaState } from './types';

export const VCDA_LOCAL_SITE = 'site1';
export const VCDA_REMOTE_SITE = 'site2';

export const VCDA_VM_IDS = {
  'vcd-web-01': '441a891a-5294-4dff-b02d-c605d335be1b',
  'vcd-web-02': '441a891a-5294-4dff-b02d-c605d335be1c',
  'vcd-app-01': '441a891a-5294-4dff-b02d-c605d335be1d',
  'vcd-db-01': '441a891a-5294-4dff-b02d-c605d335be1e',
} as const;

export const VCDA_VDC_IDS = {
  'vdc-gold': 'd6977f40-4d90-46b2-a34e-5077e8648eda',
  'vdc-silver': 'd6977f40-4d90-46b2-a34e-5077e8648edb',
} as const;

export const VCDA_STORAGE_PROFILE_IDS = {
  Gold: '7a1f3c2e-6b4d-4e8f-9a0b-1c2d3e4f5a61',
  Silver: '7a1f3c2e-6b4d-4e8f-9a0b-1c2d3e4f5a62',
} as const;

export const VCDA_SLA_PROFILE_ID = 'e95fea3e-424f-412e-a1f3-57f742986d21';

/** The storage profile id that means "the vDC's default". */
export const VCDA_DEFAULT_STORAGE_PROFILE = '*';

const VAPP_IDS = {
  web: 'b5e4a1d0-2c3f-4a6b-8d9e-0f1a2b3c4d01',
  app: 'b5e4a1d0-2c3f-4a6b-8d9e-0f1a2b3c4d02',
  db: 'b5e4a1d0-2c3f-4a6b-8d9e-0f1a2b3c4d03',
};

const GIB = 1024;

function diskKeys(count: number): SimVcdaVm['disks'] {
  return Array.from({ length: count }, (_unused, index) => ({ key: 2000 + index, capacityMb: (index === 0 ? 40 : 100) * GIB }));
}

function seededVms(): SimVcdaVm[] {
  const vm = (name: keyof typeof VCDA_VM_IDS, vappId: string, disks: number): SimVcdaVm => ({
    id: VCDA_VM_IDS[name],
    name,
    site: VCDA_LOCAL_SITE,
    org: 'org1',
    vappId,
    disks: diskKeys(disks),
  });
  return [vm('vcd-web-01', VAPP_IDS.web, 2), vm('vcd-web-02', VAPP_IDS.web, 1), vm('vcd-app-01', VAPP_IDS.app, 2), vm('vcd-db-01', VAPP_IDS.db, 3)];
}

/** `vcd-bench-0001` …: the names of the extra VMs (fleets for the benchmark and the fault campaign). */
export function vcdaBenchVmName(index: number): string {
  return `vcd-bench-${String(index + 1).padStart(4, '0')}`;
}

/** The Cloud Director id of extra VM `index` (0-based): a fixed prefix and the index, so a fleet app can name it. */
export function vcdaBenchVmId(index: number): string {
  return `5b1e0000-0000-4000-8000-${String(index + 1).padStart(12, '0')}`;
}

const BENCH_VAPP_ID = 'b5e4a1d0-2c3f-4a6b-8d9e-0f1a2b3c4dbe';

/** `count` extra VMs on site1, alternately with 1 and 2 disks. */
function benchVms(count: number): SimVcdaVm[] {
  return Array.from({ length: count }, (_unused, index) => ({
    id: vcdaBenchVmId(index),
    name: vcdaBenchVmName(index),
    site: VCDA_LOCAL_SITE,
    org: 'org1',
    vappId: BENCH_VAPP_ID,
    disks: diskKeys(1 + (index % 2)),
  }));
}

function site(name: string, isLocal: boolean, description: string): VcdaSiteInfo {
  return {
    site: name,
    description,
    apiUrl: `https://vcda-${name}.sim.invalid:443`,
    apiPublicUrl: `https://vcda-${name}.sim.invalid:443`,
    apiThumbprint: null,
    isLocal,
    state: { incomingCommError: null, outgoingCommError: null },
    apiVersion: '4.7',
    buildVersion: '4.7.0-sim',
  };
}

function seededVdcs(): SimVcdaVdc[] {
  const profiles = [VCDA_STORAGE_PROFILE_IDS.Gold, VCDA_STORAGE_PROFILE_IDS.Silver];
  return [
    { id: VCDA_VDC_IDS['vdc-gold'], name: 'vdc-gold', site: VCDA_REMOTE_SITE, org: 'org2', storageProfileIds: [...profiles] },
    { id: VCDA_VDC_IDS['vdc-silver'], name: 'vdc-silver', site: VCDA_REMOTE_SITE, org: 'org2', storageProfileIds: [...profiles] },
  ];
}

function seededStorageProfiles(): SimStorageProfile[] {
  return [
    { id: VCDA_STORAGE_PROFILE_IDS.Gold, name: 'Gold', site: VCDA_REMOTE_SITE },
    { id: VCDA_STORAGE_PROFILE_IDS.Silver, name: 'Silver', site: VCDA_REMOTE_SITE },
  ];
}

/** The seed's SLA profile: the same policy the seed body states by hand (RPO 5, 3 instances 60 minutes apart). */
function seededSlaProfiles(): SimSlaProfile[] {
  return [
    {
      id: VCDA_SLA_PROFILE_ID,
      name: 'Gold SLA',
      rpo: 5,
      dataConnectionType: 'ENCRYPTED',
      retentionPolicy: { rules: [{ numberOfInstances: 3, distance: 60 }] },
    },
  ];
}

function seededOrgs(): SimVcdaOrg[] {
  return [
    { name: 'org1', site: VCDA_LOCAL_SITE },
    { name: 'org2', site: VCDA_REMOTE_SITE },
  ];
}

/** The seeded state; `extraVms` adds that many VMs (vcd-bench-0001 …) after the four seeded ones. */
export function seedVcdaState(extraVms = 0): VcdaState {
  return {
    localSite: VCDA_LOCAL_SITE,
    sites: [site(VCDA_LOCAL_SITE, true, 'Local site (simulated)'), site(VCDA_REMOTE_SITE, false, 'Remote site (simulated)')],
    orgs: seededOrgs(),
    vdcs: seededVdcs(),
    storageProfiles: seededStorageProfiles(),
    slaProfiles: seededSlaProfiles(),
    vms: [...seededVms(), ...benchVms(extraVms)],
    replications: [],
    tasks: [],
    sessions: [],
  };
}

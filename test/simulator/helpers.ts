/**
 * Test helpers for the VR simulator tests: start a simulator with response validation and a manual clock,
 * log in (local + remote session), and build configure specs from the simulator's own inventory.
 */
import axios, { type AxiosInstance } from 'axios';
import {
  DEFAULT_USERS,
  ManualClock,
  PAIRING_ID,
  SITE_A,
  SITE_B,
  DATASTORE_IDS,
  startSimulator,
  type RunningSimulator,
  type SimulatorOptions,
} from '../../src/simulator';

export { PAIRING_ID, SITE_A, SITE_B, DATASTORE_IDS, DEFAULT_USERS };

export interface TestSim {
  sim: RunningSimulator;
  clock: ManualClock;
  http: AxiosInstance;
  /** Stops the simulator (withSimulator and simulatorPerTest call it). */
  close(): Promise<void>;
}

export async function startTestSim(options: SimulatorOptions = {}): Promise<TestSim> {
  const clock = new ManualClock();
  const sim = await startSimulator({ validateResponses: true, taskDelayMs: 1000, clock, ...options });
  const http = axios.create({ baseURL: sim.apiBase, validateStatus: () => true });
  return { sim, clock, http, close: () => sim.close() };
}

export async function login(http: AxiosInstance): Promise<string> {
  const response = await http.post('/session', undefined, { auth: DEFAULT_USERS.local });
  if (response.status !== 200) throw new Error(`login failed: ${response.status}`);
  const sessionId: unknown = response.data.session_id;
  if (typeof sessionId !== 'string') throw new Error('no session_id');
  http.defaults.headers.common['x-dr-session'] = sessionId;
  return sessionId;
}

export async function loginBothSites(http: AxiosInstance): Promise<string> {
  const sessionId = await login(http);
  const remote = await http.post(`/pairings/${PAIRING_ID}/remote-session`, undefined, { auth: DEFAULT_USERS.remote });
  if (remote.status !== 204) throw new Error(`remote login failed: ${remote.status}`);
  return sessionId;
}

export const vmsPath = (vcId: string = SITE_A.vcId): string => `/pairings/${PAIRING_ID}/vcenters/${vcId}/vms`;

export interface VmSummary {
  id: string;
  name: string;
  disks: Array<Record<string, unknown>>;
}

export async function findVmByName(http: AxiosInstance, name: string): Promise<VmSummary> {
  const response = await http.get(vmsPath(), { params: { filter_property: 'name', filter: name } });
  const vm: unknown = response.data.list?.[0];
  if (!vm) throw new Error(`VM ${name} not found`);
  return vm as VmSummary;
}

export interface SpecOverrides {
  rpo?: number;
  datastore?: string;
  quiesce_enabled?: boolean;
  mpit_enabled?: boolean;
  mpit_instances?: number;
  mpit_days?: number;
  network_compression_enabled?: boolean;
  /** Disk labels to exclude (enabled_for_replication: false). */
  exclude?: string[];
}

/** A ConfigureReplicationSpec covering every disk of the VM (unsupported disks excluded). */
export function configureSpec(vm: VmSummary, overrides: SpecOverrides = {}): Record<string, unknown> {
  const datastore = overrides.datastore ?? DATASTORE_IDS['ds-b-gold'];
  return {
    vm_id: vm.id,
    target_vc_id: SITE_B.vcId,
    rpo: overrides.rpo ?? 60,
    quiesce_enabled: overrides.quiesce_enabled ?? false,
    network_compression_enabled: overrides.network_compression_enabled ?? false,
    mpit_enabled: overrides.mpit_enabled ?? false,
    mpit_instances: overrides.mpit_instances ?? 0,
    mpit_days: overrides.mpit_days ?? 0,
    auto_replicate_new_disks: true,
    lwd_encryption_enabled: false,
    target_replication_server_id: null,
    disks: vm.disks.map((disk) => ({
      vm_disk: disk,
      enabled_for_replication:
        disk.supported_for_replication !== false && !(overrides.exclude ?? []).includes(String(disk.label)),
      use_seeds: false,
      destination_path: null,
      destination_datastore_id: datastore,
      destination_storage_policy_id: null,
      destination_disk_format: 'SAME_AS_SOURCE',
    })),
  };
}

export async function configure(
  http: AxiosInstance,
  specs: Array<Record<string, unknown>>,
): Promise<{ status: number; data: Record<string, unknown> & { list?: Array<Record<string, unknown>> } }> {
  const response = await http.post(`/pairings/${PAIRING_ID}/replications`, specs);
  return { status: response.status, data: response.data };
}

export async function getTask(http: AxiosInstance, taskId: string): Promise<Record<string, unknown>> {
  const response = await http.get(`/tasks/${taskId}`);
  if (response.status !== 200) throw new Error(`GET task ${taskId}: ${response.status}`);
  return response.data;
}

/**
 * Test helpers for the simulator's VCDA service: a simulator (response validation on, manual clock, 1 s tasks)
 * with an HTTP client on `<url>/vcda`, logins by type, the session extended to site2, and task polling that
 * moves the fake clock instead of waiting.
 */
import axios, { type AxiosInstance, type AxiosResponse } from 'axios';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_VCDA_USERS, VCDA_VDC_IDS, VCDA_VM_IDS, type SimulatorOptions } from '../../src/simulator';
import { startTestSim, type TestSim } from './helpers';

export const SEED_BODY_FILE = path.join(__dirname, '..', 'fixtures', 'vcda', 'start-vm-replication.seed.json');

/** The seed's request body exactly as the file holds it (sent as raw bytes). */
export const seedBodyText = (): string => readFileSync(SEED_BODY_FILE, 'utf8');

export interface VcdaTestSim extends TestSim {
  vcda: AxiosInstance;
}

export async function startVcdaSim(options: SimulatorOptions = {}): Promise<VcdaTestSim> {
  const t = await startTestSim(options);
  const vcda = axios.create({ baseURL: `${t.sim.url}/vcda`, validateStatus: () => true });
  return { ...t, vcda };
}

export const LOGIN_BODIES = {
  vcdCredentials: { type: 'vcdCredentials', vcdUser: DEFAULT_VCDA_USERS.site1.username, vcdPassword: DEFAULT_VCDA_USERS.site1.password },
  localUser: { type: 'localUser', localUser: DEFAULT_VCDA_USERS.root.username, localPassword: DEFAULT_VCDA_USERS.root.password },
  ssoCredentials: { type: 'ssoCredentials', username: DEFAULT_VCDA_USERS.sso.username, password: DEFAULT_VCDA_USERS.sso.password },
} as const;

export const EXTEND_SITE2 = {
  type: 'credentials',
  site: 'site2',
  vcdUsername: DEFAULT_VCDA_USERS.site2.username,
  vcdPassword: DEFAULT_VCDA_USERS.site2.password,
} as const;

/** Logs in (Cloud Director credentials by default) and sends the token on every later request. */
export async function vcdaLogin(http: AxiosInstance, body: object = LOGIN_BODIES.vcdCredentials): Promise<string> {
  const response = await http.post('/sessions', body);
  const token: unknown = response.headers['x-vcav-auth'];
  if (response.status !== 200 || typeof token !== 'string') throw new Error(`login failed: ${response.status} ${JSON.stringify(response.data)}`);
  http.defaults.headers.common['X-VCAV-Auth'] = token;
  return token;
}

/** Logs in on site1 and extends the session to site2. */
export async function vcdaLoginBothSites(http: AxiosInstance): Promise<string> {
  const token = await vcdaLogin(http);
  const extended = await http.post('/sessions/extend', EXTEND_SITE2);
  if (extended.status !== 200) throw new Error(`extend failed: ${extended.status} ${JSON.stringify(extended.data)}`);
  return token;
}

export interface StartOverrides {
  vmId?: string;
  vdc?: string;
  storageProfile?: string;
  excludedDiskKeys?: readonly number[] | null;
  description?: string;
  rpo?: number;
}

/** A start body with a custom policy (no SLA profile). */
export function startBody(overrides: StartOverrides = {}): Record<string, unknown> {
  return {
    source: { type: 'vm', site: 'site1', vmId: overrides.vmId ?? VCDA_VM_IDS['vcd-web-02'], excludedDisks: overrides.excludedDiskKeys ?? null },
    destination: { type: 'vcloud', site: 'site2', vdc: overrides.vdc ?? VCDA_VDC_IDS['vdc-gold'], storageProfile: overrides.storageProfile ?? '*' },
    description: overrides.description ?? 'web tier',
    rpo: overrides.rpo ?? 15,
    dataConnectionType: 'ENCRYPTED_COMPRESSED',
    quiesced: false,
    retentionPolicy: { rules: [{ numberOfInstances: 4, distance: 60 }] },
    targetDiskType: 'THIN',
    initialSyncTime: 0,
    isMigration: false,
  };
}

export type Json = Record<string, unknown>;

export function taskOf(response: AxiosResponse): Json & { id: string; site: string; state: string } {
  if (response.status !== 202) throw new Error(`expected 202, got ${response.status} ${JSON.stringify(response.data)}`);
  return response.data as Json & { id: string; site: string; state: string };
}

/** Reads the task after the fake clock moved past its duration. */
export async function finishTask(t: VcdaTestSim, task: { id: string; site: string }): Promise<Json> {
  t.clock.advance(1000);
  const response = await t.vcda.get(`/tasks/${task.id}`, { params: { site: task.site } });
  if (response.status !== 200) throw new Error(`GET task: ${response.status} ${JSON.stringify(response.data)}`);
  return response.data as Json;
}

/** Starts a replication and lets its task finish; returns the replication id. */
export async function replicate(t: VcdaTestSim, body: Json = startBody()): Promise<string> {
  const done = await finishTask(t, taskOf(await t.vcda.post('/vm-replications', body)));
  if (done.state !== 'SUCCEEDED') throw new Error(`start failed: ${JSON.stringify(done)}`);
  return String((done.result as Json).id);
}

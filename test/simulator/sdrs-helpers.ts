/**
 * Test helpers for the simulator's SDRS service: a simulator (response validation on, manual clock, 1 s jobs) and
 * a small HTTP client on `<url>/sdrs/v1/{SDRS_PROJECT_ID}` that signs every request with AK/SK the way the SDRS
 * client does (lib/client/sdrs/signer.ts `signRequest`, at the simulator's fake clock) — or sends an
 * X-Auth-Token, or nothing — and job polling that moves the fake clock instead of waiting.
 */
import axios, { type AxiosResponse } from 'axios';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { signRequest } from '../../lib/client/sdrs/signer';
import type { SdrsCreateServerGroup } from '../../lib/client/sdrs/types';
import {
  SDRS_ACCESS_KEY,
  SDRS_DOMAIN_ID,
  SDRS_PROJECT_ID,
  SDRS_SECRET_KEY,
  SDRS_SERVER_IDS,
  SDRS_SOURCE_AZ,
  SDRS_TARGET_AZ,
  SDRS_VOLUME_IDS,
  SDRS_VPC_ID,
  type SimulatorOptions,
} from '../../src/simulator';
import { startTestSim, type TestSim } from './helpers';

export const SEED_BODY_FILE = path.join(__dirname, '..', 'fixtures', 'sdrs', 'create-replication.seed.json');

/** The seed's request body exactly as the file holds it (sent as raw bytes). */
export const seedBodyText = (): string => readFileSync(SEED_BODY_FILE, 'utf8');

export type Json = Record<string, unknown>;

export interface CallOptions {
  /** A JSON value (serialized here) or the exact body text. */
  body?: unknown;
  query?: Record<string, string>;
  /** `aksk` (default): signed; `token`: X-Auth-Token; `none`: no credentials. */
  auth?: 'aksk' | 'token' | 'none';
  token?: string;
  /** Signing time. @default the simulator's clock */
  signedAt?: number;
  secretKey?: string;
  /** Changes the request after signing (to prove the signature covers it). */
  tamper?: (request: { url: string; body: string | undefined }) => { url: string; body: string | undefined };
  /** Project in the path. @default SDRS_PROJECT_ID */
  project?: string;
}

export interface SdrsTestSim extends TestSim {
  call(method: string, apiPath: string, options?: CallOptions): Promise<AxiosResponse>;
}

export async function startSdrsSim(options: SimulatorOptions = {}): Promise<SdrsTestSim> {
  const t = await startTestSim(options);
  const http = axios.create({ validateStatus: () => true, transformRequest: [(data: unknown) => data] });
  const call = async (method: string, apiPath: string, options: CallOptions = {}): Promise<AxiosResponse> => {
    const query = new URLSearchParams(options.query ?? {}).toString();
    const signedUrl = `${t.sim.url}/sdrs/v1/${options.project ?? SDRS_PROJECT_ID}${apiPath}${query === '' ? '' : `?${query}`}`;
    const signedBody = options.body === undefined ? undefined : typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
    const headers: Record<string, string> = signedBody === undefined ? {} : { 'content-type': 'application/json' };
    const auth = options.auth ?? 'aksk';
    if (auth === 'aksk') {
      const credentials = { accessKey: SDRS_ACCESS_KEY, secretKey: options.secretKey ?? SDRS_SECRET_KEY };
      Object.assign(headers, signRequest({ method, url: signedUrl, headers, body: signedBody }, credentials, options.signedAt ?? t.clock.now()));
    }
    if (auth === 'token') headers['X-Auth-Token'] = options.token ?? '';
    const { url, body } = options.tamper ? options.tamper({ url: signedUrl, body: signedBody }) : { url: signedUrl, body: signedBody };
    return http.request({ method, url, headers, data: body });
  };
  return { ...t, call };
}

export const groupFields = (name = 'web-group', description = 'rf:0123456789ab'): SdrsCreateServerGroup => ({
  name,
  description,
  source_availability_zone: SDRS_SOURCE_AZ,
  target_availability_zone: SDRS_TARGET_AZ,
  domain_id: SDRS_DOMAIN_ID,
  source_vpc_id: SDRS_VPC_ID,
  dr_type: 'migration',
});

export const groupBody = (name = 'web-group'): Json => ({ server_group: groupFields(name) });

export const pairBody = (groupId: string, volume: keyof typeof SDRS_VOLUME_IDS = 'evs-web-01-data', name = 'web-data'): Json => ({
  replication: { server_group_id: groupId, volume_id: SDRS_VOLUME_IDS[volume], name, description: 'rf:0123456789ab' },
});

export const instanceBody = (groupId: string, server: keyof typeof SDRS_SERVER_IDS = 'ecs-web-01', name = 'web-01'): Json => ({
  protected_instance: { server_group_id: groupId, server_id: SDRS_SERVER_IDS[server], name },
});

export function jobIdOf(response: AxiosResponse): string {
  const jobId: unknown = (response.data as Json | undefined)?.job_id;
  if (response.status !== 200 || typeof jobId !== 'string') throw new Error(`expected 200 {job_id}, got ${response.status} ${JSON.stringify(response.data)}`);
  return jobId;
}

/** Reads the job after the fake clock moved past its duration. */
export async function finishJob(t: SdrsTestSim, jobId: string): Promise<Json & { status: string; entities: Record<string, string> }> {
  t.clock.advance(1000);
  const response = await t.call('GET', `/jobs/${jobId}`);
  if (response.status !== 200) throw new Error(`GET job: ${response.status} ${JSON.stringify(response.data)}`);
  return response.data as Json & { status: string; entities: Record<string, string> };
}

/** Sends an asynchronous request and waits for its job to end SUCCESS; returns the job. */
export async function succeed(t: SdrsTestSim, method: string, apiPath: string, body?: unknown): Promise<Json & { entities: Record<string, string> }> {
  const job = await finishJob(t, jobIdOf(await t.call(method, apiPath, { body })));
  if (job.status !== 'SUCCESS') throw new Error(`${method} ${apiPath}: job ${JSON.stringify(job)}`);
  return job;
}

export async function createGroup(t: SdrsTestSim, name = 'web-group'): Promise<string> {
  return (await succeed(t, 'POST', '/server-groups', groupBody(name))).entities.server_group_id ?? '';
}

export async function createPair(t: SdrsTestSim, groupId: string, volume: keyof typeof SDRS_VOLUME_IDS = 'evs-web-01-data', name = 'web-data'): Promise<string> {
  return (await succeed(t, 'POST', '/replications', pairBody(groupId, volume, name))).entities.replication_pair_id ?? '';
}

export async function createInstance(t: SdrsTestSim, groupId: string, server: keyof typeof SDRS_SERVER_IDS = 'ecs-web-01'): Promise<string> {
  return (await succeed(t, 'POST', '/protected-instances', instanceBody(groupId, server))).entities.protected_instance_id ?? '';
}

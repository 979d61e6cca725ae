/**
 * The bench and chaos profile of Huawei Cloud SDRS: the `sdrs-fleet` example (one protection group of az-a → az-b
 * with FLEET_SIZE replication pairs of evs-bench-0001…), the SDRS API's operation names under
 * `/sdrs/v1/{project_id}` (no login: AK/SK signs every request; polling = `GET /jobs/{id}`), the live pairs as
 * the simulator's SDRS state holds them, VR's fault mix aimed at the SDRS paths (the core answers with SDRS's
 * error body), the baseline script with SdrsClient and the bad-input cases.
 *
 * Endpoints called (baseline, relative to `<sim url>/sdrs/v1/{project_id}`):
 * @api POST /server-groups
 * @api POST /replications
 * @api POST /server-groups/{id}/action
 * @api GET  /jobs/{id}
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SdrsClient } from '../../../lib/client/sdrs/sdrs-client';
import { jobEntity } from '../../../lib/client/sdrs/sdrs-client';
import { signRequest } from '../../../lib/client/sdrs/signer';
import type { FaultRule, RecordedRequest, RunningSimulator, SimulatorOptions } from '../../../src/simulator';
import { startSimulator } from '../../../src/simulator';
import {
  SDRS_DOMAIN_ID,
  SDRS_PROJECT_ID,
  SDRS_SOURCE_AZ,
  SDRS_TARGET_AZ,
  SDRS_VPC_ID,
  sdrsBenchVolumeId,
  sdrsBenchVolumeName,
} from '../../../src/simulator/sdrs/inventory-seed';
import { SDRS_API_ROOT } from '../../../src/simulator/sdrs/service';
import { runBadInputCase, withEndpoint, type CaseDefinition } from '../../chaos/bad-input';
import type { BadInputCase, BadInputRun, BaselineResult, BenchProfile, CanaryUsers, FaultProfile, FaultSet, LiveObject, RequestSummary, SecretNeedle } from '../harness';
import { performanceNow, summarizeRequests as summarize } from '../harness';
import { vrBenchProfile } from './vr';

const KIND = 'sdrs.replication-pair';
const JOB_TIMEOUT_MS = 10 * 60_000;

// ------------------------------------------------------------------------------------------ users

export function canaryUsers(tag: string): CanaryUsers {
  const salt = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
  return { HW_AK: `SIM-AK-CANARY-${tag}`.toUpperCase(), HW_SK: `Canary-Sdrs-Sk-${tag}-${salt}` };
}

/** The canary variable `name`, or an error naming it (never a default key). */
function variable(users: CanaryUsers, name: 'HW_AK' | 'HW_SK'): string {
  const value = users[name];
  if (value === undefined) throw new Error(`the SDRS profile needs the canary variable ${name}`);
  return value;
}

/** The secret key only: it never travels (the signature does), so any sight of it is a leak. */
function secretNeedles(users: CanaryUsers): SecretNeedle[] {
  return [{ needle: variable(users, 'HW_SK'), secret: 'password' }];
}

async function startFleetSimulator(size: number, users: CanaryUsers, options: SimulatorOptions = {}): Promise<RunningSimulator> {
  const accessKeys = [{ accessKey: variable(users, 'HW_AK'), secretKey: variable(users, 'HW_SK') }];
  return startSimulator({ maxRecordedRequests: 5_000_000, ...options, sdrs: { ...options.sdrs, extraVolumes: size, accessKeys } });
}

// ------------------------------------------------------------------------------------------ requests

const ID_AFTER = new Set(['server-groups', 'replications', 'protected-instances', 'jobs']);
const PROJECT_ROOT = new RegExp(`^${SDRS_API_ROOT}/v1/[^/]+`);

/** `/sdrs/v1/<project>/replications/r-1/action` → `/replications/{id}/action`. */
export function pathTemplate(path: string): string {
  const apiPath = PROJECT_ROOT.test(path) ? path.replace(PROJECT_ROOT, '') || '/' : path;
  const segments = apiPath.split('/');
  return segments.map((segment, index) => (index > 0 && ID_AFTER.has(segments[index - 1]) && segment !== '' ? '{id}' : segment)).join('/');
}

export function operationOf(request: Pick<RecordedRequest, 'method' | 'path'>): string {
  return `${request.method} ${pathTemplate(request.path)}`;
}

/** Every SDRS write but a rename (PUT) answers with a job: creates, deletes, actions, attach/detach. */
function createsTask(operation: string, status: number): boolean {
  return status >= 200 && status < 300 && /^(POST|DELETE) /.test(operation);
}

const NO_LOGIN = '(none: AK/SK signs each request)';

const REQUESTS = {
  operationOf,
  login: NO_LOGIN,
  logout: NO_LOGIN,
  taskPoll: 'GET /jobs/{id}',
  createsTask,
} as const;

/** The harness's request summary with the SDRS operation names. */
export function summarizeRequests(records: readonly RecordedRequest[]): RequestSummary {
  return summarize(records, REQUESTS);
}

// ------------------------------------------------------------------------------------------ signatures

/**
 * The signer's CPU per signature, in microseconds: `count` signatures of a pair-create request, timed by process
 * CPU (user + system). A report figure, never a test assertion.
 */
export function signatureCpuMicros(count = 2000): number {
  const request = {
    method: 'POST',
    url: `https://sdrs.ap-southeast-1.myhuaweicloud.com/v1/${SDRS_PROJECT_ID}/replications`,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ replication: { server_group_id: 'c79fba33-b165-4c69-80c1-d7e590691162', volume_id: sdrsBenchVolumeId(0), name: 'x' } }),
  };
  const credentials = { accessKey: 'AK', secretKey: 'SK' };
  const before = process.cpuUsage();
  for (let index = 0; index < count; index++) signRequest(request, credentials, Date.now());
  const used = process.cpuUsage(before);
  return (used.user + used.system) / count;
}

// ------------------------------------------------------------------------------------------ faults

const TASK_ERROR = 'Injected by the fault campaign: create replication pair failed';

/** VR's workflow writes and their SDRS counterparts: configure = create pair, unconfigure = delete pair. */
const SDRS_TARGETS: Readonly<Record<string, Pick<FaultRule, 'method' | 'path'>>> = {
  'POST /pairings/*/replications': { method: 'POST', path: '/v1/*/replications' },
  'POST /pairings/*/replications/*/actions/unconfigure': { method: 'DELETE', path: '/v1/*/replications/*' },
};

function toSdrs(rule: FaultRule): FaultRule {
  const target = SDRS_TARGETS[`${rule.method ?? '*'} ${rule.path}`];
  return { ...rule, service: 'sdrs', ...target, ...(rule.taskError !== undefined ? { taskError: TASK_ERROR } : {}) };
}

/**
 * VR's fault mix (rates and forced counts) on the SDRS service: `/**` rules anywhere, configure on pair create,
 * unconfigure on pair delete. No session expiry: SDRS signs every request (AK/SK), it has no session to lose.
 */
export function faultRules(profile: FaultProfile, httpTimeoutMs: number, faults: FaultSet = 'all'): FaultRule[] {
  return vrBenchProfile.faultRules(profile, httpTimeoutMs, faults).filter((rule) => rule.expireSessions !== true).map(toSdrs);
}

// ------------------------------------------------------------------------------------------ live state

/** The pairs on the SDRS service: named after their volume, protected (the group's protection is on). */
function liveObjects(sim: RunningSimulator): LiveObject[] {
  return sim.sdrs.state.pairs.map((pair) => ({ name: pair.name, ok: pair.status === 'protected', settingsAsDeclared: pair.name.startsWith('evs-bench-') }));
}

// ------------------------------------------------------------------------------------------ baseline

function baselineClient(sim: RunningSimulator, users: CanaryUsers): SdrsClient {
  return new SdrsClient({
    endpoint: `${sim.url}${SDRS_API_ROOT}`,
    projectId: SDRS_PROJECT_ID,
    credentials: { accessKey: variable(users, 'HW_AK'), secretKey: variable(users, 'HW_SK') },
  });
}

async function finishedEntity(client: SdrsClient, jobId: string, key: string, what: string): Promise<string> {
  const job = await client.waitForJob(jobId, { timeoutMs: JOB_TIMEOUT_MS });
  const id = job.status === 'SUCCESS' ? jobEntity(job, key) : undefined;
  if (id === undefined) throw new Error(`baseline: ${what} ended ${job.status}`);
  return id;
}

/**
 * What a user would script instead: one sequential SdrsClient that creates the group, then each pair, waiting
 * for every job, then starts protection. No Terraform, no find-or-create, no ownership marker.
 */
async function runBaseline(sim: RunningSimulator, users: CanaryUsers, size: number): Promise<BaselineResult> {
  const client = baselineClient(sim, users);
  const started = performanceNow();
  const groupJob = await client.createProtectionGroup({
    name: 'baseline',
    source_availability_zone: SDRS_SOURCE_AZ,
    target_availability_zone: SDRS_TARGET_AZ,
    domain_id: SDRS_DOMAIN_ID,
    source_vpc_id: SDRS_VPC_ID,
  });
  const groupId = await finishedEntity(client, groupJob, 'server_group_id', 'the group create');
  let replications = 0;
  for (let index = 0; index < size; index++) {
    const pairJob = await client.createReplication({ server_group_id: groupId, volume_id: sdrsBenchVolumeId(index), name: sdrsBenchVolumeName(index) });
    await finishedEntity(client, pairJob, 'replication_pair_id', `the pair of ${sdrsBenchVolumeName(index)}`);
    replications += 1;
  }
  if (size > 0) await client.waitForJob(await client.startProtection(groupId), { timeoutMs: JOB_TIMEOUT_MS });
  const wallMs = performanceNow() - started;
  const { requests, logins, taskPolls } = client.stats;
  return { replications, wallMs, requests, logins, taskPolls };
}

// ------------------------------------------------------------------------------------------ bad input

/** The first pair's spec in the synthesized stack (its identity resource). */
function pairSpecFrom(stackDir: string): Record<string, unknown> {
  const json = JSON.parse(readFileSync(join(stackDir, 'cdk.tf.json'), 'utf8')) as { resource: { terraform_data: Record<string, { input: Record<string, unknown> }> } };
  const [key] = Object.keys(json.resource.terraform_data).filter((k) => k.includes('evs-bench-0001')).sort();
  if (!key) throw new Error(`no replication pair resource in ${stackDir}/cdk.tf.json`);
  return json.resource.terraform_data[key].input;
}

async function badInput(run: BadInputRun): Promise<BadInputCase[]> {
  const spec = pairSpecFrom(run.stackDir);
  const valid = JSON.stringify(withEndpoint(spec, `${run.sim.url}${SDRS_API_ROOT}`));
  const cases: CaseDefinition[] = [
    { name: 'malformed spec JSON', expectedExit: 2, specText: valid.slice(0, Math.floor(valid.length / 2)), sim: run.sim },
    { name: 'unknown kind', expectedExit: 2, kind: 'sdrs.replication-par', specText: valid, sim: run.sim },
    { name: 'missing credentials variable (HW_SK unset)', expectedExit: 2, specText: valid, env: { HW_SK: undefined }, sim: run.sim },
    { name: 'wrong secret key', expectedExit: 1, specText: valid, env: { HW_SK: 'Wrong-Secret-Key-not-the-canary' }, sim: run.sim },
    { name: 'endpoint unreachable', expectedExit: 1, specText: JSON.stringify(withEndpoint(spec, `http://127.0.0.1:9${SDRS_API_ROOT}`)), sim: run.sim },
  ];
  const target = { ...run, kind: KIND, replications: (sim: RunningSimulator) => sim.sdrs.state.pairs.length, sessionCalls: /^$/ };
  const results: BadInputCase[] = [];
  for (const definition of cases) results.push(await runBadInputCase(definition, target));
  return results;
}

// ------------------------------------------------------------------------------------------ the profile

export const sdrsBenchProfile: BenchProfile = {
  vendor: 'sdrs',
  fleet: {
    example: 'sdrs-fleet',
    stack: 'sdrs-fleet',
    env: (size, endpoint) => ({ SDRS_ENDPOINT: `${endpoint}${SDRS_API_ROOT}`, FLEET_SIZE: String(size) }),
    placeholderEndpoint: 'https://sdrs.ap-southeast-1.myhuaweicloud.com',
  },
  kinds: { replication: KIND, pairing: 'sdrs.protection-group' },
  canaryUsers,
  secretNeedles,
  startSimulator: startFleetSimulator,
  requests: REQUESTS,
  expectedNames: (size) => Array.from({ length: size }, (_, index) => sdrsBenchVolumeName(index)),
  liveObjects,
  faultRules,
  baseline: runBaseline,
  badInput,
};

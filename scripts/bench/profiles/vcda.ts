/**
 * The bench and chaos profile of VMware Cloud Director Availability: the `vcda-fleet` example (FLEET_SIZE
 * replications of vcd-bench-0001… from site1 to site2's vdc-gold), the VCDA API's operation names under
 * `/vcda` (logins = `POST /sessions`, polling = `GET /tasks/{id}`), the live replications and orphans as the
 * simulator's VCDA state holds them, VR's fault mix aimed at the VCDA paths (the core answers with VCDA's
 * `ApiError` body), the baseline script with VcdaClient and the bad-input cases.
 *
 * Endpoints called (baseline, relative to `<sim url>/vcda`):
 * @api POST /sessions
 * @api POST /sessions/extend
 * @api GET  /sites
 * @api POST /vm-replications
 * @api GET  /tasks/{id}
 * @api DELETE /sessions
 */
import { VcdaClient } from '../../../lib/client/vcda/vcda-client';
import type { VcdaStartReplication } from '../../../lib/client/vcda/types';
import type { FaultRule, RecordedRequest, RunningSimulator, SimulatorOptions, VcdaUsers } from '../../../src/simulator';
import { startSimulator, VCDA_API_ROOT, VCDA_VDC_IDS } from '../../../src/simulator';
import { vcdaBenchVmId, vcdaBenchVmName } from '../../../src/simulator/vcda/inventory-seed';
import { replicationSpecFrom, runBadInputCase, withEndpoint, type CaseDefinition } from '../../chaos/bad-input';
import type { BadInputCase, BadInputRun, BaselineResult, BenchProfile, CanaryUsers, FaultProfile, FaultSet, LiveObject, RequestSummary, SecretNeedle } from '../harness';
import { performanceNow, summarizeRequests as summarize } from '../harness';
import { vrBenchProfile } from './vr';

const KIND = 'vcda.replication';
const SOURCE_SITE = 'site1';
const DESTINATION_SITE = 'site2';

/** The fleet's policy (examples/vcda-fleet): RPO 15, 3 instances 60 minutes apart, no quiescing. */
const FLEET_RPO = 15;
const FLEET_RULES = [{ numberOfInstances: 3, distance: 60 }];

// ------------------------------------------------------------------------------------------ users

const USER_VARIABLES = ['VCDA_SITE1_USER', 'VCDA_SITE1_PASSWORD', 'VCDA_SITE2_USER', 'VCDA_SITE2_PASSWORD'] as const;

export function canaryUsers(tag: string): CanaryUsers {
  const salt = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
  return {
    VCDA_SITE1_USER: 'vcda-admin@org1',
    VCDA_SITE1_PASSWORD: `Canary-Vcda1-${tag}-${salt}!`,
    VCDA_SITE2_USER: 'vcda-admin@org2',
    VCDA_SITE2_PASSWORD: `Canary-Vcda2-${tag}-${salt}!`,
  };
}

/** The canary variable `name`, or an error naming it (never a default password). */
function variable(users: CanaryUsers, name: (typeof USER_VARIABLES)[number]): string {
  const value = users[name];
  if (value === undefined) throw new Error(`the VCDA profile needs the canary variable ${name}`);
  return value;
}

/** The Cloud Director users of site1 and site2 the simulator accepts. */
export function simulatorUsers(users: CanaryUsers): Partial<VcdaUsers> {
  return {
    site1: { username: variable(users, 'VCDA_SITE1_USER'), password: variable(users, 'VCDA_SITE1_PASSWORD') },
    site2: { username: variable(users, 'VCDA_SITE2_USER'), password: variable(users, 'VCDA_SITE2_PASSWORD') },
  };
}

/** Both passwords (VCDA logs in with a JSON body, never Basic, so there is no encoded form to look for). */
function secretNeedles(users: CanaryUsers): SecretNeedle[] {
  return [variable(users, 'VCDA_SITE1_PASSWORD'), variable(users, 'VCDA_SITE2_PASSWORD')].map((needle) => ({ needle, secret: 'password' as const }));
}

async function startFleetSimulator(size: number, users: CanaryUsers, options: SimulatorOptions = {}): Promise<RunningSimulator> {
  return startSimulator({ maxRecordedRequests: 5_000_000, ...options, vcda: { ...options.vcda, extraVms: size, users: simulatorUsers(users) } });
}

// ------------------------------------------------------------------------------------------ requests

const ID_AFTER = new Set(['vm-replications', 'tasks']);

/** `/vcda/vm-replications/C4-12/pause` → `/vm-replications/{id}/pause`. */
export function pathTemplate(path: string): string {
  const apiPath = path.startsWith(VCDA_API_ROOT) ? path.slice(VCDA_API_ROOT.length) || '/' : path;
  const segments = apiPath.split('/');
  return segments.map((segment, index) => (index > 0 && ID_AFTER.has(segments[index - 1]) && segment !== '' ? '{id}' : segment)).join('/');
}

export function operationOf(request: Pick<RecordedRequest, 'method' | 'path'>): string {
  return `${request.method} ${pathTemplate(request.path)}`;
}

export const OP_START = 'POST /vm-replications';
const TASK_OPERATIONS = /^(POST \/vm-replications|PATCH \/vm-replications\/\{id\}|POST \/vm-replications\/\{id\}\/(storage-profile|pause|resume|sync)|DELETE \/vm-replications\/\{id\})$/;

function createsTask(operation: string, status: number): boolean {
  return status >= 200 && status < 300 && TASK_OPERATIONS.test(operation);
}

const REQUESTS = {
  operationOf,
  login: 'POST /sessions',
  logout: 'DELETE /sessions',
  remoteLogin: 'POST /sessions/extend',
  taskPoll: 'GET /tasks/{id}',
  createsTask,
} as const;

/** The harness's request summary with the VCDA operation names. */
export function summarizeRequests(records: readonly RecordedRequest[]): RequestSummary {
  return summarize(records, REQUESTS);
}

// ------------------------------------------------------------------------------------------ faults

const TASK_ERROR = 'Injected by the fault campaign: start replication failed';

/** VR's workflow writes and their VCDA counterparts: configure = start, unconfigure = delete. */
const VCDA_TARGETS: Readonly<Record<string, Pick<FaultRule, 'method' | 'path'>>> = {
  'POST /pairings/*/replications': { method: 'POST', path: '/vm-replications' },
  'POST /pairings/*/replications/*/actions/unconfigure': { method: 'DELETE', path: '/vm-replications/*' },
};

/** A VR rule aimed at the VCDA service: the same fault, count and probability, on the matching VCDA request. */
function toVcda(rule: FaultRule): FaultRule {
  const target = VCDA_TARGETS[`${rule.method ?? '*'} ${rule.path}`];
  return { ...rule, service: 'vcda', ...target, ...(rule.taskError !== undefined ? { taskError: TASK_ERROR } : {}) };
}

/**
 * VR's fault mix (the issue's rates, the forced counts of the tests) on the VCDA service: every `/**` rule on
 * any VCDA request, the configure rules on `POST /vm-replications` (start), the unconfigure rule on
 * `DELETE /vm-replications/{id}`. The core answers injected statuses with VCDA's `ApiError` body.
 */
export function faultRules(profile: FaultProfile, httpTimeoutMs: number, faults: FaultSet = 'all'): FaultRule[] {
  return vrBenchProfile.faultRules(profile, httpTimeoutMs, faults).map(toVcda);
}

// ------------------------------------------------------------------------------------------ live state

function settingsAsDeclared(info: RunningSimulator['vcda']['state']['replications'][number]['info']): boolean {
  const { settings } = info;
  return settings.rpo === FLEET_RPO && settings.quiesced === false && JSON.stringify(settings.retentionPolicy?.rules ?? []) === JSON.stringify(FLEET_RULES);
}

/** The replications on the VCDA service: named after their VM, protecting (not paused, not RED), with the fleet's policy. */
function liveObjects(sim: RunningSimulator): LiveObject[] {
  return sim.vcda.state.replications.map(({ info }) => ({
    name: info.computerName ?? '',
    ok: info.isPaused !== true && info.overallHealth !== 'RED',
    settingsAsDeclared: settingsAsDeclared(info),
  }));
}

// ------------------------------------------------------------------------------------------ baseline

/** The seed's "Start Vm Replication" with the fleet's policy and no ownership marker. */
function baselineBody(vmId: string): VcdaStartReplication {
  return {
    source: { type: 'vm', site: SOURCE_SITE, vmId },
    destination: { type: 'vcloud', site: DESTINATION_SITE, vdc: VCDA_VDC_IDS['vdc-gold'], storageProfile: '*' },
    description: 'baseline',
    rpo: FLEET_RPO,
    retentionPolicy: { rules: FLEET_RULES },
    dataConnectionType: 'ENCRYPTED',
    quiesced: false,
    targetDiskType: 'THIN',
    initialSyncTime: 0,
    isMigration: false,
  };
}

/**
 * What a user would script instead: one sequential VcdaClient that logs in, reads the sites, extends its session
 * to site2, then for each VM starts the replication and waits for its task. No Terraform, no find-or-create.
 */
async function runBaseline(sim: RunningSimulator, users: CanaryUsers, size: number): Promise<BaselineResult> {
  const client = new VcdaClient({
    endpoint: `${sim.url}${VCDA_API_ROOT}`,
    credentials: { username: variable(users, 'VCDA_SITE1_USER'), password: variable(users, 'VCDA_SITE1_PASSWORD') },
    remoteCredentials: { username: variable(users, 'VCDA_SITE2_USER'), password: variable(users, 'VCDA_SITE2_PASSWORD') },
  });
  const started = performanceNow();
  let replications = 0;
  try {
    await client.login();
    if (!(await client.listSites()).some((site) => site.site === DESTINATION_SITE)) throw new Error(`baseline: no site ${DESTINATION_SITE}`);
    await client.extendSession(DESTINATION_SITE);
    for (let index = 0; index < size; index++) {
      const task = await client.startReplication(baselineBody(vcdaBenchVmId(index)));
      const done = await client.waitForTask(task, { timeoutMs: 10 * 60_000 });
      if (done.state !== 'SUCCEEDED') throw new Error(`baseline: start of ${vcdaBenchVmName(index)} ended ${done.state}`);
      replications += 1;
    }
  } finally {
    await client.logout().catch(() => undefined);
  }
  const wallMs = performanceNow() - started;
  const { requests, logins, taskPolls } = client.stats;
  return { replications, wallMs, requests, logins, taskPolls };
}

// ------------------------------------------------------------------------------------------ bad input

const SESSION_CALLS = /\/sessions(\/extend)?$/;

function withDestinationSite(spec: Record<string, unknown>, site: string): Record<string, unknown> {
  return { ...spec, destination: { ...(spec.destination as Record<string, unknown>), site } };
}

/** The cases, each with the real CLI and the faults off; a TLS simulator whose certificate is not trusted. */
async function badInput(run: BadInputRun): Promise<BadInputCase[]> {
  const tlsSim = await startSimulator({ tls: true, vcda: { users: simulatorUsers(run.users) } });
  try {
    const spec = replicationSpecFrom(run.stackDir);
    const at = (sim: RunningSimulator) => withEndpoint(spec, `${sim.url}${VCDA_API_ROOT}`);
    const valid = JSON.stringify(at(run.sim));
    const cases: CaseDefinition[] = [
      { name: 'malformed spec JSON', expectedExit: 2, specText: valid.slice(0, Math.floor(valid.length / 2)), sim: run.sim },
      { name: 'unknown kind', expectedExit: 2, kind: 'vcda.replicaton', specText: valid, sim: run.sim },
      { name: 'missing credentials variable (VCDA_SITE1_PASSWORD unset)', expectedExit: 2, specText: valid, env: { VCDA_SITE1_PASSWORD: undefined }, sim: run.sim },
      { name: 'wrong password', expectedExit: 1, specText: valid, env: { VCDA_SITE1_PASSWORD: 'Wrong-Passw0rd-not-the-canary!' }, sim: run.sim },
      { name: 'unknown destination site (site9)', expectedExit: 2, specText: JSON.stringify(withDestinationSite(at(run.sim), 'site9')), sim: run.sim },
      { name: 'TLS certificate not trusted', expectedExit: 1, specText: JSON.stringify(at(tlsSim)), sim: tlsSim },
      { name: 'endpoint unreachable', expectedExit: 1, specText: JSON.stringify(withEndpoint(spec, `http://127.0.0.1:9${VCDA_API_ROOT}`)), sim: run.sim },
    ];
    const target = { ...run, kind: KIND, replications: (sim: RunningSimulator) => sim.vcda.state.replications.length, sessionCalls: SESSION_CALLS };
    const results: BadInputCase[] = [];
    for (const definition of cases) results.push(await runBadInputCase(definition, target));
    return results;
  } finally {
    await tlsSim.close();
  }
}

// ------------------------------------------------------------------------------------------ the profile

export const vcdaBenchProfile: BenchProfile = {
  vendor: 'vcda',
  fleet: {
    example: 'vcda-fleet',
    stack: 'vcda-fleet',
    env: (size, endpoint) => ({ VCDA_ENDPOINT: `${endpoint}${VCDA_API_ROOT}`, FLEET_SIZE: String(size) }),
    placeholderEndpoint: 'https://vcda.example.local',
  },
  kinds: { replication: KIND, pairing: 'vcda.site' },
  canaryUsers,
  secretNeedles,
  startSimulator: startFleetSimulator,
  requests: REQUESTS,
  expectedNames: (size) => Array.from({ length: size }, (_, index) => vcdaBenchVmName(index)),
  liveObjects,
  faultRules,
  baseline: runBaseline,
  badInput,
};

/**
 * The bench and chaos profile of vSphere Replication: the `fleet` example (FLEET_SIZE replications of
 * bench-0001… from site A to site B), the VR API's operation names (what counts as a login and as polling),
 * the live replications and orphans as the simulator holds them, the fault mix of the chaos campaign, the
 * baseline script and the bad-input cases.
 */
import type { FaultRule, RecordedRequest, RunningSimulator, SimulatorOptions } from '../../../src/simulator';
import { startSimulator, VR_API_ROOT } from '../../../src/simulator';
import { replicationSpecFrom, runBadInputCases } from '../../chaos/bad-input';
import { runBaseline } from '../baseline';
import type { BadInputRun, BenchProfile, CanaryUsers, FaultProfile, FaultSet, RequestSummary, SecretNeedle } from '../harness';
import { summarizeRequests as summarize } from '../harness';

/** The VR canary users: the variables the CLI and the fleet example read. */
export interface SiteUsers extends CanaryUsers {
  readonly VR_SITE_A_USER: string;
  readonly VR_SITE_A_PASSWORD: string;
  readonly VR_SITE_B_USER: string;
  readonly VR_SITE_B_PASSWORD: string;
}

export function canaryUsers(tag: string): SiteUsers {
  const salt = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
  return {
    VR_SITE_A_USER: 'dr-admin@vsphere.local',
    VR_SITE_A_PASSWORD: `Canary-A-${tag}-${salt}!`,
    VR_SITE_B_USER: 'dr-admin@vsphere.local',
    VR_SITE_B_PASSWORD: `Canary-B-${tag}-${salt}!`,
  };
}

/** The site users of canaryUsers; a variable that is missing falls back to an empty string (never a default password). */
export function simulatorUsers(users: CanaryUsers): SimulatorOptions['users'] {
  const get = (name: string): string => users[name] ?? '';
  return {
    local: { username: get('VR_SITE_A_USER'), password: get('VR_SITE_A_PASSWORD') },
    remote: { username: get('VR_SITE_B_USER'), password: get('VR_SITE_B_PASSWORD') },
  };
}

function secretNeedles(users: CanaryUsers): SecretNeedle[] {
  const { local, remote } = simulatorUsers(users) ?? {};
  const basic = (user = '', password = '') => Buffer.from(`${user}:${password}`).toString('base64');
  return [
    { needle: local?.password ?? '', secret: 'password' as const },
    { needle: remote?.password ?? '', secret: 'password' as const },
    { needle: basic(local?.username, local?.password), secret: 'basic-auth' as const },
    { needle: basic(remote?.username, remote?.password), secret: 'basic-auth' as const },
  ].filter((n) => n.needle !== '');
}

async function startFleetSimulator(size: number, users: CanaryUsers, options: SimulatorOptions = {}): Promise<RunningSimulator> {
  return startSimulator({ extraVms: size, users: simulatorUsers(users), maxRecordedRequests: 5_000_000, ...options });
}

const ID_AFTER = new Set(['pairings', 'vcenters', 'vms', 'datastores', 'storage-policies', 'replications', 'tasks', 'vrs', 'replication-servers']);

/** `/pairings/9f…/vcenters/…/vms/vm-12/disks` → `/pairings/{id}/vcenters/{id}/vms/{id}/disks`. */
export function pathTemplate(path: string): string {
  const apiPath = path.startsWith(VR_API_ROOT) ? path.slice(VR_API_ROOT.length) || '/' : path;
  const segments = apiPath.split('/');
  return segments.map((segment, index) => (index > 0 && ID_AFTER.has(segments[index - 1]) && segment !== '' ? '{id}' : segment)).join('/');
}

export function operationOf(request: Pick<RecordedRequest, 'method' | 'path'>): string {
  return `${request.method} ${pathTemplate(request.path)}`;
}

const OP_CONFIGURE = 'POST /pairings/{id}/replications';

function createsTask(operation: string, status: number): boolean {
  if (status < 200 || status >= 300) return false;
  return (
    operation === OP_CONFIGURE ||
    /^POST \/pairings\/\{id\}\/replications\/\{id\}\/actions\/(reconfigure|unconfigure|pause|resume|sync)$/.test(operation) ||
    operation === 'DELETE /pairings/{id}/replications/{id}'
  );
}

const REQUESTS = {
  operationOf,
  login: 'POST /session',
  logout: 'DELETE /session',
  remoteLogin: 'POST /pairings/{id}/remote-session',
  taskPoll: 'GET /tasks/{id}',
  createsTask,
} as const;

/** The harness's request summary with the VR operation names. */
export function summarizeRequests(records: readonly RecordedRequest[]): RequestSummary {
  return summarize(records, REQUESTS);
}

// ------------------------------------------------------------------------------------------ faults

const TASK_ERROR = 'Injected by the fault campaign: configure failed';

/**
 * Rules are tried in order and the first that fires wins, so later probabilities are scaled to give the issue's
 * marginal rates. The `http` set leaves out the failing configure tasks (kills are left out by runChaos).
 */
export function faultRules(profile: FaultProfile, httpTimeoutMs: number, faults: FaultSet = 'all'): FaultRule[] {
  const slowMs = httpTimeoutMs + Math.max(500, Math.round(httpTimeoutMs / 2));
  if (profile === 'random') {
    const rules = randomRules(slowMs);
    return faults === 'all' ? rules : rules.filter((rule) => rule.id !== 'task-error');
  }
  return faults === 'all' ? forcedRules(slowMs) : forcedHttpRules(slowMs);
}

/**
 * Every session dropped once, just before the tenth authenticated read after the faults start (a login is
 * never the one): that read and every later call on an old session meet a 401, whatever the machine's speed.
 * A timer (`sessionExpiryMs`) could fire between two processes, when no call holds a session, and inject nothing.
 */
const SESSION_EXPIRY: FaultRule = { id: 'session-expiry', method: 'GET', path: '^/(?!sessions?(/|$))', skip: 9, count: 1, expireSessions: true };

/**
 * HTTP faults at fixed counts, the writes aimed at the replication workflow: a configure reset before it is
 * handled, a configure that lands after the client's timeout, an unconfigure whose response is lost.
 */
function forcedHttpRules(slowMs: number): FaultRule[] {
  return [
    { id: 'http-503', path: '/**', skip: 4, count: 2, status: 503, retryAfterSeconds: 1 },
    { id: 'http-429', path: '/**', skip: 6, count: 2, status: 429, retryAfterSeconds: 1 },
    { id: 'reset', method: 'POST', path: '/pairings/*/replications', count: 1, reset: true },
    { id: 'slow', method: 'POST', path: '/pairings/*/replications', skip: 1, count: 1, delayMs: slowMs },
    { id: 'drop', method: 'POST', path: '/pairings/*/replications/*/actions/unconfigure', count: 1, dropResponse: true },
    SESSION_EXPIRY,
  ];
}

function forcedRules(slowMs: number): FaultRule[] {
  return [
    { id: 'task-error', method: 'POST', path: '/pairings/*/replications', count: 1, taskError: TASK_ERROR },
    { id: 'http-503', path: '/**', skip: 4, count: 2, status: 503, retryAfterSeconds: 1 },
    { id: 'http-429', path: '/**', skip: 6, count: 2, status: 429, retryAfterSeconds: 1 },
    { id: 'reset', path: '/**', skip: 8, count: 1, reset: true },
    { id: 'slow', path: '/**', skip: 10, count: 1, delayMs: slowMs },
    { id: 'drop', path: '/**', skip: 12, count: 1, dropResponse: true },
    SESSION_EXPIRY,
  ];
}

function randomRules(slowMs: number): FaultRule[] {
  const rates = { http503: 0.1, http429: 0.03, reset: 0.02, slow: 0.01, drop: 0.01 };
  let left = 1;
  const scaled = (rate: number) => {
    const probability = Math.min(1, rate / left);
    left -= rate;
    return probability;
  };
  return [
    { id: 'task-error', method: 'POST', path: '/pairings/*/replications', probability: 0.02, taskError: TASK_ERROR },
    { id: 'http-503', path: '/**', probability: scaled(rates.http503), status: 503, retryAfterSeconds: 1 },
    { id: 'http-429', path: '/**', probability: scaled(rates.http429), status: 429, retryAfterSeconds: 1 },
    { id: 'reset', path: '/**', probability: scaled(rates.reset), reset: true },
    { id: 'slow', path: '/**', probability: scaled(rates.slow), delayMs: slowMs },
    { id: 'drop', path: '/**', probability: scaled(rates.drop), dropResponse: true },
  ];
}

// ------------------------------------------------------------------------------------------ the profile

/** The replications on the server: named after their VM, OK, and with the fleet's settings (RPO 15, PIT 3 × 5). */
function liveObjects(sim: RunningSimulator): ReturnType<BenchProfile['liveObjects']> {
  return sim.state.replications.map((r) => ({
    name: r.info.name ?? '',
    ok: r.info.configuration_state === 'OK',
    settingsAsDeclared: r.info.rpo === 15 && r.info.mpit_enabled === true && r.info.mpit_instances === 3 && r.info.mpit_days === 5,
  }));
}

/** The VR canary users, or an error naming the variable that is missing. */
function siteUsers(users: CanaryUsers): SiteUsers {
  const get = (name: string): string => {
    const value = users[name];
    if (value === undefined) throw new Error(`the VR profile needs the canary variable ${name}`);
    return value;
  };
  return { VR_SITE_A_USER: get('VR_SITE_A_USER'), VR_SITE_A_PASSWORD: get('VR_SITE_A_PASSWORD'), VR_SITE_B_USER: get('VR_SITE_B_USER'), VR_SITE_B_PASSWORD: get('VR_SITE_B_PASSWORD') };
}

/** The bad-input cases, with a TLS simulator whose certificate is not trusted. */
async function badInput(run: BadInputRun): ReturnType<BenchProfile['badInput']> {
  const tlsSim = await startSimulator({ tls: true, users: simulatorUsers(run.users) });
  try {
    return await runBadInputCases({ ...run, tlsSim, users: siteUsers(run.users), spec: replicationSpecFrom(run.stackDir) });
  } finally {
    await tlsSim.close();
  }
}

export const vrBenchProfile: BenchProfile = {
  vendor: 'vr',
  fleet: { example: 'fleet', stack: 'fleet', env: (size, endpoint) => ({ VR_ENDPOINT: endpoint, FLEET_SIZE: String(size) }), placeholderEndpoint: 'https://vr-a.example.local' },
  kinds: { replication: 'vr.replication', pairing: 'vr.pairing' },
  canaryUsers,
  secretNeedles,
  startSimulator: startFleetSimulator,
  requests: REQUESTS,
  expectedNames: (size) => Array.from({ length: size }, (_, i) => `bench-${String(i + 1).padStart(4, '0')}`),
  liveObjects,
  faultRules,
  baseline: (sim, users, size) => runBaseline({ sim, users: siteUsers(users), vmNames: vrBenchProfile.expectedNames(size) }),
  badInput,
};

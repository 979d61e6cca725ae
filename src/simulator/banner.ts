/**
 * What `repliform simulator` accepts and prints: the credential variables the examples read (VR_SITE_*, VCDA_SITE*,
 * HW_AK / HW_SK), each with the simulator's default, turned into the services' options (a variable set when it
 * starts replaces the default) and into the banner — every service's endpoint and credentials as `export` lines
 * for the shell that runs Terraform. A secret taken from the environment is never printed.
 *
 * Endpoints served: none.
 */
import type { RunningSimulator, SimulatorOptions } from './options';
import { SDRS_ACCESS_KEY, SDRS_API_ROOT, SDRS_SECRET_KEY, SDRS_TEST_TOKEN } from './sdrs/service';
import { DEFAULT_VCDA_USERS, VCDA_API_ROOT } from './vcda/service';
import { VCDA_LOCAL_SITE, VCDA_REMOTE_SITE } from './vcda/inventory-seed';
import { DEFAULT_USERS } from './vr/service';

/** Each credential variable and the simulator's default for it. */
const DEFAULTS = {
  VR_SITE_A_USER: DEFAULT_USERS.local.username,
  VR_SITE_A_PASSWORD: DEFAULT_USERS.local.password,
  VR_SITE_B_USER: DEFAULT_USERS.remote.username,
  VR_SITE_B_PASSWORD: DEFAULT_USERS.remote.password,
  VCDA_SITE1_USER: DEFAULT_VCDA_USERS.site1.username,
  VCDA_SITE1_PASSWORD: DEFAULT_VCDA_USERS.site1.password,
  VCDA_SITE2_USER: DEFAULT_VCDA_USERS.site2.username,
  VCDA_SITE2_PASSWORD: DEFAULT_VCDA_USERS.site2.password,
  HW_AK: SDRS_ACCESS_KEY,
  HW_SK: SDRS_SECRET_KEY,
} as const;

type CredentialVariable = keyof typeof DEFAULTS;

const SECRETS: ReadonlySet<CredentialVariable> = new Set(['VR_SITE_A_PASSWORD', 'VR_SITE_B_PASSWORD', 'VCDA_SITE1_PASSWORD', 'VCDA_SITE2_PASSWORD', 'HW_SK']);

/** The variable's value when it starts: the environment's (an empty one counts as unset), else the default. */
function given(env: NodeJS.ProcessEnv, name: CredentialVariable): string | undefined {
  const value = env[name];
  return value === undefined || value === '' ? undefined : value;
}

function valueOf(env: NodeJS.ProcessEnv, name: CredentialVariable): string {
  return given(env, name) ?? DEFAULTS[name];
}

/** The users and keys each service accepts, from the environment's credential variables. */
export function credentialOptionsFromEnv(env: NodeJS.ProcessEnv): Pick<SimulatorOptions, 'users' | 'vcda' | 'sdrs'> {
  const user = (username: CredentialVariable, password: CredentialVariable) => ({ username: valueOf(env, username), password: valueOf(env, password) });
  return {
    users: { local: user('VR_SITE_A_USER', 'VR_SITE_A_PASSWORD'), remote: user('VR_SITE_B_USER', 'VR_SITE_B_PASSWORD') },
    vcda: { users: { site1: user('VCDA_SITE1_USER', 'VCDA_SITE1_PASSWORD'), site2: user('VCDA_SITE2_USER', 'VCDA_SITE2_PASSWORD') } },
    sdrs: { accessKeys: [{ accessKey: valueOf(env, 'HW_AK'), secretKey: valueOf(env, 'HW_SK') }] },
  };
}

/** A value as one single-quoted shell word. */
function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

function exportLine(name: string, value: string): string {
  return `  export ${name}=${shellQuote(value)}`;
}

function credentialLine(env: NodeJS.ProcessEnv, name: CredentialVariable): string {
  if (SECRETS.has(name) && given(env, name) !== undefined) return `  # ${name}: the one set in the environment when the simulator started`;
  return exportLine(name, valueOf(env, name));
}

function vrLines(sim: RunningSimulator, env: NodeJS.ProcessEnv): string[] {
  return [
    `# vSphere Replication (VR): API at ${sim.apiBase}; site A (local) and site B (remote)`,
    exportLine('VR_ENDPOINT', sim.url),
    ...(['VR_SITE_A_USER', 'VR_SITE_A_PASSWORD', 'VR_SITE_B_USER', 'VR_SITE_B_PASSWORD'] as const).map((name) => credentialLine(env, name)),
  ];
}

function vcdaLines(sim: RunningSimulator, env: NodeJS.ProcessEnv): string[] {
  const { root, sso } = DEFAULT_VCDA_USERS;
  return [
    `# Cloud Director Availability (VCDA): API at ${sim.url}${VCDA_API_ROOT}; ${VCDA_LOCAL_SITE} (local, org1) and ${VCDA_REMOTE_SITE} (org2, for /sessions/extend)`,
    exportLine('VCDA_ENDPOINT', `${sim.url}${VCDA_API_ROOT}`),
    ...(['VCDA_SITE1_USER', 'VCDA_SITE1_PASSWORD', 'VCDA_SITE2_USER', 'VCDA_SITE2_PASSWORD'] as const).map((name) => credentialLine(env, name)),
    `  # also accepted: loginType LOCAL_USER ${root.username} / ${shellQuote(root.password)}, SSO_CREDENTIALS ${sso.username} / ${shellQuote(sso.password)}`,
  ];
}

function sdrsLines(sim: RunningSimulator, env: NodeJS.ProcessEnv): string[] {
  return [
    `# Huawei Cloud SDRS: API at ${sim.url}${SDRS_API_ROOT}/v1/{project_id}; AK/SK signatures (Credentials.fromEnvAkSk)`,
    exportLine('SDRS_ENDPOINT', `${sim.url}${SDRS_API_ROOT}`),
    exportLine('SDRS_PROJECT_ID', sim.sdrs.state.inventory.project_id),
    credentialLine(env, 'HW_AK'),
    credentialLine(env, 'HW_SK'),
    `  # also accepted: X-Auth-Token ${shellQuote(SDRS_TEST_TOKEN)} (Credentials.fromEnvToken)`,
  ];
}

/** The banner: where the simulator listens, then each service's endpoint and credentials. */
export function bannerLines(sim: RunningSimulator, env: NodeJS.ProcessEnv): string[] {
  return [
    `repliform simulator listening on ${sim.url} (VR, VCDA and SDRS; the lines below are for the shell that runs Terraform)`,
    ...vrLines(sim, env),
    ...vcdaLines(sim, env),
    ...sdrsLines(sim, env),
    '# set the user, password and key variables before starting the simulator to change what it accepts',
  ];
}

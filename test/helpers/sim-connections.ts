/**
 * The simulator's default VCDA and SDRS credentials as the environment variables that connection blocks name (VR's
 * are SIM_ENV in ./context), those connection blocks, and an SDRS protection group in the simulator's seeded AZs
 * and VPC — as a resource's JSON and as the reference a pair, an instance or a protection names it by.
 */
import {
  DEFAULT_VCDA_USERS,
  SDRS_ACCESS_KEY,
  SDRS_DOMAIN_ID,
  SDRS_PROJECT_ID,
  SDRS_SECRET_KEY,
  SDRS_SOURCE_AZ,
  SDRS_TARGET_AZ,
  SDRS_VPC_ID,
} from '../../src/simulator';

export const VCDA_SIM_ENV: NodeJS.ProcessEnv = {
  VCDA_SITE1_USER: DEFAULT_VCDA_USERS.site1.username,
  VCDA_SITE1_PASSWORD: DEFAULT_VCDA_USERS.site1.password,
  VCDA_SITE2_USER: DEFAULT_VCDA_USERS.site2.username,
  VCDA_SITE2_PASSWORD: DEFAULT_VCDA_USERS.site2.password,
};

export const SDRS_SIM_ENV: NodeJS.ProcessEnv = { HW_AK: SDRS_ACCESS_KEY, HW_SK: SDRS_SECRET_KEY };

/** A VR connection to `endpoint` naming SIM_ENV's variables. */
export function vrConnection(endpoint: string) {
  return {
    endpoint,
    credentials: { username_env: 'VR_SITE_A_USER', password_env: 'VR_SITE_A_PASSWORD' },
    remote_credentials: { username_env: 'VR_SITE_B_USER', password_env: 'VR_SITE_B_PASSWORD' },
  };
}

/** A VCDA connection to the simulator at `simUrl` naming VCDA_SIM_ENV's variables. */
export function vcdaConnection(simUrl: string) {
  return {
    endpoint: `${simUrl}/vcda`,
    credentials: { username_env: 'VCDA_SITE1_USER', password_env: 'VCDA_SITE1_PASSWORD' },
    remote_credentials: { username_env: 'VCDA_SITE2_USER', password_env: 'VCDA_SITE2_PASSWORD' },
  };
}

/** An SDRS connection to the simulator at `simUrl` naming SDRS_SIM_ENV's variables. */
export function sdrsConnection(simUrl: string) {
  return { endpoint: `${simUrl}/sdrs`, project_id: SDRS_PROJECT_ID, credentials: { access_key_env: 'HW_AK', secret_key_env: 'HW_SK' } };
}

/** How a pair, an instance or a protection names the group `sdrsGroupJson(owner)` makes. */
export function sdrsGroupRef(owner: string) {
  return { source_availability_zone: SDRS_SOURCE_AZ, target_availability_zone: SDRS_TARGET_AZ, source_vpc_id: SDRS_VPC_ID, owner };
}

/** The protection group `web-group` (migration between the seeded AZs, in the seeded VPC), without a connection. */
export function sdrsGroupJson(owner: string) {
  return {
    name: 'web-group',
    source_availability_zone: SDRS_SOURCE_AZ,
    target_availability_zone: SDRS_TARGET_AZ,
    domain_id: SDRS_DOMAIN_ID,
    source_vpc_id: SDRS_VPC_ID,
    owner,
  };
}

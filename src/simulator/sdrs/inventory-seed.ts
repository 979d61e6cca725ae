/**
 * The SDRS simulator's seeded inventory: one project in one region, availability zones `az-a` (production) and
 * `az-b` (DR), VPC `vpc-prod`, domain `domain-1`, ECS servers `ecs-web-01` and `ecs-db-01` in `az-a`, each with a
 * system and a data volume. The seed request ("Creating a Replication Pair" example) names volume
 * b6f71149-7b9c-4f36-8ff0-1c4809a6f2c2: that is `evs-web-01-data`, so its body is accepted verbatim once its
 * group (c79fba33-…, made with `POST /_sim/sdrs/server-groups`) exists.
 *
 * Endpoints served: none.
 */
import type { SdrsInventory, SdrsState, SimSdrsServer, SimSdrsVolume } from './types';

export const SDRS_PROJECT_ID = '0605767a3300d5762fb7c0186d9e1779';
export const SDRS_DOMAIN_ID = 'domain-1';
export const SDRS_SOURCE_AZ = 'az-a';
export const SDRS_TARGET_AZ = 'az-b';
export const SDRS_VPC_ID = 'vpc-prod';

export const SDRS_SERVER_IDS = {
  'ecs-web-01': '3f2a9c1e-5b7d-4e8a-9c0f-1a2b3c4d5e01',
  'ecs-db-01': '3f2a9c1e-5b7d-4e8a-9c0f-1a2b3c4d5e02',
} as const;

export const SDRS_VOLUME_IDS = {
  'evs-web-01-sys': 'b6f71149-7b9c-4f36-8ff0-1c4809a6f2c1',
  'evs-web-01-data': 'b6f71149-7b9c-4f36-8ff0-1c4809a6f2c2',
  'evs-db-01-sys': 'b6f71149-7b9c-4f36-8ff0-1c4809a6f2c3',
  'evs-db-01-data': 'b6f71149-7b9c-4f36-8ff0-1c4809a6f2c4',
} as const;

/** The group id of the seed request body (create it by hand to send that body verbatim). */
export const SDRS_SEED_GROUP_ID = 'c79fba33-b165-4c69-80c1-d7e590691162';

type ServerName = keyof typeof SDRS_SERVER_IDS;
type VolumeName = keyof typeof SDRS_VOLUME_IDS;

function server(name: ServerName): SimSdrsServer {
  return { id: SDRS_SERVER_IDS[name], name, availability_zone: SDRS_SOURCE_AZ, vpc_id: SDRS_VPC_ID, dr: false };
}

function volume(name: VolumeName, serverName: ServerName, sizeGb: number, device: string): SimSdrsVolume {
  return {
    id: SDRS_VOLUME_IDS[name],
    name,
    size_gb: sizeGb,
    availability_zone: SDRS_SOURCE_AZ,
    volume_type: 'SSD',
    bootable: device === '/dev/vda',
    server_id: SDRS_SERVER_IDS[serverName],
    device,
    dr: false,
  };
}

/** `evs-bench-0001` …: the names of the extra volumes (`sdrs.extraVolumes`, the bench fleet). */
export function sdrsBenchVolumeName(index: number): string {
  return `evs-bench-${String(index + 1).padStart(4, '0')}`;
}

/** The ids of the extra volumes (examples/sdrs-fleet computes the same). */
export function sdrsBenchVolumeId(index: number): string {
  return `7e5b0000-0000-4000-8000-${String(index + 1).padStart(12, '0')}`;
}

/** An extra 10 GB production volume in az-a, attached to no server (a pair needs only the volume). */
function benchVolume(index: number): SimSdrsVolume {
  return {
    id: sdrsBenchVolumeId(index),
    name: sdrsBenchVolumeName(index),
    size_gb: 10,
    availability_zone: SDRS_SOURCE_AZ,
    volume_type: 'SSD',
    bootable: false,
    server_id: null,
    device: null,
    dr: false,
  };
}

export function seedSdrsInventory(extraVolumes = 0): SdrsInventory {
  return {
    project_id: SDRS_PROJECT_ID,
    domain_id: SDRS_DOMAIN_ID,
    domain_name: 'sdrs-domain-1',
    availability_zones: [SDRS_SOURCE_AZ, SDRS_TARGET_AZ],
    vpcs: [SDRS_VPC_ID],
    servers: [server('ecs-web-01'), server('ecs-db-01')],
    volumes: [
      volume('evs-web-01-sys', 'ecs-web-01', 40, '/dev/vda'),
      volume('evs-web-01-data', 'ecs-web-01', 100, '/dev/vdb'),
      volume('evs-db-01-sys', 'ecs-db-01', 40, '/dev/vda'),
      volume('evs-db-01-data', 'ecs-db-01', 200, '/dev/vdb'),
      ...Array.from({ length: extraVolumes }, (_, index) => benchVolume(index)),
    ],
  };
}

export function seedSdrsState(extraVolumes = 0): SdrsState {
  return { inventory: seedSdrsInventory(extraVolumes), groups: [], pairs: [], instances: [], jobs: [], tokens: [] };
}

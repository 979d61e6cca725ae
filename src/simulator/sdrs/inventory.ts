/**
 * The project's ECS servers and EVS disks, as Huawei Cloud's ECS and EVS APIs list them (on a real cloud at the
 * region's ECS and EVS endpoints; the simulator serves them under its one SDRS root). Servers the simulator made on
 * the DR site (protected instances' targets, drill servers) and disks it made (pairs' targets) are listed too, as the
 * cloud would; a server's `metadata.vpc_id` and `addresses` (by VPC id) say which VPC it is in, as ECS's do.
 *
 * Endpoints served:
 *   GET /v1/{project_id}/cloudservers/detail    listCloudServers (name fuzzy, status, limit, offset = PAGE NUMBER from 1)
 *   GET /v2/{project_id}/cloudvolumes/detail    listCloudVolumes (name exact, availability_zone, status, limit, offset = record offset)
 */
import type { SdrsHandler } from './context';
import { queryValue } from './context';
import type { SimSdrsServer, SimSdrsVolume } from './types';

const DEFAULT_SERVER_LIMIT = 25;
const DEFAULT_VOLUME_LIMIT = 1000;

function serverOf(server: SimSdrsServer) {
  const addresses = server.address === undefined ? {} : { addresses: { [server.vpc_id]: [{ addr: server.address, version: 4 }] } };
  return { id: server.id, name: server.name, status: server.status ?? 'ACTIVE', 'OS-EXT-AZ:availability_zone': server.availability_zone, metadata: { vpc_id: server.vpc_id }, ...addresses };
}

function volumeOf(volume: SimSdrsVolume) {
  return {
    id: volume.id,
    name: volume.name,
    status: volume.server_id === null ? 'available' : 'in-use',
    size: volume.size_gb,
    availability_zone: volume.availability_zone,
    volume_type: volume.volume_type,
    bootable: String(volume.bootable),
    attachments: volume.server_id === null ? [] : [{ server_id: volume.server_id, device: volume.device ?? '', volume_id: volume.id }],
  };
}

export const listCloudServers: SdrsHandler = (request, context) => {
  const name = queryValue(request, 'name');
  const status = queryValue(request, 'status');
  const limit = Number(queryValue(request, 'limit') ?? DEFAULT_SERVER_LIMIT);
  const pageNumber = Math.max(1, Number(queryValue(request, 'offset') ?? 1));
  const matching = context.state.inventory.servers.map(serverOf).filter((s) => (name === undefined || s.name.includes(name)) && (status === undefined || s.status === status));
  return { status: 200, body: { servers: matching.slice((pageNumber - 1) * limit, pageNumber * limit), count: matching.length } };
};

export const listCloudVolumes: SdrsHandler = (request, context) => {
  const name = queryValue(request, 'name');
  const zone = queryValue(request, 'availability_zone');
  const status = queryValue(request, 'status');
  const limit = Number(queryValue(request, 'limit') ?? DEFAULT_VOLUME_LIMIT);
  const offset = Number(queryValue(request, 'offset') ?? 0);
  const matching = context.state.inventory.volumes
    .map(volumeOf)
    .filter((v) => (name === undefined || v.name === name) && (zone === undefined || v.availability_zone === zone) && (status === undefined || v.status === status));
  return { status: 200, body: { volumes: matching.slice(offset, offset + limit), count: matching.length } };
};

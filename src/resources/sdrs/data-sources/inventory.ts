/**
 * Where the SDRS data sources read servers and disks: Huawei Cloud serves them from the region's ECS and EVS
 * endpoints, named like the SDRS one (`https://sdrs.<region>.myhuaweicloud.com` → `https://ecs.<region>…`,
 * `https://evs.<region>…`, the same AK/SK or token); any other endpoint (a gateway, the simulator) is taken to
 * serve them itself.
 *
 * Calls no endpoint itself.
 */
import { sdrsConnectionSpecSchema, type SdrsConnectionSpec } from '../connection';

export const sdrsConnectionArgument = sdrsConnectionSpecSchema.describe(
  "Where the SDRS API is; null = the provider's `sdrs` block. Servers and disks are read from the region's ECS and EVS endpoints (`sdrs.` → `ecs.` / `evs.` in the host name); another host serves them itself.",
);

/** The connection to the region's ECS or EVS API for an SDRS connection. */
export function serviceConnection(connection: SdrsConnectionSpec, service: 'ecs' | 'evs'): SdrsConnectionSpec {
  const url = new URL(connection.endpoint);
  if (!url.hostname.startsWith('sdrs.')) return connection;
  url.hostname = `${service}.${url.hostname.slice('sdrs.'.length)}`;
  return { ...connection, endpoint: url.toString().replace(/\/$/, '') };
}

/**
 * Data source `repliform_sdrs_servers`: the project's ECS servers (what a protected instance protects), filtered by
 * exact name, a regular expression on the name and availability zone. An empty list is no error.
 *
 * @api ECS GET /v1/{project_id}/cloudservers/detail?name=&offset=&limit=
 */
import { z } from 'zod';
import { sdrsClient } from '../client';
import type { Context } from '../../contract';
import { eraseDataSource, nameMatches, nameRegexSchema } from '../../data-source';
import { sdrsConnectionArgument, serviceConnection } from './inventory';

const args = z
  .object({
    connection: sdrsConnectionArgument,
    name: z.string().min(1).optional().describe('Only the server with this exact name.'),
    name_regex: nameRegexSchema,
    availability_zone: z.string().min(1).optional().describe('Only the servers in this availability zone (e.g. the production AZ of a protection group).'),
  })
  .strict();
type Args = z.infer<typeof args>;

const serverFields = z.object({
  id: z.string().describe('The server id: what `server_id` of a `repliform_sdrs_protected_instance` takes.'),
  name: z.string().describe('The server name.'),
  status: z.string().describe('ACTIVE, SHUTOFF, …'),
  availability_zone: z.string().describe('Its availability zone.'),
});

const result = z.object({
  servers: z.array(serverFields).describe('The servers that match, in the order the API lists them.'),
});
type Result = z.infer<typeof result>;

async function read(spec: Args, ctx: Context): Promise<Result> {
  const client = ctx.clients.get(sdrsClient, serviceConnection(spec.connection, 'ecs'));
  const servers = await client.listCloudServers(spec.name !== undefined ? { name: spec.name } : {});
  return {
    servers: servers
      .map((server) => ({ id: server.id, name: server.name, status: server.status, availability_zone: server['OS-EXT-AZ:availability_zone'] }))
      .filter((server) => nameMatches(server.name, spec) && (spec.availability_zone === undefined || server.availability_zone === spec.availability_zone)),
  };
}

export const sdrsServersDataSource = eraseDataSource<Args, Result>({
  name: 'sdrs_servers',
  description: "The ECS servers of the SDRS connection's project, filtered by name and availability zone.",
  arguments: args,
  result,
  read,
});

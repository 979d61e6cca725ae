/**
 * Data source `repliform_sdrs_volumes`: the project's EVS disks (what a replication pair replicates), filtered by
 * exact name, a regular expression on the name, availability zone and the server they are attached to. An empty
 * list is no error.
 *
 * @api EVS GET /v2/{project_id}/cloudvolumes/detail?name=&availability_zone=&offset=&limit=
 */
import { z } from 'zod';
import type { SdrsCloudVolume } from '../../../../lib/client/sdrs/types';
import { sdrsClient } from '../client';
import type { Context } from '../../contract';
import { eraseDataSource, nameMatches, nameRegexSchema } from '../../data-source';
import { sdrsConnectionArgument, serviceConnection } from './inventory';

const args = z
  .object({
    connection: sdrsConnectionArgument,
    name: z.string().min(1).optional().describe('Only the disk with this exact name.'),
    name_regex: nameRegexSchema,
    availability_zone: z.string().min(1).optional().describe('Only the disks in this availability zone.'),
    server_id: z.string().min(1).optional().describe('Only the disks attached to this server (`data.repliform_sdrs_servers.<name>.servers[0].id`).'),
  })
  .strict();
type Args = z.infer<typeof args>;

const volumeFields = z.object({
  id: z.string().describe('The disk id: what `volume_id` of a `repliform_sdrs_replication_pair` takes.'),
  name: z.string().describe('The disk name.'),
  size_gb: z.number().describe('Its size in GB.'),
  status: z.string().describe('available, in-use, …'),
  availability_zone: z.string().describe('Its availability zone.'),
  volume_type: z.string().describe('Its disk type (SSD, SAS, …); empty when not reported.'),
  bootable: z.boolean().describe('Whether it is a system disk.'),
  server_id: z.string().describe('The server it is attached to; empty when attached to none.'),
  device: z.string().describe('Its device on that server (e.g. `/dev/vdb`); empty when attached to none.'),
});

const result = z.object({
  volumes: z.array(volumeFields).describe('The disks that match, in the order the API lists them.'),
});
type Result = z.infer<typeof result>;

function toVolume(volume: SdrsCloudVolume): z.infer<typeof volumeFields> {
  const [attachment] = volume.attachments;
  return {
    id: volume.id,
    name: volume.name,
    size_gb: volume.size,
    status: volume.status,
    availability_zone: volume.availability_zone,
    volume_type: volume.volume_type ?? '',
    // A string in OpenStack's answers; a boolean would read the same (docs/vendors/sdrs.md).
    bootable: String(volume.bootable) === 'true',
    server_id: attachment?.server_id ?? '',
    device: attachment?.device ?? '',
  };
}

async function read(spec: Args, ctx: Context): Promise<Result> {
  const client = ctx.clients.get(sdrsClient, serviceConnection(spec.connection, 'evs'));
  const volumes = await client.listCloudVolumes({
    ...(spec.name !== undefined ? { name: spec.name } : {}),
    ...(spec.availability_zone !== undefined ? { availabilityZone: spec.availability_zone } : {}),
  });
  const attachedTo = (volume: SdrsCloudVolume) => spec.server_id === undefined || volume.attachments.some((a) => a.server_id === spec.server_id);
  return { volumes: volumes.filter(attachedTo).map(toVolume).filter((volume) => nameMatches(volume.name, spec)) };
}

export const sdrsVolumesDataSource = eraseDataSource<Args, Result>({
  name: 'sdrs_volumes',
  description: "The EVS disks of the SDRS connection's project, filtered by name, availability zone and server.",
  arguments: args,
  result,
  read,
});

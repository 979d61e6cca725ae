/**
 * Data source `repliform_vcda_vms`: the Cloud Director VMs of a site (the local one by default) that a replication
 * can protect, filtered by exact name or a regular expression on the name. An empty list is no error.
 *
 * @api VCDA GET  /sites
 * @api VCDA POST /sessions/extend (a site other than the local one)
 * @api VCDA GET  /inventory/vms?site=&offset=&limit=
 */
import { z } from 'zod';
import { vcdaClient } from '../client';
import type { Context } from '../../contract';
import { eraseDataSource, nameMatches, nameRegexSchema } from '../../data-source';
import { siteArgument, siteVms, vcdaConnectionArgument, vmAttributes, vmFields } from './inventory';

const args = z
  .object({
    connection: vcdaConnectionArgument,
    site: siteArgument,
    name: z.string().min(1).optional().describe('Only the VM with this exact name.'),
    name_regex: nameRegexSchema,
  })
  .strict();
type Args = z.infer<typeof args>;

const result = z.object({
  site_name: z.string().describe('The site read: the one given, or the local site.'),
  vms: z.array(z.object(vmFields)).describe('The VMs that match, in the order the server lists them.'),
});
type Result = z.infer<typeof result>;

async function read(spec: Args, ctx: Context): Promise<Result> {
  const { site, vms } = await siteVms(ctx.clients.get(vcdaClient, spec.connection), spec.site);
  return { site_name: site, vms: vms.map(vmAttributes).filter((vm) => nameMatches(vm.name, spec)) };
}

export const vcdaVmsDataSource = eraseDataSource<Args, Result>({
  name: 'vcda_vms',
  description: 'The Cloud Director VMs of a VCDA site, filtered by name: the sources a replication can protect.',
  arguments: args,
  result,
  read,
});

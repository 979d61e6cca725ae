/**
 * Data source `repliform_vcda_vm`: the one Cloud Director VM with this name on a site (the local one by default).
 * None is an error on `name` listing the VMs there; several (two vApps may hold VMs of one name) is an error listing
 * their ids and vApps.
 *
 * @api VCDA GET  /sites
 * @api VCDA POST /sessions/extend (a site other than the local one)
 * @api VCDA GET  /inventory/vms?site=&offset=&limit=
 */
import { z } from 'zod';
import type { VcdaInventoryVm } from '../../../../lib/client/vcda/types';
import { vcdaClient } from '../client';
import type { Context } from '../../contract';
import { eraseDataSource, exactlyOne } from '../../data-source';
import { siteArgument, siteVms, vcdaConnectionArgument, vmAttributes, vmFields } from './inventory';

const args = z
  .object({
    connection: vcdaConnectionArgument,
    site: siteArgument,
    name: z.string().min(1).describe('The VM name, exactly.'),
  })
  .strict();
type Args = z.infer<typeof args>;

const { id, vapp_id, org } = vmFields;
const result = z.object({ id, vapp_id, org, site_name: z.string().describe('The site read: the one given, or the local site.') });
type Result = z.infer<typeof result>;

async function read(spec: Args, ctx: Context): Promise<Result> {
  const { site, vms } = await siteVms(ctx.clients.get(vcdaClient, spec.connection), spec.site);
  const label = (vm: VcdaInventoryVm) => `${vm.name} (${vm.id}, vApp ${vm.vappId})`;
  const wanted = { field: 'name', what: `VM ${JSON.stringify(spec.name)} on ${site}` };
  const vm = exactlyOne(vms.filter((candidate) => candidate.name === spec.name), wanted, label, vms.map((candidate) => candidate.name));
  const { name: _same, ...attributes } = vmAttributes(vm);
  return { ...attributes, site_name: site };
}

export const vcdaVmDataSource = eraseDataSource<Args, Result>({
  name: 'vcda_vm',
  description: 'One Cloud Director VM of a VCDA site, by its exact name.',
  arguments: args,
  result,
  read,
});

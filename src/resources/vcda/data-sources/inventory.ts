/**
 * What the VCDA VM data sources share: the site argument (the local one by default, reached with a session
 * extension when it is not), the attributes of one VM, and the read of a site's VMs.
 *
 * @api VCDA GET  /sites
 * @api VCDA POST /sessions/extend (a site other than the local one)
 * @api VCDA GET  /inventory/vms?site=&offset=&limit=
 */
import { z } from 'zod';
import type { VcdaInventoryVm } from '../../../../lib/client/vcda/types';
import type { VcdaClient } from '../../../../lib/client/vcda/vcda-client';
import { vcdaConnectionSpecSchema } from '../connection';
import { knownSites, reachSites, requireSite } from '../sites';

export const vcdaConnectionArgument = vcdaConnectionSpecSchema.describe("Where the VCDA API is; null = the provider's `vcda` block.");

export const siteArgument = z.string().min(1).optional().describe('The site whose VMs are read (e.g. `site1`); null = the local site.');

export const vmFields = {
  id: z.string().describe('The VM id in Cloud Director: what a `repliform_vcda_replication` names as its source VM.'),
  name: z.string().describe('The VM name.'),
  vapp_id: z.string().describe('The id of its vApp.'),
  org: z.string().describe('The organization that owns it.'),
};

export function vmAttributes(vm: VcdaInventoryVm): { [K in keyof typeof vmFields]: string } {
  return { id: vm.id, name: vm.name, vapp_id: vm.vappId, org: vm.org };
}

/** The site's name (the local one when none is given) and its VMs; an unknown site is bad input on `site`. */
export async function siteVms(client: VcdaClient, site: string | undefined): Promise<{ site: string; vms: VcdaInventoryVm[] }> {
  const map = await knownSites(client, site === undefined ? [] : [site]);
  const name = site === undefined ? (map.local ?? '') : requireSite(map, 'site', site).site;
  await reachSites(client, map, [name]);
  return { site: name, vms: await client.listInventoryVms(site === undefined ? {} : { site: name }) };
}

/**
 * Data source `repliform_vcda_sites`: the sites this VCDA knows (the local one and its peers), optionally one by
 * name, as a replication's `source.site` / `destination.site` name them. An empty list is no error.
 *
 * @api VCDA POST /sessions
 * @api VCDA GET  /sites
 */
import { z } from 'zod';
import type { VcdaSite } from '../../../../lib/client/vcda/types';
import { vcdaClient } from '../client';
import { vcdaConnectionSpecSchema } from '../connection';
import type { Context } from '../../contract';
import { eraseDataSource, nameMatches } from '../../data-source';

const args = z
  .object({
    connection: vcdaConnectionSpecSchema.describe("Where the VCDA API is; null = the provider's `vcda` block."),
    name: z.string().min(1).optional().describe('Only the site with this exact name (e.g. `site2`).'),
  })
  .strict();
type Args = z.infer<typeof args>;

const siteFields = z.object({
  name: z.string().describe('The site name, as a replication names its source or destination site.'),
  description: z.string().describe('Its description; empty when it has none.'),
  is_local: z.boolean().describe('Whether it is the site this API endpoint belongs to.'),
  api_url: z.string().describe('Its API URL; empty when not reported.'),
  reachable: z.boolean().describe('Whether the site reports no communication error with it, incoming or outgoing.'),
});

const result = z.object({
  sites: z.array(siteFields).describe('The sites that match, the local one as the server lists it.'),
  local_site: z.string().describe('The name of the local site (whatever the filter); empty when the server names none.'),
});
type Result = z.infer<typeof result>;

function toSite(site: VcdaSite): z.infer<typeof siteFields> {
  return {
    name: site.site,
    description: site.description ?? '',
    is_local: site.isLocal,
    api_url: site.apiUrl ?? '',
    reachable: !site.state?.incomingCommError && !site.state?.outgoingCommError,
  };
}

async function read(spec: Args, ctx: Context): Promise<Result> {
  const sites = await ctx.clients.get(vcdaClient, spec.connection).listSites();
  return {
    sites: sites.map(toSite).filter((site) => nameMatches(site.name, spec)),
    local_site: sites.find((site) => site.isLocal)?.site ?? '',
  };
}

export const vcdaSitesDataSource = eraseDataSource<Args, Result>({
  name: 'vcda_sites',
  description: 'The sites of a Cloud Director Availability installation: the local one and its peers.',
  arguments: args,
  result,
  read,
});

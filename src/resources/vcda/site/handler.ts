/**
 * Handler of kind `vcda.site`: a Cloud Director Availability site, looked up by name, never created by
 * accident. Create and read report it (an unknown name is bad input listing the sites there are); delete does
 * nothing: the site is not this code's to remove.
 *
 * @api VCDA POST /sessions
 * @api VCDA GET  /sites
 */
import type { VcdaSite } from '../../../../lib/client/vcda/types';
import type { Context, LifecycleAction, ResourceHandler } from '../../contract';
import { parseSpec } from '../../parse-spec';
import { vcdaClient } from '../client';
import { readSites, requireSite } from '../sites';
import { vcdaSiteSpecSchema, type VcdaSiteSpec } from './schema';

export interface VcdaSiteState {
  readonly site: string;
  readonly is_local: boolean;
  readonly description: string | null;
  readonly api_version: string | null;
  readonly incoming_comm_error: string | null;
  readonly outgoing_comm_error: string | null;
}

export function toSiteState(site: VcdaSite): VcdaSiteState {
  return {
    site: site.site,
    is_local: site.isLocal,
    description: site.description ?? null,
    api_version: site.apiVersion ?? null,
    incoming_comm_error: site.state?.incomingCommError ?? null,
    outgoing_comm_error: site.state?.outgoingCommError ?? null,
  };
}

async function create(spec: VcdaSiteSpec, ctx: Context): Promise<VcdaSiteState> {
  const map = await readSites(ctx.clients.get(vcdaClient, spec.connection));
  const site = toSiteState(requireSite(map, 'site', spec.site));
  ctx.log.info(`site ${site.site}: found (${site.is_local ? 'the local site' : 'a remote site'}); sites are looked up, never created`);
  const problem = site.incoming_comm_error ?? site.outgoing_comm_error;
  if (problem !== null) ctx.log.warn(`site ${site.site}: communication error reported by VCDA: ${problem}`);
  return site;
}

async function read(spec: VcdaSiteSpec, ctx: Context): Promise<VcdaSiteState | undefined> {
  const { sites } = await readSites(ctx.clients.get(vcdaClient, spec.connection));
  const site = sites.find((s) => s.site === spec.site);
  return site === undefined ? undefined : toSiteState(site);
}

async function remove(spec: VcdaSiteSpec, ctx: Context): Promise<void> {
  ctx.log.info(`site ${spec.site}: left as it is (a site is looked up, never removed by this code)`);
}

export const vcdaSiteHandler: ResourceHandler<VcdaSiteSpec, VcdaSiteState> = {
  kind: 'vcda.site',
  parseSpec: (raw: unknown, _action: LifecycleAction) => parseSpec(vcdaSiteSpecSchema, raw, 'vcda.site'),
  describe: (spec) => spec.site,
  create,
  read,
  update: create,
  delete: remove,
};

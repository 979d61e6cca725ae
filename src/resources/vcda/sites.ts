/**
 * Sites as the VCDA kinds use them: every site a spec names must be one `GET /sites` lists (bad input naming
 * the field, the sites there are and the name given, before any change), and a session reaches a remote site
 * only after `POST /sessions/extend`.
 *
 * @api VCDA GET  /sites
 * @api VCDA POST /sessions/extend
 */
import type { VcdaClient } from '../../../lib/client/vcda/vcda-client';
import type { VcdaSite } from '../../../lib/client/vcda/types';
import { InputError, listForMessage } from '../errors';

export interface SiteMap {
  readonly sites: readonly VcdaSite[];
  /** The site the API endpoint belongs to. */
  readonly local: string | undefined;
}

export async function readSites(client: VcdaClient): Promise<SiteMap> {
  const sites = await client.listSites();
  return { sites, local: sites.find((s) => s.isLocal)?.site };
}

const siteMaps = new WeakMap<VcdaClient, Promise<SiteMap>>();

/**
 * The sites as a client read them first: the replications of a run check their sites against one `GET /sites`
 * instead of one each (a provider process serves a whole apply). A name missing from it is read again before it
 * is refused: a site paired during the run is found. The site kind reads afresh (its state is the site's status).
 */
export async function knownSites(client: VcdaClient, names: readonly string[]): Promise<SiteMap> {
  const cached = siteMaps.get(client);
  const map = cached !== undefined ? await cached.catch(() => undefined) : undefined;
  if (map !== undefined && names.every((name) => map.sites.some((s) => s.site === name))) return map;
  const fresh = readSites(client);
  siteMaps.set(client, fresh);
  fresh.catch(() => {
    if (siteMaps.get(client) === fresh) siteMaps.delete(client);
  });
  return fresh;
}

/** The site named `name`; otherwise bad input on `field` listing the sites there are. */
export function requireSite(map: SiteMap, field: string, name: string): VcdaSite {
  const site = map.sites.find((s) => s.site === name);
  if (site !== undefined) return site;
  throw new InputError(field, `no site ${JSON.stringify(name)} on this VCDA; sites: ${listForMessage(map.sites.map((s) => s.site))}`);
}

/** Extend the session to each named site that is not the local one (once per session). */
export async function reachSites(client: VcdaClient, map: SiteMap, names: readonly string[]): Promise<void> {
  for (const name of new Set(names)) {
    if (name !== map.local) await client.extendSession(name);
  }
}

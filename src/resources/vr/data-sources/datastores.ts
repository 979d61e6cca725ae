/**
 * Data source `repliform_vr_datastores`: the datastores VR can replicate to on a site of a pairing (the remote,
 * target site by default), filtered by exact name or a regular expression on the name. An empty list is no error.
 *
 * @api VR GET  /pairings/{pairing_id}
 * @api VR POST /pairings/{pairing_id}/remote-session (the remote site only)
 * @api VR GET  /pairings/{pairing_id}/vcenters/{vcenter_id}/datastores
 */
import { z } from 'zod';
import { vrClient } from '../client';
import type { Context } from '../../contract';
import { eraseDataSource, nameMatches } from '../../data-source';
import { datastoreAttributes, datastoreFields, nameRegexSchema, vrConnectionArgument } from './inventory';
import { pairingIdSchema, pairingSite, siteSchema } from './site';

const args = z
  .object({
    connection: vrConnectionArgument,
    pairing_id: pairingIdSchema,
    site: siteSchema('remote', '(where replicas go)'),
    name: z.string().min(1).optional().describe('Only the datastore with this exact name.'),
    name_regex: nameRegexSchema,
  })
  .strict();
type Args = z.infer<typeof args>;

const result = z.object({
  datastores: z.array(z.object(datastoreFields)).describe('The datastores that match, in the order the server lists them.'),
});
type Result = z.infer<typeof result>;

async function read(spec: Args, ctx: Context): Promise<Result> {
  const client = ctx.clients.get(vrClient, spec.connection);
  const site = await pairingSite(client, spec.pairing_id, spec.site);
  const datastores = await client.listDatastores(site.pairingId, site.vcId, { fresh: true });
  return { datastores: datastores.map(datastoreAttributes).filter((datastore) => nameMatches(datastore.name, spec)) };
}

export const vrDatastoresDataSource = eraseDataSource<Args, Result>({
  name: 'vr_datastores',
  description: 'The datastores VR can replicate to on the remote (or local) site of a VR pairing, filtered by name.',
  arguments: args,
  result,
  read,
});

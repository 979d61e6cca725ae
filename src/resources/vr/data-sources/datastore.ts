/**
 * Data source `repliform_vr_datastore`: the one datastore VR can replicate to with this name on a site of a pairing
 * (the remote, target site by default). None is an error on `name` listing the datastores there are.
 *
 * @api VR GET  /pairings/{pairing_id}
 * @api VR POST /pairings/{pairing_id}/remote-session (the remote site only)
 * @api VR GET  /pairings/{pairing_id}/vcenters/{vcenter_id}/datastores
 */
import { z } from 'zod';
import type { Datastore } from '../../../../lib/client/vr/types';
import { vrClient } from '../client';
import type { Context } from '../../contract';
import { eraseDataSource, exactlyOne } from '../../data-source';
import { datastoreAttributes, datastoreFields, vrConnectionArgument } from './inventory';
import { pairingIdSchema, pairingSite, siteSchema } from './site';

const args = z
  .object({
    connection: vrConnectionArgument,
    pairing_id: pairingIdSchema,
    site: siteSchema('remote', '(where replicas go)'),
    name: z.string().min(1).describe('The datastore name, exactly.'),
  })
  .strict();
type Args = z.infer<typeof args>;

const { id, type, datacenter, capacity_bytes, free_space_bytes, status } = datastoreFields;
const result = z.object({ id, type, datacenter, capacity_bytes, free_space_bytes, status });
type Result = z.infer<typeof result>;

async function read(spec: Args, ctx: Context): Promise<Result> {
  const client = ctx.clients.get(vrClient, spec.connection);
  const site = await pairingSite(client, spec.pairing_id, spec.site);
  const datastores = await client.listDatastores(site.pairingId, site.vcId, { fresh: true });
  const label = (datastore: Datastore) => `${datastore.name ?? '?'} (${datastore.id ?? '?'})`;
  const wanted = { field: 'name', what: `datastore ${JSON.stringify(spec.name)} on ${site.name}` };
  const datastore = exactlyOne(datastores.filter((d) => d.name === spec.name), wanted, label, datastores.map((d) => d.name ?? ''));
  const { name: _same, ...attributes } = datastoreAttributes(datastore);
  return attributes;
}

export const vrDatastoreDataSource = eraseDataSource<Args, Result>({
  name: 'vr_datastore',
  description: 'One datastore VR can replicate to on the remote (or local) site of a VR pairing, by its exact name.',
  arguments: args,
  result,
  read,
});

/**
 * Data source `repliform_vr_vms`: the VMs of a site of a pairing (the local, source site by default), filtered by
 * exact name, by a regular expression on the name, and to those VR can replicate. An empty list is no error.
 *
 * @api VR GET  /pairings/{pairing_id}
 * @api VR POST /pairings/{pairing_id}/remote-session (the remote site only)
 * @api VR GET  /pairings/{pairing_id}/vcenters/{vcenter_id}/vms?suitable_for_replication=&filter_property=name&filter=
 */
import { z } from 'zod';
import { vrClient } from '../client';
import type { Context } from '../../contract';
import { eraseDataSource, nameMatches } from '../../data-source';
import { nameRegexSchema, vmAttributes, vmFields, vrConnectionArgument } from './inventory';
import { pairingIdSchema, pairingSite, siteSchema } from './site';

const args = z
  .object({
    connection: vrConnectionArgument,
    pairing_id: pairingIdSchema,
    site: siteSchema('local', '(the VMs to protect)'),
    name: z.string().min(1).optional().describe('Only the VM with this exact name (the server filters on it).'),
    name_regex: nameRegexSchema,
    suitable_for_replication: z.boolean().default(false).describe('Only the VMs VR can replicate (no template, nothing in the VM preventing it). Default false: every VM.'),
  })
  .strict();
type Args = z.infer<typeof args>;

const result = z.object({
  vms: z.array(z.object(vmFields)).describe('The VMs that match, in the order the server lists them.'),
});
type Result = z.infer<typeof result>;

async function read(spec: Args, ctx: Context): Promise<Result> {
  const client = ctx.clients.get(vrClient, spec.connection);
  const site = await pairingSite(client, spec.pairing_id, spec.site);
  const vms = await client.listVms(site.pairingId, site.vcId, {
    ...(spec.suitable_for_replication ? { suitableForReplication: true } : {}),
    ...(spec.name !== undefined ? { names: [spec.name] } : {}),
  });
  return { vms: vms.map(vmAttributes).filter((vm) => nameMatches(vm.name, spec)) };
}

export const vrVmsDataSource = eraseDataSource<Args, Result>({
  name: 'vr_vms',
  description: 'The VMs of the local or remote site of a VR pairing, filtered by name.',
  arguments: args,
  result,
  read,
});

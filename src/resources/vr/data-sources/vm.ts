/**
 * Data source `repliform_vr_vm`: the one VM with this name on a site of a pairing (the local, source site by
 * default). None is an error on `name` listing VMs of similar names; several (VR allows two VMs of one name in
 * different folders) is an error listing their ids: name the VM by id in the replication instead.
 *
 * @api VR GET  /pairings/{pairing_id}
 * @api VR POST /pairings/{pairing_id}/remote-session (the remote site only)
 * @api VR GET  /pairings/{pairing_id}/vcenters/{vcenter_id}/vms?filter_property=name&filter=
 * @api VR GET  /pairings/{pairing_id}/vcenters/{vcenter_id}/vms (when none matches: the names there are)
 */
import { z } from 'zod';
import type { VirtualMachine } from '../../../../lib/client/vr/types';
import { vrClient } from '../client';
import type { Context } from '../../contract';
import { eraseDataSource, exactlyOne } from '../../data-source';
import { vmAttributes, vmFields, vrConnectionArgument } from './inventory';
import { pairingIdSchema, pairingSite, siteSchema } from './site';

const args = z
  .object({
    connection: vrConnectionArgument,
    pairing_id: pairingIdSchema,
    site: siteSchema('local', '(the VM to protect)'),
    name: z.string().min(1).describe('The VM name, exactly.'),
  })
  .strict();
type Args = z.infer<typeof args>;

const { id, power_state, connection_state, template } = vmFields;
const result = z.object({ id, power_state, connection_state, template });
type Result = z.infer<typeof result>;

async function read(spec: Args, ctx: Context): Promise<Result> {
  const client = ctx.clients.get(vrClient, spec.connection);
  const site = await pairingSite(client, spec.pairing_id, spec.site);
  const matches = (await client.listVms(site.pairingId, site.vcId, { names: [spec.name] })).filter((vm) => vm.name === spec.name);
  const candidates = matches.length === 0 ? (await client.listVms(site.pairingId, site.vcId)).map((vm) => vm.name ?? '') : [];
  const label = (vm: VirtualMachine) => `${vm.name ?? '?'} (${vm.id ?? '?'})`;
  const vm = exactlyOne(matches, { field: 'name', what: `VM ${JSON.stringify(spec.name)} on ${site.name}` }, label, candidates);
  const { name: _same, ...attributes } = vmAttributes(vm);
  return attributes;
}

export const vrVmDataSource = eraseDataSource<Args, Result>({
  name: 'vr_vm',
  description: 'One VM of the local or remote site of a VR pairing, by its exact name.',
  arguments: args,
  result,
  read,
});

/**
 * What the VR VM and datastore data sources share: the arguments that choose a site of a pairing and filter by name,
 * and the attributes of one VM and one datastore as they report them.
 *
 * Calls no endpoint itself.
 */
import { z } from 'zod';
import type { Datastore, VirtualMachine } from '../../../../lib/client/vr/types';
import { connectionSpecSchema } from '../connection';

export { nameRegexSchema } from '../../data-source';

export const vrConnectionArgument = connectionSpecSchema.describe("Where the VR API is; null = the provider's `vr` block.");

export const vmFields = {
  id: z.string().describe('The VM id as VR names it (what `vm = { id = … }` of a `repliform_vr_replication` takes).'),
  name: z.string().describe('The VM name.'),
  power_state: z.string().describe('POWERED_ON, POWERED_OFF or SUSPENDED; empty when not reported.'),
  connection_state: z.string().describe('CONNECTED, DISCONNECTED, ORPHANED, INACCESSIBLE or INVALID; empty when not reported.'),
  template: z.boolean().describe('Whether it is a template (templates cannot be replicated).'),
};

export function vmAttributes(vm: VirtualMachine): { [K in keyof typeof vmFields]: z.infer<(typeof vmFields)[K]> } {
  return {
    id: vm.id ?? '',
    name: vm.name ?? '',
    power_state: vm.power_state ?? '',
    connection_state: vm.connection_state ?? '',
    template: vm.template === true,
  };
}

export const datastoreFields = {
  id: z.string().describe('The datastore id.'),
  name: z.string().describe('The datastore name (what `target.datastore` of a `repliform_vr_replication` takes).'),
  type: z.string().describe('Its file system type: VMFS, NFS, VSAN, VVOL…; empty when not reported.'),
  datacenter: z.string().describe('The name of its parent (datacenter or datastore cluster); empty when not reported.'),
  capacity_bytes: z.number().describe('Its capacity in bytes; 0 when not reported.'),
  free_space_bytes: z.number().describe('Its free space in bytes; 0 when not reported.'),
  status: z.string().describe('Its overall status: GREEN, YELLOW, RED or GRAY; empty when not reported.'),
};

export function datastoreAttributes(datastore: Datastore): { [K in keyof typeof datastoreFields]: z.infer<(typeof datastoreFields)[K]> } {
  return {
    id: datastore.id ?? '',
    name: datastore.name ?? '',
    type: datastore.file_system_type ?? '',
    datacenter: datastore.parent_name ?? '',
    capacity_bytes: datastore.capacity ?? 0,
    free_space_bytes: datastore.free_space ?? 0,
    status: datastore.overall_status ?? '',
  };
}

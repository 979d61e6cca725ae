/**
 * Finding SDRS objects by their natural keys: a group by its owner's marker (a rename does not lose it) or its
 * name, within its AZs and VPC (or by id); a pair by group + production volume; an instance by group + server.
 *
 * @api SDRS GET {P}/server-groups?offset=&limit=
 * @api SDRS GET {P}/server-groups/{id}
 * @api SDRS GET {P}/replications?server_group_id=&offset=&limit=
 * @api SDRS GET {P}/protected-instances?server_group_id=&offset=&limit=
 */
import type { SdrsClient } from '../../../lib/client/sdrs/sdrs-client';
import type { SdrsProtectedInstance, SdrsReplication, SdrsServerGroup } from '../../../lib/client/sdrs/types';
import { InputError, listForMessage } from '../errors';
import { markedBy } from './marker';
import type { SdrsGroupRef } from './spec-common';

/** Where a group is: its AZs and VPC, and how it is named (owner first, then name). */
export interface GroupKey {
  readonly source_availability_zone: string;
  readonly target_availability_zone: string;
  readonly source_vpc_id: string;
  readonly owner?: string | null;
  readonly name?: string;
}

function placedAt(group: SdrsServerGroup, key: GroupKey): boolean {
  return (
    group.source_availability_zone === key.source_availability_zone &&
    group.target_availability_zone === key.target_availability_zone &&
    group.source_vpc_id === key.source_vpc_id
  );
}

/** The group of a natural key: the one marked by its owner, else the one with its exact name (the list's name filter is fuzzy). */
export async function findGroupByKey(client: SdrsClient, key: GroupKey): Promise<SdrsServerGroup | undefined> {
  const placed = (await client.listProtectionGroups()).filter((g) => placedAt(g, key));
  const marked = key.owner !== undefined ? placed.find((g) => markedBy(g.description, key.owner)) : undefined;
  return marked ?? (key.name !== undefined ? placed.find((g) => g.name === key.name) : undefined);
}

/** Whether an object of the group with this id can be the one a group reference names (any group when the reference is by key). */
export function inGroupOf(ref: SdrsGroupRef, groupId: string): boolean {
  return !('id' in ref) || ref.id === groupId;
}

export async function findGroup(client: SdrsClient, ref: SdrsGroupRef): Promise<SdrsServerGroup | undefined> {
  return 'id' in ref ? client.getProtectionGroup(ref.id) : findGroupByKey(client, ref);
}

export function describeGroupRef(ref: SdrsGroupRef): string {
  if ('id' in ref) return `protection group ${ref.id}`;
  const named = ref.name !== undefined ? `"${ref.name}"` : `of ${ref.owner ?? '(unnamed)'}`;
  return `protection group ${named} (${ref.source_availability_zone} → ${ref.target_availability_zone}, VPC ${ref.source_vpc_id})`;
}

/** The group a spec needs; missing is bad input naming `field` and the groups that do exist there. */
export async function requireGroup(client: SdrsClient, ref: SdrsGroupRef, field: string): Promise<SdrsServerGroup> {
  const group = await findGroup(client, ref);
  if (group !== undefined) return group;
  const known = (await client.listProtectionGroups()).map((g) => `${g.name} (${g.id})`);
  throw new InputError(field, `no ${describeGroupRef(ref)} exists; existing groups: ${listForMessage(known)}. Create the group first (sdrs.protection-group)`);
}

/** The production volume of a pair (`volume_ids` is "production,DR"). */
export function productionVolume(pair: SdrsReplication): string {
  return pair.volume_ids.split(',')[0] ?? '';
}

/** The DR-site volume of a pair, when SDRS reports it. */
export function drVolume(pair: SdrsReplication): string | null {
  return pair.volume_ids.split(',')[1] ?? null;
}

export async function findPair(client: SdrsClient, groupId: string, volumeId: string): Promise<SdrsReplication | undefined> {
  return (await client.listReplications({ serverGroupId: groupId })).find((p) => productionVolume(p) === volumeId);
}

export async function findInstance(client: SdrsClient, groupId: string, serverId: string): Promise<SdrsProtectedInstance | undefined> {
  return (await client.listProtectedInstances({ serverGroupId: groupId })).find((i) => i.source_server === serverId);
}

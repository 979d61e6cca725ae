/**
 * Drift by hand on SDRS objects (the admin API, not SDRS's), as if someone used the Huawei Cloud console: make a
 * protection group (with a chosen id, e.g. the seed's), stop or start a group's protection, set a group's, a pair's
 * or a protected instance's status (a pair that goes `error`, with its `failure_detail` and `fault_level`), rename;
 * remove a group, pair or instance behind repliform's back; issue an IAM token. A bad patch is refused whole, naming
 * the field, what it allows and what was given.
 *
 * Endpoints served (under /_sim/sdrs):
 *   POST   /server-groups                    {id?, name, description?, source_availability_zone?, target_availability_zone?, source_vpc_id?} → 201 the group (available)
 *   POST   /server-groups/{id}               {protection?: started|stopped, status?, name?, description?} → the group
 *   POST   /replications/{id}                {status?, failure_detail?, fault_level?, replication_status?, name?} → the pair
 *   POST   /protected-instances/{id}         {status?, name?} → the protected instance
 *   DELETE /server-groups/{id} | /replications/{id} | /protected-instances/{id}   → 204 (gone)
 *   POST   /tokens                           → 201 {token} (accepted in X-Auth-Token until /_sim/expire-sessions)
 */
import { isRecord } from '../core/http';
import { findGroup, findInstance, findPair, restingStatus, type SdrsContext } from './context';
import { invalidParams } from './errors';
import { groupView, newGroup, setProtection } from './groups';
import { detach } from './instances';
import { SDRS_DOMAIN_ID, SDRS_SOURCE_AZ, SDRS_TARGET_AZ, SDRS_VPC_ID } from './inventory-seed';

const GROUP_STATUSES = ['creating', 'available', 'protected', 'deleting', 'error-deleting', 'error', 'starting', 'error-starting', 'stopping', 'error-stopping', 'reversing', 'error-reversing', 'failing-over', 'failed-over', 'error-failing-over', 'reprotecting', 'error-reprotecting'];
const PAIR_STATUSES = [...GROUP_STATUSES, 'extending', 'error-extending', 'invalid', 'fault', 'attaching', 'detaching', 'error-attaching', 'error-detaching'];
/** Huawei's "protected instance status" appendix (docs/vendors/sdrs.md). */
const INSTANCE_STATUSES = [...GROUP_STATUSES, 'nic-creating', 'nic-deleting', 'resizing', 'error-resizing', 'invalid', 'fault'];

interface FieldRule {
  allowed: string;
  check(value: unknown): boolean;
}

const oneOf = (values: readonly string[]): FieldRule => ({ allowed: `one of ${values.join(', ')}`, check: (value) => typeof value === 'string' && values.includes(value) });
const aString: FieldRule = { allowed: 'a string', check: (value) => typeof value === 'string' };
const aStringOrNull: FieldRule = { allowed: 'a string or null', check: (value) => typeof value === 'string' || value === null };

function checkPatch(patch: unknown, rules: Record<string, FieldRule>): Record<string, unknown> {
  if (!isRecord(patch)) throw invalidParams('the drift body must be a JSON object.', 'nested');
  for (const [field, value] of Object.entries(patch)) {
    const rule = rules[field];
    if (!rule) throw invalidParams(`unknown drift field '${field}': allowed ${Object.keys(rules).join(', ')}.`, 'nested');
    if (!rule.check(value)) throw invalidParams(`drift field '${field}' must be ${rule.allowed}, got ${JSON.stringify(value)}.`, 'nested');
  }
  return patch;
}

/** A group made in the console: `available` at once, defaults from the seeded inventory. */
export function createGroupByHand(context: SdrsContext, body: unknown): unknown {
  const fields = checkPatch(body ?? {}, {
    id: aString,
    name: aString,
    description: aStringOrNull,
    source_availability_zone: aString,
    target_availability_zone: aString,
    source_vpc_id: aString,
  });
  const id = typeof fields.id === 'string' ? fields.id : context.ids();
  if (context.state.groups.some((group) => group.id === id)) throw invalidParams(`a protection group ${id} exists already.`, 'nested');
  const group = newGroup(
    context,
    { source_availability_zone: SDRS_SOURCE_AZ, target_availability_zone: SDRS_TARGET_AZ, source_vpc_id: SDRS_VPC_ID, domain_id: SDRS_DOMAIN_ID, name: 'console-group', ...fields },
    'available',
    id,
  );
  context.state.groups.push(group);
  return { server_group: groupView(context.state, group) };
}

export function driftGroup(context: SdrsContext, id: string, body: unknown): unknown {
  const group = findGroup(context, id);
  const patch = checkPatch(body, { protection: oneOf(['started', 'stopped']), status: oneOf(GROUP_STATUSES), name: aString, description: aStringOrNull });
  if (patch.protection !== undefined) setProtection(context, group, patch.protection === 'started');
  if (typeof patch.status === 'string') group.status = patch.status;
  if (typeof patch.name === 'string') group.name = patch.name;
  if (patch.description !== undefined) group.description = typeof patch.description === 'string' ? patch.description : null;
  return { server_group: groupView(context.state, group) };
}

export function driftPair(context: SdrsContext, id: string, body: unknown): unknown {
  const pair = findPair(context, id);
  const patch = checkPatch(body, {
    status: oneOf(PAIR_STATUSES),
    failure_detail: aStringOrNull,
    fault_level: oneOf(['0', '2', '5']),
    replication_status: oneOf(['active', 'inactive', 'copying', 'active-stopped']),
    name: aString,
  });
  if (typeof patch.status === 'string') pair.status = patch.status;
  if (patch.failure_detail !== undefined) pair.failure_detail = typeof patch.failure_detail === 'string' ? patch.failure_detail : null;
  if (typeof patch.fault_level === 'string') pair.fault_level = patch.fault_level;
  if (typeof patch.replication_status === 'string') pair.replication_status = patch.replication_status;
  if (typeof patch.name === 'string') pair.name = patch.name;
  return { replication: pair };
}

export function driftInstance(context: SdrsContext, id: string, body: unknown): unknown {
  const instance = findInstance(context, id);
  const patch = checkPatch(body, { status: oneOf(INSTANCE_STATUSES), name: aString });
  if (typeof patch.status === 'string') instance.status = patch.status;
  if (typeof patch.name === 'string') instance.name = patch.name;
  return { protected_instance: instance };
}

export type RemovableKind = 'server-groups' | 'replications' | 'protected-instances';

/**
 * Removes the object as if someone deleted it in the console (what it holds is left as it is; an instance's pairs
 * are detached, as SDRS's own instance delete does: a pair never names an instance that does not exist).
 */
export function removeByHand(context: SdrsContext, kind: RemovableKind, id: string): void {
  const { state } = context;
  if (kind === 'server-groups') {
    const group = findGroup(context, id);
    state.groups = state.groups.filter((candidate) => candidate !== group);
  } else if (kind === 'replications') {
    const pair = findPair(context, id);
    state.pairs = state.pairs.filter((candidate) => candidate !== pair);
  } else {
    const instance = findInstance(context, id);
    const group = state.groups.find((candidate) => candidate.id === instance.server_group_id);
    const resting = group ? restingStatus(group) : 'available';
    for (const entry of instance.attachment ?? []) detach(context, instance, String(entry.replication), resting);
    state.instances = state.instances.filter((candidate) => candidate !== instance);
  }
}

export function issueToken(context: SdrsContext): string {
  const token = `MIIsim${context.ids().replace(/-/g, '')}`;
  context.state.tokens.push(token);
  context.issuedTokens.push(token);
  return token;
}

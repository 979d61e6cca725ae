/**
 * The settings of a VCDA replication in both directions: the spec's settings as the API's fields (create body,
 * reconfigure body), the live replication's fields as the spec's settings, and what differs. The storage profile
 * is a setting too, changed by its own call (`POST …/storage-profile`) rather than the reconfigure.
 *
 * Calls no endpoint.
 */
import type { VcdaReconfigureReplication, VcdaReplication, VcdaRetentionPolicy } from '../../../../lib/client/vcda/types';
import type { Change } from '../../contract';
import { settingsChanges as changesOf } from '../../core/diff';
import { VCDA_DATA_CONNECTION_TYPES, type VcdaDataConnectionType } from '../limits';
import { describedWithOwner, userDescription } from './marker';
import type { VcdaReplicationSettings, VcdaReplicationSpec } from './schema';

/** The storage profile VCDA calls "the vDC's default". */
export const DEFAULT_STORAGE_PROFILE = '*';

type Rules = VcdaReplicationSettings['retention_rules'];

export function retentionPolicy(rules: NonNullable<Rules>): VcdaRetentionPolicy {
  return { rules: rules.map((rule) => ({ numberOfInstances: rule.instances, distance: rule.distance_minutes })) };
}

function rulesOf(policy: VcdaRetentionPolicy | undefined): Rules {
  return policy === undefined ? null : policy.rules.map((rule) => ({ instances: rule.numberOfInstances, distance_minutes: rule.distance }));
}

function connectionType(value: string | undefined): VcdaDataConnectionType {
  return VCDA_DATA_CONNECTION_TYPES.find((type) => type === value) ?? 'ENCRYPTED';
}

/**
 * The policy fields of a live replication as the code states them: with an SLA profile, the RPO, retention and
 * data connection the server reports are the profile's, not the code's — so they read as the code leaves them
 * (null, and the field's default), and an SLA-profile replication shows no drift on every refresh.
 */
function livePolicy(s: VcdaReplication['settings']): Pick<VcdaReplicationSettings, 'rpo_minutes' | 'retention_rules' | 'data_connection_type'> {
  if (s.slaProfileId != null) return { rpo_minutes: null, retention_rules: null, data_connection_type: connectionType(undefined) };
  return { rpo_minutes: s.rpo ?? null, retention_rules: rulesOf(s.retentionPolicy), data_connection_type: connectionType(s.dataConnectionType) };
}

/** The live replication's settings, in the spec's terms (the description without the ownership marker). */
export function settingsOf(live: VcdaReplication): VcdaReplicationSettings {
  const s = live.settings;
  const storageProfile = live.destination.storageProfile;
  return {
    ...livePolicy(s),
    sla_profile_id: s.slaProfileId ?? null,
    quiescing: s.quiesced ?? false,
    description: userDescription(s.description),
    storage_profile: storageProfile == null || storageProfile === DEFAULT_STORAGE_PROFILE ? null : storageProfile,
  };
}

/** Settings whose null in the code means "keep the server's value": not managed while the code leaves them out. */
const LEFT_TO_THE_SERVER = ['retention_rules'] as const;

/**
 * The live settings as the code manages them: a setting the code leaves to the server reads as the code leaves it
 * (null), whatever the server holds (rules set in the portal, or `rules: []`), so neither a refresh nor an apply
 * sees drift in it — as an SLA profile's policy fields read as the code leaves them (`livePolicy`).
 */
export function settingsAsManaged(code: VcdaReplicationSettings, live: VcdaReplicationSettings): VcdaReplicationSettings {
  const managed = { ...live };
  for (const field of LEFT_TO_THE_SERVER) if (code[field] === null) managed[field] = null;
  return managed;
}

function fieldsCompared(settings: VcdaReplicationSettings): (keyof VcdaReplicationSettings)[] {
  const policy: (keyof VcdaReplicationSettings)[] = settings.sla_profile_id !== null
    ? ['sla_profile_id']
    : ['rpo_minutes', 'retention_rules', 'data_connection_type', 'sla_profile_id'];
  return [...policy, 'quiescing', 'description', 'storage_profile'];
}

/** What applying the code's settings changes on the live replication (all in place; core/diff). */
export function settingsChanges(code: VcdaReplicationSettings, live: VcdaReplicationSettings): Change[] {
  return changesOf(fieldsCompared(code), code, settingsAsManaged(code, live));
}

/** The policy fields of a create or reconfigure body: an SLA profile, or RPO + retention + data connection. */
function policyFields(settings: VcdaReplicationSettings): VcdaReconfigureReplication {
  if (settings.sla_profile_id !== null) return { slaProfileId: settings.sla_profile_id };
  return {
    rpo: settings.rpo_minutes,
    slaProfileId: null,
    dataConnectionType: settings.data_connection_type,
    ...(settings.retention_rules !== null ? { retentionPolicy: retentionPolicy(settings.retention_rules) } : {}),
  };
}

/** The PATCH body: only what changed (the storage profile has its own call). */
export function reconfigureBody(spec: Pick<VcdaReplicationSpec, 'settings' | 'owner'>, changes: readonly Change[]): VcdaReconfigureReplication | undefined {
  const changed = new Set(changes.map((c) => c.field.replace(/^settings\./, '')));
  const policy = policyFields(spec.settings);
  // Leaving an SLA profile: every policy field is sent, as the profile's values are still the server's.
  if (changed.has('sla_profile_id') && spec.settings.sla_profile_id === null) ['rpo_minutes', 'retention_rules', 'data_connection_type'].forEach((f) => changed.add(f));
  const body: VcdaReconfigureReplication = {
    ...(changed.has('rpo_minutes') && policy.rpo !== undefined ? { rpo: policy.rpo } : {}),
    ...(changed.has('retention_rules') && policy.retentionPolicy !== undefined ? { retentionPolicy: policy.retentionPolicy } : {}),
    ...(changed.has('data_connection_type') && policy.dataConnectionType !== undefined ? { dataConnectionType: policy.dataConnectionType } : {}),
    ...(changed.has('sla_profile_id') ? { slaProfileId: spec.settings.sla_profile_id } : {}),
    ...(changed.has('quiescing') ? { quiesced: spec.settings.quiescing } : {}),
    ...(changed.has('description') ? { description: describedWithOwner(spec.settings.description, spec.owner) } : {}),
  };
  return Object.keys(body).length === 0 ? undefined : body;
}

export { policyFields };

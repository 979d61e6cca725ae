import type { VrReplicationSettings } from '../../resources/vr/replication/schema';
import { VR_LIMITS } from '../../resources/vr/limits';
import { pointInTimeRetention, ReplicationPolicy, retentionAsPointInTime } from '../replication-policy';
import { describeValue, isIntegerBetween, isUnresolved, validateProps, type ValidationRule } from '../validation';

/** Point-in-time (MPIT) instances kept on the target. */
export interface VrPointInTime {
  /** Instances kept per day (at least 1). `instancesPerDay × days` is at most 24. */
  readonly instancesPerDay: number;
  /** Days for which instances are kept (at least 1). `instancesPerDay × days` is at most 24. */
  readonly days: number;
}

/** Props of {@link VrReplicationPolicy}: how replications run. Every field can change in place. */
export interface VrReplicationPolicyProps {
  /**
   * Recovery point objective, in minutes (5–1440).
   * @default 60
   */
  readonly rpoMinutes?: number;
  /**
   * Point-in-time instances to keep.
   * @default - no point-in-time instances (only the latest)
   */
  readonly pointInTime?: VrPointInTime;
  /**
   * Quiesce the guest OS (VSS / file system) for each replica.
   * @default false
   */
  readonly quiescing?: boolean;
  /**
   * Compress replication traffic.
   * @default false
   */
  readonly networkCompression?: boolean;
  /**
   * Encrypt replication traffic.
   * @default false
   */
  readonly encryption?: boolean;
  /**
   * Replicate disks added to the VM later automatically.
   * @default true
   */
  readonly autoReplicateNewDisks?: boolean;
}

/** Overrides of a policy's fields; `pointInTime: false` switches off the policy's point-in-time instances. */
export interface VrReplicationPolicyOverrides extends Omit<VrReplicationPolicyProps, 'pointInTime'> {
  /**
   * Point-in-time instances to keep, or `false` for none.
   * @default - the policy's point-in-time instances
   */
  readonly pointInTime?: VrPointInTime | false;
}

/**
 * The settings a replication resolves to, camelCase, every field set.
 * @internal
 */
export interface VrEffectiveSettings {
  readonly rpoMinutes: number;
  readonly pointInTime: VrPointInTime | undefined;
  readonly quiescing: boolean;
  readonly networkCompression: boolean;
  readonly encryption: boolean;
  readonly autoReplicateNewDisks: boolean;
}

const { min: RPO_MIN, max: RPO_MAX } = VR_LIMITS.rpoMinutes;
const PIT_MAX = VR_LIMITS.pointInTimeInstancesTotal;

/**
 * Rules for the effective settings; field names are the prop names (`rpoMinutes`, `pointInTime.days`, …).
 * @internal
 */
export function settingsRules<P>(get: (props: P) => VrEffectiveSettings): Array<ValidationRule<P>> {
  return [
    {
      field: 'rpoMinutes',
      value: (p) => get(p).rpoMinutes,
      condition: (v) => isIntegerBetween(v, RPO_MIN, RPO_MAX),
      message: `must be an integer between ${RPO_MIN} and ${RPO_MAX} minutes`,
    },
    {
      field: 'pointInTime.instancesPerDay',
      value: (p) => get(p).pointInTime?.instancesPerDay,
      condition: (v, p) => get(p).pointInTime === undefined || (typeof v === 'number' && Number.isInteger(v) && v >= 1),
      message: 'must be an integer of at least 1',
    },
    {
      field: 'pointInTime.days',
      value: (p) => get(p).pointInTime?.days,
      condition: (v, p) => get(p).pointInTime === undefined || (typeof v === 'number' && Number.isInteger(v) && v >= 1),
      message: 'must be an integer of at least 1',
    },
    {
      field: 'pointInTime',
      value: (p) => get(p).pointInTime,
      condition: (_v, p) => {
        const pit = get(p).pointInTime;
        if (pit === undefined || isUnresolved(pit.instancesPerDay) || isUnresolved(pit.days)) return true;
        if (typeof pit.instancesPerDay !== 'number' || typeof pit.days !== 'number') return true;
        return pit.instancesPerDay * pit.days <= PIT_MAX;
      },
      message: `instancesPerDay × days must be at most ${PIT_MAX} instances`,
      got: (_v, p) => {
        const pit = get(p).pointInTime as VrPointInTime;
        return `${pit.instancesPerDay} × ${pit.days} = ${pit.instancesPerDay * pit.days}`;
      },
    },
    ...(['quiescing', 'networkCompression', 'encryption', 'autoReplicateNewDisks'] as const).map(
      (field): ValidationRule<P> => ({
        field,
        value: (p) => get(p)[field],
        condition: (v) => typeof v === 'boolean',
        message: 'must be true or false',
        got: describeValue,
      }),
    ),
  ];
}

const POLICY_RULES = settingsRules<VrEffectiveSettings>((s) => s);

/**
 * How vSphere Replication replications run (RPO, point-in-time instances, quiescing, compression, encryption,
 * new disks), shared by many replications like an Azure Site Recovery replication policy. Validated with VR's
 * rules when constructed.
 *
 * A {@link ReplicationPolicy} whose retention is its point-in-time instances (one rule, a day ÷ instancesPerDay
 * apart), so a `VcdaReplication` accepts it too.
 *
 * Every field of a policy is a *setting*: changing it reconfigures replications in place, never a resync.
 *
 * @example
 * const gold = new VrReplicationPolicy({ rpoMinutes: 15, pointInTime: { instancesPerDay: 4, days: 5 }, quiescing: true });
 * const goldNoMpit = gold.with({ pointInTime: false });
 */
export class VrReplicationPolicy extends ReplicationPolicy {
  /** A policy with the given props (same as `new VrReplicationPolicy(props)`). */
  public static of(props: VrReplicationPolicyProps = {}): VrReplicationPolicy {
    return new VrReplicationPolicy(props);
  }

  /** Point-in-time instances, or undefined for none. */
  public readonly pointInTime: VrPointInTime | undefined;
  /** Compress replication traffic. */
  declare public readonly networkCompression: boolean;
  /** Encrypt replication traffic. */
  declare public readonly encryption: boolean;
  /** Replicate disks added later. */
  public readonly autoReplicateNewDisks: boolean;

  constructor(props: VrReplicationPolicyProps = {}) {
    const resolved: VrEffectiveSettings = {
      rpoMinutes: props.rpoMinutes ?? 60,
      pointInTime: props.pointInTime ? { instancesPerDay: props.pointInTime.instancesPerDay, days: props.pointInTime.days } : undefined,
      quiescing: props.quiescing ?? false,
      networkCompression: props.networkCompression ?? false,
      encryption: props.encryption ?? false,
      autoReplicateNewDisks: props.autoReplicateNewDisks ?? true,
    };
    validateProps('repliform/VrReplicationPolicy', resolved, POLICY_RULES);
    super({
      rpoMinutes: resolved.rpoMinutes,
      retention: resolved.pointInTime === undefined ? undefined : pointInTimeRetention(resolved.pointInTime),
      quiescing: resolved.quiescing,
      networkCompression: resolved.networkCompression,
      encryption: resolved.encryption,
    });
    this.pointInTime = resolved.pointInTime;
    this.autoReplicateNewDisks = resolved.autoReplicateNewDisks;
  }

  /** A copy of this policy with some fields overridden (`pointInTime: false` removes point-in-time instances). */
  public override with(overrides: VrReplicationPolicyOverrides): VrReplicationPolicy {
    return new VrReplicationPolicy(mergeSettings(this, overrides));
  }

  /**
   * Its `false`s are VR's defaults (VR encrypts nothing unless told), not a wish for plain traffic: only its
   * `true`s are asked of another vendor, so a shared VR policy never weakens that vendor's encrypted default.
   * @internal
   */
  public override requestedTransport(): Pick<ReplicationPolicy, 'encryption' | 'networkCompression'> {
    return { encryption: this.encryption ? true : undefined, networkCompression: this.networkCompression ? true : undefined };
  }

  /** The settings block of the spec (snake_case), as the CLI reads it. */
  public toSettings(): VrReplicationSettings {
    return settingsToSpec(this);
  }
}

/**
 * The VR settings of any policy: a {@link VrReplicationPolicy} as it is; a shared {@link ReplicationPolicy}
 * with VR's defaults (no compression, no encryption, new disks replicated) and its retention as point in time
 * (undefined when it cannot be said so: {@link pointInTimeRule} reports it).
 * @internal
 */
export function vrSettingsOf(policy: ReplicationPolicy): VrEffectiveSettings {
  if (policy instanceof VrReplicationPolicy) return policy;
  return {
    rpoMinutes: policy.rpoMinutes,
    pointInTime: retentionAsPointInTime(policy.retention) ?? undefined,
    quiescing: policy.quiescing,
    networkCompression: policy.networkCompression ?? false,
    encryption: policy.encryption ?? false,
    autoReplicateNewDisks: true,
  };
}

/**
 * The rule for a shared policy's retention: vSphere Replication keeps instances per day × days only.
 * @internal
 */
export function pointInTimeRule<P>(get: (props: P) => ReplicationPolicy | undefined): ValidationRule<P> {
  return {
    field: 'policy.retention',
    value: (p) => get(p)?.retention,
    condition: (v) => v === undefined || retentionAsPointInTime(v as ReplicationPolicy['retention']) !== null,
    message:
      'must be one rule that vSphere Replication can keep as instancesPerDay × days: distanceMinutes dividing 1440 and instances a whole number of days',
  };
}

/**
 * A policy's fields with overrides applied (unvalidated; validate the result).
 * @internal
 */
export function mergeSettings(policy: VrEffectiveSettings, overrides: VrReplicationPolicyOverrides): VrEffectiveSettings {
  const pointInTime = overrides.pointInTime === false ? undefined : overrides.pointInTime ?? policy.pointInTime;
  return {
    rpoMinutes: overrides.rpoMinutes ?? policy.rpoMinutes,
    pointInTime,
    quiescing: overrides.quiescing ?? policy.quiescing,
    networkCompression: overrides.networkCompression ?? policy.networkCompression,
    encryption: overrides.encryption ?? policy.encryption,
    autoReplicateNewDisks: overrides.autoReplicateNewDisks ?? policy.autoReplicateNewDisks,
  };
}

/**
 * camelCase settings → the spec's snake_case `settings` block.
 * @internal
 */
export function settingsToSpec(s: VrEffectiveSettings): VrReplicationSettings {
  return {
    rpo_minutes: s.rpoMinutes,
    point_in_time: s.pointInTime ? { instances_per_day: s.pointInTime.instancesPerDay, days: s.pointInTime.days } : null,
    quiescing: s.quiescing,
    network_compression: s.networkCompression,
    encryption: s.encryption,
    auto_replicate_new_disks: s.autoReplicateNewDisks,
  };
}

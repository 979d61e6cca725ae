import { Op } from './cdktf';
import { describeValue, isUnresolved, validateProps, type ValidationRule } from './validation';

/**
 * Keep `instances` replica instances (points in time), `distanceMinutes` apart. Each vendor maps the rules to
 * what it supports: VCDA keeps them as retention rules (up to 5); vSphere Replication only as
 * instances per day × days, i.e. one rule whose distance divides a day (see {@link pointInTimeRetention}).
 */
export interface RetentionRule {
  /** How many instances the rule keeps (at least 1). */
  readonly instances: number;
  /** Minutes between two kept instances (more than 0). */
  readonly distanceMinutes: number;
}

/** Props of {@link ReplicationPolicy}: how replications run, whatever the vendor. Every field changes in place. */
export interface ReplicationPolicyProps {
  /**
   * Recovery point objective, in minutes. Each vendor checks its own range (VR 5–1440, VCDA 1–1440).
   * @default 60
   */
  readonly rpoMinutes?: number;
  /**
   * Replica instances kept besides the latest.
   * @default - none: only the latest instance
   */
  readonly retention?: readonly RetentionRule[];
  /**
   * Quiesce the guest OS (VSS / file system) for each replica.
   * @default false
   */
  readonly quiescing?: boolean;
  /**
   * Compress replication traffic.
   * @default - the vendor's default (VR: off; VCDA: as its data connection type)
   */
  readonly networkCompression?: boolean;
  /**
   * Encrypt replication traffic.
   * @default - the vendor's default (VR: off; VCDA: encrypted)
   */
  readonly encryption?: boolean;
}

/** Overrides of a shared policy's fields; `retention: false` switches off the policy's retention. */
export interface ReplicationPolicyOverrides extends Omit<ReplicationPolicyProps, 'retention'> {
  /**
   * Replica instances kept, or `false` for only the latest.
   * @default - the policy's retention
   */
  readonly retention?: readonly RetentionRule[] | false;
}

/**
 * The shared settings, resolved.
 * @internal
 */
export interface SharedPolicySettings {
  readonly rpoMinutes: number;
  readonly retention: readonly RetentionRule[] | undefined;
  readonly quiescing: boolean;
  readonly networkCompression: boolean | undefined;
  readonly encryption: boolean | undefined;
}

const MINUTES_PER_DAY = 1440;

/**
 * Point-in-time instances as vSphere Replication counts them (instances per day × days), as one retention rule:
 * `instancesPerDay × days` instances, a day ÷ `instancesPerDay` apart.
 */
export function pointInTimeRetention(pointInTime: { readonly instancesPerDay: number; readonly days: number }): RetentionRule[] {
  const { instancesPerDay, days } = pointInTime;
  // A token is computed by Terraform at apply time.
  if (isUnresolved(instancesPerDay) || isUnresolved(days)) {
    return [{ instances: Op.mul(instancesPerDay, days), distanceMinutes: Op.div(MINUTES_PER_DAY, instancesPerDay) }];
  }
  return [{ instances: instancesPerDay * days, distanceMinutes: MINUTES_PER_DAY / instancesPerDay }];
}

/**
 * The retention as instances per day × days (vSphere Replication's point in time): undefined for no retention,
 * null when it cannot be said so (more than one rule, a distance that does not divide a day, or instances that
 * are not whole days).
 * @internal
 */
export function retentionAsPointInTime(retention: readonly RetentionRule[] | undefined): { instancesPerDay: number; days: number } | undefined | null {
  if (retention === undefined || retention.length === 0) return undefined;
  if (retention.length > 1) return null;
  const [rule] = retention;
  const instancesPerDay = MINUTES_PER_DAY / rule.distanceMinutes;
  if (!Number.isInteger(instancesPerDay) || instancesPerDay < 1) return null;
  const days = rule.instances / instancesPerDay;
  return Number.isInteger(days) && days >= 1 ? { instancesPerDay, days } : null;
}

function isPositiveInteger(value: unknown): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1;
}

function isOptionalBoolean(value: unknown): boolean {
  return value === undefined || typeof value === 'boolean';
}

const SHARED_RULES: ReadonlyArray<ValidationRule<SharedPolicySettings>> = [
  { field: 'rpoMinutes', value: (s) => s.rpoMinutes, condition: isPositiveInteger, message: 'must be a positive integer number of minutes' },
  {
    field: 'retention',
    value: (s) => s.retention,
    condition: (v) => v === undefined || Array.isArray(v),
    message: 'must be a list of { instances, distanceMinutes } rules',
  },
  {
    field: 'retention',
    value: (s) => s.retention,
    condition: (v) =>
      !Array.isArray(v) ||
      v.every(
        (rule: RetentionRule) =>
          (isUnresolved(rule.instances) || isPositiveInteger(rule.instances)) &&
          (isUnresolved(rule.distanceMinutes) || (typeof rule.distanceMinutes === 'number' && rule.distanceMinutes > 0)),
      ),
    message: 'rules must keep at least 1 instance (an integer), more than 0 minutes apart',
  },
  { field: 'quiescing', value: (s) => s.quiescing, condition: (v) => typeof v === 'boolean', message: 'must be true or false', got: describeValue },
  { field: 'networkCompression', value: (s) => s.networkCompression, condition: isOptionalBoolean, message: 'must be true or false' },
  { field: 'encryption', value: (s) => s.encryption, condition: isOptionalBoolean, message: 'must be true or false' },
];

/**
 * How replications run — RPO, retention, quiescing, compression, encryption — for any vendor: one policy shared
 * by a `VrReplication` and a `VcdaReplication` alike. Only what every vendor understands is checked here; each
 * replication construct then checks what its vendor supports (VR: RPO 5–1440 and retention as instances per
 * day × days ≤ 24; VCDA: RPO 1–1440, 1–5 retention rules of 1–24 instances, no compression without encryption)
 * and names the construct in the message.
 *
 * Every field is a *setting*: changing it reconfigures replications in place, never a resync.
 *
 * @example
 * const gold = new ReplicationPolicy({ rpoMinutes: 15, retention: [{ instances: 4, distanceMinutes: 60 }], quiescing: true });
 * const goldNoRetention = gold.with({ retention: false });
 */
export class ReplicationPolicy {
  /** Recovery point objective in minutes. */
  public readonly rpoMinutes: number;
  /** Replica instances kept besides the latest, or undefined for none. */
  public readonly retention: readonly RetentionRule[] | undefined;
  /** Quiesce the guest OS. */
  public readonly quiescing: boolean;
  /** Compress replication traffic; undefined = the vendor's default. */
  public readonly networkCompression: boolean | undefined;
  /** Encrypt replication traffic; undefined = the vendor's default. */
  public readonly encryption: boolean | undefined;

  constructor(props: ReplicationPolicyProps = {}) {
    const resolved = resolveSharedPolicy(props);
    validateProps('repliform/ReplicationPolicy', resolved, SHARED_RULES);
    this.rpoMinutes = resolved.rpoMinutes;
    this.retention = resolved.retention;
    this.quiescing = resolved.quiescing;
    this.networkCompression = resolved.networkCompression;
    this.encryption = resolved.encryption;
  }

  /** A copy of this policy with some fields overridden (`retention: false` keeps only the latest instance). */
  public with(overrides: ReplicationPolicyOverrides): ReplicationPolicy {
    return new ReplicationPolicy(mergeSharedPolicy(this, overrides));
  }

  /**
   * The transport flags this policy asks of any vendor (undefined = that vendor's default). A shared policy asks
   * what it says; a vendor's own policy may hold its vendor's defaults, which it does not ask of another vendor.
   * @internal
   */
  public requestedTransport(): Pick<ReplicationPolicy, 'encryption' | 'networkCompression'> {
    return { encryption: this.encryption, networkCompression: this.networkCompression };
  }
}

/**
 * The props with every default applied (unvalidated).
 * @internal
 */
export function resolveSharedPolicy(props: ReplicationPolicyProps): SharedPolicySettings {
  return {
    rpoMinutes: props.rpoMinutes ?? 60,
    retention: props.retention === undefined || props.retention.length === 0 ? undefined : props.retention.map((r) => ({ ...r })),
    quiescing: props.quiescing ?? false,
    networkCompression: props.networkCompression,
    encryption: props.encryption,
  };
}

/**
 * A policy's shared fields with overrides applied (unvalidated; validate the result).
 * @internal
 */
export function mergeSharedPolicy(policy: SharedPolicySettings, overrides: ReplicationPolicyOverrides): SharedPolicySettings {
  return {
    rpoMinutes: overrides.rpoMinutes ?? policy.rpoMinutes,
    retention: overrides.retention === false ? undefined : overrides.retention ?? policy.retention,
    quiescing: overrides.quiescing ?? policy.quiescing,
    networkCompression: overrides.networkCompression ?? policy.networkCompression,
    encryption: overrides.encryption ?? policy.encryption,
  };
}

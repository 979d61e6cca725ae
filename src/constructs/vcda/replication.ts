import { Construct } from 'constructs';
import { VCDA_DATA_CONNECTION_TYPES, VCDA_DISK_TYPES, VCDA_LIMITS, type VcdaDataConnectionType as VcdaConnectionTypeName, type VcdaDiskType } from '../../resources/vcda/limits';
import { type VcdaReplicationSpecInput, vcdaReplicationFields } from '../../resources/vcda/replication/schema';
import { Backing, resolveBacking } from '../backing';
import { IdentitySettingsPair } from '../identity-settings-pair';
import { dependencyOn, type ManagedResource } from '../managed-resource';
import { claimNaturalKey, ownerOf } from '../ownership';
import { ReplicationPolicy, type RetentionRule } from '../replication-policy';
import { timeoutRules, timeoutsToSpec } from '../timeouts';
import {
  describeValue,
  isAbsentOrNonEmptyString,
  isIntegerBetween,
  isNonEmptyString,
  isUnresolved,
  repeatedValues,
  terraformSafeRules,
  validateProps,
  type ValidationRule,
} from '../validation';
import { VcdaSite } from './site';

/** The lifecycle kind synthesized by {@link VcdaReplication}. */
export const VCDA_REPLICATION_KIND = 'vcda.replication';

/** How replica disks are provisioned (`targetDiskType`): `VcdaTargetDiskType.THIN`, … */
export const VcdaTargetDiskType = Object.freeze(Object.fromEntries(VCDA_DISK_TYPES.map((type) => [type, type]))) as {
  readonly [T in VcdaDiskType]: T;
};
/** One of the replica disk types in {@link VcdaTargetDiskType}. */
export type VcdaTargetDiskType = VcdaDiskType;

/** How replication traffic travels (`dataConnectionType`): `VcdaDataConnectionType.ENCRYPTED`, … */
export const VcdaDataConnectionType = Object.freeze(Object.fromEntries(VCDA_DATA_CONNECTION_TYPES.map((type) => [type, type]))) as {
  readonly [T in VcdaConnectionTypeName]: T;
};
/** One of the data connection types in {@link VcdaDataConnectionType}. */
export type VcdaDataConnectionType = VcdaConnectionTypeName;

/** How long the CLI waits on replication tasks. */
export interface VcdaReplicationTimeouts {
  /**
   * Wait for the start task (including the look-ups before it).
   * @default 60
   */
  readonly createMinutes?: number;
  /**
   * Wait for the reconfigure (and storage-profile) task of a settings change.
   * @default 30
   */
  readonly updateMinutes?: number;
  /**
   * Wait for the pause task, or the delete task with `deleteReplicaOnDestroy`.
   * @default 30
   */
  readonly deleteMinutes?: number;
}

/** Props of {@link VcdaReplication}. */
export interface VcdaReplicationProps {
  /** The source site: where the VM runs, and how the CLI reaches the API. */
  readonly site: VcdaSite;
  /** The source VM's id in Cloud Director (a uuid). */
  readonly vmId: string;
  /**
   * The destination site: its name as `GET /sites` lists it (e.g. `site2`), or a {@link VcdaSite} looked up
   * first (only its name is used: the CLI reaches it through the source site's session extension).
   */
  readonly destinationSite: string | VcdaSite;
  /** The destination vDC of the destination site (its uuid). */
  readonly destinationVdc: string;
  /**
   * Device keys of the disks not to replicate (e.g. `2001`).
   * @default - every disk is replicated
   */
  readonly excludeDiskKeys?: number[];
  /**
   * How replica disks are provisioned.
   * @default VcdaTargetDiskType.THIN
   */
  readonly targetDiskType?: VcdaTargetDiskType;
  /**
   * Shared settings (a vendor-neutral `ReplicationPolicy`, or a `VrReplicationPolicy`); the per-field props below
   * override it. Its compression and encryption become the data connection type (encryption without
   * compression: `ENCRYPTED`; compression: `ENCRYPTED_COMPRESSED`; a vendor-neutral policy's `encryption: false`:
   * `PLAIN`). A `VrReplicationPolicy`'s `false`s are VR's defaults and leave VCDA's `ENCRYPTED`: set
   * `dataConnectionType` for plain traffic.
   * @default - RPO 60 minutes, no retention rules, no quiescing, an encrypted data connection
   */
  readonly policy?: ReplicationPolicy;
  /**
   * Recovery point objective in minutes (1–1440).
   * @default - the policy's (60 without a policy)
   */
  readonly rpoMinutes?: number;
  /**
   * Retention rules (1–5, each of 1–24 instances a whole number of minutes apart), or `false` to switch off the
   * policy's.
   * @default - the policy's (none without a policy)
   */
  readonly retentionRules?: RetentionRule[] | false;
  /**
   * Quiesce the guest OS for each instance.
   * @default - the policy's (false without a policy)
   */
  readonly quiescing?: boolean;
  /**
   * How replication traffic travels.
   * @default - from the policy's encryption and compression; `ENCRYPTED` when it says neither
   */
  readonly dataConnectionType?: VcdaDataConnectionType;
  /**
   * An SLA profile (its id) that sets RPO, retention and data connection instead: then set none of `policy`,
   * `rpoMinutes`, `retentionRules` and `dataConnectionType`.
   * @default - the replication's own settings
   */
  readonly slaProfileId?: string;
  /**
   * The destination storage profile (its id).
   * @default - the vDC's default storage profile (`*`)
   */
  readonly storageProfile?: string;
  /**
   * The replication's description; repliform appends its owner marker (`[repliform owner=<stack>/<path>]`).
   * @default - the owner marker only
   */
  readonly description?: string;
  /**
   * Delete the replication, and with it its replica, when this resource is destroyed.
   *
   * Cloud Director Availability has no delete that keeps the replica. So by default a destroy PAUSES the
   * replication and leaves it in place (replica data kept; the CLI says so loudly): delete it by hand, or set this
   * to true and apply before destroying.
   * @default false - destroy pauses the replication and keeps the replica
   */
  readonly deleteReplicaOnDestroy?: boolean;
  /**
   * Retire the replication: the supported way to remove it without orphaning it. Set `retired: true` and apply
   * once (the replication is paused, or deleted with `deleteReplicaOnDestroy`), then delete the construct.
   * Not with `Backing.PROVIDER` (a synth error): there, deleting the construct deletes the replication.
   * @default false
   */
  readonly retired?: boolean;
  /**
   * Take over a replication of this VM that this code did not create (by hand, or by another stack). Without it,
   * a create that finds one fails and says so. With it, the replication is adopted only when every identity field
   * matches (source, destination site and vDC, excluded disks, disk type), the output announces it, and its
   * description records the new owner. Changing it never replaces anything.
   * @default false
   */
  readonly adopt?: boolean;
  /**
   * How long the CLI waits on replication tasks.
   * @default - 60 minutes to start, 30 to reconfigure, 30 to pause or delete
   */
  readonly timeouts?: VcdaReplicationTimeouts;
  /**
   * The Terraform resource type carrying the lifecycle.
   * @default - the `repliform:backing` context, else Backing.PROVIDER
   */
  readonly backing?: Backing;
}

/**
 * The settings a replication resolves to, camelCase.
 * @internal
 */
interface VcdaEffectiveSettings {
  readonly rpoMinutes: number | undefined;
  readonly retention: readonly RetentionRule[] | undefined;
  readonly quiescing: boolean;
  readonly dataConnectionType: string | undefined;
}

const DEFAULT_POLICY = new ReplicationPolicy();
const DEFAULT_TIMEOUTS: Required<VcdaReplicationTimeouts> = { createMinutes: 60, updateMinutes: 30, deleteMinutes: 30 };
const { min: RPO_MIN, max: RPO_MAX } = VCDA_LIMITS.rpoMinutes;
const { min: INSTANCES_MIN, max: INSTANCES_MAX } = VCDA_LIMITS.instancesPerRule;
const RULES_MAX = VCDA_LIMITS.rules.max;
const DISK_TYPES: readonly string[] = VCDA_DISK_TYPES;
const CONNECTION_TYPES: readonly string[] = VCDA_DATA_CONNECTION_TYPES;
const OWNER_MARKER = '[repliform';

/** The policy's encryption and compression as a data connection type (undefined = not expressible). */
function connectionTypeOf(policy: ReplicationPolicy): string | undefined {
  const { encryption, networkCompression } = policy.requestedTransport();
  if (networkCompression === true) return encryption === false ? undefined : 'ENCRYPTED_COMPRESSED';
  return encryption === false ? 'PLAIN' : 'ENCRYPTED';
}

function usesSlaProfile(p: VcdaReplicationProps): boolean {
  return p.slaProfileId !== undefined;
}

function effectiveSettings(p: VcdaReplicationProps): VcdaEffectiveSettings {
  const policy = p.policy ?? DEFAULT_POLICY;
  if (usesSlaProfile(p)) return { rpoMinutes: undefined, retention: undefined, quiescing: p.quiescing ?? policy.quiescing, dataConnectionType: undefined };
  const retention = p.retentionRules === false ? undefined : p.retentionRules ?? policy.retention;
  return {
    rpoMinutes: p.rpoMinutes ?? policy.rpoMinutes,
    retention: retention === undefined || retention.length === 0 ? undefined : retention,
    quiescing: p.quiescing ?? policy.quiescing,
    dataConnectionType: p.dataConnectionType ?? connectionTypeOf(policy),
  };
}


function isWholeMinutes(value: unknown): boolean {
  return isUnresolved(value) || (typeof value === 'number' && Number.isInteger(value) && value >= 1);
}

/** The rules VCDA's retention policy accepts: 1–5 rules of 1–24 instances, whole minutes apart. */
function retentionRules(): Array<ValidationRule<VcdaReplicationProps>> {
  const retention = (p: VcdaReplicationProps): readonly RetentionRule[] | undefined => effectiveSettings(p).retention;
  return [
    {
      field: 'retentionRules',
      value: retention,
      condition: (v) => !Array.isArray(v) || v.length <= RULES_MAX,
      message: `must have at most ${RULES_MAX} rules`,
      got: (v) => `${(v as unknown[]).length} rules`,
    },
    {
      field: 'retentionRules',
      value: retention,
      condition: (v) =>
        !Array.isArray(v) ||
        v.every((rule: RetentionRule) => isUnresolved(rule.instances) || isIntegerBetween(rule.instances, INSTANCES_MIN, INSTANCES_MAX)),
      message: `each rule must keep an integer between ${INSTANCES_MIN} and ${INSTANCES_MAX} instances`,
    },
    {
      field: 'retentionRules',
      value: retention,
      condition: (v) => !Array.isArray(v) || v.every((rule: RetentionRule) => isWholeMinutes(rule.distanceMinutes)),
      message: 'each rule must keep its instances a whole number of minutes apart (distanceMinutes an integer of at least 1)',
    },
  ];
}

const RULES: ReadonlyArray<ValidationRule<VcdaReplicationProps>> = [
  {
    field: 'site',
    value: (p) => p.site,
    condition: (v) => v instanceof VcdaSite,
    message: 'must be a VcdaSite construct (the source site)',
    got: (v) => (v === undefined ? 'nothing' : 'something else'),
  },
  { field: 'vmId', value: (p) => p.vmId, condition: isNonEmptyString, message: 'must be the non-empty Cloud Director id of the source VM' },
  {
    field: 'destinationSite',
    value: (p) => p.destinationSite,
    condition: (v) => v instanceof VcdaSite || isNonEmptyString(v),
    message: "must be a site name such as 'site2' or a VcdaSite construct",
  },
  { field: 'destinationVdc', value: (p) => p.destinationVdc, condition: isNonEmptyString, message: 'must be the non-empty id of the destination vDC' },
  {
    field: 'excludeDiskKeys',
    value: (p) => p.excludeDiskKeys,
    condition: (v) => v === undefined || (Array.isArray(v) && v.every((key) => isUnresolved(key) || isIntegerBetween(key, 0, Number.MAX_SAFE_INTEGER))),
    message: 'must list disk device keys (non-negative integers such as 2001)',
  },
  {
    field: 'excludeDiskKeys',
    value: (p) => p.excludeDiskKeys,
    condition: (v) => !Array.isArray(v) || repeatedValues(v as number[]).length === 0,
    message: 'must not list a disk twice',
    got: (v) => `${repeatedValues(v as number[]).join(', ')} twice`,
  },
  {
    field: 'targetDiskType',
    value: (p) => p.targetDiskType,
    condition: (v) => v === undefined || (typeof v === 'string' && DISK_TYPES.includes(v)),
    message: `must be one of ${VCDA_DISK_TYPES.join(', ')}`,
  },
  {
    field: 'slaProfileId',
    value: (p) => p.slaProfileId,
    condition: isAbsentOrNonEmptyString,
    message: 'must be the non-empty id of an SLA profile',
  },
  {
    field: 'slaProfileId',
    value: (p) => p.slaProfileId,
    condition: (v, p) =>
      v === undefined || [p.policy, p.rpoMinutes, p.retentionRules, p.dataConnectionType].every((given) => given === undefined),
    message: 'sets RPO, retention and data connection itself: set none of policy, rpoMinutes, retentionRules, dataConnectionType with it',
    got: (v, p) =>
      `${describeValue(v)} with ${(['policy', 'rpoMinutes', 'retentionRules', 'dataConnectionType'] as const).filter((k) => p[k] !== undefined).join(', ')}`,
  },
  {
    field: 'rpoMinutes',
    value: (p) => effectiveSettings(p).rpoMinutes,
    condition: (v, p) => usesSlaProfile(p) || isIntegerBetween(v, RPO_MIN, RPO_MAX),
    message: `must be an integer between ${RPO_MIN} and ${RPO_MAX} minutes`,
  },
  ...retentionRules(),
  {
    field: 'quiescing',
    value: (p) => effectiveSettings(p).quiescing,
    condition: (v) => typeof v === 'boolean',
    message: 'must be true or false',
  },
  {
    field: 'dataConnectionType',
    value: (p) => p.dataConnectionType,
    condition: (v) => v === undefined || (typeof v === 'string' && CONNECTION_TYPES.includes(v)),
    message: `must be one of ${VCDA_DATA_CONNECTION_TYPES.join(', ')}`,
  },
  {
    field: 'policy.networkCompression',
    value: (p) => p.policy?.networkCompression,
    condition: (_v, p) => p.dataConnectionType !== undefined || usesSlaProfile(p) || p.policy === undefined || connectionTypeOf(p.policy) !== undefined,
    message: 'needs encryption on VCDA (it compresses only encrypted traffic: ENCRYPTED_COMPRESSED)',
    got: () => 'true with encryption false',
  },
  { field: 'storageProfile', value: (p) => p.storageProfile, condition: isAbsentOrNonEmptyString, message: "must be a non-empty storage profile id (omit it for the vDC's default)" },
  {
    field: 'description',
    value: (p) => p.description,
    condition: (v) => typeof v !== 'string' || !v.includes(OWNER_MARKER),
    message: `must not contain '${OWNER_MARKER}' (repliform appends its owner marker itself)`,
  },
  ...(['deleteReplicaOnDestroy', 'retired', 'adopt'] as const).map(
    (field): ValidationRule<VcdaReplicationProps> => ({
      field,
      value: (p) => p[field],
      condition: (v) => v === undefined || typeof v === 'boolean',
      message: 'must be true or false',
    }),
  ),
  ...terraformSafeRules<VcdaReplicationProps>([
    ['vmId', (p) => p.vmId],
    ['destinationSite', (p) => (typeof p.destinationSite === 'string' ? p.destinationSite : undefined)],
    ['destinationVdc', (p) => p.destinationVdc],
    ['slaProfileId', (p) => p.slaProfileId],
    ['storageProfile', (p) => p.storageProfile],
    ['description', (p) => p.description],
  ]),
  ...timeoutRules<VcdaReplicationProps, VcdaReplicationTimeouts>((p) => p.timeouts, ['createMinutes', 'updateMinutes', 'deleteMinutes']),
];

/**
 * One Cloud Director VM replicated by Cloud Director Availability from its {@link VcdaSite} to a vDC of another
 * site ("Start Vm Replication").
 *
 * Synthesizes two lifecycle resources of kind `vcda.replication`, so that a settings change never resyncs:
 *
 * - **identity** (`<id>/replication`): replaced when *what* is replicated *where* changes (source site and VM,
 *   destination site and vDC, excluded disks, disk type) — a full resync. Create = find-or-start
 *   (`repliform lifecycle create vcda.replication`), destroy = pause and keep (or delete with
 *   `deleteReplicaOnDestroy`). Depends on the site look-up(s).
 * - **settings** (`<id>/settings`): replaced when RPO, retention, quiescing, data connection, SLA profile,
 *   description or storage profile change. Create = reconfigure in place (`repliform lifecycle update
 *   vcda.replication`), destroy = nothing.
 *
 * The spec carries the owner (`<stack>/<construct path>`, recorded in the replication's description) and
 * `adopt`; neither is an identity field. One VM of a site may have only one `VcdaReplication` in an app.
 *
 * @example
 * new VcdaReplication(stack, 'vcd-web-01', {
 *   site: site1,
 *   vmId: '441a891a-5294-4dff-b02d-c605d335be1b',
 *   destinationSite: 'site2',
 *   destinationVdc: 'd6977f40-4d90-46b2-a34e-5077e8648eda',
 *   policy: gold,
 * });
 */
export class VcdaReplication extends Construct {
  /** The full spec given to the CLI (snake_case, every default applied). */
  public readonly spec: VcdaReplicationSpecInput;
  /** The source site. */
  public readonly site: VcdaSite;
  /** True when the replication is being retired (only the identity resource, ensuring it is gone). */
  public readonly retired: boolean;
  /** The identity resource (start / pause or delete), construct id `replication`. */
  public readonly identityResource: ManagedResource;
  /** The settings resource (reconfigure), construct id `settings`; undefined when retired. */
  public readonly settingsResource: ManagedResource | undefined;

  constructor(scope: Construct, id: string, props: VcdaReplicationProps) {
    super(scope, id);
    validateProps('repliform/VcdaReplication', props, RULES, this);
    claimVm(this, props);
    const backing = resolveBacking(this, props.backing);
    const settings = effectiveSettings(props);
    const destination = props.destinationSite;

    this.site = props.site;
    this.retired = props.retired ?? false;

    const spec = {
      connection: props.site.connection,
      source: { site: props.site.siteName, vm_id: props.vmId },
      destination: { site: destination instanceof VcdaSite ? destination.siteName : destination, vdc: props.destinationVdc },
      exclude_disk_keys: [...(props.excludeDiskKeys ?? [])],
      target_disk_type: props.targetDiskType ?? VcdaTargetDiskType.THIN,
      settings: {
        rpo_minutes: settings.rpoMinutes ?? null,
        retention_rules: settings.retention?.map((rule) => ({ instances: rule.instances, distance_minutes: rule.distanceMinutes })) ?? null,
        sla_profile_id: props.slaProfileId ?? null,
        quiescing: settings.quiescing,
        data_connection_type: (settings.dataConnectionType ?? VcdaDataConnectionType.ENCRYPTED) as VcdaDataConnectionType,
        description: props.description ?? null,
        storage_profile: props.storageProfile ?? null,
      },
      on_delete: { delete_replica: props.deleteReplicaOnDestroy ?? false },
      timeouts: timeoutsToSpec(props.timeouts, DEFAULT_TIMEOUTS),
      adopt: props.adopt ?? false,
      owner: ownerOf(this),
    } satisfies VcdaReplicationSpecInput;
    this.spec = spec;

    const dependsOn = [props.site, ...(destination instanceof VcdaSite && destination !== props.site ? [destination] : [])].flatMap((site) =>
      dependencyOn(this, site.resource),
    );
    const pair = new IdentitySettingsPair(this, {
      kind: VCDA_REPLICATION_KIND,
      spec,
      fields: vcdaReplicationFields,
      backing,
      identityId: 'replication',
      subject: 'repliform/VcdaReplication',
      dependsOn,
      ensureAbsent: this.retired,
      // Delete reads neither: an adopt or owner change must never pause or delete anything.
      destroySpecOmits: ['adopt', 'owner'],
    });
    this.identityResource = pair.identityResource;
    this.settingsResource = pair.settingsResource;
  }
}

/** One VM of a source site may have only one VcdaReplication (per endpoint) in an app. */
function claimVm(scope: Construct, props: VcdaReplicationProps): void {
  const { endpoint } = props.site.connection;
  const site = props.site.siteName;
  claimNaturalKey(scope, {
    kind: VCDA_REPLICATION_KIND,
    subject: 'repliform/VcdaReplication',
    values: [endpoint, site, props.vmId],
    key: () => [endpoint.replace(/\/+$/, '').toLowerCase(), site.toLowerCase(), props.vmId.toLowerCase()],
    duplicate: (first) =>
      `vmId '${props.vmId}' of site '${site}' is already replicated by '${first}'; one VM may have only one VcdaReplication (remove one of the two)`,
  });
}

import { Construct } from 'constructs';
import { Backing, resolveBacking } from '../backing';
import { IdentitySettingsPair } from '../identity-settings-pair';
import { dependencyOn, type ManagedResource } from '../managed-resource';
import { claimNaturalKey, ownerOf } from '../ownership';
import { timeoutsToSpec } from '../timeouts';
import { isAbsentOrNonEmptyString, isIntegerBetween, terraformSafeRules, validateProps, type ValidationRule } from '../validation';
import { SdrsProtectionGroup } from './group';
import { booleanRules, descriptionRule, isIdLike, nameRule, SDRS_DEFAULT_TIMEOUTS, sdrsTimeoutRules, type SdrsTimeouts } from './rules';
import { type SdrsPairRef, sdrsReplicationPairFields, type SdrsReplicationPairSpec } from './specs';

/** The lifecycle kind synthesized by {@link SdrsReplicationPair}. */
export const SDRS_REPLICATION_PAIR_KIND = 'sdrs.replication-pair';

/** EVS disk sizes in GB. */
const SIZE_MIN_GB = 10;
const SIZE_MAX_GB = 32768;

/** Props of {@link SdrsReplicationPair}. */
export interface SdrsReplicationPairProps {
  /** The protection group the pair belongs to. */
  readonly group: SdrsProtectionGroup;
  /** The production-site EVS disk (its id); SDRS creates the DR-site disk. A change makes a new pair: a full sync. */
  readonly volumeId: string;
  /** The pair's name: 1–64 bytes of `[A-Za-z0-9._-]`. Renamed in place. */
  readonly name: string;
  /**
   * What the pair is for: at most 48 bytes without `<` `>` (the owner marker ` rf:<12 hex>` is appended). Create-time
   * only: SDRS cannot change a description, so a later change is reported by the deploy and the live one is kept.
   * @default - none (the description is the owner marker alone)
   */
  readonly description?: string;
  /**
   * The disk size in GB (10–32768). Raising it expands both disks in place; it can never shrink.
   * @default - the production disk's size, unchanged
   */
  readonly sizeGb?: number;
  /**
   * The dedicated distributed storage (DSS) pool of the DR-site disk. A change makes a new pair: a full sync.
   * @default - SDRS's default storage
   */
  readonly clusterId?: string;
  /**
   * Delete the DR-site disk too when the pair is destroyed.
   * @default false - the DR-site disk is kept, with its data
   */
  readonly deleteTargetVolume?: boolean;
  /**
   * Take over a pair of this volume that this code did not create; only when its group matches; announced.
   * @default false
   */
  readonly adopt?: boolean;
  /**
   * How long the CLI waits on the pair's jobs.
   * @default - 10 minutes each
   */
  readonly timeouts?: SdrsTimeouts;
  /**
   * The Terraform resource type carrying the lifecycle.
   * @default - the `repliform:backing` context, else Backing.PROVIDER
   */
  readonly backing?: Backing;
}

const RULES: ReadonlyArray<ValidationRule<SdrsReplicationPairProps>> = [
  {
    field: 'group',
    value: (p) => p.group,
    condition: (v) => v instanceof SdrsProtectionGroup,
    message: 'must be an SdrsProtectionGroup construct',
    got: (v) => (v === undefined ? 'nothing' : 'something else'),
  },
  { field: 'volumeId', value: (p) => p.volumeId, condition: isIdLike, message: 'must be the id of the production EVS disk (no spaces)' },
  nameRule<SdrsReplicationPairProps>('name', (p) => p.name),
  descriptionRule<SdrsReplicationPairProps>((p) => p.description),
  {
    field: 'sizeGb',
    value: (p) => p.sizeGb,
    condition: (v) => v === undefined || isIntegerBetween(v, SIZE_MIN_GB, SIZE_MAX_GB),
    message: `must be an integer between ${SIZE_MIN_GB} and ${SIZE_MAX_GB} GB`,
  },
  {
    field: 'clusterId',
    value: (p) => p.clusterId,
    condition: (v) => isAbsentOrNonEmptyString(v) && (v === undefined || isIdLike(v)),
    message: 'must be a non-empty value without spaces (omit it for the default)',
  },
  ...booleanRules<SdrsReplicationPairProps, 'deleteTargetVolume' | 'adopt'>(['deleteTargetVolume', 'adopt']),
  ...sdrsTimeoutRules<SdrsReplicationPairProps>((p) => p.timeouts),
  ...terraformSafeRules<SdrsReplicationPairProps>([
    ['volumeId', (p) => p.volumeId],
    ['clusterId', (p) => p.clusterId],
  ]),
];

/**
 * One production EVS disk replicated to the DR site of its {@link SdrsProtectionGroup} (an SDRS replication pair).
 *
 * Synthesizes two lifecycle resources of kind `sdrs.replication-pair`: the identity (`<id>/pair`: group and
 * production volume — a change is a new pair and a full sync; create = find-or-create and wait on its job, destroy =
 * delete, keeping the DR-site disk unless `deleteTargetVolume`) and the settings (`<id>/settings`: name and size —
 * renamed and expanded in place). Comes after the group; the group's {@link SdrsProtection} comes after it.
 *
 * @example
 * new SdrsReplicationPair(stack, 'web-data', { group, volumeId: 'evs-web-01-data', name: 'web-data', sizeGb: 100 });
 */
export class SdrsReplicationPair extends Construct {
  /** The full spec given to the CLI. */
  public readonly spec: SdrsReplicationPairSpec;
  /** The group. */
  public readonly group: SdrsProtectionGroup;
  /** How attachments name the pair. */
  public readonly ref: SdrsPairRef;
  /** The identity resource (create / delete), construct id `pair`. */
  public readonly identityResource: ManagedResource;
  /** The settings resource (rename, expand), construct id `settings`. */
  public readonly settingsResource: ManagedResource | undefined;

  constructor(scope: Construct, id: string, props: SdrsReplicationPairProps) {
    super(scope, id);
    validateProps('repliform/SdrsReplicationPair', props, RULES, this);
    claimVolume(this, props);
    const backing = resolveBacking(this, props.backing);
    this.group = props.group;
    this.spec = {
      connection: props.group.connection,
      group: props.group.ref,
      volume_id: props.volumeId,
      cluster_id: props.clusterId ?? null,
      name: props.name,
      description: props.description ?? null,
      size_gb: props.sizeGb ?? null,
      on_delete: { delete_target_volume: props.deleteTargetVolume ?? false },
      timeouts: timeoutsToSpec(props.timeouts, SDRS_DEFAULT_TIMEOUTS),
      adopt: props.adopt ?? false,
      owner: ownerOf(this),
    };
    this.ref = { group: props.group.ref, volume_id: props.volumeId };
    const pair = new IdentitySettingsPair(this, {
      kind: SDRS_REPLICATION_PAIR_KIND,
      spec: this.spec,
      fields: sdrsReplicationPairFields,
      backing,
      identityId: 'pair',
      dependsOn: dependencyOn(this, props.group.identityResource),
      destroySpecOmits: ['adopt', 'owner'],
    });
    this.identityResource = pair.identityResource;
    this.settingsResource = pair.settingsResource;
    props.group.addMember({ memberResource: this.identityResource });
  }
}

/** One production volume may be in only one pair. */
function claimVolume(scope: Construct, props: SdrsReplicationPairProps): void {
  const { endpoint, project_id: project } = props.group.connection;
  claimNaturalKey(scope, {
    kind: SDRS_REPLICATION_PAIR_KIND,
    subject: 'repliform/SdrsReplicationPair',
    values: [endpoint, project, props.volumeId],
    key: () => [endpoint.replace(/\/+$/, '').toLowerCase(), project, props.volumeId],
    duplicate: (first) => `volumeId '${props.volumeId}' is already replicated by '${first}'; a volume may be in only one replication pair`,
  });
}

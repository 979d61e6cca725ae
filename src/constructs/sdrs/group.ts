import { Construct } from 'constructs';
import { Backing, resolveBacking } from '../backing';
import { caBundleRules, warnIfInsecure } from '../connection';
import { type AkSkCredentials, cloudCredentialsRules, type TokenCredentials } from '../credentials';
import { IdentitySettingsPair } from '../identity-settings-pair';
import { dependencyOn, type ManagedResource } from '../managed-resource';
import { claimNaturalKey, ownerOf } from '../ownership';
import { timeoutsToSpec } from '../timeouts';
import { isHttpUrl, isNonEmptyString, terraformSafeRules, validateProps, type ValidationRule } from '../validation';
import { type SdrsConnectionSpec, type SdrsGroupRef, sdrsProtectionGroupFields, type SdrsProtectionGroupSpec } from './specs';
import { booleanRules, descriptionRule, isIdLike, nameRule, SDRS_DEFAULT_TIMEOUTS, sdrsTimeoutRules, type SdrsTimeouts } from './rules';

/** The lifecycle kind synthesized by {@link SdrsProtectionGroup}. */
export const SDRS_PROTECTION_GROUP_KIND = 'sdrs.protection-group';

/** Group types other than the default (disaster recovery). */
export const SdrsDrType = Object.freeze({ MIGRATION: 'migration' } as const);
/** One of {@link SdrsDrType}. */
export type SdrsDrType = (typeof SdrsDrType)[keyof typeof SdrsDrType];

/** Props of {@link SdrsProtectionGroup}. */
export interface SdrsProtectionGroupProps {
  /** The regional SDRS endpoint, e.g. `https://sdrs.ap-southeast-1.myhuaweicloud.com`. */
  readonly endpoint: string;
  /** The project (region) id the API paths carry: `/v1/{project_id}/…`. */
  readonly projectId: string;
  /**
   * Environment variable names, read by the CLI at deploy time: AK/SK (`Credentials.fromEnvAkSk('HW_AK', 'HW_SK')`,
   * every request signed) or an IAM token (`Credentials.fromEnvToken('HW_AUTH_TOKEN')`, sent as `X-Auth-Token`).
   */
  readonly credentials: AkSkCredentials | TokenCredentials;
  /** The group's name: 1–64 bytes of `[A-Za-z0-9._-]`. Renamed in place. */
  readonly name: string;
  /**
   * What the group is for: at most 48 bytes without `<` `>` (the owner marker ` rf:<12 hex>` is appended). Create-time
   * only: SDRS cannot change a description, so a later change is reported by the deploy and the live one is kept.
   * @default - none (the description is the owner marker alone)
   */
  readonly description?: string;
  /** The production site's availability zone, e.g. `az-a`. */
  readonly sourceAvailabilityZone: string;
  /** The disaster-recovery site's availability zone, e.g. `az-b`: another zone than the source's. */
  readonly targetAvailabilityZone: string;
  /** The active-active domain id that joins the two zones, e.g. `domain-1`. */
  readonly domainId: string;
  /** The VPC of the production servers, e.g. `vpc-prod`. */
  readonly sourceVpcId: string;
  /**
   * The group's type: `SdrsDrType.MIGRATION` for a migration group.
   * @default - a disaster-recovery group (the API's default)
   */
  readonly drType?: SdrsDrType;
  /**
   * A PEM file of CAs to trust in addition to the system store, as a path on the machine that runs Terraform.
   * @default - the system trust store only
   */
  readonly caBundleFile?: string;
  /**
   * Skip TLS certificate verification. Adds a warning annotation; the CLI warns on every run too.
   * @default false
   */
  readonly insecure?: boolean;
  /**
   * Take over a group that this code did not create (its description carries no marker of this construct). It is
   * adopted only when every identity field matches (zones, domain, VPC, type); the output announces it.
   * @default false
   */
  readonly adopt?: boolean;
  /**
   * How long the CLI waits on the group's jobs.
   * @default - 10 minutes each
   */
  readonly timeouts?: SdrsTimeouts;
  /**
   * The Terraform resource type carrying the lifecycle.
   * @default - the `repliform:backing` context, else Backing.PROVIDER
   */
  readonly backing?: Backing;
}

const RULES: ReadonlyArray<ValidationRule<SdrsProtectionGroupProps>> = [
  {
    field: 'endpoint',
    value: (p) => p.endpoint,
    condition: isHttpUrl,
    message: 'must be an http(s) URL such as https://sdrs.ap-southeast-1.myhuaweicloud.com',
  },
  { field: 'projectId', value: (p) => p.projectId, condition: isIdLike, message: 'must be a project id without spaces' },
  ...cloudCredentialsRules<SdrsProtectionGroupProps>('credentials', (p) => p.credentials),
  nameRule<SdrsProtectionGroupProps>('name', (p) => p.name),
  descriptionRule<SdrsProtectionGroupProps>((p) => p.description),
  { field: 'sourceAvailabilityZone', value: (p) => p.sourceAvailabilityZone, condition: isNonEmptyString, message: "must be an availability zone such as 'az-a'" },
  { field: 'targetAvailabilityZone', value: (p) => p.targetAvailabilityZone, condition: isNonEmptyString, message: "must be an availability zone such as 'az-b'" },
  {
    field: 'targetAvailabilityZone',
    value: (p) => p.targetAvailabilityZone,
    condition: (v, p) => v !== p.sourceAvailabilityZone,
    message: 'must differ from sourceAvailabilityZone (the DR site is another zone)',
  },
  { field: 'domainId', value: (p) => p.domainId, condition: isIdLike, message: 'must be the active-active domain id (no spaces)' },
  { field: 'sourceVpcId', value: (p) => p.sourceVpcId, condition: isIdLike, message: 'must be the production VPC id (no spaces)' },
  {
    field: 'drType',
    value: (p) => p.drType,
    condition: (v) => v === undefined || v === SdrsDrType.MIGRATION,
    message: `must be '${SdrsDrType.MIGRATION}'`,
  },
  ...caBundleRules<SdrsProtectionGroupProps>(),
  ...booleanRules<SdrsProtectionGroupProps, 'insecure' | 'adopt'>(['insecure', 'adopt']),
  ...sdrsTimeoutRules<SdrsProtectionGroupProps>((p) => p.timeouts),
  ...terraformSafeRules<SdrsProtectionGroupProps>([
    ['endpoint', (p) => p.endpoint],
    ['projectId', (p) => p.projectId],
    ['sourceAvailabilityZone', (p) => p.sourceAvailabilityZone],
    ['targetAvailabilityZone', (p) => p.targetAvailabilityZone],
    ['caBundleFile', (p) => p.caBundleFile],
  ]),
];

/** What a member (pair, instance, attachment) registers with its group, so that protection comes after it. */
export interface SdrsGroupMember {
  /** The member's resource that protection must be created after (and stopped before it is destroyed). */
  readonly memberResource: ManagedResource;
}

/**
 * A Huawei Cloud SDRS protection group ("server group"): production servers of one availability zone and VPC
 * protected to another zone. Holds how the CLI reaches the API (regional endpoint, project, AK/SK variable names).
 *
 * Synthesizes two lifecycle resources of kind `sdrs.protection-group`: the identity (`<id>/group`: zones, domain,
 * VPC, type — a change makes a new group) and the settings (`<id>/settings`: the name, renamed in place). Its
 * description records the owner (`rf:<12 hex>`). Protection is not enabled here: add an {@link SdrsProtection},
 * which comes after every pair of the group (an empty group cannot be enabled).
 *
 * @example
 * const group = new SdrsProtectionGroup(stack, 'web', {
 *   endpoint: 'https://sdrs.ap-southeast-1.myhuaweicloud.com',
 *   projectId: '0605767a3300d5762fb7c0186d9e1779',
 *   credentials: Credentials.fromEnvAkSk('HW_AK', 'HW_SK'),
 *   name: 'web-dr',
 *   sourceAvailabilityZone: 'az-a',
 *   targetAvailabilityZone: 'az-b',
 *   domainId: 'domain-1',
 *   sourceVpcId: 'vpc-prod',
 * });
 */
export class SdrsProtectionGroup extends Construct {
  /** How the CLI reaches the API (no secrets: environment variable names only). */
  public readonly connection: SdrsConnectionSpec;
  /** How the group's members' specs name it (resolved by the handlers at run time). */
  public readonly ref: SdrsGroupRef;
  /** The full spec given to the CLI. */
  public readonly spec: SdrsProtectionGroupSpec;
  /** The identity resource (create / delete), construct id `group`. */
  public readonly identityResource: ManagedResource;
  /** The settings resource (rename in place), construct id `settings`. */
  public readonly settingsResource: ManagedResource | undefined;
  private readonly members: SdrsGroupMember[] = [];
  private readonly followers: ManagedResource[] = [];

  constructor(scope: Construct, id: string, props: SdrsProtectionGroupProps) {
    super(scope, id);
    validateProps('repliform/SdrsProtectionGroup', props, RULES, this);
    const backing = resolveBacking(this, props.backing);
    warnIfInsecure(this, props, 'the API CA');
    this.connection = {
      endpoint: props.endpoint,
      project_id: props.projectId,
      credentials: props.credentials.toSpec(),
      ca_bundle_file: props.caBundleFile ?? null,
      insecure: props.insecure ?? false,
    };
    const owner = ownerOf(this);
    claimGroup(this, props);
    this.spec = {
      connection: this.connection,
      source_availability_zone: props.sourceAvailabilityZone,
      target_availability_zone: props.targetAvailabilityZone,
      domain_id: props.domainId,
      source_vpc_id: props.sourceVpcId,
      dr_type: props.drType ?? null,
      name: props.name,
      description: props.description ?? null,
      timeouts: timeoutsToSpec(props.timeouts, SDRS_DEFAULT_TIMEOUTS),
      adopt: props.adopt ?? false,
      owner,
    };
    // Members find the group by its owner marker, not its name: a rename in place must not change their identity.
    this.ref = {
      owner,
      source_availability_zone: props.sourceAvailabilityZone,
      target_availability_zone: props.targetAvailabilityZone,
      source_vpc_id: props.sourceVpcId,
    };
    const pair = new IdentitySettingsPair(this, {
      kind: SDRS_PROTECTION_GROUP_KIND,
      spec: this.spec,
      fields: sdrsProtectionGroupFields,
      backing,
      identityId: 'group',
      destroySpecOmits: ['adopt', 'owner'],
    });
    this.identityResource = pair.identityResource;
    this.settingsResource = pair.settingsResource;
  }

  /**
   * Records a member: every resource that follows the whole group (protection) comes after it.
   * @internal
   */
  public addMember(member: SdrsGroupMember): void {
    this.members.push(member);
    for (const follower of this.followers) comeAfter(follower, member.memberResource);
  }

  /**
   * Makes `follower` come after every member of the group, present and future (so enabling protection never
   * meets an empty group, and on destroy stopping it comes first).
   * @internal
   */
  public addFollower(follower: ManagedResource): void {
    this.followers.push(follower);
    for (const member of this.members) comeAfter(follower, member.memberResource);
  }
}

/** Adds `target` to `follower`'s depends_on (in another stack: a stack dependency instead). */
function comeAfter(follower: ManagedResource, target: ManagedResource): void {
  const resource = follower.resource;
  const [dependency] = dependencyOn(follower, target);
  if (dependency === undefined) return;
  const address = `${target.resource.terraformResourceType}.${target.resource.friendlyUniqueId}`;
  resource.dependsOn = [...(resource.dependsOn ?? []), address];
}

/** One group per project, zones and VPC name in an app: two blocks would rename it back and forth. */
function claimGroup(scope: Construct, props: SdrsProtectionGroupProps): void {
  claimNaturalKey(scope, {
    kind: SDRS_PROTECTION_GROUP_KIND,
    subject: 'repliform/SdrsProtectionGroup',
    values: [props.endpoint, props.projectId, props.name],
    key: () => [props.endpoint.replace(/\/+$/, '').toLowerCase(), props.projectId, props.name],
    duplicate: (first) => `name '${props.name}' is already used by the protection group '${first}' of this project (group names must be unique)`,
  });
}

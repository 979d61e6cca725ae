import { Construct } from 'constructs';
import { Backing, resolveBacking } from '../backing';
import { IdentitySettingsPair } from '../identity-settings-pair';
import { dependencyOn, type ManagedResource } from '../managed-resource';
import { claimNaturalKey, ownerOf } from '../ownership';
import { timeoutsToSpec } from '../timeouts';
import { describeValue, isAbsentOrNonEmptyString, repeatedValues, terraformSafeRules, validateProps, type ValidationRule } from '../validation';
import { SdrsProtectionGroup } from './group';
import { SdrsReplicationPair } from './replication-pair';
import { booleanRules, descriptionRule, isIdLike, nameRule, SDRS_DEFAULT_TIMEOUTS, sdrsTimeoutRules, tagRules, type SdrsTimeouts } from './rules';
import { identityOnlyResource } from './single-resource';
import {
  type SdrsInstanceRef,
  sdrsProtectedInstanceFields,
  type SdrsProtectedInstanceSpec,
  sdrsReplicationAttachmentFields,
  type SdrsReplicationAttachmentSpec,
} from './specs';

/** The lifecycle kind synthesized by {@link SdrsProtectedInstance}. */
export const SDRS_PROTECTED_INSTANCE_KIND = 'sdrs.protected-instance';
/** The lifecycle kind of each pair an {@link SdrsProtectedInstance} attaches. */
export const SDRS_REPLICATION_ATTACHMENT_KIND = 'sdrs.replication-attachment';

/** Device names a replication pair is attached as (`/dev/vdb`, `/dev/sdc`, `/dev/xvdd`, …). */
const DEVICE = /^\/dev\/(vd|sd|xvd)[a-z]{1,2}$/;

/** One replication pair attached to a protected instance. */
export interface SdrsAttachment {
  /** The pair: of the instance's group. */
  readonly pair: SdrsReplicationPair;
  /** The device the pair's disk is attached as on the DR-site server, e.g. `/dev/vdb`. */
  readonly device: string;
}

/** Props of {@link SdrsProtectedInstance}. */
export interface SdrsProtectedInstanceProps {
  /** The protection group. */
  readonly group: SdrsProtectionGroup;
  /** The production ECS server (its id). SDRS creates its DR-site server. A change makes a new protected instance. */
  readonly serverId: string;
  /** The protected instance's name: 1–64 bytes of `[A-Za-z0-9._-]`. Renamed in place. */
  readonly name: string;
  /**
   * What the protected instance is for: at most 48 bytes without `<` `>` (the owner marker ` rf:<12 hex>` is appended). Create-time
   * only: SDRS cannot change a description, so a later change is reported by the deploy and the live one is kept.
   * @default - none (the description is the owner marker alone)
   */
  readonly description?: string;
  /**
   * The replication pairs to attach to the DR-site server, each as a device.
   * @default - none (add some with `attach`)
   */
  readonly attachments?: SdrsAttachment[];
  /**
   * The DSS storage pool of the DR-site server.
   * @default - SDRS chooses
   */
  readonly clusterId?: string;
  /**
   * The subnet of the DR-site server's primary NIC.
   * @default - the production server's
   */
  readonly primarySubnetId?: string;
  /**
   * The IP address of the DR-site server's primary NIC.
   * @default - the production server's
   */
  readonly primaryIpAddress?: string;
  /**
   * The flavor of the DR-site server.
   * @default - the production server's
   */
  readonly flavorRef?: string;
  /**
   * Where the DR-site server is made: `shared` (the shared pool) or `dedicated` (a dedicated host). A change makes a
   * new protected instance.
   * @default - SDRS's default, the shared pool
   */
  readonly tenancy?: 'shared' | 'dedicated';
  /**
   * The dedicated host of the DR-site server; only with `tenancy: 'dedicated'`. A change makes a new protected instance.
   * @default - SDRS picks a dedicated host
   */
  readonly dedicatedHostId?: string;
  /**
   * Tags of the protected instance, key → value (keys 1–36 characters, values up to 43, without control characters
   * or `* < > \ = , | /`). Sent when the instance is created; a later change is reported by the deploy, not applied.
   * @default - no tags
   */
  readonly tags?: Readonly<Record<string, string>>;
  /**
   * Delete the DR-site server when the protected instance is destroyed.
   * @default false - the DR-site server is kept
   */
  readonly deleteTargetServer?: boolean;
  /**
   * Delete the DR-site server's EIP when the protected instance is destroyed.
   * @default false
   */
  readonly deleteTargetEip?: boolean;
  /**
   * Take over a protected instance of this server that this code did not create; announced.
   * @default false
   */
  readonly adopt?: boolean;
  /**
   * How long the CLI waits on the instance's (and its attachments') jobs.
   * @default - 10 minutes each
   */
  readonly timeouts?: SdrsTimeouts;
  /**
   * The Terraform resource type carrying the lifecycle.
   * @default - the `repliform:backing` context, else Backing.PROVIDER
   */
  readonly backing?: Backing;
}

const OPTIONAL_IDS = ['clusterId', 'primarySubnetId', 'primaryIpAddress', 'flavorRef', 'dedicatedHostId'] as const;

const RULES: ReadonlyArray<ValidationRule<SdrsProtectedInstanceProps>> = [
  {
    field: 'group',
    value: (p) => p.group,
    condition: (v) => v instanceof SdrsProtectionGroup,
    message: 'must be an SdrsProtectionGroup construct',
    got: (v) => (v === undefined ? 'nothing' : 'something else'),
  },
  { field: 'serverId', value: (p) => p.serverId, condition: isIdLike, message: 'must be the id of the production ECS server (no spaces)' },
  nameRule<SdrsProtectedInstanceProps>('name', (p) => p.name),
  descriptionRule<SdrsProtectedInstanceProps>((p) => p.description),
  ...OPTIONAL_IDS.map(
    (field): ValidationRule<SdrsProtectedInstanceProps> => ({
      field,
      value: (p) => p[field],
      condition: (v) => isAbsentOrNonEmptyString(v) && (v === undefined || isIdLike(v)),
      message: 'must be a non-empty value without spaces (omit it for the default)',
    }),
  ),
  {
    field: 'tenancy',
    value: (p) => p.tenancy,
    condition: (v) => v === undefined || v === 'shared' || v === 'dedicated',
    message: "must be 'shared' or 'dedicated'",
  },
  {
    field: 'dedicatedHostId',
    value: (p) => p.dedicatedHostId,
    condition: (v, p) => v === undefined || p.tenancy === 'dedicated',
    message: "is used only with tenancy: 'dedicated'",
  },
  ...tagRules<SdrsProtectedInstanceProps>((p) => p.tags),
  ...booleanRules<SdrsProtectedInstanceProps, 'deleteTargetServer' | 'deleteTargetEip' | 'adopt'>(['deleteTargetServer', 'deleteTargetEip', 'adopt']),
  ...sdrsTimeoutRules<SdrsProtectedInstanceProps>((p) => p.timeouts),
  ...terraformSafeRules<SdrsProtectedInstanceProps>([
    ['serverId', (p) => p.serverId],
    ...OPTIONAL_IDS.map((field): [string, (p: SdrsProtectedInstanceProps) => unknown] => [field, (p) => p[field]]),
  ]),
];

/**
 * A production ECS server protected by its {@link SdrsProtectionGroup} (an SDRS protected instance), with the
 * replication pairs it attaches to its DR-site server.
 *
 * Synthesizes two lifecycle resources of kind `sdrs.protected-instance` (identity `<id>/instance`: group, server and
 * the DR-site placement — a change makes a new instance; settings `<id>/settings`: the name, renamed in place) and one
 * `sdrs.replication-attachment` per attached pair (`<id>/attach-<pair id>`: instance, pair and device; created after
 * both, destroyed — detached — before either). Destroy keeps the DR-site server and its EIP unless asked.
 *
 * @example
 * new SdrsProtectedInstance(stack, 'ecs-web-01', {
 *   group, serverId: 'ecs-web-01', name: 'ecs-web-01', attachments: [{ pair: webData, device: '/dev/vdb' }],
 * });
 */
export class SdrsProtectedInstance extends Construct {
  /** The full spec given to the CLI. */
  public readonly spec: SdrsProtectedInstanceSpec;
  /** The group. */
  public readonly group: SdrsProtectionGroup;
  /** How attachments name the instance. */
  public readonly ref: SdrsInstanceRef;
  /** The identity resource (create / delete), construct id `instance`. */
  public readonly identityResource: ManagedResource;
  /** The settings resource (rename), construct id `settings`. */
  public readonly settingsResource: ManagedResource | undefined;
  /** The attachment resources, one per attached pair, in order. */
  public readonly attachmentResources: ManagedResource[] = [];
  private readonly backing: Backing;
  private readonly devices: string[] = [];

  constructor(scope: Construct, id: string, props: SdrsProtectedInstanceProps) {
    super(scope, id);
    validateProps('repliform/SdrsProtectedInstance', props, RULES, this);
    claimServer(this, props);
    this.backing = resolveBacking(this, props.backing);
    this.group = props.group;
    this.spec = {
      connection: props.group.connection,
      group: props.group.ref,
      server_id: props.serverId,
      cluster_id: props.clusterId ?? null,
      primary_subnet_id: props.primarySubnetId ?? null,
      primary_ip_address: props.primaryIpAddress ?? null,
      flavor_ref: props.flavorRef ?? null,
      tenancy: props.tenancy ?? null,
      dedicated_host_id: props.dedicatedHostId ?? null,
      name: props.name,
      description: props.description ?? null,
      tags: props.tags ? { ...props.tags } : null,
      on_delete: { delete_target_server: props.deleteTargetServer ?? false, delete_target_eip: props.deleteTargetEip ?? false },
      timeouts: timeoutsToSpec(props.timeouts, SDRS_DEFAULT_TIMEOUTS),
      adopt: props.adopt ?? false,
      owner: ownerOf(this),
    };
    this.ref = { group: props.group.ref, server_id: props.serverId };
    const pair = new IdentitySettingsPair(this, {
      kind: SDRS_PROTECTED_INSTANCE_KIND,
      spec: this.spec,
      fields: sdrsProtectedInstanceFields,
      backing: this.backing,
      identityId: 'instance',
      dependsOn: dependencyOn(this, props.group.identityResource),
      destroySpecOmits: ['adopt', 'owner'],
    });
    this.identityResource = pair.identityResource;
    this.settingsResource = pair.settingsResource;
    props.group.addMember({ memberResource: this.identityResource });
    for (const attachment of props.attachments ?? []) this.attach(attachment.pair, attachment.device);
  }

  /**
   * Attaches a replication pair of the instance's group to the DR-site server as `device` (e.g. `/dev/vdb`).
   * @returns the attachment's lifecycle resource
   */
  public attach(pair: SdrsReplicationPair, device: string): ManagedResource {
    validateAttachment(this, pair, device, this.devices);
    claimPair(this, pair);
    this.devices.push(device);
    const spec: SdrsReplicationAttachmentSpec = {
      connection: this.group.connection,
      instance: this.ref,
      pair: pair.ref,
      device,
      timeouts: this.spec.timeouts,
      adopt: false,
      owner: this.spec.owner,
    };
    const resource = identityOnlyResource(this, `attach-${pair.node.id}`, {
      kind: SDRS_REPLICATION_ATTACHMENT_KIND,
      spec,
      fields: sdrsReplicationAttachmentFields,
      backing: this.backing,
      dependsOn: [...dependencyOn(this, this.identityResource), ...dependencyOn(this, pair.identityResource)],
    });
    this.attachmentResources.push(resource);
    this.group.addMember({ memberResource: resource });
    return resource;
  }
}

interface AttachmentInput {
  readonly pair: unknown;
  readonly device: unknown;
}

function validateAttachment(instance: SdrsProtectedInstance, pair: SdrsReplicationPair, device: string, devices: readonly string[]): void {
  const rules: Array<ValidationRule<AttachmentInput>> = [
    {
      field: 'attachments.pair',
      value: (a) => a.pair,
      condition: (v) => v instanceof SdrsReplicationPair && v.group === instance.group,
      message: `must be an SdrsReplicationPair of the instance's group '${instance.group.node.path}'`,
      got: (v) => (v instanceof SdrsReplicationPair ? `a pair of '${v.group.node.path}'` : describeValue(v === undefined ? v : 'something else')),
    },
    {
      field: 'attachments.device',
      value: (a) => a.device,
      condition: (v) => typeof v === 'string' && DEVICE.test(v),
      message: 'must be a device name such as /dev/vdb, /dev/sdc or /dev/xvdd',
    },
    {
      field: 'attachments.device',
      value: (a) => a.device,
      condition: (v) => typeof v !== 'string' || repeatedValues([...devices, v]).length === 0,
      message: 'must not be used twice on one instance',
    },
  ];
  validateProps('repliform/SdrsProtectedInstance', { pair, device }, rules, instance);
}

/** One server may be protected once. */
function claimServer(scope: Construct, props: SdrsProtectedInstanceProps): void {
  const { endpoint, project_id: project } = props.group.connection;
  claimNaturalKey(scope, {
    kind: SDRS_PROTECTED_INSTANCE_KIND,
    subject: 'repliform/SdrsProtectedInstance',
    values: [endpoint, project, props.serverId],
    key: () => [endpoint.replace(/\/+$/, '').toLowerCase(), project, props.serverId],
    duplicate: (first) => `serverId '${props.serverId}' is already protected by '${first}'; a server may be protected only once`,
  });
}

/** One pair may be attached to one instance only. */
function claimPair(instance: SdrsProtectedInstance, pair: SdrsReplicationPair): void {
  claimNaturalKey(instance, {
    kind: SDRS_REPLICATION_ATTACHMENT_KIND,
    subject: 'repliform/SdrsProtectedInstance',
    values: [pair.node.path],
    key: () => [pair.node.path],
    duplicate: (first) => `attachments.pair '${pair.node.path}' is already attached by '${first}'; a pair may be attached to one instance only`,
  });
}

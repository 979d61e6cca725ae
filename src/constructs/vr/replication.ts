import { Construct } from 'constructs';
import { VR_DISK_FORMATS, type VrDiskFormat } from '../../resources/vr/limits';
import { type VrReplicationSpecInput, vrReplicationFields } from '../../resources/vr/replication/schema';
import { Backing, resolveBacking } from '../backing';
import { IdentitySettingsPair } from '../identity-settings-pair';
import { dependencyOn, type ManagedResource } from '../managed-resource';
import { claimNaturalKey, ownerOf } from '../ownership';
import { timeoutRules, timeoutsToSpec } from '../timeouts';
import {
  describeExclusive,
  describeValue,
  exactlyOne,
  isAbsentOrNonEmptyString,
  isNonEmptyString,
  isUnresolved,
  repeatedValues,
  terraformSafeRules,
  validateProps,
  type ValidationRule,
} from '../validation';
import { VrPairing } from './pairing';
import type { ReplicationPolicy } from '../replication-policy';
import {
  mergeSettings,
  pointInTimeRule,
  settingsRules,
  settingsToSpec,
  type VrPointInTime,
  VrReplicationPolicy,
  vrSettingsOf,
} from './replication-policy';
import { VrSeeds } from './seeds';

/** The lifecycle kind synthesized by {@link VrReplication}. */
export const VR_REPLICATION_KIND = 'vr.replication';
/** The lifecycle kind of the sync resource a `syncTrigger` adds: create = sync now and wait. */
export const VR_REPLICATION_SYNC_KIND = 'vr.replication-sync';

/**
 * Destination disk formats (`ConfigureReplicationVmDisk.destination_disk_format`), generated from the
 * shared `VR_DISK_FORMATS` list so that it never drifts: `VrTargetDiskFormat.THIN`, …
 */
export const VrTargetDiskFormat = Object.freeze(
  Object.fromEntries(VR_DISK_FORMATS.map((format) => [format, format])),
) as { readonly [F in VrDiskFormat]: F };
/** One of the destination disk formats in `VR_DISK_FORMATS`. */
export type VrTargetDiskFormat = VrDiskFormat;

/** How long the CLI waits on replication tasks. */
export interface VrReplicationTimeouts {
  /**
   * Wait for the configure task (including the look-ups before it).
   * @default 60
   */
  readonly createMinutes?: number;
  /**
   * Wait for the reconfigure task of a settings change.
   * @default 30
   */
  readonly updateMinutes?: number;
  /**
   * Wait for the unconfigure task.
   * @default 30
   */
  readonly deleteMinutes?: number;
}

/** Props of {@link VrReplication}. */
export interface VrReplicationProps {
  /** The pairing to replicate over; gives the connection and the target site. */
  readonly pairing: VrPairing;
  /**
   * The source VM's name. Set exactly one of `vmName` and `vmId`.
   * @default - the VM is found by `vmId`
   */
  readonly vmName?: string;
  /**
   * The source VM's managed object id (e.g. `vm-1234`). Set exactly one of `vmName` and `vmId`.
   * @default - the VM is found by `vmName`
   */
  readonly vmId?: string;
  /** The target datastore's name. */
  readonly targetDatastore: string;
  /**
   * The target storage policy's name.
   * @default - the datastore's default storage policy
   */
  readonly targetStoragePolicy?: string;
  /**
   * The target vSphere Replication server's name.
   * @default - chosen by vSphere Replication
   */
  readonly replicationServer?: string;
  /**
   * The format of the replica disks.
   * @default VrTargetDiskFormat.SAME_AS_SOURCE
   */
  readonly diskFormat?: VrTargetDiskFormat;
  /**
   * Shared settings; the per-field props below override it. A vendor-neutral `ReplicationPolicy` works too:
   * its retention must be one rule VR can keep as instances per day × days, compression and encryption
   * default to off and new disks are replicated.
   * @default - RPO 60 minutes, no point-in-time instances, no quiescing, compression or encryption,
   * new disks replicated automatically
   */
  readonly policy?: VrReplicationPolicy | ReplicationPolicy;
  /**
   * Recovery point objective in minutes (5–1440).
   * @default - the policy's (60 without a policy)
   */
  readonly rpoMinutes?: number;
  /**
   * Point-in-time instances to keep, or `false` to switch off the policy's.
   * @default - the policy's (none without a policy)
   */
  readonly pointInTime?: VrPointInTime | false;
  /**
   * Quiesce the guest OS for each replica.
   * @default - the policy's (false without a policy)
   */
  readonly quiescing?: boolean;
  /**
   * Compress replication traffic.
   * @default - the policy's (false without a policy)
   */
  readonly networkCompression?: boolean;
  /**
   * Encrypt replication traffic.
   * @default - the policy's (false without a policy)
   */
  readonly encryption?: boolean;
  /**
   * Replicate disks added to the VM later automatically.
   * @default - the policy's (true without a policy)
   */
  readonly autoReplicateNewDisks?: boolean;
  /**
   * Disks not to replicate, by label (e.g. `Hard disk 2`) or device key (e.g. `2001`).
   * @default - every supported disk is replicated
   */
  readonly excludeDisks?: string[];
  /**
   * Pre-copied disks on the target.
   * @default VrSeeds.none()
   */
  readonly seeds?: VrSeeds;
  /**
   * Keep the replica disks on the target when the replication is removed.
   * @default true - nothing is lost unless asked
   */
  readonly retainReplicaDisksOnDelete?: boolean;
  /**
   * Retire the replication: the supported way to remove it without orphaning it.
   *
   * Terraform does not run destroy-time provisioners of a resource whose block was deleted from the
   * code, so deleting a `VrReplication` would leave the replication configured. Instead set
   * `retired: true` and apply once: the identity resource is replaced (its old instance's destroy-time
   * command unconfigures the replication; the new one runs an idempotent `delete`) and the settings
   * resource goes away. After that apply, the construct can be deleted from the code safely.
   * Not with `Backing.PROVIDER` (a synth error): there, deleting the construct deletes the replication.
   * @default false
   */
  readonly retired?: boolean;
  /**
   * Take over a replication of this VM that this code did not create (configured by hand, by a script, or
   * by another stack).
   *
   * Without it, a create that finds such a replication fails and says so: adoption is never silent. With it,
   * the replication is adopted only when every identity field matches the code (pairing, VM, target
   * datastore, storage policy, disks, seeds), and the output announces the take-over. Its settings are then
   * reconciled to the code. Changing it never replaces anything; it only matters when the replication is
   * created.
   * @default false
   */
  readonly adopt?: boolean;
  /**
   * Sync the replication (an out-of-schedule replica, `actions/sync`) whenever this value changes: bump it,
   * e.g. to a date or a change ticket, and apply. Adds a third lifecycle resource (`<id>/sync`, kind
   * `vr.replication-sync`) whose create runs the sync after the settings are applied and waits for it (up to
   * `timeouts.updateMinutes`); destroying it does nothing. A paused replication is not synced (the apply
   * fails and says to resume it); one in its initial full sync needs none.
   * @default - no sync resource: replicas follow the RPO schedule only
   */
  readonly syncTrigger?: string;
  /**
   * How long the CLI waits on replication tasks.
   * @default - 60 minutes to configure, 30 to reconfigure, 30 to unconfigure
   */
  readonly timeouts?: VrReplicationTimeouts;
  /**
   * The Terraform resource type carrying the lifecycle.
   * @default - the `repliform:backing` context, else Backing.PROVIDER
   */
  readonly backing?: Backing;
}

const DEFAULT_POLICY = new VrReplicationPolicy();
const DEFAULT_TIMEOUTS: Required<VrReplicationTimeouts> = { createMinutes: 60, updateMinutes: 30, deleteMinutes: 30 };
const DISK_FORMATS: readonly string[] = VR_DISK_FORMATS;

function effectiveSettings(p: VrReplicationProps) {
  return mergeSettings(vrSettingsOf(p.policy ?? DEFAULT_POLICY), p);
}


const RULES: ReadonlyArray<ValidationRule<VrReplicationProps>> = [
  {
    field: 'pairing',
    value: (p) => p.pairing,
    condition: (v) => v instanceof VrPairing,
    message: 'must be a VrPairing construct',
    got: (v) => (v === undefined ? 'nothing' : 'something else'),
  },
  {
    field: 'vmName/vmId',
    value: (p) => [p.vmName, p.vmId],
    condition: (_v, p) => exactlyOne(p.vmName, p.vmId),
    message: 'exactly one of vmName or vmId must be set',
    got: (_v, p) => describeExclusive(['vmName', 'vmId'], [p.vmName, p.vmId]),
  },
  { field: 'vmName', value: (p) => p.vmName, condition: isAbsentOrNonEmptyString, message: 'must be a non-empty VM name' },
  { field: 'vmId', value: (p) => p.vmId, condition: isAbsentOrNonEmptyString, message: "must be a non-empty VM id such as 'vm-1234'" },
  {
    field: 'targetDatastore',
    value: (p) => p.targetDatastore,
    condition: isNonEmptyString,
    message: 'must be a non-empty datastore name',
  },
  {
    field: 'targetStoragePolicy',
    value: (p) => p.targetStoragePolicy,
    condition: isAbsentOrNonEmptyString,
    message: "must be a non-empty storage policy name (omit it for the datastore's default)",
  },
  {
    field: 'replicationServer',
    value: (p) => p.replicationServer,
    condition: isAbsentOrNonEmptyString,
    message: 'must be a non-empty replication server name (omit it to let vSphere Replication choose)',
  },
  {
    field: 'diskFormat',
    value: (p) => p.diskFormat,
    condition: (v) => v === undefined || (typeof v === 'string' && DISK_FORMATS.includes(v)),
    message: `must be one of ${VR_DISK_FORMATS.join(', ')}`,
  },
  {
    field: 'excludeDisks',
    value: (p) => p.excludeDisks,
    condition: (v) => v === undefined || (Array.isArray(v) && v.every((d) => isUnresolved(d) || isNonEmptyString(d))),
    message: "must list non-empty disk labels such as 'Hard disk 2'",
  },
  {
    field: 'excludeDisks',
    value: (p) => p.excludeDisks,
    condition: (v) => !Array.isArray(v) || repeatedValues(v as string[]).length === 0,
    message: 'must not list a disk twice',
    got: (v) => `${repeatedValues(v as string[]).map((d) => describeValue(d)).join(', ')} twice`,
  },
  {
    field: 'seeds',
    value: (p) => p.seeds,
    condition: (v) => !(v instanceof VrSeeds) || v.mode !== 'explicit' || Object.keys(v.paths).length > 0,
    message: "must map at least one disk label to a seed path with VrSeeds.explicit({ 'Hard disk 1': 'seeds/vm/vm.vmdk' })",
    got: () => '{}',
  },
  {
    field: 'seeds',
    value: (p) => p.seeds,
    condition: (v) =>
      !(v instanceof VrSeeds) ||
      Object.entries(v.paths).every(([disk, path]) => isNonEmptyString(disk) && (isUnresolved(path) || isNonEmptyString(path))),
    message: 'must map non-empty disk labels to non-empty seed paths on the target datastore',
    got: (v) => describeValue((v as VrSeeds).paths),
  },
  {
    field: 'seeds',
    value: (p) => p.seeds,
    condition: (v) => !(v instanceof VrSeeds) || v.mode === 'explicit' || Object.keys(v.paths).length === 0,
    message: 'may name seed paths only with VrSeeds.explicit(...)',
    got: (v) => `mode '${(v as VrSeeds).mode}' with paths ${describeValue((v as VrSeeds).paths)}`,
  },
  {
    field: 'seeds',
    value: (p) => p.seeds,
    condition: (v, p) => !(v instanceof VrSeeds) || !Object.keys(v.paths).some((disk) => (p.excludeDisks ?? []).includes(disk)),
    message: 'must not name a disk that excludeDisks leaves out',
    got: (v, p) =>
      Object.keys((v as VrSeeds).paths)
        .filter((disk) => (p.excludeDisks ?? []).includes(disk))
        .map((disk) => describeValue(disk))
        .join(', '),
  },
  ...terraformSafeRules<VrReplicationProps>([
    ['vmName', (p) => p.vmName],
    ['vmId', (p) => p.vmId],
    ['targetDatastore', (p) => p.targetDatastore],
    ['targetStoragePolicy', (p) => p.targetStoragePolicy],
    ['replicationServer', (p) => p.replicationServer],
    ['excludeDisks', (p) => p.excludeDisks],
    ['seeds', (p) => p.seeds?.paths],
    ['syncTrigger', (p) => p.syncTrigger],
  ]),
  {
    field: 'syncTrigger',
    value: (p) => p.syncTrigger,
    condition: isAbsentOrNonEmptyString,
    message: "must be a non-empty string such as '2026-11-23' (change it to sync again), or omitted",
  },
  {
    field: 'adopt',
    value: (p) => p.adopt,
    condition: (v) => v === undefined || typeof v === 'boolean',
    message: 'must be true or false',
  },
  pointInTimeRule<VrReplicationProps>((p) => (p.pointInTime === undefined ? p.policy : undefined)),
  ...settingsRules<VrReplicationProps>(effectiveSettings),
  ...timeoutRules<VrReplicationProps, VrReplicationTimeouts>((p) => p.timeouts, ['createMinutes', 'updateMinutes', 'deleteMinutes']),
];

/**
 * One VM replicated by vSphere Replication over a {@link VrPairing}.
 *
 * Synthesizes two lifecycle resources of kind `vr.replication`, so that a settings change never resyncs:
 *
 * - **identity** (`<id>/replication`): replaced when *what* is replicated *where* changes (pairing, VM,
 *   target, excluded disks, seeds). Create = configure (`repliform lifecycle create vr.replication`),
 *   destroy = unconfigure (`repliform lifecycle delete vr.replication`, keeping the replica disks unless
 *   `retainReplicaDisksOnDelete: false`). Depends on the pairing.
 * - **settings** (`<id>/settings`): replaced when the settings (RPO, point-in-time, quiescing,
 *   compression, encryption, new disks) change or the identity is replaced. Create = reconfigure in
 *   place (`repliform lifecycle update vr.replication`), destroy = nothing. Depends on the identity.
 *
 * With `syncTrigger`, a third resource (`<id>/sync`, kind `vr.replication-sync`) syncs the replication
 * whenever the trigger changes. Each spec carries its owner (`<stack>/<construct path>`) and `adopt`; neither
 * is an identity field, so changing them replaces nothing. One VM may have only one `VrReplication` per
 * pairing in an app: a second one is a synth-time error naming both.
 *
 * To remove a replication, set `retired: true`, apply, then delete the construct (see `retired`).
 *
 * @example
 * new VrReplication(stack, 'web-01', {
 *   pairing,
 *   vmName: 'web-01',
 *   targetDatastore: 'ds-b-01',
 *   policy: gold,
 *   excludeDisks: ['Hard disk 3'],
 * });
 */
export class VrReplication extends Construct {
  /** The full spec given to the CLI (snake_case, every default applied). */
  public readonly spec: VrReplicationSpecInput;
  /** The effective settings: the policy with this replication's overrides. */
  public readonly policy: VrReplicationPolicy;
  /** The pairing replicated over. */
  public readonly pairing: VrPairing;
  /** True when the replication is being retired (only the identity resource, ensuring it is gone). */
  public readonly retired: boolean;
  /** The identity resource (configure / unconfigure), construct id `replication`. */
  public readonly identityResource: ManagedResource;
  /** The settings resource (reconfigure), construct id `settings`; undefined when retired. */
  public readonly settingsResource: ManagedResource | undefined;
  /** The sync resource (sync when `syncTrigger` changes), construct id `sync`; undefined without a trigger or when retired. */
  public readonly syncResource: ManagedResource | undefined;

  constructor(scope: Construct, id: string, props: VrReplicationProps) {
    super(scope, id);
    validateProps('repliform/VrReplication', props, RULES, this);
    claimVm(this, props);
    const backing = resolveBacking(this, props.backing);
    const settings = effectiveSettings(props);

    this.pairing = props.pairing;
    this.retired = props.retired ?? false;
    this.policy = new VrReplicationPolicy({ ...settings });

    const spec = {
      connection: props.pairing.connection,
      pairing: props.pairing.pairingRef,
      vm: { id: props.vmId ?? null, name: props.vmName ?? null },
      target: {
        datastore: props.targetDatastore,
        storage_policy: props.targetStoragePolicy ?? null,
        replication_server: props.replicationServer ?? null,
        disk_format: props.diskFormat ?? VrTargetDiskFormat.SAME_AS_SOURCE,
      },
      exclude_disks: [...(props.excludeDisks ?? [])],
      seeds: (props.seeds ?? VrSeeds.none()).toSpec(),
      settings: settingsToSpec(settings),
      on_delete: { retain_replica_disks: props.retainReplicaDisksOnDelete ?? true },
      timeouts: timeoutsToSpec(props.timeouts, DEFAULT_TIMEOUTS),
      adopt: props.adopt ?? false,
      owner: ownerOf(this),
    } satisfies VrReplicationSpecInput;
    this.spec = spec;

    const pair = new IdentitySettingsPair(this, {
      kind: VR_REPLICATION_KIND,
      spec,
      fields: vrReplicationFields,
      backing,
      identityId: 'replication',
      subject: 'repliform/VrReplication',
      dependsOn: dependencyOn(this, props.pairing.resource),
      ensureAbsent: this.retired,
      // Delete reads none of these: an adopt, owner or site-name change must never unconfigure anything.
      destroySpecOmits: ['adopt', 'owner', 'connection.local_site'],
    });
    this.identityResource = pair.identityResource;
    this.settingsResource = pair.settingsResource;
    this.syncResource =
      props.syncTrigger === undefined
        ? undefined
        : pair.runOnChange('sync', VR_REPLICATION_SYNC_KIND, { sync_trigger: props.syncTrigger }, {
            connection: spec.connection,
            pairing: spec.pairing,
            vm: spec.vm,
            timeouts: spec.timeouts,
            trigger: props.syncTrigger,
          });
  }
}

/** One VM may have only one VrReplication per pairing (and local appliance) in an app. */
function claimVm(scope: Construct, props: VrReplicationProps): void {
  const { endpoint } = props.pairing.connection;
  const pairing = props.pairing.pairingRef;
  const vm = { id: props.vmId ?? null, name: props.vmName ?? null };
  claimNaturalKey(scope, {
    kind: VR_REPLICATION_KIND,
    subject: 'repliform/VrReplication',
    values: [endpoint, pairing.id, pairing.remote_site, vm.id, vm.name],
    key: () => [
      endpoint.replace(/\/+$/, '').toLowerCase(),
      pairing.id !== null ? `id:${pairing.id}` : `site:${(pairing.remote_site ?? '').toLowerCase()}`,
      vm.id !== null ? `id:${vm.id}` : `name:${vm.name ?? ''}`,
    ],
    duplicate: (first) => {
      const vmName = vm.id !== null ? `vmId '${vm.id}'` : `vmName '${vm.name ?? ''}'`;
      const over = pairing.id !== null ? `pairing '${pairing.id}'` : `remote site '${pairing.remote_site ?? ''}'`;
      return `${vmName} is already replicated over ${over} of ${endpoint} by '${first}'; one VM may have only one VrReplication per pairing (remove one of the two)`;
    },
  });
}

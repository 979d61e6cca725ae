import { Construct } from 'constructs';
import { TEST_FAILOVER_RECOVERY_POINTS, type VcdaTestFailoverSpecInput } from '../../resources/vcda/test-failover/schema';
import { Backing, resolveBacking } from '../backing';
import { dependencyOn, ManagedResource } from '../managed-resource';
import { timeoutRules, timeoutsToSpec } from '../timeouts';
import { isNonEmptyString, validateProps, type ValidationRule } from '../validation';
import type { VcdaReplication } from './replication';

/** The lifecycle kind synthesized by {@link VcdaTestFailover}. */
export const VCDA_TEST_FAILOVER_KIND = 'vcda.test-failover';

/** Which point in time the test VM is made from: the latest retained instance, or a new one (sync first). */
export const VcdaRecoveryPoint = Object.freeze({ LATEST: 'latest', SYNC: 'sync' } as const);
/** One of {@link VcdaRecoveryPoint}. */
export type VcdaRecoveryPoint = (typeof TEST_FAILOVER_RECOVERY_POINTS)[number];

/** A network of the source VM mapped to a destination network for the test VM (by name). */
export interface VcdaTestNetworkMapping {
  readonly sourceNetwork: string;
  readonly destinationNetwork: string;
}

/** How long the drill's waits may take. */
export interface VcdaTestFailoverTimeouts {
  /**
   * Wait for the test failover task.
   * @default 60
   */
  readonly createMinutes?: number;
  /**
   * Wait for a change of the connection or timeouts (nothing is sent).
   * @default 30
   */
  readonly updateMinutes?: number;
  /**
   * Wait for each cleanup task.
   * @default 60
   */
  readonly deleteMinutes?: number;
}

/** Props of {@link VcdaTestFailover}. */
export interface VcdaTestFailoverProps {
  /** The replication to test (the drill depends on it: created after it, cleaned up before it is destroyed). */
  readonly replication: VcdaReplication;
  /**
   * Power the test VM on.
   * @default true
   */
  readonly powerOn?: boolean;
  /**
   * Which point in time the test VM is made from.
   * @default VcdaRecoveryPoint.LATEST
   */
  readonly recoveryPoint?: VcdaRecoveryPoint;
  /**
   * A retained instance (point in time) by id, instead of `recoveryPoint`; not with `VcdaRecoveryPoint.SYNC`.
   * @default - as `recoveryPoint` says
   */
  readonly instanceId?: string;
  /**
   * Networks of the test VM.
   * @default - VCDA's defaults for a test failover
   */
  readonly networkMappings?: readonly VcdaTestNetworkMapping[];
  /** @default - create 60, update 30, delete 60 minutes */
  readonly timeouts?: VcdaTestFailoverTimeouts;
  /**
   * The Terraform resource type carrying the lifecycle.
   * @default - the `repliform:backing` context, else Backing.PROVIDER
   */
  readonly backing?: Backing;
}

const DEFAULT_TIMEOUTS: Required<VcdaTestFailoverTimeouts> = { createMinutes: 60, updateMinutes: 30, deleteMinutes: 60 };
const RECOVERY_POINTS: readonly string[] = TEST_FAILOVER_RECOVERY_POINTS;

const RULES: ReadonlyArray<ValidationRule<VcdaTestFailoverProps>> = [
  {
    field: 'recoveryPoint',
    value: (p) => p.recoveryPoint,
    condition: (v) => v === undefined || (typeof v === 'string' && RECOVERY_POINTS.includes(v)),
    message: `must be one of ${TEST_FAILOVER_RECOVERY_POINTS.join(', ')}`,
  },
  { field: 'instanceId', value: (p) => p.instanceId, condition: (v) => v === undefined || isNonEmptyString(v), message: 'must be a non-empty instance id' },
  {
    field: 'instanceId',
    value: (p) => (p.instanceId !== undefined && p.recoveryPoint === VcdaRecoveryPoint.SYNC ? p.instanceId : undefined),
    condition: (v) => v === undefined,
    message: 'cannot be set with recoveryPoint SYNC (VCDA refuses an instance with a sync)',
  },
  ...timeoutRules<VcdaTestFailoverProps, VcdaTestFailoverTimeouts>((p) => p.timeouts, ['createMinutes', 'updateMinutes', 'deleteMinutes']),
];

/**
 * A DR drill as code: a test failover of one {@link VcdaReplication} that runs as long as this construct is
 * deployed — a test VM on the destination site, from the latest (or a chosen) recovery point; replication and
 * production are untouched. Synthesizes ONE resource of kind `vcda.test-failover` (construct id `<id>/drill`):
 * create starts the test failover and waits, destroy cleans it up and waits. It depends on the replication, so a
 * destroy of both cleans the drill up first (and destroying the replication alone under a running drill is refused).
 *
 * @example
 * new VcdaTestFailover(stack, 'web-01-drill', { replication: web01 });
 */
export class VcdaTestFailover extends Construct {
  /** The full spec given to the CLI (snake_case, every default applied). */
  public readonly spec: VcdaTestFailoverSpecInput;
  /** The drill's resource. */
  public readonly resource: ManagedResource;

  constructor(scope: Construct, id: string, props: VcdaTestFailoverProps) {
    super(scope, id);
    validateProps('repliform/VcdaTestFailover', props, RULES, this);
    const { replication } = props;
    const source = replication.spec.source;
    const spec = {
      connection: replication.site.connection,
      replication_id: null,
      source_site: source.site,
      vm_id: source.vm_id,
      power_on: props.powerOn ?? true,
      recovery_point: props.recoveryPoint ?? VcdaRecoveryPoint.LATEST,
      instance_id: props.instanceId ?? null,
      network_mappings: (props.networkMappings ?? []).map((m) => ({ source_network: m.sourceNetwork, destination_network: m.destinationNetwork })),
      timeouts: timeoutsToSpec(props.timeouts, DEFAULT_TIMEOUTS),
    } satisfies VcdaTestFailoverSpecInput;
    this.spec = spec;
    const { connection: _connection, timeouts: _timeouts, ...identity } = spec;
    this.resource = new ManagedResource(this, 'drill', {
      kind: VCDA_TEST_FAILOVER_KIND,
      replaceOn: { kind: VCDA_TEST_FAILOVER_KIND, ...identity },
      spec,
      createAction: 'create',
      destroyAction: 'delete',
      backing: resolveBacking(this, props.backing),
      dependsOn: dependencyOn(this, replication.identityResource),
    });
  }
}

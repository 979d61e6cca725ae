import { Construct } from 'constructs';
import { Backing, resolveBacking } from '../backing';
import { dependencyOn, type ManagedResource } from '../managed-resource';
import { claimNaturalKey, ownerOf } from '../ownership';
import { timeoutsToSpec } from '../timeouts';
import { validateProps, type ValidationRule } from '../validation';
import { SdrsProtectionGroup } from './group';
import { SDRS_DEFAULT_TIMEOUTS, sdrsTimeoutRules, type SdrsTimeouts } from './rules';
import { identityOnlyResource } from './single-resource';
import { sdrsProtectionFields, type SdrsProtectionSpec } from './specs';

/** The lifecycle kind synthesized by {@link SdrsProtection}. */
export const SDRS_PROTECTION_KIND = 'sdrs.protection';

/** Props of {@link SdrsProtection}. */
export interface SdrsProtectionProps {
  /** The group whose protection is enabled. */
  readonly group: SdrsProtectionGroup;
  /**
   * How long the CLI waits on the start and stop jobs.
   * @default - 10 minutes each
   */
  readonly timeouts?: SdrsTimeouts;
  /**
   * The Terraform resource type carrying the lifecycle.
   * @default - the `repliform:backing` context, else Backing.PROVIDER
   */
  readonly backing?: Backing;
}

const RULES: ReadonlyArray<ValidationRule<SdrsProtectionProps>> = [
  {
    field: 'group',
    value: (p) => p.group,
    condition: (v) => v instanceof SdrsProtectionGroup,
    message: 'must be an SdrsProtectionGroup construct',
    got: (v) => (v === undefined ? 'nothing' : 'something else'),
  },
  ...sdrsTimeoutRules<SdrsProtectionProps>((p) => p.timeouts),
];

/**
 * Protection enabled on an {@link SdrsProtectionGroup} (`start-server-group`), as its own step: one lifecycle
 * resource of kind `sdrs.protection` (`<id>/protection`) created after the group and EVERY pair, instance and
 * attachment of the group — declared before or after it — so it never meets an empty group and needs no circular
 * dependency. Destroying it stops protection (`stop-server-group`), before any member is removed.
 *
 * @example
 * new SdrsProtection(stack, 'web-protection', { group });
 */
export class SdrsProtection extends Construct {
  /** The full spec given to the CLI. */
  public readonly spec: SdrsProtectionSpec;
  /** The start / stop resource, construct id `protection`. */
  public readonly resource: ManagedResource;

  constructor(scope: Construct, id: string, props: SdrsProtectionProps) {
    super(scope, id);
    validateProps('repliform/SdrsProtection', props, RULES, this);
    claimNaturalKey(this, {
      kind: SDRS_PROTECTION_KIND,
      subject: 'repliform/SdrsProtection',
      values: [props.group.node.path],
      key: () => [props.group.node.path],
      duplicate: (first) => `group '${props.group.node.path}' already has its protection enabled by '${first}'`,
    });
    this.spec = {
      connection: props.group.connection,
      group: props.group.ref,
      timeouts: timeoutsToSpec(props.timeouts, SDRS_DEFAULT_TIMEOUTS),
      adopt: false,
      owner: ownerOf(this),
    };
    this.resource = identityOnlyResource(this, 'protection', {
      kind: SDRS_PROTECTION_KIND,
      spec: this.spec,
      fields: sdrsProtectionFields,
      backing: resolveBacking(this, props.backing),
      dependsOn: dependencyOn(this, props.group.identityResource),
    });
    props.group.addFollower(this.resource);
  }
}

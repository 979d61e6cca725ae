import { Construct } from 'constructs';
import { Backing, resolveBacking } from '../backing';
import { IdentitySettingsPair } from '../identity-settings-pair';
import { dependencyOn, type ManagedResource } from '../managed-resource';
import { claimNaturalKey, ownerOf } from '../ownership';
import { timeoutsToSpec } from '../timeouts';
import { terraformSafeRules, validateProps, type ValidationRule } from '../validation';
import { SdrsProtection } from './protection';
import { isIdLike, nameRule, SDRS_DEFAULT_TIMEOUTS, sdrsTimeoutRules, type SdrsTimeouts } from './rules';
import { sdrsDrillFields, type SdrsDrillSpec } from './specs';

/** The lifecycle kind synthesized by {@link SdrsDrill}. */
export const SDRS_DRILL_KIND = 'sdrs.drill';

/** Props of {@link SdrsDrill}. */
export interface SdrsDrillProps {
  /** The protection of the group to drill: the drill starts after it (and so after every pair and instance) and is cleaned up before it stops. */
  readonly protection: SdrsProtection;
  /** The drill's name: 1–64 bytes of Chinese characters, letters, digits, `.`, `_` and `-`. Renamed in place. */
  readonly name: string;
  /**
   * An existing VPC for the drill servers (its CIDR as the group's VPC's, with a subnet; never the production VPC).
   * @default - SDRS creates a drill VPC (and keeps it after the drill is cleaned up)
   */
  readonly drillVpcId?: string;
  /**
   * How long the CLI waits on the drill's start and cleanup jobs.
   * @default - 10 minutes each
   */
  readonly timeouts?: SdrsTimeouts;
  /**
   * The Terraform resource type carrying the lifecycle.
   * @default - the `repliform:backing` context, else Backing.PROVIDER
   */
  readonly backing?: Backing;
}

const RULES: ReadonlyArray<ValidationRule<SdrsDrillProps>> = [
  {
    field: 'protection',
    value: (p) => p.protection,
    condition: (v) => v instanceof SdrsProtection,
    message: 'must be an SdrsProtection construct (a drill needs the group protected)',
    got: (v) => (v === undefined ? 'nothing' : 'something else'),
  },
  nameRule<SdrsDrillProps>('name', (p) => p.name),
  { field: 'drillVpcId', value: (p) => p.drillVpcId, condition: (v) => v === undefined || isIdLike(v), message: 'must be the id of an existing VPC (no spaces), or omitted' },
  ...sdrsTimeoutRules<SdrsDrillProps>((p) => p.timeouts),
  ...terraformSafeRules<SdrsDrillProps>([['drillVpcId', (p) => p.drillVpcId]]),
];

/**
 * A DR drill of a protected SDRS group that stands as long as this construct: apply starts it (one drill server per
 * protected instance, from its DR-site copy, in the drill VPC; production is never touched) and waits; destroy
 * cleans it up (the drill servers, their disks and NICs) and waits. One drill per group: a second construct for the
 * same protection is refused at synth time, and a drill of the group made elsewhere is refused at apply, by name.
 *
 * @example
 * new SdrsDrill(stack, 'web-drill', { protection, name: 'web-drill-2026q3' });
 */
export class SdrsDrill extends Construct {
  /** The full spec given to the CLI. */
  public readonly spec: SdrsDrillSpec;
  /** Start / clean up (construct id `drill`); replaced when the group or the drill VPC changes. */
  public readonly identityResource: ManagedResource;
  /** Renames the drill in place, when the backing has one (the provider backing renames through the identity resource). */
  public readonly settingsResource: ManagedResource | undefined;

  constructor(scope: Construct, id: string, props: SdrsDrillProps) {
    super(scope, id);
    validateProps('repliform/SdrsDrill', props, RULES, this);
    claimNaturalKey(this, {
      kind: SDRS_DRILL_KIND,
      subject: 'repliform/SdrsDrill',
      values: [props.protection.node.path],
      key: () => [props.protection.node.path],
      duplicate: (first) => `the group of '${props.protection.node.path}' already has a drill, '${first}': one drill per group at a time`,
    });
    this.spec = {
      connection: props.protection.spec.connection,
      group: props.protection.spec.group,
      drill_vpc_id: props.drillVpcId ?? null,
      name: props.name,
      timeouts: timeoutsToSpec(props.timeouts, SDRS_DEFAULT_TIMEOUTS),
      adopt: false,
      owner: ownerOf(this),
    };
    const pair = new IdentitySettingsPair(this, {
      kind: SDRS_DRILL_KIND,
      spec: this.spec,
      fields: sdrsDrillFields,
      backing: resolveBacking(this, props.backing),
      identityId: 'drill',
      dependsOn: dependencyOn(this, props.protection.resource),
      destroySpecOmits: ['adopt', 'owner'],
    });
    this.identityResource = pair.identityResource;
    this.settingsResource = pair.settingsResource;
  }
}

/**
 * The provider backing's Terraform elements: one resource of the native provider's type per managed object, and the
 * provider's `required_providers` entry and (empty) configuration block, once per stack.
 *
 * Hand-bound, not generated from the provider's schema: the schema is itself derived from each kind's spec schema,
 * and the constructs already build and type that spec (the same object the lifecycle backings write into
 * `terraform_data.input`). A generated binding would restate every attribute in camelCase only to be fed the same
 * spec back, and would need the provider executable at build time. This class writes the spec as the resource's
 * attributes, so both backings synthesize one and the same spec and cannot drift apart — but for `timeouts`, which
 * the provider takes the way every framework provider does (`create = "60m"`, the spec's `create_seconds` = 3600).
 */
import type { Construct } from 'constructs';
import { PROVIDER_SOURCE, PROVIDER_TYPE, PROVIDER_VERSION, resourceTypeOf } from '../resources/terraform-names';
import { anyToHclTerraform, anyToTerraform, type ITerraformDependable, TerraformProvider, TerraformResource, TerraformStack } from './cdktf';
import type { SpecObject } from './managed-resource';
import { timeoutsAsDurations } from '../resources/timeout-durations';

/**
 * Names Terraform reads as its own in a resource block (meta-arguments and the provisioners' `connection` block).
 * A spec field of such a name (every kind's `connection`) goes into the `_` escape block, which Terraform hands to
 * the provider as ordinary attributes; written at the top level, Terraform would take `connection` as the
 * provisioners' connection block and the provider would never see it.
 */
const TERRAFORM_RESERVED = new Set(['connection', 'count', 'depends_on', 'for_each', 'lifecycle', 'locals', 'provider', 'provisioner']);

/** Config of {@link ProviderResource}. */
export interface ProviderResourceConfig {
  /** The registry kind; the resource type is `resourceTypeOf(kind)`, e.g. `repliform_vr_replication`. */
  readonly kind: string;
  /** The kind's spec: its fields are the resource's attributes, with the same names and JSON. */
  readonly spec: SpecObject;
  readonly dependsOn?: ITerraformDependable[];
}

/**
 * One managed object as a resource of the native provider: its attributes are the spec. The provider updates
 * settings in place and replaces on identity (its schema says which); the stack gets the provider once.
 * @internal
 */
export class ProviderResource extends TerraformResource {
  private readonly spec: SpecObject;

  constructor(scope: Construct, id: string, config: ProviderResourceConfig) {
    super(scope, id, {
      terraformResourceType: resourceTypeOf(config.kind),
      terraformGeneratorMetadata: { providerName: PROVIDER_TYPE },
      dependsOn: config.dependsOn,
    });
    this.spec = config.spec;
    ensureRepliformProvider(scope);
  }

  /** The object's id as the provider reports it (a token, known after apply). */
  get id(): string {
    return this.getStringAttribute('id');
  }

  protected synthesizeAttributes(): Record<string, unknown> {
    return escapeReserved(this.spec, anyToTerraform);
  }

  protected synthesizeHclAttributes(): Record<string, unknown> {
    return escapeReserved(this.spec, anyToHclTerraform);
  }
}

/** The spec's fields as attributes, those with reserved names inside the `_` escape block. */
function escapeReserved(spec: SpecObject, map: (value: unknown) => unknown): Record<string, unknown> {
  const plain: Record<string, unknown> = {};
  const escaped: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(spec)) {
    (TERRAFORM_RESERVED.has(name) ? escaped : plain)[name] = map(name === 'timeouts' ? timeoutsAsDurations(value) : value);
  }
  return Object.keys(escaped).length === 0 ? plain : { ...plain, _: escaped };
}

/**
 * The `repliform` provider: `required_providers.repliform = { source, version }` and an empty configuration block
 * (each resource carries its own connection).
 * @internal
 */
export class RepliformProvider extends TerraformProvider {
  constructor(scope: Construct, id: string) {
    super(scope, id, {
      terraformResourceType: PROVIDER_TYPE,
      terraformGeneratorMetadata: { providerName: PROVIDER_TYPE, providerVersion: PROVIDER_VERSION },
      terraformProviderSource: PROVIDER_SOURCE,
    });
  }
}

const PROVIDER_ID = 'repliform-provider';

/** Adds the repliform provider to the stack unless the stack already has one (once, however many resources). */
function ensureRepliformProvider(scope: Construct): void {
  const stack = TerraformStack.of(scope);
  if (stack.node.tryFindChild(PROVIDER_ID) !== undefined) return;
  const existing = stack.node.children.some((c) => TerraformProvider.isTerraformProvider(c) && c.terraformResourceType === PROVIDER_TYPE);
  if (!existing) new RepliformProvider(stack, PROVIDER_ID);
}

import type { Construct } from 'constructs';
import {
  anyToHclTerraform,
  anyToTerraform,
  hashMapper,
  hashMapperHcl,
  type IResolvable,
  type ITerraformDependable,
  type LocalExecProvisioner,
  TerraformResource,
} from './cdktf';

/** Config of {@link TerraformData}. */
export interface TerraformDataConfig {
  /** Stored in state; changes update it in place. Omitted: nothing stored. */
  readonly input?: Record<string, unknown>;
  /** Stored in state; any change replaces the resource. */
  readonly triggersReplace: Record<string, unknown>;
  readonly dependsOn?: ITerraformDependable[];
  readonly provisioners?: LocalExecProvisioner[];
}

/**
 * Terraform's built-in `terraform_data` (Terraform ≥ 1.4, OpenTofu ≥ 1.6), bound by hand.
 *
 * cdktf ships `DataResource` for it, but that class runs `terraform version` in a child process once per
 * resource when the app synthesizes: 2,000 processes (about 100 s) for 1,000 replications, and a synth that
 * fails wherever Terraform is not installed. This binding synthesizes the same JSON without that check; the
 * version requirement is stated in the README and enforced by Terraform itself.
 * @internal
 */
export class TerraformData extends TerraformResource {
  private readonly input?: Record<string, unknown>;
  private readonly triggersReplace: Record<string, unknown>;

  constructor(scope: Construct, id: string, config: TerraformDataConfig) {
    super(scope, id, {
      terraformResourceType: 'terraform_data',
      terraformGeneratorMetadata: { providerName: 'terraform' },
      dependsOn: config.dependsOn,
      provisioners: config.provisioners,
    });
    this.input = config.input;
    this.triggersReplace = config.triggersReplace;
  }

  /** The resource's id (a token); it changes whenever the resource is replaced. */
  get id(): string {
    return this.getStringAttribute('id');
  }

  /** A reference to the stored `input` (for other resources' create-time provisioners). */
  get inputValue(): IResolvable {
    return this.interpolationForAttribute('input');
  }

  protected synthesizeAttributes(): Record<string, unknown> {
    return {
      input: hashMapper(anyToTerraform)(this.input),
      triggers_replace: hashMapper(anyToTerraform)(this.triggersReplace),
    };
  }

  protected synthesizeHclAttributes(): Record<string, unknown> {
    return {
      input: hashMapperHcl(anyToHclTerraform)(this.input),
      triggers_replace: hashMapperHcl(anyToHclTerraform)(this.triggersReplace),
    };
  }
}

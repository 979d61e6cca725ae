import { Construct } from 'constructs';
import { Backing, resolveCommand } from './backing';
import {
  Fn,
  type ITerraformDependable,
  type LocalExecProvisioner,
  NullProvider,
  NullResource,
  TerraformProvider,
  TerraformResource,
  TerraformSelf,
  TerraformStack,
} from './cdktf';
import { ProviderResource } from './provider-resource';
import { TerraformData } from './terraform-data';

/** What a provisioner asks the CLI to do: `repliform lifecycle <action> <kind>`. */
export type ProvisionerAction = 'create' | 'update' | 'delete';

/** A JSON object synthesized into the resource (snake_case keys, as the CLI reads them). */
export type SpecObject = { readonly [key: string]: unknown };

/** The environment variable that carries the spec JSON to the CLI. */
export const SPEC_ENV_VAR = 'REPLIFORM_SPEC';

/** Props of {@link ManagedResource}. `replaceOn`, `destroySpec`, `createAction`, `destroyAction` and `specFrom` shape the lifecycle backings only. */
export interface ManagedResourceProps {
  /** The handler kind, e.g. `vr.replication`; the last word of the command. */
  readonly kind: string;
  /** Values whose change must REPLACE the resource (destroy-time command, then create-time command). */
  readonly replaceOn: SpecObject;
  /** The full spec given to the create-time command (and, for terraform_data, to the destroy-time one). */
  readonly spec: SpecObject;
  /**
   * What the destroy-time command needs. Used by the null_resource backing only (as a trigger, so a
   * change replaces the resource); terraform_data reads its always-current `input` instead.
   * @default - the spec
   */
  readonly destroySpec?: SpecObject;
  /** The action run when the resource is created. */
  readonly createAction: ProvisionerAction;
  /**
   * The action run when the resource is destroyed (a `when = "destroy"` provisioner that reads only `self`).
   * @default - no destroy-time command: destroying the resource does nothing outside Terraform
   */
  readonly destroyAction?: 'delete';
  /** Which Terraform resource type carries the lifecycle. */
  readonly backing: Backing;
  /**
   * Resources that must be created before (and destroyed after) this one.
   * @default - none
   */
  readonly dependsOn?: ITerraformDependable[];
  /**
   * With the terraform_data backing, read the spec from this resource's `input` instead of storing a copy:
   * a replication's settings resource needs exactly its identity's spec. Halves what Terraform stores and
   * rewrites in its state per replication. Only for resources without a destroy-time command (those may
   * read nothing but `self`).
   * @default - the resource stores its own spec
   */
  readonly specFrom?: ManagedResource;
}

/**
 * The one Terraform resource behind a managed object, whichever backing carries it. With a lifecycle backing its
 * `local-exec` provisioners run `<command> lifecycle <action> <kind>` with the spec JSON in `REPLIFORM_SPEC`:
 *
 * - `terraform_data` (the default lifecycle backing): `triggers_replace = replaceOn`, `input = spec`; both provisioners pass
 *   `jsonencode(self.input)`. `input` updates in place, so the destroy-time command always sees the
 *   current spec.
 * - `null_resource`: `triggers = { replace_on, destroy_spec }` (JSON strings); the create-time command
 *   gets the spec literally, the destroy-time one `self.triggers.destroy_spec`. Because triggers are the
 *   only stored values, a change of the destroy spec (connection, delete options, timeouts) replaces
 *   the resource. A `null` provider block is added to the stack unless one exists.
 *
 * - the provider (`Backing.PROVIDER`): one resource of type `resourceTypeOf(kind)` whose attributes are the spec;
 *   no provisioner, no `replaceOn` (the provider's schema says which fields replace) and no command.
 *
 * Destroy-time provisioners reference only `self` (Terraform rejects anything else), and no secret is
 * ever synthesized: specs carry environment variable names only.
 */
export class ManagedResource extends Construct {
  /** The underlying Terraform resource (`terraform_data`, `null_resource` or the provider's type), construct id `Resource`. */
  public readonly resource: TerraformResource;
  /** The backing in use. */
  public readonly backing: Backing;
  /** The CLI command provisioners run (`repliform` unless the `repliform:command` context overrides it). */
  public readonly command: string;
  /** The handler kind. */
  public readonly kind: string;
  /** A token for the resource's `id` attribute (changes whenever the resource is replaced). */
  public readonly resourceId: string;

  constructor(scope: Construct, id: string, props: ManagedResourceProps) {
    super(scope, id);
    this.backing = props.backing;
    this.kind = props.kind;
    this.command = resolveCommand(this);

    const commandFor = (action: ProvisionerAction): string => `${this.command} lifecycle ${action} ${props.kind}`;

    if (props.backing === Backing.PROVIDER) {
      if (props.createAction !== 'create' || props.specFrom !== undefined) {
        throw new Error('the provider backing has one resource per object: create it with its own spec (no delete-on-create, no specFrom)');
      }
      const resource = new ProviderResource(this, 'Resource', { kind: props.kind, spec: props.spec, dependsOn: props.dependsOn });
      this.resource = resource;
      this.resourceId = resource.id;
    } else if (props.backing === Backing.NULL_RESOURCE) {
      ensureNullProvider(this);
      const destroySpec = props.destroySpec ?? props.spec;
      const provisioners: LocalExecProvisioner[] = [
        { type: 'local-exec', command: commandFor(props.createAction), environment: { [SPEC_ENV_VAR]: Fn.jsonencode(props.spec) } },
      ];
      if (props.destroyAction) {
        provisioners.push({
          type: 'local-exec',
          when: 'destroy',
          command: commandFor(props.destroyAction),
          environment: { [SPEC_ENV_VAR]: TerraformSelf.getString('triggers.destroy_spec') },
        });
      }
      const triggers: Record<string, string> = { replace_on: Fn.jsonencode(props.replaceOn) };
      if (props.destroyAction) triggers.destroy_spec = Fn.jsonencode(destroySpec);
      const resource = new NullResource(this, 'Resource', { triggers, dependsOn: props.dependsOn, provisioners });
      this.resource = resource;
      this.resourceId = resource.id;
    } else {
      const source = props.specFrom?.resource;
      if (source !== undefined && props.destroyAction) throw new Error('specFrom is only for resources without a destroy-time command');
      const selfSpec = Fn.jsonencode(TerraformSelf.getAny('input'));
      const createSpec = source instanceof TerraformData ? Fn.jsonencode(source.inputValue) : selfSpec;
      const provisioners: LocalExecProvisioner[] = [
        { type: 'local-exec', command: commandFor(props.createAction), environment: { [SPEC_ENV_VAR]: createSpec } },
      ];
      if (props.destroyAction) {
        provisioners.push({
          type: 'local-exec',
          when: 'destroy',
          command: commandFor(props.destroyAction),
          environment: { [SPEC_ENV_VAR]: selfSpec },
        });
      }
      const resource = new TerraformData(this, 'Resource', {
        triggersReplace: { ...props.replaceOn },
        input: source instanceof TerraformData ? undefined : { ...props.spec },
        dependsOn: props.dependsOn,
        provisioners,
      });
      this.resource = resource;
      this.resourceId = resource.id;
    }
  }
}

const NULL_PROVIDER_ID = 'repliform-null-provider';

/** Adds a default `null` provider block to the stack unless the stack already configures one. */
function ensureNullProvider(scope: Construct): void {
  const stack = TerraformStack.of(scope);
  const existing = stack.node
    .findAll()
    .some((c) => TerraformProvider.isTerraformProvider(c) && c.terraformResourceType === 'null');
  if (!existing) {
    new NullProvider(stack, NULL_PROVIDER_ID);
  }
}

/**
 * What `scope`'s resources list in `depends_on` to come after `target`: the target's resource in the same
 * stack; across stacks, nothing (Terraform addresses do not cross stacks) and a stack dependency instead.
 * @internal
 */
export function dependencyOn(scope: Construct, target: ManagedResource): ITerraformDependable[] {
  const stack = TerraformStack.of(scope);
  const targetStack = TerraformStack.of(target);
  if (stack === targetStack) return [target.resource];
  stack.addDependency(targetStack);
  return [];
}

import type { IConstruct } from 'constructs';
import { Annotations } from './cdktf';
import { ValidationError } from './errors';
import { describeValue } from './validation';

/**
 * Which Terraform resource type carries a managed object's lifecycle.
 *
 * The two lifecycle backings (`terraform_data`, `null_resource`) call the CLI (`repliform lifecycle <action>
 * <kind>`) from `local-exec` provisioners; the provider backing is served by `terraform-provider-repliform`.
 */
export enum Backing {
  /**
   * The `terraform_data` resource built into Terraform ≥ 1.4 and OpenTofu ≥ 1.6: no provider to
   * download, so it works in air-gapped DR sites. The spec lives in `input`, which updates in place,
   * so the destroy-time command always sees the current spec.
   */
  TERRAFORM_DATA = 'terraform_data',
  /**
   * `null_resource` from the `hashicorp/null` provider, for teams that standardise on it. Its only
   * stored values are `triggers` (replace on change), so the destroy-time spec is a trigger: with this
   * backing a change of the connection, the delete options or the timeouts REPLACES the resource
   * (for a replication's identity resource: unconfigure and configure again).
   */
  NULL_RESOURCE = 'null_resource',
  /**
   * The native provider (`repliform/repliform`, `terraform-provider-repliform`): ONE resource of type
   * `repliform_<vendor>_<kind>` per object (e.g. `repliform_vr_replication`), whose attributes are the same
   * spec the lifecycle backings write into `input`. Terraform reads the live object on every plan (drift shows
   * as a diff), settings change in place and identity changes replace, `import {}` adopts an existing object,
   * and deleting a construct deletes its object (no `retired` step: `retired` is refused with this backing).
   * The stack gets `required_providers.repliform` and an empty `provider "repliform" {}` block; `terraform
   * init` must find the provider (see the README for the offline mirror). Not run by the CLI: the
   * `repliform:command` context does not apply.
   */
  PROVIDER = 'provider',
}

/** Context key selecting the backing app-wide (`terraform_data`, `null_resource` or `provider`). */
export const BACKING_CONTEXT_KEY = 'repliform:backing';
/** Context key overriding the CLI command run by provisioners, e.g. `npx --no-install repliform`. */
export const COMMAND_CONTEXT_KEY = 'repliform:command';
/** The command provisioners run unless the `repliform:command` context says otherwise. */
export const DEFAULT_COMMAND = 'repliform';
/**
 * The backing used unless a `backing` prop or the `repliform:backing` context says otherwise: the native
 * provider, which passes the same end-to-end and fault suites as the lifecycle backings and lets Terraform see
 * live state. Teams that cannot install a provider set the context to `terraform_data`.
 */
export const DEFAULT_BACKING = Backing.PROVIDER;

const BACKINGS: readonly string[] = Object.values(Backing);

/**
 * The backing for one construct: its own prop, else the `repliform:backing` context, else the default.
 * @internal
 */
export function resolveBacking(scope: IConstruct, prop: Backing | undefined): Backing {
  if (prop !== undefined) {
    if (!BACKINGS.includes(prop)) {
      throw new ValidationError('repliform', [`backing must be one of ${BACKINGS.join(', ')}, got ${describeValue(prop)}`], scope);
    }
    return prop;
  }
  const fromContext: unknown = scope.node.tryGetContext(BACKING_CONTEXT_KEY);
  if (fromContext === undefined) return DEFAULT_BACKING;
  if (typeof fromContext !== 'string' || !BACKINGS.includes(fromContext)) {
    throw new ValidationError(
      'repliform',
      [`context '${BACKING_CONTEXT_KEY}' must be one of ${BACKINGS.join(', ')}, got ${describeValue(fromContext)}`],
      scope,
    );
  }
  return fromContext as Backing;
}

/**
 * The CLI command for provisioners: the `repliform:command` context, else `repliform` (found on PATH
 * when Terraform runs, so `cdk.tf.json` stays portable). An absolute path gets a warning annotation.
 * @internal
 */
export function resolveCommand(scope: IConstruct): string {
  const fromContext: unknown = scope.node.tryGetContext(COMMAND_CONTEXT_KEY);
  if (fromContext === undefined) return DEFAULT_COMMAND;
  if (typeof fromContext !== 'string' || fromContext.trim().length === 0) {
    throw new ValidationError(
      'repliform',
      [`context '${COMMAND_CONTEXT_KEY}' must be a non-empty command such as 'npx --no-install repliform', got ${describeValue(fromContext)}`],
      scope,
    );
  }
  const command = fromContext.trim();
  if (/^(\/|[A-Za-z]:[\\/]|\\\\)/.test(command)) {
    Annotations.of(scope).addWarning(
      `[repliform:commandNotPortable] context '${COMMAND_CONTEXT_KEY}' is an absolute path (${command}); ` +
        'cdk.tf.json will only work on machines with the same layout. Prefer a command found on PATH.',
    );
  }
  return command;
}

import type { IConstruct } from 'constructs';
import { Annotations } from './cdktf';
import { ValidationError } from './errors';
import { describeValue } from './validation';

/**
 * Which Terraform resource type carries a managed object's lifecycle.
 *
 * Both call the same CLI (`repliform lifecycle <action> <kind>`) from `local-exec` provisioners.
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
}

/** Context key selecting the backing app-wide (`terraform_data` or `null_resource`). */
export const BACKING_CONTEXT_KEY = 'repliform:backing';
/** Context key overriding the CLI command run by provisioners, e.g. `npx --no-install repliform`. */
export const COMMAND_CONTEXT_KEY = 'repliform:command';
/** The command provisioners run unless the `repliform:command` context says otherwise. */
export const DEFAULT_COMMAND = 'repliform';
/** The backing used unless a `backing` prop or the `repliform:backing` context says otherwise. */
export const DEFAULT_BACKING = Backing.TERRAFORM_DATA;

const BACKINGS: readonly string[] = Object.values(Backing);

/**
 * The backing for one construct: its own prop, else the `repliform:backing` context, else terraform_data.
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

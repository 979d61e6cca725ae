/**
 * How repliform is named to Terraform: the provider's source address and version, and one resource type per kind
 * of the handler registry (`vr.replication` → `repliform_vr_replication`). Read by the constructs, the provider,
 * review and the CLI, so it stands on the floor they all stand on.
 */
import { packageVersion } from '../package-info';

export const PROVIDER_TYPE = 'repliform';
export const PROVIDER_NAMESPACE = 'repliform';
/**
 * A host that can never resolve (RFC 6761 reserves `.invalid`): without the provider in a local mirror,
 * `terraform init` fails instead of fetching someone else's `repliform/repliform` from a public registry.
 */
export const PROVIDER_HOST = 'repliform.invalid';
/** What `required_providers` names, the full source address: `source = "repliform.invalid/repliform/repliform"`. */
export const PROVIDER_SOURCE = `${PROVIDER_HOST}/${PROVIDER_NAMESPACE}/${PROVIDER_TYPE}`;
export const PROVIDER_VERSION: string = packageVersion();

/** The Terraform resource type that serves a registry kind. */
export function resourceTypeOf(kind: string): string {
  return `${PROVIDER_TYPE}_${kind.replace(/[.-]/g, '_')}`;
}

/** The vendor of a kind (`vr.replication` → `vr`): the provider configuration block its connection defaults to. */
export function vendorOf(kind: string): string {
  return kind.slice(0, kind.indexOf('.'));
}

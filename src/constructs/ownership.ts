import type { IConstruct } from 'constructs';
import type { PairingRef } from '../resources/vr/connection';
import { TerraformStack } from './cdktf';
import { ValidationError } from './errors';
import { isUnresolved } from './validation';

/**
 * Who declares a replication: `<stack name>/<construct path within the stack>`, e.g. `dr-site-b/web-01`.
 * Synthesized into the spec so that the handler can tell its own replications from others'.
 * @internal
 */
export function ownerOf(scope: IConstruct): string {
  const stack = TerraformStack.of(scope);
  const stackPath = stack.node.path;
  const within = stackPath === '' ? scope.node.path : scope.node.path.slice(stackPath.length + 1);
  return `${stack.node.id}/${within}`;
}

/** One claim on a VM: the key that identifies it on its pairing, and who made it. */
export interface ReplicationClaim {
  /** The local appliance's URL. */
  readonly endpoint: string;
  readonly pairing: PairingRef;
  readonly vm: { readonly id: string | null; readonly name: string | null };
}

/** Claims per app (the construct tree's root), so that two apps in one process never see each other's. */
const claimsByApp = new WeakMap<IConstruct, Map<string, string>>();

function claimKey(claim: ReplicationClaim): string | undefined {
  const parts = [claim.endpoint, claim.pairing.id, claim.pairing.remote_site, claim.vm.id, claim.vm.name];
  if (parts.some((part) => isUnresolved(part))) return undefined;
  const pairing = claim.pairing.id !== null ? `id:${claim.pairing.id}` : `site:${(claim.pairing.remote_site ?? '').toLowerCase()}`;
  const vm = claim.vm.id !== null ? `id:${claim.vm.id}` : `name:${claim.vm.name ?? ''}`;
  return JSON.stringify([claim.endpoint.replace(/\/+$/, '').toLowerCase(), pairing, vm]);
}

/**
 * Records that `scope` replicates the claimed VM over its pairing; throws when another construct of the same
 * app already does (two blocks managing one replication would undo each other's changes). Claims whose
 * names are Terraform tokens cannot be compared at synth and are skipped.
 * @internal
 */
export function claimReplication(scope: IConstruct, claim: ReplicationClaim): void {
  const key = claimKey(claim);
  if (key === undefined) return;
  const app = scope.node.root;
  const claims = claimsByApp.get(app) ?? new Map<string, string>();
  claimsByApp.set(app, claims);
  const first = claims.get(key);
  if (first !== undefined) {
    const vm = claim.vm.id !== null ? `vmId '${claim.vm.id}'` : `vmName '${claim.vm.name ?? ''}'`;
    const pairing = claim.pairing.id !== null ? `pairing '${claim.pairing.id}'` : `remote site '${claim.pairing.remote_site ?? ''}'`;
    throw new ValidationError(
      'repliform/VrReplication',
      [`${vm} is already replicated over ${pairing} of ${claim.endpoint} by '${first}'; one VM may have only one VrReplication per pairing (remove one of the two)`],
      scope,
    );
  }
  claims.set(key, scope.node.path);
}

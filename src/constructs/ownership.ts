import type { IConstruct } from 'constructs';
import { TerraformStack } from './cdktf';
import { ValidationError } from './errors';
import { isUnresolved } from './validation';

/**
 * Who declares a managed object: `<stack name>/<construct path within the stack>`, e.g. `dr-site-b/web-01`.
 * Synthesized into the spec so that the handler can tell its own objects from others'.
 * @internal
 */
export function ownerOf(scope: IConstruct): string {
  const stack = TerraformStack.of(scope);
  const stackPath = stack.node.path;
  const within = stackPath === '' ? scope.node.path : scope.node.path.slice(stackPath.length + 1);
  return `${stack.node.id}/${within}`;
}

/** One construct's claim on an object by its natural key (VR: endpoint + pairing + VM). */
export interface NaturalKeyClaim {
  /** The handler kind: keys of different kinds never collide. */
  readonly kind: string;
  /** What the error names, e.g. `repliform/VrReplication`. */
  readonly subject: string;
  /**
   * The values the key is made of, as the user gave them. When one is a Terraform token, the key is only
   * known at apply time: the claim is skipped.
   */
  readonly values: readonly unknown[];
  /** The key, normalized the way the API compares it (called only when every value is resolved). */
  readonly key: () => readonly string[];
  /** The error when another construct already claimed the key, given that construct's path. */
  readonly duplicate: (firstPath: string) => string;
}

/** Claims per app (the construct tree's root), so that two apps in one process never see each other's. */
const claimsByApp = new WeakMap<IConstruct, Map<string, string>>();

/**
 * Records that `scope` manages the object with this natural key; throws when another construct of the same
 * app already does (two blocks managing one object would undo each other's changes).
 * @internal
 */
export function claimNaturalKey(scope: IConstruct, claim: NaturalKeyClaim): void {
  if (claim.values.some((value) => isUnresolved(value))) return;
  const key = JSON.stringify([claim.kind, ...claim.key()]);
  const app = scope.node.root;
  const claims = claimsByApp.get(app) ?? new Map<string, string>();
  claimsByApp.set(app, claims);
  const first = claims.get(key);
  if (first !== undefined) throw new ValidationError(claim.subject, [claim.duplicate(first)], scope);
  claims.set(key, scope.node.path);
}

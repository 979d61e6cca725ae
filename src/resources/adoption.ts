/**
 * The words of adoption, the same for every vendor (DESIGN.md "Adoption is never silent"): an existing object
 * that the code did not create is refused unless the user says adopt, and an object whose identity differs from
 * the code is refused with every difference and the two ways out.
 *
 * Calls no endpoint.
 */
import { InputError } from './errors';

/** What is being claimed, for messages. */
export interface ClaimedObject {
  /** What the code protects, e.g. the VM's name or id. */
  readonly subject: string;
  /** The existing object, e.g. `replication C4-1, GREEN`. */
  readonly object: string;
  /** Who the code says owns it (`<stack>/<path>`). */
  readonly claimant: string;
  /** Who the object says (or this machine's records say) owns it, if anyone. */
  readonly recordedOwner?: string;
  /** Where `recordedOwner` was read, e.g. "its description". */
  readonly recordedWhere?: string;
}

/** An existing object someone else made, met without `adopt: true`. */
export function notOursError(claim: ClaimedObject): InputError {
  const by = claim.recordedOwner !== undefined ? ` (created by ${claim.recordedOwner}, according to ${claim.recordedWhere ?? 'the records'})` : '';
  return new InputError(
    'adopt',
    `${claim.subject} is already replicated (${claim.object}) by something other than ${claim.claimant}${by}. ` +
      'Taking it over is never silent: set adopt: true on this replication to manage it from this code (its identity must match), ' +
      'or remove it from the other stack, or name another VM',
  );
}

/** An existing object whose identity differs from the code: what differs, and the two ways out. */
export function identityMismatchError(field: string, subject: string, object: string, differences: readonly string[], removal: string): InputError {
  return new InputError(
    field,
    `${subject} is already replicated (${object}), and not the way the code says: ${differences.join('; ')}. ` +
      `Adopting it would hide that. Change the code to match it, or replace it on purpose: ${removal} and apply again, which starts a full sync`,
  );
}

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

/** Whom an adoption takes an object from, when the object or this machine's records say. */
export interface PreviousOwner {
  /** The stack and path (`<stack>/<path>`), or how the object marks it. */
  readonly owner: string;
  /** Where it was read, e.g. "its description". */
  readonly where: string;
  /** Only this machine's records can tell that stack it lost the object (SDRS cannot rewrite its marker). */
  readonly knownOnlyHere?: boolean;
}

/** What an adoption announces (a warning): what is taken, from whom when known, what follows for both owners. */
export interface Adoption {
  /** What the code protects, e.g. the VM's name. */
  readonly subject: string;
  /** The object taken over, e.g. `replication C4-1`. */
  readonly object: string;
  /** What happens from now on, for this code. */
  readonly consequences: string;
  readonly previous?: PreviousOwner;
}

/** The ADOPTING line: names the stack the object is taken from, and says that stack has lost it. */
export function adoptionNotice(adoption: Adoption): string {
  const { previous } = adoption;
  const from = previous ? `, from ${previous.owner} (${previous.where})` : '';
  const here = previous?.knownOnlyHere ? ", when it runs on this machine (elsewhere it cannot know: remove it from that stack's code)" : '';
  const lost = previous ? `. ${previous.owner} no longer manages it: its next plan drops it from its state, and its apply or destroy leaves it as it is${here}` : '';
  return `${adoption.subject}: ADOPTING ${adoption.object}, which this code did not create (adopt: true)${from}; ${adoption.consequences}${lost}`;
}

/** An existing object whose identity differs from the code: what differs, and the two ways out. */
export function identityMismatchError(field: string, subject: string, object: string, differences: readonly string[], removal: string): InputError {
  return new InputError(
    field,
    `${subject} is already replicated (${object}), and not the way the code says: ${differences.join('; ')}. ` +
      `Adopting it would hide that. Change the code to match it, or replace it on purpose: ${removal} and apply again, which starts a full sync`,
  );
}

/**
 * Taking up an existing object found by its natural key (DESIGN.md "Adoption is never silent"), the same steps for
 * every kind: not ours and not adopted → refused; its identity differs → refused with every difference; ours → taken
 * up; adopted → announced, and recorded where the kind keeps adoptions on this machine. Whether it is ours is the
 * kind's ownership strategy (this machine's records, a description marker), given here as its answer.
 *
 * Calls no endpoint.
 */
import { adoptionNotice, notOursError, type PreviousOwner } from '../adoption';
import type { Context } from '../contract';

/** Who owns an existing object, by the kind's ownership strategy. */
export interface Ownership {
  /** This code made it (or adopted it before). */
  readonly ours: boolean;
  /** The owner the object or this machine's records name, for the refusal. */
  readonly recorded?: { readonly owner: string; readonly where: string };
  /** The owner the ADOPTING line names. @default recorded */
  readonly previous?: PreviousOwner;
}

/** An existing object the code meets, and the kind's words for taking it. */
export interface Claim {
  /** What the code protects, e.g. the VM's name. */
  readonly subject: string;
  /** The object as the refusal names it, e.g. `replication C4-1, GREEN`. */
  readonly object: string;
  /** Who the code says owns it (`<stack>/<path>`). */
  readonly claimant: string;
  readonly adopt: boolean;
  readonly ownership: Ownership;
}

/** How an object that passed its checks is taken: the lines logged, and how an adoption is recorded. */
export interface TakeUp {
  /** Ours: the info line after the subject, e.g. `already replicated (replication C4-1) by this code`. */
  readonly oursNote: string;
  /** Adopted: the object the ADOPTING line names, e.g. `replication C4-1`. */
  readonly taken: string;
  /** Adopted: what follows for this code. */
  readonly consequences: string;
  /** Adopted: records the new owner where the kind keeps adoptions (none when the object itself carries it). */
  record?(): void;
}

/** Step 1: someone else's object is taken only with `adopt: true`. */
export function refuseUnlessOursOrAdopted(claim: Claim): void {
  if (claim.ownership.ours || claim.adopt) return;
  const { recorded } = claim.ownership;
  throw notOursError({ subject: claim.subject, object: claim.object, claimant: claim.claimant, recordedOwner: recorded?.owner, recordedWhere: recorded?.where });
}

/** Step 2: an object whose identity differs from the code is refused with every difference. */
export function refuseIdentityMismatch(differences: readonly string[], mismatch: (differences: readonly string[]) => Error): void {
  if (differences.length > 0) throw mismatch(differences);
}

/** Step 3: ours is taken up quietly; an adoption is announced (from whom, when known) and recorded. */
export function announceTakeUp(claim: Claim, takeUp: TakeUp, ctx: Context): void {
  if (claim.ownership.ours) {
    ctx.log.info(`${claim.subject}: ${takeUp.oursNote}; taking it up`);
    return;
  }
  const { recorded } = claim.ownership;
  const previous = claim.ownership.previous ?? (recorded !== undefined ? { owner: recorded.owner, where: recorded.where } : undefined);
  ctx.log.warn(adoptionNotice({ subject: claim.subject, object: takeUp.taken, consequences: takeUp.consequences, previous }));
  takeUp.record?.();
}

/** The three steps at once, for a kind with nothing to do between them. */
export function claimExisting(claim: Claim, identity: { readonly differences: readonly string[]; mismatch(differences: readonly string[]): Error }, takeUp: TakeUp, ctx: Context): void {
  refuseUnlessOursOrAdopted(claim);
  refuseIdentityMismatch(identity.differences, (differences) => identity.mismatch(differences));
  announceTakeUp(claim, takeUp, ctx);
}

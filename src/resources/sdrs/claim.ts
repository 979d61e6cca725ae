/**
 * Taking up an existing SDRS object found by its natural key (DESIGN.md adoption rules): ours when its description
 * carries this owner's marker (also a rerun after a crash: the create request wrote it); someone else's otherwise,
 * taken over only with `adopt: true` and its identity matching, announced. SDRS cannot change a description, so an
 * adopted object keeps its old one: `adopt: true` stays in the code for as long as the code manages it.
 *
 * Calls no endpoint.
 */
import { identityMismatchError, notOursError } from '../adoption';
import type { Context } from '../contract';
import { markedBy, markerIn, ownerName } from './marker';

export interface Claim {
  readonly subject: string;
  /** e.g. `protection group g-1 (available)`. */
  readonly object: string;
  readonly description: string | null | undefined;
  readonly owner: string | null;
  readonly adopt: boolean;
  /** Identity fields where the live object differs from the code, as "field: live X, code Y". */
  readonly differences: readonly string[];
  /** How to replace it on purpose, for the mismatch message. */
  readonly removal: string;
}

/** Throws when the object may not be taken; logs what is taken and how. */
export function claimExisting(claim: Claim, ctx: Context): void {
  const ours = markedBy(claim.description, claim.owner);
  if (!ours && !claim.adopt) {
    const recorded = markerIn(claim.description);
    throw notOursError({
      subject: claim.subject,
      object: claim.object,
      claimant: ownerName(claim.owner),
      recordedOwner: recorded !== undefined ? `the owner marked ${recorded}` : undefined,
      recordedWhere: 'its description',
    });
  }
  if (claim.differences.length > 0) throw identityMismatchError('adopt', claim.subject, claim.object, claim.differences, claim.removal);
  if (ours) ctx.log.info(`${claim.subject}: already there (${claim.object}), made by this code; taking it up`);
  else {
    ctx.log.warn(
      `${claim.subject}: ADOPTING ${claim.object}, which this code did not create (adopt: true); its identity matches the code, ` +
        'and from now on its destroy applies to it (SDRS cannot rewrite its description: keep adopt: true)',
    );
  }
}

/** Whether a destroy may touch an object: marked by this owner, or adopted. */
export function mayRemove(description: string | null | undefined, owner: string | null, adopt: boolean): boolean {
  return adopt || markedBy(description, owner);
}

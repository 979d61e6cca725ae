/**
 * Taking up an existing SDRS object found by its natural key (DESIGN.md adoption rules): ours when its description
 * carries this owner's marker (also a rerun after a crash: the create request wrote it); someone else's otherwise,
 * taken over only with `adopt: true` and its identity matching, announced. SDRS cannot change a description, so an
 * adopted object keeps its old one: `adopt: true` stays in the code for as long as the code manages it, and this
 * machine's ownership records note the new owner, so that the old one's read and destroy know it lost the object.
 *
 * Calls no endpoint.
 */
import { identityMismatchError, type PreviousOwner } from '../adoption';
import type { Context } from '../contract';
import { claimExisting as claimWith, type Ownership } from '../core/claim';
import { markedBy, markerIn, ownerMarker, ownerName } from './marker';

export interface Claim {
  readonly subject: string;
  /** The live object's id (what this machine's records are kept under). */
  readonly id: string;
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

/** Throws when the object may not be taken; logs what is taken and how (the core's claim steps). */
export function claimExisting(claim: Claim, ctx: Context): void {
  const marker = markerIn(claim.description);
  const ownership: Ownership = {
    ours: markedBy(claim.description, claim.owner),
    recorded: marker !== undefined ? { owner: `the owner marked ${marker}`, where: 'its description' } : undefined,
    previous: previousOwner(claim, ctx),
  };
  claimWith(
    { subject: claim.subject, object: claim.object, claimant: ownerName(claim.owner), adopt: claim.adopt, ownership },
    { differences: claim.differences, mismatch: (differences) => identityMismatchError('adopt', claim.subject, claim.object, differences, claim.removal) },
    {
      oursNote: `already there (${claim.object}), made by this code`,
      taken: claim.object,
      consequences: 'its identity matches the code, and from now on its destroy applies to it (SDRS cannot rewrite its description: keep adopt: true)',
      record: () => ctx.ownership?.record(recordKey(claim.id), ownerName(claim.owner)),
    },
    ctx,
  );
}

function previousOwner(claim: Claim, ctx: Context): PreviousOwner | undefined {
  const recorded = ctx.ownership?.ownerOf(recordKey(claim.id));
  if (recorded !== undefined) return { owner: recorded, where: "this machine's records", knownOnlyHere: true };
  const marker = markerIn(claim.description);
  return marker === undefined ? undefined : { owner: `the stack marked ${marker}`, where: 'its description', knownOnlyHere: true };
}

/** The key of this machine's record of who adopted an SDRS object (its id: SDRS never reuses one). */
function recordKey(id: string): string {
  return JSON.stringify(['sdrs', id]);
}

/** A read's state with the owner this machine recorded when a stack adopted the object (none otherwise). */
export function withRecordedOwner<State extends { readonly id: string }>(state: State | undefined, ctx: Context): (State & { readonly owner?: string }) | undefined {
  const owner = state === undefined ? undefined : ctx.ownership?.ownerOf(recordKey(state.id));
  return state === undefined || owner === undefined ? state : { ...state, owner };
}

/** Why a destroy must leave an object as it is (another stack adopted it; not this code's and not adopted), if it must. */
export function removalRefusal(live: { readonly id: string; readonly description?: string | null }, owner: string | null, adopt: boolean, ctx: Context): string | undefined {
  const recorded = ctx.ownership?.ownerOf(recordKey(live.id));
  if (recorded !== undefined && recorded !== ownerName(owner)) return `${recorded} took it over (this machine's records)`;
  if (adopt || markedBy(live.description, owner)) return undefined;
  return `it does not carry this code's marker (${ownerMarker(owner)}) and adopt is false`;
}

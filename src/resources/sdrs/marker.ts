/**
 * Ownership of an SDRS object, recorded where SDRS keeps it for us: descriptions are at most 64 bytes without
 * `<` `>`, so the marker is short, `rf:<first 12 hex of sha256(owner)>`, appended to the user's text or the whole
 * description. The create request writes it (a pair's description cannot be changed later), so a rerun after a
 * crash, on any machine, knows its own objects.
 *
 * Calls no endpoint.
 */
import { createHash } from 'node:crypto';

const MARKER = /(?:^|\s)rf:([0-9a-f]{12})$/;

/** Who declares the object; specs written by hand (no owner) share one name. */
export function ownerName(owner: string | null | undefined): string {
  return owner ?? '(unnamed)';
}

/** The marker of an owner: `rf:` and 12 hex digits. */
export function ownerMarker(owner: string | null | undefined): string {
  return `rf:${createHash('sha256').update(ownerName(owner)).digest('hex').slice(0, 12)}`;
}

/** The hash a live description's marker carries, if it has one. */
export function markerIn(description: string | null | undefined): string | undefined {
  if (description == null) return undefined;
  const hash = MARKER.exec(description)?.[1];
  return hash === undefined ? undefined : `rf:${hash}`;
}

/** Whether a live description carries the marker of this owner. */
export function markedBy(description: string | null | undefined, owner: string | null | undefined): boolean {
  return markerIn(description) === ownerMarker(owner);
}

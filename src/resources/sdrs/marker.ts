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

/** The description a create sends: the user's text, a space and the marker (or the marker alone); ≤ 64 bytes. */
export function describedAs(text: string | null | undefined, owner: string | null | undefined): string {
  return text == null || text === '' ? ownerMarker(owner) : `${text} ${ownerMarker(owner)}`;
}

/** The user's text of a live description (what precedes the marker); null when there is none. */
export function userTextIn(description: string | null | undefined): string | null {
  if (description == null) return null;
  const text = description.replace(MARKER, '').trim();
  return text === '' ? null : text;
}

/**
 * SDRS cannot change a description after create: a spec whose description differs from the live one's user text
 * is reported, never silently ignored, and the object is kept (not replaced).
 */
export function descriptionDrift(wanted: string | null, live: string | null | undefined): string | undefined {
  const liveText = userTextIn(live);
  if (liveText === wanted) return undefined;
  return `description is create-time only (SDRS cannot change it after create): the live one stays ${JSON.stringify(liveText)}, the code asks for ${JSON.stringify(wanted)}; to apply it, replace the object on purpose`;
}

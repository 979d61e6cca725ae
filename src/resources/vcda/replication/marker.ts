/**
 * Ownership of a VCDA replication, recorded where VCDA keeps it for us: a marker at the end of the
 * replication's description, `… [repliform owner=<stack>/<path>]`. The create request itself writes it, so a
 * rerun after a crash (on any machine) knows its own replication without a local record.
 *
 * Calls no endpoint.
 */
const MARKER = /\s*\[repliform owner=([^\]]*)\]\s*$/;

/** Who declares the replication; specs written by hand (no owner) share one name. */
export function ownerName(owner: string | null): string {
  return owner ?? '(unnamed)';
}

/** The description sent to VCDA: the user's text, then the marker. */
export function describedWithOwner(description: string | null, owner: string | null): string {
  const marker = `[repliform owner=${ownerName(owner)}]`;
  return description === null || description.trim() === '' ? marker : `${description} ${marker}`;
}

/** The owner a live description names, if it carries a marker. */
export function ownerInDescription(description: string | null | undefined): string | undefined {
  return description == null ? undefined : MARKER.exec(description)?.[1];
}

/** The user's part of a live description (without the marker); null when there is none. */
export function userDescription(description: string | null | undefined): string | null {
  if (description == null) return null;
  const text = description.replace(MARKER, '');
  return text === '' ? null : text;
}

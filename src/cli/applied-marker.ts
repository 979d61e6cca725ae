/**
 * "Just applied" markers. A replication synthesizes an identity resource (create = configure with the
 * settings) and a settings resource (create = reconfigure in place) whose spec is the very same JSON. On a
 * first deploy Terraform runs both, one after the other; the second would only find the settings already
 * right. When a create succeeded for exactly this kind and spec a moment ago on this machine, `update` of
 * the same spec is a no-op: it costs a process start, no API request and no module loading.
 *
 * A marker is a file named by the hash of kind + spec text in the private cache directory; it holds nothing
 * but its time. Any change of the spec (an RPO, say) gives another hash, so real updates always run. A
 * marker is used once: the update it spares consumes it, so changing an RPO and changing it back later is
 * applied both times.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** A deploy's create and the update right after it are minutes apart at most. */
const MARKER_TTL_MS = 10 * 60 * 1000;

function markerFile(dir: string, kind: string, specText: string): string {
  const hash = createHash('sha256').update(`${kind}\n${specText}`).digest('hex').slice(0, 32);
  return join(dir, `applied-${hash}`);
}

export function recordApplied(dir: string, kind: string, specText: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  writeFileSync(markerFile(dir, kind, specText), '', { mode: 0o600 });
}

/** True (once) when a create applied exactly this spec within the last minutes; the marker is removed. */
export function consumeJustApplied(dir: string, kind: string, specText: string, now: number = Date.now()): boolean {
  const file = markerFile(dir, kind, specText);
  try {
    const fresh = now - statSync(file).mtimeMs < MARKER_TTL_MS;
    unlinkSync(file);
    return fresh;
  } catch {
    return false;
  }
}

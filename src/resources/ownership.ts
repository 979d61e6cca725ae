/**
 * Ownership records: what a create writes *before* its create request, so that a rerun after a crash can
 * tell its own half-made object from one that someone else made. They live in the private cache directory
 * that concurrent CLI processes share (REPLIFORM_CACHE_DIR): a 0700 directory of 0600 files, one per object,
 * named by a hash of the object's natural key and written atomically (temporary file, then rename).
 *
 * A record is local to the machine that ran the create. An interrupted apply resumed on another machine (a
 * fresh CI runner) finds none, and must then take its replication over with `adopt: true`.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OwnershipRecords } from './contract';

interface RecordFile {
  readonly key: string;
  readonly owner: string;
  readonly recorded_at: string;
}

function isRecordFile(value: unknown): value is RecordFile {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return typeof candidate.key === 'string' && typeof candidate.owner === 'string';
}

/** The owner of a spec that names none (hand-written HCL or JSON): every such spec shares it. */
export const UNNAMED_OWNER = '(unnamed)';

/** The name an owner field stands for in the records and the description markers. */
export function ownerLabel(owner: unknown): string {
  return typeof owner === 'string' ? owner : UNNAMED_OWNER;
}

/** The records of this machine, kept in the private cache directory (REPLIFORM_CACHE_DIR); none when sharing is off. */
export function cacheOwnershipRecords(cacheDir: string | undefined): OwnershipRecords | undefined {
  return cacheDir === undefined ? undefined : fileOwnershipRecords(join(cacheDir, 'ownership'));
}

export function fileOwnershipRecords(dir: string, now: () => Date = () => new Date()): OwnershipRecords {
  const fileOf = (key: string) => join(dir, `owner-${createHash('sha256').update(key).digest('hex').slice(0, 40)}.json`);
  return {
    ownerOf(key) {
      try {
        const parsed: unknown = JSON.parse(readFileSync(fileOf(key), 'utf8'));
        return isRecordFile(parsed) && parsed.key === key ? parsed.owner : undefined;
      } catch {
        return undefined;
      }
    },
    record(key, owner) {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      const file = fileOf(key);
      const temporary = `${file}.${randomBytes(6).toString('hex')}.tmp`;
      const content: RecordFile = { key, owner, recorded_at: now().toISOString() };
      writeFileSync(temporary, JSON.stringify(content), { mode: 0o600 });
      renameSync(temporary, file);
    },
    forget(key) {
      try {
        unlinkSync(fileOf(key));
      } catch {
        // already gone
      }
    },
  };
}

/** Records kept in memory: for one process (the review, tests) or when the cache directory is off. */
export function memoryOwnershipRecords(): OwnershipRecords {
  const owners = new Map<string, string>();
  return {
    ownerOf: (key) => owners.get(key),
    record: (key, owner) => void owners.set(key, owner),
    forget: (key) => void owners.delete(key),
  };
}

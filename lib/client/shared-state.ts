/**
 * State shared by the `repliform` processes Terraform starts side by side (one per resource, ten at a time):
 * a vendor session, the extensions made on it (VR: the pairings that have a remote session), and a short-lived
 * cache of inventory lists that do not change during a deploy. Without it every process would log in and list
 * inventory on its own. `session.ts` uses it; the vendor client builds the identity.
 *
 * Files live in a private directory (0700, owned by the current user, not a symlink) and are written 0600,
 * atomically (write + rename). A login or the creation of an extension happens under an exclusive lock file, so
 * concurrent processes wait for the first one instead of logging in too; a lock whose process died (SIGKILL)
 * is taken over at once. Nothing here reaches Terraform state.
 */
import { createHash } from 'node:crypto';
import { closeSync, lstatSync, mkdirSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/** A session shared between processes. @public */
export interface SharedSession {
  readonly id: string;
  /** Keys of the extensions made on this session (VR: pairing ids with a remote session). */
  readonly extensions: readonly string[];
}

/** How a client shares its session and inventory lists with other processes. @public */
export interface SharedState {
  /** The shared session unless it is `stale`; otherwise `login()` once, under the lock, and share the result. */
  obtainSession(stale: string | undefined, login: () => Promise<string>): Promise<SharedSession>;
  /** Make sure extension `key` exists on `sessionId`: `create()` once, under the lock, unless recorded. */
  ensureExtension(sessionId: string, key: string, create: () => Promise<void>): Promise<void>;
  /** Stop recording extension `key` (its object is gone, e.g. a deleted VR pairing): no process re-creates it. */
  dropExtension(key: string): Promise<void>;
  /** A cached list younger than the TTL, else `load()` and cache it. */
  cachedList<T>(name: string, load: () => Promise<T[]>): Promise<T[]>;
  /** Drop a cached list (after it proved stale). */
  forget(name: string): void;
}

/** Options of `createSharedState`. @public */
export interface SharedStateOptions {
  /** The private directory (created 0700 if missing). */
  readonly dir: string;
  /** Identifies the appliance and users: the base URL, user names and passwords (hashed, never stored). */
  readonly identity: readonly string[];
  /**
   * How long inventory lists (pairings, datastores, storage policies) are reused.
   * @default 120_000
   */
  readonly listTtlMs?: number;
  /**
   * A lock older than this is from a process that died holding it.
   * @default 30_000
   */
  readonly staleLockMs?: number;
  /** @default Date.now */
  readonly now?: () => number;
  /** @default setTimeout-based sleep */
  readonly sleep?: (ms: number) => Promise<void>;
}

interface SessionFile {
  id: string;
  extensions: string[];
}

interface ListFile {
  savedAt: number;
  items: unknown[];
}

const LOCK_POLL_MS = 25;

/** Creates the shared state in `options.dir`, refusing a directory other users could read or replace. @public */
export function createSharedState(options: SharedStateOptions): SharedState {
  ensurePrivateDir(options.dir);
  const key = createHash('sha256').update(options.identity.join('\n')).digest('hex').slice(0, 32);
  const file = (suffix: string) => join(options.dir, `session-${key}-${suffix}`);
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const listTtlMs = options.listTtlMs ?? 120_000;
  const staleLockMs = options.staleLockMs ?? 30_000;

  async function withLock<T>(name: string, work: () => Promise<T>): Promise<T> {
    const lock = file(`${name}.lock`);
    for (;;) {
      try {
        const fd = openSync(lock, 'wx', 0o600);
        writeSync(fd, String(process.pid));
        closeSync(fd);
        break;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        // Terraform may SIGKILL a process (or a user may): its lock must not hold the others up.
        if (holderIsGone(lock) || isOlderThan(lock, staleLockMs, now())) removeQuietly(lock);
        else await sleep(LOCK_POLL_MS);
      }
    }
    try {
      return await work();
    } finally {
      removeQuietly(lock);
    }
  }

  const sessionPath = file('session.json');
  const readSession = () => readJson<SessionFile>(sessionPath, isSessionFile);

  return {
    async obtainSession(stale, login) {
      const usable = (session: SessionFile | undefined) => (session !== undefined && session.id !== stale ? session : undefined);
      const shared = usable(readSession());
      if (shared) return shared;
      return withLock('login', async () => {
        const meanwhile = usable(readSession());
        if (meanwhile) return meanwhile;
        const fresh: SessionFile = { id: await login(), extensions: [] };
        writePrivate(sessionPath, fresh);
        return fresh;
      });
    },

    async ensureExtension(sessionId, extension, create) {
      const recorded = () => {
        const session = readSession();
        return session?.id === sessionId && session.extensions.includes(extension);
      };
      if (recorded()) return;
      await withLock('extension', async () => {
        if (recorded()) return;
        await create();
        const session = readSession();
        if (session?.id === sessionId) writePrivate(sessionPath, { id: sessionId, extensions: [...session.extensions, extension] });
      });
    },

    async dropExtension(extension) {
      await withLock('extension', async () => {
        const session = readSession();
        if (session?.extensions.includes(extension)) {
          writePrivate(sessionPath, { id: session.id, extensions: session.extensions.filter((key) => key !== extension) });
        }
      });
    },

    async cachedList<T>(name: string, load: () => Promise<T[]>): Promise<T[]> {
      const path = file(`list-${safeName(name)}.json`);
      const fresh = () => {
        const cached = readJson<ListFile>(path, isListFile);
        return cached && now() - cached.savedAt < listTtlMs ? (cached.items as T[]) : undefined;
      };
      const cached = fresh();
      if (cached) return cached;
      // One process loads the list; the others starting at the same moment wait for its answer.
      return withLock(`list-${safeName(name)}`, async () => {
        const meanwhile = fresh();
        if (meanwhile) return meanwhile;
        const items = await load();
        writePrivate(path, { savedAt: now(), items });
        return items;
      });
    },

    forget(name) {
      removeQuietly(file(`list-${safeName(name)}.json`));
    },
  };
}

function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const stat = lstatSync(dir);
  const uid = typeof process.getuid === 'function' ? process.getuid() : undefined;
  if (!stat.isDirectory() || stat.isSymbolicLink()) throw new Error(`${dir} is not a directory: refusing to keep sessions there`);
  if (uid !== undefined && stat.uid !== uid) throw new Error(`${dir} belongs to another user: refusing to keep sessions there`);
  if ((stat.mode & 0o077) !== 0) throw new Error(`${dir} is readable by other users (mode ${(stat.mode & 0o777).toString(8)}): refusing to keep sessions there; chmod 700 it`);
}

function writePrivate(path: string, value: unknown): void {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(value), { mode: 0o600 });
  renameSync(temporary, path);
}

function readJson<T>(path: string, guard: (value: unknown) => value is T): T | undefined {
  try {
    const value: unknown = JSON.parse(readFileSync(path, 'utf8'));
    return guard(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

function isSessionFile(value: unknown): value is SessionFile {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return typeof record.id === 'string' && Array.isArray(record.extensions) && record.extensions.every((p) => typeof p === 'string');
}

function isListFile(value: unknown): value is ListFile {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return typeof record.savedAt === 'number' && Array.isArray(record.items);
}

function isOlderThan(path: string, ms: number, now: number): boolean {
  try {
    return now - statSync(path).mtimeMs > ms;
  } catch {
    return false;
  }
}

/** The lock names the pid that took it; a pid that no longer runs left it behind when it died. */
function holderIsGone(lock: string): boolean {
  let pid: number;
  try {
    pid = Number(readFileSync(lock, 'utf8'));
  } catch {
    return false;
  }
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // already gone
  }
}

function safeName(name: string): string {
  return createHash('sha256').update(name).digest('hex').slice(0, 16);
}

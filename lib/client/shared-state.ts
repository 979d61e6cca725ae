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
 *
 * Leases: a process that obtains the shared session leaves a lease file next to it, named after its pid (plus a
 * per-instance suffix, so that two clients of one process count twice) and holding no token. A process done with
 * the session either
 * - `leave()`s: drops its lease and leaves the session open for the next process. The lifecycle CLI (and the `vr`
 *   operations) do this at exit: Terraform runs hundreds of them per apply, often one after another along a
 *   dependency chain, so closing when the last one leaves would make most of them log in (and open their remote
 *   sessions) again. The one session per identity they keep is reused by the next run on this machine; on a fresh
 *   CI runner it stays open until the appliance's idle timeout ends it.
 * - or `close()`s, the last one out: the native provider does this at shutdown. It is one process per Terraform
 *   command (validate, plan, apply…), so a fresh CI runner would otherwise leave one session behind per run on the
 *   appliance (issue 17). Under the login lock, it drops its lease and, when no lease of a live process remains (a
 *   lease whose pid no longer runs is removed), logs the session out and removes the session file. A process that
 *   finds the file gone logs in again; one that read the token just before it was logged out gets a 401 and logs in
 *   again (`session.ts`).
 */
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
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
  /** This process is done with the session: drop its lease and leave the session open for the next process. */
  leave(): void;
  /**
   * This process is done with the session, and the last one out closes it: under the login lock, drop its lease
   * and, unless a live process still holds one, `logout(id)` and remove the shared session (kept when the logout
   * fails, so that the next process reuses it instead of opening another). Nothing when this process holds no lease.
   * @returns true when it logged the session out
   */
  close(logout: (id: string) => Promise<void>): Promise<boolean>;
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
  /**
   * The process the lease is taken for (tests stand in for a process that died without closing).
   * @default process.pid
   */
  readonly pid?: number;
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
  const leases = createLeases(options.dir, `session-${key}-lease-`, options.pid ?? process.pid);

  return {
    async obtainSession(stale, login) {
      // Taken before the session file is read: a closer that does not see the lease has not logged out what we read.
      leases.take();
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

    leave() {
      leases.drop();
    },

    async close(logout) {
      if (!leases.held()) return false;
      return withLock('login', async () => {
        leases.drop();
        if (leases.anyLive()) return false;
        const session = readSession();
        if (session === undefined) return false;
        await logout(session.id);
        removeQuietly(sessionPath);
        return true;
      });
    },
  };
}

interface Leases {
  /** Leave this process's lease (once). */
  take(): void;
  held(): boolean;
  drop(): void;
  /** True when another live process holds a lease; the leases of processes that no longer run are removed. */
  anyLive(): boolean;
}

function createLeases(dir: string, prefix: string, pid: number): Leases {
  const own = `${prefix}${pid}-${randomBytes(4).toString('hex')}`;
  let held = false;
  return {
    take() {
      if (held) return;
      writeFileSync(join(dir, own), '', { mode: 0o600 });
      held = true;
    },
    held: () => held,
    drop() {
      removeQuietly(join(dir, own));
      held = false;
    },
    anyLive() {
      let live = false;
      for (const name of readdirSync(dir)) {
        if (!name.startsWith(prefix)) continue;
        const holder = Number(/^(\d+)-/.exec(name.slice(prefix.length))?.[1]);
        if (isGone(holder)) removeQuietly(join(dir, name));
        else live = true;
      }
      return live;
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
  try {
    return isGone(Number(readFileSync(lock, 'utf8')));
  } catch {
    return false;
  }
}

/** True when `pid` names no running process (a pid that is not one counts as running: nothing is removed on a guess). */
function isGone(pid: number): boolean {
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

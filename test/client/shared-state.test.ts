/** The state concurrent CLI processes share: one login, one remote session per pairing, cached lists, private files. */
import { chmodSync, mkdtempSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSharedState } from '../../lib/client/shared-state';

const identity = ['https://vr-a.example.local', 'administrator@vsphere.local', 'secret-1'];

function freshDir(): string {
  return join(mkdtempSync(join(tmpdir(), 'repliform-shared-')), 'state');
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

test('two processes starting together log in once and share the session', async () => {
  const dir = freshDir();
  const a = createSharedState({ dir, identity });
  const b = createSharedState({ dir, identity });
  const logins: string[] = [];
  const gate = deferred<void>();
  const login = async () => {
    logins.push('login');
    await gate.promise;
    return 'session-1';
  };
  const both = Promise.all([a.obtainSession(undefined, login), b.obtainSession(undefined, login)]);
  setTimeout(() => gate.resolve(), 50);
  const [first, second] = await both;
  expect(logins).toEqual(['login']);
  expect(first.id).toBe('session-1');
  expect(second.id).toBe('session-1');
});

test('a session known to be stale is replaced once; the others pick the new one up', async () => {
  const dir = freshDir();
  const a = createSharedState({ dir, identity });
  const b = createSharedState({ dir, identity });
  await a.obtainSession(undefined, async () => 'session-1');
  const renewed = await a.obtainSession('session-1', async () => 'session-2');
  const seenByB = await b.obtainSession('session-1', async () => 'session-3');
  expect(renewed.id).toBe('session-2');
  expect(seenByB.id).toBe('session-2');
});

test('a remote session is created once per session and pairing', async () => {
  const dir = freshDir();
  const a = createSharedState({ dir, identity });
  const b = createSharedState({ dir, identity });
  await a.obtainSession(undefined, async () => 'session-1');
  const created: string[] = [];
  const create = async () => {
    created.push('remote');
  };
  await Promise.all([a.ensureExtension('session-1', 'pairing-1', create), b.ensureExtension('session-1', 'pairing-1', create)]);
  expect(created).toEqual(['remote']);
  expect((await b.obtainSession(undefined, async () => 'unused')).extensions).toEqual(['pairing-1']);
  await a.obtainSession('session-1', async () => 'session-2');
  await b.ensureExtension('session-2', 'pairing-1', create);
  expect(created).toEqual(['remote', 'remote']);
});

test('lists are reused until the TTL, loaded once under concurrency, and can be forgotten', async () => {
  let now = 1000;
  const dir = freshDir();
  const a = createSharedState({ dir, identity, listTtlMs: 100, now: () => now });
  const b = createSharedState({ dir, identity, listTtlMs: 100, now: () => now });
  let loads = 0;
  const load = async () => {
    loads += 1;
    return [{ name: `ds-${loads}` }];
  };
  const [x, y] = await Promise.all([a.cachedList('datastores', load), b.cachedList('datastores', load)]);
  expect(loads).toBe(1);
  expect(x).toEqual([{ name: 'ds-1' }]);
  expect(y).toEqual([{ name: 'ds-1' }]);
  now += 99;
  expect(await b.cachedList('datastores', load)).toEqual([{ name: 'ds-1' }]);
  now += 2;
  expect(await b.cachedList('datastores', load)).toEqual([{ name: 'ds-2' }]);
  a.forget('datastores');
  expect(await a.cachedList('datastores', load)).toEqual([{ name: 'ds-3' }]);
});

test('other identities (user, password, appliance) do not share', async () => {
  const dir = freshDir();
  await createSharedState({ dir, identity }).obtainSession(undefined, async () => 'session-1');
  const other = await createSharedState({ dir, identity: [...identity.slice(0, 2), 'secret-2'] }).obtainSession(undefined, async () => 'session-9');
  expect(other.id).toBe('session-9');
});

test('files are 0600 in a 0700 directory, named without the secrets', async () => {
  const dir = freshDir();
  const state = createSharedState({ dir, identity });
  await state.obtainSession(undefined, async () => 'session-1');
  await state.cachedList('pairings', async () => [1]);
  expect(statSync(dir).mode & 0o777).toBe(0o700);
  for (const file of readdirSync(dir)) {
    expect(statSync(join(dir, file)).mode & 0o777).toBe(0o600);
    expect(file).not.toContain('secret-1');
  }
});

test('a directory other users can read is refused', () => {
  const dir = freshDir();
  createSharedState({ dir, identity });
  chmodSync(dir, 0o755);
  expect(() => createSharedState({ dir, identity })).toThrow(`${dir} is readable by other users (mode 755): refusing to keep sessions there; chmod 700 it`);
});

test('a lock left behind by a killed process is taken over once stale', async () => {
  const dir = freshDir();
  let now = Date.now();
  const sleeps: number[] = [];
  const state = createSharedState({ dir, identity, staleLockMs: 1000, now: () => now, sleep: async (ms) => { sleeps.push(ms); now += 500; } });
  await state.cachedList('any', async () => []);
  const prefix = readdirSync(dir)[0].replace(/-list-.*$/, '');
  const lock = join(dir, `${prefix}-login.lock`);
  writeFileSync(lock, '');
  // Aged 250 ms by the faked clock, set explicitly: the file system's clock is coarser than Date.now().
  const takenAt = (now - 250) / 1000;
  utimesSync(lock, takenAt, takenAt);
  const session = await state.obtainSession(undefined, async () => 'session-after-stale-lock');
  expect(session.id).toBe('session-after-stale-lock');
  // 250 → 750 ms old: still held; 1250 ms: stale (limit 1000), taken over.
  expect(sleeps).toEqual([25, 25]);
  expect(readdirSync(dir).filter((f) => f.endsWith('.lock'))).toEqual([]);
});

test('a lock held by a process that no longer runs is taken over at once', async () => {
  const dir = freshDir();
  const sleeps: number[] = [];
  const state = createSharedState({ dir, identity, sleep: async (ms) => { sleeps.push(ms); } });
  await state.cachedList('any', async () => []);
  const prefix = readdirSync(dir)[0].replace(/-list-.*$/, '');
  const { spawnSync } = await import('node:child_process');
  const deadPid = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString();
  writeFileSync(join(dir, `${prefix}-login.lock`), deadPid);
  const session = await state.obtainSession(undefined, async () => 'session-after-dead-holder');
  expect(session.id).toBe('session-after-dead-holder');
  expect(sleeps).toEqual([]);
});

test('a lock held by a live process is waited for', async () => {
  const dir = freshDir();
  let sleeps = 0;
  const state = createSharedState({ dir, identity, staleLockMs: 60_000, sleep: async () => { sleeps += 1; if (sleeps === 3) removeLock(); } });
  await state.cachedList('any', async () => []);
  const prefix = readdirSync(dir)[0].replace(/-list-.*$/, '');
  const lock = join(dir, `${prefix}-login.lock`);
  writeFileSync(lock, String(process.pid));
  const removeLock = () => rmSync(lock);
  await state.obtainSession(undefined, async () => 'session-1');
  expect(sleeps).toBe(3);
});

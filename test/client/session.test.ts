/**
 * Session: single-flight login, one re-login on 401 then a clear failure, extensions created once and again after a
 * re-login, and sharing with another process. The vendor's calls are fakes; nothing here sleeps.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiError } from '../../lib/client/http/errors';
import { Session, type SessionOptions } from '../../lib/client/session';
import { createSharedState } from '../../lib/client/shared-state';

function deferred<T>() {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

const unauthorized = (path: string): ApiError => new ApiError({ status: 401, method: 'GET', url: `https://appliance.example${path}` });

/** A fake vendor: login hands out tok-1, tok-2, …; every call and extension is recorded. */
function fakeVendor(extra: Partial<SessionOptions> = {}) {
  const logins: string[] = [];
  const created: string[] = [];
  const options: SessionOptions = {
    login: async () => {
      logins.push('login');
      return `tok-${logins.length}`;
    },
    rejectedAgain: (error) => new Error(`${error.method} ${error.url} → 401 again after logging in again`),
    extension: {
      create: async (key, token) => {
        created.push(`${key}@${token}`);
      },
      rejected: (key, error) => new Error(`extension ${key} rejected (${error.status})`),
    },
    ...extra,
  };
  return { logins, created, session: new Session(options) };
}

test('concurrent callers share one login', async () => {
  const gate = deferred<void>();
  let logins = 0;
  const session = new Session({
    login: async () => {
      logins += 1;
      await gate.promise;
      return 'tok-1';
    },
    rejectedAgain: (error) => error,
  });
  const tokens = Promise.all([session.current(), session.send(async (t) => t), session.current(), session.send(async (t) => `${t}!`)]);
  gate.resolve();
  expect(await tokens).toEqual(['tok-1', 'tok-1', 'tok-1', 'tok-1!']);
  expect(logins).toBe(1);
  await session.current();
  expect(logins).toBe(1);
});

test('a 401 logs in again exactly once and resends; a second 401 is the vendor’s clear failure', async () => {
  const { session, logins } = fakeVendor();
  const seen: string[] = [];
  const error = await session
    .send(async (token) => {
      seen.push(token);
      throw unauthorized('/info');
    })
    .catch((e: unknown) => e);
  expect(seen).toEqual(['tok-1', 'tok-2']);
  expect(logins).toHaveLength(2);
  expect((error as Error).message).toBe('GET https://appliance.example/info → 401 again after logging in again');
});

test('the caller may name its own failure for a second 401', async () => {
  const { session } = fakeVendor();
  const error = await session.send(async () => Promise.reject(unauthorized('/x')), () => new Error('custom')).catch((e: unknown) => e);
  expect((error as Error).message).toBe('custom');
});

test('other errors are not retried and cause no re-login', async () => {
  const { session, logins } = fakeVendor();
  const boom = new ApiError({ status: 500, method: 'GET', url: 'https://appliance.example/info' });
  await expect(session.send(async () => Promise.reject(boom))).rejects.toBe(boom);
  expect(logins).toHaveLength(1);
});

test('concurrent calls rejected on the same session share one re-login', async () => {
  const { session, logins } = fakeVendor();
  await session.current();
  const call = () => session.send(async (token) => (token === 'tok-1' ? Promise.reject(unauthorized('/x')) : token));
  expect(await Promise.all([call(), call(), call()])).toEqual(['tok-2', 'tok-2', 'tok-2']);
  expect(logins).toHaveLength(2);
});

test('extensions are created once (concurrent calls share one) and again, in order, after a re-login', async () => {
  const { session, created } = fakeVendor();
  await Promise.all([session.extend('pair-1'), session.extend('pair-1')]);
  await session.ensureExtension('pair-2');
  await session.ensureExtension('pair-1');
  expect(created).toEqual(['pair-1@tok-1', 'pair-2@tok-1']);
  await session.send(async (token) => (token === 'tok-1' ? Promise.reject(unauthorized('/x')) : 'ok'));
  expect(created).toEqual(['pair-1@tok-1', 'pair-2@tok-1', 'pair-1@tok-2', 'pair-2@tok-2']);
  expect(session.extensions).toEqual(['pair-1', 'pair-2']);
});

test('an extension rejected with a fresh session fails with the extension’s own error', async () => {
  const { session } = fakeVendor({
    extension: {
      create: async () => Promise.reject(unauthorized('/pairings/p/remote-session')),
      rejected: (key, error) => new Error(`the remote site of ${key} rejected the login (${error.status})`),
    },
  });
  await expect(session.extend('pair-9')).rejects.toThrow('the remote site of pair-9 rejected the login (401)');
  expect(session.extensions).toEqual([]);
});

test('an extension whose re-creation after a re-login is rejected fails that call with the extension’s error', async () => {
  let remoteAccepts = true;
  const { session, logins } = fakeVendor({
    extension: {
      create: async () => (remoteAccepts ? undefined : Promise.reject(unauthorized('/remote'))),
      rejected: (key) => new Error(`extension ${key} rejected`),
    },
  });
  await session.extend('pair-1');
  remoteAccepts = false;
  await expect(session.send(async (token) => (token === 'tok-1' ? Promise.reject(unauthorized('/x')) : 'ok'))).rejects.toThrow('extension pair-1 rejected');
  expect(logins).toHaveLength(2);
});

test('end() returns the token, forgets the extensions, and the next call logs in again', async () => {
  const { session, logins } = fakeVendor();
  await session.extend('pair-1');
  expect(session.end()).toBe('tok-1');
  expect(session.end()).toBeUndefined();
  expect(session.hasExtension('pair-1')).toBe(false);
  expect(await session.current()).toBe('tok-2');
  expect(logins).toHaveLength(2);
});

test('with shared state, a second process reuses the session and its extensions instead of making them again', async () => {
  const dir = join(mkdtempSync(join(tmpdir(), 'repliform-session-')), 'state');
  const identity = ['https://appliance.example', 'user', 'secret'];
  const first = fakeVendor({ shared: createSharedState({ dir, identity }) });
  await first.session.ensureExtension('pair-1');
  const second = fakeVendor({ shared: createSharedState({ dir, identity }) });
  await second.session.ensureExtension('pair-1');
  expect(await second.session.current()).toBe('tok-1');
  expect(second.logins).toEqual([]);
  expect(second.created).toEqual([]);
  expect(second.session.extensions).toEqual(['pair-1']);
});

test('a dropped extension (a deleted pairing) is not created again by a re-login, here or in another process', async () => {
  const dir = join(mkdtempSync(join(tmpdir(), 'repliform-session-')), 'state');
  const identity = ['https://appliance.example', 'user', 'secret'];
  const first = fakeVendor({ shared: createSharedState({ dir, identity }) });
  await first.session.ensureExtension('pair-1');
  await first.session.ensureExtension('pair-2');
  await first.session.dropExtension('pair-1');
  expect(first.session.extensions).toEqual(['pair-2']);

  const second = fakeVendor({ shared: createSharedState({ dir, identity }) });
  expect(await second.session.current()).toBe('tok-1');
  expect(second.session.extensions).toEqual(['pair-2']);

  await first.session.send(async (token) => {
    if (token === 'tok-1') throw unauthorized('/pairings');
  });
  expect(first.created).toEqual(['pair-1@tok-1', 'pair-2@tok-1', 'pair-2@tok-2']);
});

test('a session without extensions refuses to extend', async () => {
  const session = new Session({ login: async () => 't', rejectedAgain: (e) => e });
  await expect(session.extend('x')).rejects.toThrow('this session has no extensions');
});

test('a call that starts while a re-login restores the extensions waits for them: it never goes out on the new session without them', async () => {
  const restoring = deferred<void>();
  const created: string[] = [];
  let logins = 0;
  const session = new Session({
    login: async () => `tok-${(logins += 1)}`,
    rejectedAgain: (error) => new Error(`${error.url} → 401 again`),
    extension: {
      create: async (key, token) => {
        if (token === 'tok-2') await restoring.promise;
        created.push(`${key}@${token}`);
      },
      rejected: (key, error) => new Error(`extension ${key} rejected (${error.status})`),
    },
  });
  await session.extend('pairing-1');
  const seen: string[] = [];
  // The first call meets an expired session: it logs in again (tok-2) and re-creates pairing-1 on it.
  const expired = session.send(async (token) => {
    if (token === 'tok-1') throw unauthorized('/remote/datastores');
    seen.push(`expired call on ${token} with ${created.join(',')}`);
  });
  await new Promise<void>((resolve) => setImmediate(resolve));
  const later = session.send(async (token) => void seen.push(`later call on ${token} with ${created.join(',')}`));
  await new Promise<void>((resolve) => setImmediate(resolve));
  restoring.resolve();
  await Promise.all([expired, later]);
  expect(seen.sort()).toEqual(['expired call on tok-2 with pairing-1@tok-1,pairing-1@tok-2', 'later call on tok-2 with pairing-1@tok-1,pairing-1@tok-2']);
});

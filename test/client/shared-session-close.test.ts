/**
 * Issue 17: a shared session is logged out by the last process that closes it, against the VR simulator over HTTP.
 * Each client has its own SharedState on one directory, as two processes would; each holds a lease while it uses
 * the session. Nothing here waits on time: the order of the closes is the order of the awaits.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSharedState } from '../../lib/client/shared-state';
import { VrClient } from '../../lib/client/vr/vr-client';
import { DEFAULT_USERS } from '../../src/simulator';
import { useSimulator } from '../helpers/simulator';

const sim = useSimulator({ taskDelayMs: 0 });
let dir: string;

beforeEach(() => {
  dir = join(mkdtempSync(join(tmpdir(), 'repliform-close-')), 'state');
});

/** A client as one process builds it, sharing `dir` (`pid`: the process its lease is taken for). */
function processClient(pid?: number): VrClient {
  const identity = [sim.url, DEFAULT_USERS.local.username, DEFAULT_USERS.local.password];
  return new VrClient({ endpoint: sim.url, credentials: DEFAULT_USERS.local, remoteCredentials: DEFAULT_USERS.remote, shared: createSharedState({ dir, identity, pid }) });
}

const logouts = () => sim.requests.filter((r) => r.method === 'DELETE' && r.path === '/api/rest/vr/v2/session');
const openSessions = () => sim.state.sessions.map((s) => s.id);
const sharedSessionFiles = () => readdirSync(dir).filter((f) => f.endsWith('-session.json'));
const leaseFiles = () => readdirSync(dir).filter((f) => f.includes('-lease-'));

/** A pid that ran and exited: a process that died without closing. */
function deadPid(): number {
  return Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString());
}

test('the first to close leaves the session to the other; the last one out logs it out once and drops the shared session', async () => {
  const first = processClient();
  const second = processClient();
  await first.login();
  await second.login();
  expect(sim.issuedSessionIds).toHaveLength(1);

  await first.close();
  expect(logouts()).toEqual([]);
  expect(openSessions()).toEqual(sim.issuedSessionIds);
  expect(sharedSessionFiles()).toHaveLength(1);

  await second.close();
  // The simulator ends only the session named by the request's x-dr-session: 204 and none left = the shared token.
  expect(logouts().map((r) => r.status)).toEqual([204]);
  expect(openSessions()).toEqual([]);
  expect(sharedSessionFiles()).toEqual([]);
  expect(leaseFiles()).toEqual([]);
});

test('two processes closing at once log out once', async () => {
  const first = processClient();
  const second = processClient();
  await Promise.all([first.login(), second.login()]);
  await Promise.all([first.close(), second.close()]);
  expect(logouts().map((r) => r.status)).toEqual([204]);
  expect(openSessions()).toEqual([]);
});

test('a lease left by a process that died does not keep the session open', async () => {
  const died = processClient(deadPid());
  await died.login();
  const survivor = processClient();
  await survivor.login();
  expect(sim.issuedSessionIds).toHaveLength(1);

  await survivor.close();
  expect(logouts().map((r) => r.status)).toEqual([204]);
  expect(openSessions()).toEqual([]);
  expect(sharedSessionFiles()).toEqual([]);
  expect(leaseFiles()).toEqual([]);
});

test('a process that only leaves (the lifecycle CLI) keeps the session open and gives up its lease; after the last close a newcomer logs in again', async () => {
  const lifecycle = processClient();
  const provider = processClient();
  await lifecycle.login();
  await provider.login();

  await lifecycle.logout();
  expect(logouts()).toEqual([]);
  expect(openSessions()).toHaveLength(1);

  await provider.close();
  expect(logouts().map((r) => r.status)).toEqual([204]);
  expect(openSessions()).toEqual([]);

  const newcomer = processClient();
  await newcomer.listPairings();
  expect(sim.issuedSessionIds).toHaveLength(2);
  expect(openSessions()).toEqual([sim.issuedSessionIds[1]]);
});

test('a process that never used the session does not log it out at its close', async () => {
  const user = processClient();
  await user.login();
  await processClient().close();
  expect(logouts()).toEqual([]);
  expect(openSessions()).toHaveLength(1);

  await user.close();
  expect(openSessions()).toEqual([]);
});

test('leases are private files that name neither the token nor the password and hold nothing', async () => {
  const client = processClient();
  await client.login();
  const [token] = sim.issuedSessionIds;
  expect(leaseFiles()).toHaveLength(1);
  for (const lease of leaseFiles()) {
    expect(statSync(join(dir, lease)).mode & 0o777).toBe(0o600);
    expect(lease).not.toContain(token);
    expect(lease).not.toContain(DEFAULT_USERS.local.password);
    expect(readFileSync(join(dir, lease), 'utf8')).toBe('');
  }
  expect(statSync(dir).mode & 0o777).toBe(0o700);
});

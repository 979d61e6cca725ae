/**
 * Connection checks at deploy time (what the lifecycle CLI and the provider's apply meet), before any request:
 * a CA bundle for a plain http:// endpoint is refused naming both fields, and a secret typed where an
 * environment-variable NAME goes is never repeated in the error.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { isInputError } from '../../src/resources/errors';
import { vrReplicationHandler } from '../../src/resources/vr/replication/handler';
import { replicationSpec, replicationSpecInput, SIM_ENV, testContext } from '../helpers/context';
import { useSimulator } from '../helpers/simulator';

const CLI = join(__dirname, '..', '..', 'dist', 'src', 'cli', 'main.js');
const SECRET = 'hunter2!Sec-ret';

const sim = useSimulator({ taskDelayMs: 0 }, 'all');
function lifecycle(spec: unknown): Promise<{ code: number; stderr: string; stdout: string }> {
  const child = spawn(process.execPath, [CLI, 'lifecycle', 'create', 'vr.replication'], {
    env: { PATH: process.env.PATH, ...SIM_ENV, REPLIFORM_CACHE_DIR: 'off', REPLIFORM_SPEC: JSON.stringify(spec) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr })));
}

const CA_REFUSED = (endpoint: string) =>
  `connection.ca_bundle_file: a CA bundle (/nowhere/ca.pem) is set for the plain http:// endpoint ${endpoint}: the CA would never be used and the credentials would go in clear; use an https:// endpoint, or remove ca_bundle_file`;

test('a CA bundle with an http:// endpoint (even a missing file) is bad input naming both fields, before any request', async () => {
  const spec = replicationSpec(sim.url);
  const requestsBefore = sim.requests.length;
  const error = await vrReplicationHandler.read({ ...spec, connection: { ...spec.connection, ca_bundle_file: '/nowhere/ca.pem' } }, testContext()).catch((e: unknown) => e);
  expect(isInputError(error)).toBe(true);
  expect((error as Error).message).toBe(CA_REFUSED(sim.url));
  expect(sim.requests.length).toBe(requestsBefore);
});

test('the lifecycle CLI: exit 2 with that one line', async () => {
  const input = replicationSpecInput(sim.url);
  const result = await lifecycle({ ...input, connection: { ...input.connection, ca_bundle_file: '/nowhere/ca.pem' } });
  expect(result.code).toBe(2);
  expect(result.stderr).toContain(CA_REFUSED(sim.url));
});

test('the lifecycle CLI never repeats a secret typed where a variable name goes', async () => {
  const input = replicationSpecInput(sim.url);
  const result = await lifecycle({ ...input, connection: { ...input.connection, credentials: { username_env: 'VR_SITE_A_USER', password_env: SECRET } } });
  expect(result.code).toBe(2);
  expect(result.stderr).toContain('connection.credentials.password_env: must be an environment variable name ([A-Za-z_][A-Za-z0-9_]*), got a value that is not a variable name (not shown: it may be a secret)');
  expect(result.stderr + result.stdout).not.toContain('hunter2');
});

/**
 * Issue 7, through the compiled lifecycle CLI (as Terraform runs it) and `review --live`'s reader: a CA bundle
 * that is named but cannot be used is bad input (exit 2) naming the setting and the path, before any request;
 * for an http:// endpoint the bundle is not read at all; a task the server cancels fails the action with a
 * message naming the task, the operation and "cancelled".
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadReviewCatalogue } from '../../src/resources/review-catalogue';
import type { ReviewCatalogue } from '../../src/resources/review-profile';
import { createLiveReader } from '../../src/review/drift';
import { startSimulator, type RunningSimulator } from '../../src/simulator';
import { replicationSpecInput, SIM_ENV } from '../helpers/context';

let catalogue: ReviewCatalogue;
beforeAll(async () => {
  catalogue = await loadReviewCatalogue();
});

const CLI = join(__dirname, '..', '..', 'dist', 'src', 'cli', 'main.js');
const dir = mkdtempSync(join(tmpdir(), 'repliform-ca-defects-'));
const MISSING = join(dir, 'no-such-ca.pem');

interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function lifecycle(action: string, spec: unknown, env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  const child = spawn(process.execPath, [CLI, 'lifecycle', action, 'vr.replication'], {
    env: { PATH: process.env.PATH, ...SIM_ENV, REPLIFORM_CACHE_DIR: 'off', REPLIFORM_SPEC: JSON.stringify(spec), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

/** The message of the one-line "repliform: vr.replication … <action> rejected: <message>" that stderr must be. */
function rejection(stderr: string, action: string): string {
  const match = new RegExp(`^repliform: vr\\.replication[^\n]* ${action} rejected: ([^\n]*)\n$`).exec(stderr);
  if (match === null) throw new Error(`stderr is not one "${action} rejected" line: ${JSON.stringify(stderr)}`);
  return match[1];
}

function specWith(endpoint: string, tls: { ca_bundle_file?: string; insecure?: boolean }) {
  const spec = replicationSpecInput(endpoint);
  return { ...spec, connection: { ...spec.connection, ...tls } };
}

describe('https endpoint', () => {
  let sim: RunningSimulator;

  beforeAll(async () => {
    sim = await startSimulator({ tls: true, taskDelayMs: 30 });
  });
  afterAll(() => sim.close());
  beforeEach(() => sim.clearRequests());

  it('a missing ca_bundle_file → exit 2, one line naming connection.ca_bundle_file and the path, nothing sent', async () => {
    const result = await lifecycle('create', specWith(sim.url, { ca_bundle_file: MISSING }));
    expect({ code: result.code, stdout: result.stdout }).toEqual({ code: 2, stdout: '' });
    expect(rejection(result.stderr, 'create')).toBe(`connection.ca_bundle_file: cannot read the CA bundle file ${MISSING} (ENOENT); name a readable PEM file`);
    expect(sim.requests).toHaveLength(0);
  });

  it('a missing REPLIFORM_CA_BUNDLE → exit 2 naming the variable and the path', async () => {
    const result = await lifecycle('read', specWith(sim.url, {}), { REPLIFORM_CA_BUNDLE: MISSING });
    expect(result.code).toBe(2);
    expect(rejection(result.stderr, 'read')).toBe(`REPLIFORM_CA_BUNDLE: cannot read the CA bundle file ${MISSING} (ENOENT); name a readable PEM file`);
    expect(sim.requests).toHaveLength(0);
  });

  it('a file that is not PEM → exit 2 naming the field and the path', async () => {
    const notPem = join(dir, 'not-pem.txt');
    writeFileSync(notPem, 'hello');
    const result = await lifecycle('read', specWith(sim.url, { ca_bundle_file: notPem }));
    expect(result.code).toBe(2);
    expect(rejection(result.stderr, 'read')).toBe(`connection.ca_bundle_file: ${notPem} is not a PEM CA bundle: expected "-----BEGIN CERTIFICATE-----" blocks`);
  });

  it('review --live: the reader rejects it as bad input naming the field, before any request', async () => {
    const reader = await createLiveReader(SIM_ENV, () => undefined, catalogue);
    const error = await reader.read('vr.replication', specWith(sim.url, { ca_bundle_file: MISSING })).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'InputError', field: 'connection.ca_bundle_file' });
    expect((error as Error).message).toBe(`connection.ca_bundle_file: cannot read the CA bundle file ${MISSING} (ENOENT); name a readable PEM file`);
    expect(sim.requests).toHaveLength(0);
  });
});

describe('http endpoint', () => {
  let sim: RunningSimulator;

  beforeAll(async () => {
    sim = await startSimulator({ taskDelayMs: 30 });
  });
  afterAll(() => sim.close());

  it('refuses a CA bundle for it (a contradiction: credentials in clear), naming both fields, before any request', async () => {
    const result = await lifecycle('read', specWith(sim.url, { ca_bundle_file: MISSING, insecure: true }), { REPLIFORM_CA_BUNDLE: MISSING });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      `connection.ca_bundle_file: a CA bundle (${MISSING}) is set for the plain http:// endpoint ${sim.url}: the CA would never be used and the credentials would go in clear; use an https:// endpoint, or remove ca_bundle_file`,
    );
    expect(sim.requests).toHaveLength(0);
  });

  it('says insecure does not apply, ignores REPLIFORM_CA_BUNDLE, and works', async () => {
    const result = await lifecycle('read', specWith(sim.url, { insecure: true }), { REPLIFORM_CA_BUNDLE: MISSING });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('null\n');
    expect(result.stderr).toBe(`repliform warning: ${sim.url} is plain http: connection.insecure does not apply and the connection is not encrypted\n`);
  });

  it('review --live refuses the CA bundle too, as bad input naming the field', async () => {
    const reader = await createLiveReader(SIM_ENV, () => undefined, catalogue);
    const error = await reader.read('vr.replication', specWith(sim.url, { ca_bundle_file: MISSING })).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'InputError', field: 'connection.ca_bundle_file' });
  });
});

describe('a cancelled task', () => {
  let sim: RunningSimulator;

  beforeEach(async () => {
    sim = await startSimulator({ taskDelayMs: 30 });
  });
  afterEach(() => sim.close());

  it('a configure task the server cancels → exit 1 naming the task, the operation and "cancelled"', async () => {
    sim.faults.addRule({ id: 'cancel', method: 'POST', path: '/pairings/*/replications', taskCancel: true, count: 1 });
    const result = await lifecycle('create', specWith(sim.url, {}));
    expect(result.code).toBe(1);
    const task = sim.state.tasks.find((record) => record.kind === 'configure');
    expect(task?.task.status).toBe('CANCELLED');
    const lines = result.stderr.trim().split('\n');
    expect(lines[lines.length - 1]).toMatch(
      new RegExp(`^repliform: vr\\.replication[^:]* create failed: task ${task?.task.id} \\(Configure replication web-01\\) was cancelled$`),
    );
  });
});

/**
 * `repliform vr sync|pause|resume` and the `vr.replication-sync` kind, as a user runs them: the compiled CLI
 * in its own process, HTTP to the simulator, the state the simulator is left in, exit codes 0/1/2.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import axios from 'axios';
import { App, Credentials, TerraformStack, VrPairing, VrReplication } from '../../src/constructs';
import { DEFAULT_USERS, PAIRING_ID } from '../../src/simulator';
import { replicationSpecInput, SIM_ENV } from '../helpers/context';
import { useSimulator } from '../helpers/simulator';

const CLI = join(__dirname, '..', '..', 'dist', 'src', 'cli', 'main.js');

interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

function cli(args: string[], env: NodeJS.ProcessEnv): Promise<CliResult> {
  const child = spawn(process.execPath, [CLI, ...args], { env: { PATH: process.env.PATH, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr })));
}

const sim = useSimulator({ taskDelayMs: 60 });
let workDir: string;

beforeEach(async () => {
  workDir = mkdtempSync(join(tmpdir(), 'repliform-vr-ops-'));
});

/** A fresh shared-state directory per call: every process logs in (and opens the remote session) itself. */
function env(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return { ...SIM_ENV, REPLIFORM_CACHE_DIR: mkdtempSync(join(workDir, 'cache-')), ...extra };
}

const BY_VM = (vm = 'web-01') => [
  '--vm', vm,
  '--remote-site', 'vc-b.example.local',
  '--username-env', 'VR_SITE_A_USER',
  '--password-env', 'VR_SITE_A_PASSWORD',
  '--remote-username-env', 'VR_SITE_B_USER',
  '--remote-password-env', 'VR_SITE_B_PASSWORD',
];

function byVm(vm = 'web-01'): string[] {
  return [...BY_VM(vm), '--endpoint', sim.url];
}

async function replicate(vm = 'web-01'): Promise<void> {
  const spec = JSON.stringify(replicationSpecInput(sim.url, { vm: { name: vm } }));
  const created = await cli(['lifecycle', 'create', 'vr.replication'], env({ REPLIFORM_SPEC: spec }));
  expect(created.code).toBe(0);
  // The initial full sync ends a task delay after the configure task.
  await new Promise((resolve) => setTimeout(resolve, 100));
  await axios.get(`${sim.apiBase}/tasks`, { validateStatus: () => true });
}

function live(vm = 'web-01') {
  const found = sim.state.replications.find((r) => r.info.name === vm);
  if (!found) throw new Error(`no replication of ${vm}`);
  return found.info;
}

const posts = (action: string) => sim.requests.filter((r) => r.method === 'POST' && r.path.endsWith(`/actions/${action}`));

describe('repliform vr sync', () => {
  test('syncs the replication named by VM and pairing, waits with progress, prints it as JSON', async () => {
    await replicate();
    const before = live().last_sync_time ?? 0;
    const result = await cli(['vr', 'sync', ...byVm()], env());
    expect(result.code).toBe(0);
    expect(posts('sync')).toHaveLength(1);
    expect(sim.state.tasks.filter((t) => t.kind === 'sync').map((t) => t.task.status)).toEqual(['SUCCESS']);
    expect(live().last_sync_time ?? 0).toBeGreaterThan(before);
    expect(JSON.parse(result.stdout)).toEqual({
      operation: 'sync',
      performed: true,
      id: live().id,
      name: 'web-01',
      vm_id: live().vm_id,
      pairing_id: PAIRING_ID,
      status: 'OK',
      rpo_violation: false,
      last_sync_time: live().last_sync_time,
    });
    expect(result.stderr).toContain('repliform: syncing replication of web-01: started');
    expect(result.stderr).toContain('repliform: syncing replication of web-01: done');
  });

  test('a paused replication is not synced: exit 1 saying to resume it, no sync sent', async () => {
    await replicate();
    expect((await cli(['vr', 'pause', ...byVm()], env())).code).toBe(0);
    const result = await cli(['vr', 'sync', ...byVm()], env());
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe(
      'repliform: vr sync web-01 failed: web-01: the replication is paused and cannot be synced; resume it first (repliform vr resume)',
    );
    expect(posts('sync')).toHaveLength(0);
  });

  test('a VM without a replication → exit 2 listing the replicated VMs, nothing sent', async () => {
    await replicate();
    const result = await cli(['vr', 'sync', ...byVm('web-09')], env());
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe('repliform: vr sync web-09 rejected: vm.name: no replication of VM "web-09" on the pairing to vc-b.example.local; replicated VMs: "web-01"');
    expect(posts('sync')).toHaveLength(0);
  });
});

describe('repliform vr pause and resume', () => {
  test('pause opens the remote session before pausing; the replication is PAUSED', async () => {
    await replicate();
    const from = sim.requests.length;
    const result = await cli(['vr', 'pause', ...byVm()], env());
    expect(result.code).toBe(0);
    expect(live().status.status).toBe('PAUSED');
    expect(JSON.parse(result.stdout)).toMatchObject({ operation: 'pause', performed: true, status: 'PAUSED' });
    const posted = sim.requests.slice(from).filter((r) => r.method === 'POST').map((r) => r.path.replace(/^.*\/pairings\/[^/]+/, '{P}').replace(/replications\/[^/]+/, 'replications/{id}'));
    expect(posted).toEqual(['/api/rest/vr/v2/session', '{P}/remote-session', '{P}/replications/{id}/actions/pause']);
    expect(sim.requests.slice(from).find((r) => r.path.endsWith('/actions/pause'))?.status).toBe(202);
  });

  test('without the remote session, the simulator refuses a pause (what the CLI avoids)', async () => {
    await replicate();
    const http = axios.create({ baseURL: sim.apiBase, validateStatus: () => true });
    const login = await http.post('/session', undefined, { auth: DEFAULT_USERS.local });
    const refused = await http.post(`/pairings/${PAIRING_ID}/replications/${live().id}/actions/pause`, undefined, {
      headers: { 'x-dr-session': String(login.data.session_id) },
    });
    expect(refused.status).toBe(403);
    expect(live().status.status).toBe('OK');
  });

  test('resume brings a paused replication back to OK; resuming again and pausing twice are no-ops', async () => {
    await replicate();
    expect((await cli(['vr', 'pause', ...byVm()], env())).code).toBe(0);
    const again = await cli(['vr', 'pause', ...byVm()], env());
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('repliform: web-01: already paused; nothing to do');
    expect(JSON.parse(again.stdout)).toMatchObject({ performed: false, status: 'PAUSED' });
    expect(posts('pause')).toHaveLength(1);

    const resumed = await cli(['vr', 'resume', ...byVm()], env());
    expect(resumed.code).toBe(0);
    expect(live().status.status).toBe('OK');
    expect(JSON.parse(resumed.stdout)).toMatchObject({ operation: 'resume', performed: true, status: 'OK' });
    const idle = await cli(['vr', 'resume', ...byVm()], env());
    expect(idle.stderr).toContain('repliform: web-01: not paused (status OK); nothing to resume');
    expect(posts('resume')).toHaveLength(1);
  });
});

describe('naming the replication by its construct in a synthesized stack', () => {
  function synthStack(): string {
    const outdir = join(workDir, 'cdktf.out');
    const app = new App({ outdir });
    const stack = new TerraformStack(app, 'dr-site-b');
    const pairing = new VrPairing(stack, 'site-b', {
      endpoint: sim.url,
      credentials: Credentials.fromEnv('VR_SITE_A_USER', 'VR_SITE_A_PASSWORD'),
      remoteCredentials: Credentials.fromEnv('VR_SITE_B_USER', 'VR_SITE_B_PASSWORD'),
      remoteSite: 'vc-b.example.local',
    });
    new VrReplication(stack, 'web-01', { pairing, vmName: 'web-01', targetDatastore: 'ds-b-gold' });
    new VrReplication(stack, 'web-02', { pairing, vmName: 'web-02', targetDatastore: 'ds-b-gold' });
    app.synth();
    return join(outdir, 'stacks', 'dr-site-b');
  }

  test('--stack-dir and --construct (with or without the stack name) read the spec from cdk.tf.json', async () => {
    await replicate('web-02');
    const stackDir = synthStack();
    const paused = await cli(['vr', 'pause', '--stack-dir', stackDir, '--construct', 'web-02'], env());
    expect(paused.code).toBe(0);
    expect(live('web-02').status.status).toBe('PAUSED');
    const resumed = await cli(['vr', 'resume', '--stack-dir', stackDir, '--construct', 'dr-site-b/web-02'], env());
    expect(resumed.code).toBe(0);
    expect(live('web-02').status.status).toBe('OK');
  });

  test('an unknown construct → exit 2 listing the replications of the stack, nothing sent', async () => {
    const stackDir = synthStack();
    const result = await cli(['vr', 'sync', '--stack-dir', stackDir, '--construct', 'web-03'], env());
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe(
      `repliform: vr sync replication rejected: --construct: no VrReplication at "web-03" in ${join(stackDir, 'cdk.tf.json')}; replications: "dr-site-b/web-01", "dr-site-b/web-02"`,
    );
    expect(sim.requests).toHaveLength(0);
  });
});

describe('bad input → exit 2, one line, nothing sent', () => {
  test.each<[string, (url: string) => string[], string]>([
    ['nothing names the replication', () => [], 'options: name the replication: --stack-dir cdktf.out/stacks/<stack> --construct <path>, or --vm <name> --remote-site <site> --endpoint <url> --username-env <VAR> --password-env <VAR>'],
    ['both ways at once', (url) => ['--stack-dir', 'x', '--vm', 'web-01', '--endpoint', url], 'options: name the replication either with --stack-dir and --construct or with --vm and connection options, not both (got --stack-dir, --vm, --endpoint)'],
    ['no pairing', (url) => ['--vm', 'web-01', '--endpoint', url], '--remote-site/--pairing-id: give exactly one of --remote-site or --pairing-id (the pairing), got neither'],
    ['a password instead of a variable name', (url) => [...BY_VM().slice(0, 4), '--endpoint', url, '--username-env', 'U', '--password-env', 'Hunter2-Secret!'], '--password-env: must be the NAME of an environment variable ([A-Za-z_][A-Za-z0-9_]*), never its value; got something else (not shown)'],
    ['a bad timeout', (url) => [...byVmWith(url), '--timeout-minutes', '0'], '--timeout-minutes: must be a positive integer number of minutes, got "0"'],
    ['a missing stack', () => ['--stack-dir', '/nonexistent/stack', '--construct', 'web-01'], '--stack-dir: cannot read /nonexistent/stack/cdk.tf.json (ENOENT); synthesize first (node main.js) and pass cdktf.out/stacks/<stack>'],
  ])('%s', async (_name, args, message) => {
    const result = await cli(['vr', 'pause', ...args(sim.url)], env());
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^repliform: vr pause \S+ rejected: /);
    expect(result.stderr.trim().replace(/^repliform: vr pause \S+ rejected: /, '')).toBe(message);
    expect(result.stderr).not.toContain('Hunter2');
    expect(sim.requests).toHaveLength(0);
  });

  test('an unset credentials variable → exit 2 naming it', async () => {
    const result = await cli(['vr', 'sync', ...byVm()], { ...env(), VR_SITE_A_PASSWORD: undefined });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('VR_SITE_A_PASSWORD');
  });
});

function byVmWith(url: string): string[] {
  return [...BY_VM(), '--endpoint', url];
}

describe('kind vr.replication-sync (the resource a syncTrigger adds)', () => {
  test('create syncs now and waits; delete does nothing', async () => {
    await replicate();
    const spec = JSON.stringify(replicationSpecInput(sim.url));
    const created = await cli(['lifecycle', 'create', 'vr.replication-sync'], env({ REPLIFORM_SPEC: spec }));
    expect(created.code).toBe(0);
    expect(posts('sync')).toHaveLength(1);
    expect(JSON.parse(created.stdout)).toMatchObject({ operation: 'sync', performed: true, name: 'web-01' });
    const before = sim.requests.length;
    const deleted = await cli(['lifecycle', 'delete', 'vr.replication-sync'], env({ REPLIFORM_SPEC: spec, REPLIFORM_CACHE_DIR: 'off' }));
    expect(deleted.code).toBe(0);
    expect(sim.requests.slice(before).filter((r) => r.method !== 'GET' && !/session$/.test(r.path))).toEqual([]);
    expect(sim.state.replications).toHaveLength(1);
  });
});

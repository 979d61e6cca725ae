/**
 * The compiled `repliform` CLI as Terraform runs it: a separate process per action, spec in REPLIFORM_SPEC,
 * exit codes 0/1/2, one-line errors, debug request logs without secrets, and crash safety under SIGKILL.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { replicationSpecInput, SIM_ENV } from '../helpers/context';
import { useSimulator } from '../helpers/simulator';

const CLI = join(__dirname, '..', '..', 'dist', 'src', 'cli', 'main.js');

interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

function startCli(args: string[], env: NodeJS.ProcessEnv): { child: ChildProcess; done: Promise<CliResult> } {
  const child = spawn(process.execPath, [CLI, ...args], { env: { PATH: process.env.PATH, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
  const done = new Promise<CliResult>((resolve) => child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 137 : 1), stdout, stderr })));
  return { child, done };
}

function cli(args: string[], env: NodeJS.ProcessEnv): Promise<CliResult> {
  return startCli(args, env).done;
}

const sim = useSimulator({ taskDelayMs: 60 });
let cacheDir: string;

beforeEach(async () => {
  cacheDir = join(mkdtempSync(join(tmpdir(), 'repliform-cli-')), 'cache');
});

function specEnv(overrides = {}, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return { ...SIM_ENV, REPLIFORM_CACHE_DIR: cacheDir, REPLIFORM_SPEC: JSON.stringify(replicationSpecInput(sim.url, overrides)), ...extra };
}

describe('exit codes and messages', () => {
  test('create prints the state JSON on stdout and progress lines on stderr, exit 0', async () => {
    const result = await cli(['lifecycle', 'create', 'vr.replication'], specEnv());
    expect(result.code).toBe(0);
    const state = JSON.parse(result.stdout) as { id: string; name: string; settings: { rpo_minutes: number } };
    expect(state).toMatchObject({ name: 'web-01', settings: { rpo_minutes: 15 } });
    expect(state.id).toBe(sim.state.replications[0].info.id);
    expect(result.stderr).toContain('repliform: configuring replication of web-01: started');
    expect(result.stderr).toContain('repliform: configuring replication of web-01: done');
  });

  test('malformed spec JSON → exit 2, one line, nothing sent', async () => {
    const result = await cli(['lifecycle', 'create', 'vr.replication'], { ...SIM_ENV, REPLIFORM_SPEC: '{"connection": ' });
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^repliform: vr\.replication create rejected: spec: REPLIFORM_SPEC is not valid JSON \(/);
    expect(sim.requests).toHaveLength(0);
  });

  test('unknown kind → exit 2 naming the allowed kinds', async () => {
    const result = await cli(['lifecycle', 'create', 'vr.replicaton'], specEnv());
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe('repliform: vr.replicaton create rejected: kind: unknown kind "vr.replicaton"; allowed: "vr.pairing", "vr.replication", "vr.replication-sync", "vcda.site", "vcda.replication", "vcda.test-failover", "sdrs.protection-group", "sdrs.replication-pair", "sdrs.protected-instance", "sdrs.replication-attachment", "sdrs.protection", "sdrs.drill"');
  });

  test('an invalid field → exit 2 naming the construct prop the user wrote, the spec field, the range and the value', async () => {
    const result = await cli(['lifecycle', 'create', 'vr.replication'], specEnv({ settings: { rpo_minutes: 3 } }));
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe(
      'repliform: vr.replication create rejected: rpoMinutes (settings.rpo_minutes): must be an integer between 5 and 1440 minutes, got 3 [vr.replication spec]',
    );
    expect(sim.requests).toHaveLength(0);
  });

  test('a wrong password → exit 1 naming the endpoint and user, never the password', async () => {
    const result = await cli(['lifecycle', 'create', 'vr.replication'], specEnv({}, { VR_SITE_A_PASSWORD: 'Wr0ng-Canary-Passw0rd' }));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('administrator@vsphere.local');
    expect(result.stderr).not.toContain('Wr0ng-Canary-Passw0rd');
    expect(sim.state.replications).toHaveLength(0);
  });

  test('an unreachable endpoint → exit 1 with the address', async () => {
    const spec = { ...replicationSpecInput('http://127.0.0.1:9'), timeouts: { create_seconds: 5 } };
    const result = await cli(['lifecycle', 'create', 'vr.replication'], { ...SIM_ENV, REPLIFORM_SPEC: JSON.stringify(spec) });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/ECONNREFUSED/);
    expect(result.stderr).toContain('127.0.0.1:9');
  });

  test('REPLIFORM_LOG=debug logs each request without credentials or session ids', async () => {
    const result = await cli(['lifecycle', 'create', 'vr.replication'], specEnv({}, { REPLIFORM_LOG: 'debug' }));
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/repliform debug: POST \/api\/rest\/vr\/v2\/session 200 \d+ms/);
    expect(result.stderr).toMatch(/repliform debug: POST \/api\/rest\/vr\/v2\/pairings\/[^ ]+\/replications 202 \d+ms/);
    for (const secret of [SIM_ENV.VR_SITE_A_PASSWORD, SIM_ENV.VR_SITE_B_PASSWORD, ...sim.issuedSessionIds]) {
      expect(result.stderr).not.toContain(secret);
      expect(result.stdout).not.toContain(secret);
    }
  });

  test('REPLIFORM_METRICS_FILE gets one line per process with start-up, memory and request counts', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'repliform-metrics-')), 'metrics.jsonl');
    const result = await cli(['lifecycle', 'create', 'vr.replication'], specEnv({}, { REPLIFORM_METRICS_FILE: file }));
    expect(result.code).toBe(0);
    const lines = readFileSync(file, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as Record<string, number | string>);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ action: 'create', kind: 'vr.replication', exitCode: 0, logins: 1, requests: sim.requests.length });
    expect(lines[0].startupMs).toBeGreaterThan(0);
    expect(lines[0].maxRssKb).toBeGreaterThan(10_000);
    expect(lines[0].taskPolls).toBe(sim.requests.filter((r) => /\/tasks\//.test(r.path)).length);
  });

  test('read prints null for a replication that does not exist', async () => {
    const result = await cli(['lifecycle', 'read', 'vr.replication'], specEnv());
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toBe('null');
  });
});

test('killed with SIGKILL during create, a rerun converges on exactly one replication', async () => {
  sim.setTaskDelay(4000);
  const first = startCli(['lifecycle', 'create', 'vr.replication'], specEnv());
  const deadline = Date.now() + 15_000;
  while (sim.state.replications.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  expect(sim.state.replications).toHaveLength(1);
  first.child.kill('SIGKILL');
  expect((await first.done).code).toBe(137);

  sim.setTaskDelay(60);
  const rerun = await cli(['lifecycle', 'create', 'vr.replication'], specEnv());
  expect(rerun.code).toBe(0);
  expect(sim.state.replications.filter((r) => r.info.name === 'web-01')).toHaveLength(1);
  expect(sim.requests.filter((r) => r.method === 'POST' && /\/pairings\/[^/]+\/replications$/.test(r.path))).toHaveLength(1);
  expect(JSON.parse(rerun.stdout)).toMatchObject({ name: 'web-01', configuration_state: 'OK' });
});

describe('processes side by side, as Terraform runs them', () => {
  test('share one login and one remote session, and list pairings and datastores once', async () => {
    sim.setTaskDelay(300);
    const vms = ['web-01', 'web-02', 'web-03', 'web-04', 'web-05', 'app-01'];
    const results = await Promise.all(vms.map((vm) => cli(['lifecycle', 'create', 'vr.replication'], specEnv({ vm: { name: vm } }))));
    expect(results.map((r) => r.code)).toEqual(vms.map(() => 0));
    const count = (method: string, pattern: RegExp) => sim.requests.filter((r) => r.method === method && pattern.test(r.path)).length;
    expect(count('POST', /\/session$/)).toBe(1);
    expect(count('POST', /\/remote-session$/)).toBe(1);
    expect(count('GET', /\/pairings$/)).toBe(1);
    expect(count('GET', /\/datastores$/)).toBe(1);
    expect(count('DELETE', /\/session$/)).toBe(0);
    expect(sim.state.replications).toHaveLength(vms.length);
  });

  test('after the shared session expires, one process logs in again for all', async () => {
    expect((await cli(['lifecycle', 'create', 'vr.replication'], specEnv())).code).toBe(0);
    sim.expireSessions();
    const reads = await Promise.all(['web-01', 'web-01', 'web-01'].map(() => cli(['lifecycle', 'read', 'vr.replication'], specEnv())));
    expect(reads.map((r) => r.code)).toEqual([0, 0, 0]);
    expect(sim.requests.filter((r) => r.method === 'POST' && /\/session$/.test(r.path))).toHaveLength(2);
  });

  test('the shared session file is private to the user', async () => {
    expect((await cli(['lifecycle', 'read', 'vr.replication'], specEnv())).code).toBe(0);
    const { readdirSync, statSync } = await import('node:fs');
    expect(statSync(cacheDir).mode & 0o777).toBe(0o700);
    const files = readdirSync(cacheDir);
    expect(files.some((f) => f.endsWith('-session.json'))).toBe(true);
    for (const file of files) expect(statSync(join(cacheDir, file)).mode & 0o777).toBe(0o600);
    for (const file of files) expect(file).not.toContain(SIM_ENV.VR_SITE_A_PASSWORD);
  });
});

describe('update right after create', () => {
  test('the same spec is not sent again: no request at all', async () => {
    expect((await cli(['lifecycle', 'create', 'vr.replication'], specEnv())).code).toBe(0);
    const before = sim.requests.length;
    const update = await cli(['lifecycle', 'update', 'vr.replication'], specEnv());
    expect(update.code).toBe(0);
    expect(update.stderr.trim()).toBe('repliform: vr.replication: nothing to update: the create that just ran applied exactly this spec');
    expect(sim.requests.length).toBe(before);
  });

  test('the marker is used once: changing an RPO and changing it back are both applied', async () => {
    expect((await cli(['lifecycle', 'create', 'vr.replication'], specEnv())).code).toBe(0);
    expect((await cli(['lifecycle', 'update', 'vr.replication'], specEnv())).stderr).toContain('nothing to update');
    expect((await cli(['lifecycle', 'update', 'vr.replication'], specEnv({ settings: { rpo_minutes: 30 } }))).code).toBe(0);
    const back = await cli(['lifecycle', 'update', 'vr.replication'], specEnv());
    expect(back.code).toBe(0);
    expect(JSON.parse(back.stdout)).toMatchObject({ settings: { rpo_minutes: 15 } });
    expect(sim.state.replications[0].info.rpo).toBe(15);
    expect(sim.requests.filter((r) => r.path.endsWith('/actions/reconfigure'))).toHaveLength(2);
  });

  test('a changed spec is reconfigured as usual', async () => {
    expect((await cli(['lifecycle', 'create', 'vr.replication'], specEnv())).code).toBe(0);
    const changed = await cli(['lifecycle', 'update', 'vr.replication'], specEnv({ settings: { rpo_minutes: 30 } }));
    expect(changed.code).toBe(0);
    expect(JSON.parse(changed.stdout)).toMatchObject({ settings: { rpo_minutes: 30 } });
    expect(sim.requests.filter((r) => r.path.endsWith('/actions/reconfigure'))).toHaveLength(1);
  });

  test('without a cache directory every update asks the server', async () => {
    const env = specEnv({}, { REPLIFORM_CACHE_DIR: 'off' });
    expect((await cli(['lifecycle', 'create', 'vr.replication'], env)).code).toBe(0);
    const before = sim.requests.length;
    const update = await cli(['lifecycle', 'update', 'vr.replication'], env);
    expect(update.code).toBe(0);
    expect(update.stderr).toContain('settings already match');
    expect(sim.requests.length).toBeGreaterThan(before);
  });
});

describe('a resource without a spec, as `terraform import` leaves it (input null)', () => {
  const NO_SPEC =
    'this resource has no spec (its input is null), which is what `terraform import` leaves: repliform lifecycle resources cannot be imported';

  test.each(['null', '{}', ' { } '])('delete with REPLIFORM_SPEC=%j succeeds without touching anything, with a loud warning', async (spec) => {
    const result = await cli(['lifecycle', 'delete', 'vr.replication'], { ...SIM_ENV, REPLIFORM_CACHE_DIR: cacheDir, REPLIFORM_SPEC: spec });
    expect(result.code).toBe(0);
    expect(result.stderr.trim()).toBe(
      `repliform warning: vr.replication delete skipped: ${NO_SPEC}. Nothing was deleted on the server: a replication that exists is left as it is. ` +
        'If this was `terraform import`, the create that follows manages the real object (with `adopt: true` when this code did not create it).',
    );
    expect(sim.requests).toHaveLength(0);
  });

  test.each(['create', 'update', 'read'])('%s with a null spec → exit 2 saying what happened and what to do', async (action) => {
    const result = await cli(['lifecycle', action, 'vr.replication'], { ...SIM_ENV, REPLIFORM_CACHE_DIR: cacheDir, REPLIFORM_SPEC: 'null' });
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe(
      `repliform: vr.replication ${action} rejected: spec: ${NO_SPEC}; run \`terraform state rm <address>\` (the address Terraform shows for this resource), ` +
        'then apply again; to take over a replication this code did not create, set `adopt: true` on its VrReplication instead of importing',
    );
    expect(sim.requests).toHaveLength(0);
  });

  test('a delete with a spec still removes the replication', async () => {
    expect((await cli(['lifecycle', 'create', 'vr.replication'], specEnv())).code).toBe(0);
    expect((await cli(['lifecycle', 'delete', 'vr.replication'], specEnv())).code).toBe(0);
    expect(sim.state.replications).toHaveLength(0);
  });
});

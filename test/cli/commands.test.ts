/**
 * The `repliform` program as a user meets it (the compiled CLI): every sub-command's options are listed by its
 * --help; a usage error is one line naming the command and the problem, then the command's help, with the
 * command's exit code (review 1, since its 2 means "changes"; the others 2); and `lifecycle`, started once per
 * Terraform resource, loads no module of review or of the simulator.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { knownKinds } from '../../src/resources/registry';

const DIST = join(__dirname, '..', '..', 'dist');
const CLI = join(DIST, 'src', 'cli', 'main.js');

function cli(args: string[], preload: string[] = []): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [...preload, CLI, ...args], { env: { PATH: process.env.PATH }, encoding: 'utf8', timeout: 20_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function optionsListed(help: string): string[] {
  return [...help.matchAll(/^ {2}(?:-\w, )?(--[\w-]+)/gm)].map((match) => match[1]);
}

test('`repliform review --help` lists every review option and the exit codes, on stdout, exit 0', () => {
  const { code, stdout, stderr } = cli(['review', '--help']);
  expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
  expect(stdout).toMatch(/^Usage: repliform review \(--plan FILE\.\.\. \| --synth-dir DIR\) \[options\]\n/);
  expect(optionsListed(stdout)).toEqual(['--plan', '--synth-dir', '--terraform', '--live', '--format', '--out', '--also', '--fail-on', '--color', '--no-color', '--help']);
  expect(stdout).toContain('Exit codes, like terraform plan -detailed-exitcode: 0 no changes, 2 changes (of any resource), 1 error or a --fail-on risk.');
});

test('`repliform simulator --help` lists every simulator option, exit 0, and starts nothing', () => {
  const { code, stdout, stderr } = cli(['simulator', '--help']);
  expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
  expect(stdout).toMatch(/^Usage: repliform simulator \[options\]\n/);
  expect(optionsListed(stdout)).toEqual(['--port', '--host', '--tls', '--task-delay-ms', '--state', '--faults', '--extra-vms', '--rate-limit', '--help']);
  expect(stdout).not.toContain('repliform simulator listening on');
});

test('`repliform lifecycle --help` lists every kind of the registry, each vendor\'s', () => {
  const { code, stdout, stderr } = cli(['lifecycle', '--help']);
  expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
  const argumentsSection = stdout.slice(stdout.indexOf('Arguments:'), stdout.indexOf('Options:'));
  expect(argumentsSection.match(/\b[a-z]+\.[a-z-]+/g)).toEqual(knownKinds());
  expect(knownKinds().filter((kind) => !/^(vr|vcda|sdrs)\./.test(kind))).toEqual([]);
  expect(new Set(knownKinds().map((kind) => kind.split('.')[0]))).toEqual(new Set(['vr', 'vcda', 'sdrs']));
});

test('`repliform simulator --help` names the three services it simulates', () => {
  const stdout = cli(['simulator', '--help']).stdout.replace(/\s+/g, ' ');
  expect(stdout).not.toContain('the embedded vSphere Replication API simulator');
  expect(stdout).toContain(
    'Runs the embedded simulator of vSphere Replication (VR), Cloud Director Availability (VCDA) and Huawei Cloud SDRS on 127.0.0.1 until SIGINT/SIGTERM.',
  );
  const root = cli(['--help']).stdout.replace(/\s+/g, ' ');
  expect(root).toContain(' simulator [options] run the embedded VR, VCDA and SDRS simulator on 127.0.0.1 ');
});

test.each([
  [['review', '--plan', 'plan.json', '--bogus'], 1, "repliform review: unknown option '--bogus'", 'Usage: repliform review'],
  [['review', '--plan', 'plan.json', '--format', 'html'], 1, 'repliform review: --format must be one of text, markdown, json, got "html"', 'Usage: repliform review'],
  [['review'], 1, 'repliform review: give either --plan FILE (repeatable) or --synth-dir DIR', 'Usage: repliform review'],
  [['simulator', '--port', 'x'], 2, "repliform simulator: option '--port' must be a non-negative integer, got 'x'", 'Usage: repliform simulator'],
  [['simulator', '--bogus'], 2, "repliform simulator: unknown option '--bogus'", 'Usage: repliform simulator'],
  [['lifecycle', 'create'], 2, "repliform lifecycle: missing required argument 'kind'", 'Usage: repliform lifecycle'],
  [['vr', 'sync', '--bogus'], 2, "repliform vr sync: unknown option '--bogus'", 'Usage: repliform vr sync'],
])('usage error %j: exit %i, one line naming the problem, then the help', (args, exitCode, line, usage) => {
  const { code, stdout, stderr } = cli(args);
  expect({ code, stdout }).toEqual({ code: exitCode, stdout: '' });
  const [first, blank, third] = stderr.split('\n');
  expect([first, blank]).toEqual([line, '']);
  expect(third.startsWith(usage)).toBe(true);
});

test('`lifecycle` loads no module of review or of the simulator (Terraform starts one process per resource)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'repliform-modules-'));
  try {
    const list = join(dir, 'modules.json');
    const hook = join(dir, 'hook.js');
    writeFileSync(hook, `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(list)}, JSON.stringify(Object.keys(require.cache))));\n`);
    const { code, stderr } = cli(['lifecycle', 'read', 'vr.no-such-kind'], ['--require', hook]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/vr\.no-such-kind/);
    const loaded = (JSON.parse(readFileSync(list, 'utf8')) as string[]).filter((file) => file.startsWith(DIST)).map((file) => file.slice(DIST.length + 1));
    expect(loaded).toContain('src/cli/lifecycle.js');
    expect(loaded.filter((file) => /^src\/(review|simulator)\//.test(file))).toEqual([]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

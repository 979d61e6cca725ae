/**
 * What a user sees when their app meets invalid props, under every way the README and users run an app:
 * `node main.js`, `npx ts-node main.ts` (type-checking and `-T` transpile-only), `npx tsx main.ts` and
 * `cdktf synth` (whose cdktf.json runs `npx ts-node main.ts`). Each must print the construct path, the field,
 * what is allowed and the value given, and exit non-zero — ts-node used to exit 0 silently, leaving the
 * previous cdk.tf.json for the next apply. The app lives in its own directory with repliform installed in its
 * node_modules the way npm links a package (a link to this checkout, whose dist/ is built), and runs in its
 * own process: the library must not depend on process-wide handlers, and installs none.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const LINKED_PACKAGES = ['cdktf', 'constructs', 'ts-node', 'tsx', 'typescript', '@types', 'cdktf-cli', '.bin'];
const TSCONFIG = { compilerOptions: { target: 'ES2022', module: 'commonjs', strict: true, skipLibCheck: true } };

const RPO_ERROR = "ValidationError: repliform/VrReplication at 'dr-site-b/web-01': rpoMinutes must be an integer between 5 and 1440 minutes, got 3";

interface Run {
  readonly code: number | null;
  readonly stderr: string;
  readonly stdout: string;
}

/** A user's app directory: main.ts (and main.js for `node`), tsconfig.json, cdktf.json, node_modules. */
function userApp(body: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'dr-app-'));
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(ROOT, join(dir, 'node_modules', 'repliform'), 'dir');
  for (const name of LINKED_PACKAGES) symlinkSync(join(ROOT, 'node_modules', name), join(dir, 'node_modules', name), 'dir');
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(TSCONFIG));
  writeFileSync(join(dir, 'cdktf.json'), JSON.stringify({ language: 'typescript', app: 'npx ts-node main.ts', sendCrashReports: 'false' }));
  const setup = `const app = new App();
const stack = new TerraformStack(app, 'dr-site-b');
const pairing = new VrPairing(stack, 'site-b', {
  endpoint: 'https://vr-a.example.local',
  credentials: Credentials.fromEnv('VR_SITE_A_USER', 'VR_SITE_A_PASSWORD'),
  remoteSite: 'vc-b.example.local',
});
${body}
`;
  writeFileSync(join(dir, 'main.ts'), `import { App, TerraformStack } from 'cdktf';\nimport { Credentials, VrPairing, VrReplication } from 'repliform';\n${setup}`);
  writeFileSync(join(dir, 'main.js'), `const { App, TerraformStack } = require('cdktf');\nconst { Credentials, VrPairing, VrReplication } = require('repliform');\n${setup}`);
  return dir;
}

function run(dir: string, command: string, args: readonly string[]): Run {
  const env = { PATH: process.env.PATH, HOME: dir, TF_CLI_CONFIG_FILE: '/dev/null', CHECKPOINT_DISABLE: '1', CI: '1', NO_COLOR: '1' };
  const result = spawnSync(command, args, { cwd: dir, encoding: 'utf8', env, timeout: 300_000 });
  return { code: result.status, stderr: result.stderr, stdout: result.stdout };
}

const RUNNERS: ReadonlyArray<readonly [string, string, readonly string[]]> = [
  ['node main.js', process.execPath, ['main.js']],
  ['npx ts-node main.ts', 'npx', ['ts-node', 'main.ts']],
  ['npx ts-node -T main.ts (transpile-only)', 'npx', ['ts-node', '-T', 'main.ts']],
  ['npx tsx main.ts', 'npx', ['tsx', 'main.ts']],
];

const RPO_APP = `new VrReplication(stack, 'web-01', { pairing, vmName: 'web-01', targetDatastore: 'ds-b', rpoMinutes: 3 });
app.synth();`;

describe.each(RUNNERS)('%s', (_name, command, args) => {
  test('an RPO out of range: the message once, then where in main it was made, exit 1, nothing synthesized', () => {
    const dir = userApp(RPO_APP);
    const { code, stderr } = run(dir, command, args);
    expect(code).toBe(1);
    const lines = stderr.split('\n');
    expect(lines.filter((line) => line === RPO_ERROR)).toHaveLength(1);
    const frames = lines.filter((line) => /^\s+at /.test(line));
    expect(frames[0]).toMatch(/main\.[jt]s:10:1\)$/); // the `new VrReplication` line of the user's file
    expect(frames.filter((frame) => /repliform|node_modules|node:internal/.test(frame))).toEqual([]);
    expect(stderr).not.toContain('constructPath'); // no dump of the error's fields
    expect(existsSync(join(dir, 'cdktf.out', 'stacks', 'dr-site-b', 'cdk.tf.json'))).toBe(false);
  });
});

test('ts-node: the same VM twice names both construct paths, exit 1', () => {
  const dir = userApp(`new VrReplication(stack, 'web-01', { pairing, vmName: 'web-01', targetDatastore: 'ds-b' });
new VrReplication(stack, 'web-01-copy', { pairing, vmName: 'web-01', targetDatastore: 'ds-b' });
app.synth();`);
  const { code, stderr } = run(dir, 'npx', ['ts-node', 'main.ts']);
  expect(code).toBe(1);
  expect(stderr).toContain(
    "ValidationError: repliform/VrReplication at 'dr-site-b/web-01-copy': vmName 'web-01' is already replicated over remote site 'vc-b.example.local' of " +
      "https://vr-a.example.local by 'dr-site-b/web-01'; one VM may have only one VrReplication per pairing (remove one of the two)\n",
  );
});

test('ts-node with the null_resource backing: a double quote in a name is refused, exit 1', () => {
  const dir = userApp(`new VrReplication(stack, 'web-01', { pairing, vmName: 'web-"01', targetDatastore: 'ds-b', backing: 'null_resource' as never });
app.synth();`);
  const { code, stderr } = run(dir, 'npx', ['ts-node', '-T', 'main.ts']);
  expect(code).toBe(1);
  expect(stderr).toMatch(/ValidationError: repliform\/VrReplication at 'dr-site-b\/web-01': vmName must not contain \$\{, %\{, double quotes/);
});

test('node: an async app whose promise rejects prints the message, exit 1', () => {
  const dir = userApp(`async function main() {
  await Promise.resolve();
  new VrReplication(stack, 'web-01', { pairing, vmName: 'web-01', targetDatastore: '' });
  app.synth();
}
main();`);
  const { code, stderr } = run(dir, process.execPath, ['main.js']);
  expect(code).toBe(1);
  expect(stderr).toContain("ValidationError: repliform/VrReplication at 'dr-site-b/web-01': targetDatastore must be a non-empty datastore name, got ''\n");
});

test('cdktf synth (app: npx ts-node main.ts) fails with the message and writes no stack', () => {
  const dir = userApp(RPO_APP);
  const { code, stderr, stdout } = run(dir, 'npx', ['cdktf', 'synth']);
  expect(code).toBe(1);
  expect(`${stdout}\n${stderr}`).toContain(RPO_ERROR);
  expect(existsSync(join(dir, 'cdktf.out', 'stacks', 'dr-site-b', 'cdk.tf.json'))).toBe(false);
});

test('a valid app synthesizes under ts-node and exits 0 with nothing on stderr', () => {
  const dir = userApp(`new VrReplication(stack, 'web-01', { pairing, vmName: 'web-01', targetDatastore: 'ds-b' });
app.synth();`);
  const { code, stderr } = run(dir, 'npx', ['ts-node', 'main.ts']);
  expect(stderr).toBe('');
  expect(code).toBe(0);
  expect(JSON.parse(readFileSync(join(dir, 'cdktf.out', 'stacks', 'dr-site-b', 'cdk.tf.json'), 'utf8'))).toHaveProperty('resource');
});

test('the library installs no process-wide handler: an app that handles uncaught errors itself keeps doing so', () => {
  const dir = userApp(`process.on('uncaughtException', (e) => { console.log('handled by the app: ' + e.constructor.name); process.exit(3); });
new VrReplication(stack, 'web-01', { pairing, vmName: 'web-01', targetDatastore: 'ds-b', rpoMinutes: 3 });`);
  const own = run(dir, process.execPath, ['main.js']);
  expect(own.code).toBe(3);
  expect(own.stdout).toBe('handled by the app: ValidationError\n');

  const caught = userApp(`try { new VrReplication(stack, 'web-01', { pairing, vmName: 'web-01', targetDatastore: 'ds-b', rpoMinutes: 3 }); } catch {}
console.log(process.listenerCount('uncaughtException'), process.listenerCount('unhandledRejection'));`);
  expect(run(caught, process.execPath, ['main.js']).stdout).toBe('0 0\n');
});

/**
 * What a user sees when `node main.js` (or `cdktf synth`, which runs it) meets invalid props: the one-line
 * message — construct path, field, allowed range, value — and a non-zero exit, no stack trace. The app runs
 * in its own Node process against the compiled library (dist/).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const LIBRARY = join(__dirname, '..', '..', 'dist', 'src', 'index.js');

function runApp(body: string): { code: number | null; stderr: string; stdout: string } {
  const dir = mkdtempSync(join(tmpdir(), 'repliform-synth-error-'));
  const file = join(dir, 'main.js');
  writeFileSync(
    file,
    `const { App, TerraformStack, Credentials, VrPairing, VrReplication } = require(${JSON.stringify(LIBRARY)});
const app = new App({ outdir: ${JSON.stringify(join(dir, 'cdktf.out'))} });
const stack = new TerraformStack(app, 'dr-site-b');
const pairing = new VrPairing(stack, 'site-b', {
  endpoint: 'https://vr-a.example.local',
  credentials: Credentials.fromEnv('VR_SITE_A_USER', 'VR_SITE_A_PASSWORD'),
  remoteSite: 'vc-b.example.local',
});
${body}
`,
  );
  const result = spawnSync(process.execPath, [file], { cwd: dir, encoding: 'utf8', env: { PATH: process.env.PATH } });
  return { code: result.status, stderr: result.stderr, stdout: result.stdout };
}

test('an RPO out of range: exactly the one-line message on stderr, exit 1', () => {
  const { code, stderr } = runApp(`new VrReplication(stack, 'web-01', { pairing, vmName: 'web-01', targetDatastore: 'ds-b', rpoMinutes: 3 });
app.synth();`);
  expect(code).toBe(1);
  expect(stderr).toBe("repliform/VrReplication at 'dr-site-b/web-01': rpoMinutes must be an integer between 5 and 1440 minutes, got 3\n");
});

test('the same VM twice: one line naming both construct paths, exit 1', () => {
  const { code, stderr } = runApp(`new VrReplication(stack, 'web-01', { pairing, vmName: 'web-01', targetDatastore: 'ds-b' });
new VrReplication(stack, 'web-01-copy', { pairing, vmName: 'web-01', targetDatastore: 'ds-b' });
app.synth();`);
  expect(code).toBe(1);
  expect(stderr.split('\n')).toEqual([
    "repliform/VrReplication at 'dr-site-b/web-01-copy': vmName 'web-01' is already replicated over remote site 'vc-b.example.local' of " +
      "https://vr-a.example.local by 'dr-site-b/web-01'; one VM may have only one VrReplication per pairing (remove one of the two)",
    '',
  ]);
});

test('an async app whose promise rejects with it prints the same single line', () => {
  const { code, stderr } = runApp(`async function main() {
  await Promise.resolve();
  new VrReplication(stack, 'web-01', { pairing, vmName: 'web-01', targetDatastore: '' });
  app.synth();
}
main();`);
  expect(code).toBe(1);
  expect(stderr).toBe("repliform/VrReplication at 'dr-site-b/web-01': targetDatastore must be a non-empty datastore name, got ''\n");
});

test('a valid app synthesizes and exits 0 with nothing on stderr', () => {
  const { code, stderr } = runApp(`new VrReplication(stack, 'web-01', { pairing, vmName: 'web-01', targetDatastore: 'ds-b' });
app.synth();`);
  expect(stderr).toBe('');
  expect(code).toBe(0);
});

test('an app with its own uncaught-exception handler keeps it; other errors keep their stack', () => {
  const own = runApp(`process.on('uncaughtException', (e) => { console.log('handled by the app: ' + e.constructor.name); process.exit(3); });
new VrReplication(stack, 'web-01', { pairing, vmName: 'web-01', targetDatastore: 'ds-b', rpoMinutes: 3 });`);
  expect(own.code).toBe(3);
  expect(own.stdout).toBe('handled by the app: ValidationError\n');

  const other = runApp(`try { new VrReplication(stack, 'web-01', { pairing, vmName: 'web-01', targetDatastore: 'ds-b', rpoMinutes: 3 }); } catch {}
null.boom;`);
  expect(other.code).toBe(1);
  expect(other.stderr).toMatch(/^TypeError: Cannot read properties of null \(reading 'boom'\)\n {4}at /);
});

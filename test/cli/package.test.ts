/**
 * What `npm pack` puts in the tarball: the CLI (the `bin`), the library, the simulator and the specs; never
 * the main job, the bench, the chaos campaign, their fleet example, or test code. Runs against the dist/
 * of this checkout (`--ignore-scripts`: no rebuild), which holds dist/scripts, so the exclusion is real.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

interface PackEntry {
  readonly files: ReadonlyArray<{ readonly path: string }>;
}

function packedFiles(): string[] {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const out = execFileSync(npm, ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, stdio: ['ignore', 'pipe', 'ignore'] }).toString();
  const [entry] = JSON.parse(out) as PackEntry[];
  return entry.files.map((file) => file.path);
}

test('the tarball has the bin, the library, the simulator and the specs, and no bench, chaos, main job or test code', () => {
  expect(existsSync(join(root, 'dist', 'scripts', 'bench'))).toBe(true); // built here, so leaving it out is the "files" rule's doing
  const files = packedFiles();
  const bin = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { bin: Record<string, string> }).bin.repliform;
  expect(bin).toBe('dist/src/cli/main.js');
  expect(files).toEqual(expect.arrayContaining([bin, 'dist/src/index.js', 'dist/src/index.d.ts', 'dist/src/simulator/index.js', 'specs/vsphere-replication-api-v2.json', 'package.json']));
  expect(files.filter((file) => file.startsWith('dist/scripts/'))).toEqual([]);
  expect(files.filter((file) => file.startsWith('dist/examples/fleet/'))).toEqual([]);
  expect(files.filter((file) => file.startsWith('dist/examples/vcda-fleet/'))).toEqual([]);
  expect(files.filter((file) => /(^|\/)test\/|\.test\.[jt]s$/.test(file))).toEqual([]);
});

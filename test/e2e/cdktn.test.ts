/**
 * Moving to CDK Terrain (`cdktn`, the maintained fork of CDKTF) is a one-file change: a copy of the compiled
 * library in which only src/constructs/cdktf.js imports `cdktn` instead of `cdktf` (and the example app, which
 * is user code, imports `cdktn` too) synthesizes examples/vr-basic into the same cdk.tf.json as the CDKTF build,
 * except the `"//".metadata.version` that each library stamps, and real Terraform applies and destroys it
 * against the simulator.
 */
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { projectRoot, runOrThrow, synthExample, terraform, terraformEnv } from '../../scripts/deploy-kit';
import { startSimulator, type RunningSimulator } from '../../src/simulator';

const USERS = {
  VR_SITE_A_USER: 'administrator@vsphere.local',
  VR_SITE_A_PASSWORD: 'Cdktn-Site-A-5d2c!',
  VR_SITE_B_USER: 'administrator@vsphere.local',
  VR_SITE_B_PASSWORD: 'Cdktn-Site-B-8e1f!',
};
const CDKTF_IMPORT = 'require("cdktf")';
const CDKTN_IMPORT = 'require("cdktn")';

interface Synthesized {
  '//': { metadata: { version: string } & Record<string, unknown> };
  resource: { terraform_data: Record<string, unknown> };
}

let sim: RunningSimulator;
let workDir: string;

beforeAll(async () => {
  sim = await startSimulator({
    taskDelayMs: 50,
    users: {
      local: { username: USERS.VR_SITE_A_USER, password: USERS.VR_SITE_A_PASSWORD },
      remote: { username: USERS.VR_SITE_B_USER, password: USERS.VR_SITE_B_PASSWORD },
    },
  });
  workDir = mkdtempSync(join(tmpdir(), 'repliform-cdktn-'));
});

afterAll(async () => {
  await sim.close();
  rmSync(workDir, { recursive: true, force: true });
});

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.js'))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** Replaces the one `require("cdktf")` of a compiled file; fails if there is not exactly one. */
function switchImport(file: string): void {
  const source = readFileSync(file, 'utf8');
  expect(source.split(CDKTF_IMPORT)).toHaveLength(2);
  writeFileSync(file, source.replace(CDKTF_IMPORT, CDKTN_IMPORT));
}

/**
 * A package like the installed one (package.json, dist/, the same node_modules) with the one-file change
 * made in its compiled output; returns its root.
 */
function cdktnBuild(): string {
  const root = join(workDir, 'repliform-on-cdktn');
  mkdirSync(root);
  for (const part of ['src', 'lib', join('examples', 'vr-basic')]) cpSync(join(projectRoot(), 'dist', part), join(root, 'dist', part), { recursive: true });
  cpSync(join(projectRoot(), 'package.json'), join(root, 'package.json'));
  symlinkSync(join(projectRoot(), 'node_modules'), join(root, 'node_modules'), 'dir');
  switchImport(join(root, 'dist', 'src', 'constructs', 'cdktf.js'));
  switchImport(join(root, 'dist', 'examples', 'vr-basic', 'main.js'));
  return root;
}

function cliShim(root: string): string {
  const bin = join(workDir, 'cdktn-bin');
  mkdirSync(bin);
  writeFileSync(join(bin, 'repliform'), `#!/bin/sh\nexec node "${join(root, 'dist', 'src', 'cli', 'main.js')}" "$@"\n`);
  chmodSync(join(bin, 'repliform'), 0o755);
  return bin;
}

function readSynthesized(stackDir: string): Synthesized {
  return JSON.parse(readFileSync(join(stackDir, 'cdk.tf.json'), 'utf8')) as Synthesized;
}

function withoutVersion(json: Synthesized): unknown {
  const { version: _version, ...metadata } = json['//'].metadata;
  void _version;
  return { ...json, '//': { ...json['//'], metadata } };
}

test('no compiled module but src/constructs/cdktf.js imports cdktf', () => {
  const dist = join(projectRoot(), 'dist');
  const importers = [...filesUnder(join(dist, 'src')), ...filesUnder(join(dist, 'lib'))]
    .filter((file) => readFileSync(file, 'utf8').includes(CDKTF_IMPORT))
    .map((file) => relative(dist, file));
  expect(importers).toEqual([join('src', 'constructs', 'cdktf.js')]);
});

test('with cdktn in that one module, vr-basic synthesizes the same cdk.tf.json and Terraform applies and destroys it', async () => {
  const env = terraformEnv(workDir, { ...USERS, VR_ENDPOINT: sim.url, WEB_RPO_MINUTES: '15' });
  for (const flavour of ['cdktf', 'cdktn']) mkdirSync(join(workDir, flavour));
  const cdktfStack = (await synthExample('vr-basic', join(workDir, 'cdktf', 'cdktf.out'), env))['vr-basic'];

  const root = cdktnBuild();
  const example = join(root, 'dist', 'examples', 'vr-basic');
  const resolved = await runOrThrow('node', ['-p', "require.resolve('repliform')"], { cwd: example, env });
  expect(resolved.stdout.trim()).toBe(join(root, 'dist', 'src', 'index.js'));
  const cdktnOut = join(workDir, 'cdktn', 'cdktf.out');
  await runOrThrow('node', [join(example, 'main.js')], { cwd: root, env: { ...env, CDKTF_OUTDIR: cdktnOut } });
  const cdktnStack = join(cdktnOut, 'stacks', 'vr-basic');

  const fromCdktf = readSynthesized(cdktfStack);
  const fromCdktn = readSynthesized(cdktnStack);
  expect([fromCdktf['//'].metadata.version, fromCdktn['//'].metadata.version]).toEqual(['0.21.0', '0.24.0']);
  expect(withoutVersion(fromCdktn)).toEqual(withoutVersion(fromCdktf));
  expect(Object.keys(fromCdktn.resource.terraform_data)).toHaveLength(7);

  const cdktnEnv = { ...env, PATH: `${cliShim(root)}:${env.PATH ?? ''}` };
  await terraform(cdktnStack, ['init'], cdktnEnv);
  await terraform(cdktnStack, ['apply', '-auto-approve'], cdktnEnv);
  const live = sim.state.replications.map((r) => [r.info.name, r.info.rpo, r.info.configuration_state]).sort();
  expect(live).toEqual([
    ['db-01', 5, 'OK'],
    ['web-01', 15, 'OK'],
    ['web-02', 15, 'OK'],
  ]);

  await terraform(cdktnStack, ['destroy', '-auto-approve'], cdktnEnv);
  expect(sim.state.replications).toEqual([]);
  expect(sim.state.removedReplications.map((r) => r.name).sort()).toEqual(['db-01', 'web-01', 'web-02']);
});

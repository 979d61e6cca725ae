/**
 * `repliform provider install`: the provider package copied into a filesystem mirror, the CLI configuration, bad
 * options, and real `terraform init` (1.11) finding the provider offline — through the written CLI configuration
 * and through Terraform's implied local mirror under $HOME — then starting it (`terraform validate`: handshake
 * and mTLS). Needs the built package (dist/provider-package/, `npm run build`).
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { defaultContext, runProviderInstall, type InstallContext, type InstallOptions } from '../../src/provider/install';

const exec = promisify(execFile);
const RELATIVE_DIR = 'repliform.invalid/repliform/repliform/0.1.0/linux_amd64';
const LAUNCHER = 'terraform-provider-repliform_v0.1.0';
const BUNDLE = 'repliform-provider.cjs';
/** The launcher, the same for every install: no path of the machine, the bundle beside it, node from PATH. */
const LAUNCHER_TEXT = [
  '#!/bin/sh',
  '# repliform.invalid/repliform/repliform 0.1.0: Terraform runs this file; it runs the provider bundle beside it',
  '# with the node on PATH (Node.js 24; 20 or later runs it), or with $REPLIFORM_NODE when that is set.',
  'case $0 in */*) here=${0%/*} ;; *) here=$(command -v -- "$0") && here=${here%/*} ;; esac',
  '# On stdout: Terraform shows the first line a plugin prints there when it is not a handshake.',
  'command -v "${REPLIFORM_NODE:-node}" >/dev/null || { echo "terraform-provider-repliform: no Node.js found: put node (20 or later) on the PATH Terraform runs with, or set REPLIFORM_NODE to its path"; exit 1; }',
  "# Node 22.1+ keeps the compiled bundle in the user's cache between starts (Terraform starts the provider several",
  '# times per command); NODE_COMPILE_CACHE set (even empty) or no home directory: left as it is.',
  'if [ -z "${NODE_COMPILE_CACHE+set}" ] && [ -n "${XDG_CACHE_HOME:-$HOME}" ]; then',
  '  NODE_COMPILE_CACHE=${XDG_CACHE_HOME:-$HOME/.cache}/repliform/node-compile-cache; export NODE_COMPILE_CACHE',
  'fi',
  'exec "${REPLIFORM_NODE:-node}" "$here/repliform-provider.cjs" "$@"',
  '',
].join('\n');

let workDir: string;

beforeEach(() => {
  workDir = mkdtempSync(join(tmpdir(), 'repliform-install-'));
});

afterEach(() => rmSync(workDir, { recursive: true, force: true }));

function install(options: InstallOptions, home = join(workDir, 'home'), packageDir?: string): { code: number; stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  const base = defaultContext();
  const context: InstallContext = { ...base, env: { HOME: home }, platform: 'linux', arch: 'x64', packageDir: packageDir ?? base.packageDir };
  const code = runProviderInstall(options, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) }, context);
  return { code, stdout, stderr };
}

function writeStack(dir: string): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'main.tf'),
    'terraform {\n  required_providers {\n    repliform = { source = "repliform.invalid/repliform/repliform" }\n  }\n}\n\nprovider "repliform" {}\n',
  );
}

async function terraform(dir: string, env: NodeJS.ProcessEnv, ...args: string[]): Promise<string> {
  const { stdout, stderr } = await exec('terraform', [...args, '-no-color'], {
    cwd: dir,
    env: { PATH: process.env.PATH, CHECKPOINT_DISABLE: '1', TF_IN_AUTOMATION: '1', ...env },
  });
  return stdout + stderr;
}

describe('repliform provider install', () => {
  it('copies the provider package (the fixed launcher, executable, and the bundle) into $HOME/.terraform.d/plugins by default, replacing what was there', () => {
    const home = join(workDir, 'home');
    const first = install({}, home);
    expect(first.code).toBe(0);
    const dir = join(home, '.terraform.d', 'plugins', RELATIVE_DIR);
    expect(readdirSync(dir).sort()).toEqual([BUNDLE, LAUNCHER]);
    expect(readFileSync(join(dir, LAUNCHER), 'utf8')).toBe(LAUNCHER_TEXT);
    expect(statSync(join(dir, LAUNCHER)).mode & 0o777).toBe(0o755);
    expect(readFileSync(join(dir, BUNDLE)).equals(readFileSync(join(defaultContext().packageDir, BUNDLE)))).toBe(true);
    expect(first.stdout).toContain(`installed repliform.invalid/repliform/repliform 0.1.0 (linux_amd64) into the filesystem mirror ${join(home, '.terraform.d', 'plugins')}`);
    expect(first.stdout).toContain(`  ${join(dir, LAUNCHER)}\n  runs ${BUNDLE} beside it with the node on PATH (or $REPLIFORM_NODE) when Terraform starts it\n`);
    expect(first.stdout).toContain("Terraform's implied local mirror");
    expect(first.stdout).toContain('repliform = { source = "repliform.invalid/repliform/repliform", version = "0.1.0" }');
    writeFileSync(join(dir, LAUNCHER), 'stale');
    writeFileSync(join(dir, 'stray'), 'a file that would change the hash');
    expect(install({}, home).code).toBe(0);
    expect(readFileSync(join(dir, LAUNCHER), 'utf8')).toBe(LAUNCHER_TEXT);
    expect(readdirSync(dir).sort()).toEqual([BUNDLE, LAUNCHER]);
  });

  it('installs the same package for each --platform given', () => {
    const mirror = join(workDir, 'mirror');
    const result = install({ mirror, platform: ['linux_amd64', 'darwin_arm64', 'linux_amd64'] });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`installed repliform.invalid/repliform/repliform 0.1.0 (linux_amd64, darwin_arm64) into the filesystem mirror ${mirror}`);
    const versionDir = join(mirror, 'repliform.invalid', 'repliform', 'repliform', '0.1.0');
    expect(readdirSync(versionDir).sort()).toEqual(['darwin_arm64', 'linux_amd64']);
    for (const file of [BUNDLE, LAUNCHER]) {
      expect(readFileSync(join(versionDir, 'darwin_arm64', file)).equals(readFileSync(join(versionDir, 'linux_amd64', file)))).toBe(true);
    }
  });

  it('writes a CLI configuration whose filesystem mirror is the only source of repliform/*', () => {
    const mirror = join(workDir, 'mirror');
    const cliConfig = join(workDir, 'terraform.rc');
    const result = install({ mirror, cliConfig });
    expect(result.code).toBe(0);
    expect(readFileSync(cliConfig, 'utf8')).toContain(
      `provider_installation {\n  filesystem_mirror {\n    path    = "${mirror}"\n    include = ["repliform.invalid/repliform/*"]\n  }\n  direct {\n    exclude = ["repliform.invalid/repliform/*"]\n  }\n}\n`,
    );
    expect(result.stdout).toContain(`export TF_CLI_CONFIG_FILE=${cliConfig}`);
    expect(install({ mirror, cliConfig }).code).toBe(0); // its own file is overwritten on a rerun
  });

  it('refuses bad options with one line naming the option, writing nothing', () => {
    const file = join(workDir, 'a-file');
    writeFileSync(file, 'x');
    expect(install({ mirror: file })).toEqual({ code: 2, stdout: '', stderr: `repliform provider install: option '--mirror' must be a directory, got the file ${file}\n` });
    expect(install({ mirror: '' }).stderr).toBe("repliform provider install: option '--mirror' must be a directory path, got an empty string\n");
    const foreign = join(workDir, 'my.terraformrc');
    writeFileSync(foreign, 'plugin_cache_dir = "/x"\n');
    const refused = install({ mirror: join(workDir, 'm'), cliConfig: foreign });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(
      `repliform provider install: option '--cli-config': ${foreign} is a CLI configuration repliform did not write; name a new file (or add the provider_installation block to it by hand)\n`,
    );
    expect(readFileSync(foreign, 'utf8')).toBe('plugin_cache_dir = "/x"\n');
    expect(() => statSync(join(workDir, 'm'))).toThrow();
    expect(install({ mirror: join(workDir, 'm'), platform: ['windows_amd64'] })).toEqual({
      code: 2,
      stdout: '',
      stderr:
        "repliform provider install: option '--platform': windows_amd64 is not supported: Terraform on Windows runs a provider only as a Windows executable (.exe), and the launcher is a POSIX sh script: run Terraform under WSL (linux_amd64), or use a lifecycle backing\n",
    });
    expect(install({ mirror: join(workDir, 'm'), platform: ['linux-amd64'] }).stderr).toBe(
      'repliform provider install: option \'--platform\': "linux-amd64" is not a platform the provider package runs on (OS_ARCH with OS one of linux, darwin, freebsd, openbsd and ARCH one of amd64, arm64, 386, arm, e.g. linux_amd64, darwin_arm64)\n',
    );
    expect(() => statSync(join(workDir, 'm'))).toThrow();
  });

  it('refuses to install an incomplete package, writing nothing', () => {
    const empty = join(workDir, 'no-package');
    mkdirSync(empty);
    expect(install({ mirror: join(workDir, 'm') }, join(workDir, 'home'), empty)).toEqual({
      code: 2,
      stdout: '',
      stderr: `repliform provider install: the provider package is incomplete: ${join(empty, BUNDLE)} is missing; build repliform first (npm run build)\n`,
    });
    expect(() => statSync(join(workDir, 'm'))).toThrow();
  });

  it('is found offline by terraform init through the written CLI configuration, and Terraform can start it', async () => {
    const cliConfig = join(workDir, 'terraform.rc');
    expect(install({ mirror: join(workDir, 'mirror'), cliConfig }).code).toBe(0);
    const stack = join(workDir, 'stack');
    writeStack(stack);
    const env = { TF_CLI_CONFIG_FILE: cliConfig, HOME: join(workDir, 'empty-home') };
    const init = await terraform(stack, env, 'init', '-input=false');
    expect(init).toContain('Installing repliform.invalid/repliform/repliform v0.1.0...');
    expect(init).toContain('Installed repliform.invalid/repliform/repliform v0.1.0 (unauthenticated)');
    expect(await terraform(stack, env, 'providers')).toContain('provider[repliform.invalid/repliform/repliform]');
    expect(await terraform(stack, env, 'validate')).toContain('Success! The configuration is valid.');
  });

  it("is found offline by terraform init in Terraform's implied local mirror under $HOME with an empty CLI configuration", async () => {
    const home = join(workDir, 'home');
    expect(install({}, home).code).toBe(0);
    const emptyConfig = join(workDir, 'empty.rc');
    writeFileSync(emptyConfig, '');
    const stack = join(workDir, 'stack');
    writeStack(stack);
    const init = await terraform(stack, { TF_CLI_CONFIG_FILE: emptyConfig, HOME: home }, 'init', '-input=false');
    expect(init).toContain('Installed repliform.invalid/repliform/repliform v0.1.0 (unauthenticated)');
  });
});

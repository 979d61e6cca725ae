/**
 * `repliform provider install`: the launcher in a filesystem mirror, the CLI configuration, bad options, and
 * real `terraform init` (1.11) finding the provider offline — through the written CLI configuration and through
 * Terraform's implied local mirror under $HOME — then starting it (`terraform validate`: handshake and mTLS).
 * Needs the compiled provider (dist/src/provider/main.js).
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { defaultContext, runProviderInstall, type InstallOptions } from '../../src/provider/install';

const exec = promisify(execFile);
const RELATIVE_LAUNCHER = 'registry.terraform.io/repliform/repliform/0.1.0/linux_amd64/terraform-provider-repliform_v0.1.0';

let workDir: string;

beforeEach(() => {
  workDir = mkdtempSync(join(tmpdir(), 'repliform-install-'));
});

afterEach(() => rmSync(workDir, { recursive: true, force: true }));

function install(options: InstallOptions, home = join(workDir, 'home')): { code: number; stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  const context = { ...defaultContext(), env: { HOME: home }, platform: 'linux' as const, arch: 'x64' };
  const code = runProviderInstall(options, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) }, context);
  return { code, stdout, stderr };
}

function writeStack(dir: string): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'main.tf'),
    'terraform {\n  required_providers {\n    repliform = { source = "repliform/repliform" }\n  }\n}\n\nprovider "repliform" {}\n',
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
  it('writes an executable launcher of this node and provider main into $HOME/.terraform.d/plugins by default, idempotently', () => {
    const home = join(workDir, 'home');
    const first = install({}, home);
    expect(first.code).toBe(0);
    const launcher = join(home, '.terraform.d', 'plugins', RELATIVE_LAUNCHER);
    const { nodePath, providerMain } = defaultContext();
    expect(readFileSync(launcher, 'utf8')).toBe(`#!/bin/sh\nexec "${nodePath}" "${providerMain}" "$@"\n`);
    expect(statSync(launcher).mode & 0o777).toBe(0o755);
    expect(first.stdout).toContain(`installed repliform/repliform 0.1.0 (linux_amd64) into the filesystem mirror ${join(home, '.terraform.d', 'plugins')}`);
    expect(first.stdout).toContain("Terraform's implied local mirror");
    expect(first.stdout).toContain('repliform = { source = "repliform/repliform", version = "0.1.0" }');
    writeFileSync(launcher, 'stale');
    expect(install({}, home).code).toBe(0);
    expect(readFileSync(launcher, 'utf8')).toContain('exec ');
  });

  it('writes a CLI configuration whose filesystem mirror is the only source of repliform/*', () => {
    const mirror = join(workDir, 'mirror');
    const cliConfig = join(workDir, 'terraform.rc');
    const result = install({ mirror, cliConfig });
    expect(result.code).toBe(0);
    expect(readFileSync(cliConfig, 'utf8')).toContain(
      `provider_installation {\n  filesystem_mirror {\n    path    = "${mirror}"\n    include = ["registry.terraform.io/repliform/*"]\n  }\n  direct {\n    exclude = ["registry.terraform.io/repliform/*"]\n  }\n}\n`,
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
  });

  it('is found offline by terraform init through the written CLI configuration, and Terraform can start it', async () => {
    const cliConfig = join(workDir, 'terraform.rc');
    expect(install({ mirror: join(workDir, 'mirror'), cliConfig }).code).toBe(0);
    const stack = join(workDir, 'stack');
    writeStack(stack);
    const env = { TF_CLI_CONFIG_FILE: cliConfig, HOME: join(workDir, 'empty-home') };
    const init = await terraform(stack, env, 'init', '-input=false');
    expect(init).toContain('Installing repliform/repliform v0.1.0...');
    expect(init).toContain('Installed repliform/repliform v0.1.0 (unauthenticated)');
    expect(await terraform(stack, env, 'providers')).toContain('provider[registry.terraform.io/repliform/repliform]');
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
    expect(init).toContain('Installed repliform/repliform v0.1.0 (unauthenticated)');
  });
});

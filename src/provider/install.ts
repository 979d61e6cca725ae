/**
 * `repliform provider install`: copies the provider package (dist/provider-package/: the bundle and its fixed
 * launcher, src/provider/package-layout.ts) into a Terraform filesystem mirror
 * (`DIR/repliform.invalid/repliform/repliform/VERSION/OS_ARCH/`), so that `terraform init` finds it with no
 * network and no registry. The files name no path of this machine, so Terraform's `h1:` hash of them is the same
 * on every machine: one `.terraform.lock.hcl` serves a team. The default DIR is Terraform's implied local mirror
 * `~/.terraform.d/plugins`; `--cli-config FILE` also writes a CLI configuration that makes an explicit mirror of
 * DIR the only source of `repliform.invalid/repliform/*`.
 *
 * Calls no endpoint.
 */
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { packageRoot } from '../package-info';
import { PROVIDER_HOST, PROVIDER_NAMESPACE, PROVIDER_SOURCE, PROVIDER_TYPE, PROVIDER_VERSION } from '../resources/terraform-names';
import { BUNDLE_FILE, launcherFile, packageFiles, PROVIDER_PACKAGE_DIR } from './package-layout';

export interface InstallOptions {
  /** The filesystem mirror directory. @default $HOME/.terraform.d/plugins */
  readonly mirror?: string;
  /** A Terraform CLI configuration file to write (TF_CLI_CONFIG_FILE). */
  readonly cliConfig?: string;
  /** The Terraform platforms to install for (`linux_amd64` …; the package is the same for each). @default this machine's */
  readonly platform?: readonly string[];
}

export interface InstallContext {
  readonly env: NodeJS.ProcessEnv;
  readonly platform: NodeJS.Platform;
  readonly arch: string;
  /** The provider package directory to copy. */
  readonly packageDir: string;
  /** The package's version: the mirror's VERSION directory and the launcher's name. */
  readonly version: string;
}

export interface InstalledPlatform {
  readonly platform: string;
  /** The package's directory in the mirror. */
  readonly dir: string;
  readonly launcher: string;
}

export interface Installed {
  readonly mirror: string;
  readonly version: string;
  readonly platforms: readonly InstalledPlatform[];
  readonly cliConfig?: string;
}

/** Bad input (an option, or a build missing): nothing was written. */
export class InstallInputError extends Error {}

const CLI_CONFIG_MARKER = '# Written by `repliform provider install`';
const INCLUDE = `${PROVIDER_HOST}/${PROVIDER_NAMESPACE}/*`;

const OS_NAMES: Partial<Record<NodeJS.Platform, string>> = { linux: 'linux', darwin: 'darwin', freebsd: 'freebsd', openbsd: 'openbsd' };
const ARCH_NAMES: Record<string, string> = { x64: 'amd64', arm64: 'arm64', ia32: '386', arm: 'arm' };
const TERRAFORM_PLATFORMS = Object.values(OS_NAMES).flatMap((os) => Object.values(ARCH_NAMES).map((cpu) => `${os}_${cpu}`));
const NO_WINDOWS = 'Terraform on Windows runs a provider only as a Windows executable (.exe), and the launcher is a POSIX sh script: run Terraform under WSL (linux_amd64), or use a lifecycle backing';

/** Terraform's name of a platform: `linux_amd64`, `darwin_arm64` … */
export function terraformPlatform(platform: NodeJS.Platform, arch: string): string {
  if (platform === 'win32') throw new InstallInputError(`platform win32 is not supported: ${NO_WINDOWS}`);
  const os = OS_NAMES[platform];
  if (os === undefined) throw new InstallInputError(`the provider launcher is a shell script; platform ${platform} is not supported (supported: ${Object.keys(OS_NAMES).join(', ')})`);
  const cpu = ARCH_NAMES[arch];
  if (cpu === undefined) throw new InstallInputError(`architecture ${arch} has no Terraform name here (supported: ${Object.keys(ARCH_NAMES).join(', ')})`);
  return `${os}_${cpu}`;
}

/** A `--platform` value, checked: one the package runs on (never Windows: it needs an .exe). */
export function checkPlatformOption(name: string): string {
  if (TERRAFORM_PLATFORMS.includes(name)) return name;
  if (name.startsWith('windows_')) throw new InstallInputError(`option '--platform': ${name} is not supported: ${NO_WINDOWS}`);
  throw new InstallInputError(`option '--platform': ${JSON.stringify(name)} is not a platform the provider package runs on (OS_ARCH with OS one of ${Object.values(OS_NAMES).join(', ')} and ARCH one of ${Object.values(ARCH_NAMES).join(', ')}, e.g. linux_amd64, darwin_arm64)`);
}

export function defaultContext(): InstallContext {
  return {
    env: process.env,
    platform: process.platform,
    arch: process.arch,
    packageDir: join(packageRoot(), PROVIDER_PACKAGE_DIR),
    version: PROVIDER_VERSION,
  };
}

/** An HCL string literal (JSON escapes, and no template interpolation). */
function hclString(text: string): string {
  return JSON.stringify(text).replace(/\$\{/g, '$${').replace(/%\{/g, '%%{');
}

export function cliConfigText(mirror: string): string {
  return [
    `${CLI_CONFIG_MARKER}: ${PROVIDER_SOURCE} from the filesystem mirror below, every other provider as usual.`,
    'provider_installation {',
    '  filesystem_mirror {',
    `    path    = ${hclString(mirror)}`,
    `    include = [${hclString(INCLUDE)}]`,
    '  }',
    '  direct {',
    `    exclude = [${hclString(INCLUDE)}]`,
    '  }',
    '}',
    '',
  ].join('\n');
}

export function requiredProvidersSnippet(version: string = PROVIDER_VERSION): string {
  return [
    'terraform {',
    '  required_providers {',
    `    repliform = { source = "${PROVIDER_SOURCE}", version = "${version}" }`,
    '  }',
    '}',
  ].join('\n');
}

function checkDirectoryOption(option: string, path: string): string {
  if (path.trim() === '') throw new InstallInputError(`option '${option}' must be a directory path, got an empty string`);
  const absolute = resolve(path);
  if (existsSync(absolute) && !statSync(absolute).isDirectory()) throw new InstallInputError(`option '${option}' must be a directory, got the file ${absolute}`);
  return absolute;
}

/** An existing file is overwritten only if it is empty or one this command wrote (never someone's own CLI config). */
function checkCliConfigOption(path: string): string {
  if (path.trim() === '') throw new InstallInputError("option '--cli-config' must be a file path, got an empty string");
  const absolute = resolve(path);
  if (!existsSync(absolute)) return absolute;
  if (statSync(absolute).isDirectory()) throw new InstallInputError(`option '--cli-config' must be a file, got the directory ${absolute}`);
  const text = readFileSync(absolute, 'utf8');
  if (text.trim() !== '' && !text.startsWith(CLI_CONFIG_MARKER)) {
    throw new InstallInputError(`option '--cli-config': ${absolute} is a CLI configuration repliform did not write; name a new file (or add the provider_installation block to it by hand)`);
  }
  return absolute;
}

function defaultMirror(env: NodeJS.ProcessEnv): string {
  return join(env.HOME ?? homedir(), '.terraform.d', 'plugins');
}

function checkPackage(context: InstallContext): void {
  for (const file of packageFiles(context.version)) {
    const path = join(context.packageDir, file);
    if (!existsSync(path)) throw new InstallInputError(`the provider package is incomplete: ${path} is missing; build repliform first (npm run build)`);
  }
}

/** Copies the package into the mirror's directory for one platform, replacing what was there (so no stray file changes its hash). */
function copyPackage(mirror: string, platform: string, context: InstallContext): InstalledPlatform {
  const dir = join(mirror, PROVIDER_HOST, PROVIDER_NAMESPACE, PROVIDER_TYPE, context.version, platform);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const file of packageFiles(context.version)) copyFileSync(join(context.packageDir, file), join(dir, file));
  const launcher = join(dir, launcherFile(context.version));
  chmodSync(launcher, 0o755);
  chmodSync(join(dir, BUNDLE_FILE), 0o644);
  return { platform, dir, launcher };
}

/** Installs the package for each platform (and the CLI configuration), overwriting what an earlier run wrote. */
export function installProvider(options: InstallOptions, context: InstallContext = defaultContext()): Installed {
  const mirror = options.mirror === undefined ? defaultMirror(context.env) : checkDirectoryOption('--mirror', options.mirror);
  const cliConfig = options.cliConfig === undefined ? undefined : checkCliConfigOption(options.cliConfig);
  const platforms = options.platform === undefined || options.platform.length === 0 ? [terraformPlatform(context.platform, context.arch)] : [...new Set(options.platform.map(checkPlatformOption))];
  checkPackage(context);

  const installed = platforms.map((platform) => copyPackage(mirror, platform, context));
  if (cliConfig !== undefined) {
    mkdirSync(dirname(cliConfig), { recursive: true });
    writeFileSync(cliConfig, cliConfigText(mirror));
  }
  return { mirror, version: context.version, platforms: installed, ...(cliConfig === undefined ? {} : { cliConfig }) };
}

/** What the command prints: what it did, how Terraform finds it, and what to write in the configuration. */
export function installReport(installed: Installed, defaultMirrorUsed: boolean): string {
  const lines = [
    `installed ${PROVIDER_SOURCE} ${installed.version} (${installed.platforms.map((p) => p.platform).join(', ')}) into the filesystem mirror ${installed.mirror}`,
    ...installed.platforms.map((p) => `  ${p.launcher}`),
    `  runs ${BUNDLE_FILE} beside it with the node on PATH (or $REPLIFORM_NODE) when Terraform starts it`,
  ];
  if (installed.cliConfig !== undefined) {
    lines.push(`wrote the Terraform CLI configuration ${installed.cliConfig}; use it with:`, `  export TF_CLI_CONFIG_FILE=${installed.cliConfig}`);
  } else if (defaultMirrorUsed) {
    lines.push("terraform init finds it there with no configuration (Terraform's implied local mirror), unless your CLI configuration has a provider_installation block.");
  } else {
    lines.push('Terraform does not look in this directory by itself: add --cli-config FILE to write a CLI configuration that uses it.');
  }
  lines.push(
    'Its files are the same on every machine: commit the .terraform.lock.hcl that terraform init writes, and every other install passes it.',
    '',
    'Name it in your configuration:',
    requiredProvidersSnippet(installed.version),
    '',
  );
  return lines.join('\n');
}

export interface InstallOutput {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

/** The command's action: 0 installed, 2 bad input (one line naming the option), 1 anything else failed. */
export function runProviderInstall(
  options: InstallOptions,
  output: InstallOutput = { stdout: (text) => process.stdout.write(text), stderr: (text) => process.stderr.write(text) },
  context: InstallContext = defaultContext(),
): number {
  try {
    const installed = installProvider(options, context);
    output.stdout(installReport(installed, options.mirror === undefined));
    return 0;
  } catch (error) {
    output.stderr(`repliform provider install: ${error instanceof Error ? error.message : String(error)}\n`);
    return error instanceof InstallInputError ? 2 : 1;
  }
}

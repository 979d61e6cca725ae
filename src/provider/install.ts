/**
 * `repliform provider install`: puts a launcher for this installation's provider executable into a Terraform
 * filesystem mirror (`DIR/registry.terraform.io/repliform/repliform/VERSION/OS_ARCH/terraform-provider-repliform_vVERSION`),
 * so that `terraform init` finds it with no network and no registry. The default DIR is Terraform's implied
 * local mirror `~/.terraform.d/plugins`; `--cli-config FILE` also writes a CLI configuration that makes an
 * explicit mirror of DIR the only source of `registry.terraform.io/repliform/*`.
 *
 * Calls no endpoint.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { packageRoot } from '../package-info';
import { PROVIDER_HOST, PROVIDER_NAMESPACE, PROVIDER_SOURCE, PROVIDER_TYPE, PROVIDER_VERSION } from '../resources/terraform-names';

export interface InstallOptions {
  /** The filesystem mirror directory. @default $HOME/.terraform.d/plugins */
  readonly mirror?: string;
  /** A Terraform CLI configuration file to write (TF_CLI_CONFIG_FILE). */
  readonly cliConfig?: string;
}

export interface InstallContext {
  readonly env: NodeJS.ProcessEnv;
  readonly platform: NodeJS.Platform;
  readonly arch: string;
  /** The Node executable the launcher runs. */
  readonly nodePath: string;
  /** The compiled provider main the launcher runs. */
  readonly providerMain: string;
}

export interface Installed {
  readonly mirror: string;
  readonly launcher: string;
  readonly platform: string;
  readonly cliConfig?: string;
}

/** Bad input (an option, or a build missing): nothing was written. */
export class InstallInputError extends Error {}

const CLI_CONFIG_MARKER = '# Written by `repliform provider install`';
const INCLUDE = `${PROVIDER_HOST}/${PROVIDER_NAMESPACE}/*`;

const OS_NAMES: Partial<Record<NodeJS.Platform, string>> = { linux: 'linux', darwin: 'darwin', freebsd: 'freebsd', openbsd: 'openbsd' };
const ARCH_NAMES: Record<string, string> = { x64: 'amd64', arm64: 'arm64', ia32: '386', arm: 'arm' };

/** Terraform's name of a platform: `linux_amd64`, `darwin_arm64` … */
export function terraformPlatform(platform: NodeJS.Platform, arch: string): string {
  const os = OS_NAMES[platform];
  if (os === undefined) throw new InstallInputError(`the provider launcher is a shell script; platform ${platform} is not supported (supported: ${Object.keys(OS_NAMES).join(', ')})`);
  const cpu = ARCH_NAMES[arch];
  if (cpu === undefined) throw new InstallInputError(`architecture ${arch} has no Terraform name here (supported: ${Object.keys(ARCH_NAMES).join(', ')})`);
  return `${os}_${cpu}`;
}

export function defaultContext(): InstallContext {
  return {
    env: process.env,
    platform: process.platform,
    arch: process.arch,
    nodePath: process.execPath,
    providerMain: join(packageRoot(), 'dist', 'src', 'provider', 'main.js'),
  };
}

/** A word of a POSIX shell script, double-quoted. */
function shellQuoted(text: string): string {
  return `"${text.replace(/(["\\$`])/g, '\\$1')}"`;
}

/** An HCL string literal (JSON escapes, and no template interpolation). */
function hclString(text: string): string {
  return JSON.stringify(text).replace(/\$\{/g, '$${').replace(/%\{/g, '%%{');
}

export function launcherScript(nodePath: string, providerMain: string): string {
  return `#!/bin/sh\nexec ${shellQuoted(nodePath)} ${shellQuoted(providerMain)} "$@"\n`;
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

export function requiredProvidersSnippet(): string {
  return [
    'terraform {',
    '  required_providers {',
    `    repliform = { source = "${PROVIDER_SOURCE}", version = "${PROVIDER_VERSION}" }`,
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

/** Installs the launcher (and the CLI configuration), overwriting what an earlier run wrote. */
export function installProvider(options: InstallOptions, context: InstallContext = defaultContext()): Installed {
  const mirror = options.mirror === undefined ? defaultMirror(context.env) : checkDirectoryOption('--mirror', options.mirror);
  const cliConfig = options.cliConfig === undefined ? undefined : checkCliConfigOption(options.cliConfig);
  const platform = terraformPlatform(context.platform, context.arch);
  if (!existsSync(context.providerMain)) throw new InstallInputError(`the provider executable ${context.providerMain} is missing: build repliform first (npm run build)`);

  const launcher = join(mirror, PROVIDER_HOST, PROVIDER_NAMESPACE, PROVIDER_TYPE, PROVIDER_VERSION, platform, `terraform-provider-${PROVIDER_TYPE}_v${PROVIDER_VERSION}`);
  mkdirSync(dirname(launcher), { recursive: true });
  writeFileSync(launcher, launcherScript(context.nodePath, context.providerMain));
  chmodSync(launcher, 0o755);
  if (cliConfig !== undefined) {
    mkdirSync(dirname(cliConfig), { recursive: true });
    writeFileSync(cliConfig, cliConfigText(mirror));
  }
  return { mirror, launcher, platform, ...(cliConfig === undefined ? {} : { cliConfig }) };
}

/** What the command prints: what it did, how Terraform finds it, and what to write in the configuration. */
export function installReport(installed: Installed, context: InstallContext, defaultMirrorUsed: boolean): string {
  const lines = [
    `installed ${PROVIDER_SOURCE} ${PROVIDER_VERSION} (${installed.platform}) into the filesystem mirror ${installed.mirror}`,
    `  ${installed.launcher}`,
    `  runs: ${context.nodePath} ${context.providerMain}`,
  ];
  if (installed.cliConfig !== undefined) {
    lines.push(`wrote the Terraform CLI configuration ${installed.cliConfig}; use it with:`, `  export TF_CLI_CONFIG_FILE=${installed.cliConfig}`);
  } else if (defaultMirrorUsed) {
    lines.push("terraform init finds it there with no configuration (Terraform's implied local mirror), unless your CLI configuration has a provider_installation block.");
  } else {
    lines.push('Terraform does not look in this directory by itself: add --cli-config FILE to write a CLI configuration that uses it.');
  }
  lines.push('', 'Name it in your configuration:', requiredProvidersSnippet(), '');
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
    output.stdout(installReport(installed, context, options.mirror === undefined));
    return 0;
  } catch (error) {
    output.stderr(`repliform provider install: ${error instanceof Error ? error.message : String(error)}\n`);
    return error instanceof InstallInputError ? 2 : 1;
  }
}

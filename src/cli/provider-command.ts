/**
 * The options of `repliform provider install` and `repliform provider mirror`, declared for the `repliform` program.
 * Loads nothing of the provider: `lifecycle` must start fast.
 */
import { Command } from 'commander';
import { EXIT_BAD_INPUT } from './exit-codes';
import { withUsage, type CommandOutput } from './usage';

export interface ProviderInstallCliOptions {
  readonly mirror?: string;
  readonly cliConfig?: string;
  readonly platform?: readonly string[];
}

export type ProviderInstallAction = (options: ProviderInstallCliOptions) => Promise<void>;

export interface ProviderMirrorCliOptions {
  readonly platform?: readonly string[];
}

export type ProviderMirrorAction = (dir: string, options: ProviderMirrorCliOptions) => Promise<void>;

function collect(value: string, previous: readonly string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

export function providerCommand(install: ProviderInstallAction, mirror: ProviderMirrorAction, output?: CommandOutput): Command {
  const provider = withUsage(new Command('provider'), EXIT_BAD_INPUT, output).description(
    'the native Terraform provider (terraform-provider-repliform): install it where terraform init finds it offline, or publish it as a network mirror',
  );
  const installCommand = provider
    .command('install')
    .description(
      'Copies the provider package (one JS bundle and its launcher, the same on every machine) into a Terraform filesystem mirror (no network, no registry). Rerun after upgrading repliform.',
    )
    .option('--mirror <DIR>', 'the filesystem mirror directory (default: $HOME/.terraform.d/plugins, the mirror Terraform looks in by itself)')
    .option('--cli-config <FILE>', 'also write a Terraform CLI configuration that installs repliform.invalid/repliform/* from the mirror (use with TF_CLI_CONFIG_FILE)')
    .option(
      '--platform <OS_ARCH>',
      'a Terraform platform to install for, repeatable (linux_amd64, linux_arm64, darwin_amd64, darwin_arm64 …; default: this machine\'s), e.g. to lock several with terraform providers lock -fs-mirror',
      collect,
    )
    .addHelpText('after', '\nExit codes: 0 installed, 1 failed, 2 bad input (nothing written).')
    .action(async (options: ProviderInstallCliOptions) => install(options));
  withUsage(installCommand, EXIT_BAD_INPUT, output);
  const mirrorCommand = provider
    .command('mirror')
    .argument('<DIR>', 'the network mirror directory to write (or add this version to)')
    .description(
      'Writes the provider package as a Terraform network mirror (index.json, <version>.json, one zip per platform, the same bytes on every machine) for a team to serve over HTTPS and name in provider_installation { network_mirror { … } }.',
    )
    .option('--platform <OS_ARCH>', 'a platform to publish, repeatable (default: linux_amd64, linux_arm64, darwin_amd64, darwin_arm64)', collect)
    .addHelpText('after', '\nExit codes: 0 written, 1 failed, 2 bad input (nothing written).')
    .action(async (dir: string, options: ProviderMirrorCliOptions) => mirror(dir, options));
  withUsage(mirrorCommand, EXIT_BAD_INPUT, output);
  return provider;
}

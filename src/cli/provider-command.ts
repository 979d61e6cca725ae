/**
 * The options of `repliform provider install`, declared for the `repliform` program. Loads nothing of the
 * provider: `lifecycle` must start fast.
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

export function providerCommand(install: ProviderInstallAction, output?: CommandOutput): Command {
  const provider = withUsage(new Command('provider'), EXIT_BAD_INPUT, output).description(
    'the native Terraform provider (terraform-provider-repliform): install it where terraform init finds it offline',
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
      (value: string, previous: readonly string[] | undefined) => [...(previous ?? []), value],
    )
    .addHelpText('after', '\nExit codes: 0 installed, 1 failed, 2 bad input (nothing written).')
    .action(async (options: ProviderInstallCliOptions) => install(options));
  withUsage(installCommand, EXIT_BAD_INPUT, output);
  return provider;
}

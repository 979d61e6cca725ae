/**
 * The options of `repliform review`, declared once for the `repliform` program and for runReviewCli. Checking
 * the values against their sets (formats, risks) is review's (src/cli/review.ts), which reports through
 * usageError. Loads nothing of review: `lifecycle` must start fast.
 */
import { Command } from 'commander';
import { EXIT_FAILED } from './exit-codes';
import { collect, withUsage, type CommandOutput } from './usage';

/** What commander parsed, before review checks it. */
export interface ReviewCommandValues {
  readonly plan?: string[];
  readonly synthDir?: string;
  readonly terraform?: string;
  readonly live?: boolean;
  readonly format?: string;
  readonly out?: string;
  readonly also?: string[];
  readonly failOn?: string;
  readonly color?: boolean;
}

export type ReviewAction = (values: ReviewCommandValues, command: Command) => Promise<void>;

export function reviewCommand(action: ReviewAction, output?: CommandOutput): Command {
  const command = new Command('review')
    .description(
      'Reviews a Terraform plan of repliform replications and pairings: what is created, reconfigured in place, replaced (a full resync), deleted (replica disks kept or not) or orphaned, and, with --live, what drifted.',
    )
    .summary('review a Terraform plan of replications: resyncs, deletions, orphans, drift')
    .usage('(--plan FILE... | --synth-dir DIR) [options]')
    .option('--plan <[STACK=]FILE>', 'JSON of a saved plan (terraform show -json tfplan); repeatable, "-" reads stdin', collect)
    .option('--synth-dir <DIR>', 'plan every stack of a cdktf.out directory with terraform (or tofu) on PATH')
    .option('--terraform <BIN>', 'the binary --synth-dir runs (default: REPLIFORM_TERRAFORM, terraform, tofu)')
    .option('--live', "also read the live objects, report drift and the replications on the app's pairings that no construct declares (credentials from the environment)")
    .option('--format <FORMAT>', 'text (default), markdown or json')
    .option('--out <FILE>', 'write the report to FILE instead of stdout')
    .option('--also <FORMAT=FILE>', 'also write the report in FORMAT (text, markdown, json) to FILE, from the same review (repeatable): e.g. the full text next to a Markdown comment', collect)
    .option(
      '--fail-on <RISKS>',
      'exit 1 when any of these risks is found: resync,data-loss,unprotect,orphan,drift,blocked,destroy (unprotect: a VM loses DR protection; blocked: the apply will stop; destroy: another resource is destroyed or replaced)',
    )
    .option('--color', 'colour the text report (default: on a terminal, unless NO_COLOR is set)')
    .option('--no-color', 'never colour the text report')
    .addHelpText('after', '\nExit codes, like terraform plan -detailed-exitcode: 0 no changes, 2 changes (of any resource), 1 error or a --fail-on risk.')
    .action(action);
  return withUsage(command, EXIT_FAILED, output);
}

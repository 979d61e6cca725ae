/**
 * The options and help of `repliform drill`, declared for the `repliform` program. The drill itself is
 * src/drill/command.ts, loaded only when the command runs.
 */
import { Command } from 'commander';
import type { DrillCommandOptions } from '../drill/command';
import { DRILL_EXIT, DRILL_EXIT_HELP } from '../drill/exit-codes';
import { collect, withUsage, type CommandOutput } from './usage';

/** What commander parsed: the options `repliform drill` runs with (src/drill/command.ts). */
export type DrillCommandValues = DrillCommandOptions;

export type DrillAction = (values: DrillCommandValues) => Promise<void>;

const HELP = `
What it does, per replication of the stacks (VCDA VM replications, SDRS protection groups, VR replications):
  preflight  healthy, protected, first sync done, RPO met, no drill running — or it says what is not, per VM,
             and starts nothing
  start      VCDA: a test failover from the latest retained instance; SDRS: a DR drill (drill servers in a
             drill VPC); production is never touched: no failover, planned migration or reverse is exposed
  wait       with progress (a bar on a terminal, lines otherwise)
  checks     each recovered VM powered on in the test network; --check-command run once per VM with
             REPLIFORM_DRILL_VM, REPLIFORM_DRILL_VM_ADDRESS, REPLIFORM_DRILL_NETWORK, REPLIFORM_DRILL_VENDOR
  cleanup    ALWAYS: on success, failure, timeout, Ctrl-C and SIGTERM; retried, and what is left is reported
             with how to remove it
  report     drill-report.md and drill-report.json in --out: per VM the recovery point, its age vs the RPO,
             time to recover vs --rto-minutes, checks; who, when, which commit
VR's API has no recovery operation: its replications get the evidence part only (latest recovery point, its age
vs the RPO, RPO violations, issues), stated in the report as not a recovery test.

Example: repliform drill --stack-dir cdktf.out/stacks/vcda-basic --rto-minutes 30 --out drill-report

${DRILL_EXIT_HELP}`;

export function drillCommand(action: DrillAction, output?: CommandOutput): Command {
  const command = new Command('drill')
    .description('Runs a DR drill of the replications of a stack: preflight, test recovery in an isolated network, checks, cleanup always, and an evidence report (Markdown and JSON).')
    .summary('run a DR drill of a stack and write the evidence report')
    .usage('--stack-dir DIR [--construct PATH | --select PATTERN]... [options]')
    .option('--stack-dir <DIR>', 'a synthesized stack (cdktf.out/stacks/<stack>), read from its cdk.tf.json; repeatable', collect)
    .option('--construct <PATH>', 'only this construct (e.g. vcd-web-01 or <stack>/vcd-web-01; an SDRS group or one of its instances); repeatable', collect)
    .option('--select <PATTERN>', "only constructs whose path matches (* matches within a path segment, e.g. 'web-*'); repeatable", collect)
    .option('--out <DIR>', 'where to write drill-report.md and drill-report.json (default: drill-report)')
    .option('--rto-minutes <N>', 'the RTO target: "RTO achieved" when each VM is recovered within it')
    .option('--timeout-minutes <N>', 'stop the drill (and clean up) when start, wait and checks take longer (default: 60)')
    .option('--check-command <CMD>', 'a shell command run once per recovered VM; exit 0 passes')
    .option('--sdrs-drill-vpc <ID>', 'SDRS: start the drill servers in this VPC (default: SDRS makes a drill VPC)')
    .option('--app-dir <DIR>', 'the app whose git commit the report names (default: the directory holding cdktf.out; GITHUB_SHA wins in GitHub Actions)')
    .option('--cleanup-only', 'start nothing: clean up what an earlier drill of these constructs left (test failovers, repliform-drill-* drills)')
    .addHelpText('after', HELP)
    .action(action);
  return withUsage(command, DRILL_EXIT.badInput, output);
}

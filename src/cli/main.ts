#!/usr/bin/env node
/**
 * The `repliform` command: one commander program whose sub-commands declare their options (and help) here or
 * in ./review-command.ts and ./simulator-command.ts. Terraform starts it once per resource, so start-up is
 * kept small: each sub-command loads its modules only when it runs.
 */
import { Command } from 'commander';
import { packageVersion } from '../package-info';
import { knownKinds } from '../resources/registry';
import { drillCommand } from './drill-command';
import { EXIT_BAD_INPUT } from './exit-codes';
import { providerCommand } from './provider-command';
import { reviewCommand } from './review-command';
import { simulatorCommand } from './simulator-command';
import { parseExitCode, withUsage } from './usage';
import type { VrOperationOptions } from './vr-operations';

function buildProgram(setExit: (code: number) => void): Command {
  const program = withUsage(new Command('repliform'), EXIT_BAD_INPUT)
    .description('Disaster-recovery replication as code: lifecycle of replications, review of plans, simulator')
    .version(packageVersion());

  const lifecycle = program
    .command('lifecycle')
    .description('run one lifecycle action, as the Terraform provisioners do (spec in REPLIFORM_SPEC)')
    .argument('<action>', 'create | read | update | delete')
    .argument('<kind>', knownKinds().join(' | '))
    .option('--spec-file <file>', 'read the spec JSON from a file instead of REPLIFORM_SPEC')
    .action(async (action: string, kind: string, options: { specFile?: string }) => {
      const { runLifecycle } = await import('./lifecycle');
      const abort = new AbortController();
      const onSignal = () => abort.abort(new Error('interrupted by a signal; run apply again to resume (create is idempotent)'));
      process.once('SIGINT', onSignal);
      process.once('SIGTERM', onSignal);
      setExit(await runLifecycle(action, kind, { specFile: options.specFile, signal: abort.signal }));
    });
  withUsage(lifecycle, EXIT_BAD_INPUT);

  addVrCommands(program, setExit);

  // Usage errors of review exit 1, not 2: its 2 means "changes".
  program.addCommand(
    reviewCommand(async (values, command) => {
      const { runReviewCommand } = await import('./review');
      setExit(await runReviewCommand(values, command));
    }),
  );

  program.addCommand(
    drillCommand(async (values) => {
      const { runDrillCommand } = await import('../drill/command');
      setExit(await runDrillCommand(values, { signal: drillSignal() }));
    }),
  );

  program.addCommand(
    simulatorCommand(async (options) => {
      const { runSimulatorWithOptions } = await import('../simulator/cli');
      setExit(await runSimulatorWithOptions(options));
    }),
  );

  program.addCommand(
    providerCommand(
      async (options) => {
        const { runProviderInstall } = await import('../provider/install');
        setExit(runProviderInstall(options));
      },
      async (dir, options) => {
        const { runProviderMirror } = await import('../provider/mirror');
        setExit(runProviderMirror(dir, options));
      },
    ),
  );

  return program;
}

/** Aborts on SIGINT/SIGTERM with a message saying how to resume. */
function abortOnSignal(): AbortSignal {
  const abort = new AbortController();
  const onSignal = () => abort.abort(new Error('interrupted by a signal; run the command again to resume'));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  return abort.signal;
}

/** A drill's first SIGINT/SIGTERM stops it; the next ones are told the cleanup is under way (it always runs). */
function drillSignal(): AbortSignal {
  const abort = new AbortController();
  const onSignal = (name: string) => {
    if (!abort.signal.aborted) abort.abort(new Error(`${name} received`));
    else process.stderr.write(`repliform: ${name} again: the drill's cleanup is under way and always runs; wait for it\n`);
  };
  process.on('SIGINT', () => onSignal('SIGINT'));
  process.on('SIGTERM', () => onSignal('SIGTERM'));
  return abort.signal;
}

const VR_OPERATIONS = {
  sync: 'sync one replication now (an out-of-schedule replica) and wait for it',
  pause: 'pause one replication (needs the remote site) and wait for it',
  resume: 'resume one paused replication (needs the remote site) and wait for it',
} as const;

/** `repliform vr sync|pause|resume`: runbook operations on one replication. */
function addVrCommands(program: Command, setExit: (code: number) => void): void {
  const vr = withUsage(program.command('vr'), EXIT_BAD_INPUT).description('runbook operations on one vSphere Replication replication: sync, pause, resume');
  for (const [operation, description] of Object.entries(VR_OPERATIONS) as Array<[keyof typeof VR_OPERATIONS, string]>) {
    const command = vr.command(operation);
    withUsage(command, EXIT_BAD_INPUT);
    command
      .description(`${description}; the replication as JSON on stdout, progress on stderr; exit 0 done, 1 failed, 2 bad input`)
      .option('--stack-dir <dir>', 'a synthesized stack (cdktf.out/stacks/<stack>): the spec is read from its cdk.tf.json')
      .option('--construct <path>', 'with --stack-dir: the VrReplication construct path, e.g. web-01 or <stack>/web-01')
      .option('--vm <name>', 'the source VM by name (or --vm-id)')
      .option('--vm-id <id>', 'the source VM by managed object id, e.g. vm-1234')
      .option('--remote-site <name>', 'the pairing by remote vCenter name (or --pairing-id)')
      .option('--pairing-id <id>', 'the pairing by id')
      .option('--endpoint <url>', 'the local vSphere Replication appliance, e.g. https://vr-a.example.local')
      .option('--username-env <VAR>', 'the NAME of the environment variable holding the user')
      .option('--password-env <VAR>', 'the NAME of the environment variable holding the password')
      .option('--remote-username-env <VAR>', "the remote site's user variable (default: the local credentials)")
      .option('--remote-password-env <VAR>', "the remote site's password variable")
      .option('--ca-bundle-file <file>', 'PEM file of CAs to trust (or REPLIFORM_CA_BUNDLE)')
      .option('--insecure', 'skip TLS certificate verification (labs only; prints a warning)')
      .option('--timeout-minutes <n>', "how long to wait on the task (default: the spec's update timeout, else 30)")
      .action(async (options: VrOperationOptions) => {
        const { runVrOperation } = await import('./vr-operations');
        setExit(await runVrOperation(operation, options, { signal: abortOnSignal() }));
      });
  }
}

async function main(argv: string[]): Promise<void> {
  let exitCode = 0;
  const program = buildProgram((code) => (exitCode = code));
  try {
    await program.parseAsync(argv);
  } catch (error) {
    const code = parseExitCode(error);
    // commander has printed help, the version, or the usage error (one line, then the command's help).
    if (code === undefined) process.stderr.write(`repliform: ${(error as Error).message}\n`);
    process.exitCode = code ?? EXIT_BAD_INPUT;
    return;
  }
  process.exitCode = exitCode;
}

void main(process.argv);

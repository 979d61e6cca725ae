#!/usr/bin/env node
/**
 * The `repliform` command. Terraform starts it once per resource, so start-up is kept small: each
 * sub-command loads its modules only when it runs.
 */
import { Command } from 'commander';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { VrOperationOptions } from './vr-operations';

/** The package version, found by walking up from this file (it runs from src/ in tests, dist/ when installed). */
function version(): string {
  for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
  }
  return 'unknown';
}

function buildProgram(setExit: (code: number) => void): Command {
  const program = new Command('repliform')
    .description('Disaster-recovery replication as code: lifecycle of replications, review of plans, simulator')
    .version(version())
    .showHelpAfterError()
    .exitOverride();

  program
    .command('lifecycle')
    .description('run one lifecycle action, as the Terraform provisioners do (spec in REPLIFORM_SPEC)')
    .argument('<action>', 'create | read | update | delete')
    .argument('<kind>', 'vr.pairing | vr.replication | vr.replication-sync')
    .option('--spec-file <file>', 'read the spec JSON from a file instead of REPLIFORM_SPEC')
    .action(async (action: string, kind: string, options: { specFile?: string }) => {
      const { runLifecycle } = await import('./lifecycle');
      const abort = new AbortController();
      const onSignal = () => abort.abort(new Error('interrupted by a signal; run apply again to resume (create is idempotent)'));
      process.once('SIGINT', onSignal);
      process.once('SIGTERM', onSignal);
      setExit(await runLifecycle(action, kind, { specFile: options.specFile, signal: abort.signal }));
    });

  addVrCommands(program, setExit);

  // Options are parsed by the review module itself (see REVIEW_USAGE): usage errors exit 1, not 2, since 2 means "changes".
  program
    .command('review')
    .description('review a Terraform plan of replications: resyncs, deletions, orphans, drift (--plan FILE | --synth-dir DIR; review --help)')
    .helpOption(false)
    .allowUnknownOption()
    .allowExcessArguments()
    .argument('[options...]', 'see `repliform review --help`')
    .action(async (args: string[]) => {
      const { runReviewCli } = await import('../review/cli');
      setExit(await runReviewCli(args));
    });

  // Parsed by the simulator itself (see runSimulatorCli); listed here for --help.
  program
    .command('simulator')
    .description('run the embedded vSphere Replication API simulator on 127.0.0.1 (--port N --tls --task-delay-ms N --state FILE --faults FILE --extra-vms N)');

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

const VR_OPERATIONS = {
  sync: 'sync one replication now (an out-of-schedule replica) and wait for it',
  pause: 'pause one replication (needs the remote site) and wait for it',
  resume: 'resume one paused replication (needs the remote site) and wait for it',
} as const;

/** `repliform vr sync|pause|resume`: runbook operations on one replication. */
function addVrCommands(program: Command, setExit: (code: number) => void): void {
  const vr = program.command('vr').description('runbook operations on one vSphere Replication replication: sync, pause, resume');
  for (const [operation, description] of Object.entries(VR_OPERATIONS) as Array<[keyof typeof VR_OPERATIONS, string]>) {
    vr.command(operation)
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
  if (argv[2] === 'simulator') {
    const { runSimulatorCommand } = await import('../simulator/cli');
    process.exitCode = await runSimulatorCommand(argv.slice(3));
    return;
  }
  let exitCode = 0;
  const program = buildProgram((code) => (exitCode = code));
  try {
    await program.parseAsync(argv);
  } catch (error) {
    const code = (error as { exitCode?: number }).exitCode;
    // commander has printed its own message (help, version, or a usage error).
    process.exitCode = code === 0 ? 0 : 2;
    return;
  }
  process.exitCode = exitCode;
}

void main(process.argv);

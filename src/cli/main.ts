#!/usr/bin/env node
/**
 * The `repliform` command. Terraform starts it once per resource, so start-up is kept small: each
 * sub-command loads its modules only when it runs.
 */
import { Command } from 'commander';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

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
    .argument('<kind>', 'vr.pairing | vr.replication')
    .option('--spec-file <file>', 'read the spec JSON from a file instead of REPLIFORM_SPEC')
    .action(async (action: string, kind: string, options: { specFile?: string }) => {
      const { runLifecycle } = await import('./lifecycle');
      const abort = new AbortController();
      const onSignal = () => abort.abort(new Error('interrupted by a signal; run apply again to resume (create is idempotent)'));
      process.once('SIGINT', onSignal);
      process.once('SIGTERM', onSignal);
      setExit(await runLifecycle(action, kind, { specFile: options.specFile, signal: abort.signal }));
    });

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

async function main(argv: string[]): Promise<void> {
  if (argv[2] === 'simulator') {
    const { runSimulatorCli } = await import('../simulator/cli');
    await runSimulatorCli(argv.slice(3));
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

/**
 * `repliform simulator`: runs the embedded simulator until SIGINT/SIGTERM. Its options are declared once, with
 * their help, in src/runtime/simulator-command.ts (`repliform simulator --help`), below this module and the CLI.
 * Credentials: the variables the examples read (VR_SITE_*, VCDA_SITE*, HW_AK / HW_SK) override the defaults; the
 * banner prints them (banner.ts).
 *
 * Endpoints served: see server.ts.
 */
import { readFileSync } from 'node:fs';
import { parseCommand } from '../runtime/command-line';
import { simulatorCommand, type SimulatorCliOptions } from '../runtime/simulator-command';
import { bannerLines, credentialOptionsFromEnv } from './banner';
import { parseFaultRules, startSimulator, type FaultRule, type RunningSimulator, type SimulatorOptions } from './index';

export interface SimulatorCliIo {
  out: (line: string) => void;
  err: (line: string) => void;
  env: NodeJS.ProcessEnv;
  /** Registers the shutdown signals; tests pass a no-op. */
  onSignal: (signal: 'SIGINT' | 'SIGTERM', listener: () => void) => void;
}

const defaultIo: SimulatorCliIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  env: process.env,
  onSignal: (signal, listener) => process.once(signal, listener),
};

/** Parses the simulator flags with the `repliform simulator` command; throws a one-line message naming the flag. */
export function parseSimulatorArgs(argv: string[]): SimulatorOptions {
  let parsed: SimulatorCliOptions | undefined;
  let message = '';
  const command = simulatorCommand(async (options) => {
    parsed = options;
  }).configureOutput({ writeOut: () => undefined, writeErr: () => undefined, outputError: (text) => (message = text.replace(/^error: /, '').trim()) });
  try {
    command.parse(argv, { from: 'user' });
  } catch (error) {
    throw new Error(message || (error as Error).message.replace(/^error: /, ''));
  }
  if (parsed === undefined) throw new Error('no options parsed');
  return parsed;
}

/** The rules of a `--faults` file; a problem is one line naming the file, the rule and the field. */
export function loadFaultsOption(file: string): FaultRule[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`--faults ${file}: cannot read it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text) as unknown;
  } catch (error) {
    throw new Error(`--faults ${file}: not valid JSON (${(error as Error).message})`);
  }
  try {
    return parseFaultRules(json);
  } catch (error) {
    throw new Error(`--faults ${file}: ${(error as Error).message}`);
  }
}

/** Starts the simulator from CLI flags; resolves with the running simulator (it stops on SIGINT/SIGTERM). */
export async function runSimulatorCli(argv: string[], io: SimulatorCliIo = defaultIo): Promise<RunningSimulator> {
  return startFromOptions(parseSimulatorArgs(argv), io);
}

async function startFromOptions(cliOptions: SimulatorOptions, io: SimulatorCliIo): Promise<RunningSimulator> {
  const { faultsFile, ...options } = cliOptions;
  const faults = faultsFile === undefined ? undefined : loadFaultsOption(faultsFile);
  const simulator = await startSimulator({ ...options, faults, ...credentialOptionsFromEnv(io.env) });
  for (const line of bannerLines(simulator, io.env)) io.out(line);
  if (simulator.caCertPem) io.out(`TLS: self-signed certificate (trust it as a CA bundle):\n${simulator.caCertPem.trim()}`);
  const shutdown = (): void => {
    simulator.close().then(
      () => io.err('repliform simulator stopped'),
      (error: unknown) => io.err(`repliform simulator: error while stopping: ${(error as Error).message}`),
    );
  };
  io.onSignal('SIGINT', shutdown);
  io.onSignal('SIGTERM', shutdown);
  return simulator;
}

/**
 * The action of `repliform simulator` once commander has parsed the options: a faults file it cannot use is
 * one line on stderr and exit code 2 (returned), with nothing started; 0 once it listens.
 */
export async function runSimulatorWithOptions(options: SimulatorCliOptions, io: SimulatorCliIo = defaultIo): Promise<number> {
  try {
    await startFromOptions(options, io);
    return 0;
  } catch (error) {
    io.err(`repliform simulator: ${(error as Error).message}`);
    return 2;
  }
}

/**
 * `repliform simulator` as a command, outside the `repliform` program: a flag or a faults file it cannot use
 * is one line on stderr and exit code 2 (returned), with nothing started; help (on stdout) 0; 0 once it listens.
 */
export async function runSimulatorCommand(argv: string[], io: SimulatorCliIo = defaultIo): Promise<number> {
  let code = 0;
  const output = { stdout: (text: string) => io.out(text.replace(/\n$/, '')), stderr: (text: string) => io.err(text.replace(/\n$/, '')) };
  const command = simulatorCommand(async (options) => {
    code = await runSimulatorWithOptions(options, io);
  }, output).showHelpAfterError(false);
  return (await parseCommand(command, argv)) ?? code;
}

/**
 * `repliform simulator`: runs the embedded simulator until SIGINT/SIGTERM.
 *   --port N  --host H  --tls  --task-delay-ms N  --state FILE  --faults FILE  --extra-vms N  --rate-limit N
 * Credentials: VR_SITE_A_USER / VR_SITE_A_PASSWORD and VR_SITE_B_USER / VR_SITE_B_PASSWORD override the defaults.
 *
 * Endpoints served: see server.ts.
 */
import { readFileSync } from 'node:fs';
import { parseFaultRules, type FaultRule } from './faults';
import type { RunningSimulator, SimulatorOptions } from './options';
import { DEFAULT_USERS, startSimulator } from './server';

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

const USAGE =
  'usage: repliform simulator [--port N] [--host H] [--tls] [--task-delay-ms N] [--state FILE] [--faults FILE] [--extra-vms N] [--rate-limit N]';

const NUMBER_FLAGS: Record<string, keyof SimulatorOptions> = {
  '--port': 'port',
  '--task-delay-ms': 'taskDelayMs',
  '--extra-vms': 'extraVms',
  '--rate-limit': 'rateLimit',
};
const STRING_FLAGS: Record<string, keyof SimulatorOptions> = {
  '--state': 'stateFile',
  '--faults': 'faultsFile',
  '--host': 'host',
};

/** Parses the simulator flags; throws with a message naming the flag. */
export function parseSimulatorArgs(argv: string[]): SimulatorOptions {
  const options: Record<string, unknown> = {};
  for (let index = 0; index < argv.length; index += 1) {
    const [flag, inlineValue] = argv[index].split(/=(.*)/s, 2);
    if (flag === '--tls') {
      options.tls = true;
      continue;
    }
    const key = NUMBER_FLAGS[flag] ?? STRING_FLAGS[flag];
    if (!key) throw new Error(`unknown option '${flag}'\n${USAGE}`);
    const value = inlineValue ?? argv[++index];
    if (value === undefined || value === '') throw new Error(`option '${flag}' needs a value\n${USAGE}`);
    if (NUMBER_FLAGS[flag]) {
      if (!/^\d+$/.test(value)) throw new Error(`option '${flag}' must be a non-negative integer, got '${value}'`);
      options[key] = Number(value);
    } else {
      options[key] = value;
    }
  }
  return options as SimulatorOptions;
}

function usersFromEnv(env: NodeJS.ProcessEnv): SimulatorOptions['users'] {
  return {
    local: {
      username: env.VR_SITE_A_USER ?? DEFAULT_USERS.local.username,
      password: env.VR_SITE_A_PASSWORD ?? DEFAULT_USERS.local.password,
    },
    remote: {
      username: env.VR_SITE_B_USER ?? DEFAULT_USERS.remote.username,
      password: env.VR_SITE_B_PASSWORD ?? DEFAULT_USERS.remote.password,
    },
  };
}

function credentialHints(env: NodeJS.ProcessEnv): string[] {
  const hint = (name: string, fallback: string): string =>
    env[name] !== undefined ? `  ${name} (from the environment)` : `  export ${name}='${fallback}'`;
  return [
    'credentials (defaults shown; set these variables for the CLI and to change them here):',
    hint('VR_SITE_A_USER', DEFAULT_USERS.local.username),
    hint('VR_SITE_A_PASSWORD', DEFAULT_USERS.local.password),
    hint('VR_SITE_B_USER', DEFAULT_USERS.remote.username),
    hint('VR_SITE_B_PASSWORD', DEFAULT_USERS.remote.password),
  ];
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
  const { faultsFile, ...options } = parseSimulatorArgs(argv);
  const faults = faultsFile === undefined ? undefined : loadFaultsOption(faultsFile);
  const simulator = await startSimulator({ ...options, faults, users: usersFromEnv(io.env) });
  io.out(`repliform simulator listening on ${simulator.url} (VR API at ${simulator.apiBase})`);
  for (const line of credentialHints(io.env)) io.out(line);
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
 * `repliform simulator` as a command: a flag or a faults file it cannot use is one line on stderr and exit
 * code 2 (returned), with nothing started; 0 once it listens.
 */
export async function runSimulatorCommand(argv: string[], io: SimulatorCliIo = defaultIo): Promise<number> {
  try {
    await runSimulatorCli(argv, io);
    return 0;
  } catch (error) {
    io.err(`repliform simulator: ${(error as Error).message}`);
    return 2;
  }
}

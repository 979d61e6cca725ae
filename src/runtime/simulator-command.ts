/**
 * The options of `repliform simulator`, declared once for the `repliform` program (src/cli/main.ts) and for the
 * simulator's own entry point (src/simulator/cli.ts), below both. Loads nothing of the simulator: `lifecycle`
 * must start fast.
 */
import { Command } from 'commander';
import { usageError, withUsage, type CommandOutput } from './command-line';
import { EXIT_BAD_INPUT } from './exit-codes';

/** The flags as commander parses them. */
interface Parsed {
  readonly port?: number;
  readonly host?: string;
  readonly tls?: boolean;
  readonly taskDelayMs?: number;
  readonly state?: string;
  readonly faults?: string;
  readonly extraVms?: number;
  readonly rateLimit?: number;
}

/**
 * The options the command line can set, named as the simulator's options name them (the flags below say what
 * each one does; users and keys come from the environment, see src/simulator/banner.ts).
 */
export type SimulatorCliOptions = Omit<Parsed, 'state' | 'faults'> & { readonly stateFile?: string; readonly faultsFile?: string };

export type SimulatorAction = (options: SimulatorCliOptions) => Promise<void>;

function withoutUndefined(options: SimulatorCliOptions): SimulatorCliOptions {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)) as SimulatorCliOptions;
}

export function simulatorOptionsOf(parsed: Parsed): SimulatorCliOptions {
  const { state, faults, ...rest } = parsed;
  return withoutUndefined({ ...rest, stateFile: state, faultsFile: faults });
}

export function simulatorCommand(action: SimulatorAction, output?: CommandOutput): Command {
  const command = new Command('simulator');
  const integer = (flag: string) => (value: string): number => {
    if (!/^\d+$/.test(value)) usageError(command, `option '${flag}' must be a non-negative integer, got '${value}'`);
    return Number(value);
  };
  command
    .description(
      'Runs the embedded simulator of vSphere Replication (VR), Cloud Director Availability (VCDA) and Huawei Cloud SDRS on 127.0.0.1 until SIGINT/SIGTERM. ' +
        'It prints each API endpoint and the credentials it accepts as export lines; VR_SITE_A_USER / VR_SITE_A_PASSWORD, VR_SITE_B_USER / VR_SITE_B_PASSWORD, ' +
        'VCDA_SITE1_USER / VCDA_SITE1_PASSWORD, VCDA_SITE2_USER / VCDA_SITE2_PASSWORD and HW_AK / HW_SK set when it starts override the defaults.',
    )
    .summary('run the embedded VR, VCDA and SDRS simulator on 127.0.0.1')
    .option('--port <N>', 'the port to listen on (default: 0, a free one)', integer('--port'))
    .option('--host <H>', 'the address to bind (default: 127.0.0.1)')
    .option('--tls', 'serve HTTPS with a self-signed certificate made at start (printed, to trust as a CA bundle)')
    .option('--task-delay-ms <N>', 'time a task takes from QUEUED to SUCCESS or ERROR (default: 2000)', integer('--task-delay-ms'))
    .option('--state <FILE>', 'load the state from FILE and save it there (default: in memory, forgotten on stop)')
    .option('--faults <FILE>', 'JSON fault-injection rules (path, method, probability, status, delay, count, skip, …)')
    .option('--extra-vms <N>', 'add N more VMs (bench-0001…) to the seeded inventory', integer('--extra-vms'))
    .option('--rate-limit <N>', 'answer 429 with Retry-After above N requests per second (default: unlimited)', integer('--rate-limit'))
    .addHelpText('after', '\nExit codes: 0 listening (runs until stopped), 2 an option or a --faults file it cannot use (nothing started).')
    .action(async (parsed: Parsed) => action(simulatorOptionsOf(parsed)));
  return withUsage(command, EXIT_BAD_INPUT, output);
}

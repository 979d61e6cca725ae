/**
 * The one argument parser of the `repliform` command (commander), and how every sub-command reports a usage
 * error: one line `repliform <command>: <message>`, a blank line, the command's help, and the command's own
 * usage exit code (review: 1, since its 2 means "changes"; the others: 2, bad input). Help and version exit 0.
 * Kept free of any sub-command's modules: Terraform starts the CLI once per resource. It lives below the CLI so
 * that a command declared for both the `repliform` program and a module's own entry point (the simulator's) needs
 * nothing of src/cli.
 */
import { Command, CommanderError } from 'commander';

export interface CommandOutput {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

const USAGE_ERROR = 'repliform.usage';

/** `repliform review` for the review command, whether or not it is attached to the root yet. */
function commandPath(command: Command): string {
  const names: string[] = [];
  for (let current: Command | null = command; current; current = current.parent) names.unshift(current.name());
  return names[0] === 'repliform' ? names.join(' ') : ['repliform', ...names].join(' ');
}

/** Sets how `command` reports usage errors and help (see the file header); `output` replaces stdout/stderr. */
export function withUsage(command: Command, usageExitCode: number, output?: CommandOutput): Command {
  return command
    .showHelpAfterError()
    .showSuggestionAfterError(false)
    .configureOutput({
      ...(output ? { writeOut: output.stdout, writeErr: output.stderr } : {}),
      outputError: (message, write) => write(`${commandPath(command)}: ${message.replace(/^error: /, '')}`),
    })
    .exitOverride((error) => {
      throw new CommanderError(error.exitCode === 0 ? 0 : usageExitCode, error.code, error.message);
    });
}

/** Reports a usage error found after parsing (a value out of its set): the same line, help and exit code. */
export function usageError(command: Command, message: string): never {
  command.error(message, { code: USAGE_ERROR });
}

/** The exit code a failed or finished parse asks for: a CommanderError's (help: 0, usage: the command's), else undefined. */
export function parseExitCode(error: unknown): number | undefined {
  return error instanceof CommanderError ? error.exitCode : undefined;
}

/**
 * Parses `args` (the words after the command's name) with `command` and runs its action. Resolves to the
 * exit code of help or a usage error, or undefined when the action ran. A command not attached to the
 * `repliform` program is attached to a bare one, so that its help and errors name it the same way.
 */
export async function parseCommand(command: Command, args: readonly string[]): Promise<number | undefined> {
  const root = command.parent ?? new Command('repliform').addCommand(command);
  try {
    await root.parseAsync([command.name(), ...args], { from: 'user' });
    return undefined;
  } catch (error) {
    const code = parseExitCode(error);
    if (code === undefined) throw error;
    return code;
  }
}

/** A repeatable option's values, in order. */
export function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

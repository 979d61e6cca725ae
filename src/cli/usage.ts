/** The `repliform` command's parser and usage errors live in src/runtime/command-line.ts (the simulator uses them too). */
export { collect, parseCommand, parseExitCode, usageError, withUsage, type CommandOutput } from '../runtime/command-line';

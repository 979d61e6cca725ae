/** The exit codes live in src/runtime/exit-codes.ts (the simulator's command uses them too). */
export { EXIT_OK, EXIT_FAILED, EXIT_BAD_INPUT, EXIT_CHANGES } from '../runtime/exit-codes';

/** The options of `repliform simulator` live in src/runtime/simulator-command.ts (the simulator's entry point uses them too). */
export { simulatorCommand, simulatorOptionsOf, type SimulatorAction, type SimulatorCliOptions } from '../runtime/simulator-command';

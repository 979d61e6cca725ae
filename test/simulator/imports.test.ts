/**
 * The simulator stands below the CLI: no module of src/simulator reaches src/cli through its imports (its own
 * entry point takes the `repliform simulator` options and the command-line parser from src/runtime).
 */
import { join, relative } from 'node:path';
import { filesUnder, reachedFrom, ROOT } from '../helpers/imports';

const SIMULATOR = join(ROOT, 'src', 'simulator');
const modules = filesUnder(SIMULATOR).filter((file) => file.endsWith('.ts'));

test('there are simulator modules to check, its entry point among them', () => {
  expect(modules.map((file) => relative(ROOT, file))).toContain('src/simulator/cli.ts');
});

test.each(modules.map((file) => [relative(ROOT, file), file]))('%s reaches nothing of src/cli', (_name, file) => {
  const cli = [...reachedFrom(file)].map((reached) => relative(ROOT, reached)).filter((reached) => reached.startsWith('src/cli/'));
  expect(cli).toEqual([]);
});

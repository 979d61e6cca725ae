/**
 * A kind's handler never reaches its review profile (`review.ts`, a vendor's `review-common.ts`) through its
 * imports: the review may load a handler for `--live`, never the other way round, so no import cycle hides
 * behind a lazy `import()`. (VR's settings diff once ran handler → settings → review → handler.)
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { preProcessFile } from 'typescript';

const ROOT = join(__dirname, '..', '..');
const RESOURCES = join(ROOT, 'src', 'resources');

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

function resolved(from: string, specifier: string): string | undefined {
  const base = join(dirname(from), specifier);
  return [`${base}.ts`, join(base, 'index.ts')].find((candidate) => existsSync(candidate));
}

/** Every source file a file reaches through its relative imports (static, export-from and `import()`). */
function reachedFrom(start: string): Set<string> {
  const reached = new Set<string>();
  const pending = [start];
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    if (reached.has(file)) continue;
    reached.add(file);
    for (const { fileName } of preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles) {
      const target = fileName.startsWith('.') ? resolved(file, fileName) : undefined;
      if (target !== undefined) pending.push(target);
    }
  }
  return reached;
}

const handlers = filesUnder(RESOURCES).filter((file) => file.endsWith('/handler.ts'));

test('every kind has a handler to check', () => {
  expect(handlers.length).toBeGreaterThanOrEqual(10);
});

test.each(handlers.map((file) => [relative(ROOT, file), file]))('%s reaches no review profile', (_name, file) => {
  const reviews = [...reachedFrom(file)].filter((reached) => /\/review(-common)?\.ts$/.test(reached)).map((reached) => relative(ROOT, reached));
  expect(reviews).toEqual([]);
});

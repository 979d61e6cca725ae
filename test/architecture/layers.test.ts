/**
 * The floors of the house (DESIGN.md, Layout): each room imports only from the rooms below it, and a vendor's
 * folder never imports another vendor's. Read from the source: every relative import, export-from, `import()`
 * and `require()` of every file under src/ and lib/.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { preProcessFile } from 'typescript';
import { knownKinds } from '../../src/resources/registry';
import { vendorOf as vendorOfKind } from '../../src/resources/terraform-names';
import { filesUnder, ROOT } from '../helpers/imports';


/**
 * Room → the rooms it may import from (besides itself). A room is a folder of src/ (or a file directly in
 * src/), and all of lib/. The lifecycle CLI is the top floor: it dispatches to the provider, review and the
 * simulator. The provider and review stand side by side on resources and the runtime helpers; constructs use
 * only what resources state about kinds; the simulator is a fake of the vendors' APIs and knows nothing of ours.
 */
const MAY_IMPORT: Readonly<Record<string, readonly string[]>> = {
  lib: [],
  'package-info': [],
  resources: ['lib', 'package-info'],
  runtime: ['lib', 'resources'],
  constructs: ['lib', 'resources', 'package-info'],
  provider: ['lib', 'resources', 'runtime', 'package-info'],
  review: ['lib', 'resources', 'runtime'],
  // `repliform drill` drives the vendors' operations (resources) and shows progress (runtime), like review.
  drill: ['lib', 'resources', 'runtime'],
  // The simulator's own command takes the command-line parser and exit codes from the runtime room, like the CLI.
  simulator: ['lib', 'runtime', 'package-info'],
  cli: ['lib', 'resources', 'runtime', 'provider', 'review', 'drill', 'simulator', 'package-info'],
  // The package's front door re-exports the library's public parts.
  index: ['lib', 'resources', 'constructs', 'runtime', 'cli', 'package-info'],
};

/** The vendors of the registry's kinds: each has its folder in lib/client and in the rooms of src/. */
const VENDORS = [...new Set(knownKinds().map(vendorOfKind))];

interface Import {
  readonly from: string;
  readonly to: string;
}

/** The TypeScript files under a top folder, as project-relative paths. */
function sourceFiles(dir: string): string[] {
  return filesUnder(join(ROOT, dir))
    .filter((path) => path.endsWith('.ts'))
    .map((path) => relative(ROOT, path));
}

/** Every relative import of every file under src/ and lib/, as project-relative paths. */
function relativeImports(): Import[] {
  return [...sourceFiles('src'), ...sourceFiles('lib')].flatMap((from) =>
    preProcessFile(readFileSync(join(ROOT, from), 'utf8'), true, true)
      .importedFiles.map((imported) => imported.fileName)
      .filter((target) => target.startsWith('.'))
      .map((target) => ({ from, to: relative(ROOT, join(ROOT, dirname(from), target)) })),
  );
}

function roomOf(path: string): string {
  const [top, second = ''] = path.split('/');
  if (top !== 'src') return top;
  return second.replace(/\.ts$/, '');
}

/** lib/client/<vendor>/… and src/<room>/<vendor>/… belong to that vendor; everything else to none. */
function vendorOf(path: string): string | undefined {
  const segment = path.split('/')[2];
  return segment !== undefined && VENDORS.includes(segment) ? segment : undefined;
}

const describeImport = ({ from, to }: Import) => `${from} → ${to}`;

test('every room of src/ and lib/ stands on a floor', () => {
  const rooms = new Set(relativeImports().flatMap(({ from, to }) => [roomOf(from), roomOf(to)]));
  expect([...rooms].filter((room) => !Object.hasOwn(MAY_IMPORT, room)).sort()).toEqual([]);
});

test('no import runs up a floor or sideways into a room not below', () => {
  const upward = relativeImports().filter(({ from, to }) => {
    const [fromRoom, toRoom] = [roomOf(from), roomOf(to)];
    return fromRoom !== toRoom && Object.hasOwn(MAY_IMPORT, fromRoom) && !MAY_IMPORT[fromRoom].includes(toRoom);
  });
  expect(upward.map(describeImport).sort()).toEqual([]);
});

test("no vendor's folder imports another vendor's", () => {
  expect(VENDORS).toEqual(expect.arrayContaining(['vr', 'vcda', 'sdrs']));
  const crossVendor = relativeImports().filter(({ from, to }) => {
    const [fromVendor, toVendor] = [vendorOf(from), vendorOf(to)];
    return fromVendor !== undefined && toVendor !== undefined && fromVendor !== toVendor;
  });
  expect(crossVendor.map(describeImport).sort()).toEqual([]);
});

/**
 * A kind's handler never reaches its review profile (`review.ts`, a vendor's `review-common.ts`) through its
 * imports: the review may load a handler for `--live`, never the other way round, so no import cycle hides
 * behind a lazy `import()`. (VR's settings diff once ran handler → settings → review → handler.)
 */
import { join, relative } from 'node:path';
import { filesUnder, reachedFrom, ROOT } from '../helpers/imports';

const RESOURCES = join(ROOT, 'src', 'resources');

const handlers = filesUnder(RESOURCES).filter((file) => file.endsWith('/handler.ts'));

test('every kind has a handler to check', () => {
  expect(handlers.length).toBeGreaterThanOrEqual(10);
});

test.each(handlers.map((file) => [relative(ROOT, file), file]))('%s reaches no review profile', (_name, file) => {
  const reviews = [...reachedFrom(file)].filter((reached) => /\/review(-common)?\.ts$/.test(reached)).map((reached) => relative(ROOT, reached));
  expect(reviews).toEqual([]);
});

/** The SDRS client's types are generated from repliform's contract; this fails when they drift apart. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

test('lib/client/sdrs/generated/openapi.ts is what openapi-typescript makes of specs/sdrs-api.json', () => {
  const dir = mkdtempSync(join(tmpdir(), 'repliform-sdrs-types-'));
  try {
    const fresh = join(dir, 'openapi.ts');
    const bin = join(root, 'node_modules', '.bin', 'openapi-typescript');
    execFileSync(bin, [join(root, 'specs', 'sdrs-api.json'), '-o', fresh], { stdio: 'ignore' });
    const committed = readFileSync(join(root, 'lib', 'client', 'sdrs', 'generated', 'openapi.ts'), 'utf8');
    expect(readFileSync(fresh, 'utf8')).toBe(committed);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

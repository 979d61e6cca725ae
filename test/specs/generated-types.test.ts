/** The client's types are generated from the vendor's OpenAPI file; this fails when they drift apart. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

test('lib/client/vr/generated/openapi.ts is what openapi-typescript makes of specs/vsphere-replication-api-v2.json', () => {
  const dir = mkdtempSync(join(tmpdir(), 'repliform-types-'));
  try {
    const fresh = join(dir, 'openapi.ts');
    const bin = join(root, 'node_modules', '.bin', 'openapi-typescript');
    execFileSync(bin, [join(root, 'specs', 'vsphere-replication-api-v2.json'), '-o', fresh], { stdio: 'ignore' });
    const committed = readFileSync(join(root, 'lib', 'client', 'vr', 'generated', 'openapi.ts'), 'utf8');
    expect(readFileSync(fresh, 'utf8')).toBe(committed);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the bundled OpenAPI file is the vendor original (VR REST API Gateway 2.0.0)', () => {
  const spec = JSON.parse(readFileSync(join(root, 'specs', 'vsphere-replication-api-v2.json'), 'utf8')) as { info: { title: string; version: string } };
  expect(spec.info).toMatchObject({ title: 'VMware vSphere Replication REST API Gateway', version: '2.0.0' });
});

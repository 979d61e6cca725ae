/**
 * End to end with real Terraform and the compiled provider: the HCL examples the provider docs show
 * (examples/terraform/: the provider block, every resource type, the import blocks) are one valid configuration —
 * `terraform validate` checks every attribute against the schema the provider serves and asks the provider to
 * validate each resource.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXAMPLES_DIR, readExamples } from '../../scripts/provider-docs';
import { projectRoot, providerEnv, runOrThrow, terraform, terraformBinary } from '../../scripts/deploy-kit';
import { knownKinds } from '../../src/resources/registry';
import { resourceTypeOf } from '../../src/resources/terraform-names';

let workDir: string;

beforeAll(() => {
  workDir = mkdtempSync(join(tmpdir(), 'repliform-docs-examples-'));
});

afterAll(() => {
  rmSync(workDir, { recursive: true, force: true });
});

test('every example of the provider docs validates against the provider, and every resource type has one', async () => {
  const examples = readExamples();
  expect(knownKinds().map(resourceTypeOf).filter((type) => !examples.has(`resources/${type}/resource.tf`))).toEqual([]);
  const stackDir = join(workDir, 'stack');
  mkdirSync(stackDir);
  for (const path of examples.keys()) copyFileSync(join(projectRoot(), EXAMPLES_DIR, path), join(stackDir, path.replace(/\//g, '_')));
  const env = await providerEnv(workDir);
  await terraform(stackDir, ['init'], env);
  // validate takes no -input flag (terraform() adds it).
  const validated = await runOrThrow(terraformBinary(), ['validate', '-no-color'], { cwd: stackDir, env });
  expect(validated.stdout).toContain('Success! The configuration is valid.');
});

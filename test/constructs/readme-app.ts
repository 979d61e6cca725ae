/**
 * Test plumbing for the README examples: the TypeScript block under a README heading, and an app's source
 * synthesized in-process (imports pointed at this checkout, the example's variables unset) → the inputs of its
 * terraform_data resources by construct path (settings resources have none).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const root = join(__dirname, '..', '..');

/** The first ```ts block under the README heading `heading` (a regex source, e.g. `Huawei Cloud SDRS`). */
export function readmeExample(heading: string, title: string): string {
  const block = new RegExp(`## ${heading}[\\s\\S]*?\`\`\`ts\\n([\\s\\S]*?)\`\`\``).exec(readFileSync(join(root, 'README.md'), 'utf8'));
  if (!block) throw new Error(`README.md has no TypeScript block under "${title}"`);
  return block[1];
}

export function synthesizeApp<Input>(source: string, stack: string, unset: readonly string[]): Record<string, Input> {
  const outdir = mkdtempSync(join(tmpdir(), `repliform-${stack}-readme-`));
  const file = join(__dirname, `${stack}-readme.generated.${process.pid}.ts`);
  const saved = { ...process.env };
  try {
    writeFileSync(file, source.replace("from 'repliform'", "from '../../src'"));
    for (const name of unset) delete process.env[name];
    process.env.CDKTF_OUTDIR = outdir;
    // The spec comparisons read the lifecycle backing's inputs (the provider backing writes the same spec).
    process.env.CDKTF_CONTEXT_JSON = JSON.stringify({ 'repliform:backing': 'terraform_data' });
    jest.isolateModules(() => {
      require(file);
    });
    const json = JSON.parse(readFileSync(join(outdir, 'stacks', stack, 'cdk.tf.json'), 'utf8')) as {
      resource: { terraform_data: Record<string, { input: Input; '//'?: { metadata: { path: string } } }> };
    };
    const withInput = Object.values(json.resource.terraform_data).filter((r) => r.input !== undefined);
    return Object.fromEntries(withInput.map((r) => [r['//']?.metadata.path ?? '', r.input]));
  } finally {
    process.env = saved;
    rmSync(file, { force: true });
    rmSync(outdir, { recursive: true, force: true });
  }
}

/** The README's complete example compiles and synthesizes what the README says it does. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

function readmeExample(): string {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const block = /## A complete example[\s\S]*?```ts\n([\s\S]*?)```/.exec(readme);
  if (!block) throw new Error('README.md has no TypeScript block under "A complete example"');
  return block[1];
}

test('the complete example in the README synthesizes a pairing and four replications', () => {
  const outdir = mkdtempSync(join(tmpdir(), 'repliform-readme-'));
  const file = join(__dirname, `readme-example.generated.${process.pid}.ts`);
  const previous = process.env.CDKTF_OUTDIR;
  try {
    writeFileSync(file, readmeExample().replace("from 'repliform'", "from '../../src'"));
    process.env.CDKTF_OUTDIR = outdir;
    jest.isolateModules(() => {
      require(file);
    });
    const synthesized = JSON.parse(readFileSync(join(outdir, 'stacks', 'dr-site-b', 'cdk.tf.json'), 'utf8')) as {
      resource: { terraform_data: Record<string, { input: { vm?: { name: string }; settings?: { rpo_minutes: number }; seeds?: { mode: string }; exclude_disks?: string[] } }> };
    };
    const resources = Object.entries(synthesized.resource.terraform_data);
    const identities = resources.filter(([name]) => name.includes('_replication_')).map(([, r]) => r.input);
    expect(resources).toHaveLength(9);
    expect(identities.map((i) => i.vm?.name).sort()).toEqual(['app-01', 'file-01', 'web-01', 'web-02']);
    const file01 = identities.find((i) => i.vm?.name === 'file-01');
    expect(file01).toMatchObject({ settings: { rpo_minutes: 60 }, seeds: { mode: 'find' }, exclude_disks: ['Hard disk 3'] });
  } finally {
    process.env.CDKTF_OUTDIR = previous;
    rmSync(file, { force: true });
    rmSync(outdir, { recursive: true, force: true });
  }
});

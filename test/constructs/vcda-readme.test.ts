/**
 * The README's VCDA example is examples/vcda-basic: both synthesize the same replication specs, and every id they
 * name is in the VCDA simulator's seeded inventory (so it deploys as it is).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VCDA_VDC_IDS, VCDA_VM_IDS } from '../../src/simulator/vcda/inventory-seed';

const root = join(__dirname, '..', '..');

interface Input {
  readonly source?: { site: string; vm_id: string };
  readonly destination?: { site: string; vdc: string };
  readonly owner?: string;
}

function readmeExample(): string {
  const block = /## Cloud Director Availability \(VCDA\)[\s\S]*?```ts\n([\s\S]*?)```/.exec(readFileSync(join(root, 'README.md'), 'utf8'));
  if (!block) throw new Error('README.md has no TypeScript block under "Cloud Director Availability (VCDA)"');
  return block[1];
}

/** Runs an app's source with the VCDA_* variables unset; its terraform_data inputs by construct path (settings resources have none). */
function synthesize(source: string): Record<string, Input> {
  const outdir = mkdtempSync(join(tmpdir(), 'repliform-vcda-readme-'));
  const file = join(__dirname, `vcda-readme.generated.${process.pid}.ts`);
  const saved = { ...process.env };
  try {
    writeFileSync(file, source.replace("from 'repliform'", "from '../../src'"));
    for (const name of ['VCDA_ENDPOINT', 'VCDA_CA_BUNDLE', 'WEB_RPO_MINUTES', 'VCDA_DESTINATION_VDC']) delete process.env[name];
    process.env.CDKTF_OUTDIR = outdir;
    jest.isolateModules(() => {
      require(file);
    });
    const json = JSON.parse(readFileSync(join(outdir, 'stacks', 'vcda-basic', 'cdk.tf.json'), 'utf8')) as {
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

test('the README example synthesizes exactly what examples/vcda-basic does', () => {
  const fromReadme = synthesize(readmeExample());
  const fromExample = synthesize(readFileSync(join(root, 'examples', 'vcda-basic', 'main.ts'), 'utf8'));
  expect(Object.keys(fromReadme).sort()).toEqual([
    'vcda-basic/site1/site/Resource',
    'vcda-basic/vcd-web-01/replication/Resource',
    'vcda-basic/vcd-web-02/replication/Resource',
  ]);
  expect(fromReadme).toEqual(fromExample);
});

test('every VM and vDC it names is in the simulator inventory', () => {
  const identities = Object.values(synthesize(readmeExample())).filter((input) => input.source !== undefined);
  const vms = Object.entries(VCDA_VM_IDS);
  expect(identities.map((input) => [input.owner, vms.find(([, id]) => id === input.source?.vm_id)?.[0]])).toEqual([
    ['vcda-basic/vcd-web-01', 'vcd-web-01'],
    ['vcda-basic/vcd-web-02', 'vcd-web-02'],
  ]);
  for (const input of identities) expect(input.destination).toEqual({ site: 'site2', vdc: VCDA_VDC_IDS['vdc-gold'] });
});

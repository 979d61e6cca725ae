/**
 * The README's VCDA example is examples/vcda-basic: both synthesize the same replication specs, and every id they
 * name is in the VCDA simulator's seeded inventory (so it deploys as it is).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readmeExample as readmeApp, root, synthesizeApp } from './readme-app';
import { VCDA_VDC_IDS, VCDA_VM_IDS } from '../../src/simulator/vcda/inventory-seed';


interface Input {
  readonly source?: { site: string; vm_id: string };
  readonly destination?: { site: string; vdc: string };
  readonly owner?: string;
}

function readmeExample(): string {
  return readmeApp('Cloud Director Availability \\(VCDA\\)', 'Cloud Director Availability (VCDA)');
}

function synthesize(source: string): Record<string, Input> {
  return synthesizeApp<Input>(source, 'vcda-basic', ['VCDA_ENDPOINT', 'VCDA_CA_BUNDLE', 'WEB_RPO_MINUTES', 'VCDA_DESTINATION_VDC']);
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

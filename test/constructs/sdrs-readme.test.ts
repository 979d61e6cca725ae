/**
 * The README's SDRS example is examples/sdrs-basic: both synthesize the same specs, and every server and volume they
 * name is in the SDRS simulator's seeded inventory (so it deploys as it is).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readmeExample as readmeApp, root, synthesizeApp } from './readme-app';
import { SDRS_PROJECT_ID, SDRS_SERVER_IDS, SDRS_VOLUME_IDS } from '../../src/simulator/sdrs/inventory-seed';

const VARIABLES = ['SDRS_ENDPOINT', 'SDRS_PROJECT_ID', 'SDRS_CA_BUNDLE', 'WEB_DATA_PAIR_NAME', 'WEB_DATA_SIZE_GB'];

interface Input {
  readonly connection?: { project_id: string };
  readonly volume_id?: string;
  readonly server_id?: string;
}

function readmeExample(): string {
  return readmeApp('Huawei Cloud SDRS', 'Huawei Cloud SDRS');
}

function synthesize(source: string): Record<string, Input> {
  return synthesizeApp<Input>(source, 'sdrs-basic', VARIABLES);
}

test('the README example synthesizes exactly what examples/sdrs-basic does', () => {
  const fromReadme = synthesize(readmeExample());
  const fromExample = synthesize(readFileSync(join(root, 'examples', 'sdrs-basic', 'main.ts'), 'utf8'));
  expect(Object.keys(fromReadme).sort()).toEqual([
    'sdrs-basic/db-data/pair/Resource',
    'sdrs-basic/ecs-web-01/attach-web-data/Resource',
    'sdrs-basic/ecs-web-01/instance/Resource',
    'sdrs-basic/web-data/pair/Resource',
    'sdrs-basic/web-dr-protection/protection/Resource',
    'sdrs-basic/web-dr/group/Resource',
  ]);
  expect(fromReadme).toEqual(fromExample);
});

test('the project, every server and every volume it names are in the simulator inventory', () => {
  const inputs = Object.values(synthesize(readmeExample()));
  expect(new Set(inputs.map((input) => input.connection?.project_id))).toEqual(new Set([SDRS_PROJECT_ID]));
  const volumes = Object.entries(SDRS_VOLUME_IDS);
  const servers = Object.entries(SDRS_SERVER_IDS);
  expect(inputs.flatMap((input) => (input.volume_id === undefined ? [] : [volumes.find(([, id]) => id === input.volume_id)?.[0]])).sort()).toEqual([
    'evs-db-01-data',
    'evs-web-01-data',
  ]);
  expect(inputs.flatMap((input) => (input.server_id === undefined ? [] : [servers.find(([, id]) => id === input.server_id)?.[0]]))).toEqual([
    'ecs-web-01',
  ]);
});

/**
 * End to end with real Terraform and the native provider against the simulator: a stack with an SDRS protection
 * group, a pair, a protected instance (the pair attached), protection and a `repliform_sdrs_drill`. Apply starts the
 * drill after protection (drill server of web-01 running in the drill VPC; the group stays protected); destroy cleans
 * the drill up before anything it stands on, and nothing is left (no drill, no drill server, no group).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runOrThrow, terraform, terraformBinary } from '../../scripts/deploy-kit';
import { SDRS_ACCESS_KEY, SDRS_SECRET_KEY, SDRS_SERVER_IDS, SDRS_VOLUME_IDS } from '../../src/simulator';
import { initAndApply, providerHcl, providerWorld, SDRS_GROUP_HCL, SDRS_GROUP_REF_HCL } from '../helpers/e2e';

const world = providerWorld('e2e-sdrs-drill', () => ({ HW_AK: SDRS_ACCESS_KEY, HW_SK: SDRS_SECRET_KEY }));

function writeStack(simUrl: string): void {
  const group = SDRS_GROUP_REF_HCL;
  writeFileSync(
    join(world.stackDir, 'main.tf'),
    `${providerHcl(simUrl, ['sdrs'])}${SDRS_GROUP_HCL}
resource "repliform_sdrs_replication_pair" "web_data" {
  group      = ${group}
  volume_id  = "${SDRS_VOLUME_IDS['evs-web-01-data']}"
  name       = "web-data"
  owner      = "e2e/web-data"
  depends_on = [repliform_sdrs_protection_group.web]
}

resource "repliform_sdrs_protected_instance" "web_01" {
  group      = ${group}
  server_id  = "${SDRS_SERVER_IDS['ecs-web-01']}"
  name       = "web-01"
  owner      = "e2e/web-01"
  depends_on = [repliform_sdrs_protection_group.web]
}

resource "repliform_sdrs_replication_attachment" "web_01_data" {
  instance = { group = repliform_sdrs_protected_instance.web_01.group, server_id = repliform_sdrs_protected_instance.web_01.server_id }
  pair     = { group = repliform_sdrs_replication_pair.web_data.group, volume_id = repliform_sdrs_replication_pair.web_data.volume_id }
  device   = "/dev/vdb"
}

resource "repliform_sdrs_protection" "web" {
  group      = ${group}
  owner      = "e2e/protection"
  depends_on = [repliform_sdrs_replication_attachment.web_01_data]
}

resource "repliform_sdrs_drill" "web" {
  group = repliform_sdrs_protection.web.group
  name  = "web-drill"
  owner = "e2e/drill"
}

output "drill_servers" {
  value = repliform_sdrs_drill.web.drill_servers
}
`,
  );
}

test('apply starts the drill after protection; destroy cleans it up first and leaves nothing', async () => {
  const { sim, stackDir, env } = world;
  writeStack(sim.url);
  const applied = await initAndApply(stackDir, env);
  expect(applied.code).toBe(0);
  const [group] = sim.sdrs.state.groups;
  const [drill] = sim.sdrs.state.drills ?? [];
  expect(group?.status).toBe('protected');
  expect(drill).toMatchObject({ name: 'web-drill', status: 'available', server_group_id: group?.id });
  const servers = sim.sdrs.state.inventory.servers.filter((server) => server.drill_id === drill?.id);
  expect(servers.map((server) => [server.status, server.vpc_id])).toEqual([['ACTIVE', drill?.drill_vpc_id]]);
  const output = await runOrThrow(terraformBinary(), ['output', '-no-color', '-json', 'drill_servers'], { cwd: stackDir, env });
  expect(JSON.parse(output.stdout)).toEqual([
    { protected_instance_id: sim.sdrs.state.instances[0]?.id, drill_server_id: servers[0]?.id, server_status: 'ACTIVE', powered_on: true, vpc_id: drill?.drill_vpc_id, addresses: ['192.168.0.10'] },
  ]);
  expect((await terraform(stackDir, ['plan', '-detailed-exitcode'], env)).code).toBe(0);

  const destroyed = await terraform(stackDir, ['destroy', '-auto-approve'], env);
  expect(destroyed.code).toBe(0);
  expect(sim.sdrs.state.drills ?? []).toEqual([]);
  expect(sim.sdrs.state.inventory.servers.filter((server) => server.drill_id !== undefined)).toEqual([]);
  expect(sim.sdrs.state.groups).toEqual([]);
  expect(sim.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/action')).map((r) => Object.keys(r.body as object))).toEqual([['start-server-group'], ['stop-server-group']]);
});

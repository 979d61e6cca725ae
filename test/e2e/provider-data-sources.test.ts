/**
 * Data sources in hand-written HCL, with real Terraform and the built provider against the simulator: a VR
 * replication written without one pasted id (the pairing by remote site, the VM and the target datastore by name,
 * their ids flowing into `repliform_vr_replication`), applied in one go and planned again with no change; a VCDA
 * and an SDRS look-up read into outputs; a look-up that finds nothing fails the plan naming what there is.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { run, terraform, terraformBinary } from '../../scripts/deploy-kit';
import { SDRS_VOLUME_IDS } from '../../src/simulator/sdrs/inventory-seed';
import { VCDA_VM_IDS } from '../../src/simulator/vcda/inventory-seed';
import { SIM_ENV } from '../helpers/context';
import { providerHcl, providerWorld } from '../helpers/e2e';
import { SDRS_SIM_ENV, VCDA_SIM_ENV } from '../helpers/sim-connections';

const world = providerWorld('e2e-data-sources', () => ({ ...SIM_ENV, ...VCDA_SIM_ENV, ...SDRS_SIM_ENV }));

/** The stack (README's "Writing HCL by hand" shows the VR part of it). */
function stack(simUrl: string): string {
  return `${providerHcl(simUrl)}
variable "vm_name" {
  type    = string
  default = "web-03"
}

data "repliform_vr_pairing" "b" {
  remote_site = "vc-b.example.local"
}

data "repliform_vr_vm" "web" {
  pairing_id = data.repliform_vr_pairing.b.id
  name       = var.vm_name
}

data "repliform_vr_datastore" "gold" {
  pairing_id = data.repliform_vr_pairing.b.id
  name       = "ds-b-gold"
}

resource "repliform_vr_replication" "web" {
  pairing  = { id = data.repliform_vr_pairing.b.id }
  vm       = { id = data.repliform_vr_vm.web.id }
  target   = { datastore = data.repliform_vr_datastore.gold.id }
  settings = { rpo_minutes = 15 }
}

data "repliform_vcda_vm" "web" {
  name = "vcd-web-01"
}

data "repliform_sdrs_servers" "web" {
  name = "ecs-web-01"
}

data "repliform_sdrs_volumes" "web" {
  server_id = data.repliform_sdrs_servers.web.servers[0].id
}

output "vcda_vm_id" {
  value = data.repliform_vcda_vm.web.id
}

output "sdrs_volume_ids" {
  value = data.repliform_sdrs_volumes.web.volumes[*].id
}
`;
}

test('a VR replication from looked-up ids applies in one go and plans no change; VCDA and SDRS look-ups read; a miss fails the plan', async () => {
  const { sim, stackDir, env } = world;
  writeFileSync(join(stackDir, 'main.tf'), stack(sim.url));
  await terraform(stackDir, ['init'], env);
  await terraform(stackDir, ['apply', '-auto-approve'], env);

  const vm = sim.state.vms.find((candidate) => candidate.vm.name === 'web-03');
  const [replication] = sim.state.replications.filter((r) => r.info.vm_id === vm?.vm.id);
  expect(replication.info.rpo).toBe(15);
  expect(replication.pairingId).toBe(sim.state.pairings[0].pairing_id);
  const gold = sim.state.datastores.find((d) => d.datastore.name === 'ds-b-gold');
  expect(JSON.stringify(replication.disks)).toContain(gold?.datastore.id ?? 'no ds-b-gold');

  const outputs = JSON.parse((await run(terraformBinary(), ['output', '-json'], { cwd: stackDir, env })).stdout) as Record<string, { value: unknown }>;
  expect(outputs.vcda_vm_id.value).toBe(VCDA_VM_IDS['vcd-web-01']);
  expect(outputs.sdrs_volume_ids.value).toEqual([SDRS_VOLUME_IDS['evs-web-01-sys'], SDRS_VOLUME_IDS['evs-web-01-data']]);

  const again = await run(terraformBinary(), ['plan', '-input=false', '-no-color', '-detailed-exitcode'], { cwd: stackDir, env });
  expect(again.stdout).toContain('No changes.');
  expect(again.code).toBe(0);

  const miss = await run(terraformBinary(), ['plan', '-input=false', '-no-color', '-var', 'vm_name=web-99'], { cwd: stackDir, env });
  expect(miss.code).toBe(1);
  expect(miss.stderr.replace(/\s+/g, ' ')).toContain('name: no VM "web-99" on vc-a.example.local; there are: "web-01"');
  expect(miss.stderr).toContain('data.repliform_vr_vm.web');

  await terraform(stackDir, ['destroy', '-auto-approve'], env);
  expect(sim.state.replications.filter((r) => r.info.vm_id === vm?.vm.id)).toEqual([]);
});

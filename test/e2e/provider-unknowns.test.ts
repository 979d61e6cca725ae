/**
 * Hand-written HCL whose values come from other resources of the same apply — a VM name from a resource made in
 * it, a pairing, a protection group and a VCDA site by their ids/names — applies in ONE go with real Terraform,
 * for every vendor, and plans no change afterwards. It used to fail the first apply with "Provider produced
 * inconsistent final plan … was null, but now cty.True" (nested defaults planned null while anything was unknown).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { run, terraform, terraformBinary } from '../../scripts/deploy-kit';
import { SDRS_DOMAIN_ID, SDRS_SOURCE_AZ, SDRS_TARGET_AZ, SDRS_VOLUME_IDS, SDRS_VPC_ID } from '../../src/simulator/sdrs/inventory-seed';
import { VCDA_VDC_IDS, VCDA_VM_IDS } from '../../src/simulator/vcda/inventory-seed';
import { SIM_ENV } from '../helpers/context';
import { providerHcl, providerWorld } from '../helpers/e2e';
import { SDRS_SIM_ENV, VCDA_SIM_ENV } from '../helpers/sim-connections';

const world = providerWorld('e2e-unknowns', () => ({ ...SIM_ENV, ...VCDA_SIM_ENV, ...SDRS_SIM_ENV }));

function stack(sim: string): string {
  return `${providerHcl(sim)}
# Values known only at apply: what a VM-building resource of the same apply would output.
resource "terraform_data" "vm" {
  input = "web-01"
}

resource "terraform_data" "vcd_vm" {
  input = "${VCDA_VM_IDS['vcd-web-01']}"
}

resource "repliform_vr_pairing" "b" {
  pairing = { remote_site = "vc-b.example.local" }
}

resource "repliform_vr_replication" "web" {
  pairing  = { id = repliform_vr_pairing.b.id }
  vm       = { name = terraform_data.vm.output }
  target   = { datastore = "ds-b-gold" }
  settings = { rpo_minutes = 15 }
  timeouts = { create = "2h" }
}

resource "repliform_vcda_site" "site2" {
  site = "site2"
}

resource "repliform_vcda_replication" "web" {
  source      = { site = "site1", vm_id = terraform_data.vcd_vm.output }
  destination = { site = repliform_vcda_site.site2.site, vdc = "${VCDA_VDC_IDS['vdc-gold']}" }
  settings    = { rpo_minutes = 15, retention_rules = [{ instances = 2, distance_minutes = 60 }] }
}

resource "repliform_sdrs_protection_group" "web" {
  name                     = "web-group"
  source_availability_zone = "${SDRS_SOURCE_AZ}"
  target_availability_zone = "${SDRS_TARGET_AZ}"
  domain_id                = "${SDRS_DOMAIN_ID}"
  source_vpc_id            = "${SDRS_VPC_ID}"
}

resource "repliform_sdrs_replication_pair" "web_data" {
  group     = { id = repliform_sdrs_protection_group.web.id }
  volume_id = "${SDRS_VOLUME_IDS['evs-web-01-data']}"
  name      = "web-data"
}

resource "repliform_sdrs_protection" "web" {
  group      = { id = repliform_sdrs_protection_group.web.id }
  depends_on = [repliform_sdrs_replication_pair.web_data]
}
`;
}

test('references to values known only at apply: one apply makes everything, the next plan changes nothing', async () => {
  const { sim, stackDir, env } = world;
  writeFileSync(join(stackDir, 'main.tf'), stack(sim.url));
  await terraform(stackDir, ['init'], env);

  const applied = await run(terraformBinary(), ['apply', '-input=false', '-no-color', '-auto-approve'], { cwd: stackDir, env });
  expect({ code: applied.code, stderr: applied.stderr }).toEqual({ code: 0, stderr: '' });
  expect(applied.stdout).toContain('Apply complete! Resources: 9 added, 0 changed, 0 destroyed.');

  const [replication] = sim.state.replications;
  expect([replication.info.name, replication.info.rpo, replication.info.auto_replicate_new_disks_enabled]).toEqual(['web-01', 15, true]);
  expect(sim.vcda.state.replications.map((r) => r.info.source.vmId)).toEqual([VCDA_VM_IDS['vcd-web-01']]);
  expect(sim.sdrs.state.pairs.map((p) => p.name)).toEqual(['web-data']);
  expect(sim.sdrs.state.groups.map((g) => g.status)).toEqual(['protected']);

  const plan = await run(terraformBinary(), ['plan', '-input=false', '-no-color', '-detailed-exitcode'], { cwd: stackDir, env });
  expect({ code: plan.code, stderr: plan.stderr }).toEqual({ code: 0, stderr: '' });
});

test('a state an earlier version stored with timeouts in seconds plans no change (read as durations)', async () => {
  const { stackDir, env } = world;
  const statePath = join(stackDir, 'terraform.tfstate');
  const state = JSON.parse(readFileSync(statePath, 'utf8')) as TfState;
  // Its timeouts are the defaults, as the constructs write them (whole minutes): an upgraded state matches them.
  const replication = state.resources.find((r) => r.type === 'repliform_vcda_replication');
  if (!replication) throw new Error('no repliform_vcda_replication in the state: run the test above first');
  const [instance] = replication.instances;
  expect([instance.schema_version, instance.attributes.timeouts]).toEqual([1, { create: '60m', update: '30m', delete: '30m' }]);
  instance.attributes.timeouts = { create_seconds: 3600, update_seconds: 1800, delete_seconds: 1800 };
  instance.schema_version = 0;
  writeFileSync(statePath, JSON.stringify({ ...state, serial: state.serial + 1 }));

  const plan = await run(terraformBinary(), ['plan', '-input=false', '-no-color', '-detailed-exitcode'], { cwd: stackDir, env });
  expect({ code: plan.code, stderr: plan.stderr }).toEqual({ code: 0, stderr: '' });
});

interface TfState {
  readonly serial: number;
  readonly resources: ReadonlyArray<{ readonly type: string; readonly instances: Array<{ attributes: Record<string, unknown>; schema_version: number }> }>;
}

/**
 * End to end with real Terraform and the native provider: a stack with a VCDA replication and a
 * repliform_vcda_test_failover of it. Apply starts the drill (a test VM on site2, from the replication's first
 * recovery point, waited for); the plan after it changes nothing; destroy cleans the drill up before the
 * replication goes, and nothing is left on the simulator: no test VM, no replication, no test image.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { planChanges, run, terraform } from '../../scripts/deploy-kit';
import { VCDA_VDC_IDS, VCDA_VM_IDS } from '../../src/simulator/vcda/inventory-seed';
import { initAndApply, providerHcl, providerWorld } from '../helpers/e2e';
import { VCDA_SIM_ENV } from '../helpers/sim-connections';

const world = providerWorld('e2e-vcda-drill', () => VCDA_SIM_ENV);

function stack(simUrl: string): string {
  return `${providerHcl(simUrl, ['vcda'])}
resource "repliform_vcda_replication" "web" {
  source      = { site = "site1", vm_id = "${VCDA_VM_IDS['vcd-web-01']}" }
  destination = { site = "site2", vdc = "${VCDA_VDC_IDS['vdc-gold']}" }
  settings    = { rpo_minutes = 15, retention_rules = [{ instances = 2, distance_minutes = 60 }] }
  on_delete   = { delete_replica = true }
}

resource "repliform_vcda_test_failover" "web" {
  replication_id = repliform_vcda_replication.web.id
}

output "drill" {
  value = { status = repliform_vcda_test_failover.web.status, test_vm = repliform_vcda_test_failover.web.test_vm_id, power = repliform_vcda_test_failover.web.power_state, point = repliform_vcda_test_failover.web.recovery_point_id }
}
`;
}

test('apply starts the drill, a plan after it changes nothing, destroy cleans it up before the replication: nothing left', async () => {
  const { sim, stackDir, env } = world;
  writeFileSync(join(stackDir, 'main.tf'), stack(sim.url));
  await initAndApply(stackDir, env);

  const [replication] = sim.vcda.state.replications;
  const testVm = sim.vcda.state.vms.find((vm) => vm.testOf === replication?.info.id);
  expect(replication?.info.destinationState?.recoveryInfo).toMatchObject({ recoveryState: 'TEST', vcdVmId: testVm?.id });
  expect(testVm).toMatchObject({ site: 'site2', powerState: 'POWERED_ON' });
  const output = await run('terraform', ['output', '-json', 'drill'], { cwd: stackDir, env });
  expect(JSON.parse(output.stdout)).toEqual({ status: 'running', test_vm: testVm?.id, power: 'POWERED_ON', point: 'instance-1' });
  expect((await planChanges(stackDir, env)).filter((c) => c.actions.join() !== 'no-op')).toEqual([]);

  await terraform(stackDir, ['destroy', '-auto-approve'], env);
  const writes = sim.requests.filter((r) => r.method !== 'GET' && r.path.startsWith('/vcda/vm-replications')).map((r) => `${r.method} ${r.path.replace(/C4-[0-9a-f-]+/, '{id}')}`);
  expect(writes).toEqual(['POST /vcda/vm-replications', 'POST /vcda/vm-replications/{id}/failover-test', 'DELETE /vcda/vm-replications/{id}/failover-test', 'DELETE /vcda/vm-replications/{id}']);
  expect(sim.vcda.state.replications).toEqual([]);
  expect(sim.vcda.state.vms.filter((vm) => vm.testOf !== undefined)).toEqual([]);
});

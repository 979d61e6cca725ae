/**
 * End to end with Terraform 1.11 and the native provider: SDRS state the code does not declare (issue 15). Protection
 * of a group stopped in the console, then a replication pair gone to `error`: `terraform plan` still says
 * "No changes." (there is nothing to change), and warns with the object, its status, what apply will do and the way
 * out; the apply sends nothing.
 */
import axios from 'axios';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { terraform } from '../../scripts/deploy-kit';
import { SDRS_ACCESS_KEY, SDRS_SECRET_KEY, SDRS_VOLUME_IDS } from '../../src/simulator';
import { initAndApply, providerHcl, providerWorld, SDRS_GROUP_HCL, SDRS_GROUP_REF_HCL } from '../helpers/e2e';

const world = providerWorld('e2e-sdrs-status', () => ({ HW_AK: SDRS_ACCESS_KEY, HW_SK: SDRS_SECRET_KEY }));
const DATA = SDRS_VOLUME_IDS['evs-web-01-data'];

function writeStack(simUrl: string): void {
  const group = SDRS_GROUP_REF_HCL;
  writeFileSync(
    join(world.stackDir, 'main.tf'),
    `${providerHcl(simUrl, ['sdrs'])}${SDRS_GROUP_HCL}
resource "repliform_sdrs_replication_pair" "web_data" {
  group      = ${group}
  volume_id  = "${DATA}"
  name       = "web-data"
  size_gb    = 100
  owner      = "e2e/web-data"
  depends_on = [repliform_sdrs_protection_group.web]
}

resource "repliform_sdrs_protection" "web" {
  group      = ${group}
  owner      = "e2e/protection"
  depends_on = [repliform_sdrs_replication_pair.web_data]
}
`,
  );
}

/** Terraform's output with its wrapped lines joined. */
function said(output: string): string {
  return output.replace(/\s*\n\s*/g, ' ');
}

test('protection stopped in the console and a pair in error show in terraform plan, with what apply will do', async () => {
  const { sim, stackDir, env } = world;
  writeStack(sim.url);
  expect((await initAndApply(stackDir, env)).code).toBe(0);
  const [group] = sim.sdrs.state.groups;
  const [pair] = sim.sdrs.state.pairs;
  expect([group.status, pair.status]).toEqual(['protected', 'protected']);
  expect(said((await terraform(stackDir, ['plan'], env)).stdout)).not.toContain('Warning');

  await axios.post(`${sim.url}/_sim/sdrs/server-groups/${group.id}`, { protection: 'stopped' });
  const stopped = said((await terraform(stackDir, ['plan'], env)).stdout);
  expect(stopped).toContain('No changes.');
  expect(stopped).toContain(
    `Warning: repliform_sdrs_protection protection of group ${group.id} is STOPPED in SDRS (group status available), not by this configuration: its replication pairs (1) do not replicate`,
  );
  expect(stopped).toContain("This plan changes nothing for it: terraform apply leaves it STOPPED. To start it again: `terraform apply -replace=<this resource's address>`");

  await axios.post(`${sim.url}/_sim/sdrs/replications/${pair.id}`, { status: 'error', failure_detail: 'SDRS.1606' });
  const broken = said((await terraform(stackDir, ['plan'], env)).stdout);
  expect(broken).toContain(`Warning: repliform_sdrs_replication_pair replication pair ${pair.id} "web-data" (volume ${DATA}) is error in SDRS: its create failed (failure_detail SDRS.1606)`);
  expect(broken).toContain('This plan changes nothing for it: terraform apply leaves it error.');

  sim.clearRequests();
  expect((await terraform(stackDir, ['apply', '-auto-approve'], env)).code).toBe(0);
  expect(sim.requests.filter((r) => r.service === 'sdrs' && r.method !== 'GET')).toEqual([]);
});

/**
 * End to end with Terraform 1.11 and the native provider against the simulator: `init` offline from the
 * filesystem mirror `repliform provider install` writes, apply, a no-change plan, an RPO change applied in
 * place, drift made through the simulator's admin API shown by `plan`, `import {}` blocks adopting replications
 * made elsewhere (by id, and by the VM's name), a deleted block deleting its replication, destroy leaving nothing — and no
 * secret in state, plan or the `TF_LOG=trace` output.
 */
import axios from 'axios';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { terraform } from '../../scripts/deploy-kit';
import { memoryOwnershipRecords } from '../../src/resources/ownership';
import { vrReplicationHandler } from '../../src/resources/vr/replication/handler';
import { replicationSpec, SIM_ENV, testContext } from '../helpers/context';
import { providerWorld, writeVrStack } from '../helpers/e2e';

const world = providerWorld('e2e-provider', () => ({ ...SIM_ENV }));

interface Replication {
  readonly name: string;
  readonly rpoMinutes: number;
}

function writeConfig(replications: readonly Replication[], tail = ''): void {
  writeVrStack(world.stackDir, world.sim.url, replications.map((r) => ({ vm: r.name, rpoMinutes: r.rpoMinutes })), tail);
}

function replicationsOf(vm: string) {
  return world.sim.state.replications.filter((r) => r.info.name === vm);
}

test('the provider through its whole lifecycle with real Terraform', async () => {
  const { sim, workDir, stackDir, env } = world;
  writeConfig([{ name: 'web-01', rpoMinutes: 15 }]);
  const init = await terraform(stackDir, ['init'], env);
  expect(init.stdout).toMatch(/Installing repliform\.invalid\/repliform\/repliform v\d+\.\d+\.\d+/);

  const created = await terraform(stackDir, ['apply', '-auto-approve'], env);
  expect(created.stdout).toContain('Apply complete! Resources: 1 added, 0 changed, 0 destroyed.');
  expect(replicationsOf('web-01')).toHaveLength(1);
  expect(replicationsOf('web-01')[0].info.rpo).toBe(15);
  const replicationId = replicationsOf('web-01')[0].info.id;
  // One session for the whole apply (its plan and apply walks share it through the cache), and its remote session.
  const logins = sim.requests.filter((r) => r.method === 'POST' && /\/session$|\/remote-session$/.test(r.path)).map((r) => r.path.replace(/^.*\/v2/, ''));
  expect(logins).toEqual(['/session', expect.stringMatching(/^\/pairings\/[^/]+\/remote-session$/)]);

  // A second plan with nothing changed: no changes, and Terraform read the live object (refresh).
  const noChange = await terraform(stackDir, ['plan', '-detailed-exitcode'], env);
  expect(noChange.stdout).toContain('No changes.');

  // RPO 15 → 10: shown as an in-place change of one attribute, applied without a resync.
  writeConfig([{ name: 'web-01', rpoMinutes: 10 }]);
  const rpoPlan = await terraform(stackDir, ['plan'], env);
  expect(rpoPlan.stdout).toMatch(/~ rpo_minutes +?= 15 -> 10\n/);
  expect(rpoPlan.stdout).toContain('Plan: 0 to add, 1 to change, 0 to destroy.');
  await terraform(stackDir, ['apply', '-auto-approve'], env);
  expect(replicationsOf('web-01').map((r) => [r.info.id, r.info.rpo])).toEqual([[replicationId, 10]]);

  // Drift made outside Terraform shows in the plan, which brings it back.
  await axios.post(`${sim.url}/_sim/vr/replications/${replicationId}/status`, { rpo: 30 });
  const driftPlan = await terraform(stackDir, ['plan'], env);
  expect(driftPlan.stdout).toMatch(/~ rpo_minutes +?= 30 -> 10\n/);

  await terraform(stackDir, ['apply', '-auto-approve'], env);
  expect(replicationsOf('web-01')[0].info.rpo).toBe(10);

  // import {} blocks adopt replications made elsewhere (by the handler in this process: recorded nowhere
  // Terraform's provider can see) — by id, and by the VM's name — announced in the plan and in the apply.
  const madeElsewhere = (vm: string) =>
    vrReplicationHandler.create(replicationSpec(sim.url, { vm: { name: vm }, target: { datastore: 'ds-b-gold' }, settings: { rpo_minutes: 20 } }), testContext(SIM_ENV, { ownership: memoryOwnershipRecords() }));
  const elsewhere = await madeElsewhere('db-01');
  const byName = await madeElsewhere('app-01');
  // The code asks for RPO 15 (the replications were made with 20): the import plan changes them in place.
  const adopt = { name: 'db-01', rpoMinutes: 15 };
  const adoptByName = { name: 'app-01', rpoMinutes: 15 };
  writeConfig([{ name: 'web-01', rpoMinutes: 10 }, adopt, adoptByName], `
import {
  to = repliform_vr_replication.db-01
  id = "${elsewhere.id}"
}
import {
  to = repliform_vr_replication.app-01
  id = "app-01"
}
`);
  const importPlan = await terraform(stackDir, ['plan'], env);
  expect(importPlan.stdout).toContain('repliform_vr_replication.db-01: Preparing import... [id=' + elsewhere.id + ']');
  expect(importPlan.stdout).toContain(`repliform_vr_replication ${elsewhere.id} will be adopted`);
  expect(importPlan.stdout).toContain(`repliform_vr_replication app-01 (${byName.id}) will be adopted`);
  expect(importPlan.stdout).toMatch(/Plan: 2 to import, 0 to add, 2 to change, 0 to destroy\./);
  const imported = await terraform(stackDir, ['apply', '-auto-approve'], env);
  expect(imported.stdout).toContain(`ADOPTING replication ${elsewhere.id}`);
  expect(imported.stdout).toContain(`ADOPTING replication ${byName.id}`);
  expect(replicationsOf('db-01').map((r) => r.info.id)).toEqual([elsewhere.id]);
  expect(replicationsOf('app-01').map((r) => r.info.id)).toEqual([byName.id]);
  writeConfig([{ name: 'web-01', rpoMinutes: 10 }, adopt, adoptByName]);
  expect((await terraform(stackDir, ['plan', '-detailed-exitcode'], env)).stdout).toContain('No changes.');

  // Deleting a block deletes its replication (replica disks kept), no removed block needed.
  writeConfig([adopt, adoptByName]);
  const removal = await terraform(stackDir, ['apply', '-auto-approve'], env);
  expect(removal.stdout).toContain('Resources: 0 added, 0 changed, 1 destroyed.');
  expect(replicationsOf('web-01')).toHaveLength(0);
  const unconfigure = sim.requests.filter((r) => r.method === 'POST' && r.path.endsWith(`/replications/${replicationId}/actions/unconfigure`));
  expect(unconfigure.map((r) => r.query)).toEqual([expect.objectContaining({ retain_replica_disks: 'true' })]);

  const destroyed = await terraform(stackDir, ['destroy', '-auto-approve'], { ...env, TF_LOG: 'trace', TF_LOG_PATH: join(workDir, 'trace.log') });
  expect(destroyed.stdout).toContain('Destroy complete! Resources: 2 destroyed.');
  expect(sim.state.replications).toHaveLength(0);

  // No secret anywhere Terraform wrote: state (and its backup), the trace log, the outputs.
  const written = [readFileSync(join(stackDir, 'terraform.tfstate'), 'utf8'), readFileSync(join(workDir, 'trace.log'), 'utf8'), created.stdout, created.stderr, imported.stdout, destroyed.stdout];
  for (const secret of [SIM_ENV.VR_SITE_A_PASSWORD ?? '?', SIM_ENV.VR_SITE_B_PASSWORD ?? '?', ...sim.issuedSessionIds]) {
    expect(written.filter((text) => text.includes(secret))).toEqual([]);
  }
});

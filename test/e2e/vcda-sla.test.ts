/**
 * End to end with Terraform 1.11 and the native provider (the default backing): a `VcdaReplication` with an SLA
 * profile instead of its own RPO, synthesized by the constructs as a user's app does, deployed, planned again
 * (no change), and destroyed (paused and kept, the default) — the request the server received names the profile.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { planChanges, terraform } from '../../scripts/deploy-kit';
import { VCDA_SLA_PROFILE_ID } from '../../src/simulator/vcda/inventory-seed';
import { initAndApply, providerWorld, synthVcdaApp } from '../helpers/e2e';
import { VCDA_SIM_ENV } from '../helpers/sim-connections';

const world = providerWorld('e2e-vcda-sla', () => VCDA_SIM_ENV);

/** The user's app: one VM protected under the SLA profile, synthesized with the default backing. */
const synthApp = (): string => synthVcdaApp(world.workDir, world.sim.url, 'vcda-sla', { slaProfileId: VCDA_SLA_PROFILE_ID, quiescing: true });

test('an SLA profile through the provider: apply starts it with the profile, the next plan is empty, destroy pauses and keeps it', async () => {
  const { sim, env } = world;
  const stackDir = synthApp();
  expect(readFileSync(join(stackDir, 'cdk.tf.json'), 'utf8')).toContain('"repliform_vcda_replication"');
  await initAndApply(stackDir, env);

  const starts = sim.requests.filter((r) => r.method === 'POST' && r.path === '/vcda/vm-replications');
  expect(starts).toHaveLength(1);
  expect(starts[0].body).toMatchObject({ slaProfileId: VCDA_SLA_PROFILE_ID, quiesced: true, description: '[repliform owner=vcda-sla/vcd-web-01]' });
  expect(starts[0].body).not.toHaveProperty('rpo');
  const [live] = sim.vcda.state.replications;
  expect(live.info.settings.slaProfileId).toBe(VCDA_SLA_PROFILE_ID);

  const idle = await planChanges(stackDir, env);
  expect(idle.filter((c) => c.actions.join() !== 'no-op')).toEqual([]);

  await terraform(stackDir, ['destroy', '-auto-approve'], env);
  expect(sim.vcda.state.replications.map((r) => [r.info.id, r.info.isPaused])).toEqual([[live.info.id, true]]);
});

/**
 * End to end with Terraform 1.11 and the native provider (the default backing): a `VcdaReplication` whose code
 * sets no retention rules leaves them to the server. Deployed (the server answers `rules: []`), then given rules
 * in VCDA outside Terraform, `terraform plan` changes nothing each time — and a quiescing changed outside is still
 * planned back to the code.
 */
import { planChanges, terraform } from '../../scripts/deploy-kit';
import { initAndApply, providerWorld, synthVcdaApp } from '../helpers/e2e';
import { VCDA_SIM_ENV } from '../helpers/sim-connections';

const world = providerWorld('e2e-vcda-no-retention', () => VCDA_SIM_ENV);

/** The user's app: one VM replicated with an RPO and nothing else set. */
const synthApp = (): string => synthVcdaApp(world.workDir, world.sim.url, 'vcda-no-retention', { rpoMinutes: 30 });

const planned = async (stackDir: string): Promise<string[]> =>
  (await planChanges(stackDir, world.env)).filter((c) => c.actions.join() !== 'no-op').map((c) => `${c.actions.join('+')} ${c.address}`);

test('retention rules the code leaves out: no change planned after the apply, nor after rules are set in VCDA; a changed quiescing is planned back', async () => {
  const { sim, env } = world;
  const stackDir = synthApp();
  await initAndApply(stackDir, env);
  const [replication] = sim.vcda.state.replications;
  expect(replication.info.settings.retentionPolicy).toEqual({ rules: [] });
  expect(await planned(stackDir)).toEqual([]);

  const rules = { rules: [{ numberOfInstances: 3, distance: 60 }] };
  sim.vcda.change(() => {
    replication.info.settings.retentionPolicy = rules;
  });
  expect(await planned(stackDir)).toEqual([]);

  sim.vcda.change(() => {
    replication.info.settings.quiesced = true;
  });
  expect(await planned(stackDir)).toEqual([expect.stringMatching(/^update repliform_vcda_replication\.vcd-web-01_replication/)]);
  await terraform(stackDir, ['apply', '-auto-approve', 'tfplan'], env);
  expect(replication.info.settings).toMatchObject({ quiesced: false, retentionPolicy: rules });
  expect(await planned(stackDir)).toEqual([]);
});

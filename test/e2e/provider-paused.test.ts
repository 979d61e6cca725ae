/**
 * End to end with Terraform 1.11 and the native provider: a replication paused outside Terraform. `terraform plan`
 * refreshes its `status` and says so in a warning — with no change planned ("No changes." alone hid it), and with a
 * settings change planned (which the apply refuses while it is paused) — and says the way out.
 */
import { run, terraform, terraformBinary } from '../../scripts/deploy-kit';
import { SIM_ENV } from '../helpers/context';
import { initAndApply, providerWorld, writeVrStack } from '../helpers/e2e';

const world = providerWorld('e2e-paused', () => ({ ...SIM_ENV }));

function writeConfig(rpoMinutes: number): void {
  writeVrStack(world.stackDir, world.sim.url, [{ vm: 'web-01', rpoMinutes }]);
}

/** Terraform's warning block, its lines joined (it wraps long lines). */
function warningText(output: string): string {
  return output.replace(/\s*\n\s*/g, ' ');
}

test('a replication paused outside Terraform shows in terraform plan, with what apply will do', async () => {
  const { sim, stackDir, env } = world;
  writeConfig(15);
  await initAndApply(stackDir, env);
  const [replication] = sim.state.replications;
  sim.setReplicationStatus(replication.info.id, { status: 'PAUSED' });

  const unchanged = await terraform(stackDir, ['plan'], env);
  const said = warningText(unchanged.stdout);
  expect(said).toContain('No changes.');
  expect(said).toContain(
    `Warning: repliform_vr_replication web-01 is PAUSED on the server (not by this configuration): replication ${replication.info.id} is not protecting the VM`,
  );
  expect(said).toContain('This plan changes nothing for it: terraform apply leaves it PAUSED.');
  expect(said).toContain(`Resume it with \`repliform vr resume --vm web-01 --remote-site vc-b.example.local --endpoint ${sim.url} …\` if the pause is over`);

  writeConfig(30);
  const changed = await terraform(stackDir, ['plan'], env);
  const warned = warningText(changed.stdout);
  expect(warned).toContain('Plan: 0 to add, 1 to change, 0 to destroy.');
  expect(warned).toContain('terraform apply will stop at it before making any change, as it is PAUSED.');

  const applied = await run(terraformBinary(), ['apply', '-input=false', '-no-color', '-auto-approve'], { cwd: stackDir, env });
  expect(applied.code).toBe(1);
  expect(sim.requests.filter((r) => r.method === 'POST' && /\/actions\/reconfigure$/.test(r.path))).toEqual([]);
});

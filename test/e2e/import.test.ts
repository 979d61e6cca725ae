/**
 * Imports with real Terraform.
 *
 * - `terraform import` of a lifecycle resource: terraform_data accepts any id and stores no input. The apply after
 *   it replaces the imported resource: its delete sees a null spec and must skip loudly (it used to fail with
 *   "Expected object, received null" on every apply until `terraform state rm`), and the create that follows
 *   manages the real replication. Destroy then works as usual.
 * - An import through the native provider whose identity differs from the code (an `import {}` block, and the
 *   `terraform import` command) is refused at apply and leaves the state as it was before the import: the next
 *   plan and destroy work (they used to fail on the id-only stub the import left), the replication is untouched,
 *   and the error says the way out.
 * - One stack adopting another's replication (on one machine) names that stack, and the old stack's next plan
 *   drops the replication from its state, saying who owns it now; its destroy leaves it.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { providerEnv, run, synthExample, terraform, terraformBinary, terraformEnv } from '../../scripts/deploy-kit';
import { memoryOwnershipRecords } from '../../src/resources/ownership';
import { vrReplicationHandler } from '../../src/resources/vr/replication/handler';
import { replicationSpec, SIM_ENV, testContext } from '../helpers/context';
import { initAndApply, simulatorWorkDir, writeVrStack } from '../helpers/e2e';

const world = simulatorWorkDir('e2e-import');

interface StackJson {
  readonly resource: { readonly terraform_data: Record<string, { readonly input?: { readonly owner?: string } }> };
}

/** The Terraform address of the identity resource of one VrReplication. */
function identityAddress(stackDir: string, owner: string): string {
  const json = JSON.parse(readFileSync(join(stackDir, 'cdk.tf.json'), 'utf8')) as StackJson;
  const found = Object.entries(json.resource.terraform_data).find(([, resource]) => resource.input?.owner === owner);
  if (!found) throw new Error(`no identity resource of ${owner}`);
  return `terraform_data.${found[0]}`;
}

test('an imported replication resource does not wedge the state: apply and destroy succeed and say what happened', async () => {
  const { sim, workDir } = world;
  const env = terraformEnv(workDir, { ...SIM_ENV, VR_ENDPOINT: sim.url, WEB_RPO_MINUTES: '15' });
  const stackDir = (await synthExample('vr-basic', join(workDir, 'cdktf.out'), env))['vr-basic'];
  await terraform(stackDir, ['init'], env);

  const address = identityAddress(stackDir, 'vr-basic/web-01');
  const imported = await terraform(stackDir, ['import', address, 'replication-web-01'], env);
  expect(imported.stdout).toContain('Import successful!');

  const applied = await terraform(stackDir, ['apply', '-auto-approve'], env);
  expect(applied.stdout).toContain(
    'repliform warning: vr.replication delete skipped: this resource has no spec (its input is null), which is what `terraform import` leaves',
  );
  expect(sim.state.replications.map((r) => r.info.name).sort()).toEqual(['db-01', 'web-01', 'web-02']);
  expect(sim.state.removedReplications).toHaveLength(0);

  await terraform(stackDir, ['destroy', '-auto-approve'], env);
  expect(sim.state.replications).toHaveLength(0);
});

/** A provider stack with one replication `r` of `vm` to ds-b-gold (with `attributes`), and `tail` (e.g. an import block). */
function writeProviderStack(stackDir: string, vm: string, tail = '', attributes = ''): void {
  writeVrStack(stackDir, world.sim.url, [{ name: 'r', vm, rpoMinutes: 20, attributes }], tail);
}

/** A replication of `vm` to ds-b-silver made outside Terraform (recorded nowhere the provider can see). */
async function replicationElsewhere(vm: string): Promise<string> {
  const spec = replicationSpec(world.sim.url, { vm: { name: vm }, target: { datastore: 'ds-b-silver' }, settings: { rpo_minutes: 20 } });
  return (await vrReplicationHandler.create(spec, testContext(SIM_ENV, { ownership: memoryOwnershipRecords() }))).id;
}

describe('a provider import whose identity differs from the code', () => {
  let providerDir: string;
  let env: NodeJS.ProcessEnv;
  const tf = (stackDir: string, args: readonly string[]) => run(terraformBinary(), [args[0], '-input=false', '-no-color', ...args.slice(1)], { cwd: stackDir, env });

  beforeAll(async () => {
    providerDir = join(world.workDir, 'provider');
    mkdirSync(providerDir);
    env = await providerEnv(providerDir, { ...SIM_ENV });
  });

  async function expectStateAsBefore(stackDir: string, vm: string, id: string): Promise<void> {
    writeProviderStack(stackDir, vm);
    const plan = await tf(stackDir, ['plan']);
    expect(plan.stderr).toBe('');
    expect(plan.stdout.replace(/\s+/g, ' ')).toContain(`Warning: repliform_vr_replication ${id}: the refused import is dropped from the state`);
    expect(plan.stdout).toContain('Plan: 1 to add, 0 to change, 0 to destroy.');
    const destroyed = await tf(stackDir, ['destroy', '-auto-approve']);
    expect(destroyed.stderr).toBe('');
    expect(destroyed.stdout).toContain('Resources: 0 destroyed.');
    expect(world.sim.state.replications.filter((r) => r.info.name === vm).map((r) => r.info.id)).toEqual([id]);
  }

  test('an import {} block: the apply refuses it, says the way out, and leaves the state as it was', async () => {
    const stackDir = join(providerDir, 'block');
    mkdirSync(stackDir, { recursive: true });
    const id = await replicationElsewhere('db-01');
    writeProviderStack(stackDir, 'db-01', `import {\n  to = repliform_vr_replication.r\n  id = "${id}"\n}\n`);
    await terraform(stackDir, ['init'], env);
    const refused = await tf(stackDir, ['apply', '-auto-approve']);
    expect(refused.code).toBe(1);
    expect(refused.stderr.replace(/\s+/g, ' ')).toContain(
      `The import was refused, so nothing was imported: the next plan or refresh drops it and the state is as it was before the import. Change the code to match the live object, or remove the import block of repliform_vr_replication ${id}`,
    );
    await expectStateAsBefore(stackDir, 'db-01', id);
  });

  test('terraform import: the apply refuses it, says the way out, and leaves the state as it was', async () => {
    const stackDir = join(providerDir, 'command');
    mkdirSync(stackDir, { recursive: true });
    const id = await replicationElsewhere('app-01');
    writeProviderStack(stackDir, 'app-01');
    await terraform(stackDir, ['init'], env);
    await terraform(stackDir, ['import', 'repliform_vr_replication.r', id], env);
    const refused = await tf(stackDir, ['apply', '-auto-approve']);
    expect(refused.code).toBe(1);
    expect(refused.stderr.replace(/\s+/g, ' ')).toContain('The import was refused, so nothing was imported');
    await expectStateAsBefore(stackDir, 'app-01', id);
  });
});

test("a stack adopting another stack's replication names it, and the old stack's plan and destroy leave it", async () => {
  const { sim, workDir } = world;
  const [stackA, stackB] = [join(workDir, 'takeover', 'a'), join(workDir, 'takeover', 'b')];
  for (const dir of [stackA, stackB]) mkdirSync(dir, { recursive: true });
  const env = await providerEnv(join(workDir, 'takeover'), { ...SIM_ENV });
  writeProviderStack(stackA, 'file-01', '', '  owner = "stack-a/file-01"\n');
  writeProviderStack(stackB, 'file-01', '', '  owner = "stack-b/file-01"\n  adopt = true\n');
  await initAndApply(stackA, env);
  const [id] = sim.state.replications.filter((r) => r.info.name === 'file-01').map((r) => r.info.id);

  await terraform(stackB, ['init'], env);
  const adopted = await terraform(stackB, ['apply', '-auto-approve'], env);
  expect(adopted.stdout.replace(/\s+/g, ' ')).toContain(
    `ADOPTING replication ${id}, which this code did not create (adopt: true), from stack-a/file-01 (this machine's records)`,
  );

  const oldPlan = await terraform(stackA, ['plan'], env);
  expect(oldPlan.stdout.replace(/\s+/g, ' ')).toContain(`Warning: repliform_vr_replication ${id} is now owned by stack-b/file-01, not stack-a/file-01: dropped from this stack's state`);
  const oldDestroy = await terraform(stackA, ['destroy', '-auto-approve'], env);
  expect(oldDestroy.stdout).toContain('Resources: 0 destroyed.');
  expect(sim.state.replications.filter((r) => r.info.name === 'file-01').map((r) => r.info.id)).toEqual([id]);
});

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
 * - An import reads the whole object: `terraform plan -generate-config-out` writes configuration that validates and
 *   applies in one go (a VR and a VCDA replication, an SDRS group and pair made outside Terraform), with no secret
 *   in the state; an import plan of code that matches the object changes nothing; a missing id fails the import.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { providerEnv, run, synthExample, terraform, terraformBinary, terraformEnv } from '../../scripts/deploy-kit';
import { ResourceType } from '../../src/provider/resource-type';
import { memoryOwnershipRecords } from '../../src/resources/ownership';
import { kindFor } from '../../src/resources/registry';
import { vrReplicationHandler } from '../../src/resources/vr/replication/handler';
import { SDRS_ACCESS_KEY, SDRS_SECRET_KEY, SDRS_VOLUME_IDS } from '../../src/simulator';
import { VCDA_VDC_IDS, VCDA_VM_IDS } from '../../src/simulator/vcda/inventory-seed';
import { replicationSpec, SIM_ENV, testContext } from '../helpers/context';
import { initAndApply, providerHcl, simulatorWorkDir, writeVrStack } from '../helpers/e2e';
import { createdBy } from '../helpers/provider-types';
import { sdrsGroupJson, sdrsGroupRef, sdrsConnection, vcdaConnection, VCDA_SIM_ENV } from '../helpers/sim-connections';

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

describe('an import reads the whole object', () => {
  let env: NodeJS.ProcessEnv;
  const tf = (stackDir: string, args: readonly string[]) => run(terraformBinary(), [args[0], '-input=false', '-no-color', ...args.slice(1)], { cwd: stackDir, env });
  const flat = (text: string) => text.replace(/\s+/g, ' ');

  beforeAll(async () => {
    mkdirSync(join(world.workDir, 'reads'));
    env = await providerEnv(join(world.workDir, 'reads'), { ...SIM_ENV, ...VCDA_SIM_ENV, HW_AK: SDRS_ACCESS_KEY, HW_SK: SDRS_SECRET_KEY });
  });

  function stackDir(name: string): string {
    const dir = join(world.workDir, 'reads', name);
    mkdirSync(dir, { recursive: true });
    return dir;
  }

  /** An object made outside Terraform, as `kind` with the provider's connection `connection` makes it; its id. */
  async function madeOutside(kind: string, vendor: string, connection: unknown, variables: NodeJS.ProcessEnv, json: Record<string, unknown>): Promise<string> {
    const ctx = testContext(variables, { ownership: memoryOwnershipRecords() });
    const type = new ResourceType(await kindFor(kind)).bind({ connectionFor: (name) => (name === vendor ? connection : undefined), stopReason: () => undefined, context: () => ctx });
    return String((await createdBy(type, json)).id);
  }

  const importBlock = (to: string, id: string) => `\nimport {\n  to = ${to}\n  id = "${id}"\n}\n`;

  test('plan -generate-config-out writes configuration that applies in one go: VR, VCDA and SDRS objects made elsewhere', async () => {
    const { sim } = world;
    const dir = stackDir('generated');
    const vr = (await vrReplicationHandler.create(replicationSpec(sim.url, { vm: { name: 'app-02' }, settings: { rpo_minutes: 30 } }), testContext(SIM_ENV, { ownership: memoryOwnershipRecords() }))).id;
    const vcda = await madeOutside('vcda.replication', 'vcda', vcdaConnection(sim.url), VCDA_SIM_ENV, {
      source: { site: 'site1', vm_id: VCDA_VM_IDS['vcd-web-01'] },
      destination: { site: 'site2', vdc: VCDA_VDC_IDS['vdc-gold'] },
      settings: { rpo_minutes: 30 },
      owner: 'elsewhere/vcd-web-01',
    });
    const sdrs = { connection: sdrsConnection(sim.url), variables: { HW_AK: SDRS_ACCESS_KEY, HW_SK: SDRS_SECRET_KEY } };
    const group = await madeOutside('sdrs.protection-group', 'sdrs', sdrs.connection, sdrs.variables, sdrsGroupJson('elsewhere/group'));
    const pair = await madeOutside('sdrs.replication-pair', 'sdrs', sdrs.connection, sdrs.variables, {
      group: sdrsGroupRef('elsewhere/group'), volume_id: SDRS_VOLUME_IDS['evs-web-01-data'], name: 'web-data', size_gb: null, owner: 'elsewhere/web-data',
    });
    writeFileSync(
      join(dir, 'main.tf'),
      providerHcl(world.sim.url) +
        importBlock('repliform_vr_replication.app_02', vr) +
        importBlock('repliform_vcda_replication.web_01', vcda) +
        importBlock('repliform_sdrs_protection_group.web', group) +
        importBlock('repliform_sdrs_replication_pair.web_data', pair),
    );
    await terraform(dir, ['init'], env);

    const plan = await tf(dir, ['plan', '-generate-config-out=generated.tf']);
    expect(plan.stderr).toBe('');
    expect(plan.stdout).toContain('Plan: 4 to import, 0 to add, 0 to change, 0 to destroy.');
    const generated = flat(readFileSync(join(dir, 'generated.tf'), 'utf8'));
    expect(generated).toContain('resource "repliform_vr_replication" "app_02" {');
    expect(generated).toContain('target = { datastore = "ds-b-gold" disk_format = "SAME_AS_SOURCE" replication_server = null storage_policy = null }');
    expect(generated).toContain('owner = "elsewhere/vcd-web-01"');
    expect(generated).toContain('adopt = true');

    const applied = await tf(dir, ['apply', '-auto-approve']);
    expect(applied.stderr).toBe('');
    expect(applied.stdout).toContain('Apply complete! Resources: 4 imported, 0 added, 0 changed, 0 destroyed.');
    const again = await tf(dir, ['plan', '-detailed-exitcode']);
    expect(again.stdout).toContain('No changes.');
    expect(again.code).toBe(0);
    // The connections are the provider's: not even the names of the variables that hold secrets are in the state.
    const state = readFileSync(join(dir, 'terraform.tfstate'), 'utf8');
    expect(state).not.toMatch(/_env"|HW_SK|PASSWORD/);
    expect(sim.state.replications.filter((r) => r.info.name === 'app-02').map((r) => r.info.id)).toEqual([vr]);
  });

  test('an import plan of code that matches the replication changes nothing', async () => {
    const { sim } = world;
    const dir = stackDir('matching');
    const id = (await vrReplicationHandler.create(replicationSpec(sim.url, { vm: { name: 'app-03' }, settings: { rpo_minutes: 20 } }), testContext(SIM_ENV, { ownership: memoryOwnershipRecords() }))).id;
    writeVrStack(dir, sim.url, [{ name: 'r', vm: 'app-03', rpoMinutes: 20 }], importBlock('repliform_vr_replication.r', id));
    await terraform(dir, ['init'], env);
    const plan = await tf(dir, ['plan']);
    expect(plan.stderr).toBe('');
    expect(plan.stdout).toContain(`repliform_vr_replication.r: Preparing import... [id=${id}]`);
    expect(plan.stdout).toContain('Plan: 1 to import, 0 to add, 0 to change, 0 to destroy.');
    // Nothing to apply, so no apply announces the adoption: the plan does (adoption is never silent).
    expect(plan.stdout.replace(/\s+/g, ' ')).toContain(`Warning: repliform_vr_replication ${id} will be adopted as it is`);
  });

  test('terraform import of an id that does not exist fails and imports nothing', async () => {
    const { sim } = world;
    const dir = stackDir('missing');
    writeVrStack(dir, sim.url, [{ name: 'r', vm: 'app-04', rpoMinutes: 20 }]);
    await terraform(dir, ['init'], env);
    const imported = await tf(dir, ['import', 'repliform_vr_replication.r', 'GID-no-such-replication']);
    expect(imported.code).toBe(1);
    expect(imported.stdout).not.toContain('Import successful!');
    expect(flat(imported.stderr)).toContain(
      `Error: import of repliform_vr_replication: vr.replication "GID-no-such-replication" does not exist: no replication with this id, nor of a VM with this name, on the 1 pairing(s) of ${sim.url}`,
    );
    const listed = await run(terraformBinary(), ['state', 'list'], { cwd: dir, env });
    expect(listed.stdout).toBe('');
  });
});

/**
 * `terraform import` of a lifecycle resource, with real Terraform: terraform_data accepts any id and stores no
 * input. The apply after it replaces the imported resource: its delete sees a null spec and must skip loudly
 * (it used to fail with "Expected object, received null" on every apply until `terraform state rm`), and the
 * create that follows manages the real replication. Destroy then works as usual.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { synthExample, terraform, terraformEnv } from '../../scripts/deploy-kit';
import { startSimulator, type RunningSimulator } from '../../src/simulator';
import { SIM_ENV } from '../helpers/context';

let sim: RunningSimulator;
let workDir: string;

beforeAll(async () => {
  sim = await startSimulator({ taskDelayMs: 50 });
  workDir = mkdtempSync(join(tmpdir(), 'repliform-e2e-import-'));
});

afterAll(async () => {
  await sim.close();
  rmSync(workDir, { recursive: true, force: true });
});

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

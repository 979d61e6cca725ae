/**
 * End to end with Terraform 1.11 and the native provider (the default backing) for the VCDA and SDRS examples:
 * deploy, a no-change plan, a change in place (one resource updated, nothing replaced) that `review` calls
 * in place, drift seen by `terraform plan`, destroy with nothing lost — and no secret in the state, the output
 * or the `TF_LOG=trace` log.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SdrsClient } from '../../lib/client/sdrs/sdrs-client';
import { VcdaClient } from '../../lib/client/vcda/vcda-client';
import { planChanges, providerEnv, run, synthExample, terraform } from '../../scripts/deploy-kit';
import { startSimulator, type RunningSimulator } from '../../src/simulator';
import { SDRS_PROJECT_ID, SDRS_VOLUME_IDS } from '../../src/simulator/sdrs/inventory-seed';
import { VCDA_VDC_IDS } from '../../src/simulator/vcda/inventory-seed';

const CANARY_AK = 'CANARYAKPROV7F3Q9ZK2';
const CANARY_SK = 'Canary-Provider-Sdrs-Secret-4b8e1d6a';
const CANARY_SITE1 = 'Canary-Provider-Vcda-Site1-5d2c!';
const CANARY_SITE2 = 'Canary-Provider-Vcda-Site2-9f4b!';
const SECRETS = [CANARY_AK, CANARY_SK, CANARY_SITE1, CANARY_SITE2];

let sim: RunningSimulator;
let workDir: string;
let baseEnv: NodeJS.ProcessEnv;

beforeAll(async () => {
  sim = await startSimulator({
    taskDelayMs: 50,
    sdrs: { accessKeys: [{ accessKey: CANARY_AK, secretKey: CANARY_SK }] },
    vcda: { users: { site1: { username: 'vcda-admin@org1', password: CANARY_SITE1 }, site2: { username: 'vcda-admin@org2', password: CANARY_SITE2 } } },
  });
  workDir = mkdtempSync(join(tmpdir(), 'repliform-e2e-provider-vendors-'));
  baseEnv = await providerEnv(workDir, {
    VCDA_ENDPOINT: `${sim.url}/vcda`,
    VCDA_SITE1_USER: 'vcda-admin@org1',
    VCDA_SITE1_PASSWORD: CANARY_SITE1,
    VCDA_SITE2_USER: 'vcda-admin@org2',
    VCDA_SITE2_PASSWORD: CANARY_SITE2,
    VCDA_DESTINATION_VDC: VCDA_VDC_IDS['vdc-gold'],
    SDRS_ENDPOINT: `${sim.url}/sdrs`,
    SDRS_PROJECT_ID,
    HW_AK: CANARY_AK,
    HW_SK: CANARY_SK,
  });
});

afterAll(async () => {
  await sim.close();
  rmSync(workDir, { recursive: true, force: true });
});

const changed = (plan: ReadonlyArray<{ address: string; actions: readonly string[] }>): string[] =>
  plan.filter((c) => c.actions.join() !== 'no-op').map((c) => `${c.actions.join('+')} ${c.address.replace(/_[0-9A-F]{8}$/, '')}`);

async function reviewJson(stackDir: string, env: NodeJS.ProcessEnv): Promise<{ summary: { risks: { resync: number } }; items: Array<{ kind: string; action: string; summary: string }> }> {
  const shown = await run('terraform', ['show', '-json', 'tfplan'], { cwd: stackDir, env });
  writeFileSync(join(workDir, 'plan.json'), shown.stdout);
  const result = await run(join(workDir, 'bin', 'repliform'), ['review', '--plan', join(workDir, 'plan.json'), '--format', 'json'], { cwd: workDir, env });
  expect(result.stderr).toBe('');
  return JSON.parse(result.stdout) as { summary: { risks: { resync: number } }; items: Array<{ kind: string; action: string; summary: string }> };
}

function expectNoSecret(texts: readonly string[]): void {
  for (const secret of SECRETS) expect(texts.filter((text) => text.includes(secret))).toEqual([]);
}

test('VCDA through the provider: deploy, RPO 15 → 10 in place, drift in plan, destroy (one kept paused, one deleted)', async () => {
  const env = (rpo: number) => ({ ...baseEnv, WEB_RPO_MINUTES: String(rpo) });
  const outdir = join(workDir, 'vcda.out');
  const stackDir = (await synthExample('vcda-basic', outdir, env(15)))['vcda-basic'];
  expect(readFileSync(join(stackDir, 'cdk.tf.json'), 'utf8')).toContain('"repliform_vcda_replication"');
  await terraform(stackDir, ['init'], env(15));
  const printed = [(await terraform(stackDir, ['apply', '-auto-approve'], env(15))).stdout];
  const client = new VcdaClient({ endpoint: `${sim.url}/vcda`, credentials: { username: 'vcda-admin@org1', password: CANARY_SITE1 } });
  const before = await client.listReplications();
  expect(before.map((r) => r.settings.rpo)).toEqual([15, 15]);
  expect(changed(await planChanges(stackDir, env(15)))).toEqual([]);

  await synthExample('vcda-basic', outdir, env(10));
  expect(changed(await planChanges(stackDir, env(10)))).toEqual(['update repliform_vcda_replication.vcd-web-01_replication', 'update repliform_vcda_replication.vcd-web-02_replication']);
  const reviewed = await reviewJson(stackDir, env(10));
  expect(reviewed.summary.risks.resync).toBe(0);
  printed.push((await terraform(stackDir, ['apply', '-auto-approve', 'tfplan'], env(10))).stdout);
  const after = await client.listReplications();
  expect(after.map((r) => [r.id, r.settings.rpo])).toEqual(before.map((r) => [r.id, 10]));

  // An RPO changed in VCDA is seen by Terraform's refresh, and put back.
  const drifted = await fetch(`${sim.url}/_sim/vcda/replications/${after[0].id}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ rpo: 60 }) });
  expect(drifted.status).toBe(200);
  const drift = await terraform(stackDir, ['plan'], env(10));
  expect(drift.stdout).toMatch(/~ rpo_minutes +?= 60 -> 10\n/);

  const trace = join(workDir, 'vcda-trace.log');
  printed.push((await terraform(stackDir, ['destroy', '-auto-approve'], { ...env(10), TF_LOG: 'trace', TF_LOG_PATH: trace })).stdout);
  const left = await client.listReplications();
  expect(left.map((r) => r.isPaused)).toEqual([true]);
  await client.logout();
  expectNoSecret([...printed, readFileSync(join(workDir, 'terraform.vcda-basic.tfstate'), 'utf8'), readFileSync(trace, 'utf8')]);
});

test('SDRS through the provider: deploy, rename and expand a pair in place, destroy with nothing left but the DR-site disks', async () => {
  const env = (name: string, size: number) => ({ ...baseEnv, WEB_DATA_PAIR_NAME: name, WEB_DATA_SIZE_GB: String(size) });
  const outdir = join(workDir, 'sdrs.out');
  const stackDir = (await synthExample('sdrs-basic', outdir, env('web-data', 100)))['sdrs-basic'];
  await terraform(stackDir, ['init'], env('web-data', 100));
  const printed = [(await terraform(stackDir, ['apply', '-auto-approve'], env('web-data', 100))).stdout];
  const client = new SdrsClient({ endpoint: `${sim.url}/sdrs`, projectId: SDRS_PROJECT_ID, credentials: { accessKey: CANARY_AK, secretKey: CANARY_SK } });
  const pairs = await client.listReplications();
  expect(pairs.map((p) => p.name).sort()).toEqual(['db-data', 'web-data']);
  expect(changed(await planChanges(stackDir, env('web-data', 100)))).toEqual([]);

  await synthExample('sdrs-basic', outdir, env('web-data-v2', 150));
  expect(changed(await planChanges(stackDir, env('web-data-v2', 150)))).toEqual(['update repliform_sdrs_replication_pair.web-data_pair']);
  const reviewed = await reviewJson(stackDir, env('web-data-v2', 150));
  expect(reviewed.items.filter((i) => i.action !== 'no-change').map((i) => [i.kind, i.action, i.summary])).toEqual([
    ['sdrs.replication-pair', 'update', 'renamed or expanded in place: no resync'],
  ]);
  printed.push((await terraform(stackDir, ['apply', '-auto-approve', 'tfplan'], env('web-data-v2', 150))).stdout);
  const web = (await client.listReplications()).find((p) => p.volume_ids?.split(',')[0] === SDRS_VOLUME_IDS['evs-web-01-data']);
  expect(web).toMatchObject({ name: 'web-data-v2', record_metadata: { volume_size: 150 } });
  expect(web?.id).toBe(pairs.find((p) => p.name === 'web-data')?.id);

  const trace = join(workDir, 'sdrs-trace.log');
  printed.push((await terraform(stackDir, ['destroy', '-auto-approve'], { ...env('web-data-v2', 150), TF_LOG: 'trace', TF_LOG_PATH: trace })).stdout);
  expect([await client.listProtectionGroups(), await client.listReplications(), await client.listProtectedInstances()]).toEqual([[], [], []]);
  expect(sim.sdrs.state.inventory.volumes.filter((v) => v.dr).map((v) => v.size_gb).sort()).toEqual([150, 200]);
  expectNoSecret([...printed, readFileSync(join(workDir, 'terraform.sdrs-basic.tfstate'), 'utf8'), readFileSync(trace, 'utf8')]);
});

/**
 * End to end with real Terraform against the simulator's Huawei Cloud SDRS API (`<url>/sdrs`): synth
 * examples/sdrs-basic → apply (a protection group, two replication pairs, a protected instance attaching one of them,
 * protection enabled last) → nothing to do on a second plan → the web data pair renamed and expanded: planned as its
 * settings resource only, `repliform review` says in place with the data kept, applied with the same pair id → destroy
 * (protection stopped first) → nothing left on the simulator but the DR-site volumes and server (kept by default).
 * No AK/SK value and no signature in cdk.tf.json, the state or anything printed.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SdrsClient } from '../../lib/client/sdrs/sdrs-client';
import { planChanges, projectRoot, run, synthExample, terraform, terraformEnv } from '../../scripts/deploy-kit';
import { startSimulator, type RunningSimulator } from '../../src/simulator';
import { SDRS_PROJECT_ID, SDRS_SERVER_IDS, SDRS_VOLUME_IDS } from '../../src/simulator/sdrs/inventory-seed';

const CANARY_AK = 'CANARYAKSDRS7F3Q9ZK2';
const CANARY_SK = 'Canary-Sdrs-Secret-Key-4b8e1d6a9c2f';

let sim: RunningSimulator;
let workDir: string;

beforeAll(async () => {
  sim = await startSimulator({ taskDelayMs: 50, sdrs: { accessKeys: [{ accessKey: CANARY_AK, secretKey: CANARY_SK }] } });
  workDir = mkdtempSync(join(tmpdir(), 'repliform-e2e-sdrs-'));
});

afterAll(async () => {
  await sim.close();
  rmSync(workDir, { recursive: true, force: true });
});

function env(pairName = 'web-data', sizeGb = 100): NodeJS.ProcessEnv {
  return terraformEnv(workDir, {
    SDRS_ENDPOINT: `${sim.url}/sdrs`,
    SDRS_PROJECT_ID,
    HW_AK: CANARY_AK,
    HW_SK: CANARY_SK,
    WEB_DATA_PAIR_NAME: pairName,
    WEB_DATA_SIZE_GB: String(sizeGb),
  });
}

function client(): SdrsClient {
  return new SdrsClient({ endpoint: `${sim.url}/sdrs`, projectId: SDRS_PROJECT_ID, credentials: { accessKey: CANARY_AK, secretKey: CANARY_SK } });
}

/** What lives on the simulator, read over HTTP. */
async function live(): Promise<{
  groups: Awaited<ReturnType<SdrsClient['listProtectionGroups']>>;
  pairs: Awaited<ReturnType<SdrsClient['listReplications']>>;
  instances: Awaited<ReturnType<SdrsClient['listProtectedInstances']>>;
}> {
  const c = client();
  return { groups: await c.listProtectionGroups(), pairs: await c.listReplications(), instances: await c.listProtectedInstances() };
}

interface ReviewJson {
  readonly summary: { readonly risks: { readonly resync: number } };
  readonly items: ReadonlyArray<{
    readonly kind: string;
    readonly action: string;
    readonly summary: string;
    readonly retain_replica_disks: boolean;
    readonly risks: readonly unknown[];
    readonly changes: ReadonlyArray<{ readonly field: string; readonly effect: string }>;
  }>;
}

async function review(stackDir: string, environment: NodeJS.ProcessEnv, format: 'json' | 'text'): Promise<string> {
  const shown = await run('terraform', ['show', '-json', 'tfplan'], { cwd: stackDir, env: environment });
  writeFileSync(join(workDir, 'plan.json'), shown.stdout);
  const result = await run(join(workDir, 'bin', 'repliform'), ['review', '--plan', join(workDir, 'plan.json'), '--format', format], {
    cwd: workDir,
    env: environment,
  });
  expect(result.stderr).toBe('');
  return result.stdout;
}

const changed = (plan: ReadonlyArray<{ address: string; actions: readonly string[] }>): string[] =>
  plan.filter((c) => c.actions.join() !== 'no-op').map((c) => `${c.actions.join('+')} ${c.address.replace(/_[0-9A-F]{8}$/, '')}`);

test('deploy a group with two pairs, an instance and protection; rename and expand a pair in place; review; destroy with nothing left — no secret anywhere', async () => {
  const outdir = join(workDir, 'cdktf.out');
  const printed: string[] = [];

  // synth + apply
  const stackDir = (await synthExample('sdrs-basic', outdir, env()))['sdrs-basic'];
  const synthesized = readFileSync(join(stackDir, 'cdk.tf.json'), 'utf8');
  expect(synthesized).not.toContain(projectRoot());
  await terraform(stackDir, ['init'], env());
  printed.push((await terraform(stackDir, ['apply', '-auto-approve'], env())).stdout);

  const deployed = await live();
  expect(deployed.groups.map((g) => [g.name, g.source_availability_zone, g.target_availability_zone, g.source_vpc_id, g.status])).toEqual([
    ['web-dr', 'az-a', 'az-b', 'vpc-prod', 'protected'],
  ]);
  const groupId = deployed.groups[0]?.id;
  const byVolume = (pairs: typeof deployed.pairs, volume: string): (typeof deployed.pairs)[number] | undefined =>
    pairs.find((p) => p.volume_ids?.split(',')[0] === volume);
  const web = byVolume(deployed.pairs, SDRS_VOLUME_IDS['evs-web-01-data']);
  const db = byVolume(deployed.pairs, SDRS_VOLUME_IDS['evs-db-01-data']);
  expect([web?.name, db?.name, deployed.pairs.length]).toEqual(['web-data', 'db-data', 2]);
  expect(deployed.pairs.every((p) => p.server_group_id === groupId)).toBe(true);
  // each object records its owner in its description as a short marker
  for (const described of [...deployed.groups, ...deployed.pairs, ...deployed.instances]) expect(described.description).toMatch(/rf:[0-9a-f]{12}/);
  expect(deployed.instances).toHaveLength(1);
  const [instance] = deployed.instances;
  expect(instance).toMatchObject({ name: 'ecs-web-01', server_group_id: groupId, source_server: SDRS_SERVER_IDS['ecs-web-01'] });
  expect(instance?.attachment).toEqual([{ replication: web?.id, device: '/dev/vdb' }]);

  // nothing to do on a second plan
  expect(changed(await planChanges(stackDir, env()))).toEqual([]);

  // rename + expand the web data pair: its settings resource only; the review says in place, data kept
  await synthExample('sdrs-basic', outdir, env('web-data-v2', 150));
  const plan = await planChanges(stackDir, env('web-data-v2', 150));
  // the identity's stored spec is updated in place (so a later destroy sees it); only the settings resource is replaced
  expect(changed(plan)).toEqual(['update terraform_data.web-data_pair', 'delete+create terraform_data.web-data_settings']);
  const reviewed = JSON.parse(await review(stackDir, env('web-data-v2', 150), 'json')) as ReviewJson;
  expect(reviewed.summary.risks.resync).toBe(0);
  const reviewedChanges = reviewed.items.filter((item) => item.action !== 'no-change');
  expect(reviewedChanges.map((item) => [item.kind, item.action])).toEqual([['sdrs.replication-pair', 'update']]);
  expect(reviewedChanges[0]).toMatchObject({
    summary: 'renamed or expanded in place: no resync',
    retain_replica_disks: true,
    risks: [],
    changes: [
      { field: 'name', effect: 'in-place' },
      { field: 'size_gb', effect: 'in-place' },
    ],
  });
  const reviewText = await review(stackDir, env('web-data-v2', 150), 'text');
  expect(reviewText).toContain('update in place: renamed or expanded in place: no resync');
  expect(reviewText).toContain('Plan: 0 to create, 1 to update in place, 0 to replace, 0 to delete, 0 to forget, 5 unchanged.');
  printed.push(reviewText);
  printed.push((await terraform(stackDir, ['apply', '-auto-approve', 'tfplan'], env('web-data-v2', 150))).stdout);

  const after = await live();
  const webAfter = byVolume(after.pairs, SDRS_VOLUME_IDS['evs-web-01-data']);
  expect(webAfter).toMatchObject({ id: web?.id, name: 'web-data-v2', record_metadata: { volume_size: 150 } });
  expect(byVolume(after.pairs, SDRS_VOLUME_IDS['evs-db-01-data'])?.id).toBe(db?.id);
  expect(after.groups.map((g) => [g.id, g.status])).toEqual([[groupId, 'protected']]);

  // destroy: protection stopped first, then detach, instance, pairs, group; nothing left
  printed.push((await terraform(stackDir, ['destroy', '-auto-approve'], env('web-data-v2', 150))).stdout);
  expect(await live()).toEqual({ groups: [], pairs: [], instances: [] });
  // the DR-site disks of both pairs and the DR-site server are kept (delete_target_* default to false)
  const { inventory } = sim.sdrs.state;
  expect(inventory.volumes.filter((v) => v.dr).map((v) => v.size_gb).sort()).toEqual([150, 200]);
  expect(inventory.servers.filter((server) => server.dr)).toHaveLength(1);

  // nothing secret in the synthesized JSON, the state, or anything printed
  const state = readFileSync(join(workDir, 'terraform.sdrs-basic.tfstate'), 'utf8');
  for (const secret of [CANARY_AK, CANARY_SK]) {
    expect(synthesized).not.toContain(secret);
    expect(state).not.toContain(secret);
    for (const output of printed) expect(output).not.toContain(secret);
  }
  expect(synthesized).toContain('"secret_key_env": "HW_SK"');
  expect(printed.join('\n')).toContain('(local-exec)');
});

test('the example synthesizes with the null_resource backing, protection after every member', async () => {
  const outdir = join(workDir, 'null-out');
  const context = JSON.stringify({ 'repliform:backing': 'null_resource' });
  const stackDir = (await synthExample('sdrs-basic', outdir, { ...env(), CDKTF_CONTEXT_JSON: context }))['sdrs-basic'];
  const json = JSON.parse(readFileSync(join(stackDir, 'cdk.tf.json'), 'utf8')) as { resource: Record<string, Record<string, { depends_on?: string[] }>> };
  expect(Object.keys(json.resource)).toEqual(['null_resource']);
  const resources = json.resource.null_resource;
  // group, 2 pairs and the instance: identity + settings each; the attachment and protection: one each
  expect(Object.keys(resources)).toHaveLength(10);
  const protection = Object.entries(resources).find(([name]) => name.startsWith('web-dr-protection'))?.[1];
  expect(protection?.depends_on?.map((d) => d.replace(/_[0-9A-F]{8}$/, '')).sort()).toEqual([
    'null_resource.db-data_pair',
    'null_resource.ecs-web-01_attach-web-data',
    'null_resource.ecs-web-01_instance',
    'null_resource.web-data_pair',
    'null_resource.web-dr_group',
  ]);
});

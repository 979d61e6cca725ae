/**
 * End to end with real Terraform: synth examples/vr-basic → apply → check the simulator → RPO change
 * (in place, same replication ids) → destroy → nothing left. No password or session id in cdk.tf.json,
 * the state, or anything Terraform or the CLI printed.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { planChanges, projectRoot, synthExample, terraform, terraformEnv } from '../../scripts/deploy-kit';
import { startSimulator, type RunningSimulator } from '../../src/simulator';

const CANARY_A = 'Canary-Site-A-7f3e9c1d!';
const CANARY_B = 'Canary-Site-B-2b8a4e6f!';

let sim: RunningSimulator;
let workDir: string;

beforeAll(async () => {
  sim = await startSimulator({
    taskDelayMs: 50,
    users: {
      local: { username: 'dr-admin@vsphere.local', password: CANARY_A },
      remote: { username: 'dr-admin@vsphere.local', password: CANARY_B },
    },
  });
  workDir = mkdtempSync(join(tmpdir(), 'repliform-e2e-'));
});

afterAll(async () => {
  await sim.close();
  rmSync(workDir, { recursive: true, force: true });
});

function env(webRpo: number): NodeJS.ProcessEnv {
  return terraformEnv(workDir, {
    VR_ENDPOINT: sim.url,
    WEB_RPO_MINUTES: String(webRpo),
    VR_SITE_A_USER: 'dr-admin@vsphere.local',
    VR_SITE_A_PASSWORD: CANARY_A,
    VR_SITE_B_USER: 'dr-admin@vsphere.local',
    VR_SITE_B_PASSWORD: CANARY_B,
  });
}

function liveByName(): Record<string, { id: string; rpo: number | undefined }> {
  return Object.fromEntries(sim.state.replications.map((r) => [r.info.name, { id: r.info.id, rpo: r.info.rpo }]));
}

function secrets(): string[] {
  return [CANARY_A, CANARY_B, Buffer.from(`dr-admin@vsphere.local:${CANARY_A}`).toString('base64'), ...sim.issuedSessionIds];
}

test('deploy, change an RPO in place, destroy — with real Terraform and no secret anywhere', async () => {
  const outdir = join(workDir, 'cdktf.out');
  const printed: string[] = [];

  // synth + apply
  const stackDir = (await synthExample('vr-basic', outdir, env(15)))['vr-basic'];
  const synthesized = readFileSync(join(stackDir, 'cdk.tf.json'), 'utf8');
  expect(synthesized).not.toContain(projectRoot());
  expect(synthesized).not.toContain(workDir);
  await terraform(stackDir, ['init'], env(15));
  printed.push((await terraform(stackDir, ['apply', '-auto-approve'], env(15))).stdout);

  const deployed = liveByName();
  expect(Object.keys(deployed).sort()).toEqual(['db-01', 'web-01', 'web-02']);
  expect([deployed['web-01'].rpo, deployed['web-02'].rpo, deployed['db-01'].rpo]).toEqual([15, 15, 5]);
  expect(sim.state.replications.every((r) => r.info.configuration_state === 'OK')).toBe(true);

  // a second apply with no change does nothing
  const idle = await planChanges(stackDir, env(15));
  expect(idle.filter((c) => c.actions.join() !== 'no-op')).toEqual([]);

  // RPO change: only the web tier's settings resources are replaced; no replication is unconfigured
  await synthExample('vr-basic', outdir, env(10));
  const plan = await planChanges(stackDir, env(10));
  const changed = plan.filter((c) => c.actions.join() !== 'no-op');
  const replaced = changed.filter((c) => c.actions.includes('delete')).map((c) => c.address).sort();
  expect(replaced).toHaveLength(2);
  expect(replaced.every((address) => /web-0[12].*settings/.test(address))).toBe(true);
  printed.push((await terraform(stackDir, ['apply', '-auto-approve', 'tfplan'], env(10))).stdout);

  const reconfigured = liveByName();
  expect(reconfigured['web-01']).toEqual({ id: deployed['web-01'].id, rpo: 10 });
  expect(reconfigured['web-02']).toEqual({ id: deployed['web-02'].id, rpo: 10 });
  expect(reconfigured['db-01']).toEqual(deployed['db-01']);
  expect(sim.requests.filter((r) => r.path.endsWith('/actions/unconfigure'))).toHaveLength(0);

  // destroy: nothing left, replica disks kept (the default)
  printed.push((await terraform(stackDir, ['destroy', '-auto-approve'], env(10))).stdout);
  expect(sim.state.replications).toHaveLength(0);
  expect(sim.state.removedReplications.map((r) => r.retainReplicaDisks)).toEqual([true, true, true]);

  // nothing secret in the synthesized JSON, the state, or anything printed
  const state = readFileSync(join(workDir, 'terraform.vr-basic.tfstate'), 'utf8');
  for (const secret of secrets()) {
    expect(synthesized).not.toContain(secret);
    expect(state).not.toContain(secret);
    for (const output of printed) expect(output).not.toContain(secret);
  }
  expect(printed.join('\n')).toContain('(local-exec)');
});

test('the example synthesizes with the null_resource backing', async () => {
  const outdir = join(workDir, 'null-out');
  const stackDir = (await synthExample('vr-basic', outdir, { ...env(15), CDKTF_CONTEXT_JSON: JSON.stringify({ 'repliform:backing': 'null_resource' }) }))['vr-basic'];
  const json = JSON.parse(readFileSync(join(stackDir, 'cdk.tf.json'), 'utf8')) as { resource: Record<string, Record<string, unknown>>; terraform: { required_providers: Record<string, unknown> } };
  expect(Object.keys(json.resource)).toEqual(['null_resource']);
  expect(Object.keys(json.resource.null_resource)).toHaveLength(7);
  expect(json.terraform.required_providers).toHaveProperty('null');
});

describe('removal', () => {
  let stackDir: string;
  const removalEnv = (extra: NodeJS.ProcessEnv) => ({ ...env(15), ...extra });

  beforeAll(async () => {
    stackDir = (await synthExample('vr-basic', join(workDir, 'removal-out'), removalEnv({})))['vr-basic'];
    await terraform(stackDir, ['init'], removalEnv({}));
    await terraform(stackDir, ['apply', '-auto-approve'], removalEnv({}));
  });

  afterAll(async () => {
    await terraform(stackDir, ['destroy', '-auto-approve'], removalEnv({}));
  });

  test('retired: true unconfigures the replication (replica disks kept) and leaves nothing to orphan', async () => {
    const outdir = join(workDir, 'removal-out');
    await synthExample('vr-basic', outdir, removalEnv({ RETIRED_VMS: 'web-02' }));
    const plan = await planChanges(stackDir, removalEnv({ RETIRED_VMS: 'web-02' }));
    const changed = plan.filter((c) => c.actions.join() !== 'no-op').map((c) => `${c.actions.join('+')} ${c.address.replace(/_[0-9A-F]{8}$/, '')}`);
    expect(changed.sort()).toEqual(['delete terraform_data.web-02_settings', 'delete+create terraform_data.web-02_replication']);
    const removedBefore = sim.state.removedReplications.length;
    await terraform(stackDir, ['apply', '-auto-approve', 'tfplan'], removalEnv({ RETIRED_VMS: 'web-02' }));

    expect(liveByName()['web-02']).toBeUndefined();
    expect(Object.keys(liveByName()).sort()).toEqual(['db-01', 'web-01']);
    expect(sim.state.removedReplications.slice(removedBefore).map((r) => [r.name, r.retainReplicaDisks])).toEqual([['web-02', true]]);
    const again = await planChanges(stackDir, removalEnv({ RETIRED_VMS: 'web-02' }));
    expect(again.filter((c) => c.actions.join() !== 'no-op')).toEqual([]);
  });
});

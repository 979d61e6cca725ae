/**
 * End to end with real Terraform against the simulator's Cloud Director Availability API (`<url>/vcda`):
 * synth examples/vcda-basic → apply → live replications → RPO change planned as settings replacements only and
 * applied in place (same replication ids, PATCH, no delete) → `repliform review` of a destination-vDC change says
 * full resync, and applied: vcd-web-02 (deleteReplicaOnDestroy) moves, vcd-web-01 (paused and kept) blocks its new
 * replication with what to do → destroy → vcd-web-01 paused and kept with its replica (the default), vcd-web-02 deleted
 * (deleteReplicaOnDestroy). No password or X-VCAV-Auth token in cdk.tf.json, the state or anything printed.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VcdaClient } from '../../lib/client/vcda/vcda-client';
import type { VcdaReplication } from '../../lib/client/vcda/types';
import { planChanges, projectRoot, run, synthExample, terraform, terraformEnv } from '../../scripts/deploy-kit';
import { startSimulator, type RunningSimulator } from '../../src/simulator';
import { VCDA_VDC_IDS, VCDA_VM_IDS } from '../../src/simulator/vcda/inventory-seed';

const CANARY_SITE1 = 'Canary-Vcda-Site1-5d2c8e1a!';
const CANARY_SITE2 = 'Canary-Vcda-Site2-9f4b7c3e!';
const USER_SITE1 = 'vcda-admin@org1';
const USER_SITE2 = 'vcda-admin@org2';

let sim: RunningSimulator;
let workDir: string;

beforeAll(async () => {
  sim = await startSimulator({
    taskDelayMs: 50,
    vcda: { users: { site1: { username: USER_SITE1, password: CANARY_SITE1 }, site2: { username: USER_SITE2, password: CANARY_SITE2 } } },
  });
  workDir = mkdtempSync(join(tmpdir(), 'repliform-e2e-vcda-'));
});

afterAll(async () => {
  await sim.close();
  rmSync(workDir, { recursive: true, force: true });
});

function env(webRpo: number, vdc: string = VCDA_VDC_IDS['vdc-gold']): NodeJS.ProcessEnv {
  return terraformEnv(workDir, {
    VCDA_ENDPOINT: `${sim.url}/vcda`,
    WEB_RPO_MINUTES: String(webRpo),
    VCDA_DESTINATION_VDC: vdc,
    VCDA_SITE1_USER: USER_SITE1,
    VCDA_SITE1_PASSWORD: CANARY_SITE1,
    VCDA_SITE2_USER: USER_SITE2,
    VCDA_SITE2_PASSWORD: CANARY_SITE2,
  });
}

const VM_NAMES: Readonly<Record<string, string>> = Object.fromEntries(Object.entries(VCDA_VM_IDS).map(([name, id]) => [id, name]));

/** The live replications over HTTP, by VM name. */
async function liveByVm(): Promise<Record<string, VcdaReplication>> {
  const client = new VcdaClient({ endpoint: `${sim.url}/vcda`, credentials: { username: USER_SITE1, password: CANARY_SITE1 } });
  try {
    const all = await client.listReplications();
    return Object.fromEntries(all.map((r) => [VM_NAMES[r.source.vmId ?? ''] ?? r.id, r]));
  } finally {
    await client.logout();
  }
}

function vcdaRequests(method: string, pattern: RegExp): number {
  return sim.requests.filter((r) => r.method === method && pattern.test(r.path)).length;
}

interface ReviewJson {
  readonly summary: { readonly risks: { readonly resync: number; readonly blocked: number } };
  readonly items: ReadonlyArray<{ readonly kind: string; readonly action: string; readonly summary: string }>;
}

async function review(stackDir: string, environment: NodeJS.ProcessEnv): Promise<ReviewJson> {
  const shown = await run('terraform', ['show', '-json', 'tfplan'], { cwd: stackDir, env: environment });
  writeFileSync(join(workDir, 'plan.json'), shown.stdout);
  const result = await run(join(workDir, 'bin', 'repliform'), ['review', '--plan', join(workDir, 'plan.json'), '--format', 'json'], {
    cwd: workDir,
    env: environment,
  });
  expect(result.stderr).toBe('');
  return JSON.parse(result.stdout) as ReviewJson;
}

test('deploy, change an RPO in place, review and apply a vDC move (a resync; the paused one blocks its move), destroy (one kept paused, one deleted) — no secret anywhere', async () => {
  const outdir = join(workDir, 'cdktf.out');
  const printed: string[] = [];

  // synth + apply: two replications to site2's vdc-gold, with the owner in their descriptions
  const stackDir = (await synthExample('vcda-basic', outdir, env(15)))['vcda-basic'];
  const synthesized = readFileSync(join(stackDir, 'cdk.tf.json'), 'utf8');
  expect(synthesized).not.toContain(projectRoot());
  await terraform(stackDir, ['init'], env(15));
  printed.push((await terraform(stackDir, ['apply', '-auto-approve'], env(15))).stdout);
  // One login for the whole deploy (3 resources, 5 CLI processes): the session is shared between them.
  expect(vcdaRequests('POST', /^\/vcda\/sessions$/)).toBe(1);

  const deployed = await liveByVm();
  expect(Object.keys(deployed).sort()).toEqual(['vcd-web-01', 'vcd-web-02']);
  for (const [vm, r] of Object.entries(deployed)) {
    expect(r.destination).toMatchObject({ site: 'site2', vdcId: VCDA_VDC_IDS['vdc-gold'] });
    expect(r.settings).toMatchObject({ rpo: 15, quiesced: true, dataConnectionType: 'ENCRYPTED', retentionPolicy: { rules: [{ numberOfInstances: 4, distance: 60 }] } });
    expect(r.settings.description).toBe(`web tier [repliform owner=vcda-basic/${vm}]`);
  }

  // nothing to do on a second plan
  const idle = await planChanges(stackDir, env(15));
  expect(idle.filter((c) => c.actions.join() !== 'no-op')).toEqual([]);

  // RPO change: only the two settings resources are replaced; the review says in place; applied by PATCH
  await synthExample('vcda-basic', outdir, env(10));
  const plan = await planChanges(stackDir, env(10));
  const changed = plan.filter((c) => c.actions.join() !== 'no-op');
  const replaced = changed.filter((c) => c.actions.includes('delete')).map((c) => c.address.replace(/_[0-9A-F]{8}$/, ''));
  expect(replaced.sort()).toEqual(['terraform_data.vcd-web-01_settings', 'terraform_data.vcd-web-02_settings']);
  const rpoReview = await review(stackDir, env(10));
  expect(rpoReview.summary.risks.resync).toBe(0);
  expect(rpoReview.items.filter((item) => item.kind === 'vcda.replication').map((item) => item.action)).toEqual(['update', 'update']);
  const patchesBefore = vcdaRequests('PATCH', /^\/vcda\/vm-replications\/C4-/);
  printed.push((await terraform(stackDir, ['apply', '-auto-approve', 'tfplan'], env(10))).stdout);

  const reconfigured = await liveByVm();
  expect(reconfigured['vcd-web-01'].id).toBe(deployed['vcd-web-01'].id);
  expect(reconfigured['vcd-web-02'].id).toBe(deployed['vcd-web-02'].id);
  expect([reconfigured['vcd-web-01'].settings.rpo, reconfigured['vcd-web-02'].settings.rpo]).toEqual([10, 10]);
  expect(vcdaRequests('PATCH', /^\/vcda\/vm-replications\/C4-/) - patchesBefore).toBe(2);
  expect(vcdaRequests('DELETE', /^\/vcda\/vm-replications\//)).toBe(0);

  // a move to vdc-silver re-creates both: the review says full resync for the one whose old replica is deleted, and
  // that the apply will stop at the other (its old replication is paused and kept: issue 19's `blocked`)
  await synthExample('vcda-basic', outdir, env(10, VCDA_VDC_IDS['vdc-silver']));
  const movePlan = await planChanges(stackDir, env(10, VCDA_VDC_IDS['vdc-silver']));
  expect(movePlan.filter((c) => c.actions.includes('delete') && /_replication_/.test(c.address))).toHaveLength(2);
  const moveReview = await review(stackDir, env(10, VCDA_VDC_IDS['vdc-silver']));
  expect([moveReview.summary.risks.resync, moveReview.summary.risks.blocked]).toEqual([1, 1]);
  expect(moveReview.items.filter((item) => item.kind === 'vcda.replication').map((item) => item.action)).toEqual(['replace', 'replace']);

  // applied: vcd-web-02 (deleteReplicaOnDestroy) is deleted and started again in vdc-silver; vcd-web-01's old
  // replication is paused and kept, so its new one cannot start beside it: the apply stops and says what to do
  const moved = await run('terraform', ['apply', '-input=false', '-no-color', '-auto-approve', 'tfplan'], { cwd: stackDir, env: env(10, VCDA_VDC_IDS['vdc-silver']) });
  printed.push(moved.stdout, moved.stderr);
  expect(moved.code).not.toBe(0);
  expect(moved.stdout + moved.stderr).toContain('VCDA allows one replication per VM, so the new one cannot start beside it');
  const afterMove = await liveByVm();
  expect(afterMove['vcd-web-01']).toMatchObject({ id: deployed['vcd-web-01'].id, isPaused: true, destination: { vdcId: VCDA_VDC_IDS['vdc-gold'] } });
  expect(afterMove['vcd-web-02'].id).not.toBe(deployed['vcd-web-02'].id);
  expect(afterMove['vcd-web-02'].destination.vdcId).toBe(VCDA_VDC_IDS['vdc-silver']);

  // destroy: vcd-web-01 stays paused and kept, vcd-web-02 deleted with its replica
  printed.push((await terraform(stackDir, ['destroy', '-auto-approve'], env(10, VCDA_VDC_IDS['vdc-silver']))).stdout);
  const left = await liveByVm();
  expect(Object.keys(left)).toEqual(['vcd-web-01']);
  expect(left['vcd-web-01']).toMatchObject({ id: deployed['vcd-web-01'].id, isPaused: true });
  expect(vcdaRequests('DELETE', /^\/vcda\/vm-replications\//)).toBe(2);

  // nothing secret in the synthesized JSON, the state, or anything printed
  const state = readFileSync(join(workDir, 'terraform.vcda-basic.tfstate'), 'utf8');
  const tokens = sim.issuedSessionIds;
  expect(tokens.length).toBeGreaterThan(0);
  for (const secret of [CANARY_SITE1, CANARY_SITE2, ...tokens]) {
    expect(synthesized).not.toContain(secret);
    expect(state).not.toContain(secret);
    for (const output of printed) expect(output).not.toContain(secret);
  }
  expect(printed.join('\n')).toContain('(local-exec)');
});

test('the example synthesizes with the null_resource backing (the site look-up and two identity + settings pairs)', async () => {
  const outdir = join(workDir, 'null-out');
  const context = JSON.stringify({ 'repliform:backing': 'null_resource' });
  const stackDir = (await synthExample('vcda-basic', outdir, { ...env(15), CDKTF_CONTEXT_JSON: context }))['vcda-basic'];
  const json = JSON.parse(readFileSync(join(stackDir, 'cdk.tf.json'), 'utf8')) as { resource: Record<string, Record<string, unknown>> };
  expect(Object.keys(json.resource)).toEqual(['null_resource']);
  expect(Object.keys(json.resource.null_resource)).toHaveLength(5);
});

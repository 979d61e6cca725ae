/**
 * The main job (`npm start`): start the embedded simulator, synthesize examples/vr-basic, deploy it with
 * real Terraform, print the live replications read back from the API, change one RPO and deploy again
 * (in place: same replication ids), destroy, and check that nothing is left. Then the same for
 * examples/vcda-basic against the simulator's Cloud Director Availability API (`<url>/vcda`): deploy, RPO change
 * in place, destroy (one replication paused and kept, one deleted with its replica, as the example asks). Then
 * examples/sdrs-basic against the simulator's Huawei Cloud SDRS API (`<url>/sdrs`): a protection group, two
 * replication pairs, a protected instance and protection deployed, a pair renamed and expanded in place (same pair
 * id), destroyed with nothing left but the DR-site disks and server (kept by default).
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VrClient } from '../lib/client/vr/vr-client';
import type { ReplicationInfo } from '../lib/client/vr/types';
import { VcdaClient } from '../lib/client/vcda/vcda-client';
import type { VcdaReplication } from '../lib/client/vcda/types';
import { startSimulator, type RunningSimulator } from '../src/simulator';
import { VCDA_VM_IDS } from '../src/simulator/vcda/inventory-seed';
import { VCDA_DEFAULT_PASSWORDS } from '../src/simulator/vcda/service';
import { SdrsClient } from '../lib/client/sdrs/sdrs-client';
import type { SdrsProtectedInstance, SdrsReplication, SdrsServerGroup } from '../lib/client/sdrs/types';
import { SDRS_PROJECT_ID, SDRS_VOLUME_IDS } from '../src/simulator/sdrs/inventory-seed';
import { SDRS_ACCESS_KEY, SDRS_SECRET_KEY } from '../src/simulator/sdrs/service';
import { planChanges, projectRoot, providerEnv, run, synthExample, terraform, terraformEnv, type ResourceChange } from './deploy-kit';

/**
 * The backing the examples are deployed with: the native provider (installed into a mirror in the work dir),
 * or REPLIFORM_BACKING=terraform_data / null_resource for the lifecycle backings.
 */
const BACKING = process.env.REPLIFORM_BACKING ?? 'provider';

/** The environment Terraform runs in for the chosen backing (the app reads the backing from its context). */
async function deployEnv(workDir: string, extra: NodeJS.ProcessEnv): Promise<NodeJS.ProcessEnv> {
  const context = { CDKTF_CONTEXT_JSON: JSON.stringify({ 'repliform:backing': BACKING }) };
  return BACKING === 'provider' ? providerEnv(workDir, { ...extra, ...context }) : terraformEnv(workDir, { ...extra, ...context });
}

const PAIRING_SITE = 'vc-b.example.local';
const SIM_USERS = {
  VR_SITE_A_USER: 'administrator@vsphere.local',
  VR_SITE_A_PASSWORD: 'Sim-Site-A-Passw0rd!',
  VR_SITE_B_USER: 'administrator@vsphere.local',
  VR_SITE_B_PASSWORD: 'Sim-Site-B-Passw0rd!',
};

/** What a DR engineer wants to see of Terraform's output: the CLI's own lines and the summaries. */
function showTerraformOutput(output: string): void {
  const interesting = output
    .split('\n')
    .filter(
      (line) =>
        /^(Plan:|Apply complete|Destroy complete|Warning: )/.test(line) ||
        /^repliform_\S+: (Creation|Modifications|Destruction) complete/.test(line) ||
        (/\(local-exec\): repliform/.test(line) && !/\d+%/.test(line)),
    );
  process.stdout.write(`${interesting.map((line) => `  ${line}`).join('\n')}\n`);
}

function heading(text: string): void {
  process.stdout.write(`\n=== ${text}\n`);
}

async function liveReplications(sim: RunningSimulator): Promise<ReplicationInfo[]> {
  const client = new VrClient({
    endpoint: sim.url,
    credentials: { username: SIM_USERS.VR_SITE_A_USER, password: SIM_USERS.VR_SITE_A_PASSWORD },
    remoteCredentials: { username: SIM_USERS.VR_SITE_B_USER, password: SIM_USERS.VR_SITE_B_PASSWORD },
  });
  try {
    const pairing = (await client.listPairings()).find((p) => p.remote_vc_server?.name === PAIRING_SITE);
    if (!pairing?.pairing_id) throw new Error(`no pairing to ${PAIRING_SITE} on the simulator`);
    return await client.listReplications(pairing.pairing_id, { extendedInfo: true });
  } finally {
    await client.logout().catch(() => undefined);
  }
}

function printReplications(replications: readonly ReplicationInfo[]): void {
  const rows = replications
    .map((r) => [r.name ?? '', r.id ?? '', `${r.rpo ?? '?'} min`, r.mpit_enabled ? `${r.mpit_instances}×${r.mpit_days}` : 'off', r.status?.status ?? '', r.target_site_name ?? ''])
    .sort((a, b) => a[0].localeCompare(b[0]));
  printTable(['VM', 'REPLICATION ID', 'RPO', 'PIT', 'STATUS', 'TARGET'], rows, '(no replications)');
}

function printTable(header: readonly string[], rows: ReadonlyArray<readonly string[]>, empty: string): void {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
  for (const row of [header, ...rows]) process.stdout.write(`  ${row.map((cell, i) => cell.padEnd(widths[i])).join('  ')}\n`);
  if (rows.length === 0) process.stdout.write(`  ${empty}\n`);
}

function describePlan(changes: readonly ResourceChange[]): string[] {
  return changes
    .filter((change) => !(change.actions.length === 1 && change.actions[0] === 'no-op'))
    .map((change) => `  ${change.actions.join('+').padEnd(14)} ${change.address}`);
}

/** Terraform's "N to destroy" alarms readers of an RPO-only plan: say what it counts. */
function destroyCountHint(changes: readonly ResourceChange[]): string {
  const replacedSettings = changes.filter((c) => c.actions.includes('delete') && c.address.includes('_settings_')).length;
  if (replacedSettings === 0) return '  → updated in place: the provider reconfigures the live objects, nothing is destroyed';
  return `  → Terraform says "${replacedSettings} to destroy": the replaced settings resources, whose destroy does nothing on the appliance (\`repliform review\` calls this "update in place")`;
}

function assert(condition: boolean, message: string): void {
  if (!condition) throw new Error(message);
}

async function runVr(sim: RunningSimulator, workDir: string): Promise<void> {
  const env = await deployEnv(workDir, { ...SIM_USERS, VR_ENDPOINT: sim.url, WEB_RPO_MINUTES: '15' });
  const outdir = join(workDir, 'cdktf.out');

  heading('synth examples/vr-basic and deploy with Terraform');
  const stackDir = (await synthExample('vr-basic', outdir, env))['vr-basic'];
  await terraform(stackDir, ['init'], env);
  showTerraformOutput((await terraform(stackDir, ['apply', '-auto-approve'], env)).stdout);

  heading('live replications read back from the VR API');
  const before = await liveReplications(sim);
  printReplications(before);
  assert(before.length === 3, `expected 3 replications, found ${before.length}`);

  heading('change the web tier RPO 15 → 10 minutes and plan');
  const changed = { ...env, WEB_RPO_MINUTES: '10' };
  await synthExample('vr-basic', outdir, changed);
  const plan = await planChanges(stackDir, changed);
  process.stdout.write(`${describePlan(plan).join('\n')}\n`);
  const replacedIdentity = plan.filter((c) => c.actions.includes('delete') && c.address.includes('replication'));
  assert(replacedIdentity.length === 0, `an RPO change must not replace a replication: ${replacedIdentity.map((c) => c.address).join(', ')}`);
  process.stdout.write(`  → ${BACKING === 'provider' ? 'replications updated in place' : 'settings resources only'}: reconfigure in place, no resync\n`);
  process.stdout.write(`${destroyCountHint(plan)}\n`);
  showTerraformOutput((await terraform(stackDir, ['apply', '-auto-approve', 'tfplan'], changed)).stdout);

  heading('live replications after the RPO change');
  const after = await liveReplications(sim);
  printReplications(after);
  const sameIds = before.map((r) => r.id).sort().join() === after.map((r) => r.id).sort().join();
  assert(sameIds, 'replication ids changed: the RPO change was not in place');
  assert(after.filter((r) => r.name?.startsWith('web-')).every((r) => r.rpo === 10), 'web tier RPO is not 10 minutes');
  process.stdout.write('  → same replication ids, web tier now at 10 minutes\n');

  heading('destroy');
  showTerraformOutput((await terraform(stackDir, ['destroy', '-auto-approve'], changed)).stdout);
  const left = await liveReplications(sim);
  assert(left.length === 0, `${left.length} replications left after destroy`);
  const kept = sim.state.removedReplications.filter((r) => r.retainReplicaDisks).length;
  process.stdout.write(`  → no replication left; replica disks kept for ${kept} of ${sim.state.removedReplications.length} (retainReplicaDisksOnDelete defaults to true)\n`);

}

const VCDA_SIM_USERS = {
  VCDA_SITE1_USER: 'vcda-admin@org1',
  VCDA_SITE1_PASSWORD: VCDA_DEFAULT_PASSWORDS.site1,
  VCDA_SITE2_USER: 'vcda-admin@org2',
  VCDA_SITE2_PASSWORD: VCDA_DEFAULT_PASSWORDS.site2,
};
/** The seeded VMs by Cloud Director id, to name them in the table. */
const VCDA_VM_NAMES: Readonly<Record<string, string>> = Object.fromEntries(Object.entries(VCDA_VM_IDS).map(([name, id]) => [id, name]));

async function liveVcdaReplications(sim: RunningSimulator): Promise<VcdaReplication[]> {
  const client = new VcdaClient({
    endpoint: `${sim.url}/vcda`,
    credentials: { username: VCDA_SIM_USERS.VCDA_SITE1_USER, password: VCDA_SIM_USERS.VCDA_SITE1_PASSWORD },
  });
  try {
    return await client.listReplications();
  } finally {
    await client.logout().catch(() => undefined);
  }
}

function printVcdaReplications(replications: readonly VcdaReplication[]): void {
  const rows = replications
    .map((r) => {
      const vmId = r.source.vmId ?? '';
      const rules = r.settings.retentionPolicy?.rules ?? [];
      return [
        VCDA_VM_NAMES[vmId] ?? vmId,
        r.id,
        r.settings.rpo === null || r.settings.rpo === undefined ? 'SLA' : `${r.settings.rpo} min`,
        rules.length === 0 ? 'latest' : rules.map((rule) => `${rule.numberOfInstances}×${rule.distance} min`).join(', '),
        r.isPaused === true ? 'PAUSED' : r.dataConnectionState ?? '',
        `${r.destination.site}/${r.destination.vdcName ?? r.destination.vdcId ?? '?'}`,
      ];
    })
    .sort((a, b) => a[0].localeCompare(b[0]));
  printTable(['VM', 'REPLICATION ID', 'RPO', 'RETENTION', 'STATE', 'DESTINATION'], rows, '(no replications)');
}

async function deployVcda(sim: RunningSimulator, workDir: string): Promise<Deployed> {
  const env = await deployEnv(workDir, { ...VCDA_SIM_USERS, VCDA_ENDPOINT: `${sim.url}/vcda`, WEB_RPO_MINUTES: '15' });
  const outdir = join(workDir, 'cdktf.out');

  heading('synth examples/vcda-basic and deploy with Terraform (VCDA API at /vcda)');
  const stackDir = (await synthExample('vcda-basic', outdir, env))['vcda-basic'];
  await terraform(stackDir, ['init'], env);
  showTerraformOutput((await terraform(stackDir, ['apply', '-auto-approve'], env)).stdout);

  heading('live replications read back from the VCDA API');
  const before = await liveVcdaReplications(sim);
  printVcdaReplications(before);
  assert(before.length === 2, `expected 2 VCDA replications, found ${before.length}`);

  heading('change the web tier RPO 15 → 10 minutes and plan');
  const changed = { ...env, WEB_RPO_MINUTES: '10' };
  await synthExample('vcda-basic', outdir, changed);
  const plan = await planChanges(stackDir, changed);
  process.stdout.write(`${describePlan(plan).join('\n')}\n`);
  const replacedIdentity = plan.filter((c) => c.actions.includes('delete') && c.address.includes('replication'));
  assert(replacedIdentity.length === 0, `an RPO change must not replace a replication: ${replacedIdentity.map((c) => c.address).join(', ')}`);
  process.stdout.write(`  → ${BACKING === 'provider' ? 'replications updated in place' : 'settings resources only'}: PATCH /vm-replications/{id} in place, no resync\n`);
  process.stdout.write(`${destroyCountHint(plan)}\n`);
  showTerraformOutput((await terraform(stackDir, ['apply', '-auto-approve', 'tfplan'], changed)).stdout);

  heading('live replications after the RPO change');
  const after = await liveVcdaReplications(sim);
  printVcdaReplications(after);
  assert(before.map((r) => r.id).sort().join() === after.map((r) => r.id).sort().join(), 'VCDA replication ids changed: the RPO change was not in place');
  assert(after.every((r) => r.settings.rpo === 10), 'VCDA web tier RPO is not 10 minutes');
  process.stdout.write('  → same replication ids, both now at 10 minutes\n');

  return { stackDir, env: changed };
}

async function destroyVcda(sim: RunningSimulator, { stackDir, env: changed }: Deployed): Promise<void> {
  heading('destroy examples/vcda-basic');
  showTerraformOutput((await terraform(stackDir, ['destroy', '-auto-approve'], changed)).stdout);
  const left = await liveVcdaReplications(sim);
  printVcdaReplications(left);
  const kept = left.filter((r) => r.isPaused === true).map((r) => VCDA_VM_NAMES[r.source.vmId ?? ''] ?? r.id);
  assert(left.length === 1 && kept.length === 1, `expected one paused replication left, found ${left.length} (${kept.length} paused)`);
  process.stdout.write(
    `  → ${kept.join(', ')} paused and kept with its replica (the default: VCDA has no delete that keeps the replica); ` +
      'vcd-web-02 deleted with its replica (deleteReplicaOnDestroy: true)\n',
  );
}

/** The simulator's AK/SK, as HW_AK / HW_SK name them in examples/sdrs-basic. */
const SDRS_SIM_KEYS = { HW_AK: SDRS_ACCESS_KEY, HW_SK: SDRS_SECRET_KEY };
const SDRS_VOLUME_NAMES: Readonly<Record<string, string>> = Object.fromEntries(Object.entries(SDRS_VOLUME_IDS).map(([name, id]) => [id, name]));

interface SdrsLive {
  readonly groups: SdrsServerGroup[];
  readonly pairs: SdrsReplication[];
  readonly instances: SdrsProtectedInstance[];
}

async function liveSdrs(sim: RunningSimulator): Promise<SdrsLive> {
  const client = new SdrsClient({
    endpoint: `${sim.url}/sdrs`,
    projectId: SDRS_PROJECT_ID,
    credentials: { accessKey: SDRS_ACCESS_KEY, secretKey: SDRS_SECRET_KEY },
  });
  const [groups, pairs, instances] = await Promise.all([client.listProtectionGroups(), client.listReplications(), client.listProtectedInstances()]);
  return { groups, pairs, instances };
}

async function sdrsDrillsLeft(sim: RunningSimulator): Promise<number> {
  const client = new SdrsClient({ endpoint: `${sim.url}/sdrs`, projectId: SDRS_PROJECT_ID, credentials: { accessKey: SDRS_ACCESS_KEY, secretKey: SDRS_SECRET_KEY } });
  return (await client.listDrills()).length;
}

function printSdrs(live: SdrsLive): void {
  const groups = live.groups.map((g) => [
    'group',
    g.name ?? '',
    g.id ?? '',
    `${g.source_availability_zone ?? '?'} → ${g.target_availability_zone ?? '?'}`,
    `${g.status ?? ''} (protection ${g.protected_status ?? '?'})`,
  ]);
  const pairs = live.pairs.map((p) => {
    const volume = p.volume_ids?.split(',')[0] ?? '';
    return ['pair', p.name ?? '', p.id ?? '', `${SDRS_VOLUME_NAMES[volume] ?? volume}, ${p.record_metadata?.volume_size ?? '?'} GB`, p.status ?? ''];
  });
  const instances = live.instances.map((i) => [
    'instance',
    i.name ?? '',
    i.id ?? '',
    (i.attachment ?? []).map((a) => `${live.pairs.find((p) => p.id === a.replication)?.name ?? a.replication} as ${a.device}`).join(', '),
    i.status ?? '',
  ]);
  printTable(['OBJECT', 'NAME', 'ID', 'WHAT', 'STATUS'], [...groups, ...pairs, ...instances], '(nothing)');
}

function sdrsPairOf(live: SdrsLive, volumeName: keyof typeof SDRS_VOLUME_IDS): SdrsReplication | undefined {
  return live.pairs.find((p) => p.volume_ids?.split(',')[0] === SDRS_VOLUME_IDS[volumeName]);
}

async function deploySdrs(sim: RunningSimulator, workDir: string): Promise<Deployed> {
  const env = await deployEnv(workDir, { ...SDRS_SIM_KEYS, SDRS_ENDPOINT: `${sim.url}/sdrs`, SDRS_PROJECT_ID });
  const outdir = join(workDir, 'cdktf.out');

  heading('synth examples/sdrs-basic and deploy with Terraform (Huawei Cloud SDRS API at /sdrs)');
  const stackDir = (await synthExample('sdrs-basic', outdir, env))['sdrs-basic'];
  await terraform(stackDir, ['init'], env);
  showTerraformOutput((await terraform(stackDir, ['apply', '-auto-approve'], env)).stdout);

  heading('live protection group, replication pairs and protected instance read back from the SDRS API');
  const before = await liveSdrs(sim);
  printSdrs(before);
  assert(before.groups.length === 1 && before.pairs.length === 2 && before.instances.length === 1, 'expected 1 group, 2 pairs, 1 protected instance');
  assert(before.groups[0]?.status === 'protected', `expected the group protected, found ${before.groups[0]?.status ?? 'none'}`);

  heading('rename the web data pair to web-data-v2 and expand it 100 → 150 GB, and plan');
  const changed = { ...env, WEB_DATA_PAIR_NAME: 'web-data-v2', WEB_DATA_SIZE_GB: '150' };
  await synthExample('sdrs-basic', outdir, changed);
  const plan = await planChanges(stackDir, changed);
  process.stdout.write(`${describePlan(plan).join('\n')}\n`);
  const replacedIdentity = plan.filter((c) => c.actions.includes('delete') && !c.address.includes('_settings_'));
  assert(replacedIdentity.length === 0, `a rename or an expand must not replace an SDRS object: ${replacedIdentity.map((c) => c.address).join(', ')}`);
  const untouchedChanged = plan.filter((c) => c.address.includes('db-data') && !c.actions.every((a) => a === 'no-op'));
  assert(untouchedChanged.length === 0, `the db-data pair is not changed by the code, but the plan changes ${untouchedChanged.map((c) => c.address).join(', ')}`);
  process.stdout.write(`  → only the web-data pair${BACKING === 'provider' ? '' : "'s settings resource"}: PUT /replications/{id} and extend-replication in place, no new sync\n`);
  process.stdout.write(`${destroyCountHint(plan)}\n`);
  showTerraformOutput((await terraform(stackDir, ['apply', '-auto-approve', 'tfplan'], changed)).stdout);

  heading('live objects after the rename and expand');
  const after = await liveSdrs(sim);
  printSdrs(after);
  const [webBefore, webAfter] = [sdrsPairOf(before, 'evs-web-01-data'), sdrsPairOf(after, 'evs-web-01-data')];
  assert(webBefore !== undefined && webAfter?.id === webBefore.id, 'the web data pair id changed: the change was not in place');
  assert(webAfter?.name === 'web-data-v2' && webAfter.record_metadata?.volume_size === 150, 'the web data pair is not web-data-v2 at 150 GB');
  process.stdout.write('  → same pair id, renamed web-data-v2, 150 GB\n');

  return { stackDir, env: changed };
}

async function destroySdrs(sim: RunningSimulator, { stackDir, env: changed }: Deployed): Promise<void> {
  heading('destroy examples/sdrs-basic');
  showTerraformOutput((await terraform(stackDir, ['destroy', '-auto-approve'], changed)).stdout);
  const left = await liveSdrs(sim);
  printSdrs(left);
  assert(left.groups.length + left.pairs.length + left.instances.length === 0, 'SDRS objects left after destroy');
  const { volumes, servers } = sim.sdrs.state.inventory;
  const [keptVolumes, keptServers] = [volumes.filter((v) => v.dr).length, servers.filter((server) => server.dr).length];
  assert(keptVolumes === 2 && keptServers === 1, `expected 2 DR-site disks and 1 DR-site server kept, found ${keptVolumes} and ${keptServers}`);
  process.stdout.write(
    `  → protection stopped first, then detached, instance, pairs and group deleted; ${keptVolumes} DR-site disks and ${keptServers} DR-site server kept (the default)\n`,
  );
}

/** A deployed example: its synthesized stack and the environment Terraform (and the drill) run it in. */
interface Deployed {
  readonly stackDir: string;
  readonly env: NodeJS.ProcessEnv;
}

/**
 * `repliform drill` over the deployed VCDA and SDRS examples, as a process: a test failover of each VCDA replication
 * and a DR drill of the SDRS group, checks, cleanup, the evidence report; then nothing of the drill may be left.
 * REPLIFORM_DRILL_OUT keeps the report (the README's "DR drills" shows one).
 */
async function drill(sim: RunningSimulator, stacks: readonly Deployed[], workOut: string): Promise<void> {
  heading('drill the VCDA and SDRS examples: repliform drill (test failover, DR drill, checks, cleanup, evidence)');
  const out = process.env.REPLIFORM_DRILL_OUT ?? workOut;
  const cli = join(projectRoot(), 'dist', 'src', 'cli', 'main.js');
  const env = Object.assign({}, ...stacks.map((stack) => stack.env)) as NodeJS.ProcessEnv;
  const args = [cli, 'drill', ...stacks.flatMap((stack) => ['--stack-dir', stack.stackDir]), '--rto-minutes', '30', '--app-dir', join(projectRoot(), 'examples'), '--out', out];
  const result = await run(process.execPath, args, { cwd: projectRoot(), env: { ...env, REPLIFORM_LOG: 'warn' } });
  process.stdout.write(result.stdout.replace(/^/gm, '  '));
  assert(result.code === 0, `repliform drill exited with ${result.code}\n${result.stderr}`);
  const testImages = (await liveVcdaReplications(sim)).filter((r) => r.destinationState?.recoveryInfo?.recoveryState !== 'NOT_STARTED');
  const drills = await sdrsDrillsLeft(sim);
  assert(testImages.length === 0 && drills === 0, `the drill left ${testImages.length} test failover(s) and ${drills} SDRS drill(s)`);
  process.stdout.write('  → passed (exit 0); no test image and no drill left on the simulator\n');
}

async function main(): Promise<void> {
  const started = Date.now();
  const workDir = mkdtempSync(join(tmpdir(), 'repliform-main-'));
  const sim = await startSimulator({ taskDelayMs: 1500 });
  try {
    process.stdout.write(`simulator: ${sim.apiBase}\nwork dir:  ${workDir}\nbacking:   ${BACKING}${BACKING === "provider" ? " (terraform-provider-repliform, installed into a mirror in the work dir)" : ""}\n`);
    // One directory per example: each has its own cdktf.out and state.
    const [vrDir, vcdaDir, sdrsDir] = ['vr', 'vcda', 'sdrs'].map((name) => join(workDir, name));
    for (const dir of [vrDir, vcdaDir, sdrsDir]) mkdirSync(dir);
    await runVr(sim, vrDir);
    const vcda = await deployVcda(sim, vcdaDir);
    const sdrs = await deploySdrs(sim, sdrsDir);
    await drill(sim, [vcda, sdrs], join(workDir, 'drill'));
    await destroyVcda(sim, vcda);
    await destroySdrs(sim, sdrs);
    heading(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await sim.close();
    rmSync(workDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`main job failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});

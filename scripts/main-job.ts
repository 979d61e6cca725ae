/**
 * The main job (`npm start`): start the embedded simulator, synthesize examples/vr-basic, deploy it with
 * real Terraform, print the live replications read back from the API, change one RPO and deploy again
 * (in place: same replication ids), destroy, and check that nothing is left. Then the same for
 * examples/vcda-basic against the simulator's Cloud Director Availability API (`<url>/vcda`): deploy, RPO change
 * in place, destroy (one replication paused and kept, one deleted with its replica, as the example asks).
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
import { planChanges, synthExample, terraform, terraformEnv, type ResourceChange } from './deploy-kit';

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
    .filter((line) => /^(Plan:|Apply complete|Destroy complete)/.test(line) || (/\(local-exec\): repliform/.test(line) && !/\d+%/.test(line)));
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
  return `  → Terraform says "${replacedSettings} to destroy": the replaced settings resources, whose destroy does nothing on the appliance (\`repliform review\` calls this "update in place")`;
}

function assert(condition: boolean, message: string): void {
  if (!condition) throw new Error(message);
}

async function runVr(sim: RunningSimulator, workDir: string): Promise<void> {
  const env = terraformEnv(workDir, { ...SIM_USERS, VR_ENDPOINT: sim.url, WEB_RPO_MINUTES: '15' });
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
  process.stdout.write('  → settings resources only: reconfigure in place, no resync\n');
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

async function runVcda(sim: RunningSimulator, workDir: string): Promise<void> {
  const env = terraformEnv(workDir, { ...VCDA_SIM_USERS, VCDA_ENDPOINT: `${sim.url}/vcda`, WEB_RPO_MINUTES: '15' });
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
  process.stdout.write('  → settings resources only: PATCH /vm-replications/{id} in place, no resync\n');
  process.stdout.write(`${destroyCountHint(plan)}\n`);
  showTerraformOutput((await terraform(stackDir, ['apply', '-auto-approve', 'tfplan'], changed)).stdout);

  heading('live replications after the RPO change');
  const after = await liveVcdaReplications(sim);
  printVcdaReplications(after);
  assert(before.map((r) => r.id).sort().join() === after.map((r) => r.id).sort().join(), 'VCDA replication ids changed: the RPO change was not in place');
  assert(after.every((r) => r.settings.rpo === 10), 'VCDA web tier RPO is not 10 minutes');
  process.stdout.write('  → same replication ids, both now at 10 minutes\n');

  heading('destroy');
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

async function main(): Promise<void> {
  const started = Date.now();
  const workDir = mkdtempSync(join(tmpdir(), 'repliform-main-'));
  const sim = await startSimulator({ taskDelayMs: 1500 });
  try {
    process.stdout.write(`simulator: ${sim.apiBase}\nwork dir:  ${workDir}\n`);
    // One directory per example: each has its own cdktf.out and state.
    const [vrDir, vcdaDir] = ['vr', 'vcda'].map((name) => join(workDir, name));
    for (const dir of [vrDir, vcdaDir]) mkdirSync(dir);
    await runVr(sim, vrDir);
    await runVcda(sim, vcdaDir);
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

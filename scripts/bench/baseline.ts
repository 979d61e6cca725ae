/**
 * The baseline: what a user would write instead of repliform, in the manner of the vendor's samples — one
 * sequential script with the typed VR client that logs in once, opens the remote session, and for each VM
 * runs the seed workflow (find the VM, its disks and capability, the target storage policies and datastores,
 * configure, wait for the task). No Terraform, no processes, no concurrency, no find-or-create.
 */
import { VrClient } from '../../lib/client/vr/vr-client';
import type { ConfigureReplicationVmDisk } from '../../lib/client/vr/types';
import type { RunningSimulator } from '../../src/simulator';
import { performanceNow, type BaselineResult } from './harness';
import type { SiteUsers } from './profiles/vr';

export type { BaselineResult };

export interface BaselineOptions {
  readonly sim: RunningSimulator;
  readonly users: SiteUsers;
  readonly vmNames: readonly string[];
  readonly remoteSite?: string;
  readonly datastore?: string;
}


export async function runBaseline(options: BaselineOptions): Promise<BaselineResult> {
  const remoteSite = options.remoteSite ?? 'vc-b.example.local';
  const datastoreName = options.datastore ?? 'ds-b-gold';
  const client = new VrClient({
    endpoint: options.sim.url,
    credentials: { username: options.users.VR_SITE_A_USER, password: options.users.VR_SITE_A_PASSWORD },
    remoteCredentials: { username: options.users.VR_SITE_B_USER, password: options.users.VR_SITE_B_PASSWORD },
  });
  const started = performanceNow();
  let replications = 0;
  try {
    await client.login();
    const pairing = (await client.listPairings()).find((p) => p.remote_vc_server?.name === remoteSite);
    if (!pairing?.pairing_id) throw new Error(`baseline: no pairing to ${remoteSite}`);
    const pairingId = pairing.pairing_id;
    const localVc = pairing.local_vc_server?.id ?? '';
    const remoteVc = pairing.remote_vc_server?.id ?? '';
    await client.ensureRemoteSession(pairing);

    for (const name of options.vmNames) {
      const vm = (await client.listVms(pairingId, localVc, { suitableForReplication: true, names: [name] })).find((v) => v.name === name);
      if (!vm?.id) throw new Error(`baseline: no VM ${name}`);
      const disks = await client.getVmDisks(pairingId, localVc, vm.id);
      const capability = await client.getVmCapability(pairingId, localVc, vm.id);
      if (capability.vm_validation_status !== undefined && capability.vm_validation_status !== 'OK') {
        throw new Error(`baseline: ${name} cannot be replicated (${capability.vm_validation_status})`);
      }
      await client.listStoragePolicies(pairingId, remoteVc);
      const datastore = (await client.listDatastores(pairingId, remoteVc)).find((d) => d.name === datastoreName);
      if (!datastore?.id) throw new Error(`baseline: no datastore ${datastoreName}`);
      const vmDisks: ConfigureReplicationVmDisk[] = disks.map((disk) => ({
        vm_disk: disk,
        enabled_for_replication: true,
        use_seeds: false,
        destination_path: null,
        destination_datastore_id: datastore.id ?? '',
        destination_storage_policy_id: null,
        destination_disk_format: 'SAME_AS_SOURCE',
      }));
      const [task] = await client.configureReplications(pairingId, [
        {
          vm_id: vm.id,
          target_vc_id: remoteVc,
          target_replication_server_id: null,
          rpo: 15,
          mpit_enabled: true,
          mpit_instances: 3,
          mpit_days: 5,
          network_compression_enabled: true,
          quiesce_enabled: false,
          lwd_encryption_enabled: false,
          auto_replicate_new_disks: true,
          disks: vmDisks,
        },
      ]);
      if (!task) throw new Error(`baseline: configure of ${name} returned no task`);
      const done = await client.waitForTask(task.id, { timeoutMs: 10 * 60_000 });
      if (done.status !== 'SUCCESS') throw new Error(`baseline: configure of ${name} ended ${done.status}`);
      replications += 1;
    }
  } finally {
    await client.logout().catch(() => undefined);
  }
  const wallMs = performanceNow() - started;
  const stats = client.stats;
  return { replications, wallMs, requests: stats.requests, logins: stats.logins, taskPolls: stats.taskPolls };
}

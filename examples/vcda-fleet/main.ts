/**
 * vcda-fleet: FLEET_SIZE Cloud Director VMs of site1 (vcd-bench-0001…, the simulator's `vcda.extraVms`)
 * protected by Cloud Director Availability to site2's vdc-gold with one shared policy. Used by the benchmark
 * (`npm run bench -- --vendor vcda`) and the fault campaign (`npm run chaos -- --vendor vcda`).
 *
 *   FLEET_SIZE=100 VCDA_ENDPOINT=http://127.0.0.1:PORT/vcda node dist/examples/vcda-fleet/main.js
 *
 * Each replication synthesizes two lifecycle resources (identity + settings), so a fleet of N is 2N + 1
 * Terraform resources with the site look-up. A destroy deletes the replicas (deleteReplicaOnDestroy): a bench
 * fleet leaves nothing behind, unlike VCDA's default pause-and-keep.
 */
import { App, LocalBackend, TerraformStack } from 'cdktf';
import type { Construct } from 'constructs';
import { Credentials, ReplicationPolicy, VcdaReplication, VcdaSite } from 'repliform';

/** The simulator's vdc-gold on site2. */
const VDC_GOLD = 'd6977f40-4d90-46b2-a34e-5077e8648eda';

/** `vcd-bench-0001` …: the names the simulator gives its extra VMs. */
export function fleetVmName(index: number): string {
  return `vcd-bench-${String(index + 1).padStart(4, '0')}`;
}

/** The Cloud Director ids the simulator gives its extra VMs (src/simulator/vcda/inventory-seed.ts). */
export function fleetVmId(index: number): string {
  return `5b1e0000-0000-4000-8000-${String(index + 1).padStart(12, '0')}`;
}

function fleetSize(env: NodeJS.ProcessEnv): number {
  const size = Number(env.FLEET_SIZE ?? 10);
  if (!Number.isInteger(size) || size < 0 || size > 9999) throw new Error(`FLEET_SIZE must be an integer 0..9999, got ${JSON.stringify(env.FLEET_SIZE)}`);
  return size;
}

class VcdaFleetStack extends TerraformStack {
  constructor(scope: Construct, id: string, env: NodeJS.ProcessEnv) {
    super(scope, id);
    // Relative to cdktf.out/stacks/vcda-fleet: the state sits next to cdktf.out and survives re-synthesis.
    new LocalBackend(this, { path: '../../../terraform.vcda-fleet.tfstate' });

    const site1 = new VcdaSite(this, 'site1', {
      endpoint: env.VCDA_ENDPOINT ?? 'https://vcda.example.local',
      site: 'site1',
      credentials: Credentials.fromEnv('VCDA_SITE1_USER', 'VCDA_SITE1_PASSWORD'),
      remoteCredentials: Credentials.fromEnv('VCDA_SITE2_USER', 'VCDA_SITE2_PASSWORD'),
      caBundleFile: env.VCDA_CA_BUNDLE,
    });

    const standard = new ReplicationPolicy({
      rpoMinutes: 15,
      retention: [{ instances: 3, distanceMinutes: 60 }],
      quiescing: false,
    });

    const size = fleetSize(env);
    for (let index = 0; index < size; index++) {
      new VcdaReplication(this, fleetVmName(index), {
        site: site1,
        vmId: fleetVmId(index),
        destinationSite: 'site2',
        destinationVdc: VDC_GOLD,
        policy: standard,
        deleteReplicaOnDestroy: true,
      });
    }
  }
}

const app = new App();
new VcdaFleetStack(app, 'vcda-fleet', process.env);
app.synth();

/**
 * fleet: FLEET_SIZE VMs (bench-0001…, the simulator's `extraVms`) protected from site A to site B over one
 * pairing with one shared replication policy — the shape of a real site pair with hundreds of VMs. Used by
 * the benchmark (`npm run bench`) and the fault campaign (`npm run chaos`).
 *
 *   FLEET_SIZE=100 VR_ENDPOINT=http://127.0.0.1:PORT node dist/examples/fleet/main.js
 *
 * Each replication synthesizes two lifecycle resources (identity + settings), so a fleet of N is 2N + 1
 * Terraform resources with the pairing.
 */
import { App, LocalBackend, TerraformStack } from 'cdktf';
import type { Construct } from 'constructs';
import { Credentials, VrPairing, VrReplication, VrReplicationPolicy } from 'repliform';

/** `bench-0001` … the names the simulator gives its extra VMs. */
export function fleetVmName(index: number): string {
  return `bench-${String(index + 1).padStart(4, '0')}`;
}

function fleetSize(env: NodeJS.ProcessEnv): number {
  const size = Number(env.FLEET_SIZE ?? 10);
  if (!Number.isInteger(size) || size < 0 || size > 9999) throw new Error(`FLEET_SIZE must be an integer 0..9999, got ${JSON.stringify(env.FLEET_SIZE)}`);
  return size;
}

class FleetStack extends TerraformStack {
  constructor(scope: Construct, id: string, env: NodeJS.ProcessEnv) {
    super(scope, id);
    // Relative to cdktf.out/stacks/fleet: the state sits next to cdktf.out and survives re-synthesis.
    new LocalBackend(this, { path: '../../../terraform.fleet.tfstate' });

    const siteB = new VrPairing(this, 'site-b', {
      endpoint: env.VR_ENDPOINT ?? 'https://vr-a.example.local',
      credentials: Credentials.fromEnv('VR_SITE_A_USER', 'VR_SITE_A_PASSWORD'),
      remoteCredentials: Credentials.fromEnv('VR_SITE_B_USER', 'VR_SITE_B_PASSWORD'),
      remoteSite: 'vc-b.example.local',
      caBundleFile: env.VR_CA_BUNDLE,
    });

    const standard = new VrReplicationPolicy({
      rpoMinutes: 15,
      pointInTime: { instancesPerDay: 3, days: 5 },
      networkCompression: true,
    });

    const size = fleetSize(env);
    for (let index = 0; index < size; index++) {
      const vm = fleetVmName(index);
      new VrReplication(this, vm, { pairing: siteB, vmName: vm, targetDatastore: 'ds-b-gold', policy: standard });
    }
  }
}

const app = new App();
new FleetStack(app, 'fleet', process.env);
app.synth();

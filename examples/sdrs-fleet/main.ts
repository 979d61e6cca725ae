/**
 * sdrs-fleet: one Huawei Cloud SDRS protection group (az-a → az-b, vpc-prod) with FLEET_SIZE replication pairs of
 * the simulator's extra volumes (evs-bench-0001…, its `sdrs.extraVolumes`), protection enabled once every pair
 * exists. Used by the benchmark (`npm run bench -- --vendor sdrs`) and the fault campaign (`npm run chaos -- --vendor sdrs`).
 *
 *   FLEET_SIZE=100 SDRS_ENDPOINT=http://127.0.0.1:PORT/sdrs node dist/examples/sdrs-fleet/main.js
 *
 * A destroy stops protection, deletes the pairs with their DR-site volumes (deleteTargetVolume), then the group:
 * a bench fleet leaves nothing behind, unlike SDRS's default of keeping the DR volumes.
 */
import { App, LocalBackend, TerraformStack } from 'cdktf';
import type { Construct } from 'constructs';
import { Credentials, SdrsProtection, SdrsProtectionGroup, SdrsReplicationPair } from 'repliform';

/** `evs-bench-0001` …: the names the simulator gives its extra volumes (and the fleet gives its pairs). */
export function fleetVolumeName(index: number): string {
  return `evs-bench-${String(index + 1).padStart(4, '0')}`;
}

/** The volume ids the simulator gives its extra volumes (src/simulator/sdrs/inventory-seed.ts). */
export function fleetVolumeId(index: number): string {
  return `7e5b0000-0000-4000-8000-${String(index + 1).padStart(12, '0')}`;
}

function fleetSize(env: NodeJS.ProcessEnv): number {
  const size = Number(env.FLEET_SIZE ?? 10);
  if (!Number.isInteger(size) || size < 0 || size > 9999) throw new Error(`FLEET_SIZE must be an integer 0..9999, got ${JSON.stringify(env.FLEET_SIZE)}`);
  return size;
}

class SdrsFleetStack extends TerraformStack {
  constructor(scope: Construct, id: string, env: NodeJS.ProcessEnv) {
    super(scope, id);
    // Relative to cdktf.out/stacks/sdrs-fleet: the state sits next to cdktf.out and survives re-synthesis.
    new LocalBackend(this, { path: '../../../terraform.sdrs-fleet.tfstate' });

    const group = new SdrsProtectionGroup(this, 'bench-dr', {
      endpoint: env.SDRS_ENDPOINT ?? 'https://sdrs.ap-southeast-1.myhuaweicloud.com',
      projectId: env.SDRS_PROJECT_ID ?? '0605767a3300d5762fb7c0186d9e1779',
      credentials: Credentials.fromEnvAkSk('HW_AK', 'HW_SK'),
      caBundleFile: env.SDRS_CA_BUNDLE,
      name: 'bench-dr',
      sourceAvailabilityZone: 'az-a',
      targetAvailabilityZone: 'az-b',
      domainId: 'domain-1',
      sourceVpcId: 'vpc-prod',
    });

    const size = fleetSize(env);
    for (let index = 0; index < size; index++) {
      new SdrsReplicationPair(this, fleetVolumeName(index), {
        group,
        volumeId: fleetVolumeId(index),
        name: fleetVolumeName(index),
        deleteTargetVolume: true,
      });
    }
    // Enabled after every pair (an empty group cannot be enabled): a fleet of 0 has no protection.
    if (size > 0) new SdrsProtection(this, 'bench-dr-protection', { group });
  }
}

const app = new App();
new SdrsFleetStack(app, 'sdrs-fleet', process.env);
app.synth();

/**
 * sdrs-basic: Huawei Cloud SDRS protecting the web server of az-a (vpc-prod) to az-b: one protection group, two
 * replication pairs (the web and the database data volumes), the protected instance ecs-web-01 with its data pair
 * attached as /dev/vdb, and protection enabled once every pair exists.
 *
 * Run it with `npm start` (embedded simulator, SDRS API at <simulator url>/sdrs). Against Huawei Cloud, from the
 * repository root after `npm run build` (the provisioners need a `repliform` on PATH):
 *   export SDRS_ENDPOINT=https://sdrs.ap-southeast-1.myhuaweicloud.com SDRS_PROJECT_ID=<your project id>
 *   export HW_AK=… HW_SK=…      # read by the CLI when Terraform runs it; only these NAMES are synthesized
 *   node dist/examples/sdrs-basic/main.js && terraform -chdir=cdktf.out/stacks/sdrs-basic init && terraform -chdir=cdktf.out/stacks/sdrs-basic apply
 * and replace the zones, domain, VPC, server and volume ids below with yours.
 *
 * WEB_DATA_PAIR_NAME renames the web data pair and WEB_DATA_SIZE_GB expands it (both volumes, never shrinking): a
 * second deploy changes it in place (same pair id, no new sync).
 * Destroy stops protection first, detaches, deletes the instance and the pairs, then the group; the DR-site server
 * and volumes are kept (the SDRS default: set deleteTargetServer / deleteTargetVolume to delete them too).
 */
import { App, LocalBackend, TerraformStack } from 'cdktf';
import type { Construct } from 'constructs';
import { Credentials, SdrsProtectedInstance, SdrsProtection, SdrsProtectionGroup, SdrsReplicationPair } from 'repliform';

/** The production server and volumes (the simulator's seeded inventory). */
const SERVER_ECS_WEB_01 = '3f2a9c1e-5b7d-4e8a-9c0f-1a2b3c4d5e01';
const VOLUMES = {
  'evs-web-01-data': 'b6f71149-7b9c-4f36-8ff0-1c4809a6f2c2',
  'evs-db-01-data': 'b6f71149-7b9c-4f36-8ff0-1c4809a6f2c4',
};

class SdrsBasicStack extends TerraformStack {
  constructor(scope: Construct, id: string, env: NodeJS.ProcessEnv) {
    super(scope, id);
    // Relative to the stack's directory (cdktf.out/stacks/sdrs-basic): the state survives re-synthesis.
    new LocalBackend(this, { path: '../../../terraform.sdrs-basic.tfstate' });

    const group = new SdrsProtectionGroup(this, 'web-dr', {
      endpoint: env.SDRS_ENDPOINT ?? 'https://sdrs.ap-southeast-1.myhuaweicloud.com',
      projectId: env.SDRS_PROJECT_ID ?? '0605767a3300d5762fb7c0186d9e1779',
      credentials: Credentials.fromEnvAkSk('HW_AK', 'HW_SK'),
      caBundleFile: env.SDRS_CA_BUNDLE,
      name: 'web-dr',
      sourceAvailabilityZone: 'az-a',
      targetAvailabilityZone: 'az-b',
      domainId: 'domain-1',
      sourceVpcId: 'vpc-prod',
    });

    const webData = new SdrsReplicationPair(this, 'web-data', {
      group,
      volumeId: VOLUMES['evs-web-01-data'],
      name: env.WEB_DATA_PAIR_NAME ?? 'web-data',
      sizeGb: Number(env.WEB_DATA_SIZE_GB ?? 100),
    });
    new SdrsReplicationPair(this, 'db-data', { group, volumeId: VOLUMES['evs-db-01-data'], name: 'db-data' });

    new SdrsProtectedInstance(this, 'ecs-web-01', {
      group,
      serverId: SERVER_ECS_WEB_01,
      name: 'ecs-web-01',
      attachments: [{ pair: webData, device: '/dev/vdb' }],
    });

    // Enabled after every pair, instance and attachment of the group (an empty group cannot be enabled).
    new SdrsProtection(this, 'web-dr-protection', { group });
  }
}

const app = new App();
new SdrsBasicStack(app, 'sdrs-basic', process.env);
app.synth();

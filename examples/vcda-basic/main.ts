/**
 * vcda-basic: two Cloud Director VMs of site1 protected by Cloud Director Availability to site2's `vdc-gold`.
 *
 * Run it with `npm start` (embedded simulator, VCDA API at <simulator url>/vcda). Against a real VCDA, from the
 * repository root after `npm run build` (the provisioners need a `repliform` on PATH):
 *   export VCDA_ENDPOINT=https://vcda.example.local VCDA_CA_BUNDLE=/abs/path/vcda-ca.pem
 *   export VCDA_SITE1_USER=… VCDA_SITE1_PASSWORD=… VCDA_SITE2_USER=… VCDA_SITE2_PASSWORD=…
 *   node dist/examples/vcda-basic/main.js && terraform -chdir=cdktf.out/stacks/vcda-basic init && terraform -chdir=cdktf.out/stacks/vcda-basic apply
 * and replace the ids below (VMs and vDC as Cloud Director shows them) with yours.
 *
 * WEB_RPO_MINUTES changes the web tier's RPO: a second deploy reconfigures in place (same replication ids).
 * VCDA_DESTINATION_VDC moves the replicas to another vDC (e.g. vdc-silver, d6977f40-…-8edb): that re-creates them,
 * a full resync, which `repliform review` flags.
 * Destroy shows both delete behaviours: vcd-web-01 is paused and kept with its replica (the default: VCDA has no
 * delete that keeps the replica), vcd-web-02 is deleted with its replica (deleteReplicaOnDestroy).
 */
import { App, LocalBackend, TerraformStack } from 'cdktf';
import type { Construct } from 'constructs';
import { Credentials, ReplicationPolicy, VcdaReplication, VcdaSite } from 'repliform';

/** The Cloud Director ids of the VMs and of the destination vDC (the simulator's seeded inventory). */
const VM_IDS = {
  'vcd-web-01': '441a891a-5294-4dff-b02d-c605d335be1b',
  'vcd-web-02': '441a891a-5294-4dff-b02d-c605d335be1c',
};
const VDC_GOLD = 'd6977f40-4d90-46b2-a34e-5077e8648eda';

class VcdaBasicStack extends TerraformStack {
  constructor(scope: Construct, id: string, env: NodeJS.ProcessEnv) {
    super(scope, id);
    // Relative to the stack's directory (cdktf.out/stacks/vcda-basic): the state survives re-synthesis.
    new LocalBackend(this, { path: '../../../terraform.vcda-basic.tfstate' });

    const site1 = new VcdaSite(this, 'site1', {
      endpoint: env.VCDA_ENDPOINT ?? 'https://vcda.example.local',
      site: 'site1',
      credentials: Credentials.fromEnv('VCDA_SITE1_USER', 'VCDA_SITE1_PASSWORD'),
      remoteCredentials: Credentials.fromEnv('VCDA_SITE2_USER', 'VCDA_SITE2_PASSWORD'),
      caBundleFile: env.VCDA_CA_BUNDLE,
    });

    // The same vendor-neutral policy a VrReplication accepts: RPO, 4 hourly instances kept, quiescing.
    const destinationVdc = env.VCDA_DESTINATION_VDC ?? VDC_GOLD;

    const webTier = new ReplicationPolicy({
      rpoMinutes: Number(env.WEB_RPO_MINUTES ?? 15),
      retention: [{ instances: 4, distanceMinutes: 60 }],
      quiescing: true,
      encryption: true,
    });

    new VcdaReplication(this, 'vcd-web-01', {
      site: site1,
      vmId: VM_IDS['vcd-web-01'],
      destinationSite: 'site2',
      destinationVdc,
      policy: webTier,
      description: 'web tier',
    });
    new VcdaReplication(this, 'vcd-web-02', {
      site: site1,
      vmId: VM_IDS['vcd-web-02'],
      destinationSite: 'site2',
      destinationVdc,
      policy: webTier,
      description: 'web tier',
      deleteReplicaOnDestroy: true,
    });
  }
}

const app = new App();
new VcdaBasicStack(app, 'vcda-basic', process.env);
app.synth();

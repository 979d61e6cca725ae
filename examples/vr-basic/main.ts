/**
 * vr-basic: three VMs of site A protected to site B over the existing vSphere Replication pairing.
 *
 * Run it with `npm start` (embedded simulator). Against a real appliance, from the repository root after `npm run build`
 * (the provisioners need a `repliform` on PATH: in your own app, node_modules/.bin — see the README's "Use it in your own app"):
 *   export VR_ENDPOINT=https://vr-a.example.local VR_CA_BUNDLE=/abs/path/vr-ca.pem VR_SITE_A_USER=… VR_SITE_A_PASSWORD=… VR_SITE_B_USER=… VR_SITE_B_PASSWORD=…
 *   node dist/examples/vr-basic/main.js && terraform -chdir=cdktf.out/stacks/vr-basic init && terraform -chdir=cdktf.out/stacks/vr-basic apply
 *
 * WEB_RPO_MINUTES changes the web tier's RPO: a second deploy reconfigures in place, it never resyncs.
 * RETIRED_VMS=web-02 retires web-02: the next deploy unconfigures it (replica disks kept), after which its
 * block can be deleted from the code without orphaning anything.
 */
import { App, LocalBackend, TerraformStack } from 'cdktf';
import type { Construct } from 'constructs';
import { Credentials, VrPairing, VrReplication, VrReplicationPolicy } from 'repliform';

class VrBasicStack extends TerraformStack {
  constructor(scope: Construct, id: string, env: NodeJS.ProcessEnv) {
    super(scope, id);
    // Relative to the stack's directory (cdktf.out/stacks/vr-basic): the state sits next to cdktf.out,
    // survives re-synthesis, and cdk.tf.json holds no absolute path. Real sites use a remote backend.
    new LocalBackend(this, { path: '../../../terraform.vr-basic.tfstate' });

    const siteB = new VrPairing(this, 'site-b', {
      endpoint: env.VR_ENDPOINT ?? 'https://vr-a.example.local',
      credentials: Credentials.fromEnv('VR_SITE_A_USER', 'VR_SITE_A_PASSWORD'),
      remoteCredentials: Credentials.fromEnv('VR_SITE_B_USER', 'VR_SITE_B_PASSWORD'),
      remoteSite: 'vc-b.example.local',
      caBundleFile: env.VR_CA_BUNDLE,
    });

    // One policy, many VMs: the web tier shares its RPO and retention.
    const webTier = new VrReplicationPolicy({
      rpoMinutes: Number(env.WEB_RPO_MINUTES ?? 15),
      pointInTime: { instancesPerDay: 3, days: 5 },
      networkCompression: true,
    });

    const retired = (env.RETIRED_VMS ?? '').split(',');
    for (const vm of ['web-01', 'web-02']) {
      new VrReplication(this, vm, { pairing: siteB, vmName: vm, targetDatastore: 'ds-b-gold', policy: webTier, retired: retired.includes(vm) });
    }

    new VrReplication(this, 'db-01', {
      pairing: siteB,
      vmName: 'db-01',
      targetDatastore: 'ds-b-gold',
      targetStoragePolicy: 'Gold',
      rpoMinutes: 5,
      quiescing: true,
      retainReplicaDisksOnDelete: true,
    });
  }
}

const app = new App();
new VrBasicStack(app, 'vr-basic', process.env);
app.synth();

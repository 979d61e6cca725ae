/**
 * vr-file-server: file-01 protected from site A to site B with its scratch disk ("Hard disk 2") excluded and
 * the Silver storage policy on the target datastore.
 *
 * Run it against the embedded simulator (`npx repliform simulator`, then VR_ENDPOINT=http://127.0.0.1:<port>)
 * or a real appliance, like examples/vr-basic:
 *   node main.js && terraform -chdir=cdktf.out/stacks/file-server init && terraform -chdir=cdktf.out/stacks/file-server apply
 *
 * FILE_RPO_MINUTES changes the RPO: applied in place, the excluded disk stays excluded, no resync.
 * STACK names the stack (default "file-server"); ADOPT=true takes over a replication of file-01 that this
 * code did not create, which is otherwise refused.
 */
import { App, LocalBackend, TerraformStack } from 'cdktf';
import type { Construct } from 'constructs';
import { Credentials, VrPairing, VrReplication } from 'repliform';

class FileServerStack extends TerraformStack {
  constructor(scope: Construct, id: string, env: NodeJS.ProcessEnv) {
    super(scope, id);
    new LocalBackend(this, { path: `../../../terraform.${id}.tfstate` });

    const siteB = new VrPairing(this, 'site-b', {
      endpoint: env.VR_ENDPOINT ?? 'https://vr-a.example.local',
      credentials: Credentials.fromEnv('VR_SITE_A_USER', 'VR_SITE_A_PASSWORD'),
      remoteCredentials: Credentials.fromEnv('VR_SITE_B_USER', 'VR_SITE_B_PASSWORD'),
      remoteSite: 'vc-b.example.local',
      caBundleFile: env.VR_CA_BUNDLE,
    });

    new VrReplication(this, 'file-01', {
      pairing: siteB,
      vmName: 'file-01',
      targetDatastore: 'ds-b-silver',
      targetStoragePolicy: 'Silver',
      excludeDisks: ['Hard disk 2'],
      rpoMinutes: Number(env.FILE_RPO_MINUTES ?? 60),
      adopt: env.ADOPT === 'true',
    });
  }
}

const app = new App();
new FileServerStack(app, process.env.STACK ?? 'file-server', process.env);
app.synth();

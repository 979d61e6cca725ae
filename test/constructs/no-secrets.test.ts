import * as fs from 'fs';
import * as path from 'path';
import { Backing, Credentials, Testing, VrReplicationPolicy, VrSeeds } from '../../src/constructs';
import { newStack, pairing, replication } from './helpers';

const CANARIES = {
  VR_SITE_A_USER: 'canary-user-7f3a91',
  VR_SITE_A_PASSWORD: 'canary-P@ss-2c9e0d!',
  VR_SITE_B_PASSWORD: 'canary-remote-5b81aa',
  SSO_B_PASSWORD: 'canary-sso-e04c77',
};

describe('no secret and no local path in the synthesized output', () => {
  const saved: Record<string, string | undefined> = {};
  beforeAll(() => {
    for (const [name, value] of Object.entries(CANARIES)) {
      saved[name] = process.env[name];
      process.env[name] = value;
    }
  });
  afterAll(() => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  test.each([Backing.TERRAFORM_DATA, Backing.NULL_RESOURCE])('%s: cdk.tf.json holds env var names only', (backing) => {
    // GIVEN every construct and option that carries credentials
    const stack = newStack({ 'repliform:backing': backing });
    const p = pairing(stack, {
      remoteCredentials: Credentials.fromEnv('VR_SITE_B_USER', 'VR_SITE_B_PASSWORD'),
      caBundleFile: 'certs/dr-ca.pem',
      createIfMissing: {
        remoteVcId: 'vc-b-uuid',
        pscUrl: 'https://vc-b.example.local',
        credentials: Credentials.fromEnv('SSO_B_USER', 'SSO_B_PASSWORD'),
      },
    });
    replication(stack, { policy: new VrReplicationPolicy({ rpoMinutes: 15 }), seeds: VrSeeds.findOnTarget() }, 'web-01', p);
    replication(stack, { vmName: 'db-01', retired: true }, 'db-01', p);

    // WHEN synthesized for real (the file Terraform reads, metadata included) and through Testing.synth
    const outdir = Testing.fullSynth(stack);
    const file = fs.readFileSync(path.join(outdir, 'stacks', 'stack', 'cdk.tf.json'), 'utf8');
    const testing = Testing.synth(stack);

    // THEN
    for (const text of [file, testing]) {
      for (const secret of Object.values(CANARIES)) expect(text).not.toContain(secret);
      expect(text).toContain('VR_SITE_A_PASSWORD');
      expect(text).toContain('SSO_B_PASSWORD');
      for (const local of [process.cwd(), __dirname, path.resolve(__dirname, '../..'), outdir]) {
        expect(text).not.toContain(local);
      }
    }
  });
});

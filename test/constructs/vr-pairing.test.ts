import { AnnotationMetadataEntryType, Credentials } from '../../src/constructs';
import { block, newStack, pairing, synth } from './helpers';

const FROM_SELF = { REPLIFORM_SPEC: '${jsonencode(self.input)}' };

describe('VrPairing', () => {
  test('synthesizes one vr.pairing resource that looks the pairing up and never deletes it by default', () => {
    const stack = newStack();
    const p = pairing(stack);
    const json = synth(stack);
    expect(p.resource.node.path).toBe('stack/site-a-to-b/pairing');
    expect(Object.keys(json.resource.terraform_data)).toHaveLength(1);
    expect(block(json, p.resource)).toEqual({
      triggers_replace: { kind: 'vr.pairing', pairing: { id: null, remote_site: 'vc-b.example.local' } },
      input: {
        connection: {
          endpoint: 'https://vr-a.example.local',
          credentials: { username_env: 'VR_SITE_A_USER', password_env: 'VR_SITE_A_PASSWORD' },
          remote_credentials: null,
          ca_bundle_file: null,
          insecure: false,
        },
        pairing: { id: null, remote_site: 'vc-b.example.local' },
        create: null,
        delete_on_destroy: false,
        timeouts: { create_seconds: 1800, delete_seconds: 1800 },
      },
      provisioner: [
        { 'local-exec': { command: 'repliform lifecycle create vr.pairing', environment: FROM_SELF } },
        { 'local-exec': { command: 'repliform lifecycle delete vr.pairing', environment: FROM_SELF, when: 'destroy' } },
      ],
    });
  });

  test('maps the optional props: pairing id, remote credentials, CA bundle, create, delete, timeouts', () => {
    const stack = newStack();
    const p = pairing(stack, {
      remoteSite: 'vc-b.example.local',
      remoteCredentials: Credentials.fromEnv('VR_SITE_B_USER', 'VR_SITE_B_PASSWORD'),
      caBundleFile: 'certs/dr-ca.pem',
      createIfMissing: {
        remoteVcId: '5a6f0e6c-1b7d-4c5a-9f00-0123456789ab',
        pscUrl: 'https://vc-b.example.local',
        pscThumbprint: 'AB:CD',
        credentials: Credentials.fromEnv('SSO_B_USER', 'SSO_B_PASSWORD'),
      },
      deleteOnDestroy: true,
      timeouts: { createMinutes: 10 },
    });
    expect(block(synth(stack), p.resource).input).toEqual({
      connection: {
        endpoint: 'https://vr-a.example.local',
        credentials: { username_env: 'VR_SITE_A_USER', password_env: 'VR_SITE_A_PASSWORD' },
        remote_credentials: { username_env: 'VR_SITE_B_USER', password_env: 'VR_SITE_B_PASSWORD' },
        ca_bundle_file: 'certs/dr-ca.pem',
        insecure: false,
      },
      pairing: { id: null, remote_site: 'vc-b.example.local' },
      create: {
        remote_vc_id: '5a6f0e6c-1b7d-4c5a-9f00-0123456789ab',
        psc_url: 'https://vc-b.example.local',
        psc_port: 443,
        psc_thumbprint: 'AB:CD',
        credentials: { username_env: 'SSO_B_USER', password_env: 'SSO_B_PASSWORD' },
      },
      delete_on_destroy: true,
      timeouts: { create_seconds: 600, delete_seconds: 1800 },
    });
  });

  test('exposes the connection and the pairing reference replications use', () => {
    const stack = newStack();
    const p = pairing(stack, { remoteSite: undefined, pairingId: 'pairing-42' });
    expect(p.pairingRef).toEqual({ id: 'pairing-42', remote_site: null });
    expect(p.connection.endpoint).toBe('https://vr-a.example.local');
    expect(p.spec.pairing).toBe(p.pairingRef);
  });

  test('insecure adds a warning annotation and is passed to the CLI', () => {
    const stack = newStack();
    const p = pairing(stack, { insecure: true });
    const warnings = p.node.metadata.filter((m) => m.type === AnnotationMetadataEntryType.WARN).map((m) => String(m.data));
    expect(warnings).toEqual([expect.stringContaining('TLS certificate verification is disabled for https://vr-a.example.local')]);
    expect(p.connection.insecure).toBe(true);
  });

  test('a secure pairing has no warning', () => {
    const stack = newStack();
    const p = pairing(stack);
    expect(p.node.metadata.filter((m) => m.type === AnnotationMetadataEntryType.WARN)).toEqual([]);
  });
});

import { startBody } from '../../src/resources/vcda/replication/handler';
import { vcdaReplicationDeleteSpecSchema, vcdaReplicationSpecSchema } from '../../src/resources/vcda/replication/schema';
import { vcdaSiteSpecSchema } from '../../src/resources/vcda/site/schema';
import {
  Backing,
  ReplicationPolicy,
  VcdaDataConnectionType,
  VcdaLoginType,
  VcdaTargetDiskType,
  VrReplicationPolicy,
} from '../../src/constructs';
import { address, block, newStack, synth } from './helpers';
import { SITE2_CREDENTIALS, VDC_GOLD, VM_WEB_01, vcdaReplication, vcdaSite } from './vcda-helpers';

const CONNECTION = {
  endpoint: 'https://vcda.example.local',
  credentials: { username_env: 'VCDA_SITE1_USER', password_env: 'VCDA_SITE1_PASSWORD' },
  ca_bundle_file: null,
  insecure: false,
  login_type: 'vcdCredentials',
  remote_credentials: null,
  api_version: 'v4',
};
const IDENTITY = {
  source: { site: 'site1', vm_id: VM_WEB_01 },
  destination: { site: 'site2', vdc: VDC_GOLD },
  exclude_disk_keys: [],
  target_disk_type: 'THIN',
};
const DEFAULT_SETTINGS = {
  rpo_minutes: 60,
  retention_rules: null,
  sla_profile_id: null,
  quiescing: false,
  data_connection_type: 'ENCRYPTED',
  description: null,
  storage_profile: null,
};
const FULL_SPEC = {
  connection: CONNECTION,
  ...IDENTITY,
  settings: DEFAULT_SETTINGS,
  on_delete: { delete_replica: false },
  timeouts: { create_seconds: 3600, update_seconds: 1800, delete_seconds: 1800 },
  adopt: false,
  owner: 'stack/vcd-web-01',
};
const FROM_SELF = { REPLIFORM_SPEC: '${jsonencode(self.input)}' };

describe('VcdaSite', () => {
  test('synthesizes one look-up resource of kind vcda.site with no destroy command', () => {
    const stack = newStack();
    const site = vcdaSite(stack, { remoteCredentials: SITE2_CREDENTIALS, loginType: VcdaLoginType.LOCAL_USER, apiVersion: 'v4.7' });
    expect(block(synth(stack), site.resource)).toEqual({
      triggers_replace: { kind: 'vcda.site', site: 'site1' },
      input: {
        connection: {
          ...CONNECTION,
          login_type: 'localUser',
          remote_credentials: { username_env: 'VCDA_SITE2_USER', password_env: 'VCDA_SITE2_PASSWORD' },
          api_version: 'v4.7',
        },
        site: 'site1',
      },
      provisioner: [{ 'local-exec': { command: 'repliform lifecycle create vcda.site', environment: FROM_SELF } }],
    });
    expect(site.resource.node.path).toBe('stack/site1/site');
  });

  test('its spec parses with the runtime schema and needs no default filled in', () => {
    const stack = newStack();
    const site = vcdaSite(stack);
    const input = block(synth(stack), site.resource).input;
    expect(vcdaSiteSpecSchema.parse(input)).toEqual(input);
  });

  test('bad props: one line per field naming the construct path, the allowed values and the value given', () => {
    const stack = newStack();
    expect(() => vcdaSite(stack, { endpoint: 'vcda.example.local', site: '', loginType: 'vcdToken' as VcdaLoginType, apiVersion: '4' })).toThrow(
      [
        "endpoint must be an http(s) URL such as https://vcda.example.local, got 'vcda.example.local'",
        "site must be a non-empty site name such as 'site1', got ''",
        "loginType must be one of vcdCredentials, localUser, ssoCredentials, got 'vcdToken'",
        "apiVersion must be an API version such as 'v4' or 'v4.7', got '4'",
      ]
        .map((line) => `repliform/VcdaSite at 'stack/site1': ${line}`)
        .join('\n'),
    );
  });
});

describe('VcdaReplication', () => {
  test('synthesizes an identity resource (start on create, pause-or-delete on destroy) after the site look-up', () => {
    const stack = newStack();
    const site = vcdaSite(stack);
    const r = vcdaReplication(stack, {}, 'vcd-web-01', site);
    expect(r.identityResource.node.path).toBe('stack/vcd-web-01/replication');
    expect(block(synth(stack), r.identityResource)).toEqual({
      depends_on: [address(site.resource)],
      triggers_replace: { kind: 'vcda.replication', ...IDENTITY },
      input: FULL_SPEC,
      provisioner: [
        { 'local-exec': { command: 'repliform lifecycle create vcda.replication', environment: FROM_SELF } },
        { 'local-exec': { command: 'repliform lifecycle delete vcda.replication', environment: FROM_SELF, when: 'destroy' } },
      ],
    });
  });

  test('synthesizes a settings resource that reconfigures in place, keyed on the identity id, with no destroy command', () => {
    const stack = newStack();
    const r = vcdaReplication(stack);
    const settings = r.settingsResource;
    if (settings === undefined) throw new Error('no settings resource');
    expect(block(synth(stack), settings)).toEqual({
      depends_on: [address(r.identityResource)],
      triggers_replace: { replication: `\${${address(r.identityResource)}.id}`, settings: DEFAULT_SETTINGS },
      provisioner: [
        {
          'local-exec': {
            command: 'repliform lifecycle update vcda.replication',
            environment: { REPLIFORM_SPEC: `\${jsonencode(${address(r.identityResource)}.input)}` },
          },
        },
      ],
    });
  });

  test('every prop lands in the spec; owner and adopt never in a trigger', () => {
    const stack = newStack();
    const site2 = vcdaSite(stack, { site: 'site2', credentials: SITE2_CREDENTIALS }, 'site2');
    const r = vcdaReplication(stack, {
      destinationSite: site2,
      excludeDiskKeys: [2001],
      targetDiskType: VcdaTargetDiskType.PREALLOCATED,
      rpoMinutes: 10,
      retentionRules: [
        { instances: 4, distanceMinutes: 60 },
        { instances: 7, distanceMinutes: 1440 },
      ],
      quiescing: true,
      dataConnectionType: VcdaDataConnectionType.ENCRYPTED_COMPRESSED,
      storageProfile: 'Gold',
      description: 'web tier',
      deleteReplicaOnDestroy: true,
      adopt: true,
      timeouts: { createMinutes: 5 },
    });
    const identity = block(synth(stack), r.identityResource);
    expect(identity.input).toEqual({
      ...FULL_SPEC,
      destination: { site: 'site2', vdc: VDC_GOLD },
      exclude_disk_keys: [2001],
      target_disk_type: 'PREALLOCATED',
      settings: {
        rpo_minutes: 10,
        retention_rules: [
          { instances: 4, distance_minutes: 60 },
          { instances: 7, distance_minutes: 1440 },
        ],
        sla_profile_id: null,
        quiescing: true,
        data_connection_type: 'ENCRYPTED_COMPRESSED',
        description: 'web tier',
        storage_profile: 'Gold',
      },
      on_delete: { delete_replica: true },
      timeouts: { create_seconds: 300, update_seconds: 1800, delete_seconds: 1800 },
      adopt: true,
    });
    expect(identity.triggers_replace).toEqual({
      kind: 'vcda.replication',
      source: { site: 'site1', vm_id: VM_WEB_01 },
      destination: { site: 'site2', vdc: VDC_GOLD },
      exclude_disk_keys: [2001],
      target_disk_type: 'PREALLOCATED',
    });
    expect(identity.depends_on).toEqual([address(r.site.resource), address(site2.resource)]);
  });

  test('an RPO change touches only the settings trigger; a destination vDC change the identity trigger', () => {
    const triggersOf = (props: Parameters<typeof vcdaReplication>[1]) => {
      const stack = newStack();
      const r = vcdaReplication(stack, props);
      const json = synth(stack);
      const settings = r.settingsResource;
      if (settings === undefined) throw new Error('no settings resource');
      return { identity: block(json, r.identityResource).triggers_replace, settings: block(json, settings).triggers_replace };
    };
    const base = triggersOf({ rpoMinutes: 15 });
    const rpo = triggersOf({ rpoMinutes: 10 });
    const vdc = triggersOf({ rpoMinutes: 15, destinationVdc: 'other-vdc' });
    expect(rpo.identity).toEqual(base.identity);
    expect(rpo.settings).not.toEqual(base.settings);
    expect(vdc.identity).not.toEqual(base.identity);
    expect(vdc.settings).toEqual(base.settings);
  });

  test('an SLA profile replaces RPO, retention and data connection', () => {
    const stack = newStack();
    const r = vcdaReplication(stack, { slaProfileId: 'e95fea3e-424f-412e-a1f3-57f742986d21', quiescing: true });
    expect(r.spec.settings).toEqual({ ...DEFAULT_SETTINGS, rpo_minutes: null, sla_profile_id: 'e95fea3e-424f-412e-a1f3-57f742986d21', quiescing: true });
  });

  test('retired: only the identity resource, which deletes (pauses) on create', () => {
    const stack = newStack();
    const r = vcdaReplication(stack, { retired: true });
    const identity = block(synth(stack), r.identityResource);
    expect(r.settingsResource).toBeUndefined();
    expect(identity.triggers_replace).toEqual({ kind: 'vcda.replication', ...IDENTITY, ensure: 'absent' });
    expect(identity.provisioner[0]['local-exec'].command).toBe('repliform lifecycle delete vcda.replication');
  });

  test('with the null_resource backing, the destroy spec holds neither settings, adopt nor owner', () => {
    const stack = newStack();
    const r = vcdaReplication(stack, { backing: Backing.NULL_RESOURCE });
    const destroySpec = block(synth(stack), r.identityResource).triggers?.destroy_spec ?? '';
    expect(destroySpec).toMatch(/^\$\{jsonencode\(\{"connection" = /);
    expect(destroySpec).toContain('"on_delete" = {"delete_replica" = false}');
    for (const key of ['settings', 'adopt', 'owner']) expect(destroySpec).not.toContain(`"${key}"`);
  });

  test('one VM of a site may have only one VcdaReplication', () => {
    const stack = newStack();
    const site = vcdaSite(stack);
    vcdaReplication(stack, {}, 'first', site);
    expect(() => vcdaReplication(stack, { destinationVdc: 'other' }, 'second', site)).toThrow(
      `repliform/VcdaReplication at 'stack/second': vmId '${VM_WEB_01}' of site 'site1' is already replicated by 'stack/first'; one VM may have only one VcdaReplication (remove one of the two)`,
    );
  });

  test('bad props: VCDA ranges, one line per field naming the construct path, the range and the value', () => {
    const stack = newStack();
    expect(() =>
      vcdaReplication(stack, {
        rpoMinutes: 0,
        retentionRules: [{ instances: 25, distanceMinutes: 1.5 }],
        excludeDiskKeys: [2001, 2001],
        targetDiskType: 'THICK' as VcdaTargetDiskType,
        description: 'mine [repliform owner=x/y]',
      }),
    ).toThrow(
      [
        'excludeDiskKeys must not list a disk twice, got 2001 twice',
        "targetDiskType must be one of THIN, PREALLOCATED, PREALLOCATED_ZEROS, got 'THICK'",
        'rpoMinutes must be an integer between 1 and 1440 minutes, got 0',
        'retentionRules each rule must keep an integer between 1 and 24 instances, got [{"instances":25,"distanceMinutes":1.5}]',
        'retentionRules each rule must keep its instances a whole number of minutes apart (distanceMinutes an integer of at least 1), got [{"instances":25,"distanceMinutes":1.5}]',
        "description must not contain '[repliform' (repliform appends its owner marker itself), got 'mine [repliform owner=x/y]'",
      ]
        .map((line) => `repliform/VcdaReplication at 'stack/vcd-web-01': ${line}`)
        .join('\n'),
    );
  });

  test('an SLA profile with its own RPO is refused, naming what was given', () => {
    const stack = newStack();
    expect(() => vcdaReplication(stack, { slaProfileId: 'sla-1', rpoMinutes: 5 })).toThrow(
      "slaProfileId sets RPO, retention and data connection itself: set none of policy, rpoMinutes, retentionRules, dataConnectionType with it, got 'sla-1' with rpoMinutes",
    );
  });

  test('more than 5 retention rules are refused', () => {
    const stack = newStack();
    const rules = Array.from({ length: 6 }, () => ({ instances: 1, distanceMinutes: 60 }));
    expect(() => vcdaReplication(stack, { retentionRules: rules })).toThrow('retentionRules must have at most 5 rules, got 6 rules');
  });

  test('its specs parse with the runtime schemas (create and null_resource delete) and need no default filled in', () => {
    const stack = newStack();
    const r = vcdaReplication(stack, {
      policy: new ReplicationPolicy({ rpoMinutes: 5, retention: [{ instances: 3, distanceMinutes: 60 }], quiescing: true }),
      excludeDiskKeys: [2001],
      storageProfile: 'Gold',
      description: 'A Protected Workload',
    });
    const input = block(synth(stack), r.identityResource).input;
    expect(vcdaReplicationSpecSchema.parse(input)).toEqual(input);

    const { settings, adopt, owner, ...destroySpec } = FULL_SPEC;
    expect([settings, adopt, owner].length).toBe(3);
    expect(vcdaReplicationDeleteSpecSchema.parse(destroySpec)).toEqual({ ...destroySpec, adopt: false, owner: null });
    const n = vcdaReplication(newStack(), { slaProfileId: 'sla-1' });
    expect(vcdaReplicationSpecSchema.parse(n.spec)).toEqual(n.spec);
  });
});

describe('one policy for VR and VCDA', () => {
  test('a shared policy maps to VCDA settings: retention rules, quiescing, encryption and compression as the data connection', () => {
    const stack = newStack();
    const policy = new ReplicationPolicy({ rpoMinutes: 15, retention: [{ instances: 4, distanceMinutes: 60 }], quiescing: true, networkCompression: true });
    const r = vcdaReplication(stack, { policy });
    expect(r.spec.settings).toEqual({
      ...DEFAULT_SETTINGS,
      rpo_minutes: 15,
      retention_rules: [{ instances: 4, distance_minutes: 60 }],
      quiescing: true,
      data_connection_type: 'ENCRYPTED_COMPRESSED',
    });
    expect(vcdaReplication(newStack(), { policy: policy.with({ networkCompression: false, encryption: false }) }).spec.settings?.data_connection_type).toBe('PLAIN');
  });

  test("a VrReplicationPolicy works too: its point-in-time instances become one retention rule; VR's encryption default leaves VCDA's data connection ENCRYPTED", () => {
    const stack = newStack();
    const r = vcdaReplication(stack, { policy: new VrReplicationPolicy({ rpoMinutes: 30, pointInTime: { instancesPerDay: 4, days: 2 } }) });
    const settings = { ...DEFAULT_SETTINGS, rpo_minutes: 30, retention_rules: [{ instances: 8, distance_minutes: 360 }], data_connection_type: 'ENCRYPTED' };
    expect(r.spec.settings).toEqual(settings);
    expect(block(synth(stack), r.identityResource).input).toEqual({ ...FULL_SPEC, settings });
    expect(startBody(vcdaReplicationSpecSchema.parse(r.spec))).toMatchObject({ rpo: 30, dataConnectionType: 'ENCRYPTED' });
  });

  test("a VrReplicationPolicy's transport flags only ever add to VCDA's: compression → ENCRYPTED_COMPRESSED; its encryption: false (VR's own setting) is not PLAIN", () => {
    const connection = (policy: VrReplicationPolicy): unknown => vcdaReplication(newStack(), { policy }).spec.settings?.data_connection_type;
    expect(connection(new VrReplicationPolicy({ networkCompression: true }))).toBe('ENCRYPTED_COMPRESSED');
    expect(connection(new VrReplicationPolicy({ networkCompression: true, encryption: true }))).toBe('ENCRYPTED_COMPRESSED');
    expect(connection(new VrReplicationPolicy({ encryption: false }))).toBe('ENCRYPTED');
    expect(connection(new VrReplicationPolicy({ encryption: true }).with({ rpoMinutes: 5 }))).toBe('ENCRYPTED');
    expect(vcdaReplication(newStack(), { policy: new VrReplicationPolicy(), dataConnectionType: VcdaDataConnectionType.PLAIN }).spec.settings?.data_connection_type).toBe('PLAIN');
  });

  test('VCDA refuses what it does not support, naming the field: compression without encryption, an RPO VR allows but beyond 1440', () => {
    const stack = newStack();
    expect(() => vcdaReplication(stack, { policy: new ReplicationPolicy({ networkCompression: true, encryption: false }) })).toThrow(
      "repliform/VcdaReplication at 'stack/vcd-web-01': policy.networkCompression needs encryption on VCDA (it compresses only encrypted traffic: ENCRYPTED_COMPRESSED), got true with encryption false",
    );
    expect(() => vcdaReplication(newStack(), { policy: new ReplicationPolicy({ retention: [{ instances: 30, distanceMinutes: 60 }] }) })).toThrow(
      'retentionRules each rule must keep an integer between 1 and 24 instances, got [{"instances":30,"distanceMinutes":60}]',
    );
  });
});

describe('VcdaSite TLS', () => {
  test('insecure: true is stored and warned about at synth; the CA bundle path is stored as given', () => {
    const stack = newStack();
    const site = vcdaSite(stack, { insecure: true, caBundleFile: 'certs/vcda-ca.pem' });
    expect(site.connection).toMatchObject({ insecure: true, ca_bundle_file: 'certs/vcda-ca.pem' });
    expect(site.node.metadata.map((entry) => [entry.type, entry.data])).toEqual([
      [
        '@cdktf/warn',
        "[repliform:insecureTls] TLS certificate verification is disabled for https://vcda.example.local; prefer caBundleFile with the site's CA.",
      ],
    ]);
  });
});

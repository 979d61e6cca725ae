import { VrReplicationPolicy, VrSeeds, VrTargetDiskFormat } from '../../src/constructs';
import { address, block, newStack, pairing, replication, synth } from './helpers';

const CONNECTION = {
  endpoint: 'https://vr-a.example.local',
  credentials: { username_env: 'VR_SITE_A_USER', password_env: 'VR_SITE_A_PASSWORD' },
  remote_credentials: null,
  ca_bundle_file: null,
  insecure: false,
};
const PAIRING_REF = { id: null, remote_site: 'vc-b.example.local' };
const IDENTITY = {
  pairing: PAIRING_REF,
  vm: { id: null, name: 'web-01' },
  target: { datastore: 'ds-b-01', storage_policy: null, replication_server: null, disk_format: 'SAME_AS_SOURCE' },
  exclude_disks: [],
  seeds: { mode: 'none', paths: {} },
};
const DEFAULT_SETTINGS = {
  rpo_minutes: 60,
  point_in_time: null,
  quiescing: false,
  network_compression: false,
  encryption: false,
  auto_replicate_new_disks: true,
};
const FULL_SPEC = {
  connection: CONNECTION,
  ...IDENTITY,
  settings: DEFAULT_SETTINGS,
  on_delete: { retain_replica_disks: true },
  timeouts: { create_seconds: 3600, update_seconds: 1800, delete_seconds: 1800 },
  adopt: false,
  owner: 'stack/web-01',
};
const FROM_SELF = { REPLIFORM_SPEC: '${jsonencode(self.input)}' };

describe('VrReplication (terraform_data backing)', () => {
  test('synthesizes an identity resource that configures on create and unconfigures on destroy', () => {
    // GIVEN
    const stack = newStack();
    const p = pairing(stack);
    // WHEN
    const r = replication(stack, {}, 'web-01', p);
    const json = synth(stack);
    // THEN
    expect(r.identityResource.node.path).toBe('stack/web-01/replication');
    expect(block(json, r.identityResource)).toEqual({
      depends_on: [address(p.resource)],
      triggers_replace: { kind: 'vr.replication', ...IDENTITY },
      input: FULL_SPEC,
      provisioner: [
        { 'local-exec': { command: 'repliform lifecycle create vr.replication', environment: FROM_SELF } },
        { 'local-exec': { command: 'repliform lifecycle delete vr.replication', environment: FROM_SELF, when: 'destroy' } },
      ],
    });
  });

  test('synthesizes a settings resource that reconfigures in place, keyed on the identity id, reading the identity spec, with no destroy command', () => {
    const stack = newStack();
    const r = replication(stack);
    const json = synth(stack);
    expect(r.settingsResource?.node.path).toBe('stack/web-01/settings');
    expect(block(json, r.settingsResource!)).toEqual({
      depends_on: [address(r.identityResource)],
      triggers_replace: { replication: `\${${address(r.identityResource)}.id}`, settings: DEFAULT_SETTINGS },
      provisioner: [
        {
          'local-exec': {
            command: 'repliform lifecycle update vr.replication',
            environment: { REPLIFORM_SPEC: `\${jsonencode(${address(r.identityResource)}.input)}` },
          },
        },
      ],
    });
  });

  test('the whole stack holds exactly the pairing and the two replication resources', () => {
    const stack = newStack();
    const r = replication(stack);
    const json = synth(stack);
    expect(Object.keys(json.resource)).toEqual(['terraform_data']);
    expect(Object.keys(json.resource.terraform_data).sort()).toEqual(
      [r.pairing.resource, r.identityResource, r.settingsResource!].map((l) => l.resource.friendlyUniqueId).sort(),
    );
    expect(json.provider).toBeUndefined();
  });

  test('an RPO change replaces only the settings resource: the identity triggers stay byte-identical', () => {
    const synthWith = (rpoMinutes: number) => {
      const stack = newStack();
      const r = replication(stack, { rpoMinutes });
      const json = synth(stack);
      return { identity: block(json, r.identityResource), settings: block(json, r.settingsResource!) };
    };
    const before = synthWith(60);
    const after = synthWith(15);
    expect(JSON.stringify(after.identity.triggers_replace)).toBe(JSON.stringify(before.identity.triggers_replace));
    expect(JSON.stringify(after.settings.triggers_replace)).not.toBe(JSON.stringify(before.settings.triggers_replace));
    expect((after.settings.triggers_replace as { settings: { rpo_minutes: number } }).settings.rpo_minutes).toBe(15);
    // the identity's input (updated in place, no provisioner) still carries the current settings
    expect((after.identity.input as { settings: { rpo_minutes: number } }).settings.rpo_minutes).toBe(15);
  });

  test.each([
    ['the datastore', { targetDatastore: 'ds-b-02' }],
    ['the excluded disks', { excludeDisks: ['Hard disk 2'] }],
    ['the seeds', { seeds: VrSeeds.findOnTarget() }],
    ['the VM', { vmName: 'web-02' }],
  ])('a change of %s changes the identity triggers (replace = unconfigure + configure)', (_what, change) => {
    const identityTriggers = (props: object) => {
      const stack = newStack();
      const r = replication(stack, props);
      return JSON.stringify(block(synth(stack), r.identityResource).triggers_replace);
    };
    expect(identityTriggers(change)).not.toBe(identityTriggers({}));
  });

  test('destroy-time provisioners reference only self', () => {
    const stack = newStack();
    replication(stack);
    const json = synth(stack);
    const destroyEnvs = Object.values(json.resource.terraform_data)
      .flatMap((r) => r.provisioner)
      .map((p) => p['local-exec'])
      .filter((p) => p.when === 'destroy')
      .flatMap((p) => Object.values(p.environment));
    expect(destroyEnvs.length).toBe(2);
    for (const value of destroyEnvs) {
      const references = value.match(/\b[a-z_]+\.[a-z_]+/g) ?? [];
      expect(references.every((ref) => ref.startsWith('self.'))).toBe(true);
    }
  });

  test('maps every prop to the spec: target, disks, seeds, delete options, timeouts', () => {
    const stack = newStack();
    const r = replication(stack, {
      vmName: undefined,
      vmId: 'vm-1234',
      targetStoragePolicy: 'gold-replica',
      replicationServer: 'vrs-b-02',
      diskFormat: VrTargetDiskFormat.THIN,
      excludeDisks: ['Hard disk 2', '2003'],
      seeds: VrSeeds.explicit({ 'Hard disk 1': 'seeds/web-01/web-01.vmdk' }),
      retainReplicaDisksOnDelete: false,
      timeouts: { createMinutes: 120, deleteMinutes: 10 },
    });
    const input = block(synth(stack), r.identityResource).input;
    expect(input).toEqual({
      ...FULL_SPEC,
      vm: { id: 'vm-1234', name: null },
      target: { datastore: 'ds-b-01', storage_policy: 'gold-replica', replication_server: 'vrs-b-02', disk_format: 'THIN' },
      exclude_disks: ['Hard disk 2', '2003'],
      seeds: { mode: 'explicit', paths: { 'Hard disk 1': 'seeds/web-01/web-01.vmdk' } },
      on_delete: { retain_replica_disks: false },
      timeouts: { create_seconds: 7200, update_seconds: 1800, delete_seconds: 600 },
    });
    expect(r.spec).toEqual(input);
  });

  test('VrSeeds.findOnTarget() synthesizes mode find without paths', () => {
    const stack = newStack();
    const r = replication(stack, { seeds: VrSeeds.findOnTarget() });
    expect(block(synth(stack), r.identityResource).input?.seeds).toEqual({ mode: 'find', paths: {} });
  });
});

describe('VrReplication with a policy', () => {
  const gold = new VrReplicationPolicy({
    rpoMinutes: 15,
    pointInTime: { instancesPerDay: 4, days: 5 },
    quiescing: true,
    networkCompression: true,
    encryption: true,
    autoReplicateNewDisks: false,
  });

  test('takes every setting from the policy', () => {
    const stack = newStack();
    const r = replication(stack, { policy: gold });
    expect(block(synth(stack), r.settingsResource!).triggers_replace?.settings).toEqual({
      rpo_minutes: 15,
      point_in_time: { instances_per_day: 4, days: 5 },
      quiescing: true,
      network_compression: true,
      encryption: true,
      auto_replicate_new_disks: false,
    });
  });

  test('per-field props override the policy, and pointInTime: false switches its instances off', () => {
    const stack = newStack();
    const r = replication(stack, { policy: gold, rpoMinutes: 30, pointInTime: false, encryption: false });
    expect(r.spec.settings).toEqual({
      rpo_minutes: 30,
      point_in_time: null,
      quiescing: true,
      network_compression: true,
      encryption: false,
      auto_replicate_new_disks: false,
    });
    expect(r.policy.rpoMinutes).toBe(30);
    expect(r.policy.pointInTime).toBeUndefined();
  });

  test('a shared policy is not changed by one replication overriding it', () => {
    const stack = newStack();
    const p = pairing(stack);
    replication(stack, { policy: gold, rpoMinutes: 30 }, 'web-01', p);
    const other = replication(stack, { policy: gold, vmName: 'web-02' }, 'web-02', p);
    expect(gold.rpoMinutes).toBe(15);
    expect(other.spec.settings.rpo_minutes).toBe(15);
  });
});

describe('VrReplication retired', () => {
  test('synthesizes only the identity resource, replaced (ensure absent) and ensuring the replication is gone', () => {
    const stack = newStack();
    const p = pairing(stack);
    const r = replication(stack, { retired: true }, 'web-01', p);
    const json = synth(stack);
    expect(r.settingsResource).toBeUndefined();
    expect(Object.keys(json.resource.terraform_data)).toHaveLength(2); // pairing + identity
    expect(block(json, r.identityResource)).toEqual({
      depends_on: [address(p.resource)],
      triggers_replace: { kind: 'vr.replication', ...IDENTITY, ensure: 'absent' },
      input: FULL_SPEC,
      provisioner: [
        { 'local-exec': { command: 'repliform lifecycle delete vr.replication', environment: FROM_SELF } },
        { 'local-exec': { command: 'repliform lifecycle delete vr.replication', environment: FROM_SELF, when: 'destroy' } },
      ],
    });
  });

  test('retiring keeps the logical id, so the change is a replacement of the live resource', () => {
    const ids = (retired: boolean) => {
      const stack = newStack();
      return replication(stack, { retired }).identityResource.resource.friendlyUniqueId;
    };
    expect(ids(true)).toBe(ids(false));
  });
});

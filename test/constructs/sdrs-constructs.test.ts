import { Backing, Credentials, SdrsProtection } from '../../src/constructs';
import { address, block, newStack, synth } from './helpers';
import { SDRS_ENDPOINT, SDRS_PROJECT, sdrsGroup, sdrsInstance, sdrsPair } from './sdrs-helpers';

const CONNECTION = {
  endpoint: SDRS_ENDPOINT,
  project_id: SDRS_PROJECT,
  credentials: { access_key_env: 'HW_AK', secret_key_env: 'HW_SK' },
  ca_bundle_file: null,
  insecure: false,
};
const GROUP_REF = { owner: 'stack/web', source_availability_zone: 'az-a', target_availability_zone: 'az-b', source_vpc_id: 'vpc-prod' };
const TIMEOUTS = { create_seconds: 600, update_seconds: 600, delete_seconds: 600 };
const FROM_SELF = { REPLIFORM_SPEC: '${jsonencode(self.input)}' };

describe('SdrsProtectionGroup', () => {
  test('synthesizes an identity (zones, domain, VPC, type) and a settings resource (the name, renamed in place)', () => {
    const stack = newStack();
    const group = sdrsGroup(stack);
    const json = synth(stack);
    expect(block(json, group.identityResource)).toEqual({
      triggers_replace: {
        kind: 'sdrs.protection-group',
        source_availability_zone: 'az-a',
        target_availability_zone: 'az-b',
        domain_id: 'domain-1',
        source_vpc_id: 'vpc-prod',
        dr_type: null,
      },
      input: {
        connection: CONNECTION,
        source_availability_zone: 'az-a',
        target_availability_zone: 'az-b',
        domain_id: 'domain-1',
        source_vpc_id: 'vpc-prod',
        dr_type: null,
        name: 'web-dr',
        description: null,
        timeouts: TIMEOUTS,
        adopt: false,
        owner: 'stack/web',
      },
      provisioner: [
        { 'local-exec': { command: 'repliform lifecycle create sdrs.protection-group', environment: FROM_SELF } },
        { 'local-exec': { command: 'repliform lifecycle delete sdrs.protection-group', environment: FROM_SELF, when: 'destroy' } },
      ],
    });
    expect(group.settingsResource && block(json, group.settingsResource).triggers_replace).toEqual({
      group: `\${${address(group.identityResource)}.id}`,
      name: 'web-dr',
      description: null,
    });
  });

  test('a description goes to the spec and the settings trigger (create-time only: a change runs the update, which reports it), never to the identity', () => {
    const stack = newStack();
    const group = sdrsGroup(stack, { description: 'web tier DR' });
    const json = synth(stack);
    const identity = block(json, group.identityResource);
    expect(identity.input).toMatchObject({ name: 'web-dr', description: 'web tier DR' });
    expect(identity.triggers_replace).not.toHaveProperty('description');
    expect(group.settingsResource && block(json, group.settingsResource).triggers_replace).toEqual({
      group: `\${${address(group.identityResource)}.id}`,
      name: 'web-dr',
      description: 'web tier DR',
    });
  });

  test('descriptions of 48 bytes pass; 49 bytes, or < >, fail with one line naming the rule and the value', () => {
    expect(() => sdrsGroup(newStack(), { description: 'd'.repeat(48) })).not.toThrow();
    const rule = "must be at most 48 bytes without < or > (SDRS allows 64; the owner marker ' rf:<12 hex>' takes the rest)";
    expect(() => sdrsGroup(newStack(), { description: 'd'.repeat(49) })).toThrow(
      `repliform/SdrsProtectionGroup at 'stack/web': description ${rule}, got '${'d'.repeat(49)}'`,
    );
    expect(() => sdrsGroup(newStack(), { description: 'a <b>' })).toThrow(`repliform/SdrsProtectionGroup at 'stack/web': description ${rule}, got 'a <b>'`);
  });

  test('bad props: one line per field naming the construct path, the allowed values and the value given', () => {
    const stack = newStack();
    expect(() =>
      sdrsGroup(stack, {
        name: 'web dr',
        targetAvailabilityZone: 'az-a',
        endpoint: 'sdrs.example',
        credentials: Credentials.fromEnvAkSk('HW_AK', 'the-secret-value'),
      }),
    ).toThrow(
      [
        "repliform/SdrsProtectionGroup at 'stack/web': endpoint must be an http(s) URL such as https://sdrs.ap-southeast-1.myhuaweicloud.com, got 'sdrs.example'",
        "repliform/SdrsProtectionGroup at 'stack/web': credentials.secretKeyEnv must be an environment variable name matching [A-Za-z_][A-Za-z0-9_]*: the NAME of the variable that holds the secret key, never the key itself, got a value that is not a variable name (not shown: it may be a secret)",
        "repliform/SdrsProtectionGroup at 'stack/web': name must be 1–64 bytes (UTF-8: a Chinese character takes 3) of Chinese characters, letters, digits, dots, underscores and hyphens, got 'web dr'",
        "repliform/SdrsProtectionGroup at 'stack/web': targetAvailabilityZone must differ from sourceAvailabilityZone (the DR site is another zone), got 'az-a'",
      ].join('\n'),
    );
  });

  test('names of 64 bytes pass; 65 bytes, or a character outside [A-Za-z0-9._-], fail', () => {
    expect(() => sdrsGroup(newStack(), { name: 'n'.repeat(64) })).not.toThrow();
    expect(() => sdrsGroup(newStack(), { name: 'n'.repeat(65) })).toThrow(/name must be 1–64 bytes .*, got 'n{65}'/);
    expect(() => sdrsGroup(newStack(), { name: 'wéb' })).toThrow(/name must be 1–64 bytes .*, got 'wéb'/);
  });

  test('names with Chinese characters pass (the SDRS API allows them), counted in UTF-8 bytes: 21 characters pass, 22 fail', () => {
    const stack = newStack();
    const group = sdrsGroup(stack, { name: '生产组-web_01' });
    sdrsPair(stack, group, { name: '数据盘.1' });
    sdrsInstance(stack, group, { name: '应用服务器' });
    expect(block(synth(stack), group.identityResource).input).toMatchObject({ name: '生产组-web_01' });
    expect(() => sdrsGroup(newStack(), { name: '组'.repeat(21) })).not.toThrow();
    expect(() => sdrsGroup(newStack(), { name: '组'.repeat(22) })).toThrow(
      `repliform/SdrsProtectionGroup at 'stack/web': name must be 1–64 bytes (UTF-8: a Chinese character takes 3) of Chinese characters, letters, digits, dots, underscores and hyphens, got '${'组'.repeat(22)}'`,
    );
    expect(() => sdrsGroup(newStack(), { name: '生产　组' })).toThrow(/name must be 1–64 bytes .*, got '生产　组'/);
  });

  test('an IAM token instead of AK/SK: the variable name only, checked like the others', () => {
    const stack = newStack();
    const group = sdrsGroup(stack, { credentials: Credentials.fromEnvToken('HW_AUTH_TOKEN') });
    expect(block(synth(stack), group.identityResource).input?.connection).toEqual({ ...CONNECTION, credentials: { token_env: 'HW_AUTH_TOKEN' } });
    expect(() => sdrsGroup(newStack(), { credentials: Credentials.fromEnvToken('MIIabc.def') })).toThrow(
      "repliform/SdrsProtectionGroup at 'stack/web': credentials.tokenEnv must be an environment variable name matching [A-Za-z_][A-Za-z0-9_]*: the NAME of the variable that holds the token, never the token itself, got a value that is not a variable name (not shown: it may be a secret)",
    );
    expect(() => sdrsGroup(newStack(), { credentials: Credentials.fromEnv('USER', 'PASSWORD') as never })).toThrow(
      "credentials must be Credentials.fromEnvAkSk('HW_AK', 'HW_SK') or Credentials.fromEnvToken('HW_AUTH_TOKEN'), got something else",
    );
  });

  test('insecure TLS adds a warning annotation', () => {
    const stack = newStack();
    const group = sdrsGroup(stack, { insecure: true });
    expect(group.node.metadata.map((entry) => [entry.type, entry.data])).toEqual([
      ['@cdktf/warn', `[repliform:insecureTls] TLS certificate verification is disabled for ${SDRS_ENDPOINT}; prefer caBundleFile with the API CA.`],
    ]);
  });
});

describe('SdrsReplicationPair', () => {
  test('identity = group + production volume after the group; settings = name + size, in place', () => {
    const stack = newStack();
    const group = sdrsGroup(stack);
    const pair = sdrsPair(stack, group, { sizeGb: 100, deleteTargetVolume: true, description: 'web data volume' });
    const json = synth(stack);
    const identity = block(json, pair.identityResource);
    expect(identity.triggers_replace).toEqual({ kind: 'sdrs.replication-pair', group: GROUP_REF, volume_id: 'evs-web-01-data' });
    expect(identity.depends_on).toEqual([address(group.identityResource)]);
    expect(identity.input).toEqual({
      connection: CONNECTION,
      group: GROUP_REF,
      volume_id: 'evs-web-01-data',
      cluster_id: null,
      name: 'web-data',
      size_gb: 100,
      description: 'web data volume',
      on_delete: { delete_target_volume: true },
      timeouts: TIMEOUTS,
      adopt: false,
      owner: 'stack/web-data',
    });
    const settings = pair.settingsResource && block(json, pair.settingsResource);
    expect(settings?.triggers_replace).toMatchObject({ name: 'web-data', size_gb: 100, description: 'web data volume' });
    expect(settings?.provisioner.map((p) => p['local-exec'].command)).toEqual(['repliform lifecycle update sdrs.replication-pair']);
  });

  test('a rename and an expand change only the settings triggers', () => {
    const triggers = (name: string, sizeGb: number): Array<Record<string, unknown> | undefined> => {
      const stack = newStack();
      const pair = sdrsPair(stack, sdrsGroup(stack), { name, sizeGb });
      const json = synth(stack);
      return [block(json, pair.identityResource).triggers_replace, pair.settingsResource && block(json, pair.settingsResource).triggers_replace];
    };
    const [identityBefore, settingsBefore] = triggers('web-data', 100);
    const [identityAfter, settingsAfter] = triggers('web-data-v2', 120);
    expect(identityAfter).toEqual(identityBefore);
    expect(settingsAfter).not.toEqual(settingsBefore);
  });

  test('bad size, volume twice in one app', () => {
    const stack = newStack();
    const group = sdrsGroup(stack);
    expect(() => sdrsPair(stack, group, { sizeGb: 5 }, 'small')).toThrow('sizeGb must be an integer between 10 and 32768 GB, got 5');
    sdrsPair(stack, group);
    expect(() => sdrsPair(stack, group, {}, 'again')).toThrow(
      "volumeId 'evs-web-01-data' is already replicated by 'stack/web-data'; a volume may be in only one replication pair",
    );
  });
});

describe('SdrsProtectedInstance', () => {
  test('a description goes to the spec and the settings trigger, never to the identity; the rule names the path, field and value', () => {
    const stack = newStack();
    const group = sdrsGroup(stack);
    const instance = sdrsInstance(stack, group, { description: 'web front end' });
    const json = synth(stack);
    const identity = block(json, instance.identityResource);
    expect(identity.input).toMatchObject({ name: 'ecs-web-01', description: 'web front end' });
    expect(identity.triggers_replace).not.toHaveProperty('description');
    expect(instance.settingsResource && block(json, instance.settingsResource).triggers_replace).toMatchObject({ name: 'ecs-web-01', description: 'web front end' });

    const rule = "must be at most 48 bytes without < or > (SDRS allows 64; the owner marker ' rf:<12 hex>' takes the rest)";
    const other = newStack();
    const otherGroup = sdrsGroup(other);
    expect(() => sdrsInstance(other, otherGroup, { description: 'a>b' })).toThrow(`description ${rule}, got 'a>b'`);
    expect(() => sdrsPair(other, otherGroup, { description: 'é'.repeat(25) })).toThrow(`description ${rule}, got '${'é'.repeat(25)}'`);
  });

  test('identity after the group; each attachment after the instance and its pair', () => {
    const stack = newStack();
    const group = sdrsGroup(stack);
    const pair = sdrsPair(stack, group);
    const instance = sdrsInstance(stack, group, { attachments: [{ pair, device: '/dev/vdb' }] });
    const json = synth(stack);
    expect(block(json, instance.identityResource).triggers_replace).toEqual({
      kind: 'sdrs.protected-instance',
      group: GROUP_REF,
      server_id: 'ecs-web-01',
      cluster_id: null,
      primary_subnet_id: null,
      primary_ip_address: null,
      flavor_ref: null,
    });
    expect(block(json, instance.identityResource).depends_on).toEqual([address(group.identityResource)]);
    const [attachment] = instance.attachmentResources;
    expect(attachment?.node.path).toBe('stack/ecs-web-01/attach-web-data');
    const synthesized = attachment && block(json, attachment);
    expect(synthesized?.depends_on).toEqual([address(instance.identityResource), address(pair.identityResource)]);
    expect(synthesized?.input).toEqual({
      connection: CONNECTION,
      instance: { group: GROUP_REF, server_id: 'ecs-web-01' },
      pair: { group: GROUP_REF, volume_id: 'evs-web-01-data' },
      device: '/dev/vdb',
      timeouts: TIMEOUTS,
      adopt: false,
      owner: 'stack/ecs-web-01',
    });
    expect(synthesized?.provisioner.map((p) => p['local-exec'].command)).toEqual([
      'repliform lifecycle create sdrs.replication-attachment',
      'repliform lifecycle delete sdrs.replication-attachment',
    ]);
  });

  test('tags, tenancy and dedicatedHostId synthesize as Huawei names them: placement in the identity, tags with the settings', () => {
    const stack = newStack();
    const group = sdrsGroup(stack);
    const pair = sdrsPair(stack, group, { clusterId: 'dss-pool-1' });
    const instance = sdrsInstance(stack, group, { tags: { env: 'prod', 'cost-center': '' }, tenancy: 'dedicated', dedicatedHostId: 'dh-7' });
    const json = synth(stack);
    expect(block(json, pair.identityResource).triggers_replace).toEqual({ kind: 'sdrs.replication-pair', group: GROUP_REF, volume_id: 'evs-web-01-data', cluster_id: 'dss-pool-1' });
    expect(block(json, instance.identityResource).triggers_replace).toMatchObject({ tenancy: 'dedicated', dedicated_host_id: 'dh-7' });
    expect(block(json, instance.identityResource).triggers_replace).not.toHaveProperty('tags');
    expect(block(json, instance.identityResource).input).toMatchObject({ tags: { env: 'prod', 'cost-center': '' }, tenancy: 'dedicated', dedicated_host_id: 'dh-7' });
    expect(instance.settingsResource && block(json, instance.settingsResource).triggers_replace).toMatchObject({ tags: { env: 'prod', 'cost-center': '' } });
  });

  test('bad tags, tenancy, or a dedicated host without tenancy dedicated: one line naming the field, the rule and the value', () => {
    const instance = (props: Parameters<typeof sdrsInstance>[2]) => () => {
      const stack = newStack();
      sdrsInstance(stack, sdrsGroup(stack), props);
    };
    expect(instance({ tags: { 'a=b': 'x' } })).toThrow(
      "repliform/SdrsProtectedInstance at 'stack/ecs-web-01': tags keys must be 1–36 characters without control characters or * < > \\ = , | /, got 'a=b'",
    );
    expect(instance({ tags: { env: 'v'.repeat(44) } })).toThrow(`tags values must be at most 43 characters without control characters or * < > \\ = , | /, got '${'v'.repeat(44)}'`);
    expect(instance({ tenancy: 'private' as 'shared' })).toThrow("tenancy must be 'shared' or 'dedicated', got 'private'");
    expect(instance({ dedicatedHostId: 'dh-7' })).toThrow("dedicatedHostId is used only with tenancy: 'dedicated', got 'dh-7'");
    expect(instance({ tenancy: 'dedicated', dedicatedHostId: 'dh-7', tags: { 环境: '生产' } })).not.toThrow();
    const stack = newStack();
    expect(() => sdrsPair(stack, sdrsGroup(stack), { clusterId: 'a b' })).toThrow("clusterId must be a non-empty value without spaces (omit it for the default), got 'a b'");
  });

  test('an attachment needs a pair of the same group, a device name, each device once', () => {
    const stack = newStack();
    const group = sdrsGroup(stack);
    const other = sdrsGroup(stack, { name: 'db-dr' }, 'db');
    const foreign = sdrsPair(stack, other, { volumeId: 'evs-db-01-data' }, 'db-data');
    const pair = sdrsPair(stack, group);
    const instance = sdrsInstance(stack, group);
    expect(() => instance.attach(foreign, '/dev/vdb')).toThrow(
      "attachments.pair must be an SdrsReplicationPair of the instance's group 'stack/web', got a pair of 'stack/db'",
    );
    expect(() => instance.attach(pair, 'vdb')).toThrow("attachments.device must be a device name such as /dev/vdb, /dev/sdc or /dev/xvdd, got 'vdb'");
    instance.attach(pair, '/dev/vdb');
    const second = sdrsPair(stack, group, { volumeId: 'evs-web-01-sys', name: 'web-sys' }, 'web-sys');
    expect(() => instance.attach(second, '/dev/vdb')).toThrow("attachments.device must not be used twice on one instance, got '/dev/vdb'");
  });
});

describe('SdrsProtection', () => {
  test('comes after the group and every member, even those declared after it; stop on destroy', () => {
    const stack = newStack();
    const group = sdrsGroup(stack);
    const protection = new SdrsProtection(stack, 'web-protection', { group });
    const web = sdrsPair(stack, group);
    const db = sdrsPair(stack, group, { volumeId: 'evs-db-01-data', name: 'db-data' }, 'db-data');
    const instance = sdrsInstance(stack, group, { attachments: [{ pair: web, device: '/dev/vdb' }] });
    const json = synth(stack);
    const synthesized = block(json, protection.resource);
    expect(synthesized.depends_on).toEqual(
      [group.identityResource, web.identityResource, db.identityResource, instance.identityResource, ...instance.attachmentResources].map(address),
    );
    expect(synthesized.triggers_replace).toEqual({ kind: 'sdrs.protection', group: GROUP_REF });
    expect(synthesized.input).toEqual({ connection: CONNECTION, group: GROUP_REF, timeouts: TIMEOUTS, adopt: false, owner: 'stack/web-protection' });
    expect(synthesized.provisioner.map((p) => p['local-exec'].command)).toEqual([
      'repliform lifecycle create sdrs.protection',
      'repliform lifecycle delete sdrs.protection',
    ]);
  });

  test('null_resource backing: unset clusterId, tenancy, dedicatedHostId and tags stay out of the triggers (an upgrade replaces nothing); set ones are in', () => {
    const stack = newStack({ 'repliform:backing': Backing.NULL_RESOURCE });
    const group = sdrsGroup(stack);
    const pair = sdrsPair(stack, group);
    const instance = sdrsInstance(stack, group);
    const json = synth(stack);
    const triggers = (resource: typeof pair.identityResource) => JSON.stringify(block(json, resource).triggers);
    expect(triggers(pair.identityResource)).not.toContain('cluster_id');
    for (const field of ['tenancy', 'dedicated_host_id', 'tags']) {
      expect(triggers(instance.identityResource)).not.toContain(field);
      expect(instance.settingsResource && triggers(instance.settingsResource)).not.toContain(field);
    }
    const other = newStack({ 'repliform:backing': Backing.NULL_RESOURCE });
    const otherGroup = sdrsGroup(other);
    const placed = sdrsPair(other, otherGroup, { clusterId: 'dss-1' });
    expect(JSON.stringify(block(synth(other), placed.identityResource).triggers)).toContain('cluster_id');
  });

  test('null_resource backing: the same order', () => {
    const stack = newStack({ 'repliform:backing': Backing.NULL_RESOURCE });
    const group = sdrsGroup(stack);
    const pair = sdrsPair(stack, group);
    const protection = new SdrsProtection(stack, 'web-protection', { group });
    expect(block(synth(stack), protection.resource).depends_on).toEqual([address(group.identityResource), address(pair.identityResource)]);
  });

  test('no secret and no AK/SK value in the synthesized JSON: variable names only', () => {
    process.env.HW_SK_CANARY = 'canary-secret-value';
    const stack = newStack();
    const group = sdrsGroup(stack);
    new SdrsProtection(stack, 'p', { group });
    const text = JSON.stringify(synth(stack));
    expect(text).toContain('"secret_key_env":"HW_SK"');
    expect(text).not.toContain('canary-secret-value');
  });
});

describe('renaming a group', () => {
  test('renaming a group leaves the identity of its pairs unchanged (they name it by its owner)', () => {
    const pairTrigger = (groupName: string): Record<string, unknown> | undefined => {
      const stack = newStack();
      const pair = sdrsPair(stack, sdrsGroup(stack, { name: groupName }));
      return block(synth(stack), pair.identityResource).triggers_replace;
    };
    expect(pairTrigger('web-dr-v2')).toEqual(pairTrigger('web-dr'));
  });
});

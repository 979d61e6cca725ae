/**
 * Backing.PROVIDER: every construct synthesizes ONE resource of the native provider's type whose attributes are
 * exactly the spec the terraform_data backing writes into `input` (`connection` inside the `_` escape block, where
 * Terraform hands it to the provider instead of taking it as the provisioners' connection block), and the stack
 * gets `required_providers.repliform` and one empty provider block.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Backing, type ManagedResource, SdrsProtection, type TerraformStack, Token, ValidationError } from '../../src/constructs';
import { PROVIDER_SOURCE } from '../../src/resources/terraform-names';
import { timeoutsAsDurations } from '../../src/resources/timeout-durations';
import { address, newStack, pairing, replication, synth, type TfJson } from './helpers';
import { sdrsGroup, sdrsInstance, sdrsPair } from './sdrs-helpers';
import { vcdaReplication, vcdaSite } from './vcda-helpers';

const PROVIDER = { backing: Backing.PROVIDER };
const PACKAGE_VERSION = (JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string }).version;

const CONNECTION = {
  endpoint: 'https://vr-a.example.local',
  credentials: { username_env: 'VR_SITE_A_USER', password_env: 'VR_SITE_A_PASSWORD' },
  remote_credentials: null,
  ca_bundle_file: null,
  insecure: false,
};
const PAIRING_REF = { id: null, remote_site: 'vc-b.example.local' };

type Block = Record<string, unknown>;

function providerBlock(json: TfJson, lifecycle: ManagedResource): Block {
  const found = (json.resource[lifecycle.resource.terraformResourceType] as unknown as Record<string, Block> | undefined)?.[lifecycle.resource.friendlyUniqueId];
  if (!found) throw new Error(`no ${address(lifecycle)} in the synthesized JSON`);
  return found;
}

/** The block's attributes as the provider receives them: the escape block merged in, meta-arguments left out. */
function attributesOf(block: Block): Block {
  const { _: escaped, depends_on: _dependsOn, ...plain } = block;
  return { ...plain, ...(escaped as Block | undefined) };
}

describe('VrPairing and VrReplication with Backing.PROVIDER', () => {
  test('a replication is one repliform_vr_replication holding identity and settings, after its repliform_vr_pairing', () => {
    const stack = newStack();
    const p = pairing(stack, PROVIDER);
    const r = replication(stack, { ...PROVIDER, rpoMinutes: 15 }, 'web-01', p);
    const json = synth(stack);

    expect(Object.keys(json.resource).sort()).toEqual(['repliform_vr_pairing', 'repliform_vr_replication']);
    expect(r.settingsResource).toBeUndefined();
    expect(r.identityResource.node.path).toBe('stack/web-01/replication');
    expect(providerBlock(json, r.identityResource)).toEqual({
      depends_on: [`repliform_vr_pairing.${p.resource.resource.friendlyUniqueId}`],
      pairing: PAIRING_REF,
      vm: { id: null, name: 'web-01' },
      target: { datastore: 'ds-b-01', storage_policy: null, replication_server: null, disk_format: 'SAME_AS_SOURCE' },
      exclude_disks: [],
      seeds: { mode: 'none', paths: {} },
      settings: { rpo_minutes: 15, point_in_time: null, quiescing: false, network_compression: false, encryption: false, auto_replicate_new_disks: true },
      on_delete: { retain_replica_disks: true },
      timeouts: { create: '60m', update: '30m', delete: '30m' },
      adopt: false,
      owner: 'stack/web-01',
      _: { connection: CONNECTION },
    });
    expect(providerBlock(json, p.resource)).toEqual({
      pairing: PAIRING_REF,
      create: null,
      delete_on_destroy: false,
      timeouts: { create: '30m', delete: '30m' },
      _: { connection: CONNECTION },
    });
  });

  test('the stack requires the provider and configures it once, however many resources use it', () => {
    const stack = newStack();
    const p = pairing(stack, PROVIDER);
    for (let i = 0; i < 50; i += 1) replication(stack, { ...PROVIDER, vmName: `vm-${i}` }, `vm-${i}`, p);
    const json = synth(stack);

    expect(json.terraform?.required_providers).toEqual({ repliform: { source: PROVIDER_SOURCE, version: PACKAGE_VERSION } });
    expect(json.provider).toEqual({ repliform: [{}] });
    expect(Object.keys(json.resource.repliform_vr_replication ?? {})).toHaveLength(50);
  });

  test('the repliform:backing context selects the provider app-wide', () => {
    const stack = newStack({ 'repliform:backing': 'provider' });
    const r = replication(stack);
    const json = synth(stack);
    expect(r.identityResource.backing).toBe(Backing.PROVIDER);
    expect(Object.keys(json.resource).sort()).toEqual(['repliform_vr_pairing', 'repliform_vr_replication']);
  });

  test("the resource's id is the provider's computed id attribute", () => {
    const stack = newStack({ 'repliform:backing': 'provider' });
    const p = pairing(stack);
    const r = replication(stack, {}, 'web-01', p);
    expect(Token.isUnresolved(r.identityResource.resourceId)).toBe(true);
    // Referenced from another resource, it synthesizes as the provider resource's id attribute.
    p.resource.resource.addOverride('probe', r.identityResource.resourceId);
    expect(providerBlock(synth(stack), p.resource).probe).toBe(`\${repliform_vr_replication.${r.identityResource.resource.friendlyUniqueId}.id}`);
  });

  test('a syncTrigger is a repliform_vr_replication_sync with the sync kind’s fields, after the replication', () => {
    const stack = newStack();
    const r = replication(stack, { ...PROVIDER, syncTrigger: '2026-11-23' });
    const json = synth(stack);
    if (r.syncResource === undefined) throw new Error('no sync resource');
    expect(providerBlock(json, r.syncResource)).toEqual({
      depends_on: [address(r.identityResource)],
      pairing: PAIRING_REF,
      vm: { id: null, name: 'web-01' },
      timeouts: { create: '60m', update: '30m', delete: '30m' },
      trigger: '2026-11-23',
      _: { connection: CONNECTION },
    });
  });

  test('retired is refused: deleting the construct deletes the replication', () => {
    const stack = newStack();
    const p = pairing(stack, PROVIDER);
    expect(() => replication(stack, { ...PROVIDER, retired: true }, 'web-01', p)).toThrow(
      new ValidationError('repliform/VrReplication', [
        'retired must not be set with Backing.PROVIDER (delete the construct instead: the provider deletes the object when its block is removed), got true',
      ]).message.replace('repliform/VrReplication:', "repliform/VrReplication at 'stack/web-01':"),
    );
  });

  test('no provisioner, no terraform_data and no null provider', () => {
    const stack = newStack();
    replication(stack, PROVIDER, 'web-01', pairing(stack, PROVIDER));
    const json = synth(stack);
    expect(JSON.stringify(json)).not.toContain('local-exec');
    expect(json.resource.terraform_data).toBeUndefined();
    expect(Object.keys(json.provider ?? {})).toEqual(['repliform']);
  });
});

/** One app of every construct, with the given backing. */
function everyConstruct(backing: Backing): { stack: TerraformStack; resources: Record<string, ManagedResource> } {
  const stack = newStack();
  const p = pairing(stack, { backing });
  const vr = replication(stack, { backing, syncTrigger: undefined }, 'web-01', p);
  const site = vcdaSite(stack, { backing });
  const vcda = vcdaReplication(stack, { backing, rpoMinutes: 15 }, 'vcd-web-01', site);
  const group = sdrsGroup(stack, { backing });
  const pair = sdrsPair(stack, group, { backing, sizeGb: 100 });
  const instance = sdrsInstance(stack, group, { backing, attachments: [{ pair, device: '/dev/vdb' }] });
  const protection = new SdrsProtection(stack, 'web-protection', { group, backing });
  const [attachment] = instance.attachmentResources;
  if (attachment === undefined) throw new Error('no attachment');
  return {
    stack,
    resources: {
      'vr.pairing': p.resource,
      'vr.replication': vr.identityResource,
      'vcda.site': site.resource,
      'vcda.replication': vcda.identityResource,
      'sdrs.protection-group': group.identityResource,
      'sdrs.replication-pair': pair.identityResource,
      'sdrs.protected-instance': instance.identityResource,
      'sdrs.replication-attachment': attachment,
      'sdrs.protection': protection.resource,
    },
  };
}

describe('every construct with Backing.PROVIDER', () => {
  const lifecycle = everyConstruct(Backing.TERRAFORM_DATA);
  const provider = everyConstruct(Backing.PROVIDER);
  const lifecycleJson = synth(lifecycle.stack);
  const providerJson = synth(provider.stack);

  test.each(Object.keys(provider.resources))('%s: one resource of type resourceTypeOf(kind) whose attributes are the terraform_data input (timeouts as durations)', (kind) => {
    const ours = provider.resources[kind];
    const theirs = lifecycle.resources[kind];
    if (ours === undefined || theirs === undefined) throw new Error(kind);
    expect(ours.resource.terraformResourceType).toBe(`repliform_${kind.replace(/[.-]/g, '_')}`);
    const input = lifecycleJson.resource.terraform_data?.[theirs.resource.friendlyUniqueId]?.input;
    expect(input).toBeDefined();
    // The provider takes timeouts as every framework provider does: "60m" where the spec says 3600 seconds.
    const { timeouts, ...attributes } = attributesOf(providerBlock(providerJson, ours));
    const { timeouts: specTimeouts, ...spec } = input as Block;
    expect(attributes).toEqual(spec);
    expect(timeouts).toEqual(timeoutsAsDurations(specTimeouts));
    expect(Object.values((timeouts ?? {}) as Block).every((value) => typeof value === 'string' && /^\d+m$/.test(value))).toBe(true);
    expect(Object.keys(providerBlock(providerJson, ours)._ ?? {})).toEqual(['connection']);
  });

  test('no settings resources: one resource per object', () => {
    const count = Object.values(providerJson.resource).reduce((sum, blocks) => sum + Object.keys(blocks).length, 0);
    expect(count).toBe(Object.keys(provider.resources).length);
  });

  test('SDRS protection comes after the group and every member, by their provider addresses', () => {
    const r = provider.resources;
    const dependsOn = providerBlock(providerJson, r['sdrs.protection'] as ManagedResource).depends_on;
    expect(dependsOn).toEqual(
      (['sdrs.protection-group', 'sdrs.replication-pair', 'sdrs.protected-instance', 'sdrs.replication-attachment'] as const).map((kind) =>
        address(r[kind] as ManagedResource),
      ),
    );
  });

  test('VCDA replication comes after its site; attachment after its instance and pair', () => {
    const r = provider.resources;
    expect(providerBlock(providerJson, r['vcda.replication'] as ManagedResource).depends_on).toEqual([address(r['vcda.site'] as ManagedResource)]);
    expect(providerBlock(providerJson, r['sdrs.replication-attachment'] as ManagedResource).depends_on).toEqual([
      address(r['sdrs.protected-instance'] as ManagedResource),
      address(r['sdrs.replication-pair'] as ManagedResource),
    ]);
  });
});

/**
 * The identity+settings helper alone, with a fake kind: what it synthesizes is derived from the kind's
 * fields (identity `a`, settings `s`), not restated by the construct that uses it.
 */
import type { KindFields } from '../../src/resources/contract';
import { Backing, TerraformStack, Testing } from '../../src/constructs';
import { IdentitySettingsPair, type IdentitySettingsPairProps } from '../../src/constructs/identity-settings-pair';
import { address, block, synth, LIFECYCLE_CONTEXT } from './helpers';

const FAKE_FIELDS: KindFields = { identity: ['a'], settings: ['s'] };
const SPEC = {
  connection: { endpoint: 'https://x.example.local', local_site: 'site-x' },
  a: 'thing-1',
  s: { rpo: 15 },
  keep: true,
  adopt: false,
};

function pairIn(backing: Backing, props: Partial<IdentitySettingsPairProps> = {}): { stack: TerraformStack; pair: IdentitySettingsPair } {
  const stack = new TerraformStack(Testing.app({ context: { ...LIFECYCLE_CONTEXT } }), 'stack');
  const pair = new IdentitySettingsPair(stack, {
    kind: 'fake.thing',
    spec: SPEC,
    fields: FAKE_FIELDS,
    backing,
    destroySpecOmits: ['adopt', 'connection.local_site'],
    ...props,
  });
  return { stack, pair };
}

describe('terraform_data backing', () => {
  test('identity: triggers = kind + identity fields, input = the spec; settings: identity id + settings fields, reads the identity input', () => {
    const { stack, pair } = pairIn(Backing.TERRAFORM_DATA);
    const json = synth(stack);
    const identity = address(pair.identityResource);
    const settings = pair.settingsResource;
    if (settings === undefined) throw new Error('expected a settings resource');
    expect(Object.keys(json.resource.terraform_data)).toHaveLength(2);
    expect(block(json, pair.identityResource)).toEqual({
      triggers_replace: { kind: 'fake.thing', a: 'thing-1' },
      input: SPEC,
      provisioner: [
        { 'local-exec': { command: 'repliform lifecycle create fake.thing', environment: { REPLIFORM_SPEC: '${jsonencode(self.input)}' } } },
        {
          'local-exec': {
            command: 'repliform lifecycle delete fake.thing',
            environment: { REPLIFORM_SPEC: '${jsonencode(self.input)}' },
            when: 'destroy',
          },
        },
      ],
    });
    expect(block(json, settings)).toEqual({
      depends_on: [identity],
      triggers_replace: { identity: `\${${identity}.id}`, s: { rpo: 15 } },
      provisioner: [
        { 'local-exec': { command: 'repliform lifecycle update fake.thing', environment: { REPLIFORM_SPEC: `\${jsonencode(${identity}.input)}` } } },
      ],
    });
  });
});

describe('null_resource backing', () => {
  test('identity: replace_on = kind + identity fields; destroy_spec leaves out the settings and the omitted paths, in spec order', () => {
    const { stack, pair } = pairIn(Backing.NULL_RESOURCE, { identityId: 'thing' });
    const json = synth(stack);
    const identity = address(pair.identityResource);
    const settings = pair.settingsResource;
    if (settings === undefined) throw new Error('expected a settings resource');
    expect(pair.identityResource.node.path).toBe('stack/thing');
    expect(Object.keys(json.resource.null_resource)).toHaveLength(2);
    const literalSpec =
      '{"connection" = {"endpoint" = "https://x.example.local", "local_site" = "site-x"}, "a" = "thing-1", "s" = {"rpo" = 15}, "keep" = true, "adopt" = false}';
    expect(block(json, pair.identityResource)).toEqual({
      triggers: {
        replace_on: '${jsonencode({"kind" = "fake.thing", "a" = "thing-1"})}',
        destroy_spec: '${jsonencode({"connection" = {"endpoint" = "https://x.example.local"}, "a" = "thing-1", "keep" = true})}',
      },
      provisioner: [
        { 'local-exec': { command: 'repliform lifecycle create fake.thing', environment: { REPLIFORM_SPEC: `\${jsonencode(${literalSpec})}` } } },
        {
          'local-exec': {
            command: 'repliform lifecycle delete fake.thing',
            environment: { REPLIFORM_SPEC: '${self.triggers.destroy_spec}' },
            when: 'destroy',
          },
        },
      ],
    });
    expect(block(json, settings)).toEqual({
      depends_on: [identity],
      triggers: { replace_on: `\${jsonencode({"thing" = ${identity}.id, "s" = {"rpo" = 15}})}` },
      provisioner: [
        { 'local-exec': { command: 'repliform lifecycle update fake.thing', environment: { REPLIFORM_SPEC: `\${jsonencode(${literalSpec})}` } } },
      ],
    });
  });
});

describe('ensureAbsent and actions', () => {
  test('ensureAbsent: only the identity, whose triggers gain ensure: absent and whose create deletes; no action resource', () => {
    const { stack, pair } = pairIn(Backing.TERRAFORM_DATA, { ensureAbsent: true });
    expect(pair.settingsResource).toBeUndefined();
    expect(pair.runOnChange('sync', 'fake.thing-sync', { sync_trigger: '1' })).toBeUndefined();
    const identity = block(synth(stack), pair.identityResource);
    expect(identity.triggers_replace).toEqual({ kind: 'fake.thing', a: 'thing-1', ensure: 'absent' });
    expect(identity.provisioner.map((p) => p['local-exec'].command)).toEqual([
      'repliform lifecycle delete fake.thing',
      'repliform lifecycle delete fake.thing',
    ]);
  });

  test('runOnChange: keyed on the trigger alone, after the settings, reading the identity input, no destroy command', () => {
    const { stack, pair } = pairIn(Backing.TERRAFORM_DATA);
    const action = pair.runOnChange('sync', 'fake.thing-sync', { sync_trigger: 'CHG-1' });
    if (action === undefined || pair.settingsResource === undefined) throw new Error('expected settings and action resources');
    const identity = address(pair.identityResource);
    expect(block(synth(stack), action)).toEqual({
      depends_on: [address(pair.settingsResource)],
      triggers_replace: { sync_trigger: 'CHG-1' },
      provisioner: [
        { 'local-exec': { command: 'repliform lifecycle create fake.thing-sync', environment: { REPLIFORM_SPEC: `\${jsonencode(${identity}.input)}` } } },
      ],
    });
  });

  test('a field named by the kind but missing from the spec is a programming error naming both', () => {
    expect(() => pairIn(Backing.TERRAFORM_DATA, { fields: { identity: ['a', 'b'], settings: ['s'] } })).toThrow(
      "the spec of fake.thing has no field 'b' (named by its KindFields)",
    );
  });
});

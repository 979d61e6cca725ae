import { Backing, NullProvider } from '../../src/constructs';
import { address, block, newStack, pairing, replication, synth } from './helpers';

describe('null_resource backing', () => {
  test('adds the null provider once and uses triggers { replace_on, destroy_spec } as JSON strings', () => {
    const stack = newStack();
    const p = pairing(stack, { backing: Backing.NULL_RESOURCE });
    const r = replication(stack, { backing: Backing.NULL_RESOURCE }, 'web-01', p);
    replication(stack, { backing: Backing.NULL_RESOURCE, vmName: 'web-02' }, 'web-02', p);
    const json = synth(stack);

    expect(json.provider).toEqual({ null: [{}] });
    expect(Object.keys(json.terraform?.required_providers ?? {})).toEqual(['null']);
    expect(json.resource.terraform_data).toBeUndefined();

    const identity = block(json, r.identityResource);
    expect(Object.keys(identity.triggers ?? {}).sort()).toEqual(['destroy_spec', 'replace_on']);
    expect(identity.triggers?.replace_on).toMatch(/^\$\{jsonencode\(\{"kind" = "vr.replication", "pairing" = /);
    expect(identity.triggers?.replace_on).not.toContain('settings');
    expect(identity.triggers?.destroy_spec).toMatch(/^\$\{jsonencode\(\{"connection" = /);
    expect(identity.triggers?.destroy_spec).toContain('"on_delete" = {"retain_replica_disks" = true}');
    expect(identity.triggers?.destroy_spec).not.toContain('"settings"');
    expect(identity.depends_on).toEqual([address(p.resource)]);
    expect(identity.provisioner).toEqual([
      {
        'local-exec': {
          command: 'repliform lifecycle create vr.replication',
          environment: { REPLIFORM_SPEC: expect.stringMatching(/^\$\{jsonencode\(\{"connection" = .*"settings" = \{"rpo_minutes" = 60,/) },
        },
      },
      {
        'local-exec': {
          command: 'repliform lifecycle delete vr.replication',
          environment: { REPLIFORM_SPEC: '${self.triggers.destroy_spec}' },
          when: 'destroy',
        },
      },
    ]);
  });

  test('naming the local site (localSite) changes no trigger of a replication: no unconfigure, no resync', () => {
    const triggersWith = (localSite: string | undefined) => {
      const stack = newStack();
      const p = pairing(stack, { backing: Backing.NULL_RESOURCE, ...(localSite === undefined ? {} : { localSite }) });
      const r = replication(stack, { backing: Backing.NULL_RESOURCE }, 'web-01', p);
      return block(synth(stack), r.identityResource).triggers;
    };
    expect(triggersWith('vc-a.example.local')).toEqual(triggersWith(undefined));
  });

  test('the settings resource has only replace_on (identity id + settings) and no destroy command', () => {
    const stack = newStack();
    const r = replication(stack, { backing: Backing.NULL_RESOURCE, pairing: pairing(stack, { backing: Backing.NULL_RESOURCE }) });
    const settings = block(synth(stack), r.settingsResource!);
    expect(Object.keys(settings.triggers ?? {})).toEqual(['replace_on']);
    expect(settings.triggers?.replace_on).toContain(`"replication" = ${address(r.identityResource)}.id`);
    expect(settings.triggers?.replace_on).toContain('"settings" = {"rpo_minutes" = 60,');
    expect(settings.depends_on).toEqual([address(r.identityResource)]);
    expect(settings.provisioner.map((p) => p['local-exec'].command)).toEqual(['repliform lifecycle update vr.replication']);
  });

  test('an RPO change leaves the identity triggers byte-identical', () => {
    const identityTriggers = (rpoMinutes: number) => {
      const stack = newStack({ 'repliform:backing': 'null_resource' });
      const r = replication(stack, { rpoMinutes });
      return JSON.stringify(block(synth(stack), r.identityResource).triggers);
    };
    expect(identityTriggers(15)).toBe(identityTriggers(60));
  });

  test('reuses a null provider the stack already configures', () => {
    const stack = newStack();
    new NullProvider(stack, 'my-null');
    replication(stack, { backing: Backing.NULL_RESOURCE, pairing: pairing(stack, { backing: Backing.NULL_RESOURCE }) });
    expect(synth(stack).provider).toEqual({ null: [{}] });
    expect(stack.node.tryFindChild('repliform-null-provider')).toBeUndefined();
  });

  test('destroy-time provisioners reference only self', () => {
    const stack = newStack({ 'repliform:backing': 'null_resource' });
    replication(stack);
    const destroyEnvs = Object.values(synth(stack).resource.null_resource)
      .flatMap((r) => r.provisioner)
      .map((p) => p['local-exec'])
      .filter((p) => p.when === 'destroy')
      .map((p) => p.environment);
    expect(destroyEnvs).toEqual([{ REPLIFORM_SPEC: '${self.triggers.destroy_spec}' }, { REPLIFORM_SPEC: '${self.triggers.destroy_spec}' }]);
  });
});

/**
 * Who owns a replication: every spec names its owner (`<stack>/<construct path>`) and whether it may adopt a
 * replication this code did not create; neither replaces anything when changed; one VM per pairing per app.
 */
import { App, Backing, Fn, TerraformStack, Testing, ValidationError, VrReplication } from '../../src/constructs';
import { block, newStack, pairing, replication, synth, LIFECYCLE_CONTEXT } from './helpers';

function errorOf(fn: () => unknown): ValidationError {
  try {
    fn();
  } catch (e) {
    if (ValidationError.isValidationError(e)) return e;
    throw e;
  }
  throw new Error('expected a ValidationError');
}

describe('owner and adopt in the spec', () => {
  test('owner is <stack name>/<construct path within the stack>, adopt defaults to false', () => {
    const stack = newStack();
    const p = pairing(stack);
    const tier = new TerraformStack(stack.node.root, 'other');
    const nested = new VrReplication(tier, 'web-tier-web-02', { pairing: p, vmName: 'web-02', targetDatastore: 'ds-b-01' });
    const r = replication(stack, {}, 'web-01', p);
    expect(block(synth(stack), r.identityResource).input).toMatchObject({ adopt: false, owner: 'stack/web-01' });
    expect(nested.spec.owner).toBe('other/web-tier-web-02');
  });

  test('adopt: true is synthesized into the spec', () => {
    const stack = newStack();
    const r = replication(stack, { adopt: true });
    expect(block(synth(stack), r.identityResource).input).toMatchObject({ adopt: true, owner: 'stack/web-01' });
  });

  test.each([Backing.TERRAFORM_DATA, Backing.NULL_RESOURCE])('%s: changing adopt replaces neither the identity nor the settings resource', (backing) => {
    const triggersWith = (adopt: boolean) => {
      const stack = newStack({ 'repliform:backing': backing });
      const r = replication(stack, { adopt });
      const json = synth(stack);
      const identity = block(json, r.identityResource);
      const settings = block(json, r.settingsResource!);
      return JSON.stringify([identity.triggers_replace ?? identity.triggers, settings.triggers_replace ?? settings.triggers]);
    };
    expect(triggersWith(true)).toBe(triggersWith(false));
  });

  test.each([Backing.TERRAFORM_DATA, Backing.NULL_RESOURCE])('%s: moving the construct (a new owner) replaces nothing', (backing) => {
    const triggersIn = (stackId: string) => {
      const stack = new TerraformStack(Testing.app({ context: { 'repliform:backing': backing } }), stackId);
      const r = replication(stack);
      const identity = block(synth(stack), r.identityResource);
      return JSON.stringify(identity.triggers_replace ?? identity.triggers);
    };
    expect(triggersIn('dr-a')).toBe(triggersIn('dr-b'));
  });
});

describe('one VM, one VrReplication per pairing and app', () => {
  test('the same VM twice on the same pairing is a synth-time error naming both construct paths', () => {
    const stack = newStack();
    const p = pairing(stack);
    replication(stack, {}, 'web-01', p);
    const error = errorOf(() => replication(stack, {}, 'web-01-again', p));
    expect(error.message).toBe(
      "repliform/VrReplication at 'stack/web-01-again': vmName 'web-01' is already replicated over remote site 'vc-b.example.local' of " +
        "https://vr-a.example.local by 'stack/web-01'; one VM may have only one VrReplication per pairing (remove one of the two)",
    );
  });

  test('two stacks of one app with two VrPairing constructs for the same pairing are caught too', () => {
    const app = Testing.app({ context: { ...LIFECYCLE_CONTEXT } });
    const a = new TerraformStack(app, 'a');
    const b = new TerraformStack(app, 'b');
    replication(a, { vmId: 'vm-7', vmName: undefined }, 'db', pairing(a));
    const error = errorOf(() => replication(b, { vmId: 'vm-7', vmName: undefined }, 'db-copy', pairing(b, { endpoint: 'https://VR-A.example.local/' })));
    expect(error.constructPath).toBe('b/db-copy');
    expect(error.message).toContain("vmId 'vm-7' is already replicated");
    expect(error.message).toContain("by 'a/db'");
  });

  test('the same VM over another pairing, and two separate apps, are fine', () => {
    const stack = newStack();
    replication(stack, {}, 'web-01', pairing(stack));
    expect(() => replication(stack, {}, 'web-01-to-c', pairing(stack, { remoteSite: 'vc-c.example.local' }, 'site-a-to-c'))).not.toThrow();
    const other = newStack();
    expect(() => replication(other, {}, 'web-01', pairing(other))).not.toThrow();
  });

  test('names that are Terraform tokens cannot be compared at synth and are not', () => {
    const stack = newStack();
    const p = pairing(stack);
    replication(stack, { vmName: Fn.lower('WEB') }, 'a', p);
    expect(() => replication(stack, { vmName: Fn.lower('WEB') }, 'b', p)).not.toThrow();
  });

  test('an App made with new App() keeps its own claims', () => {
    const app = new App({ outdir: '/tmp/repliform-ownership-unused' });
    const stack = new TerraformStack(app, 's');
    replication(stack, {}, 'web-01', pairing(stack));
    expect(() => replication(stack, {}, 'again', pairing(stack, {}, 'p2'))).toThrow(/already replicated/);
  });
});

describe('syncTrigger', () => {
  test('adds a sync resource keyed on the trigger, after the settings, reading the identity spec, with no destroy command', () => {
    const stack = newStack();
    const r = replication(stack, { syncTrigger: '2026-11-23' });
    const json = synth(stack);
    expect(r.syncResource?.node.path).toBe('stack/web-01/sync');
    const identity = `terraform_data.${r.identityResource.resource.friendlyUniqueId}`;
    expect(block(json, r.syncResource!)).toEqual({
      depends_on: [`terraform_data.${r.settingsResource!.resource.friendlyUniqueId}`],
      triggers_replace: { sync_trigger: '2026-11-23' },
      provisioner: [
        {
          'local-exec': {
            command: 'repliform lifecycle create vr.replication-sync',
            environment: { REPLIFORM_SPEC: `\${jsonencode(${identity}.input)}` },
          },
        },
      ],
    });
    expect(Object.keys(json.resource.terraform_data)).toHaveLength(4);
  });

  test('bumping the trigger replaces only the sync resource', () => {
    const triggers = (syncTrigger: string) => {
      const stack = newStack();
      const r = replication(stack, { syncTrigger });
      const json = synth(stack);
      return [r.identityResource, r.settingsResource!, r.syncResource!].map((l) => JSON.stringify(block(json, l).triggers_replace));
    };
    const [identityA, settingsA, syncA] = triggers('1');
    const [identityB, settingsB, syncB] = triggers('2');
    expect([identityB, settingsB]).toEqual([identityA, settingsA]);
    expect(syncB).not.toBe(syncA);
  });

  test('null_resource backing: the trigger alone replaces it; the spec is given literally; no destroy command', () => {
    const stack = newStack({ 'repliform:backing': 'null_resource' });
    const r = replication(stack, { syncTrigger: 'CHG-1234' });
    const sync = block(synth(stack), r.syncResource!);
    expect(sync.triggers).toEqual({ replace_on: '${jsonencode({"sync_trigger" = "CHG-1234"})}' });
    expect(sync.provisioner.map((p) => p['local-exec'].command)).toEqual(['repliform lifecycle create vr.replication-sync']);
    expect(sync.provisioner[0]['local-exec'].environment.REPLIFORM_SPEC).toMatch(/^\$\{jsonencode\(\{"connection" = /);
  });

  test('no trigger, or a retired replication: no sync resource', () => {
    const stack = newStack();
    const p = pairing(stack);
    expect(replication(stack, {}, 'web-01', p).syncResource).toBeUndefined();
    expect(replication(stack, { vmName: 'web-02', syncTrigger: '1', retired: true }, 'web-02', p).syncResource).toBeUndefined();
  });

  test('an empty trigger is rejected with the field and the value', () => {
    const stack = newStack();
    const error = errorOf(() => replication(stack, { syncTrigger: '' }));
    expect(error.violations).toEqual(["syncTrigger must be a non-empty string such as '2026-11-23' (change it to sync again), or omitted, got ''"]);
  });
});

/** One object per natural key per app, for any kind (the VR rule is tested in ownership.test.ts). */
import { Construct } from 'constructs';
import { Fn, TerraformStack, Testing, ValidationError } from '../../src/constructs';
import { claimNaturalKey, type NaturalKeyClaim } from '../../src/constructs/ownership';
import { LIFECYCLE_CONTEXT } from './helpers';

function claim(kind: string, values: readonly string[]): NaturalKeyClaim {
  return {
    kind,
    subject: 'repliform/FakeThing',
    values,
    key: () => values.map((v) => v.toLowerCase()),
    duplicate: (first) => `${values.join('/')} is already managed by '${first}'`,
  };
}

test('a second claim of one key in one app is an error naming the first construct path, of the second construct', () => {
  const stack = new TerraformStack(Testing.app({ context: { ...LIFECYCLE_CONTEXT } }), 'stack');
  claimNaturalKey(new Construct(stack, 'first'), claim('fake.thing', ['Site', 'vm-1']));
  const second = new Construct(stack, 'second');
  expect(() => claimNaturalKey(second, claim('fake.thing', ['site', 'VM-1']))).toThrow(
    new ValidationError('repliform/FakeThing', ["site/VM-1 is already managed by 'stack/first'"], second),
  );
});

test('the same key of another kind, in another app, or made of Terraform tokens is no conflict', () => {
  const stack = new TerraformStack(Testing.app({ context: { ...LIFECYCLE_CONTEXT } }), 'stack');
  claimNaturalKey(new Construct(stack, 'a'), claim('fake.thing', ['site', 'vm-1']));
  expect(() => claimNaturalKey(new Construct(stack, 'b'), claim('fake.other', ['site', 'vm-1']))).not.toThrow();
  const other = new TerraformStack(Testing.app({ context: { ...LIFECYCLE_CONTEXT } }), 'stack');
  expect(() => claimNaturalKey(new Construct(other, 'a'), claim('fake.thing', ['site', 'vm-1']))).not.toThrow();
  claimNaturalKey(new Construct(stack, 't1'), claim('fake.thing', ['site', Fn.lower('VM')]));
  expect(() => claimNaturalKey(new Construct(stack, 't2'), claim('fake.thing', ['site', Fn.lower('VM')]))).not.toThrow();
});

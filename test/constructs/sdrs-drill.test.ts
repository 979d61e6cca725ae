/**
 * Construct SdrsDrill: one repliform_sdrs_drill after the group's protection (so after every pair and instance, and
 * destroyed before protection stops), naming the group as the protection does; a second drill of the same group
 * and a drill VPC with spaces are refused at synth time.
 */
import { SdrsDrill, SdrsProtection } from '../../src/constructs';
import { address, block, newStack, synth } from './helpers';
import { sdrsGroup, sdrsPair } from './sdrs-helpers';

const GROUP_REF = { owner: 'stack/web', source_availability_zone: 'az-a', target_availability_zone: 'az-b', source_vpc_id: 'vpc-prod' };

test('a drill of the protected group comes after its protection; identity = group + drill VPC, the name a setting', () => {
  const stack = newStack();
  const group = sdrsGroup(stack);
  sdrsPair(stack, group);
  const protection = new SdrsProtection(stack, 'web-protection', { group });
  const drill = new SdrsDrill(stack, 'web-drill', { protection, name: 'web-drill-q3' });
  const synthesized = block(synth(stack), drill.identityResource);
  expect(synthesized.depends_on).toEqual([address(protection.resource)]);
  expect(drill.spec).toMatchObject({ group: GROUP_REF, drill_vpc_id: null, name: 'web-drill-q3', owner: 'stack/web-drill' });
  expect(synthesized.triggers_replace).toEqual({ kind: 'sdrs.drill', group: GROUP_REF, drill_vpc_id: null });
});

test('a second drill of the same group is refused at synth time, naming the first; a drill VPC must look like an id', () => {
  const stack = newStack();
  const protection = new SdrsProtection(stack, 'web-protection', { group: sdrsGroup(stack) });
  new SdrsDrill(stack, 'web-drill', { protection, name: 'web-drill' });
  expect(() => new SdrsDrill(stack, 'other-drill', { protection, name: 'other' })).toThrow(/already has a drill, 'stack\/web-drill': one drill per group at a time/);
  expect(() => new SdrsDrill(stack, 'bad-vpc', { protection, name: 'bad', drillVpcId: 'vpc drill' })).toThrow("repliform/SdrsDrill at 'stack/bad-vpc': drillVpcId must be the id of an existing VPC (no spaces), or omitted, got 'vpc drill'");
});

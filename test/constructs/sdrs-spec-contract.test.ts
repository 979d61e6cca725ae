import { Credentials, SdrsProtection } from '../../src/constructs';
import { sdrsProtectedInstanceSpecSchema } from '../../src/resources/sdrs/protected-instance/schema';
import { sdrsProtectionGroupSpecSchema } from '../../src/resources/sdrs/protection-group/schema';
import { sdrsProtectionSpecSchema } from '../../src/resources/sdrs/protection/schema';
import { sdrsReplicationAttachmentSpecSchema } from '../../src/resources/sdrs/replication-attachment/schema';
import { sdrsReplicationPairSpecSchema } from '../../src/resources/sdrs/replication-pair/schema';
import { block, newStack, synth } from './helpers';
import { sdrsGroup, sdrsInstance, sdrsPair } from './sdrs-helpers';

describe('SDRS synthesized specs are exactly what the CLI parses', () => {
  test('every kind parses with its runtime schema and needs no default filled in', () => {
    const stack = newStack();
    const group = sdrsGroup(stack, { caBundleFile: 'certs/sdrs-ca.pem' });
    const pair = sdrsPair(stack, group, { sizeGb: 100 });
    const instance = sdrsInstance(stack, group, { flavorRef: 's6.large.2', attachments: [{ pair, device: '/dev/vdb' }] });
    const protection = new SdrsProtection(stack, 'protection', { group });
    const json = synth(stack);
    const cases = [
      [sdrsProtectionGroupSpecSchema, group.identityResource],
      [sdrsReplicationPairSpecSchema, pair.identityResource],
      [sdrsProtectedInstanceSpecSchema, instance.identityResource],
      [sdrsReplicationAttachmentSpecSchema, instance.attachmentResources[0]],
      [sdrsProtectionSpecSchema, protection.resource],
    ] as const;
    for (const [schema, resource] of cases) {
      if (resource === undefined) throw new Error('no attachment synthesized');
      const input = block(json, resource).input;
      expect(schema.parse(input)).toEqual(input);
    }
  });

  test('a group with token credentials parses too', () => {
    const stack = newStack();
    const group = sdrsGroup(stack, { credentials: Credentials.fromEnvToken('HW_AUTH_TOKEN') });
    const input = block(synth(stack), group.identityResource).input;
    expect(sdrsProtectionGroupSpecSchema.parse(input)).toEqual(input);
  });
});

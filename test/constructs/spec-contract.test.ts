import { vrPairingSpecSchema } from '../../src/resources/vr/pairing/schema';
import { vrReplicationSpecSchema } from '../../src/resources/vr/replication/schema';
import { Credentials, VrReplicationPolicy, VrSeeds } from '../../src/constructs';
import { block, newStack, pairing, replication, synth } from './helpers';

describe('synthesized specs are exactly what the CLI parses', () => {
  test('a replication spec parses with the runtime schema and needs no default filled in', () => {
    const stack = newStack();
    const r = replication(stack, {
      policy: new VrReplicationPolicy({ pointInTime: { instancesPerDay: 3, days: 8 } }),
      excludeDisks: ['Hard disk 3'],
      seeds: VrSeeds.explicit({ 'Hard disk 1': 'seeds/web-01/web-01.vmdk' }),
    });
    const input = block(synth(stack), r.identityResource).input;
    expect(vrReplicationSpecSchema.parse(input)).toEqual(input);
  });

  test('a pairing spec parses with the runtime schema and needs no default filled in', () => {
    const stack = newStack();
    const p = pairing(stack, {
      createIfMissing: { remoteVcId: 'u', pscUrl: 'https://vc-b.example.local', credentials: Credentials.fromEnv('A', 'B') },
    });
    const input = block(synth(stack), p.resource).input;
    expect(vrPairingSpecSchema.parse(input)).toEqual(input);
  });
});

import {
  Credentials,
  Fn,
  Token,
  ValidationError,
  VrPairing,
  type VrPairingProps,
  VrReplication,
  VrReplicationPolicy,
  type VrReplicationProps,
  type VrTargetDiskFormat,
  VrSeeds,
} from '../../src/constructs';
import { newStack, pairing, replication, SITE_A } from './helpers';

const R = "repliform/VrReplication at 'stack/web-01'";
const P = "repliform/VrPairing at 'stack/site-a-to-b'";

function errorOf(fn: () => unknown): ValidationError {
  try {
    fn();
  } catch (e) {
    if (ValidationError.isValidationError(e)) return e;
    throw e;
  }
  throw new Error('expected a ValidationError');
}

const replicationError = (props: Partial<VrReplicationProps>) => {
  const stack = newStack();
  const p = pairing(stack);
  return errorOf(() => replication(stack, props, 'web-01', p));
};
const pairingError = (props: Partial<VrPairingProps>) => errorOf(() => pairing(newStack(), props));

describe('VrReplication validation', () => {
  test.each<[string, Partial<VrReplicationProps>, string]>([
    ['RPO below the minimum', { rpoMinutes: 3 }, 'rpoMinutes must be an integer between 5 and 1440 minutes, got 3'],
    ['RPO above the maximum', { rpoMinutes: 1441 }, 'rpoMinutes must be an integer between 5 and 1440 minutes, got 1441'],
    ['RPO not an integer', { rpoMinutes: 7.5 }, 'rpoMinutes must be an integer between 5 and 1440 minutes, got 7.5'],
    ['MPIT instances per day', { pointInTime: { instancesPerDay: 0, days: 2 } }, 'pointInTime.instancesPerDay must be an integer of at least 1, got 0'],
    ['MPIT days', { pointInTime: { instancesPerDay: 2, days: 0 } }, 'pointInTime.days must be an integer of at least 1, got 0'],
    ['MPIT total', { pointInTime: { instancesPerDay: 6, days: 5 } }, 'pointInTime instancesPerDay × days must be at most 24 instances, got 6 × 5 = 30'],
    ['neither VM name nor id', { vmName: undefined }, 'vmName/vmId exactly one of vmName or vmId must be set, got neither'],
    ['both VM name and id', { vmId: 'vm-1' }, "vmName/vmId exactly one of vmName or vmId must be set, got both (vmName 'web-01', vmId 'vm-1')"],
    ['empty VM name', { vmName: '' }, "vmName must be a non-empty VM name, got ''"],
    ['empty datastore', { targetDatastore: '' }, "targetDatastore must be a non-empty datastore name, got ''"],
    ['blank storage policy', { targetStoragePolicy: ' ' }, "targetStoragePolicy must be a non-empty storage policy name (omit it for the datastore's default), got ' '"],
    ['empty replication server', { replicationServer: '' }, "replicationServer must be a non-empty replication server name (omit it to let vSphere Replication choose), got ''"],
    ['unknown disk format', { diskFormat: 'SPARSE' as VrTargetDiskFormat }, "diskFormat must be one of SAME_AS_SOURCE, SAME_AS_PRIMARY, AS_DEFINED_IN_PROFILE, FLAT, THICK, NATIVE_THICK, THIN, RDM, got 'SPARSE'"],
    ['empty excluded disk', { excludeDisks: ['Hard disk 2', ''] }, `excludeDisks must list non-empty disk labels such as 'Hard disk 2', got ["Hard disk 2",""]`],
    ['duplicate excluded disk', { excludeDisks: ['Hard disk 2', 'Hard disk 2'] }, "excludeDisks must not list a disk twice, got 'Hard disk 2' twice"],
    ['explicit seeds without a disk', { seeds: VrSeeds.explicit({}) }, "seeds must map at least one disk label to a seed path with VrSeeds.explicit({ 'Hard disk 1': 'seeds/vm/vm.vmdk' }), got {}"],
    ['empty seed path', { seeds: VrSeeds.explicit({ 'Hard disk 1': '' }) }, 'seeds must map non-empty disk labels to non-empty seed paths on the target datastore, got {"Hard disk 1":""}'],
    ['seed of an excluded disk', { excludeDisks: ['Hard disk 2'], seeds: VrSeeds.explicit({ 'Hard disk 2': 'seeds/a.vmdk' }) }, "seeds must not name a disk that excludeDisks leaves out, got 'Hard disk 2'"],
    ['a template sequence in a name', { targetDatastore: 'ds-${var.x}' }, "targetDatastore must not contain ${, %{, double quotes, backslashes or control characters (Terraform would interpret them), got 'ds-${var.x}'"],
    ['a zero timeout', { timeouts: { createMinutes: 0 } }, 'timeouts.createMinutes must be a positive integer number of minutes, got 0'],
  ])('%s', (_name, props, violation) => {
    const error = replicationError(props);
    expect(error.message).toBe(`${R}: ${violation}`);
    expect(error.constructPath).toBe('stack/web-01');
    expect(error.violations).toEqual([violation]);
  });

  test('seed paths given without VrSeeds.explicit are rejected', () => {
    const seeds = VrSeeds.findOnTarget();
    (seeds as unknown as { paths: Record<string, string> }).paths = { 'Hard disk 1': 'seeds/a.vmdk' };
    expect(replicationError({ seeds }).message).toBe(
      `${R}: seeds may name seed paths only with VrSeeds.explicit(...), got mode 'find' with paths {"Hard disk 1":"seeds/a.vmdk"}`,
    );
  });

  test('one error lists every violation of the construct, one per line', () => {
    const error = replicationError({ rpoMinutes: 3, vmName: undefined, targetDatastore: '' });
    expect(error.message.split('\n')).toEqual([
      `${R}: vmName/vmId exactly one of vmName or vmId must be set, got neither`,
      `${R}: targetDatastore must be a non-empty datastore name, got ''`,
      `${R}: rpoMinutes must be an integer between 5 and 1440 minutes, got 3`,
    ]);
  });

  test('unresolved tokens are not validated at synth', () => {
    const stack = newStack();
    const rpo = Token.asNumber(Fn.tonumber('3'));
    const r = replication(stack, {
      rpoMinutes: rpo,
      pointInTime: { instancesPerDay: Token.asNumber(Fn.tonumber('100')), days: 5 },
      targetDatastore: Fn.lower('DS'),
      excludeDisks: [Fn.lower('X'), Fn.lower('X')],
      timeouts: { createMinutes: Token.asNumber(Fn.tonumber('0')) },
    });
    expect(r.spec.settings.rpo_minutes).toBe(rpo);
  });

  test('a policy is validated when constructed, with its field names', () => {
    expect(() => new VrReplicationPolicy({ rpoMinutes: 2000, pointInTime: { instancesPerDay: 24, days: 2 } })).toThrow(
      'repliform/VrReplicationPolicy: rpoMinutes must be an integer between 5 and 1440 minutes, got 2000\n' +
        'repliform/VrReplicationPolicy: pointInTime instancesPerDay × days must be at most 24 instances, got 24 × 2 = 48',
    );
    expect(() => VrReplicationPolicy.of({ rpoMinutes: 15 }).with({ rpoMinutes: 4 })).toThrow(
      'repliform/VrReplicationPolicy: rpoMinutes must be an integer between 5 and 1440 minutes, got 4',
    );
  });
});

describe('VrPairing validation', () => {
  test.each<[string, Partial<VrPairingProps>, string]>([
    ['endpoint not a URL', { endpoint: 'vr-a.example.local' }, "endpoint must be an http(s) URL such as https://vr-a.example.local, got 'vr-a.example.local'"],
    ['endpoint not http(s)', { endpoint: 'ftp://vr-a.example.local' }, "endpoint must be an http(s) URL such as https://vr-a.example.local, got 'ftp://vr-a.example.local'"],
    ['neither pairing id nor remote site', { remoteSite: undefined }, 'pairingId/remoteSite exactly one of pairingId or remoteSite must be set, got neither'],
    ['both pairing id and remote site', { pairingId: 'p-1' }, "pairingId/remoteSite exactly one of pairingId or remoteSite must be set, got both (pairingId 'p-1', remoteSite 'vc-b.example.local')"],
    ['empty remote site', { remoteSite: '' }, "remoteSite must be a non-empty vCenter name such as 'vc-b.example.local', got ''"],
    ['empty CA bundle', { caBundleFile: '' }, "caBundleFile must be a non-empty file path, got ''"],
    ['invalid user variable name', { credentials: Credentials.fromEnv('VR-USER', 'VR_PASSWORD') }, "credentials.usernameEnv must be an environment variable name matching [A-Za-z_][A-Za-z0-9_]* (use Credentials.fromEnv('SITE_A_USER', 'SITE_A_PASSWORD')), got 'VR-USER'"],
    ['invalid remote user variable name', { remoteCredentials: Credentials.fromEnv('1USER', 'PASS') }, "remoteCredentials.usernameEnv must be an environment variable name matching [A-Za-z_][A-Za-z0-9_]* (use Credentials.fromEnv('SITE_A_USER', 'SITE_A_PASSWORD')), got '1USER'"],
    ['create without its ids', { createIfMissing: { remoteVcId: '', pscUrl: 'https://vc-b', credentials: SITE_A } }, "createIfMissing.remoteVcId must be the remote vCenter's uuid, got ''"],
    ['create with a bad PSC port', { createIfMissing: { remoteVcId: 'u', pscUrl: 'https://vc-b', pscPort: 0, credentials: SITE_A } }, 'createIfMissing.pscPort must be an integer between 1 and 65535, got 0'],
    ['a zero timeout', { timeouts: { deleteMinutes: 0 } }, 'timeouts.deleteMinutes must be a positive integer number of minutes, got 0'],
  ])('%s', (_name, props, violation) => {
    expect(pairingError(props).message).toBe(`${P}: ${violation}`);
  });

  test('a password variable that is not a name is never echoed (it may be the password itself)', () => {
    const error = pairingError({ credentials: Credentials.fromEnv('VR_USER', 'hunter2!secret') });
    expect(error.message).toBe(
      `${P}: credentials.passwordEnv must be an environment variable name matching [A-Za-z_][A-Za-z0-9_]*: ` +
        'the NAME of the variable that holds the password, never the password itself, ' +
        'got a value that is not a variable name (not shown: it may be a secret)',
    );
    expect(error.message).not.toContain('hunter2');
  });

  test('createIfMissing needs remoteSite, not pairingId', () => {
    const error = pairingError({
      remoteSite: undefined,
      pairingId: 'p-1',
      createIfMissing: { remoteVcId: 'u', pscUrl: 'https://vc-b', credentials: SITE_A },
    });
    expect(error.violations).toEqual([
      "createIfMissing needs remoteSite to find the created pairing again (a new pairing gets a new id), not pairingId, got pairingId 'p-1'",
    ]);
  });

  test('an unresolved endpoint is not validated at synth', () => {
    const stack = newStack();
    expect(() => new VrPairing(stack, 'p', { endpoint: Fn.lower('X'), credentials: SITE_A, remoteSite: 'vc-b' })).not.toThrow();
  });

  test('missing required props (from JavaScript) are reported, not crashed on', () => {
    const error = errorOf(() => new VrReplication(newStack(), 'r', {} as VrReplicationProps));
    expect(error.violations).toEqual([
      'pairing must be a VrPairing construct, got nothing',
      'vmName/vmId exactly one of vmName or vmId must be set, got neither',
      'targetDatastore must be a non-empty datastore name, got nothing',
    ]);
  });
});

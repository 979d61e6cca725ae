/** Run-time spec validation: one-line messages naming the field, the allowed values and the value given. */
import { vrPairingHandler } from '../../src/resources/vr/pairing/handler';
import { vrReplicationHandler } from '../../src/resources/vr/replication/handler';
import { replicationSpecInput } from '../helpers/context';

const base = replicationSpecInput('https://vr-a.example.local');

function messageOf(raw: unknown, handler = vrReplicationHandler, action: 'create' | 'delete' = 'create'): string {
  try {
    handler.parseSpec(raw, action);
  } catch (error) {
    return (error as Error).message;
  }
  return 'no error';
}

test.each([
  [{ ...base, settings: { rpo_minutes: 1441 } }, 'settings.rpo_minutes: must be an integer between 5 and 1440 minutes, got 1441 [vr.replication spec]'],
  [{ ...base, settings: { rpo_minutes: 15, point_in_time: { instances_per_day: 5, days: 5 } } }, 'settings.point_in_time: instances_per_day × days must be at most 24, got {"instances_per_day":5,"days":5} [vr.replication spec]'],
  [{ ...base, target: { datastore: 'ds', disk_format: 'SPARSE' } }, 'target.disk_format: must be one of "SAME_AS_SOURCE", "SAME_AS_PRIMARY", "AS_DEFINED_IN_PROFILE", "FLAT", "THICK", "NATIVE_THICK", "THIN", "RDM", got "SPARSE" [vr.replication spec]'],
  [{ ...base, settings: { rpo_minutes: '15' } }, 'settings.rpo_minutes: must be a number, got "15" [vr.replication spec]'],
  [{ ...base, vm: {} }, 'vm: set either id or name, got {} [vr.replication spec]'],
  [{ ...base, connection: { ...base.connection, credentials: { username_env: 'VR USER', password_env: 'P' } } }, 'connection.credentials.username_env: must be an environment variable name ([A-Za-z_][A-Za-z0-9_]*), got a value that is not a variable name (not shown: it may be a secret) [vr.replication spec]'],
  [{ ...base, rpo: 15 }, 'vr.replication: unknown field(s) "rpo" [vr.replication spec]'],
])('rejects %j', (raw, message) => {
  expect(messageOf(raw)).toBe(message);
});

test('several problems are counted in the one line', () => {
  expect(messageOf({ ...base, settings: { rpo_minutes: 3 }, target: { datastore: '' } })).toMatch(/\(and 1 more problem\) \[vr\.replication spec\]$/);
});

test('delete accepts a spec without settings (the null_resource destroy-time spec)', () => {
  const { settings: _settings, ...withoutSettings } = base;
  expect(messageOf(withoutSettings, vrReplicationHandler, 'delete')).toBe('no error');
  expect(messageOf(withoutSettings, vrReplicationHandler, 'create')).toMatch(/^settings: is required, got nothing/);
});

test('a pairing spec needs an id or a remote site', () => {
  const raw = { connection: base.connection, pairing: {} };
  expect(messageOf(raw, vrPairingHandler as never)).toBe('pairing: set either id or remote_site, got {} [vr.pairing spec]');
});

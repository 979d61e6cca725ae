import { pointInTimeRetention, ReplicationPolicy, VrReplicationPolicy } from '../../src/constructs';
import { newStack, replication } from './helpers';

describe('ReplicationPolicy (shared by every vendor)', () => {
  test('defaults: RPO 60, only the latest instance, no quiescing, compression and encryption left to the vendor', () => {
    const policy = new ReplicationPolicy();
    expect({ ...policy }).toEqual({ rpoMinutes: 60, retention: undefined, quiescing: false, networkCompression: undefined, encryption: undefined });
  });

  test('with() overrides fields and retention: false drops the retention', () => {
    const gold = new ReplicationPolicy({ rpoMinutes: 15, retention: [{ instances: 4, distanceMinutes: 60 }], encryption: true });
    expect({ ...gold.with({ rpoMinutes: 5, retention: false }) }).toEqual({
      rpoMinutes: 5,
      retention: undefined,
      quiescing: false,
      networkCompression: undefined,
      encryption: true,
    });
  });

  test('checks only what every vendor understands, in one line per field', () => {
    expect(() => new ReplicationPolicy({ rpoMinutes: 2.5, retention: [{ instances: 0, distanceMinutes: 60 }] })).toThrow(
      [
        'repliform/ReplicationPolicy: rpoMinutes must be a positive integer number of minutes, got 2.5',
        'repliform/ReplicationPolicy: retention rules must keep at least 1 instance (an integer), more than 0 minutes apart, got [{"instances":0,"distanceMinutes":60}]',
      ].join('\n'),
    );
  });

  test('point-in-time instances (VR) are one rule: instances per day × days, a day ÷ instances per day apart', () => {
    expect(pointInTimeRetention({ instancesPerDay: 3, days: 8 })).toEqual([{ instances: 24, distanceMinutes: 480 }]);
    const vr = new VrReplicationPolicy({ pointInTime: { instancesPerDay: 3, days: 8 }, encryption: true });
    expect(vr).toBeInstanceOf(ReplicationPolicy);
    expect(vr.retention).toEqual([{ instances: 24, distanceMinutes: 480 }]);
    expect(vr.encryption).toBe(true);
    expect(vr.networkCompression).toBe(false);
  });

  test("VrReplicationPolicy keeps VR's own messages (VR's rules run first)", () => {
    expect(() => new VrReplicationPolicy({ rpoMinutes: 2 })).toThrow(
      'repliform/VrReplicationPolicy: rpoMinutes must be an integer between 5 and 1440 minutes, got 2',
    );
  });
});

describe('VrReplication with a shared policy', () => {
  test('retention that VR can keep becomes point-in-time instances; compression and encryption default to off', () => {
    const policy = new ReplicationPolicy({ rpoMinutes: 15, retention: [{ instances: 10, distanceMinutes: 720 }], quiescing: true });
    const r = replication(newStack(), { policy });
    expect(r.spec.settings).toEqual({
      rpo_minutes: 15,
      point_in_time: { instances_per_day: 2, days: 5 },
      quiescing: true,
      network_compression: false,
      encryption: false,
      auto_replicate_new_disks: true,
    });
  });

  test('the same spec as the equivalent VrReplicationPolicy', () => {
    const shared = replication(newStack(), { policy: new ReplicationPolicy({ rpoMinutes: 30, retention: [{ instances: 4, distanceMinutes: 360 }] }) });
    const vr = replication(newStack(), { policy: new VrReplicationPolicy({ rpoMinutes: 30, pointInTime: { instancesPerDay: 4, days: 1 } }) });
    expect(shared.spec).toEqual(vr.spec);
  });

  test('VR refuses retention it cannot keep and an RPO below its range, naming the construct and the field', () => {
    const policy = new ReplicationPolicy({ rpoMinutes: 1, retention: [{ instances: 3, distanceMinutes: 60 }, { instances: 2, distanceMinutes: 1440 }] });
    expect(() => replication(newStack(), { policy })).toThrow(
      [
        "repliform/VrReplication at 'stack/web-01': policy.retention must be one rule that vSphere Replication can keep as instancesPerDay × days: distanceMinutes dividing 1440 and instances a whole number of days, got " +
          '[{"instances":3,"distanceMinutes":60},{"instances":2,"distanceMinutes":1440}]',
        "repliform/VrReplication at 'stack/web-01': rpoMinutes must be an integer between 5 and 1440 minutes, got 1",
      ].join('\n'),
    );
  });

  test('a pointInTime override wins over the shared retention (no retention error)', () => {
    const policy = new ReplicationPolicy({ retention: [{ instances: 5, distanceMinutes: 7 }] });
    const r = replication(newStack(), { policy, pointInTime: { instancesPerDay: 1, days: 3 } });
    expect(r.spec.settings.point_in_time).toEqual({ instances_per_day: 1, days: 3 });
  });
});

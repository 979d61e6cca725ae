/** The structural diff of the reconcile core: values, not words; an absent live setting is unknown, not a change. */
import { describeChanges, diffAt, settingsChanges } from '../../src/resources/core/diff';

test('diffAt lists the paths whose values differ, in the order asked, objects compared by value whatever their key order', () => {
  const before = { settings: { rpo_minutes: 15, point_in_time: { days: 5, instances_per_day: 3 }, quiescing: false }, vm: { name: 'web-01' } };
  const after = { settings: { rpo_minutes: 5, point_in_time: { instances_per_day: 3, days: 5 }, quiescing: true }, vm: { name: 'web-01' } };
  expect(diffAt(['vm.name', 'settings.quiescing', 'settings.point_in_time', 'settings.rpo_minutes', 'settings.encryption'], before, after)).toEqual([
    { field: 'settings.quiescing', from: false, to: true },
    { field: 'settings.rpo_minutes', from: 15, to: 5 },
  ]);
});

test('settingsChanges: named by spec path, from the live value to the code value; a setting the server does not report is not a change', () => {
  const code = { rpo_minutes: 15, retention_rules: [{ instances: 4, distance_minutes: 60 }], description: 'web', storage_profile: null };
  const live = { rpo_minutes: 60, retention_rules: [{ instances: 2, distance_minutes: 60 }], storage_profile: 'gold' };
  expect(settingsChanges(['rpo_minutes', 'retention_rules', 'description', 'storage_profile'], code, live)).toEqual([
    { field: 'settings.rpo_minutes', from: 60, to: 15, effect: 'in-place' },
    { field: 'settings.retention_rules', from: [{ instances: 2, distance_minutes: 60 }], to: [{ instances: 4, distance_minutes: 60 }], effect: 'in-place' },
    { field: 'settings.storage_profile', from: 'gold', to: null, effect: 'in-place' },
  ]);
});

test('describeChanges words a log line from the values', () => {
  expect(describeChanges([
    { field: 'settings.rpo_minutes', from: 60, to: 15, effect: 'in-place' },
    { field: 'settings.description', from: 'a', to: null, effect: 'in-place' },
  ])).toBe('rpo_minutes 60 → 15, description "a" → null');
});

/**
 * Timeouts the framework's way (`timeouts = { create = "60m" }`): the resource types take durations, plan each
 * one as configured (verbatim) or its default, hand the handlers seconds, refuse what is not a duration naming the
 * field, and read a state an earlier version stored in seconds as durations.
 */
import { ResourceType, type ResourceRuntime } from '../../src/provider/resource-type';
import { attributesOf } from '../../src/provider/schema';
import { kindFor } from '../../src/resources/registry';
import { durationOf, secondsOf, timeoutsAsDurations, timeoutsAsSeconds } from '../../src/resources/timeout-durations';
import { testContext } from '../helpers/context';
import { configOf, objectOf } from '../helpers/provider-types';
import { vrConnection } from '../helpers/sim-connections';

const runtime: ResourceRuntime = {
  connectionFor: () => vrConnection('https://vr-a.example.local'),
  stopReason: () => undefined,
  context: () => testContext({}, { ownership: null }),
};
const REPLICATION = { pairing: { id: 'PAIRING-1' }, vm: { name: 'web-01' }, target: { datastore: 'ds-b-gold' }, settings: { rpo_minutes: 15 } };

async function replicationType(): Promise<ResourceType> {
  return new ResourceType(await kindFor('vr.replication')).bind(runtime);
}

test.each([
  ['60m', 3600],
  ['1h30m', 5400],
  ['90s', 90],
  ['2h', 7200],
])('%s is %i seconds', (duration, seconds) => {
  expect(secondsOf(duration)).toBe(seconds);
});

test.each(['', '0m', 'soon', '1.5h', '60', '-5m', '30m1h'])('%j is not a duration', (text) => {
  expect(secondsOf(text)).toBeUndefined();
});

test('seconds are written in the unit a person would write, and the two forms convert both ways', () => {
  expect([durationOf(3600), durationOf(1800), durationOf(90)]).toEqual(['60m', '30m', '90s']);
  expect(timeoutsAsSeconds({ create: '1h', delete: '30m' })).toEqual({ create_seconds: 3600, delete_seconds: 1800 });
  expect(timeoutsAsDurations({ create_seconds: 3600, delete_seconds: 1800 })).toEqual({ create: '60m', delete: '30m' });
});

test('the attribute is create / update / delete, optional durations with their defaults described', async () => {
  const type = await replicationType();
  const timeouts = attributesOf(type.spec).find((a) => a.name === 'timeouts');
  expect(timeouts?.nested_type?.attributes?.map((a) => [a.name, a.optional, a.computed, JSON.parse(String(a.type)) as unknown])).toEqual([
    ['create', true, true, 'string'],
    ['update', true, true, 'string'],
    ['delete', true, true, 'string'],
  ]);
  expect(timeouts?.nested_type?.attributes?.[0].description).toContain('Default: "60m".');
});

test('a plan keeps a configured duration verbatim, fills the others, and the handler gets seconds', async () => {
  const type = await replicationType();
  const config = configOf(type, { ...REPLICATION, timeouts: { create: '2h' } });
  const plan = await type.plan(null, config, config, undefined);
  expect(plan.diagnostics).toEqual([]);
  expect(objectOf(plan.planned).timeouts).toEqual({ create: '2h', update: '30m', delete: '30m' });
  // What the handler is given: the kind's own parse, seen through a kind that records its input.
  const kind = await kindFor('vr.replication');
  const seen: unknown[] = [];
  const recording = new ResourceType({ ...kind, parse: (raw, action) => (seen.push(raw), kind.parse(raw, action)) }).bind(runtime);
  expect(recording.validate(config)).toEqual([]);
  expect(seen).toEqual([expect.objectContaining({ timeouts: { create_seconds: 7200 } })]);
});

test('what is not a duration is one error on its field, with the rule and the value', async () => {
  const type = await replicationType();
  const config = configOf(type, { ...REPLICATION, timeouts: { create: 'soon' } });
  expect(type.validate(config).map((d) => [d.summary, d.attribute])).toEqual([
    ['timeouts.create: must be a duration such as "60m", "1h30m" or "90s" (whole hours, minutes and seconds, more than 0), got "soon"', { steps: [{ attribute_name: 'timeouts' }, { attribute_name: 'create' }] }],
  ]);
  const plan = await type.plan(null, config, config, undefined);
  expect(plan.planned).toBeNull();
  expect(plan.diagnostics.map((d) => d.summary)).toEqual([expect.stringMatching(/^timeouts\.create: must be a duration/)]);
});

test('a state stored in seconds by an earlier version is read as durations', async () => {
  const type = await replicationType();
  const upgraded = objectOf(type.upgradedState({ ...REPLICATION, id: 'GID-1', timeouts: { create_seconds: 3600, update_seconds: 1800, delete_seconds: 5400 } }));
  expect(upgraded.timeouts).toEqual({ create: '60m', update: '30m', delete: '90m' });
  expect(upgraded.id).toBe('GID-1');
});

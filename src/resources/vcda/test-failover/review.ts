/**
 * The review profile of `vcda.test-failover`: a drill, not a replication change. Adding one starts a test failover
 * (a test VM on the destination site; replication and production untouched), removing one cleans it up, a change
 * cleans up and starts a new one. Shown as a link-like item (named by its replication), never drawn as a
 * protected edge: it protects nothing.
 *
 * Calls no endpoint.
 */
import { kindVerdict, replaceCause, type RemovalWords } from '../../review-defaults';
import { fieldWording, formats, valueAt, type FieldWords, type JsonObject, type ReviewProfile, type Risk, type Verdict } from '../../review-profile';
import { vcdaTestFailoverFields } from './schema';

export const vcdaTestFailoverWords: readonly FieldWords[] = [
  { path: 'replication_id', label: 'replication', format: formats.orDefault('(by VM)') },
  { path: 'source_site', label: 'source site', format: formats.orDefault('(by id)') },
  { path: 'vm_id', label: 'VM', format: formats.orDefault('(by id)') },
  { path: 'power_on', label: 'power on', format: formats.yesNo },
  { path: 'recovery_point', label: 'recovery point', format: formats.orDefault('latest') },
  { path: 'instance_id', label: 'instance', format: formats.orDefault('(none)') },
  { path: 'network_mappings', label: 'network mappings', format: formats.list },
];

export const vcdaTestFailoverWording = fieldWording(vcdaTestFailoverFields, vcdaTestFailoverWords);

/** The replication under test, as the spec names it. */
function subjectOf(spec: JsonObject | undefined): string {
  const id = valueAt(spec, 'replication_id');
  if (typeof id === 'string') return `replication ${id}`;
  return `VM ${formats.plain(valueAt(spec, 'vm_id') ?? null)} of ${formats.plain(valueAt(spec, 'source_site') ?? null)}`;
}

function pointOf(spec: JsonObject | undefined): string {
  const instance = valueAt(spec, 'instance_id');
  if (typeof instance === 'string') return `instance ${instance}`;
  return valueAt(spec, 'recovery_point') === 'sync' ? 'a new instance (sync first)' : 'the latest instance';
}

const UNTOUCHED = 'replication and production untouched';

function start(after: JsonObject | undefined): Verdict {
  const power = valueAt(after, 'power_on') === false ? 'powered off' : 'powered on';
  return { action: 'create', summary: `DRILL STARTS: test failover of ${subjectOf(after)} — a test VM (${power}) on the destination site from ${pointOf(after)}; ${UNTOUCHED}` };
}

const ORPHAN_RISK: Risk = {
  class: 'orphan',
  message: 'ORPHAN: the block was removed from the code, so Terraform drops it from the state WITHOUT cleaning the test failover up: the test VM keeps running on the destination site.',
  fix: 'Put the block back and destroy it (`terraform destroy -target=…`), or clean the test up in VCDA (`DELETE /vm-replications/{id}/failover-test`).',
};

const FORGET_RISK: Risk = {
  class: 'orphan',
  message: 'ORPHAN (intentional): a `removed` block with `lifecycle { destroy = false }` makes Terraform forget the drill; its test VM keeps running on the destination site.',
  fix: 'Clean the test up in VCDA (`DELETE /vm-replications/{id}/failover-test`) once it is no longer needed.',
};

const REMOVAL_WORDS: RemovalWords = {
  noun: 'test failover',
  removal: (before) => ({ action: 'delete', summary: `DRILL CLEANED UP: the test failover of ${subjectOf(before)} is cleaned up (its test VM removed); ${UNTOUCHED}` }),
  orphanRisk: ORPHAN_RISK,
  forgetRisk: FORGET_RISK,
  removeVerb: 'clean up',
  forgotten: 'keeps its test VM running',
  absent: 'runs',
};

const verdict = kindVerdict(
  {
    create: start,
    replace: (transition) => ({
      action: 'replace',
      summary: `DRILL RESTARTS: the test failover of ${subjectOf(transition.before)} is cleaned up and a new one started from ${pointOf(transition.after)} (${replaceCause(transition, 'tainted, or -replace')}); ${UNTOUCHED}`,
    }),
    update: () => ({ action: 'update', summary: 'stored options only (connection, timeouts): the drill goes on as it is' }),
  },
  REMOVAL_WORDS,
);

export const vcdaTestFailoverReview: ReviewProfile = {
  reviewed: true,
  noun: 'test failover',
  shape: 'site-link',
  words: vcdaTestFailoverWords,
  naturalKey(spec) {
    const id = valueAt(spec, 'replication_id');
    const key = typeof id === 'string' ? id : [valueAt(spec, 'source_site') ?? null, valueAt(spec, 'vm_id') ?? null];
    return ['test-failover', valueAt(spec, 'connection.endpoint') ?? null, key];
  },
  view(spec) {
    const site = valueAt(spec, 'source_site');
    return {
      name: undefined,
      source: formats.plain(valueAt(spec, 'connection.endpoint') ?? null),
      sourceSite: typeof site === 'string' ? site : undefined,
      target: subjectOf(spec),
      rpoMinutes: null,
      seeded: false,
    };
  },
  keepsReplica: () => null,
  facts: ({ action }) => (action === 'create' || action === 'replace' ? 'drill, production untouched' : action === 'delete' ? 'drill cleaned up' : ''),
  verdict,
};

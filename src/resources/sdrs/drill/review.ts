/**
 * The review profile of `sdrs.drill`: a create is a DR drill STARTING (drill servers from the DR-site copies, in a
 * drill VPC; production untouched), a removal is the drill being CLEANED UP (its drill servers deleted; no
 * replica data is touched), a rename changes nothing else.
 *
 * Calls no endpoint.
 */
import { formats, valueAt, type FieldWords, type JsonObject, type ReviewProfile, type Verdict } from '../../review-profile';
import { kindVerdict, type RemovalWords } from '../../review-defaults';
import { forgetRisk, groupRefWords, orphanRisk, text, viewIn } from '../review-common';

export const sdrsDrillWords: readonly FieldWords[] = [
  ...groupRefWords('group'),
  { path: 'drill_vpc_id', label: 'drill VPC', format: formats.orDefault('(SDRS creates one)') },
  { path: 'name', label: 'drill name', format: formats.plain },
];

const NOUN = 'DR drill';

function group(spec: JsonObject | undefined): string {
  return text(valueAt(spec, 'group.name'), text(valueAt(spec, 'group.id'), text(valueAt(spec, 'group.owner'))));
}

function where(spec: JsonObject | undefined): string {
  const vpc = valueAt(spec, 'drill_vpc_id');
  return typeof vpc === 'string' ? `in drill VPC ${vpc}` : 'in a drill VPC SDRS creates';
}

function drill(spec: JsonObject | undefined): string {
  return `DR drill ${text(valueAt(spec, 'name'))} of group ${group(spec)}`;
}

function removal(before: JsonObject | undefined): Verdict {
  return { action: 'delete', summary: `CLEAN UP ${drill(before)}: its drill servers are deleted (production and replica data untouched)` };
}

const REMOVAL_WORDS: RemovalWords = { noun: NOUN, removal, orphanRisk: orphanRisk(NOUN), forgetRisk: forgetRisk(NOUN), removeVerb: 'clean up' };

const verdict = kindVerdict(
  {
    create: (after) => ({ action: 'create', summary: `START ${drill(after)}: drill servers start from the DR-site copies ${where(after)} (production untouched)` }),
    replace: (transition) => ({ action: 'replace', summary: `clean up + start again ${drill(transition.after)} ${where(transition.after)}` }),
    update: () => ({ action: 'update', summary: 'rename of the drill only: its drill servers keep running' }),
  },
  REMOVAL_WORDS,
);

export const sdrsDrillReview: ReviewProfile = {
  reviewed: true,
  noun: NOUN,
  shape: 'site-link',
  words: sdrsDrillWords,
  naturalKey(spec) {
    const ref = valueAt(spec, 'group');
    return ref === undefined ? undefined : [valueAt(spec, 'connection.project_id') ?? null, ref, 'drill', valueAt(spec, 'drill_vpc_id') ?? null];
  },
  view: (spec) => viewIn(spec, 'group', group(spec)),
  keepsReplica: () => null,
  facts: () => '',
  verdict,
};

/**
 * The review profile of `sdrs.protection-group`: a create makes an empty group (nothing is copied yet); a rename is
 * in place; a change of AZs, domain, VPC or DR type makes a new group, and every pair and instance in it is made
 * again (full syncs); a delete removes the group (after its pairs and instances).
 *
 * @api SDRS (the look-ups of ./handler.ts `read`)
 */
import { formats, valueAt, type FieldWords, type JsonObject, type ReviewProfile, type Verdict } from '../../review-profile';
import { commonFix, forgetRisk, nameFindings, orphanRisk, statusFindings, text } from '../review-common';
import { kindVerdict, replaceCause, type RemovalWords } from '../../review-defaults';

export const sdrsProtectionGroupWords: readonly FieldWords[] = [
  { path: 'source_availability_zone', label: 'production AZ', format: formats.plain },
  { path: 'target_availability_zone', label: 'DR AZ', format: formats.plain },
  { path: 'domain_id', label: 'domain', format: formats.plain },
  { path: 'source_vpc_id', label: 'VPC', format: formats.plain },
  { path: 'dr_type', label: 'DR type', format: formats.orDefault('(disaster recovery)') },
  { path: 'name', label: 'name', format: formats.plain },
];

const NOUN = 'protection group';

function where(spec: JsonObject | undefined): string {
  return `${text(valueAt(spec, 'source_availability_zone'))} → ${text(valueAt(spec, 'target_availability_zone'))}`;
}

function removal(before: JsonObject | undefined): Verdict {
  return { action: 'delete', summary: `protection group ${text(valueAt(before, 'name'))} deleted (its pairs and instances are removed first)` };
}

const REMOVAL_WORDS: RemovalWords = { noun: NOUN, removal, orphanRisk: orphanRisk(NOUN), forgetRisk: forgetRisk(NOUN) };

const verdict = kindVerdict(
  {
    create: (after) => ({ action: 'create', summary: `create protection group ${where(after)}: empty, nothing is copied until pairs are added` }),
    replace: (transition) => ({
      action: 'replace',
      summary: `delete + create protection group ${where(transition.after)}`,
      risks: [
        {
          class: 'resync',
          message: `NEW GROUP (${replaceCause(transition, 'Terraform replaces it although no identity field changed (tainted, or -replace)')}): every pair and instance in it is made again, each pair with a FULL initial sync of its volume.`,
          fix: 'If the move is intended, plan the initial syncs; otherwise revert the change.',
        },
      ],
    }),
    update: (transition) => ({ action: 'update', summary: transition.settingsChanged ? 'renamed in place: nothing is copied' : 'stored options only: nothing changes in SDRS' }),
  },
  REMOVAL_WORDS,
);

export const sdrsProtectionGroupReview: ReviewProfile = {
  reviewed: true,
  noun: NOUN,
  shape: 'site-link',
  words: sdrsProtectionGroupWords,
  naturalKey(spec) {
    const vpc = valueAt(spec, 'source_vpc_id');
    if (vpc === undefined) return undefined;
    return [valueAt(spec, 'connection.project_id') ?? null, valueAt(spec, 'source_availability_zone') ?? null, valueAt(spec, 'target_availability_zone') ?? null, vpc, valueAt(spec, 'owner') ?? valueAt(spec, 'name') ?? null];
  },
  view(spec) {
    const name = valueAt(spec, 'name');
    return { name: typeof name === 'string' ? name : undefined, source: text(valueAt(spec, 'source_availability_zone')), sourceSite: undefined, target: text(valueAt(spec, 'target_availability_zone')), rpoMinutes: null, seeded: false };
  },
  keepsReplica: () => null,
  facts: () => '',
  verdict,
  live: {
    async read(raw, session) {
      const { sdrsProtectionGroupHandler, readGroup } = await import('./handler');
      return readGroup(sdrsProtectionGroupHandler.parseSpec(raw, 'delete'), session.clients);
    },
    findings: (live, subject) => [...statusFindings(NOUN, live, subject), ...(live ? nameFindings(live, subject) : [])],
    fix: (kind, subject) => commonFix(kind, subject, 'creates it again (empty)'),
  },
};

/**
 * The review profile of `sdrs.protection`: a create starts the group's protection (its pairs replicate); a removal
 * stops it (data kept on both sites, no more replication). Live: protection stopped outside the code is drift.
 *
 * @api SDRS (the look-ups of ./handler.ts `readProtection`)
 */
import { valueAt, type FieldWords, type JsonObject, type ReviewProfile, type Verdict } from '../../review-profile';
import { forgetRisk, groupRefWords, orphanRisk, statusFindings, text, viewIn } from '../review-common';
import { kindVerdict, unprotectRisk, type RemovalWords } from '../../review-defaults';

export const sdrsProtectionWords: readonly FieldWords[] = groupRefWords('group');

const NOUN = 'protection';

function group(spec: JsonObject | undefined): string {
  return text(valueAt(spec, 'group.name'), text(valueAt(spec, 'group.id'), text(valueAt(spec, 'group.owner'))));
}

function removal(before: JsonObject | undefined): Verdict {
  return {
    action: 'delete',
    summary: `STOP protection of group ${group(before)}: its pairs stop replicating (data kept on both sites)`,
    risks: [unprotectRisk(`protection of group ${group(before)} is STOPPED: its pairs no longer replicate until protection is started again`, 'If the group is going away, nothing to do; otherwise keep the SdrsProtection construct.')],
  };
}

const REMOVAL_WORDS: RemovalWords = { noun: NOUN, removal, orphanRisk: orphanRisk(NOUN), forgetRisk: forgetRisk(NOUN) };

const verdict = kindVerdict(
  {
    create: (after) => ({ action: 'create', summary: `START protection of group ${group(after)}: its pairs replicate` }),
    replace: (transition) => ({ action: 'replace', summary: `stop + start protection of group ${group(transition.after)}` }),
    update: () => ({ action: 'update', summary: 'stored options only: nothing changes in SDRS' }),
  },
  REMOVAL_WORDS,
);

export const sdrsProtectionReview: ReviewProfile = {
  reviewed: true,
  noun: NOUN,
  shape: 'site-link',
  words: sdrsProtectionWords,
  naturalKey(spec) {
    const ref = valueAt(spec, 'group');
    return ref === undefined ? undefined : [valueAt(spec, 'connection.project_id') ?? null, ref, 'protection'];
  },
  view: (spec) => viewIn(spec, 'group', group(spec)),
  keepsReplica: () => null,
  facts: () => '',
  verdict,
  live: {
    async read(raw, session) {
      const { sdrsProtectionHandler, readProtection } = await import('./handler');
      return readProtection(sdrsProtectionHandler.parseSpec(raw, 'delete'), session.clients);
    },
    findings(live, subject) {
      const found = statusFindings('protection group', live, subject);
      if (live && subject.deployed && live.protected !== true) found.push({ kind: 'status', text: `protection is STOPPED (group ${text(live.group_id)} is ${text(live.status)}): its pairs do not replicate` });
      return found;
    },
    fix(kind, subject) {
      if (kind === 'status') return `\`terraform apply -replace=${subject.addresses[0]}\` starts it again, or find out who stopped it.`;
      if (kind === 'missing') return 'The protection group is gone: apply recreates the group and its pairs.';
      return '';
    },
  },
};

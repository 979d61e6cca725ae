/**
 * The review profile of `sdrs.replication-attachment`: attach a pair to a protected instance as a device; any
 * change detaches and attaches again (no data is copied); a removal detaches (pair and instance stay).
 *
 * @api SDRS (the look-ups of ./handler.ts `readAttachment`)
 */
import { formats, valueAt, type FieldWords, type JsonObject, type ReviewProfile, type Verdict } from '../../review-profile';
import { forgetRisk, groupRefWords, orphanRisk, statusFindings, text, viewIn } from '../review-common';
import { kindVerdict, type RemovalWords } from '../../review-defaults';

export const sdrsReplicationAttachmentWords: readonly FieldWords[] = [
  ...groupRefWords('instance.group'),
  { path: 'instance.server_id', label: 'production server', format: formats.plain },
  { path: 'pair.volume_id', label: 'production volume', format: formats.plain },
  { path: 'device', label: 'device', format: formats.plain },
];

const NOUN = 'attachment';

function what(spec: JsonObject | undefined): string {
  return `volume ${text(valueAt(spec, 'pair.volume_id'))} on server ${text(valueAt(spec, 'instance.server_id'))} as ${text(valueAt(spec, 'device'))}`;
}

function removal(before: JsonObject | undefined): Verdict {
  return { action: 'delete', summary: `detach ${what(before)}: the pair and the instance stay` };
}

const REMOVAL_WORDS: RemovalWords = { noun: NOUN, removal, orphanRisk: orphanRisk(NOUN), forgetRisk: forgetRisk(NOUN) };

const verdict = kindVerdict(
  {
    create: (after) => ({ action: 'create', summary: `attach ${what(after)}` }),
    replace: (transition) => ({ action: 'replace', summary: `detach + attach ${what(transition.after)}: no data is copied` }),
    update: () => ({ action: 'update', summary: 'stored options only: nothing changes in SDRS' }),
  },
  REMOVAL_WORDS,
);

export const sdrsReplicationAttachmentReview: ReviewProfile = {
  reviewed: true,
  noun: NOUN,
  shape: 'protected',
  words: sdrsReplicationAttachmentWords,
  naturalKey(spec) {
    const device = valueAt(spec, 'device');
    return device === undefined ? undefined : [valueAt(spec, 'connection.project_id') ?? null, valueAt(spec, 'instance') ?? null, valueAt(spec, 'pair') ?? null];
  },
  view: (spec) => viewIn(spec, 'instance.group', what(spec)),
  keepsReplica: () => null,
  facts: () => '',
  verdict,
  live: {
    async read(raw, session) {
      const { sdrsReplicationAttachmentHandler, readAttachment } = await import('./handler');
      return readAttachment(sdrsReplicationAttachmentHandler.parseSpec(raw, 'delete'), session.clients);
    },
    findings: (live, subject) => statusFindings(NOUN, live, subject),
    fix: (kind, subject) => (kind === 'missing' ? `\`terraform apply -replace=${subject.addresses[0]}\` attaches it again.` : ''),
  },
};

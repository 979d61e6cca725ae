/**
 * The review profile of `sdrs.replication-pair`: a create is the initial sync of the volume; a rename or an
 * expansion is in place; a shrink is refused (a risk: SDRS never shrinks); a change of production volume (or group) replaces the pair: a full sync of the new
 * volume; a delete keeps the DR-site volume and its data unless `on_delete.delete_target_volume` (then they are lost).
 * Live: a pair in an error status, or renamed outside the code, is drift.
 *
 * @api SDRS (the look-ups of ./handler.ts `readPair`)
 */
import { formats, valueAt, type FieldWords, type JsonObject, type ReviewProfile, type Risk, type Transition, type Verdict } from '../../review-profile';
import { commonFix, forgetRisk, groupRefWords, nameFindings, orphanRisk, statusFindings, text, viewIn } from '../review-common';
import { kindVerdict, replaceCause, unprotectRisk, type RemovalWords } from '../../review-defaults';
import { propOf } from '../../construct-props';

/** The construct props named in fixes, as the user writes them. */
const DELETE_TARGET_VOLUME = propOf('sdrs.replication-pair', 'on_delete.delete_target_volume');
const SIZE_GB = propOf('sdrs.replication-pair', 'size_gb');

export const sdrsReplicationPairWords: readonly FieldWords[] = [
  ...groupRefWords('group'),
  { path: 'volume_id', label: 'production volume', format: formats.plain },
  { path: 'name', label: 'name', format: formats.plain },
  { path: 'size_gb', label: 'size', format: formats.orDefault('(as is)'), unit: 'GB' },
  { path: 'on_delete.delete_target_volume', label: 'delete the DR-site volume on delete', format: formats.yesNo },
];

const NOUN = 'replication pair';

function deletesVolume(spec: JsonObject | undefined): boolean {
  return valueAt(spec, 'on_delete.delete_target_volume') === true;
}

function volume(spec: JsonObject | undefined): string {
  return text(valueAt(spec, 'volume_id'));
}

function dataLossRisk(how: 'delete' | 'replace'): Risk {
  return {
    class: 'data-loss',
    message: `DATA LOSS: ${how === 'replace' ? 'the old pair is deleted' : 'the pair is deleted'} with on_delete.delete_target_volume: true; its DR-site volume and the data on it are deleted.`,
    fix: `Unless dropping the DR copy is intended, set \`${DELETE_TARGET_VOLUME}: false\` (the default) and apply that first: the DR-site volume is then kept.`,
  };
}

function removal(before: JsonObject | undefined): Verdict {
  const unprotect = unprotectRisk(`the replication pair of volume ${pairName(before)} is deleted: the volume is no longer replicated to the DR site`, KEEP_PROTECTED);
  return deletesVolume(before)
    ? { action: 'delete', summary: `pair of volume ${volume(before)} deleted with its DR-site volume: DR data LOST`, risks: [dataLossRisk('delete'), unprotect] }
    : { action: 'delete', summary: `pair of volume ${volume(before)} deleted; its DR-site volume and data are KEPT`, risks: [unprotect] };
}

const KEEP_PROTECTED = 'If it must stay protected, put the construct back before applying; otherwise nothing to do.';

/** The pair as the code names it (its name), else its volume's id. */
function pairName(spec: JsonObject | undefined): string {
  return text(valueAt(spec, 'name'), volume(spec));
}

/** A smaller size than before: SDRS never shrinks, so the provider's plan (and the apply) refuse it (`blocked`). */
function shrink(before: JsonObject | undefined, after: JsonObject | undefined): Verdict | undefined {
  const from = valueAt(before, 'size_gb');
  const to = valueAt(after, 'size_gb');
  if (typeof from !== 'number' || typeof to !== 'number' || to >= from) return undefined;
  return {
    action: 'update',
    summary: `shrink of volume ${volume(after)} ${from} → ${to} GB REFUSED: SDRS only expands; the plan and the apply fail before any change`,
    risks: [
      {
        class: 'blocked',
        message: `SHRINK REFUSED: size_gb ${from} → ${to} GB for volume ${volume(after)}; SDRS never shrinks a volume, so this change cannot be applied.`,
        fix: `Set ${SIZE_GB} to at least ${from} (or leave it unset to keep the size as it is).`,
      },
    ],
  };
}

const REMOVAL_WORDS: RemovalWords = { noun: NOUN, removal, orphanRisk: orphanRisk(NOUN), forgetRisk: forgetRisk(NOUN) };

function replacement(transition: Extract<Transition, { event: 'replace' }>): Verdict {
  const resync: Risk = {
    class: 'resync',
    message: `FULL SYNC: the pair is deleted and made again (${replaceCause(transition, 'Terraform replaces the pair although no identity field changed (tainted, or -replace)')}); the whole volume is copied to the DR site again, with no DR copy until it completes.`,
    fix: 'If the change is intended, plan the initial sync (bandwidth, time); otherwise revert it.',
  };
  return { action: 'replace', summary: `delete + create replication pair of volume ${volume(transition.after)}: FULL SYNC`, risks: deletesVolume(transition.before) ? [resync, dataLossRisk('replace')] : [resync] };
}

const verdict = kindVerdict(
  {
    create: (after) => {
      const takeOver = valueAt(after, 'adopt') === true ? ' — or TAKES OVER an existing pair of this volume not created by this code (adopt: true)' : '';
      return { action: 'create', summary: `create replication pair: initial sync of volume ${volume(after)}${takeOver}` };
    },
    replace: replacement,
    update: (transition) =>
      shrink(transition.before, transition.after) ?? { action: 'update', summary: transition.settingsChanged ? 'renamed or expanded in place: no resync' : 'stored options only: nothing changes in SDRS' },
  },
  REMOVAL_WORDS,
);

export const sdrsReplicationPairReview: ReviewProfile = {
  reviewed: true,
  noun: NOUN,
  shape: 'protected',
  words: sdrsReplicationPairWords,
  naturalKey(spec) {
    const id = valueAt(spec, 'volume_id');
    return id === undefined ? undefined : [valueAt(spec, 'connection.project_id') ?? null, valueAt(spec, 'group') ?? null, id];
  },
  view: (spec) => viewIn(spec, 'group', pairName(spec)),
  keepsReplica: (spec) => !deletesVolume(spec),
  facts({ action, keepsReplica }) {
    if (action === 'delete' || action === 'replace') return keepsReplica === false ? 'DR volume deleted' : 'DR volume kept';
    return '';
  },
  verdict,
  live: {
    async read(raw, session) {
      const { sdrsReplicationPairHandler, readPair } = await import('./handler');
      return readPair(sdrsReplicationPairHandler.parseSpec(raw, 'delete'), session.clients);
    },
    findings: (live, subject) => [...statusFindings(NOUN, live, subject), ...(live ? nameFindings(live, subject) : [])],
    fix: (kind, subject) => commonFix(kind, subject, 'makes the pair again (an initial sync of the volume)'),
  },
};

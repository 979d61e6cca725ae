/**
 * The review profile of `sdrs.protected-instance`: a create protects the server (SDRS makes its DR-site server); a
 * rename is in place; a change of server, group or placement replaces it; a delete keeps the DR-site server (and
 * its EIP) unless `on_delete.delete_target_server` / `delete_target_eip`.
 *
 * @api SDRS (the look-ups of ./handler.ts `readInstance`)
 */
import { formats, valueAt, type FieldWords, type JsonObject, type ReviewProfile, type Risk, type Transition, type Verdict } from '../../review-profile';
import { commonFix, forgetRisk, groupRefWords, nameFindings, orphanRisk, statusFindings, text, viewIn } from '../review-common';
import { kindVerdict, replaceCause, unprotectRisk, type RemovalWords } from '../../review-defaults';
import { propOf } from '../../construct-props';

/** The construct prop that deletes the DR-site server on delete, as the user writes it. */
const DELETE_TARGET_SERVER = propOf('sdrs.protected-instance', 'on_delete.delete_target_server');

export const sdrsProtectedInstanceWords: readonly FieldWords[] = [
  ...groupRefWords('group'),
  { path: 'server_id', label: 'production server', format: formats.plain },
  { path: 'cluster_id', label: 'DSS cluster', format: formats.orDefault('(none)') },
  { path: 'primary_subnet_id', label: 'DR subnet', format: formats.orDefault('(production one)') },
  { path: 'primary_ip_address', label: 'DR IP address', format: formats.orDefault('(assigned)') },
  { path: 'flavor_ref', label: 'DR flavor', format: formats.orDefault('(production one)') },
  { path: 'name', label: 'name', format: formats.plain },
  { path: 'on_delete.delete_target_server', label: 'delete the DR-site server on delete', format: formats.yesNo },
  { path: 'on_delete.delete_target_eip', label: 'delete the DR-site EIP on delete', format: formats.yesNo },
];

const NOUN = 'protected instance';

function deletesServer(spec: JsonObject | undefined): boolean {
  return valueAt(spec, 'on_delete.delete_target_server') === true;
}

function server(spec: JsonObject | undefined): string {
  return text(valueAt(spec, 'server_id'));
}

function serverLossRisk(spec: JsonObject | undefined): Risk {
  const eip = valueAt(spec, 'on_delete.delete_target_eip') === true;
  return {
    class: 'data-loss',
    message: `DATA LOSS: the DR-site server of ${server(spec)}${eip ? ' and its EIP are' : ' is'} deleted (on_delete.delete_target_server: true).`,
    fix: `Unless dropping the DR-site server is intended, set \`${DELETE_TARGET_SERVER}: false\` (the default) and apply that first.`,
  };
}

function removal(before: JsonObject | undefined): Verdict {
  const unprotect = unprotectRisk(
    `the protection of server ${instanceName(before)} is removed`,
    'If it must stay protected, put the construct back before applying; otherwise nothing to do.',
  );
  return deletesServer(before)
    ? { action: 'delete', summary: `protection of server ${server(before)} removed with its DR-site server DELETED`, risks: [serverLossRisk(before), unprotect] }
    : { action: 'delete', summary: `protection of server ${server(before)} removed; its DR-site server is KEPT`, risks: [unprotect] };
}

/** The protected instance as the code names it (its name), else its server's id. */
function instanceName(spec: JsonObject | undefined): string {
  return text(valueAt(spec, 'name'), server(spec));
}

const REMOVAL_WORDS: RemovalWords = { noun: NOUN, removal, orphanRisk: orphanRisk(NOUN), forgetRisk: forgetRisk(NOUN) };

function replacement(transition: Extract<Transition, { event: 'replace' }>): Verdict {
  const risks: Risk[] = [{ class: 'resync', message: `NEW PROTECTED INSTANCE (${replaceCause(transition, 'tainted, or -replace')}): a new DR-site server is created and its disks attached again.`, fix: 'If intended, apply; otherwise revert the change.' }];
  return { action: 'replace', summary: `remove + protect server ${server(transition.after)} again`, risks: deletesServer(transition.before) ? [...risks, serverLossRisk(transition.before)] : risks };
}

const verdict = kindVerdict(
  {
    create: (after) => ({ action: 'create', summary: `protect server ${server(after)}: its DR-site server is created` }),
    replace: replacement,
    update: (transition) => ({ action: 'update', summary: transition.settingsChanged ? 'renamed in place' : 'stored options only: nothing changes in SDRS' }),
  },
  REMOVAL_WORDS,
);

export const sdrsProtectedInstanceReview: ReviewProfile = {
  reviewed: true,
  noun: NOUN,
  shape: 'protected',
  words: sdrsProtectedInstanceWords,
  naturalKey(spec) {
    const id = valueAt(spec, 'server_id');
    return id === undefined ? undefined : [valueAt(spec, 'connection.project_id') ?? null, valueAt(spec, 'group') ?? null, id];
  },
  view: (spec) => viewIn(spec, 'group', instanceName(spec)),
  keepsReplica: (spec) => !deletesServer(spec),
  facts({ action, keepsReplica }) {
    if (action === 'delete' || action === 'replace') return keepsReplica === false ? 'DR server deleted' : 'DR server kept';
    return '';
  },
  verdict,
  live: {
    async read(raw, session) {
      const { sdrsProtectedInstanceHandler, readInstance } = await import('./handler');
      return readInstance(sdrsProtectedInstanceHandler.parseSpec(raw, 'delete'), session.clients);
    },
    findings: (live, subject) => [...statusFindings(NOUN, live, subject), ...(live ? nameFindings(live, subject) : [])],
    fix: (kind, subject) => commonFix(kind, subject, 'protects the server again (a new DR-site server)'),
  },
};

/**
 * The review profile of `vr.pairing`: the link between two sites that carries the replications. It is looked up
 * (created only with a `create` block) and deleted only with `delete_on_destroy`: deleting it is the risk.
 *
 * @api VR (the look-ups of ../review-common.ts)
 */
import { fieldWording, formats, isObject, valueAt, type DriftFinding, type DriftKind, type FieldWords, type LiveSubject, type ReviewProfile, type Risk, type Transition, type Verdict } from '../../review-profile';
import { forgetRisk } from '../replication/review';
import { connectionWords, host, localSiteOf, pairingWords, siteOf, timeoutWords, vrLookups } from '../review-common';
import { vrPairingFields } from './schema';
import { propOf } from '../../construct-props';

/** The construct prop that deletes the pairing on destroy, as the user writes it. */
const DELETE_ON_DESTROY = propOf('vr.pairing', 'delete_on_destroy');

export const vrPairingWords: readonly FieldWords[] = [
  pairingWords,
  { path: 'create', label: 'create the pairing', format: (v) => (isObject(v) ? `yes (with ${formats.plain(v.remote_vc_id)})` : 'no') },
  { path: 'delete_on_destroy', label: 'delete the pairing on destroy', format: formats.yesNo },
  ...connectionWords,
  ...timeoutWords(['create', 'delete']),
];

export const vrPairingWording = fieldWording(vrPairingFields, vrPairingWords);

const ORPHAN_RISK: Risk = {
  class: 'orphan',
  message:
    'ORPHAN: the block was removed from the code, so Terraform drops it from the state WITHOUT running its delete hook: the pairing keeps running on the appliance and nothing manages it any more.',
  fix: `Put the block back and apply with \`${DELETE_ON_DESTROY}\` as intended before removing it, or add a \`removed\` block with a destroy-time \`local-exec\` provisioner (Terraform ≥ 1.9).`,
};

/** A `removed` block with `destroy = false` of a pairing that would delete it: forgotten, it stays (a pairing has no `retired`). */
const FORGET_RISK: Risk = {
  ...forgetRisk('pairing'),
  fix: 'Nothing to do if another stack or a person takes it over: the pairing stays on the appliance.',
};

/** A pairing deleted by the plan (`deleteOnDestroy`): the sites are no longer paired. */
function pairingDeleteRisk(source: string, target: string): Risk {
  return {
    class: 'data-loss',
    message: `PAIRING DELETED: the site pairing ${source} → ${target} is deleted (deleteOnDestroy): afterwards no VM can be replicated between ${source} and ${target} until the sites are paired again, which needs the remote site's SSO administrator; the delete fails while any replication (of this app or another) still uses the pairing.`,
    fix: `Unless the sites are being decommissioned, set \`${DELETE_ON_DESTROY}: false\` (the default) and apply that first: removing the pairing from the code then leaves it on the appliance.`,
  };
}

function deletes(spec: Parameters<typeof valueAt>[0]): boolean {
  return valueAt(spec, 'delete_on_destroy') === true;
}

function verdict(transition: Transition): Verdict {
  switch (transition.event) {
    case 'create':
      // A look-up only adds the pairing to the state: in DR terms nothing changes, so it is not counted as a creation.
      return isObject(valueAt(transition.after, 'create')) ? { action: 'create', summary: 'create the site pairing' } : { action: 'no-change', summary: 'look up the existing pairing: nothing is created' };
    case 'replace':
      return { action: 'replace', summary: 'looked up again: replications are not touched' };
    case 'update':
      return { action: 'update', summary: 'stored options only: nothing changes on the appliance' };
    case 'forget':
      return { action: 'forget', summary: 'forgotten by a removed block: the pairing stays on the appliance', risks: deletes(transition.before) ? [FORGET_RISK] : [] };
    case 'delete': {
      const { before } = transition;
      if (!deletes(before)) return { action: 'delete', summary: 'no longer managed: the pairing stays on the appliance (deleteOnDestroy is off)' };
      if (transition.hook === 'skipped') return { action: 'delete', summary: 'block removed from the code: the pairing is NOT deleted', risks: [ORPHAN_RISK] };
      return { action: 'delete', summary: 'DELETE the site pairing (deleteOnDestroy)', risks: [pairingDeleteRisk(host(valueAt(before, 'connection.endpoint')), siteOf(before))] };
    }
    default:
      // A pairing is never retired, and has no settings resource.
      return { action: 'no-change', summary: 'no change' };
  }
}

function findings(live: Parameters<typeof valueAt>[0], subject: LiveSubject): DriftFinding[] {
  if (!live) return subject.expected ? [{ kind: 'missing', text: `pairing to ${subject.target} not found on ${subject.source}` }] : [];
  const status = typeof live.status === 'string' ? live.status : 'UNKNOWN';
  return status === 'OK' ? [] : [{ kind: 'status', text: `remote site status is ${status}` }];
}

function fix(kind: DriftKind): string {
  if (kind === 'missing') return 'Recreate or re-pair the sites, then apply.';
  if (kind === 'status') return 'Check the sites and the pairing in vSphere Replication.';
  return '';
}

export const vrPairingReview: ReviewProfile = {
  reviewed: true,
  noun: 'pairing',
  shape: 'site-link',
  words: vrPairingWords,
  naturalKey: (spec) => valueAt(spec, 'pairing'),
  view(spec) {
    const site = siteOf(spec);
    return { name: site, source: host(valueAt(spec, 'connection.endpoint')), sourceSite: localSiteOf(spec), target: site, rpoMinutes: null, seeded: false };
  },
  keepsReplica: () => null,
  facts: () => '',
  verdict,
  live: {
    async read(raw, session) {
      const { vrPairingHandler, toState } = await import('./handler');
      const pairing = await vrLookups(session).pairingAt(vrPairingHandler.parseSpec(raw, 'read'));
      return pairing ? toState(pairing) : undefined;
    },
    findings,
    fix,
  },
};

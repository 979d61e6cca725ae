/** Words and symbols shared by the renderers, so the three formats say the same thing. */
import { RISK_CLASSES, type ReviewAction, type ReviewItem, type RiskClass } from './model';

export const ACTION_SYMBOL: Record<ReviewAction, string> = {
  create: '+',
  update: '~',
  replace: '-/+',
  delete: '-',
  forget: '.',
  'no-change': '=',
};

export const ACTION_WORD: Record<ReviewAction, string> = {
  create: 'create',
  update: 'update in place',
  replace: 'replace',
  delete: 'delete',
  forget: 'forget',
  'no-change': 'no change',
};

export const RISK_WORD: Record<RiskClass, string> = {
  resync: 'full resync',
  'data-loss': 'data loss',
  unprotect: 'protection removed',
  orphan: 'orphaned',
  drift: 'drifted',
  blocked: 'apply will stop',
  destroy: 'other resource destroyed',
};

/**
 * Most severe first: lost data, then VMs left without protection, then destroyed resources the review cannot judge,
 * then unmanaged objects, WAN load, applies that will stop, and drift.
 */
export const RISK_ORDER: readonly RiskClass[] = ['data-loss', 'unprotect', 'destroy', 'orphan', 'resync', 'blocked', 'drift'];

/** `web-01 → vc-b.example.local`, or for a site link `pairing vc-a → vc-b.example.local`. */
export function itemTitle(item: ReviewItem): string {
  return item.shape === 'site-link' ? `${item.noun} ${item.source} → ${item.target}` : `${item.name} → ${item.target}`;
}

/** A short line of facts in the kind's words (e.g. RPO, seeds, what a removal does with the replica). */
export function itemFacts(item: ReviewItem): string {
  return item.facts;
}

/** Severity rank of an item's worst risk (lower = worse); items without risk last. */
export function severity(item: ReviewItem): number {
  const ranks = item.risks.map((risk) => RISK_ORDER.indexOf(risk.class));
  return ranks.length === 0 ? RISK_ORDER.length : Math.min(...ranks);
}

/** `1 to create, 2 to update in place, …` */
export function planLine(counts: Record<ReviewAction, number>): string {
  return `${counts.create} to create, ${counts.update} to update in place, ${counts.replace} to replace, ${counts.delete} to delete, ${counts.forget} to forget, ${counts['no-change']} unchanged`;
}

/** `1 full resync, 0 data loss, …`, every class in RISK_CLASSES order. */
export function riskLine(counts: Record<RiskClass, number>): string {
  return RISK_CLASSES.map((risk) => `${counts[risk]} ${RISK_WORD[risk]}`).join(', ');
}

/**
 * The review's data model: what `repliform review` says about each managed replication and pairing.
 * Built by classify.ts (from the plan) and drift.ts (from the live objects); rendered by render-*.ts.
 * Free of imports so that every renderer can load it cheaply.
 */

/** What applying the plan does to one managed object, in DR terms. */
export type ReviewAction = 'create' | 'update' | 'replace' | 'delete' | 'forget' | 'no-change';

/** The dangerous cases `--fail-on` can select. */
export const RISK_CLASSES = ['resync', 'data-loss', 'orphan', 'drift'] as const;
export type RiskClass = (typeof RISK_CLASSES)[number];

/** The managed kinds a review knows. */
export type ReviewKind = 'vr.replication' | 'vr.pairing';

/** A JSON value as found in a plan. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/** One field-level difference, in words (`RPO 15 → 5 min`). */
export interface FieldChange {
  /** The spec path, e.g. `settings.rpo_minutes`. */
  readonly field: string;
  readonly from: Json;
  readonly to: Json;
  /** The difference in words, e.g. `RPO 15 → 5 min`. */
  readonly text: string;
  /** `replace`: part of the identity (a new replication); `in-place`: settings and options. */
  readonly effect: 'in-place' | 'replace';
}

/** A dangerous case, with the fix to apply. */
export interface Risk {
  readonly class: RiskClass;
  readonly message: string;
  readonly fix: string;
}

/**
 * What the live object looks like next to the code (`--live`). `unmanaged`: a replication on a pairing the
 * app uses that no construct of the app declares (an orphan).
 */
export type DriftKind = 'missing' | 'paused' | 'error' | 'rpo-violation' | 'settings' | 'status' | 'exists' | 'unreadable' | 'unmanaged';

export interface DriftFinding {
  readonly kind: DriftKind;
  readonly text: string;
}

export interface LiveView {
  /** `in-sync`: as the code says; `drifted`: see findings; `absent`: not there, as the plan expects; `unreadable`: the read failed. */
  readonly status: 'in-sync' | 'drifted' | 'absent' | 'unreadable';
  readonly findings: readonly DriftFinding[];
  /** The live replication's or pairing's id, when found. */
  readonly id: string | null;
}

/** One managed replication or pairing of one stack. */
export interface ReviewItem {
  /** `<stack>/<kind>/<name>`: stable across runs. */
  readonly id: string;
  readonly stack: string;
  readonly kind: ReviewKind;
  /** The VM (replications) or the remote site (pairings). */
  readonly name: string;
  /** The local site: the VR appliance's host. For a name that is the same from both sides, see {@link sourceSiteOf}. */
  readonly source: string;
  /** The remote site (the pairing's remote site name or id). */
  readonly target: string;
  readonly action: ReviewAction;
  /** The action in one line of DR terms, e.g. `settings only, reconfigured in place: no resync`. */
  readonly summary: string;
  /** True when the removal comes from `retired: true` (the supported way). */
  readonly retire: boolean;
  readonly changes: readonly FieldChange[];
  readonly risks: readonly Risk[];
  /** The RPO after the plan (before it, for removals); null for pairings. */
  readonly rpoMinutes: number | null;
  /** Whether configure reuses pre-copied disks (seeds mode other than `none`). */
  readonly seeded: boolean;
  /** Whether a removal keeps the replica disks; null for pairings. */
  readonly retainReplicaDisks: boolean | null;
  /** The Terraform addresses behind the item (identity first). */
  readonly addresses: readonly string[];
  /** Present with `--live`. */
  readonly live?: LiveView;
  /**
   * The specs behind the item, for the live check: `deployed` is what the state holds (before the plan),
   * `code` what the plan applies. Internal: never rendered.
   */
  readonly specs?: { readonly deployed?: JsonObject; readonly code?: JsonObject; readonly settingsAddress?: string };
}

/** The whole review: every item of every stack, and what could not be read. */
export interface Review {
  readonly stacks: readonly string[];
  readonly items: readonly ReviewItem[];
  readonly errors: readonly string[];
  readonly live: boolean;
}

/** Items whose action is not `no-change`. */
export function changedItems(review: Review): ReviewItem[] {
  return review.items.filter((item) => item.action !== 'no-change');
}

/** Number of items carrying each risk class. */
export function riskCounts(items: readonly ReviewItem[]): Record<RiskClass, number> {
  const counts: Record<RiskClass, number> = { resync: 0, 'data-loss': 0, orphan: 0, drift: 0 };
  for (const item of items) for (const risk of new Set(item.risks.map((r) => r.class))) counts[risk] += 1;
  return counts;
}

/** Number of items per action. */
export function actionCounts(items: readonly ReviewItem[]): Record<ReviewAction, number> {
  const counts: Record<ReviewAction, number> = { create: 0, update: 0, replace: 0, delete: 0, forget: 0, 'no-change': 0 };
  for (const item of items) counts[item.action] += 1;
  return counts;
}

/**
 * The local site's stable name: the `connection.local_site` of the item's spec (VrPairing `localSite`,
 * the local vCenter's name, as the other site's `remoteSite` names it), else the appliance host. With
 * `localSite` set on both sides, site A is one name whether it is a source or a target.
 */
export function sourceSiteOf(item: ReviewItem): string {
  for (const spec of [item.specs?.code, item.specs?.deployed]) {
    const connection = spec?.connection;
    if (connection !== null && typeof connection === 'object' && !Array.isArray(connection)) {
      const site = connection.local_site;
      if (typeof site === 'string' && site.length > 0) return site;
    }
  }
  return item.source;
}

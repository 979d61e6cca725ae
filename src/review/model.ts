/**
 * The review's data model: what `repliform review` says about each managed object, whatever its kind.
 * Built by classify.ts (from the plan) and drift.ts (from the live objects), with each kind's review profile;
 * rendered by render-*.ts. Imports only types and the risk classes, so that every renderer can load it cheaply.
 */

export { RISK_CLASSES, type FieldChange, type Json, type JsonObject, type ReviewAction, type Risk, type RiskClass } from '../resources/review-profile';
import type { DriftFinding, FieldChange, JsonObject, ReviewAction, Risk, RiskClass, Shape } from '../resources/review-profile';
export type { DriftFinding, DriftKind } from '../resources/review-profile';

export interface LiveView {
  /** `in-sync`: as the code says; `drifted`: see findings; `absent`: not there, as the plan expects; `unreadable`: the read failed. */
  readonly status: 'in-sync' | 'drifted' | 'absent' | 'unreadable';
  readonly findings: readonly DriftFinding[];
  /** The live object's id, when found. */
  readonly id: string | null;
}

/** One managed object of one stack. */
export interface ReviewItem {
  /** `<stack>/<kind>/<name>`: stable across runs. */
  readonly id: string;
  readonly stack: string;
  /** The kind, e.g. `vr.replication`. */
  readonly kind: string;
  /** The object in sentences (`replication`), and how it shows (see the kind's review profile). */
  readonly noun: string;
  readonly shape: Shape;
  /** The protected object's name (a VM), or for a site link its remote site. */
  readonly name: string;
  /** Where it is managed from: the appliance's host. For a name that is the same from both sides, see {@link sourceSiteOf}. */
  readonly source: string;
  /** The source site's stable name (the spec's, else `source`). */
  readonly sourceSite: string;
  /** The site it is protected to. */
  readonly target: string;
  readonly action: ReviewAction;
  /** The action in one line of DR terms, e.g. `settings only, reconfigured in place: no resync`. */
  readonly summary: string;
  /** True when the removal comes from `retired: true` (the supported way). */
  readonly retire: boolean;
  readonly changes: readonly FieldChange[];
  readonly risks: readonly Risk[];
  /** The RPO after the plan (before it, for removals); null when the kind has none. */
  readonly rpoMinutes: number | null;
  /** Whether creating it reuses data already on the target (no initial full sync). */
  readonly seeded: boolean;
  /** Whether a removal keeps the replicated data; null when the kind has none. */
  readonly retainReplicaDisks: boolean | null;
  /** The short facts shown next to its name, in the kind's words (`RPO 15 min, seeded`); '' for none. */
  readonly facts: string;
  /** The Terraform addresses behind the item (identity first). */
  readonly addresses: readonly string[];
  /** The id an `import {}` block adopts (provider backing); absent when not importing. */
  readonly importing?: string;
  /** Present with `--live`. */
  readonly live?: LiveView;
  /**
   * The specs behind the item, for the live check: `deployed` is what the state holds (before the plan),
   * `code` what the plan applies. Internal: never rendered.
   */
  readonly specs?: {
    readonly deployed?: JsonObject;
    readonly code?: JsonObject;
    readonly settingsAddress?: string;
    /** Why the live object cannot be read from the plan (e.g. its connection is not in it). */
    readonly unreadable?: string;
  };
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
 * The source site's stable name: the one the kind's profile read from the item's spec (VR: the pairing's
 * `localSite`, as the other site's pairing names it), else where it is managed from. With a stable name set on
 * both sides, a site is one name whether it is a source or a target.
 */
export function sourceSiteOf(item: ReviewItem): string {
  return item.sourceSite;
}

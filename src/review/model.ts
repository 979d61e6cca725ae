/**
 * The review's data model: what `repliform review` says about each managed object, whatever its kind.
 * Built by classify.ts (from the plan) and drift.ts (from the live objects), with each kind's review profile;
 * rendered by render-*.ts. Imports only types and the risk classes, so that every renderer can load it cheaply.
 */

export { RISK_CLASSES, type FieldChange, type Json, type JsonObject, type ReviewAction, type Risk, type RiskClass } from '../resources/review-profile';
import { RISK_CLASSES, type DriftFinding, type FieldChange, type JsonObject, type ReviewAction, type Risk, type RiskClass, type Shape } from '../resources/review-profile';
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
  /**
   * What the plan's own refresh found changed outside Terraform (its `resource_drift`: paused, in error, a setting
   * changed by hand, deleted); empty when the plan shows none. Each also makes a `drift` risk.
   */
  readonly drift: readonly DriftFinding[];
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
    /** The object as the plan's refresh read it when it found drift (null: deleted outside Terraform). */
    readonly refreshed?: JsonObject | null;
  };
}

/**
 * A change of a resource that is not one of repliform's objects (another provider's, Terraform's own
 * `terraform_data` or `null_resource` that runs no repliform lifecycle): listed so that nothing the plan does is
 * hidden, with a `destroy` risk when it is deleted or replaced.
 */
export interface OtherChange {
  readonly stack: string;
  readonly address: string;
  /** The resource type, e.g. `terraform_data`, `aws_instance`. */
  readonly type: string;
  /** Terraform's actions: `['delete']`, `['delete','create']`, `['update']`, `['read']`… (never only `no-op`). */
  readonly actions: readonly string[];
  readonly action: ReviewAction;
  /** Why, in Terraform's words: its `action_reason` and the attributes that force a replacement (`replace_paths`). */
  readonly reasons: readonly string[];
  /** An `import {}` block adopts it: the id it imports. */
  readonly importing?: string;
  readonly risks: readonly Risk[];
}

/**
 * `--live`: an object at a place the app uses (a pairing) that no construct of the app declares and that is not this
 * app's (its owner, from this machine's records or the object's description marker, is another stack's, or unknown).
 * Not an orphan of this app: listed, never a risk.
 */
export interface ForeignObject {
  /** The stack whose place it was found at. */
  readonly stack: string;
  readonly kind: string;
  readonly noun: string;
  readonly name: string;
  readonly source: string;
  readonly target: string;
  /** Its owner (`<stack>/<construct path>`), or null when nothing records one. */
  readonly owner: string | null;
  readonly liveId: string;
}

/** One stack's plan as Terraform would list it: one line per resource that changes or drifted (for a folded "raw plan"). */
export interface RawPlan {
  readonly stack: string;
  /** Where the plan came from (its file, or `terraform plan` of a synthesized stack). */
  readonly source: string;
  /** `# terraform_data.unrelated will be destroyed (delete_because_no_resource_config)`, … */
  readonly lines: readonly string[];
}

/** The whole review: every item of every stack, and what could not be read. */
export interface Review {
  readonly stacks: readonly string[];
  readonly items: readonly ReviewItem[];
  /** Every change of the plans that is not a repliform object's, in plan order per stack. */
  readonly others: readonly OtherChange[];
  /**
   * Whether applying the plans changes anything, repliform's or not (Terraform's `applyable`, i.e. what
   * `terraform plan -detailed-exitcode` exits 2 on).
   */
  readonly changes: boolean;
  /** Each stack's plan, line by line. */
  readonly raw: readonly RawPlan[];
  /** `--live`: objects of other owners (or of no known owner) at the app's places; empty without `--live`. */
  readonly foreign: readonly ForeignObject[];
  readonly errors: readonly string[];
  readonly live: boolean;
}

/** Items whose action is not `no-change`. */
export function changedItems(review: Review): ReviewItem[] {
  return review.items.filter((item) => item.action !== 'no-change');
}

/** Number of items (or other changes) carrying each risk class. */
export function riskCounts(items: readonly { readonly risks: readonly Risk[] }[]): Record<RiskClass, number> {
  const counts = Object.fromEntries(RISK_CLASSES.map((risk) => [risk, 0])) as Record<RiskClass, number>;
  for (const item of items) for (const risk of new Set(item.risks.map((r) => r.class))) counts[risk] += 1;
  return counts;
}

/** Number of items and other changes carrying each risk class: the whole plan's. */
export function reviewRiskCounts(review: Review): Record<RiskClass, number> {
  return riskCounts([...review.items, ...review.others]);
}

/** Number of items (or other changes) per action. */
export function actionCounts(items: readonly { readonly action: ReviewAction }[]): Record<ReviewAction, number> {
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

/**
 * A kind's review profile: everything vendor-specific that `repliform review` needs to know about a kind, so that
 * the review pipeline (src/review: plan reader, classifier, drift, renderers) stays vendor-neutral.
 *
 * The pipeline finds a kind's lifecycle resources in a plan (the lifecycle command names the kind), pairs its
 * identity and settings resources, and reads Terraform's actions into a {@link Transition} (create, replace,
 * retire, delete with or without its hook, forget, update, none). The profile says what that means for the kind
 * (a replace is a full resync unless seeded; a delete keeps or drops the replica), how its object is named and
 * where it lives, the reviewer's words for each field (`RPO 15 → 5 min`), which live states are drift, and how
 * its live object is read for `--live`. Identity vs settings is not restated here: it comes from the kind's
 * {@link KindFields}.
 *
 * Everything works on JSON: specs as a plan holds them (defaults not always applied, values unknown until apply
 * left out), live objects as the handler's `read` returns them.
 */
import type { ClientFactory, KindFields, OwnershipRecords } from './contract';
import type { ZodTypeAny } from 'zod';
import { diffAt } from './core/diff';
import { valueAt, type Json, type JsonObject } from './core/json';

export { isObject, sameJson, valueAt, type Json, type JsonObject } from './core/json';

/** What applying the plan does to one managed object, in DR terms. */
export type ReviewAction = 'create' | 'update' | 'replace' | 'delete' | 'forget' | 'no-change';

/**
 * The dangerous cases `--fail-on` can select. `resync`: every disk copied again; `data-loss`: replicated data
 * deleted; `unprotect`: an object loses its DR protection (a replication removed, protection stopped); `orphan`: an
 * object left running with nothing managing it; `drift`: the live object differs from what was deployed; `blocked`:
 * the apply will refuse the change or stop half-way; `destroy`: a resource that is not repliform's is destroyed or
 * replaced.
 */
export const RISK_CLASSES = ['resync', 'data-loss', 'unprotect', 'orphan', 'drift', 'blocked', 'destroy'] as const;
export type RiskClass = (typeof RISK_CLASSES)[number];

/** A dangerous case, with the fix to apply. */
export interface Risk {
  readonly class: RiskClass;
  readonly message: string;
  readonly fix: string;
}

/** One field-level difference, in words (`RPO 15 → 5 min`). */
export interface FieldChange {
  /** The spec path, e.g. `settings.rpo_minutes`. */
  readonly field: string;
  readonly from: Json;
  readonly to: Json;
  /** The difference in words, e.g. `RPO 15 → 5 min`. */
  readonly text: string;
  /** `replace`: part of the identity (a new object); `in-place`: settings and options. */
  readonly effect: 'in-place' | 'replace';
  /** True when the apply puts back a value changed outside the code (the plan's refresh read it): not the change's own. */
  readonly reverts?: true;
}

// ---------------------------------------------------------------------------------------------------------------
// Field words: the differences core/diff finds between two specs, in a reviewer's words.

/** A value in a reviewer's words. */
export type Format = (value: Json | undefined) => string;

/** The reviewer's words for one spec field (a dotted path). */
export interface FieldWords {
  readonly path: string;
  readonly label: string;
  readonly format: Format;
  /** Appended after the new value, e.g. `min`. */
  readonly unit?: string;
}

const plain: Format = (v) => (v === undefined || v === null ? '(none)' : typeof v === 'string' ? v : JSON.stringify(v));

/** Formats most kinds need. */
export const formats = {
  plain,
  onOff: ((v) => (v === true ? 'on' : 'off')) satisfies Format,
  yesNo: ((v) => (v === true ? 'yes' : 'no')) satisfies Format,
  orDefault: (fallback: string): Format => (v) => (v === undefined || v === null ? fallback : plain(v)),
  /** Seconds shown as minutes. */
  minutes: ((v) => (typeof v === 'number' ? String(Math.round(v / 6) / 10) : plain(v))) satisfies Format,
  list: ((v) => (Array.isArray(v) && v.length > 0 ? v.map((item) => plain(item)).join(', ') : '(none)')) satisfies Format,
};

/** A kind's field words with its identity fields: compares specs and words their differences. */
export interface FieldWording {
  /** Differences between two specs, in the order of the words; fields without words are not compared. */
  changes(before: JsonObject | undefined, after: JsonObject | undefined): FieldChange[];
  /** One field's value in words, e.g. `RPO 15 min`. */
  text(path: string, value: Json | undefined): string;
}

export function fieldWording(fields: KindFields, words: readonly FieldWords[]): FieldWording {
  const identity = new Set(fields.identity);
  const effectOf = (path: string): FieldChange['effect'] => (identity.has(path.split('.')[0] ?? path) ? 'replace' : 'in-place');
  const unitOf = (rule: FieldWords): string => (rule.unit ? ` ${rule.unit}` : '');
  const ruleFor = (path: string): FieldWords | undefined => words.find((candidate) => candidate.path === path);
  return {
    changes(before, after) {
      return words.flatMap((rule) =>
        diffAt([rule.path], before, after).map(({ field, from, to }) => {
          const text = `${rule.label} ${rule.format(from)} → ${rule.format(to)}${unitOf(rule)}`;
          return { field, from: from ?? null, to: to ?? null, text, effect: effectOf(field) };
        }),
      );
    },
    text(path, value) {
      const rule = ruleFor(path);
      return rule ? `${rule.label} ${rule.format(value)}${unitOf(rule)}` : `${path} ${formats.plain(value)}`;
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// The plan side: what Terraform does to an object, and what the kind says it means.

/** The identity resource Terraform replaces, for the kind to say why (tainted, `-replace`, a trigger). */
export interface ReplacedResource {
  readonly address: string;
  /** `provider`: a resource of the native provider (replaced because an identity attribute changed). */
  readonly backing: 'terraform_data' | 'null_resource' | 'provider';
  /** Terraform's `action_reason`, e.g. `replace_because_tainted`. */
  readonly reason: string | undefined;
}

/**
 * What Terraform does to one object, read by the pipeline from its lifecycle resources. `before` is the spec
 * deployed, `after` the spec the plan applies (undefined where the plan has none). `ensure: absent` (a retired
 * construct) is the pipeline's business: `retire`, `ensure-absent` and `delete` with `nothing-left` come from it.
 */
export type Transition =
  /** A new object (also a retired construct declared again). */
  | { readonly event: 'create'; readonly after: JsonObject | undefined }
  /** The identity is replaced: the old object is removed and a new one made. */
  | { readonly event: 'replace'; readonly before: JsonObject | undefined; readonly after: JsonObject | undefined; readonly changes: readonly FieldChange[]; readonly replaced: ReplacedResource }
  /** The construct is retired: its object is removed by this apply. */
  | { readonly event: 'retire'; readonly before: JsonObject | undefined; readonly after: JsonObject | undefined }
  /** A construct created retired: it makes sure no object exists. */
  | { readonly event: 'ensure-absent' }
  /**
   * The resource leaves the state. `runs`: its delete hook runs; `skipped`: its block was removed from the code
   * and no `removed` block runs the hook (Terraform drops it without deleting anything); `nothing-left`: it was
   * retired already.
   */
  | { readonly event: 'delete'; readonly before: JsonObject | undefined; readonly hook: 'runs' | 'skipped' | 'nothing-left' }
  /** A `removed` block with `destroy = false`: forgotten, the object stays. */
  | { readonly event: 'forget'; readonly before: JsonObject | undefined }
  /** Only the settings resource (`settingsChanged`) or stored options of the identity change. */
  | { readonly event: 'update'; readonly before: JsonObject | undefined; readonly after: JsonObject | undefined; readonly settingsChanged: boolean }
  /** Nothing runs. `retired`: the construct is retired and its object gone. */
  | { readonly event: 'none'; readonly retired: boolean };

/** What a transition means for the kind: the review's action, in one line of DR terms, and its risks. */
export interface Verdict {
  readonly action: ReviewAction;
  readonly summary: string;
  readonly risks?: readonly Risk[];
}

/** Who the object is and where it lives, read from one spec. */
export interface ObjectView {
  /** The object's name (a VM); undefined when the spec does not name it (the construct's id is used). */
  readonly name: string | undefined;
  /** Where it is managed from (the appliance's host). */
  readonly source: string;
  /** The source site's stable name, when the spec states one (else `source` stands for it). */
  readonly sourceSite: string | undefined;
  /** The site it is protected to. */
  readonly target: string;
  /** The recovery point objective, when the kind has one. */
  readonly rpoMinutes: number | null;
  /** Whether creating it reuses data already on the target (no initial full sync). */
  readonly seeded: boolean;
}

// ---------------------------------------------------------------------------------------------------------------
// The live side (`--live`).

/**
 * What the live object looks like next to the code. `exists`: a create meets an object it will take up (not drift);
 * `conflict`: a create meets an object the apply will refuse to take over (a `blocked` risk, not drift);
 * `unmanaged`: an object at a place the app uses that no construct declares and that this app owns (an orphan);
 * `foreign`: such an object owned by someone else, or by no one known (not this app's: no risk).
 */
export type DriftKind = 'missing' | 'paused' | 'error' | 'rpo-violation' | 'settings' | 'status' | 'exists' | 'conflict' | 'unreadable' | 'unmanaged' | 'foreign';

export interface DriftFinding {
  readonly kind: DriftKind;
  readonly text: string;
}

/**
 * Settings that differ between what was deployed and the live object, one finding per change (code → live).
 * A setting the live object does not report (absent) is unknown, not drift.
 */
export function settingsDrift(wording: FieldWording, deployed: JsonObject | undefined, live: JsonObject): DriftFinding[] {
  const changed = wording.changes({ settings: valueAt(deployed, 'settings') ?? null }, { settings: valueAt(live, 'settings') ?? null });
  return changed
    .filter((change) => valueAt(live, change.field) !== undefined)
    .map((change) => ({ kind: 'settings', text: `changed outside the code: ${change.text} (code → live)` }));
}

/** The fix of an RPO violation, whatever the vendor: the cause is the link or the change rate, not the code. */
export const RPO_VIOLATION_FIX = 'Check the link and the change rate between the sites, or raise the RPO in the code.';

/** What one `--live` run shares across every kind: one client per connection (and whatever a vendor memoises on it). */
export interface LiveSession {
  readonly clients: ClientFactory;
  /** This machine's records of who created which object (REPLIFORM_CACHE_DIR), when it keeps them. */
  readonly ownership?: OwnershipRecords;
}

/** A value made once per live session (e.g. a vendor's memoised look-ups, shared by its kinds). */
export function perSession<T>(create: (session: LiveSession) => T): (session: LiveSession) => T {
  const made = new WeakMap<LiveSession, T>();
  return (session) => {
    const found = made.get(session);
    if (found !== undefined) return found;
    const value = create(session);
    made.set(session, value);
    return value;
  };
}

/** The object as the review shows it, for live findings and fixes. */
export interface LiveSubject {
  readonly name: string;
  readonly source: string;
  readonly target: string;
  /** The spec Terraform deployed (undefined: not deployed yet). */
  readonly deployed: JsonObject | undefined;
  /** The spec the plan applies. */
  readonly code: JsonObject | undefined;
  /** True when the object should exist now (deployed, not retired). */
  readonly expected: boolean;
  /** The Terraform addresses behind it, identity first; and its settings resource's, if any. */
  readonly addresses: readonly string[];
  readonly settingsAddress: string | undefined;
}

/** An object found live that no construct declares. */
export interface UnmanagedObject {
  readonly name: string;
  readonly target: string;
  readonly liveId: string;
  readonly rpoMinutes: number | null;
  readonly summary: string;
  readonly finding: string;
  readonly risk: Risk;
}

/** How the kind's objects at a place are listed, to report those no construct declares. */
export interface InventoryProfile {
  /** The place one listing covers (appliance, user, …) named by a spec of any kind; undefined when it names none. */
  placeOf(spec: JsonObject): string | undefined;
  /** Every live object at the spec's place; undefined when there is no such place. */
  list(spec: JsonObject, session: LiveSession): Promise<readonly unknown[] | undefined>;
  /** The keys a declared spec of this kind is known by at its place. */
  declaredKeys(spec: JsonObject): string[];
  /** A live object's unique key and the keys a declaration of it would have (`place` is the spec listed). */
  liveKeys(live: JsonObject, place: JsonObject): { readonly unique: string; readonly declared: readonly string[] };
  /** The unmanaged object in the review's words; `source` is where it was listed. */
  describe(live: JsonObject, source: string): UnmanagedObject;
}

export interface LiveProfile {
  /** Reads the live object the spec names (as the handler's `read` does); undefined = it does not exist. */
  read(spec: JsonObject, session: LiveSession): Promise<unknown>;
  /** What the live object (undefined: absent) says next to the code; `exists` findings are not drift. */
  findings(live: JsonObject | undefined, subject: LiveSubject): DriftFinding[];
  /** How to fix one kind of drift ('' when there is nothing to say). */
  fix(kind: DriftKind, subject: LiveSubject): string;
  /** The kind's objects listed per place, to find the unmanaged ones. */
  readonly inventory?: InventoryProfile;
}

// ---------------------------------------------------------------------------------------------------------------

/**
 * How the object shows in a report. `protected`: a named object replicated from a source site to a target site
 * (an edge of the site picture, with facts such as its RPO). `site-link`: the link between two sites that carries
 * the protected objects (named by its sites, not drawn as an edge).
 */
export type Shape = 'protected' | 'site-link';

export interface ReviewProfile {
  readonly reviewed: true;
  /** The object in sentences: `replication`, `pairing`. */
  readonly noun: string;
  readonly shape: Shape;
  /** The reviewer's words for the spec fields, identity first; the effect of each comes from the kind's fields. */
  readonly words: readonly FieldWords[];
  /** The object's natural key in a spec (pairs its identity and settings resources); undefined when not named. */
  naturalKey(spec: JsonObject): Json | undefined;
  /** Who the object is and where it lives. */
  view(spec: JsonObject | undefined): ObjectView;
  /** What a delete does with the replicated data: true keeps it, false drops it, null when the kind has none. */
  keepsReplica(spec: JsonObject | undefined): boolean | null;
  /** The short facts about the object shown next to its name ('' for none), e.g. `RPO 15 min, seeded`. */
  facts(fact: { readonly action: ReviewAction; readonly rpoMinutes: number | null; readonly seeded: boolean; readonly keepsReplica: boolean | null }): string;
  /** What a transition means for the kind. `changes` are added by the pipeline. */
  verdict(transition: Transition): Verdict;
  /** The live side; without it, `--live` leaves the kind's objects unread. */
  readonly live?: LiveProfile;
}

/** A kind whose resources the review leaves out (e.g. a sync request: it changes no protection). */
export interface NotReviewed {
  readonly reviewed: false;
  /** Why, for the reader of the code. */
  readonly why: string;
}

export function notReviewed(why: string): NotReviewed {
  return { reviewed: false, why };
}

/** A kind as the review reads it: its fields (identity vs settings) and its profile. */
export type ReviewKind =
  | { readonly kind: string; readonly fields: KindFields; readonly review: ReviewProfile; readonly spec: ZodTypeAny }
  | { readonly kind: string; readonly review: NotReviewed };

/** Every kind the review knows, by kind name. */
export type ReviewCatalogue = ReadonlyMap<string, ReviewKind>;

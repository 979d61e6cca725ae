/**
 * Classifies the lifecycle resources of a plan into one review item per managed object, whatever its kind.
 *
 * An object of a kind with settings is two resources: the identity (create / delete) and the settings (update in
 * place). They are grouped by the object's natural key (the kind's profile reads it from the spec), or by their
 * construct path when a spec is unknown until apply (null_resource settings). Terraform's actions then make one
 * {@link Transition}: identity replaced → replace; replaced because `ensure: absent` appeared → retire; only
 * settings changed → update; identity deleted with its block gone → a delete whose hook is skipped; `forget` →
 * forget. What that means for the object (a full resync, replica kept or dropped, an orphan) is the kind's
 * profile's verdict; the field differences are worded with the profile's words and the kind's fields.
 */
import { fieldWording, sameJson, valueAt, type FieldChange, type FieldWording, type JsonObject, type ReviewCatalogue, type ReviewProfile, type Transition } from '../resources/review-profile';
import type { Json, ReviewItem } from './model';
import { isObject, type LifecycleChange } from './plan-reader';

export interface ClassifyOptions {
  /**
   * Addresses covered by a `removed` block that runs a destroy-time provisioner (read from cdk.tf.json
   * with --synth-dir; the plan JSON does not show removed blocks): their delete hook does run.
   */
  readonly removedWithHook?: ReadonlySet<string>;
  /** The kinds and their review profiles (every kind of the registry: loadReviewCatalogue). */
  readonly catalogue: ReviewCatalogue;
}

/** One object: its identity resource and its settings resources. */
interface Group {
  readonly kind: string;
  identity: LifecycleChange | undefined;
  readonly settings: LifecycleChange[];
}

/** A reviewed kind, ready to classify. */
interface Reviewed {
  readonly kind: string;
  readonly profile: ReviewProfile;
  readonly wording: FieldWording;
  readonly settingsFields: readonly string[];
}

type TfAction = 'create' | 'update' | 'replace' | 'delete' | 'forget' | 'no-op';

function tfAction(change: LifecycleChange | undefined): TfAction {
  const actions = change?.actions ?? [];
  if (actions.includes('delete') && actions.includes('create')) return 'replace';
  for (const action of ['create', 'update', 'delete', 'forget'] as const) if (actions.includes(action)) return action;
  return 'no-op';
}

function reviewedKinds(catalogue: ReviewCatalogue): Map<string, Reviewed> {
  const kinds = new Map<string, Reviewed>();
  for (const entry of catalogue.values()) {
    if (!('fields' in entry)) continue;
    kinds.set(entry.kind, { kind: entry.kind, profile: entry.review, wording: fieldWording(entry.fields, entry.review.words), settingsFields: entry.fields.settings });
  }
  return kinds;
}

function specKey(stack: string, kind: Reviewed | undefined, spec: JsonObject | undefined): string | undefined {
  const key = spec && kind ? kind.profile.naturalKey(spec) : undefined;
  return key === undefined ? undefined : JSON.stringify([stack, kind?.kind ?? null, key]);
}

/** `terraform_data.web-01_settings_6BFEF85A` → `web-01` (CDKTF's logical id of the construct). */
function stem(address: string): string {
  return address.replace(/^(null_resource|terraform_data|repliform_[a-z0-9_]+)\./, '').replace(/_[A-Za-z0-9-]+_[0-9A-Fa-f]{8}$/, '');
}

/** Groups identities and settings resources; each group is one object. */
function group(changes: readonly LifecycleChange[], kinds: ReadonlyMap<string, Reviewed>): Group[] {
  const groups: Group[] = [];
  const bySpec = new Map<string, Group>();
  const byStem = new Map<string, Group>();
  for (const change of changes) {
    if (change.role !== 'identity') continue;
    const found: Group = { kind: change.kind, identity: change, settings: [] };
    groups.push(found);
    for (const side of [change.before, change.after]) {
      const key = specKey(change.stack, kinds.get(change.kind), side?.spec);
      if (key !== undefined) bySpec.set(key, found);
    }
    if ((kinds.get(change.kind)?.settingsFields.length ?? 0) > 0) byStem.set(`${change.stack}|${change.kind}|${stem(change.address)}`, found);
  }
  for (const change of changes) {
    if (change.role !== 'settings') continue;
    const key = specKey(change.stack, kinds.get(change.kind), change.after?.spec ?? change.before?.spec);
    const found = (key !== undefined ? bySpec.get(key) : undefined) ?? byStem.get(`${change.stack}|${change.kind}|${stem(change.address)}`);
    if (found) found.settings.push(change);
    else groups.push({ kind: change.kind, identity: undefined, settings: [change] });
  }
  return groups;
}

/** The object's spec on one side, its settings filled in from the settings resource when the identity lacks them. */
function codeSpec(found: Group, kind: Reviewed, side: 'before' | 'after'): JsonObject | undefined {
  const settings = found.settings.find((s) => s[side] !== undefined);
  const spec = found.identity?.[side]?.spec ?? settings?.[side]?.spec;
  if (!spec) return undefined;
  const missing = kind.settingsFields.filter((field) => !isObject(spec[field]));
  const filled: [string, Json][] = missing.flatMap((field) => {
    const value = valueAt(settings?.[side]?.replaceOn, field) ?? valueAt(settings?.[side]?.spec, field);
    return value === undefined ? [] : [[field, value]];
  });
  return filled.length === 0 ? spec : { ...spec, ...Object.fromEntries(filled) };
}

/** A lifecycle resource `terraform import` made: it holds an id but neither spec nor replace-on values. */
function isImportedStub(change: LifecycleChange | undefined): boolean {
  return change !== undefined && change.backing !== 'provider' && change.before !== undefined && change.before.spec === undefined && change.before.replaceOn === undefined;
}

/** A retired construct: its identity's replace-on values say `ensure: absent`. */
function isAbsent(change: LifecycleChange | undefined, side: 'before' | 'after'): boolean {
  return valueAt(change?.[side]?.replaceOn, 'ensure') === 'absent';
}

/**
 * Whether the object's settings change: a settings resource runs (lifecycle backings), or the provider resource's
 * settings fields differ (the provider updates them in place; anything else it stores changes nothing live).
 */
function settingsChange(found: Group, kind: Reviewed, before: JsonObject | undefined, after: JsonObject | undefined): boolean {
  if (found.identity?.backing === 'provider') return kind.settingsFields.some((field) => !sameJson(valueAt(before, field), valueAt(after, field)));
  return found.settings.some((s) => tfAction(s) !== 'no-op');
}

function transitionOf(found: Group, kind: Reviewed, before: JsonObject | undefined, after: JsonObject | undefined, changes: () => FieldChange[], options: ClassifyOptions): Transition {
  const identity = found.identity;
  switch (tfAction(identity)) {
    case 'forget':
      return { event: 'forget', before };
    case 'delete': {
      // A provider resource's delete always runs; a lifecycle resource whose block is gone skips its destroy-time hook.
      const lifecycle = identity !== undefined && identity.backing !== 'provider';
      const skipped = lifecycle && !identity.inConfiguration && !options.removedWithHook?.has(identity.address);
      return { event: 'delete', before, hook: isAbsent(identity, 'before') ? 'nothing-left' : skipped ? 'skipped' : 'runs' };
    }
    case 'replace':
      // `terraform import` of a lifecycle resource stores no spec: its delete is skipped, so the replace only creates.
      if (isImportedStub(identity)) return { event: 'create', after };
      if (!isAbsent(identity, 'before') && isAbsent(identity, 'after')) return { event: 'retire', before, after };
      if (isAbsent(identity, 'before') && !isAbsent(identity, 'after')) return { event: 'create', after };
      return {
        event: 'replace',
        before,
        after,
        changes: changes(),
        replaced: { address: identity?.address ?? '?', backing: identity?.backing ?? 'terraform_data', reason: identity?.reason },
      };
    case 'create':
      return isAbsent(identity, 'after') ? { event: 'ensure-absent' } : { event: 'create', after };
    default: {
      const settingsChanged = settingsChange(found, kind, before, after);
      if (!settingsChanged && tfAction(identity) === 'no-op') return { event: 'none', retired: isAbsent(identity, 'after') };
      return { event: 'update', before, after, settingsChanged };
    }
  }
}

function itemOf(found: Group, kind: Reviewed, options: ClassifyOptions): ReviewItem {
  const first = found.identity ?? found.settings[0];
  const stack = first?.stack ?? '?';
  const before = codeSpec(found, kind, 'before');
  const after = codeSpec(found, kind, 'after');
  const prior = found.identity?.drift?.prior;
  const changes = () => ownChanges(kind, prior, before, after);
  const transition = transitionOf(found, kind, before, after, changes, options);
  const verdict = kind.profile.verdict(transition);
  const summary = driftNote(found.identity, transition.event === 'update' && changes().every((change) => change.reverts === true), providerNote(found.identity, kind, verdict.summary));
  const worded = transition.event === 'replace' ? transition.changes : transition.event === 'update' || transition.event === 'none' ? changes() : [];
  // An import is never hidden among the unchanged: taking over an object is a change of who manages it.
  const action = found.identity?.importing !== undefined && verdict.action === 'no-change' ? 'update' : verdict.action;
  const removing = action === 'delete' || action === 'forget' || action === 'replace';
  const shown = action === 'delete' || action === 'forget' ? before ?? after : after ?? before;
  const view = kind.profile.view(shown);
  const name = view.name ?? stem(first?.address ?? '?');
  // What Terraform deployed: the state before the plan's refresh when it found drift (a deleted object included).
  const deployed = prior ?? (found.identity?.before && !isImportedStub(found.identity) ? before : undefined);
  const code = after ?? before;
  const keepsReplica = kind.profile.keepsReplica(removing ? before ?? after : after ?? before);
  return {
    id: `${stack}/${kind.kind}/${name}`,
    stack,
    kind: kind.kind,
    noun: kind.profile.noun,
    shape: kind.profile.shape,
    name,
    source: view.source,
    sourceSite: kind.profile.view(code).sourceSite ?? kind.profile.view(deployed).sourceSite ?? view.source,
    target: view.target,
    action,
    summary,
    retire: transition.event === 'retire' || transition.event === 'ensure-absent',
    changes: worded,
    risks: verdict.risks ?? [],
    rpoMinutes: view.rpoMinutes,
    seeded: view.seeded,
    retainReplicaDisks: keepsReplica,
    facts: kind.profile.facts({ action, rpoMinutes: view.rpoMinutes, seeded: view.seeded, keepsReplica }),
    addresses: [found.identity, ...found.settings].flatMap((c) => (c ? [c.address] : [])),
    drift: [],
    ...(found.identity?.importing === undefined ? {} : { importing: found.identity.importing }),
    specs: {
      deployed,
      code,
      settingsAddress: found.settings[0]?.address,
      ...(found.identity?.unreadable === undefined ? {} : { unreadable: found.identity.unreadable }),
      ...(found.identity?.drift === undefined ? {} : { refreshed: found.identity.drift.live }),
    },
  };
}

/**
 * The differences this plan makes. Where the plan's refresh found the object changed outside the code, those are
 * the code's own changes from what was deployed (`prior`), then what the apply puts back (marked `reverts`): a setting
 * changed by hand is not the change's own.
 */
function ownChanges(kind: Reviewed, prior: JsonObject | undefined, before: JsonObject | undefined, after: JsonObject | undefined): FieldChange[] {
  if (prior === undefined || before === undefined) return kind.wording.changes(before, after);
  const own = kind.wording.changes(prior, after);
  const putBack = kind.wording
    .changes(before, after)
    .filter((change) => !own.some((mine) => mine.field === change.field))
    .map((change) => ({ ...change, text: `${change.text} (puts back a change made outside the code)`, reverts: true as const }));
  return [...own, ...putBack];
}

/** What the plan's refresh adds to the summary: an object deleted outside is made again, drift is put back. */
function driftNote(identity: LifecycleChange | undefined, onlyReverts: boolean, summary: string): string {
  if (identity?.drift === undefined) return summary;
  if (identity.drift.live === null && tfAction(identity) === 'create') return `made again (deleted outside Terraform): ${summary}`;
  return onlyReverts ? `puts back settings changed outside the code: ${summary}` : summary;
}

/**
 * What only the provider backing adds to the kind's summary: an `import {}` block takes over an existing object (never
 * silently), and a block removed from the code is deleted by the provider (no orphan, unlike a lifecycle resource).
 */
function providerNote(identity: LifecycleChange | undefined, kind: Reviewed, summary: string): string {
  if (isImportedStub(identity) && tfAction(identity) === 'replace') {
    return `imported by \`terraform import\` with no spec: Terraform replaces it, its delete is skipped (nothing is removed); then ${summary}`;
  }
  if (identity?.backing !== 'provider') return summary;
  if (identity.importing !== undefined) {
    return `IMPORT: takes over the existing ${kind.profile.noun} ${identity.importing}, not created by this code (import block); then ${summary}`;
  }
  if (tfAction(identity) === 'delete' && !identity.inConfiguration) return `block removed from the code, so the provider deletes it: ${summary}`;
  return summary;
}

/** Every item of the given lifecycle resources, sorted by stack, kind and name. */
export function classify(changes: readonly LifecycleChange[], options: ClassifyOptions): ReviewItem[] {
  const kinds = reviewedKinds(options.catalogue);
  const items = group(changes, kinds).flatMap((found) => {
    const kind = kinds.get(found.kind);
    return kind ? [itemOf(found, kind, options)] : [];
  });
  return items.sort(compareItems);
}

/** Stack, kind, name: the order of items in a review. */
export function compareItems(a: ReviewItem, b: ReviewItem): number {
  return a.stack.localeCompare(b.stack) || a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name) || a.id.localeCompare(b.id);
}

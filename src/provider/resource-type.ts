/**
 * One Terraform resource type per registry kind, and what Terraform asks of it — validate, plan, apply, read,
 * import — done through the kind's handler. The resource's attributes are the kind's spec (connection optional:
 * the provider configuration's block for the vendor stands in) plus the live state's other fields, computed.
 *
 * - Plan: defaults filled in (shown in the plan), identity fields require replacement, settings change in
 *   place (unless the kind's `checkChange` refuses the change, e.g. a shrink: an error on the field), computed
 *   attributes are known after apply; nothing changed = the prior state as it is. A live state the diff cannot
 *   show (the kind's `liveNotice`: a replication paused outside Terraform) is a warning saying what apply will do.
 * - Read: the live object's settings and status replace the stored ones (drift shows in `terraform plan`), but a
 *   setting the server does not report keeps its stored value (unknown is not drift); an object gone outside
 *   Terraform is removed from the state.
 * - Import: by the object's id, or by its name as the configuration gives it (the VM of a replication, the remote
 *   site of a pairing — what a DR engineer knows). The kind's importer reads the whole object with the provider's
 *   connection for the vendor (an import gets no configuration; no block for it = an error saying to add one; a
 *   missing id = an error naming the kind, the id and where it looked) into the state a configuration declaring it
 *   exactly holds, with a null connection: `-generate-config-out` writes valid configuration, and the first plan of
 *   a matching configuration changes nothing. Until an apply adopts it, each plan checks that the configuration names
 *   that very object (natural key) and never replaces it: every difference is an in-place change whose apply adopts the
 *   object as `adopt: true` does — every identity field must match (else it refuses, changing nothing), and the
 *   adoption is announced. A refused adoption undoes the import: the apply marks it refused and the next read drops
 *   it (the live object untouched). An id-only stub an earlier version imported is read once the configuration names
 *   it; a stub never makes a read, plan or destroy fail.
 * - Apply of a create cut short after its object was made — interrupted (Terraform's StopProvider on Ctrl-C cancels
 *   the task waits) or timed out waiting on the vendor's task (a WaitTimeoutError, wrapped or not) — stores that
 *   object, as framework providers store an id as soon as the object exists. The object is looked up by its natural
 *   key (the kind's read, with clients of its own: the provider's stop with StopProvider; a 10 s deadline), and when
 *   it is this configuration's — the owner its read names is the planned owner — the state is the plan plus its live
 *   values, as after a create, with a warning and NO error. Why: with no state, the next apply creates again and
 *   meets the object, which on another machine (a fresh CI runner) VR refuses without `adopt: true`, as its
 *   ownership records are this machine's; with an error besides the state, Terraform taints the resource and the
 *   next apply replaces it — a full resync of a replication in its initial sync. The next apply refreshes it and
 *   changes in place what differs; Terraform reports an interruption itself, and a timed-out create applies with
 *   the warning (the next refresh shows how the task ended: gone, it is created again). Everything else keeps an
 *   error and the prior state: a create that failed otherwise (the task failed, bad input, a refused adoption), an
 *   object not found or not shown to be this configuration's — also every kind whose read names no owner: SDRS (its
 *   marker is a hash; its next create recognises it anyway), the kinds with no owner (a pairing, and a sync, whose
 *   object existed before its create: storing it would skip the sync) and VR without ownership records
 *   (REPLIFORM_CACHE_DIR=off) — and an import's adoption. Updates and deletes are unchanged.
 *
 * Calls no endpoint itself (the handlers do).
 */
import { WaitTimeoutError } from '../../lib/client/wait';
import { createClientFactory } from '../resources/clients';
import type { AnyKind, BoundSpec, Context, ImportedObject, Known, LifecycleAction, LiveNoticeText } from '../resources/contract';
import { isRecord, objectValueOf, pick, sameValue, specJsonOf, tfValueOf } from './convert';
import { connectionDiagnostics, diagnosticOfError, errorDiagnostic, issueDiagnostics, warningDiagnostic, type Diagnostic } from './diagnostics';
import { resourceTypeOf, vendorOf } from '../resources/terraform-names';
import { ownerLabel } from '../resources/ownership';
import { computedModelOf, objectTypeOf, specModelOf, type FieldModel, type ObjectModel } from './schema';
import { plannedObject } from './plan-defaults';
import { issuesOnKnown, knownPartsOf } from './known-parts';
import { specShapeOf } from '../resources/spec-fields';
import { specFieldOf, timeoutsAsDurations, withSpecTimeouts } from '../resources/timeout-durations';
import { CONNECTION, withProviderConnection } from './provider-connection';
import { durationDiagnostics, durationTimeoutsModel, plannedTimeouts, timeoutDefaults, TIMEOUTS } from './timeouts';
import { containsUnknown, isObjectValue, UNKNOWN, type TfType, type TfValue } from './values';

export type ObjectValue = { readonly [attribute: string]: TfValue };

/** What a resource type needs of the provider around it. */
export interface ResourceRuntime {
  /** The provider configuration's connection block for a vendor, when it has one. */
  connectionFor(vendor: string): unknown;
  /** A handler context for one call; warnings the handlers log are collected for the diagnostics. */
  context(warnings: string[]): Context;
  /**
   * Whether the provider configuration's block for a vendor holds values not known yet (at plan time, when it refers
   * to other resources). @default false
   */
  connectionPending?(vendor: string): boolean;
  /** Why the calls in flight were cancelled (Terraform's StopProvider), once they were. */
  stopReason(): Error | undefined;
}

/** Carried in Terraform's private state from an import to the apply that adopts the object. */
interface ImportMarker {
  readonly import_id: string;
  /** Set by an apply that refused the adoption: the next read drops the stub from the state. */
  readonly refused?: boolean;
}

export interface PlanResult {
  readonly planned: TfValue;
  readonly requiresReplace: readonly string[];
  readonly plannedPrivate?: Buffer;
  readonly diagnostics: readonly Diagnostic[];
}

export interface StateResult {
  readonly state: TfValue;
  readonly private?: Buffer;
  readonly diagnostics: readonly Diagnostic[];
}


/** How long the look-up after a create cut short may take: Terraform is waiting for the provider to stop. */
const LOOKUP_TIMEOUT_MS = 10_000;

/** A create stopped before it finished, and why (the words of the warning). */
interface CutShort {
  readonly how: 'interrupted' | 'timed out';
  readonly reason: string;
}

export class ResourceType {
  readonly name: string;
  readonly vendor: string;
  readonly spec: ObjectModel;
  readonly computed: ObjectModel;
  readonly attributes: ObjectModel;
  readonly type: TfType;
  /** The operations of the `timeouts` block and their default seconds. */
  private readonly timeoutDefaults: Readonly<Record<string, number>>;

  constructor(readonly kind: AnyKind) {
    this.name = resourceTypeOf(kind.kind);
    this.vendor = vendorOf(kind.kind);
    const spec = describeRoles(specModelOf(kind.spec, kind.kind), kind);
    this.timeoutDefaults = timeoutDefaults(specShapeOf(kind.spec, kind.kind)[TIMEOUTS]);
    // The resource may leave its connection to the provider configuration.
    const withConnection = CONNECTION in spec ? { ...spec, [CONNECTION]: { ...spec[CONNECTION], optional: true, description: `Where the API is; null = the provider's \`${this.vendor}\` block.` } } : spec;
    // Timeouts the way every framework provider takes them: `timeouts = { create = "60m" }`.
    this.spec = TIMEOUTS in withConnection ? { ...withConnection, [TIMEOUTS]: durationTimeoutsModel(withConnection[TIMEOUTS], this.timeoutDefaults) } : withConnection;
    this.computed = computedModelOf(kind.state.shape, this.spec);
    this.attributes = { ...this.spec, ...this.computed };
    this.type = objectTypeOf(this.attributes);
  }

  private runtime?: ResourceRuntime;

  /** Called once the provider is configured. */
  bind(runtime: ResourceRuntime): this {
    this.runtime = runtime;
    return this;
  }

  /** The connection block a resource's spec gets: its own, else the provider's. */
  private withConnection(json: Record<string, unknown>): Record<string, unknown> {
    return withProviderConnection(json, this.spec, this.vendor, this.runtime);
  }

  private specJson(value: ObjectValue): Record<string, unknown> {
    return this.withConnection(this.asSpec(specJsonOf(pick(value, this.spec))));
  }

  /** Attributes (or a state) as JSON → the spec's form: timeouts in seconds. */
  private asSpec(json: unknown): Record<string, unknown> {
    return isRecord(json) ? withSpecTimeouts(json) : {};
  }

  private missingConnection(json: Record<string, unknown>): Diagnostic[] {
    if (!(CONNECTION in this.spec) || json[CONNECTION] !== undefined) return [];
    return [errorDiagnostic(
      `connection: not set, and the provider configuration has no ${this.vendor} block`,
      `Set connection on this ${this.name}, or add \`${this.vendor} = { endpoint = …, credentials = { username_env = …, password_env = … } }\` to provider "repliform".`,
      [CONNECTION],
    )];
  }

  /** The spec with defaults filled in, or the diagnostics saying what is wrong with it. */
  private normalize(value: ObjectValue): { spec?: Record<string, unknown>; diagnostics: Diagnostic[] } {
    const durations = durationDiagnostics(value[TIMEOUTS] ?? null);
    if (durations.length > 0) return { diagnostics: durations };
    const json = this.specJson(value);
    const missing = this.missingConnection(json);
    if (missing.length > 0) return { diagnostics: missing };
    const parsed = this.kind.spec.safeParse(json);
    if (!parsed.success) return { diagnostics: issueDiagnostics(parsed.error.issues, json, this.kind.kind) };
    // The handler may check more than the schema does (one message, as the lifecycle CLI gives it).
    try {
      this.kind.parse(json, 'create');
    } catch (error) {
      return { diagnostics: [diagnosticOfError(error, `${this.kind.kind} validation`)] };
    }
    return { spec: isRecord(parsed.data) ? parsed.data : {}, diagnostics: [] };
  }

  validate(config: TfValue): Diagnostic[] {
    if (!isObjectValue(config)) return [];
    if (containsUnknown(config)) return this.validateKnownParts(config);
    const durations = durationDiagnostics(config[TIMEOUTS] ?? null);
    if (durations.length > 0) return durations;
    const json = this.specJson(config);
    const tls = CONNECTION in this.spec ? connectionDiagnostics(json[CONNECTION], [CONNECTION]) : [];
    if (tls.length > 0) return tls;
    if (this.missingConnection(json).length === 0) return this.normalize(config).diagnostics;
    // Terraform validates before it configures the provider: a connection left to the provider's block is
    // checked at plan time, everything else now.
    const parsed = this.kind.spec.safeParse(json);
    if (parsed.success) return [];
    const issues = parsed.error.issues.filter((issue) => issue.path[0] !== CONNECTION);
    return issueDiagnostics(issues, json, this.kind.kind);
  }

  /** A configuration holding unknowns: its known values checked by the schema; the handler's own checks wait for the plan. */
  private validateKnownParts(config: ObjectValue): Diagnostic[] {
    const durations = durationDiagnostics(config[TIMEOUTS] ?? null);
    if (durations.length > 0) return durations;
    const known = knownPartsOf(pick(config, this.spec));
    const json = this.asSpec(known.json);
    const unknownPaths = known.unknownPaths.map((path) => (path[0] === TIMEOUTS && path.length > 1 ? [TIMEOUTS, specFieldOf(String(path[1]))] : path));
    const parsed = this.kind.spec.safeParse(json);
    if (parsed.success) return [];
    const leftToProvider = CONNECTION in this.spec && config[CONNECTION] === null;
    const issues = issuesOnKnown(parsed.error.issues, unknownPaths).filter((issue) => !(leftToProvider && issue.path[0] === CONNECTION));
    return issueDiagnostics(issues, json, this.kind.kind);
  }

  /** Whether this resource leaves its connection to a provider block whose values are not known yet (plan time). */
  private providerConnectionPending(config: ObjectValue): boolean {
    return CONNECTION in this.spec && config[CONNECTION] === null && this.runtime?.connectionPending?.(this.vendor) === true;
  }

  /** Why an existing object cannot be read while the provider block is unknown, and what to do. */
  private pendingConnection(doing: string): Diagnostic {
    return errorDiagnostic(
      `connection: the provider's ${this.vendor} block is not known until apply, so ${doing}`,
      `It refers to values other resources produce (e.g. endpoint = terraform_data.x.output). Creates plan without it; to read or adopt an existing ${this.name}, apply what the provider block refers to first (terraform apply -target=…), then the rest.`,
      [CONNECTION],
    );
  }

  /** The spec attributes as they will be stored: defaults filled in, the connection as the configuration says. */
  private plannedSpec(config: ObjectValue, normalized: Record<string, unknown>): { [attribute: string]: TfValue } {
    const planned = objectValueOf(normalized, this.spec);
    if (CONNECTION in this.spec) planned[CONNECTION] = config[CONNECTION] === null ? null : planned[CONNECTION];
    if (TIMEOUTS in this.spec) planned[TIMEOUTS] = plannedTimeouts(config[TIMEOUTS] ?? null, this.timeoutDefaults);
    return planned;
  }

  /**
   * Computed attributes of a plan: unknown for a create; for an update the values read at refresh, so that the
   * plan shows only what the configuration changes (the next refresh brings the status after the update).
   */
  private plannedComputed(prior: ObjectValue | null): { [attribute: string]: TfValue } {
    return Object.fromEntries(Object.keys(this.computed).map((name) => [name, prior ? (prior[name] ?? null) : UNKNOWN]));
  }

  private identityChanges(prior: ObjectValue, planned: ObjectValue): string[] {
    return this.kind.fields.identity.filter((field) => !sameValue(prior[field], planned[field]));
  }

  async plan(prior: TfValue, proposed: TfValue, config: TfValue, priorPrivate: Buffer | undefined): Promise<PlanResult> {
    if (!isObjectValue(proposed) || !isObjectValue(config)) return { planned: null, requiresReplace: [], diagnostics: [] };
    const priorObject = isObjectValue(prior) ? prior : null;
    if (containsUnknown(config)) {
      const marker = importMarkerOf(priorPrivate) ?? (priorObject ? this.stubMarker(priorObject) : undefined);
      return marker ? this.importNotComparable(marker) : this.planWithUnknowns(priorObject, config);
    }
    if (this.providerConnectionPending(config)) return this.planBeforeProviderKnown(priorObject, config, priorPrivate);
    const { spec, diagnostics } = this.normalize(config);
    if (!spec) return { planned: null, requiresReplace: [], diagnostics };
    const plannedSpec = this.plannedSpec(config, spec);
    const marker = importMarkerOf(priorPrivate) ?? (priorObject ? this.stubMarker(priorObject) : undefined);
    if (priorObject && marker) return this.planAdoption(marker, priorObject, plannedSpec, spec);
    if (priorObject && sameValue(pick(priorObject, this.spec), plannedSpec)) return { planned: priorObject, requiresReplace: [], diagnostics: this.liveNotices(priorObject, 'no-change') };
    const requiresReplace = priorObject ? this.identityChanges(priorObject, plannedSpec) : [];
    if (priorObject && requiresReplace.length === 0) {
      const refused = this.refusedChange(priorObject, spec);
      if (refused) return { planned: null, requiresReplace: [], diagnostics: [refused] };
    }
    // A replacement is a new object: nothing of the old one's live state carries over.
    const planned = { ...plannedSpec, ...this.plannedComputed(requiresReplace.length > 0 ? null : priorObject) };
    return { planned, requiresReplace, diagnostics: this.liveNotices(priorObject, requiresReplace.length > 0 ? 'replace' : 'update') };
  }

  /**
   * What the refreshed state shows that the plan's diff cannot (the kind's `liveNotice`: a replication paused outside
   * Terraform, whose `status` changed but no configured attribute did), as a warning saying what the apply will do.
   */
  private liveNotices(prior: ObjectValue | null, planned: PlannedAction): Diagnostic[] {
    if (!prior || !this.kind.liveNotice) return [];
    const notice = this.kind.liveNotice(this.withConnection(this.asSpec(specJsonOf(prior))));
    return notice ? [warningDiagnostic(`${this.name} ${notice.summary}`, `${applyOutcome(notice, planned)} ${notice.fix}`)] : [];
  }

  /** The kind's refusal of an in-place change it cannot make (its `checkChange`), as a diagnostic on the field. */
  private refusedChange(prior: ObjectValue, planned: Record<string, unknown>): Diagnostic | undefined {
    try {
      this.kind.checkChange?.(this.asSpec(specJsonOf(prior)), planned);
      return undefined;
    } catch (error) {
      return diagnosticOfError(error, `plan of ${this.name}`);
    }
  }

  /**
   * A known configuration whose provider block is not known yet: checked and planned as usual (a plan needs no
   * request), except an import's adoption, which must read the object.
   */
  private planBeforeProviderKnown(prior: ObjectValue | null, config: ObjectValue, priorPrivate: Buffer | undefined): PlanResult {
    const diagnostics = this.validate(config);
    if (diagnostics.length > 0) return { planned: null, requiresReplace: [], diagnostics };
    if (prior && (importMarkerOf(priorPrivate) ?? this.stubMarker(prior))) {
      return { planned: null, requiresReplace: [], diagnostics: [this.pendingConnection('the imported object cannot be read to adopt it')] };
    }
    return this.planWithUnknowns(prior, config);
  }

  /**
   * An imported object's first plan must show that the configuration names that very object — and an identity it
   * cannot know yet could be a replacement of the object just imported: refused, nothing changed.
   */
  private importNotComparable(marker: ImportMarker): PlanResult {
    return {
      planned: null,
      requiresReplace: [],
      diagnostics: [errorDiagnostic(
        `import of ${this.name} ${marker.import_id}: the configuration refers to values not known until apply, so it cannot be compared with the imported object`,
        'Nothing was changed. Apply what the configuration refers to first (terraform apply -target=…), then import; or undo the import: remove its import block, or after `terraform import` run `terraform state rm` on this resource.',
      )],
    };
  }

  /** A configuration that refers to values known only at apply: the known parts planned with their defaults. */
  private planWithUnknowns(prior: ObjectValue | null, config: ObjectValue): PlanResult {
    const plannedSpec = plannedObject(config, specShapeOf(this.kind.spec, this.kind.kind), this.spec);
    if (CONNECTION in this.spec && config[CONNECTION] === null) plannedSpec[CONNECTION] = null;
    if (TIMEOUTS in this.spec) plannedSpec[TIMEOUTS] = plannedTimeouts(config[TIMEOUTS] ?? null, this.timeoutDefaults);
    const requiresReplace = prior ? this.identityChanges(prior, plannedSpec) : [];
    const planned = { ...plannedSpec, ...this.plannedComputed(requiresReplace.length > 0 ? null : prior) };
    return { planned, requiresReplace, diagnostics: [] };
  }

  /**
   * The first plans after an import, until an apply adopts it: the configuration must name the very object the import
   * read (by its natural key). Nothing is ever replaced: a plan that matches the imported object changes nothing; any
   * other is an in-place change whose apply adopts the object as `adopt: true` does — it refuses, changing nothing,
   * when an identity field names something else than the live object has.
   */
  private async planAdoption(marker: ImportMarker, prior: ObjectValue, plannedSpec: ObjectValue, spec: Record<string, unknown>): Promise<PlanResult> {
    const warnings: string[] = [];
    let live: unknown;
    let label: string;
    try {
      const bound = this.kind.parse(this.withConnection(spec), 'read');
      label = bound.label;
      live = await bound.read(this.runtimeContext(warnings));
    } catch (error) {
      return { planned: null, requiresReplace: [], diagnostics: [diagnosticOfError(error, `import of ${this.name} ${marker.import_id}`)] };
    }
    const liveId = isRecord(live) && typeof live.id === 'string' ? live.id : undefined;
    const importedId = typeof prior.id === 'string' ? prior.id : marker.import_id;
    const byName = liveId !== undefined && marker.import_id === label && marker.import_id !== liveId;
    if (liveId === undefined || (liveId !== importedId && !byName)) {
      const found = liveId === undefined ? 'names no existing object' : `names ${liveId} (${label})`;
      return {
        planned: null,
        requiresReplace: [],
        diagnostics: [errorDiagnostic(
          `import of ${this.name}: the configuration ${found}, not the imported ${marker.import_id}`,
          `Nothing was changed. Fix the import id or the configuration so that both name the same object, or undo the import: remove its import block, or after \`terraform import\` run \`terraform state rm\` on this resource.`,
        )],
      };
    }
    const stub = this.isImportStub(prior);
    const object = byName ? `${label} (${liveId})` : liveId;
    if (!stub && sameValue(pick(prior, this.spec), plannedSpec)) {
      // Nothing to apply, so no apply adopts it: the plan says what the import means all the same (never silent).
      return { planned: prior, requiresReplace: [], diagnostics: [...this.liveNotices(prior, 'no-change'), this.importedAsItIs(object)] };
    }
    const refused = stub ? undefined : this.refusedChange(prior, spec);
    if (refused) return { planned: null, requiresReplace: [], diagnostics: [refused] };
    // A stub (imported by an earlier version) knows nothing of the object: its computed attributes come from this read.
    const computed = stub ? (isRecord(live) ? objectValueOf(live, this.computed) : this.plannedComputed(null)) : this.plannedComputed(prior);
    const planned = { ...plannedSpec, ...computed };
    return { planned, requiresReplace: [], plannedPrivate: encodeMarker({ import_id: marker.import_id }), diagnostics: [this.adoptionNotice(object, stub ? [] : this.identityChanges(prior, plannedSpec))] };
  }

  /** An import whose configuration matches the object: it becomes this code's as it is. */
  private importedAsItIs(object: string): Diagnostic {
    return warningDiagnostic(
      `${this.name} ${object} will be adopted as it is`,
      'This code did not create it. The configuration matches the live object, so the apply changes nothing on it; from then on a destroy (or a removed block) deletes it.',
    );
  }

  /** What the apply after an import does: adopt the object, checking the identity fields the configuration spells otherwise. */
  private adoptionNotice(object: string, respelled: readonly string[]): Diagnostic {
    const identity = respelled.length === 0
      ? 'The apply checks that every identity field matches the live object'
      : `The configuration gives ${respelled.join(', ')} otherwise than the imported object: the apply adopts it only when both name the same thing (e.g. an id and a name), and otherwise refuses and changes nothing — an imported object is never replaced. It checks every identity field`;
    return warningDiagnostic(
      `${this.name} ${object} will be adopted`,
      `This code did not create it. ${identity}, brings its settings to the configuration, and from then on a destroy (or a removed block) deletes it.`,
    );
  }

  private runtimeContext(warnings: string[]): Context {
    if (!this.runtime) throw new Error(`${this.name}: the provider is not configured`);
    return this.runtime.context(warnings);
  }

  private bound(value: ObjectValue, action: LifecycleAction, adopt: boolean): BoundSpec {
    const json = this.specJson(value);
    return this.kind.parse(adopt && 'adopt' in this.spec ? { ...json, adopt: true } : json, action);
  }

  /** The stored attributes after a create or update: the plan's known values, the live state for the rest. */
  private appliedState(planned: ObjectValue, live: unknown): ObjectValue {
    const fromLive = isRecord(live) ? objectValueOf(live, this.computed) : {};
    const state: { [attribute: string]: TfValue } = { ...planned };
    for (const name of Object.keys(this.computed)) {
      if (planned[name] === UNKNOWN) state[name] = fromLive[name] ?? null;
    }
    return state;
  }

  async apply(prior: TfValue, planned: TfValue, plannedPrivate: Buffer | undefined): Promise<StateResult> {
    const warnings: string[] = [];
    const priorObject = isObjectValue(prior) ? prior : null;
    const action = !isObjectValue(planned) ? 'delete' : priorObject && !importMarkerOf(plannedPrivate) ? 'update' : 'create';
    try {
      const ctx = this.runtimeContext(warnings);
      if (!isObjectValue(planned)) {
        if (priorObject && this.isImportStub(priorObject)) return { state: null, diagnostics: [this.stubDropped(priorObject)] };
        if (priorObject) await this.bound(priorObject, 'delete', false).delete(ctx, knownOf(priorObject));
        return { state: null, diagnostics: warnings.map((w) => warningDiagnostic(w)) };
      }
      const spec = this.bound(planned, action, importMarkerOf(plannedPrivate) !== undefined);
      const live = action === 'update' && priorObject ? await spec.update(ctx, knownOf(priorObject)) : await spec.create(ctx);
      return { state: this.appliedState(planned, live), diagnostics: warnings.map((w) => warningDiagnostic(w)) };
    } catch (error) {
      const kept = action === 'create' && priorObject === null && isObjectValue(planned) ? await this.keptAfterCutShort(planned, error, warnings) : undefined;
      if (kept) return kept;
      const stopped = this.runtime?.stopReason();
      const failure = stopped
        ? errorDiagnostic(stopped.message, `${action} of ${this.name} was interrupted: ${error instanceof Error ? error.message : String(error)}`)
        : diagnosticOfError(error, `${action} of ${this.name}`);
      const diagnostics = [...warnings.map((w) => warningDiagnostic(w)), failure];
      // A refused adoption undoes its import: the state as it was before it, never an id-only stub.
      const adoption = importMarkerOf(plannedPrivate);
      if (adoption && prior !== null) {
        return { state: prior, private: encodeMarker({ ...adoption, refused: true }), diagnostics: [...diagnostics.slice(0, -1), this.importUndone(failure, adoption)] };
      }
      // A failed update keeps the object as it was; a failed create or delete leaves the prior state.
      return { state: prior, diagnostics };
    }
  }

  /** A create interrupted or timed out after it made this configuration's object: that object, with a warning. */
  private async keptAfterCutShort(planned: ObjectValue, error: unknown, warnings: readonly string[]): Promise<StateResult | undefined> {
    const cut = this.cutShort(error);
    if (!cut) return undefined;
    const live = await this.lookUpMade(planned);
    if (!live || !this.ownedByPlan(planned, live)) return undefined;
    const made = typeof live.id === 'string' ? live.id : this.bound(planned, 'read', false).label;
    const kept = warningDiagnostic(
      `${this.name} ${made}: the create was ${cut.how} after the object was made; it is in the state`,
      `${cut.reason}. The object exists and is this configuration's, owned by ${String(live.owner)}, so the state holds it: ` +
        'run terraform apply again — it refreshes the object and changes in place only what differs from the configuration; ' +
        'nothing is created twice or replaced, and no adopt is needed, on this machine or another.',
    );
    return { state: this.appliedState(planned, live), diagnostics: [...warnings.map((w) => warningDiagnostic(w)), kept] };
  }

  /** Whether a create failed by being stopped (StopProvider) or by a wait's deadline; undefined for any other failure. */
  private cutShort(error: unknown): CutShort | undefined {
    const stopped = this.runtime?.stopReason();
    if (stopped) return { how: 'interrupted', reason: `${stopped.message} (${messageOf(error)})` };
    return causesOf(error).some((cause) => cause instanceof WaitTimeoutError) ? { how: 'timed out', reason: messageOf(error) } : undefined;
  }

  /**
   * The planned object as its kind reads it by natural key, or undefined (not found, or the look-up failed). The
   * provider's clients are cancelled by StopProvider: the look-up builds its own, logged out afterwards.
   */
  private async lookUpMade(planned: ObjectValue): Promise<Record<string, unknown> | undefined> {
    // Its warnings (a TLS notice the create gave already) go to the log only.
    const base = this.runtimeContext([]);
    const signal = AbortSignal.timeout(LOOKUP_TIMEOUT_MS);
    const clients = createClientFactory({ log: base.log, env: base.env, signal, clock: base.clock, timeoutMs: LOOKUP_TIMEOUT_MS });
    try {
      const live = await this.bound(planned, 'read', false).read({ ...base, clients, signal });
      return isRecord(live) ? live : undefined;
    } catch (error) {
      base.log.info(`${this.name}: the look-up after the create was cut short failed (${messageOf(error)}); the create's error stands`);
      return undefined;
    } finally {
      await Promise.all(clients.all().map((client) => client.logout().catch(() => undefined)));
    }
  }

  /** Whether the owner a live object's read names is the planned one (a kind whose read names none never is). */
  private ownedByPlan(planned: ObjectValue, live: Record<string, unknown>): boolean {
    return 'owner' in this.spec && typeof live.owner === 'string' && live.owner === ownerLabel(planned.owner);
  }

  /** The live object into the state: settings and computed attributes from it; gone = null (removed from state). */
  async read(current: TfValue, currentPrivate: Buffer | undefined): Promise<StateResult> {
    if (!isObjectValue(current)) return { state: current, diagnostics: [] };
    const privateData = currentPrivate && currentPrivate.length > 0 ? currentPrivate : undefined;
    // An imported object is read once the configuration names it (its first plan); a stub left without its
    // marker (by a version that kept it after a refused adoption) gets it back, so that the plan adopts it again.
    const marker = importMarkerOf(currentPrivate);
    if (marker?.refused) return { state: null, diagnostics: [this.refusedDropped(marker)] };
    if (marker && this.isImportStub(current)) return { state: current, private: privateData, diagnostics: [] };
    const stub = this.stubMarker(current);
    if (stub) return { state: current, private: encodeMarker(stub), diagnostics: [] };
    if (this.providerConnectionPending(current)) return { state: current, private: privateData, diagnostics: [this.notRefreshed()] };
    const warnings: string[] = [];
    try {
      const live = await this.bound(current, 'read', false).read(this.runtimeContext(warnings), knownOf(current));
      if (live === undefined || live === null) return { state: null, diagnostics: [] };
      const takenBy = ownerTakenOver(current, live);
      if (takenBy !== undefined) return { state: null, diagnostics: [this.takenOver(current, takenBy)] };
      return { state: this.refreshed(current, live), private: privateData, diagnostics: warnings.map((w) => warningDiagnostic(w)) };
    } catch (error) {
      return { state: current, private: privateData, diagnostics: [diagnosticOfError(error, `read of ${this.name}`)] };
    }
  }

  private refreshed(current: ObjectValue, live: unknown): ObjectValue {
    if (!isRecord(live)) return current;
    const state: { [attribute: string]: TfValue } = { ...current, ...objectValueOf(live, this.computed) };
    // A setting left null means "leave it as it is" (e.g. an SDRS pair's size): there is no drift from it.
    for (const field of this.kind.fields.settings) {
      if (field in live && field in this.spec && current[field] !== null) state[field] = reportedOver(current[field], live[field], this.spec[field].field);
    }
    return state;
  }

  private notRefreshed(): Diagnostic {
    return warningDiagnostic(
      `${this.name}: not refreshed, the provider's ${this.vendor} block is not known until apply`,
      'The plan compares the configuration with the state as last stored; changes made outside Terraform since then show at the next plan.',
    );
  }

  /**
   * A read in the stack another one took the object from: it leaves this state, so that nothing this stack applies
   * changes or deletes it (a create that the plan then shows is refused: the object is another stack's).
   */
  private takenOver(current: ObjectValue, newOwner: string): Diagnostic {
    return warningDiagnostic(
      `${this.name} ${String(current.id)} is now owned by ${newOwner}, not ${ownerLabel(current.owner)}: dropped from this stack's state`,
      'Another stack took it over (adopt: true or an import). This stack no longer manages it: the object is left as it is, and a plan that creates it again is refused at apply. Remove its block from this code, or take it back on purpose with adopt: true.',
    );
  }

  /**
   * A state an earlier version stored, as this one's attributes: timeouts in seconds (`create_seconds = 3600`, before
   * the framework's form) become durations ("60m" — what the constructs now write, so that no plan shows a change).
   * Attributes this version does not know are dropped; new ones start null.
   */
  upgradedState(json: unknown): TfValue {
    const upgraded = isRecord(json) && TIMEOUTS in json ? { ...json, [TIMEOUTS]: timeoutsAsDurations(json[TIMEOUTS]) } : json;
    return tfValueOf(upgraded, { kind: 'object', attributes: this.attributes });
  }

  /** Whether a state is what an import leaves before its adoption: an id and nothing of the spec. */
  private isImportStub(state: ObjectValue): boolean {
    return typeof state.id === 'string' && Object.keys(this.spec).every((name) => state[name] === null || state[name] === undefined);
  }

  private stubMarker(state: ObjectValue): ImportMarker | undefined {
    return this.isImportStub(state) && typeof state.id === 'string' ? { import_id: state.id } : undefined;
  }

  /** A destroy of an import never adopted: the object is not this code's yet, so it is left as it is. */
  private stubDropped(state: ObjectValue): Diagnostic {
    return warningDiagnostic(
      `${this.name} ${String(state.id)}: removed from the state, not deleted`,
      'Its import was never completed (no apply adopted it), so this code does not manage it: the object was left as it is.',
    );
  }

  private refusedDropped(marker: ImportMarker): Diagnostic {
    return warningDiagnostic(
      `${this.name} ${marker.import_id}: the refused import is dropped from the state`,
      'Its adoption was refused at the last apply; the object was left as it is and the state is as it was before the import.',
    );
  }

  /** The failure of an adopting apply, saying that the import is undone and the ways out. */
  private importUndone(failure: Diagnostic, marker: ImportMarker): Diagnostic {
    const wayOut =
      `The import was refused, so nothing was imported: the next plan or refresh drops it and the state is as it was before the import. ` +
      `Change the code to match the live object, or remove the import block of ${this.name} ${marker.import_id} (after \`terraform import\`, nothing else to undo).`;
    return { ...failure, detail: [failure.detail, wayOut].filter((part) => part !== undefined && part !== '').join(' ') };
  }

  /**
   * The object an import id names, read whole through the kind's importer with the provider's connection for the
   * vendor (an import gets no resource configuration), as the state: what a configuration declaring it exactly holds,
   * its connection null (the provider's block: no secret, nor where to find one, in the state). Its marker in the
   * private state makes the plans until the first apply check and adopt it (planAdoption). A missing id fails.
   */
  async importState(id: string): Promise<StateResult> {
    const importer = this.kind.importer;
    if (!importer) {
      return { state: null, diagnostics: [errorDiagnostic(`${this.name} cannot be imported: its objects have no id of their own`, 'Declare it instead: a create finds an existing object by its natural key (with adopt = true when this code did not create it).')] };
    }
    if (id.trim() === '') return { state: null, diagnostics: [errorDiagnostic(`import id: must be ${importer.accepts} (${this.kind.kind}), got ""`)] };
    const connection = this.runtime?.connectionFor(this.vendor);
    if (connection === undefined || connection === null) {
      return { state: null, diagnostics: [errorDiagnostic(`import of ${this.name} ${id}: the provider configuration has no ${this.vendor} block; add \`${this.vendor} = { endpoint = …, credentials = … }\` to provider "repliform": an import reads the object with it`)] };
    }
    const warnings: string[] = [];
    try {
      const lookup = await importer.read(id, connection, this.runtimeContext(warnings));
      if ('missing' in lookup) {
        return { state: null, diagnostics: [errorDiagnostic(`import of ${this.name}: ${this.kind.kind} ${JSON.stringify(id)} does not exist: ${lookup.missing}`, `Nothing was imported. The id must be ${importer.accepts}.`)] };
      }
      const { state, diagnostics } = this.importedState(lookup.found, connection);
      return { state, private: encodeMarker({ import_id: id }), diagnostics: [...warnings.map((w) => warningDiagnostic(w)), ...diagnostics] };
    } catch (error) {
      return { state: null, diagnostics: [...warnings.map((w) => warningDiagnostic(w)), diagnosticOfError(error, `import of ${this.name} ${id}`)] };
    }
  }

  /** An imported object as state: its spec with the defaults filled in (as a plan stores them), its live attributes. */
  private importedState(found: ImportedObject, connection: unknown): { state: ObjectValue; diagnostics: Diagnostic[] } {
    const json: Record<string, unknown> = CONNECTION in this.spec ? { ...found.spec, [CONNECTION]: connection } : { ...found.spec };
    const parsed = this.kind.spec.safeParse(json);
    const spec = parsed.success && isRecord(parsed.data) ? parsed.data : json;
    const state: { [attribute: string]: TfValue } = { ...objectValueOf(spec, this.spec), ...objectValueOf(isRecord(found.state) ? found.state : {}, this.computed) };
    if (CONNECTION in this.spec) state[CONNECTION] = null;
    if (TIMEOUTS in this.spec) state[TIMEOUTS] = plannedTimeouts(tfValueOf(timeoutsAsDurations(spec[TIMEOUTS]), this.spec[TIMEOUTS].field), this.timeoutDefaults);
    if (parsed.success) return { state, diagnostics: [] };
    // A live value this provider would not accept (set outside it): imported as it is; the configuration must change it.
    const issues = issueDiagnostics(parsed.error.issues, json, this.kind.kind).map((d) => warningDiagnostic(`imported ${this.name}: ${d.summary ?? ''}`, 'The live object has a value this provider does not accept: a configuration generated from this import must change it before it validates.'));
    return { state, diagnostics: issues };
  }
}

/** Says of each identity and settings attribute what changing it does (what `terraform plan` will show). */
function describeRoles(model: ObjectModel, kind: AnyKind): ObjectModel {
  const role = (name: string): string | undefined => {
    if (kind.fields.identity.includes(name)) return 'Identity: a change replaces the object (for a replication, a full sync unless seeded).';
    if (kind.fields.settings.includes(name)) return 'Setting: a change is applied in place.';
    return undefined;
  };
  return Object.fromEntries(
    Object.entries(model).map(([name, attribute]) => {
      const said = role(name);
      return [name, said ? { ...attribute, description: [said, attribute.description].filter((part) => part !== '').join(' ') } : attribute];
    }),
  );
}

/** The owner a live object names (its description's marker, this machine's records) when it is not the state's. */
function ownerTakenOver(current: ObjectValue, live: unknown): string | undefined {
  if (!('owner' in current) || !isRecord(live) || typeof live.owner !== 'string') return undefined;
  return live.owner === ownerLabel(current.owner) ? undefined : live.owner;
}

/** What the stored state knows of the object for the handler: its id, which saves a lookup by natural key. */
function knownOf(state: ObjectValue): Known {
  return typeof state.id === 'string' && state.id !== '' ? { id: state.id } : {};
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** An error and the causes it wraps, outermost first (a few levels at most). */
function causesOf(error: unknown): unknown[] {
  const chain: unknown[] = [];
  for (let current: unknown = error; current !== undefined && chain.length < 5; current = current instanceof Error ? current.cause : undefined) {
    chain.push(current);
  }
  return chain;
}

function encodeMarker(marker: ImportMarker): Buffer {
  return Buffer.from(JSON.stringify(marker));
}

/** What a plan does to an object that already exists. */
type PlannedAction = 'no-change' | 'update' | 'replace';

function applyOutcome(notice: LiveNoticeText, planned: PlannedAction): string {
  switch (planned) {
    case 'no-change':
      return `This plan changes nothing for it: terraform apply leaves it ${notice.status}.`;
    case 'update':
      return notice.blocksUpdate
        ? `terraform apply will stop at it before making any change, as it is ${notice.status}.`
        : `terraform apply makes the planned change; it stays ${notice.status}.`;
    case 'replace':
      return 'terraform apply replaces it: the new one starts as the configuration declares.';
  }
}

/** The live value of a setting; a part the server does not report (absent) keeps its stored value: unknown is not drift. */
function reportedOver(stored: TfValue, live: unknown, field: FieldModel): TfValue {
  if (live === undefined) return stored;
  if (field.kind !== 'object' || !isRecord(live) || !isObjectValue(stored)) return tfValueOf(live, field);
  return Object.fromEntries(Object.entries(field.attributes).map(([name, attribute]) => [name, reportedOver(stored[name] ?? null, live[name], attribute.field)]));
}

function importMarkerOf(data: Buffer | undefined): ImportMarker | undefined {
  if (!data || data.length === 0) return undefined;
  try {
    const parsed: unknown = JSON.parse(data.toString('utf8'));
    if (!isRecord(parsed) || typeof parsed.import_id !== 'string') return undefined;
    return parsed.refused === true ? { import_id: parsed.import_id, refused: true } : { import_id: parsed.import_id };
  } catch {
    return undefined;
  }
}

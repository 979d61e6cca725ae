/**
 * Reads the JSON of a saved Terraform plan (`terraform show -json tfplan`, Terraform ≥ 1.4 or OpenTofu)
 * and keeps only repliform's lifecycle resources, with what each one held before and will hold after:
 *
 * - `terraform_data`: `triggers_replace` (the replace-on values) and `input` (the full spec);
 * - `null_resource`: `triggers.replace_on` and `triggers.destroy_spec`, both JSON strings.
 *
 * - the native provider's resources (`repliform_<kind>`, e.g. `repliform_vr_replication`): the attributes ARE the
 *   spec, with the provider's computed attributes (`id`, the live status…) left out. One resource per object: its
 *   kind comes from its type (the reverse of `resourceTypeOf` over the catalogue's kinds, i.e. the registry's), its
 *   role is always the identity, and an `import {}` block shows as `importing`.
 *
 * The kind of each lifecycle resource and its role (the object's identity, or its settings resource) come from the
 * replace-on values (an identity's name its kind; a settings resource holds its kind's settings fields), else
 * from the provisioner command in the plan's configuration (`… lifecycle <action> <kind>`). The kinds are the
 * catalogue's (the registry's); a kind whose profile says it is not reviewed (a sync request) is left out.
 */
import { PROVIDER_TYPE, resourceTypeOf, vendorOf } from '../resources/terraform-names';
import { timeoutsAsSeconds } from '../resources/timeout-durations';
import { isObject, type Json, type JsonObject, type ReviewCatalogue, type ReviewKind } from '../resources/review-profile';
import type { ZodTypeAny } from 'zod';
import { specFieldsOf, withoutNulls } from '../resources/spec-fields';

export { isObject };

export type LifecycleRole = 'identity' | 'settings';

/** What a resource is: the kind it manages and its role; `not-reviewed` for a kind the review leaves out. */
type Recognised = { readonly kind: string; readonly role: LifecycleRole } | 'not-reviewed';

/** What one side (before or after) of a lifecycle resource holds; undefined where unknown until apply. */
export interface LifecycleValues {
  readonly replaceOn: JsonObject | undefined;
  readonly spec: JsonObject | undefined;
}

/** One repliform lifecycle resource in a plan. */
export interface LifecycleChange {
  readonly stack: string;
  readonly address: string;
  /** `provider`: a resource of the native provider (its type is `resourceTypeOf(kind)`). */
  readonly backing: 'terraform_data' | 'null_resource' | 'provider';
  /** The kind whose lifecycle it runs, e.g. `vr.replication`. */
  readonly kind: string;
  readonly role: LifecycleRole;
  /** Terraform's actions: `['create']`, `['delete','create']`, `['forget']`, `['no-op']`, … */
  readonly actions: readonly string[];
  /** True when the resource's block is still in the configuration (a delete runs its destroy-time hook). */
  readonly inConfiguration: boolean;
  /** Terraform's `action_reason`, e.g. `replace_because_tainted`, `replace_by_request`; undefined when none. */
  readonly reason: string | undefined;
  readonly before: LifecycleValues | undefined;
  readonly after: LifecycleValues | undefined;
  /** The id an `import {}` block adopts (provider resources only); undefined when not importing. */
  readonly importing?: string;
  /** Why the live object cannot be read from what the plan holds (provider resources only). */
  readonly unreadable?: string;
  /**
   * What the plan's refresh found changed outside Terraform (provider resources only: `resource_drift`): the spec
   * in the state before the refresh (`prior`), and the object as the refresh read it (`live`; null: deleted).
   */
  readonly drift?: PlanDrift;
}

export interface PlanDrift {
  readonly prior: JsonObject | undefined;
  readonly live: JsonObject | null;
}

/** A change of a resource that is not one of repliform's objects. */
export interface ForeignChange {
  readonly address: string;
  readonly type: string;
  readonly actions: readonly string[];
  readonly reasons: readonly string[];
  readonly importing?: string;
}

/** Everything the review reads from one plan. */
export interface PlanReading {
  readonly changes: LifecycleChange[];
  /** Every other resource that changes (not `no-op`), in plan order. */
  readonly others: ForeignChange[];
  /** Terraform's `applyable` (else: some resource or output changes): what `-detailed-exitcode` exits 2 on. */
  readonly applyable: boolean;
  /** The plan listed line by line, as Terraform words its actions. */
  readonly raw: string[];
}

/** A plan that is not what `terraform show -json` prints. */
export class PlanFormatError extends Error {
  constructor(source: string, message: string) {
    super(`${source}: ${message}`);
    Object.setPrototypeOf(this, new.target.prototype);
    this.name = new.target.name;
  }
}

const BACKINGS = new Set(['terraform_data', 'null_resource']);
const ACTIONS = new Set(['create', 'update', 'delete']);

/** Parses plan text (or an already parsed plan) of one stack; `catalogue`: the kinds it recognises (loadReviewCatalogue). */
export function readPlan(plan: unknown, stack: string, catalogue: ReviewCatalogue, source = stack): LifecycleChange[] {
  return readWholePlan(plan, stack, catalogue, source).changes;
}

/** Reads one stack's plan: repliform's lifecycle resources, every other change, whether it applies anything, its lines. */
export function readWholePlan(plan: unknown, stack: string, catalogue: ReviewCatalogue, source = stack): PlanReading {
  const parsed: unknown = typeof plan === 'string' ? parseJson(plan, source) : plan;
  if (!isObject(parsed) || typeof parsed.format_version !== 'string') {
    throw new PlanFormatError(source, 'not the JSON of a plan (expected `terraform show -json tfplan` output with a format_version)');
  }
  const changes = parsed.resource_changes ?? [];
  if (!Array.isArray(changes)) throw new PlanFormatError(source, 'resource_changes is not a list');
  const configured = configuredResources(parsed.configuration, catalogue);
  const inPlan = identityKinds(changes, catalogue);
  const provider = { types: providerKinds(catalogue), connections: providerConnections(parsed.configuration), drift: driftByAddress(parsed.resource_drift) };
  const result: LifecycleChange[] = [];
  const others: ForeignChange[] = [];
  for (const change of changes) {
    const read = readProviderChange(change, stack, configured, catalogue, provider) ?? readChange(change, stack, configured, catalogue, inPlan);
    if (read) result.push(read);
    else if (!isRepliforms(change, catalogue, configured)) others.push(...foreignChange(change));
  }
  const applyable = typeof parsed.applyable === 'boolean' ? parsed.applyable : changes.some((change) => !isNoOp(change)) || outputsChange(parsed.output_changes);
  return { changes: result, others, applyable, raw: rawLines(changes, parsed.resource_drift) };
}

function actionsOf(change: JsonObject): string[] {
  const body = isObject(change.change) ? change.change : {};
  return Array.isArray(body.actions) ? body.actions.filter((a): a is string => typeof a === 'string') : [];
}

function importingOf(change: JsonObject): string | undefined {
  const body = isObject(change.change) ? change.change : {};
  return isObject(body.importing) && typeof body.importing.id === 'string' ? body.importing.id : undefined;
}

function isNoOp(change: Json): boolean {
  if (!isObject(change)) return true;
  const actions = actionsOf(change);
  return actions.every((action) => action === 'no-op') && importingOf(change) === undefined && change.previous_address === undefined;
}

function outputsChange(outputs: Json | undefined): boolean {
  return isObject(outputs) && Object.values(outputs).some((output) => isObject(output) && isObject(output.change) && actionsOf(output).some((a) => a !== 'no-op'));
}

/**
 * A resource of repliform's that the review leaves out on purpose (a sync request) or whose kind it reads: not an
 * "other" change. Everything else that changes is listed as one.
 */
function isRepliforms(change: Json, catalogue: ReviewCatalogue, configured: ReadonlyMap<string, Recognised | undefined>): boolean {
  if (!isObject(change) || typeof change.type !== 'string') return false;
  if (change.type.startsWith(`${PROVIDER_TYPE}_`) && change.mode !== 'data') return true;
  if (!BACKINGS.has(change.type)) return false;
  // Its block's provisioners run a repliform command of a kind the review leaves out (a sync request: its
  // triggers hold no kind).
  if (typeof change.address === 'string' && configured.get(configAddress(change.address)) === 'not-reviewed') return true;
  const body = isObject(change.change) ? change.change : {};
  const backing = change.type as LifecycleChange['backing'];
  return [valuesOf(body.before, backing), valuesOf(body.after, backing)].some((values) => namedKind(values, catalogue) === 'not-reviewed');
}

function foreignChange(change: Json): ForeignChange[] {
  // A data source's read changes nothing: it only counts for Terraform's exit code.
  if (!isObject(change) || change.mode === 'data' || isNoOp(change)) return [];
  const reasons = [...(typeof change.action_reason === 'string' ? [change.action_reason] : []), ...replacePaths(isObject(change.change) ? change.change.replace_paths : undefined)];
  const importing = importingOf(change);
  return [
    {
      address: typeof change.address === 'string' ? change.address : '?',
      type: typeof change.type === 'string' ? change.type : '?',
      actions: actionsOf(change),
      reasons,
      ...(importing === undefined ? {} : { importing }),
    },
  ];
}

/** `[["triggers_replace"], ["input", "x"]]` → `replace: triggers_replace`, `replace: input.x`. */
function replacePaths(paths: Json | undefined): string[] {
  if (!Array.isArray(paths)) return [];
  return paths.flatMap((path) => (Array.isArray(path) && path.length > 0 ? [`replace: ${path.map((step) => String(step)).join('.')}`] : []));
}

const TERRAFORM_WORDS: ReadonlyArray<[string, string]> = [
  ['delete,create', 'must be replaced'],
  ['create,delete', 'must be replaced (create before destroy)'],
  ['create', 'will be created'],
  ['update', 'will be updated in-place'],
  ['delete', 'will be destroyed'],
  ['forget', 'will be removed from the state, not destroyed'],
  ['read', 'will be read during apply'],
];

/** The plan as Terraform lists it: `# <address> <what happens>` per change, and what its refresh found outside. */
function rawLines(changes: readonly Json[], drift: Json | undefined): string[] {
  const lines: string[] = [];
  for (const change of Array.isArray(drift) ? drift : []) {
    if (!isObject(change) || typeof change.address !== 'string') continue;
    const deleted = actionsOf(change).includes('delete');
    lines.push(`# ${change.address} ${deleted ? 'has been deleted' : 'has changed'} outside of Terraform`);
  }
  for (const change of changes) {
    if (!isObject(change) || typeof change.address !== 'string' || isNoOp(change)) continue;
    const actions = actionsOf(change).join(',');
    const words = TERRAFORM_WORDS.find(([key]) => key === actions)?.[1] ?? (actions === 'no-op' ? 'is unchanged' : actions);
    const importing = importingOf(change);
    const reason = typeof change.action_reason === 'string' ? ` (${change.action_reason})` : '';
    lines.push(`# ${change.address} ${words}${importing === undefined ? '' : ` — imported from ${importing}`}${reason}`);
  }
  return lines;
}

/** The plan's `resource_drift`, by address: the state before the refresh and what the refresh read. */
function driftByAddress(drift: Json | undefined): Map<string, { before: JsonObject | undefined; after: JsonObject | null }> {
  const found = new Map<string, { before: JsonObject | undefined; after: JsonObject | null }>();
  for (const change of Array.isArray(drift) ? drift : []) {
    if (!isObject(change) || typeof change.address !== 'string' || !isObject(change.change)) continue;
    const { before, after } = change.change;
    found.set(change.address, { before: isObject(before) ? before : undefined, after: isObject(after) ? after : null });
  }
  return found;
}

/** Resource type → kind, for every kind of the catalogue (the reverse of `resourceTypeOf`). */
function providerKinds(catalogue: ReviewCatalogue): Map<string, string> {
  return new Map([...catalogue.keys()].map((kind) => [resourceTypeOf(kind), kind]));
}

interface ProviderReading {
  /** Resource type → kind. */
  readonly types: ReadonlyMap<string, string>;
  /** The connection a resource without its own gets from its provider block, or why the plan does not hold it. */
  readonly connections: (address: string, vendor: string) => ProviderConnection;
  /** The plan's `resource_drift`, by address. */
  readonly drift: ReadonlyMap<string, { readonly before: JsonObject | undefined; readonly after: JsonObject | null }>;
}

/** A resource of the native provider: one per object, its attributes the spec (computed ones left out). */
function readProviderChange(
  change: unknown,
  stack: string,
  configured: ReadonlyMap<string, Recognised | undefined>,
  catalogue: ReviewCatalogue,
  provider: ProviderReading,
): LifecycleChange | undefined {
  if (!isObject(change) || change.mode === 'data' || typeof change.type !== 'string') return undefined;
  const kind = provider.types.get(change.type);
  const entry = kind === undefined ? undefined : catalogue.get(kind);
  if (kind === undefined || entry === undefined || !('fields' in entry)) return undefined;
  const body = isObject(change.change) ? change.change : {};
  const actions = Array.isArray(body.actions) ? body.actions.filter((a): a is string => typeof a === 'string') : [];
  const address = typeof change.address === 'string' ? change.address : '?';
  const spec = entry.spec;
  const reason = typeof change.action_reason === 'string' ? change.action_reason : undefined;
  const inConfiguration = reason === 'delete_because_no_resource_config' ? false : configured.has(configAddress(address));
  const importing = isObject(body.importing) && typeof body.importing.id === 'string' ? body.importing.id : undefined;
  const fromProvider = provider.connections(configAddress(address), vendorOf(kind));
  const side = (state: Json | undefined): LifecycleValues | undefined =>
    isObject(state) ? { replaceOn: undefined, spec: specOf(withConnection(state, fromProvider.connection), spec, kind) } : undefined;
  const before = side(body.before);
  const after = side(body.after);
  const hasConnection = [before, after].some((values) => isObject(values?.spec?.connection));
  const unreadable = hasConnection ? undefined : fromProvider.missing;
  const refreshed = provider.drift.get(address);
  const drift = refreshed === undefined ? undefined : { prior: side(refreshed.before)?.spec, live: refreshed.after === null ? null : withConnection(refreshed.after, fromProvider.connection) };
  return { stack, address, backing: 'provider', kind, role: 'identity', actions, inConfiguration, reason, before, after, importing, ...(unreadable ? { unreadable } : {}), ...(drift ? { drift } : {}) };
}

/** A resource without a `connection` of its own uses its provider block's (hand-written HCL may put it only there). */
function withConnection(state: JsonObject, fromProvider: JsonObject | undefined): JsonObject {
  return isObject(state.connection) || fromProvider === undefined ? state : { ...state, connection: fromProvider };
}

/** A provider block's connection for a vendor, or why the plan does not hold one. */
interface ProviderConnection {
  readonly connection?: JsonObject;
  readonly missing?: string;
}

/**
 * Each resource's provider block (`provider_config_key`) and what that block sets per vendor — when the plan holds
 * the value: a block written with constants has it (`constant_value`); one that uses variables or other
 * expressions only lists their references, and its resources cannot be read live.
 */
function providerConnections(configuration: Json | undefined): (address: string, vendor: string) => ProviderConnection {
  const blocks = isObject(configuration) && isObject(configuration.provider_config) ? configuration.provider_config : {};
  const keys = new Map<string, string>();
  forEachConfiguredResource(configuration, (address, resource) => {
    if (typeof resource.provider_config_key === 'string') keys.set(address, resource.provider_config_key);
  });
  return (address, vendor) => {
    // A removed block has no configuration: the default provider block is the one that served it.
    const key = keys.get(address) ?? PROVIDER_TYPE;
    const block = blocks[key];
    const expressions = isObject(block) && isObject(block.expressions) ? block.expressions : {};
    const expression = expressions[vendor];
    if (isObject(expression) && isObject(expression.constant_value)) return { connection: expression.constant_value };
    if (!isObject(expression)) return { missing: `it has no connection, and its provider block ${key} sets no ${vendor}: give the resource a connection, or set ${vendor} on the provider block` };
    const references = Array.isArray(expression.references) ? expression.references.filter((r): r is string => typeof r === 'string') : [];
    const uses = references.length > 0 ? `uses ${references.join(', ')}, which` : 'is an expression that';
    return { missing: `it has no connection, and the ${vendor} setting of its provider block ${key} ${uses} the plan does not show: give the resource its own connection, or write that setting with constants` };
  };
}

/** The provider's `timeouts = { create = "60m" }` as the spec's `{ create_seconds = 3600 }`. */
function providerTimeoutsAsSpec(attributes: JsonObject): JsonObject {
  if (!('timeouts' in attributes)) return attributes;
  const timeouts = timeoutsAsSeconds(attributes.timeouts);
  return isObject(timeouts) ? { ...attributes, timeouts } : attributes;
}

/**
 * The spec in the provider's resource, as the lifecycle backing's `input` holds it: its spec attributes (not the
 * computed ones: id, live status…), nulls for "left out" dropped and the kind's defaults filled in again, so
 * that a field that may be absent but not null (a VR connection's `local_site`) parses as it does from `input`.
 */
function specOf(state: JsonObject, schema: ZodTypeAny, kind: string): JsonObject {
  const fields = new Set(specFieldsOf(schema, kind));
  const stripped = withoutNulls(Object.fromEntries(Object.entries(state).filter(([name]) => fields.has(name))));
  const attributes = isObject(stripped) ? providerTimeoutsAsSpec(stripped) : {};
  const parsed = schema.safeParse(attributes);
  const normalized: unknown = parsed.success ? parsed.data : undefined;
  return isObject(normalized) ? normalized : attributes;
}

function parseJson(text: string, source: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new PlanFormatError(source, `not JSON (${(error as Error).message}); give the output of \`terraform show -json tfplan\``);
  }
}

/** Address (without instance keys) → what its provisioner command runs, for every configured resource. */
function configuredResources(configuration: Json | undefined, catalogue: ReviewCatalogue): Map<string, Recognised | undefined> {
  const found = new Map<string, Recognised | undefined>();
  forEachConfiguredResource(configuration, (address, resource) => found.set(address, fromProvisioners(resource.provisioners, catalogue)));
  return found;
}

/** Every resource block of the configuration, modules included, with its configuration address. */
function forEachConfiguredResource(configuration: Json | undefined, visit: (address: string, resource: JsonObject) => void): void {
  const walk = (module: Json | undefined, prefix: string): void => {
    if (!isObject(module)) return;
    for (const resource of Array.isArray(module.resources) ? module.resources : []) {
      if (isObject(resource) && typeof resource.address === 'string') visit(prefix + resource.address, resource);
    }
    const calls = isObject(module.module_calls) ? module.module_calls : {};
    for (const [name, call] of Object.entries(calls)) {
      if (isObject(call)) walk(call.module, `${prefix}module.${name}.`);
    }
  };
  if (isObject(configuration)) walk(configuration.root_module, '');
}

/** The kind and role of `… lifecycle <create|update|delete> <kind>`: a kind with settings updates from its settings resource. */
function fromCommand(command: string, catalogue: ReviewCatalogue): Recognised | undefined {
  const words = command.split(/\s+/);
  for (let i = 0; i + 2 < words.length; i += 1) {
    const entry = words[i] === 'lifecycle' && ACTIONS.has(words[i + 1] ?? '') ? catalogue.get(words[i + 2] ?? '') : undefined;
    if (entry === undefined) continue;
    if (!('fields' in entry)) return 'not-reviewed';
    return { kind: entry.kind, role: words[i + 1] === 'update' && entry.fields.settings.length > 0 ? 'settings' : 'identity' };
  }
  return undefined;
}

function fromProvisioners(provisioners: Json | undefined, catalogue: ReviewCatalogue): Recognised | undefined {
  for (const provisioner of Array.isArray(provisioners) ? provisioners : []) {
    const command = isObject(provisioner) && isObject(provisioner.expressions) ? provisioner.expressions.command : undefined;
    const found = isObject(command) && typeof command.constant_value === 'string' ? fromCommand(command.constant_value, catalogue) : undefined;
    if (found) return found;
  }
  return undefined;
}

/** `module.a["x"].terraform_data.b[0]` → `module.a.terraform_data.b` (configuration addresses carry no keys). */
function configAddress(address: string): string {
  return address.replace(/\[[^\]]*\]/g, '');
}

function readChange(
  change: unknown,
  stack: string,
  configured: Map<string, Recognised | undefined>,
  catalogue: ReviewCatalogue,
  inPlan: ReadonlySet<string>,
): LifecycleChange | undefined {
  if (!isObject(change) || change.mode === 'data' || typeof change.type !== 'string' || !BACKINGS.has(change.type)) return undefined;
  const body = isObject(change.change) ? change.change : {};
  const actions = Array.isArray(body.actions) ? body.actions.filter((a): a is string => typeof a === 'string') : [];
  const address = typeof change.address === 'string' ? change.address : '?';
  const backing = change.type as LifecycleChange['backing'];
  const before = valuesOf(body.before, backing);
  const after = valuesOf(body.after, backing);
  const key = configAddress(address);
  // A block still in the configuration says what it runs; only one that is gone is recognised by its settings fields.
  const fromConfiguration = configured.has(key) ? configured.get(key) : settingsOwner(after, catalogue, inPlan) ?? settingsOwner(before, catalogue, inPlan);
  const recognised = namedKind(after, catalogue) ?? namedKind(before, catalogue) ?? fromConfiguration;
  if (recognised === undefined || recognised === 'not-reviewed') return undefined;
  const { kind, role } = recognised;
  const reason = typeof change.action_reason === 'string' ? change.action_reason : undefined;
  const inConfiguration = reason === 'delete_because_no_resource_config' ? false : configured.has(key);
  return { stack, address, backing, kind, role, actions, inConfiguration, reason, before, after };
}

function valuesOf(state: Json | undefined, backing: LifecycleChange['backing']): LifecycleValues | undefined {
  if (!isObject(state)) return undefined;
  if (backing === 'terraform_data') {
    return { replaceOn: isObject(state.triggers_replace) ? state.triggers_replace : undefined, spec: isObject(state.input) ? state.input : undefined };
  }
  const triggers = isObject(state.triggers) ? state.triggers : {};
  return { replaceOn: jsonObjectOf(triggers.replace_on), spec: jsonObjectOf(triggers.destroy_spec) };
}

function jsonObjectOf(text: Json | undefined): JsonObject | undefined {
  if (typeof text !== 'string') return undefined;
  try {
    const value = JSON.parse(text) as Json;
    return isObject(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** An identity's replace-on values start with its kind. */
function namedKind(values: LifecycleValues | undefined, catalogue: ReviewCatalogue): Recognised | undefined {
  const kind = values?.replaceOn?.kind;
  const named = typeof kind === 'string' ? catalogue.get(kind) : undefined;
  if (named === undefined) return undefined;
  return 'fields' in named ? { kind: named.kind, role: 'identity' } : 'not-reviewed';
}

/**
 * A settings resource whose block is gone (no command in the configuration): its replace-on values hold its
 * kind's settings fields (and the identity's id); it is that kind's when exactly one kind has those fields.
 */
function settingsOwner(values: LifecycleValues | undefined, catalogue: ReviewCatalogue, inPlan: ReadonlySet<string>): Recognised | undefined {
  const replaceOn = values?.replaceOn;
  if (!replaceOn || 'kind' in replaceOn) return undefined;
  const byName = [...catalogue.values()].filter((entry) => 'fields' in entry && entry.fields.settings.length > 0 && entry.fields.settings.every((field) => field in replaceOn));
  // Kinds may share a settings field's name (`settings`): then the fields inside it must be ones the kind words,
  // and the kind must have an identity in this plan.
  const owners = byName.length > 1 ? byName.filter((entry) => inPlan.has(entry.kind) && wordsEveryField(entry, replaceOn)) : byName;
  const [owner] = owners;
  return owners.length === 1 && owner !== undefined ? { kind: owner.kind, role: 'settings' } : undefined;
}

/** The kinds whose identities this plan holds (their replace-on values name them). */
function identityKinds(changes: readonly unknown[], catalogue: ReviewCatalogue): Set<string> {
  const kinds = new Set<string>();
  for (const change of changes) {
    if (!isObject(change) || typeof change.type !== 'string' || !BACKINGS.has(change.type)) continue;
    const body = isObject(change.change) ? change.change : {};
    const backing = change.type as LifecycleChange['backing'];
    for (const values of [valuesOf(body.before, backing), valuesOf(body.after, backing)]) {
      const named = namedKind(values, catalogue);
      if (named !== undefined && named !== 'not-reviewed') kinds.add(named.kind);
    }
  }
  return kinds;
}

function wordsEveryField(entry: ReviewKind, replaceOn: JsonObject): boolean {
  if (!('fields' in entry)) return false;
  return entry.fields.settings.every((field) => {
    const value = replaceOn[field];
    return !isObject(value) || Object.keys(value).every((key) => entry.review.words.some((words) => words.path === `${field}.${key}`));
  });
}

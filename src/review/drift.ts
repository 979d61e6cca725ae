/**
 * `--live`: reads each managed object live and reports drift next to the plan: the live object differs from what
 * Terraform deployed (missing, paused, in error or late, settings changed by hand: each kind's profile says
 * which live states are drift). Lifecycle resources never refresh, so Terraform itself cannot see any of this.
 * For a kind whose profile lists its objects per place (VR: the replications on a pairing), it also reports
 * the objects at the app's places that no construct of the app declares (orphans).
 *
 * One run is one live session: one client per connection, logged out at the end (`close`), and whatever look-ups
 * a vendor's profiles share on it. The client factory (and the shared state it may open) is loaded only here,
 * lazily: a plan-only review builds no client.
 */
import { UNNAMED_OWNER } from '../resources/ownership';
import { isObject, type DriftFinding, type JsonObject, type LiveProfile, type LiveSession, type LiveSubject, type ReviewCatalogue, type Risk, type UnmanagedObject } from '../resources/review-profile';
import type { ForeignObject, LiveView, ReviewItem } from './model';

/** Reads live objects; `read` resolves to undefined when the object does not exist and throws when it cannot be read. */
export interface LiveReader {
  read(kind: string, spec: JsonObject): Promise<unknown>;
  /** Every live object of `kind` at the place the spec names; undefined when there is no such place. */
  inventory?(kind: string, spec: JsonObject): Promise<readonly unknown[] | undefined>;
  /** Ends the run: logs out of every appliance it logged in to. */
  close?(): Promise<void>;
}

/** How many objects are read at the same time. */
const CONCURRENCY = 8;

function liveOf(catalogue: ReviewCatalogue, kind: string): LiveProfile | undefined {
  const entry = catalogue.get(kind);
  return entry && 'fields' in entry ? entry.review.live : undefined;
}

/** The real reader: through each kind's profile, clients built from the spec's connection, credentials read from `env`. */
export async function createLiveReader(env: NodeJS.ProcessEnv, warn: (message: string) => void, catalogue: ReviewCatalogue): Promise<LiveReader> {
  const [{ createClientFactory }, { cacheOwnershipRecords }, { cacheDirFrom }] = await Promise.all([import('../resources/clients'), import('../resources/ownership'), import('../runtime/cache-dir')]);
  const clients = createClientFactory({ log: { info: () => undefined, debug: () => undefined, warn }, env });
  // This machine's records of who created what: an unmanaged object they name this app's is an orphan, others' are not.
  const ownership = cacheOwnershipRecords(cacheDirFrom(env));
  const session: LiveSession = { clients, ...(ownership === undefined ? {} : { ownership }) };
  const profile = (kind: string): LiveProfile => {
    const live = liveOf(catalogue, kind);
    if (!live) throw new Error(`objects of kind ${kind} cannot be read live`);
    return live;
  };
  return {
    read: (kind, spec) => profile(kind).read(spec, session),
    async inventory(kind, spec) {
      return profile(kind).inventory?.list(spec, session);
    },
    async close() {
      const logouts = clients.all().map((client) => client.logout().catch((error: unknown) => warn(`logout from ${client.baseUrl} failed: ${(error as Error).message}`)));
      await Promise.all(logouts);
    },
  };
}

/**
 * The items with what the plan's own refresh found (provider resources: `resource_drift`): an object paused, in
 * error, changed by hand or deleted outside Terraform gets its findings and a `drift` risk, without `--live`.
 */
export function withPlanDrift(items: readonly ReviewItem[], catalogue: ReviewCatalogue): ReviewItem[] {
  return items.map((item) => {
    const refreshed = item.specs?.refreshed;
    const profile = liveOf(catalogue, item.kind);
    if (refreshed === undefined || profile === undefined) return item;
    const subject: LiveSubject = { ...subjectOf(item), expected: true };
    const findings = profile.findings(refreshed ?? undefined, subject).filter((finding) => finding.kind !== 'exists' && finding.kind !== 'conflict');
    if (findings.length === 0) return item;
    return { ...item, drift: findings, risks: [...item.risks, driftRisk(item, planFixes(item, profile), subject, findings, 'the plan')] };
  });
}

/** The plan itself puts back a deleted object or a hand-changed setting: its fix says so, not how to force it. */
function planFixes(item: ReviewItem, profile: LiveProfile): Pick<LiveProfile, 'fix'> {
  return {
    fix(kind, subject) {
      if (kind === 'missing' && item.action === 'create') return 'This apply makes it again; find out who removed it.';
      if (kind === 'settings' && item.changes.some((change) => change.reverts === true)) return "This apply puts the code's settings back; find out who changed them, or write their values into the code.";
      return profile.fix(kind, subject);
    },
  };
}

/** The `drift` risks the plan's refresh gave an item (a live read supersedes them). */
function isPlanDrift(risk: Risk): boolean {
  return risk.class === 'drift' && risk.message.startsWith(PLAN_DRIFT);
}

/** The items with their `live` view and, where the live object drifted, a `drift` risk; then the unmanaged objects. */
export async function checkDrift(
  items: readonly ReviewItem[],
  reader: LiveReader,
  catalogue: ReviewCatalogue,
  stacks: readonly string[] = [],
): Promise<{ items: ReviewItem[]; foreign: ForeignObject[]; errors: string[] }> {
  const result: ReviewItem[] = [...items];
  const errors: string[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      const item = items[index];
      const spec = item.specs?.deployed ?? item.specs?.code;
      const live = liveOf(catalogue, item.kind);
      if (!spec || !live) continue;
      try {
        if (item.specs?.unreadable !== undefined) throw new Error(item.specs.unreadable);
        result[index] = withLive(item, live, await reader.read(item.kind, spec));
      } catch (error) {
        const message = `${item.id}: cannot read the live object: ${(error as Error).message}`;
        errors.push(message);
        result[index] = { ...item, live: { status: 'unreadable', findings: [{ kind: 'unreadable', text: (error as Error).message }], id: null } };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, items.length) }, worker));
  const unmanaged: ReviewItem[] = [];
  const foreign: ForeignObject[] = [];
  for (const [kind, entry] of catalogue) {
    const inventory = 'fields' in entry ? entry.review.live?.inventory : undefined;
    if (inventory && 'fields' in entry) unmanaged.push(...(await unmanagedObjects(kind, entry.review.noun, entry.review.shape, items, reader, errors)));
  }
  foreign.sort((a, b) => a.stack.localeCompare(b.stack) || a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name));
  return { items: [...result, ...unmanaged], foreign, errors: errors.sort() };

  async function unmanagedObjects(kind: string, noun: string, shape: ReviewItem['shape'], all: readonly ReviewItem[], on: LiveReader, failures: string[]): Promise<ReviewItem[]> {
    const inventory = liveOf(catalogue, kind)?.inventory;
    if (!inventory || !on.inventory) return [];
    const declared = new Set<string>();
    for (const item of all.filter((candidate) => candidate.kind === kind)) {
      for (const spec of [item.specs?.deployed, item.specs?.code]) if (spec) inventory.declaredKeys(spec).forEach((key) => declared.add(key));
    }
    const seen = new Set<string>();
    const found: ReviewItem[] = [];
    for (const { item, spec } of placesOf(all, inventory.placeOf)) {
      let listed: readonly unknown[] | undefined;
      try {
        listed = await on.inventory(kind, spec);
      } catch (error) {
        failures.push(`${item.stack}: cannot list the ${noun}s on ${item.source} → ${item.target}: ${(error as Error).message}`);
        continue;
      }
      for (const live of (listed ?? []).filter(isObject)) {
        const keys = inventory.liveKeys(live, spec);
        if (seen.has(keys.unique) || keys.declared.some((key) => declared.has(key))) continue;
        seen.add(keys.unique);
        const object = inventory.describe(live, item.source);
        const owner = typeof live.owner === 'string' ? live.owner : null;
        if (owner !== null && ownedHere(owner, stacks, all)) found.push(unmanagedItem(item, kind, noun, shape, object));
        else foreign.push({ stack: item.stack, kind, noun, name: object.name, source: item.source, target: object.target, owner, liveId: object.liveId });
      }
    }
    return found;
  }
}

/**
 * Whether an owner (`<stack>/<construct path>`, as this machine's records or the object's description name it) is
 * this app's: one of the reviewed stacks, or an owner one of its specs names. A spec written without an owner shares
 * the unnamed one with everybody's: never proof of this app's.
 */
function ownedHere(owner: string, stacks: readonly string[], items: readonly ReviewItem[]): boolean {
  if (owner === UNNAMED_OWNER) return false;
  const stack = owner.includes('/') ? owner.slice(0, owner.indexOf('/')) : undefined;
  if (stack !== undefined && stacks.includes(stack)) return true;
  return items.some((item) => [item.specs?.deployed, item.specs?.code].some((spec) => spec?.owner === owner));
}

/** One item per place the app uses (as the kind's inventory names places): the first that names it. */
function placesOf(items: readonly ReviewItem[], placeOf: (spec: JsonObject) => string | undefined): Array<{ item: ReviewItem; spec: JsonObject }> {
  const places = new Map<string, { item: ReviewItem; spec: JsonObject }>();
  for (const item of items) {
    const spec = item.specs?.code ?? item.specs?.deployed;
    const key = spec ? placeOf(spec) : undefined;
    if (spec && key !== undefined && !places.has(key)) places.set(key, { item, spec });
  }
  return [...places.values()];
}

function unmanagedItem(neighbour: ReviewItem, kind: string, noun: string, shape: ReviewItem['shape'], object: UnmanagedObject): ReviewItem {
  return {
    id: `${neighbour.stack}/${kind}/${object.name}`,
    stack: neighbour.stack,
    kind,
    noun,
    shape,
    name: object.name,
    source: neighbour.source,
    sourceSite: neighbour.source,
    target: object.target,
    action: 'no-change',
    summary: object.summary,
    retire: false,
    changes: [],
    risks: [object.risk],
    rpoMinutes: object.rpoMinutes,
    seeded: false,
    retainReplicaDisks: null,
    facts: '',
    addresses: [],
    drift: [],
    live: { status: 'drifted', id: object.liveId, findings: [{ kind: 'unmanaged', text: object.finding }] },
  };
}

function subjectOf(item: ReviewItem): LiveSubject {
  return {
    name: item.name,
    source: item.source,
    target: item.target,
    deployed: item.specs?.deployed,
    code: item.specs?.code,
    expected: item.specs?.deployed !== undefined && !item.retire && item.summary.startsWith('retired') === false,
    addresses: item.addresses,
    settingsAddress: item.specs?.settingsAddress,
  };
}

function withLive(item: ReviewItem, profile: LiveProfile, live: unknown): ReviewItem {
  const state = isObject(live) ? live : undefined;
  const subject = subjectOf(item);
  const findings = profile.findings(state, subject);
  const drifted = findings.filter((finding) => finding.kind !== 'exists' && finding.kind !== 'conflict');
  const conflicts = findings.filter((finding) => finding.kind === 'conflict');
  const id = state === undefined ? null : typeof state.id === 'string' ? state.id : null;
  const status: LiveView['status'] = drifted.length > 0 ? 'drifted' : state === undefined ? 'absent' : 'in-sync';
  // The live read is newer than the plan's refresh: its drift replaces the plan's.
  const kept = item.risks.filter((risk) => !isPlanDrift(risk));
  const risks = [
    ...kept,
    ...(drifted.length > 0 ? [driftRisk(item, profile, subject, drifted, 'live')] : []),
    ...conflicts.map((conflict) => blockedRisk(item, conflict, profile.fix('conflict', subject))),
  ];
  return { ...item, risks, live: { status, findings, id } };
}

const PLAN_DRIFT = 'DRIFT (seen by the plan):';

function driftRisk(item: ReviewItem, profile: Pick<LiveProfile, 'fix'>, subject: LiveSubject, findings: readonly DriftFinding[], seenBy: 'live' | 'the plan'): Risk {
  const kinds = [...new Set(findings.map((finding) => finding.kind))];
  const head = seenBy === 'live' ? 'DRIFT:' : PLAN_DRIFT;
  return {
    class: 'drift',
    message: `${head} the live ${item.noun} differs from the code: ${findings.map((f) => f.text).join('; ')}.`,
    fix: kinds.map((kind) => profile.fix(kind, subject)).filter((fix) => fix.length > 0).join(' '),
  };
}

/** A create that meets an object the apply will not take over. */
function blockedRisk(item: ReviewItem, conflict: DriftFinding, fix: string): Risk {
  return { class: 'blocked', message: `APPLY WILL STOP: ${item.name}: ${conflict.text}.`, fix };
}

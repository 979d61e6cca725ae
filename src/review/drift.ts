/**
 * `--live`: reads each managed object live and reports drift next to the plan: the live replication differs
 * from what Terraform deployed (missing, paused, in ERROR or RPO violation, settings changed by hand).
 * Lifecycle resources never refresh, so Terraform itself cannot see any of this. It also lists every
 * replication on each pairing the app uses and reports those no construct of the app declares (orphans).
 *
 * One run is one session per appliance, logged out at the end (`close`), and one look-up of each pairing
 * and of its replications, shared by every object on it. The reads follow the handlers' `read` (pairing by
 * its reference, replication by its natural key: pairing + VM) on that shared look-up.
 *
 * @api VR POST   /session
 * @api VR DELETE /session
 * @api VR GET    /pairings
 * @api VR GET    /pairings/{pairing_id}/replications
 *
 * The clients are loaded only here, lazily, so a plan-only review stays quick to start.
 */
import type { Pairing, ReplicationInfo } from '../../lib/client/vr/types';
import type { VrPairingState } from '../resources/vr/pairing/handler';
import type { VrReplicationState } from '../resources/vr/replication/handler';
import type { ConnectionSpec, PairingRef } from '../resources/vr/connection';
import { replicationChanges, valueAt } from './field-changes';
import type { DriftFinding, JsonObject, LiveView, ReviewItem, ReviewKind, Risk } from './model';
import { unmanagedRisk } from './risks';

/** Reads one live object; `undefined` = it does not exist. Throws when it cannot be read. */
export interface LiveReader {
  read(kind: ReviewKind, spec: JsonObject): Promise<unknown>;
  /** Every replication on the pairing the spec names; undefined when there is no such pairing. */
  replicationsOn?(spec: JsonObject): Promise<readonly VrReplicationState[] | undefined>;
  /** Ends the run: logs out of every appliance it logged in to. */
  close?(): Promise<void>;
}

/** How many objects are read at the same time. */
const CONCURRENCY = 8;

/** Where a spec's objects live: the appliance (as the user it logs in as) and the pairing reference. */
interface Place {
  readonly connection: ConnectionSpec;
  readonly pairing: PairingRef;
}

function placeKey(place: Place): string {
  return JSON.stringify([place.connection.endpoint, place.connection.credentials.username_env, place.pairing.id, place.pairing.remote_site]);
}

function memo<T>(cache: Map<string, Promise<T>>, key: string, load: () => Promise<T>): Promise<T> {
  const cached = cache.get(key);
  if (cached) return cached;
  const loading = load();
  cache.set(key, loading);
  return loading;
}

/** The real reader: clients built from the spec's connection, credentials read from `env`. */
export async function createLiveReader(env: NodeJS.ProcessEnv, warn: (message: string) => void): Promise<LiveReader> {
  const [{ createClientFactory }, { vrClient }, resolve, { vrPairingHandler, toState: pairingState }, { vrReplicationHandler, toState: replicationState }] = await Promise.all([
    import('../resources/clients'),
    import('../resources/vr/client'),
    import('../resources/vr/resolve'),
    import('../resources/vr/pairing/handler'),
    import('../resources/vr/replication/handler'),
  ]);
  const clients = createClientFactory({ log: { info: () => undefined, debug: () => undefined, warn }, env });
  const pairings = new Map<string, Promise<Pairing | undefined>>();
  const lists = new Map<string, Promise<ReplicationInfo[]>>();

  const pairingAt = (place: Place): Promise<Pairing | undefined> =>
    memo(pairings, placeKey(place), () => resolve.findPairing(clients.get(vrClient, place.connection), place.pairing));

  const replicationsAt = async (place: Place): Promise<{ pairing: Pairing; list: ReplicationInfo[] } | undefined> => {
    const pairing = await pairingAt(place);
    if (!pairing) return undefined;
    const list = await memo(lists, placeKey(place), () => clients.get(vrClient, place.connection).listReplications(pairing.pairing_id ?? ''));
    return { pairing, list };
  };

  const replicationSpec = (raw: JsonObject) => {
    try {
      return vrReplicationHandler.parseSpec(raw, 'read');
    } catch {
      return vrReplicationHandler.parseSpec(raw, 'delete'); // null_resource identities store no settings
    }
  };

  /** No such pairing: the handler's own look-up fails with the message naming the pairings there are. */
  const missingPairing = async (place: Place): Promise<never> => {
    await resolve.resolvePairing(clients.get(vrClient, place.connection), place.pairing);
    throw new Error(`the pairing ${place.pairing.id ?? place.pairing.remote_site ?? '?'} appeared during the review; run it again`);
  };

  /** A pairing or replication spec's place (both name a connection and a pairing). */
  const placeOf = (raw: JsonObject): Place => (valueAt(raw, 'vm') === undefined ? vrPairingHandler.parseSpec(raw, 'read') : replicationSpec(raw));

  return {
    async read(kind, raw) {
      if (kind === 'vr.pairing') {
        const pairing = await pairingAt(vrPairingHandler.parseSpec(raw, 'read'));
        return pairing ? pairingState(pairing) : undefined;
      }
      const spec = replicationSpec(raw);
      const found = await replicationsAt(spec);
      if (!found) return missingPairing(spec);
      const info = found.list.find((r) => (spec.vm.id !== null ? r.vm_id === spec.vm.id : r.name === spec.vm.name));
      return info ? replicationState(info, found.pairing) : undefined;
    },
    async replicationsOn(raw) {
      const found = await replicationsAt(placeOf(raw));
      return found?.list.map((info) => replicationState(info, found.pairing));
    },
    async close() {
      const logouts = clients.all().map((client) => client.logout().catch((error: unknown) => warn(`logout from ${client.baseUrl} failed: ${(error as Error).message}`)));
      await Promise.all(logouts);
    },
  };
}

/** The items with their `live` view and, where the live object drifted, a `drift` risk; then the unmanaged replications. */
export async function checkDrift(items: readonly ReviewItem[], reader: LiveReader): Promise<{ items: ReviewItem[]; errors: string[] }> {
  const result: ReviewItem[] = [...items];
  const errors: string[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      const item = items[index];
      const spec = item.specs?.deployed ?? item.specs?.code;
      if (!spec) continue;
      try {
        result[index] = withLive(item, await reader.read(item.kind, spec));
      } catch (error) {
        const message = `${item.id}: cannot read the live object: ${(error as Error).message}`;
        errors.push(message);
        result[index] = { ...item, live: { status: 'unreadable', findings: [{ kind: 'unreadable', text: (error as Error).message }], id: null } };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, items.length) }, worker));
  const unmanaged = await unmanagedReplications(items, reader, errors);
  return { items: [...result, ...unmanaged], errors: errors.sort() };
}

/** `endpoint|vm name` and `endpoint|id:vm id` of every replication the app declares, in any stack, before or after the plan. */
function declaredVms(items: readonly ReviewItem[]): Set<string> {
  const declared = new Set<string>();
  for (const item of items) {
    if (item.kind !== 'vr.replication') continue;
    for (const spec of [item.specs?.deployed, item.specs?.code]) {
      const endpoint = String(valueAt(spec, 'connection.endpoint') ?? '');
      const name = valueAt(spec, 'vm.name');
      const id = valueAt(spec, 'vm.id');
      if (typeof name === 'string') declared.add(`${endpoint}|${name}`);
      if (typeof id === 'string') declared.add(`${endpoint}|id:${id}`);
    }
  }
  return declared;
}

/** One item per place (appliance + pairing reference) the app uses: the first that names it. */
function itemsPerPairing(items: readonly ReviewItem[]): Map<string, { item: ReviewItem; spec: JsonObject }> {
  const places = new Map<string, { item: ReviewItem; spec: JsonObject }>();
  for (const item of items) {
    const spec = item.specs?.code ?? item.specs?.deployed;
    if (!spec) continue;
    const key = JSON.stringify([valueAt(spec, 'connection.endpoint') ?? null, valueAt(spec, 'connection.credentials') ?? null, valueAt(spec, 'pairing') ?? null]);
    if (!places.has(key)) places.set(key, { item, spec });
  }
  return places;
}

/** The replications on the app's pairings that no construct of the app declares. */
async function unmanagedReplications(items: readonly ReviewItem[], reader: LiveReader, errors: string[]): Promise<ReviewItem[]> {
  if (!reader.replicationsOn) return [];
  const declared = declaredVms(items);
  const seen = new Set<string>();
  const found: ReviewItem[] = [];
  for (const { item, spec } of itemsPerPairing(items).values()) {
    const endpoint = String(valueAt(spec, 'connection.endpoint') ?? '');
    let live: readonly VrReplicationState[] | undefined;
    try {
      live = await reader.replicationsOn(spec);
    } catch (error) {
      errors.push(`${item.stack}: cannot list the replications on ${item.source} → ${item.target}: ${(error as Error).message}`);
      continue;
    }
    for (const replication of live ?? []) {
      const key = `${endpoint}|${replication.id}`;
      if (seen.has(key) || declared.has(`${endpoint}|${replication.name}`) || (replication.vm_id !== null && declared.has(`${endpoint}|id:${replication.vm_id}`))) continue;
      seen.add(key);
      found.push(unmanagedItem(item, replication));
    }
  }
  return found;
}

function unmanagedItem(neighbour: ReviewItem, replication: VrReplicationState): ReviewItem {
  const where = `${neighbour.source} → ${replication.target_site}`;
  return {
    id: `${neighbour.stack}/vr.replication/${replication.name}`,
    stack: neighbour.stack,
    kind: 'vr.replication',
    name: replication.name,
    source: neighbour.source,
    target: replication.target_site,
    action: 'no-change',
    summary: 'unmanaged (orphan): replicated on the appliance, declared by no construct of this app',
    retire: false,
    changes: [],
    risks: [unmanagedRisk(replication.name, where)],
    rpoMinutes: replication.settings.rpo_minutes,
    seeded: false,
    retainReplicaDisks: null,
    addresses: [],
    live: {
      status: 'drifted',
      id: replication.id,
      findings: [{ kind: 'unmanaged', text: `replication ${replication.id} of ${replication.name} (RPO ${replication.settings.rpo_minutes} min) on ${where}: no construct of this app declares it` }],
    },
  };
}

function withLive(item: ReviewItem, live: unknown): ReviewItem {
  const findings = item.kind === 'vr.pairing' ? pairingFindings(item, live as VrPairingState | undefined) : replicationFindings(item, live as VrReplicationState | undefined);
  const drifted = findings.filter((finding) => finding.kind !== 'exists');
  const id = live === undefined ? null : (live as { id: string }).id;
  const status: LiveView['status'] = drifted.length > 0 ? 'drifted' : live === undefined ? 'absent' : 'in-sync';
  const risks = drifted.length > 0 ? [...item.risks, driftRisk(item, drifted)] : item.risks;
  return { ...item, risks, live: { status, findings, id } };
}

function deployedAndPresent(item: ReviewItem): boolean {
  return item.specs?.deployed !== undefined && !item.retire && item.summary.startsWith('retired') === false;
}

function replicationFindings(item: ReviewItem, live: VrReplicationState | undefined): DriftFinding[] {
  const deployed = item.specs?.deployed;
  if (!live) {
    return deployedAndPresent(item) ? [{ kind: 'missing', text: `no replication of ${item.name} on ${item.source} (removed outside Terraform?)` }] : [];
  }
  if (!deployed) return [{ kind: 'exists', text: existingText(item, live) }];
  const findings: DriftFinding[] = [];
  const status = live.status;
  if (status === 'PAUSED') findings.push({ kind: 'paused', text: 'replication is PAUSED: no new recovery points are made' });
  else if (status.startsWith('ERROR') || live.configuration_state === 'ERROR') findings.push({ kind: 'error', text: `replication is in ERROR (status ${status}, configuration ${live.configuration_state})` });
  else if (status === 'NOT_ACTIVE' || status === 'UNKNOWN') findings.push({ kind: 'status', text: `replication status is ${status}` });
  if (live.rpo_violation || status.endsWith('RPO_VIOLATION')) findings.push({ kind: 'rpo-violation', text: 'RPO violation: the last recovery point is older than the RPO' });
  const changed = replicationChanges({ settings: valueAt(deployed, 'settings') ?? null }, { settings: { ...live.settings } });
  for (const change of changed) findings.push({ kind: 'settings', text: `changed outside the code: ${change.text} (code → live)` });
  return findings;
}

/** A create that meets a replication already there: taken over only with `adopt: true` (DESIGN: adoption is never silent). */
function existingText(item: ReviewItem, live: VrReplicationState): string {
  if (valueAt(item.specs?.code, 'adopt') === true) return `already replicated (replication ${live.id}): create TAKES IT OVER (adopt: true)`;
  return `already replicated (replication ${live.id}), not created by this code: create stops unless the construct sets \`adopt: true\` (or it is this code's own, left by an interrupted apply on the same machine)`;
}

function pairingFindings(item: ReviewItem, live: VrPairingState | undefined): DriftFinding[] {
  if (!live) return deployedAndPresent(item) ? [{ kind: 'missing', text: `pairing to ${item.target} not found on ${item.source}` }] : [];
  return live.status === 'OK' ? [] : [{ kind: 'status', text: `remote site status is ${live.status}` }];
}

const FIXES: Record<string, (item: ReviewItem) => string> = {
  missing: (item) =>
    item.kind === 'vr.pairing'
      ? 'Recreate or re-pair the sites, then apply.'
      : `\`terraform apply -replace=${item.addresses[0]}\` configures it again (an initial full sync).`,
  paused: () => 'Resume it (vSphere Replication UI, or `POST …/replications/{id}/actions/resume`) or find out who paused it; Terraform will not resume it.',
  error: () => 'Check the replication in vSphere Replication (site connectivity, target datastore space); the code is not the cause.',
  'rpo-violation': () => 'Check the link and the change rate between the sites, or raise the RPO in the code.',
  settings: (item) =>
    `\`terraform apply -replace=${item.specs?.settingsAddress ?? item.addresses[item.addresses.length - 1]}\` reconfigures it back to the code in place (no resync); Terraform does not see this drift by itself.`,
  status: () => 'Check the sites and the pairing in vSphere Replication.',
};

function driftRisk(item: ReviewItem, findings: readonly DriftFinding[]): Risk {
  const kinds = [...new Set(findings.map((finding) => finding.kind))];
  return {
    class: 'drift',
    message: `DRIFT: the live ${item.kind === 'vr.pairing' ? 'pairing' : 'replication'} differs from the code: ${findings.map((f) => f.text).join('; ')}.`,
    fix: kinds.map((kind) => (FIXES[kind] ?? (() => ''))(item)).filter((fix) => fix.length > 0).join(' '),
  };
}

/**
 * `--live`: reads each managed object through its handler's `read` (the same code the lifecycle CLI runs)
 * and reports drift next to the plan: the live replication differs from what Terraform deployed
 * (missing, paused, in ERROR or RPO violation, settings changed by hand). Lifecycle resources never
 * refresh, so Terraform itself cannot see any of this.
 *
 * The handlers and clients are loaded only here, lazily, so a plan-only review stays quick to start.
 */
import type { VrPairingState } from '../resources/vr-pairing';
import type { VrReplicationState } from '../resources/vr-replication';
import { replicationChanges, valueAt } from './field-changes';
import type { DriftFinding, JsonObject, LiveView, ReviewItem, ReviewKind, Risk } from './model';

/** Reads one live object; `undefined` = it does not exist. Throws when it cannot be read. */
export interface LiveReader {
  read(kind: ReviewKind, spec: JsonObject): Promise<unknown>;
}

/** How many objects are read at the same time. */
const CONCURRENCY = 8;

/** The real reader: the registry's handlers with a client factory reading credentials from `env`. */
export async function createLiveReader(env: NodeJS.ProcessEnv, warn: (message: string) => void): Promise<LiveReader> {
  const [{ handlerFor }, { createClientFactory }] = await Promise.all([import('../resources/registry'), import('../resources/clients')]);
  const log = { info: () => undefined, debug: () => undefined, warn };
  const progress = { start: () => undefined, update: () => undefined, stop: () => undefined };
  const ctx = { env, log, progress, clients: createClientFactory({ log, env }) };
  return {
    async read(kind, spec) {
      const handler = handlerFor(kind);
      let parsed: unknown;
      try {
        parsed = handler.parseSpec(spec, 'read');
      } catch {
        parsed = handler.parseSpec(spec, 'delete'); // null_resource identities store no settings
      }
      return handler.read(parsed, ctx);
    },
  };
}

/** The items with their `live` view and, where the live object drifted, a `drift` risk. */
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
  return { items: result, errors: errors.sort() };
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
  if (!deployed) return [{ kind: 'exists', text: `already replicated (replication ${live.id}): create adopts it` }];
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

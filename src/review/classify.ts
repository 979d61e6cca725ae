/**
 * Classifies the lifecycle resources of a plan into one review item per managed replication and pairing.
 *
 * A replication is two resources: the identity (configure / unconfigure) and the settings (reconfigure).
 * They are grouped by their spec (endpoint + pairing + VM), or by their construct path when a spec is
 * unknown until apply (null_resource settings). Then:
 * identity replaced → replace (a full resync unless seeded); identity replaced because `ensure: absent`
 * appeared → a retire; only settings changed → update in place; identity deleted with its block gone →
 * an orphan; `forget` → an intentional orphan.
 */
import { pairingChanges, replicationChanges, valueAt } from './field-changes';
import type { FieldChange, Json, JsonObject, ReviewAction, ReviewItem, Risk } from './model';
import { isObject, type LifecycleChange } from './plan-reader';
import { dataLossRisk, forgetRisk, orphanRisk, pairingDeleteRisk, resyncRisk } from './risks';

export interface ClassifyOptions {
  /**
   * Addresses covered by a `removed` block that runs a destroy-time provisioner (read from cdk.tf.json
   * with --synth-dir; the plan JSON does not show removed blocks): their delete hook does run.
   */
  readonly removedWithHook?: ReadonlySet<string>;
}

interface ReplicationGroup {
  identity: LifecycleChange | undefined;
  readonly settings: LifecycleChange[];
}

type TfAction = 'create' | 'update' | 'replace' | 'delete' | 'forget' | 'no-op';

function tfAction(change: LifecycleChange | undefined): TfAction {
  const actions = change?.actions ?? [];
  if (actions.includes('delete') && actions.includes('create')) return 'replace';
  for (const action of ['create', 'update', 'delete', 'forget'] as const) if (actions.includes(action)) return action;
  return 'no-op';
}

function specKey(stack: string, spec: JsonObject | undefined): string | undefined {
  if (!spec) return undefined;
  const endpoint = valueAt(spec, 'connection.endpoint');
  const pairing = valueAt(spec, 'pairing');
  const vm = valueAt(spec, 'vm');
  if (vm === undefined || pairing === undefined) return undefined;
  return JSON.stringify([stack, endpoint ?? null, pairing, vm]);
}

/** `terraform_data.web-01_settings_6BFEF85A` → `terraform_data.web-01` (CDKTF's logical id of the construct). */
function stem(address: string): string {
  return address.replace(/^(null_resource|terraform_data)\./, '').replace(/_(replication|settings)_[0-9A-Fa-f]{8}$/, '');
}

/** Groups identities and settings resources; each group is one replication. */
export function groupReplications(changes: readonly LifecycleChange[]): ReplicationGroup[] {
  const groups: ReplicationGroup[] = [];
  const bySpec = new Map<string, ReplicationGroup>();
  const byStem = new Map<string, ReplicationGroup>();
  for (const change of changes) {
    if (change.role !== 'identity') continue;
    const group: ReplicationGroup = { identity: change, settings: [] };
    groups.push(group);
    for (const side of [change.before, change.after]) {
      const key = specKey(change.stack, side?.spec);
      if (key !== undefined) bySpec.set(key, group);
    }
    byStem.set(`${change.stack}|${stem(change.address)}`, group);
  }
  for (const change of changes) {
    if (change.role !== 'settings') continue;
    const key = specKey(change.stack, change.after?.spec ?? change.before?.spec);
    const group = (key !== undefined ? bySpec.get(key) : undefined) ?? byStem.get(`${change.stack}|${stem(change.address)}`);
    if (group) group.settings.push(change);
    else groups.push({ identity: undefined, settings: [change] });
  }
  return groups;
}

function settingsOf(change: LifecycleChange | undefined, side: 'before' | 'after'): Json | undefined {
  const values = change?.[side];
  return valueAt(values?.replaceOn, 'settings') ?? valueAt(values?.spec, 'settings');
}

/** The replication's spec on one side, settings filled in from the settings resource when the identity lacks them. */
function codeSpec(group: ReplicationGroup, side: 'before' | 'after'): JsonObject | undefined {
  const live = group.settings.find((s) => s[side] !== undefined);
  const spec = group.identity?.[side]?.spec ?? live?.[side]?.spec;
  if (!spec) return undefined;
  if (isObject(spec.settings)) return spec;
  const settings = settingsOf(live, side);
  return settings === undefined ? spec : { ...spec, settings };
}

function host(endpoint: Json | undefined): string {
  if (typeof endpoint !== 'string') return '?';
  try {
    return new URL(endpoint).host;
  } catch {
    return endpoint;
  }
}

function siteOf(spec: JsonObject | undefined): string {
  const value = valueAt(spec, 'pairing.remote_site') ?? valueAt(spec, 'pairing.id');
  return typeof value === 'string' ? value : '?';
}

function vmName(spec: JsonObject | undefined, fallback: string): string {
  const value = valueAt(spec, 'vm.name') ?? valueAt(spec, 'vm.id');
  return typeof value === 'string' ? value : fallback;
}

function isAbsent(change: LifecycleChange | undefined, side: 'before' | 'after'): boolean {
  return valueAt(change?.[side]?.replaceOn, 'ensure') === 'absent';
}

function retains(spec: JsonObject | undefined): boolean {
  return valueAt(spec, 'on_delete.retain_replica_disks') !== false;
}

interface Verdict {
  readonly action: ReviewAction;
  readonly summary: string;
  readonly retire?: boolean;
  readonly risks?: Risk[];
  readonly changes?: FieldChange[];
}

function disksWord(keep: boolean): string {
  return keep ? 'replica disks kept on the target' : 'replica disks DELETED';
}

function removal(group: ReplicationGroup, before: JsonObject | undefined, options: ClassifyOptions): Verdict {
  const identity = group.identity;
  if (isAbsent(identity, 'before')) return { action: 'delete', summary: 'already retired: leaves the code, nothing left to unconfigure' };
  if (identity && !identity.inConfiguration && !options.removedWithHook?.has(identity.address)) {
    return { action: 'delete', summary: 'block removed from the code: dropped from the state, the replication is NOT unconfigured', risks: [orphanRisk('vr.replication')] };
  }
  const keep = retains(before);
  return { action: 'delete', summary: `unconfigure: replication removed, ${disksWord(keep)}`, risks: keep ? [] : [dataLossRisk('delete')] };
}

function retirement(before: JsonObject | undefined, after: JsonObject | undefined): Verdict {
  const keep = retains(before);
  const late = keep && !retains(after) ? ' (retainReplicaDisksOnDelete: false takes effect only once applied: this retire still keeps them)' : '';
  return {
    action: 'delete',
    retire: true,
    summary: `retire (retired: true): unconfigure, ${disksWord(keep)}${late}`,
    risks: keep ? [] : [dataLossRisk('retire')],
  };
}

function replacement(group: ReplicationGroup, before: JsonObject | undefined, after: JsonObject | undefined): Verdict {
  const changes = replicationChanges(before, after);
  const seeded = (valueAt(after, 'seeds.mode') ?? 'none') !== 'none';
  const risks: Risk[] = [];
  if (!seeded) risks.push(resyncRisk(changes, group.identity?.backing === 'null_resource', group.identity?.reason, group.identity?.address));
  if (!retains(before)) risks.push(dataLossRisk('replace'));
  const sync = seeded ? 'seeded, pre-copied disks on the target are reused (no full sync)' : 'FULL RESYNC';
  return { action: 'replace', summary: `unconfigure + configure: ${sync}`, risks, changes };
}

function creation(after: JsonObject | undefined): Verdict {
  const seeded = (valueAt(after, 'seeds.mode') ?? 'none') !== 'none';
  const datastore = valueAt(after, 'target.datastore');
  const where = typeof datastore === 'string' ? ` to ${datastore}` : '';
  const summary = seeded ? `configure: new replication${where}, seeded from disks on the target` : `configure: new replication, initial full sync${where}`;
  // Adoption is never silent: the reviewer sees that an existing replication may change hands.
  const takeOver = valueAt(after, 'adopt') === true ? ` — or TAKES OVER an existing replication of ${vmName(after, '?')} not created by this code (adopt: true)` : '';
  return { action: 'create', summary: `${summary}${takeOver}` };
}

function inPlace(group: ReplicationGroup, before: JsonObject | undefined, after: JsonObject | undefined): Verdict {
  const changes = replicationChanges(before, after);
  const reconfigure = group.settings.some((s) => tfAction(s) !== 'no-op');
  if (!reconfigure && tfAction(group.identity) === 'no-op') {
    return { action: 'no-change', summary: isAbsent(group.identity, 'after') ? 'retired: no replication' : 'no change', changes };
  }
  const summary = reconfigure ? 'settings only, reconfigured in place: no resync' : 'stored options only: nothing changes on the appliance';
  return { action: 'update', summary, changes };
}

function verdictFor(group: ReplicationGroup, before: JsonObject | undefined, after: JsonObject | undefined, options: ClassifyOptions): Verdict {
  const identity = group.identity;
  switch (tfAction(identity)) {
    case 'forget':
      return { action: 'forget', summary: 'forgotten by a removed block: the replication keeps running', risks: [forgetRisk('vr.replication')] };
    case 'delete':
      return removal(group, before, options);
    case 'replace':
      if (!isAbsent(identity, 'before') && isAbsent(identity, 'after')) return retirement(before, after);
      if (isAbsent(identity, 'before') && !isAbsent(identity, 'after')) return creation(after);
      return replacement(group, before, after);
    case 'create':
      return isAbsent(identity, 'after') ? { action: 'delete', retire: true, summary: 'retired: ensures no replication exists' } : creation(after);
    default:
      return inPlace(group, before, after);
  }
}

function replicationItem(group: ReplicationGroup, options: ClassifyOptions): ReviewItem {
  const first = group.identity ?? group.settings[0];
  const stack = first?.stack ?? '?';
  const before = codeSpec(group, 'before');
  const after = codeSpec(group, 'after');
  const verdict = verdictFor(group, before, after, options);
  const removing = verdict.action === 'delete' || verdict.action === 'forget' || verdict.action === 'replace';
  const shown = verdict.action === 'delete' || verdict.action === 'forget' ? before ?? after : after ?? before;
  const name = vmName(shown, stem(first?.address ?? '?'));
  const rpo = valueAt(shown, 'settings.rpo_minutes');
  return {
    id: `${stack}/vr.replication/${name}`,
    stack,
    kind: 'vr.replication',
    name,
    source: host(valueAt(shown, 'connection.endpoint')),
    target: siteOf(shown),
    action: verdict.action,
    summary: verdict.summary,
    retire: verdict.retire ?? false,
    changes: verdict.changes ?? [],
    risks: verdict.risks ?? [],
    rpoMinutes: typeof rpo === 'number' ? rpo : null,
    seeded: (valueAt(shown, 'seeds.mode') ?? 'none') !== 'none',
    retainReplicaDisks: retains(removing ? before ?? after : after ?? before),
    addresses: [group.identity, ...group.settings].flatMap((c) => (c ? [c.address] : [])),
    specs: { deployed: group.identity?.before ? before : undefined, code: after ?? before, settingsAddress: group.settings[0]?.address },
  };
}

function pairingVerdict(change: LifecycleChange, options: ClassifyOptions): Verdict {
  const before = change.before?.spec;
  const after = change.after?.spec;
  const deletes = valueAt(before, 'delete_on_destroy') === true;
  switch (tfAction(change)) {
    case 'create':
      // A look-up only adds the pairing to the state: in DR terms nothing changes, so it is not counted as a creation.
      return isObject(valueAt(after, 'create')) ? { action: 'create', summary: 'create the site pairing' } : { action: 'no-change', summary: 'look up the existing pairing: nothing is created' };
    case 'replace':
      return { action: 'replace', summary: 'looked up again: replications are not touched', changes: pairingChanges(before, after) };
    case 'update':
      return { action: 'update', summary: 'stored options only: nothing changes on the appliance', changes: pairingChanges(before, after) };
    case 'forget':
      return { action: 'forget', summary: 'forgotten by a removed block: the pairing stays on the appliance', risks: deletes ? [forgetRisk('vr.pairing')] : [] };
    case 'delete':
      if (!deletes) return { action: 'delete', summary: 'no longer managed: the pairing stays on the appliance (deleteOnDestroy is off)' };
      if (!change.inConfiguration && !options.removedWithHook?.has(change.address)) {
        return { action: 'delete', summary: 'block removed from the code: the pairing is NOT deleted', risks: [orphanRisk('vr.pairing')] };
      }
      return { action: 'delete', summary: 'DELETE the site pairing (deleteOnDestroy)', risks: [pairingDeleteRisk(host(valueAt(before, 'connection.endpoint')), siteOf(before))] };
    default:
      return { action: 'no-change', summary: 'no change' };
  }
}

function pairingItem(change: LifecycleChange, options: ClassifyOptions): ReviewItem {
  const verdict = pairingVerdict(change, options);
  const spec = change.after?.spec ?? change.before?.spec;
  const site = siteOf(spec);
  return {
    id: `${change.stack}/vr.pairing/${site}`,
    stack: change.stack,
    kind: 'vr.pairing',
    name: site,
    source: host(valueAt(spec, 'connection.endpoint')),
    target: site,
    action: verdict.action,
    summary: verdict.summary,
    retire: false,
    changes: verdict.changes ?? [],
    risks: verdict.risks ?? [],
    rpoMinutes: null,
    seeded: false,
    retainReplicaDisks: null,
    addresses: [change.address],
    specs: { deployed: change.before?.spec, code: change.after?.spec ?? change.before?.spec },
  };
}

/** Every item of the given lifecycle resources, sorted by stack, kind (pairings first) and name. */
export function classify(changes: readonly LifecycleChange[], options: ClassifyOptions = {}): ReviewItem[] {
  const items = [
    ...changes.filter((c) => c.role === 'pairing').map((c) => pairingItem(c, options)),
    ...groupReplications(changes).map((group) => replicationItem(group, options)),
  ];
  return items.sort(compareItems);
}

/** Stack, kind (pairings first), name: the order of items in a review. */
export function compareItems(a: ReviewItem, b: ReviewItem): number {
  return a.stack.localeCompare(b.stack) || a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name) || a.id.localeCompare(b.id);
}

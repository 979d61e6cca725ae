/**
 * The review profile of `vr.replication`: a replace is a full resync unless seeded, a removal keeps the replica
 * disks unless `on_delete.retain_replica_disks` is false, a paused, failed or late replication (or one whose
 * settings were changed by hand) is drift, and the replications on a pairing that no construct declares are
 * orphans.
 *
 * @api VR (the look-ups of ../review-common.ts)
 */
import { fieldWording, formats, isObject, RPO_VIOLATION_FIX, sameJson, settingsDrift, valueAt, type DriftFinding, type DriftKind, type FieldChange, type FieldWords, type Format, type Json, type JsonObject, type LiveSubject, type ReviewProfile, type Risk, type Transition, type Verdict } from '../../review-profile';
import { connectionWords, host, localSiteOf, pairingWords, placeKeyOf, siteOf, timeoutWords, vrLookups, type Place } from '../review-common';
import { vrReplicationFields } from './schema';
import { propOf } from '../../construct-props';
import { kindVerdict, unprotectRisk, type RemovalWords } from '../../review-defaults';

/** The construct prop that keeps the replica disks on delete, as the user writes it. */
const RETAIN_REPLICA_DISKS = propOf('vr.replication', 'on_delete.retain_replica_disks');

/** Point-in-time retention as instances per day × days, `off` when none. */
export const retention: Format = (v) =>
  isObject(v) && typeof v.instances_per_day === 'number' && typeof v.days === 'number' ? `${v.instances_per_day}×${v.days}` : 'off';

const seeds: Format = (v) => {
  if (!isObject(v)) return 'none';
  const paths = isObject(v.paths) ? Object.entries(v.paths) : [];
  return paths.length === 0 ? formats.plain(v.mode ?? 'none') : `${formats.plain(v.mode)} (${paths.map(([disk, path]) => `${disk}: ${formats.plain(path)}`).join(', ')})`;
};
const vm: Format = (v) => (isObject(v) ? formats.plain(v.name ?? v.id ?? null) : formats.plain(v));

/** The fields a reviewer cares about, identity first. */
export const vrReplicationWords: readonly FieldWords[] = [
  pairingWords,
  { path: 'vm', label: 'VM', format: vm },
  { path: 'target.datastore', label: 'datastore', format: formats.plain },
  { path: 'target.storage_policy', label: 'storage policy', format: formats.orDefault('(datastore default)') },
  { path: 'target.replication_server', label: 'replication server', format: formats.orDefault('(automatic)') },
  { path: 'target.disk_format', label: 'disk format', format: formats.plain },
  { path: 'exclude_disks', label: 'excluded disks', format: formats.list },
  { path: 'seeds', label: 'seeds', format: seeds },
  { path: 'settings.rpo_minutes', label: 'RPO', format: formats.plain, unit: 'min' },
  { path: 'settings.point_in_time', label: 'retention', format: retention },
  { path: 'settings.quiescing', label: 'quiescing', format: formats.onOff },
  { path: 'settings.network_compression', label: 'network compression', format: formats.onOff },
  { path: 'settings.encryption', label: 'encryption', format: formats.onOff },
  { path: 'settings.auto_replicate_new_disks', label: 'auto-replicate new disks', format: formats.onOff },
  { path: 'on_delete.retain_replica_disks', label: 'keep replica disks on delete', format: formats.yesNo },
  ...connectionWords,
  ...timeoutWords(['create', 'update', 'delete']),
];

export const vrReplicationWording = fieldWording(vrReplicationFields, vrReplicationWords);

// --- risks -------------------------------------------------------------------------------------------------------

/** Why Terraform replaces an identity whose identity fields did not change, from the plan's `action_reason`. */
function replaceCause(reason: string | undefined, nullBacking: boolean): string {
  if (reason === 'replace_because_tainted') return 'the resource is tainted in the Terraform state: a create or an earlier apply failed part-way, or someone ran `terraform taint`';
  if (reason === 'replace_by_request') return 'replacement requested with `terraform apply -replace=…`';
  return nullBacking ? 'a change of a null_resource trigger' : 'Terraform plans a replacement although no identity field changed';
}

const SEEDS_FIX = 'pre-copy the disks to the new target and set `seeds: VrSeeds.findOnTarget()` (or `VrSeeds.explicit({...})`) so configure reuses them';

function resyncFix(fieldChanged: boolean, nullBacking: boolean, reason: string | undefined, address: string): string {
  if (!fieldChanged && reason === 'replace_because_tainted') {
    return `If the replication on the appliance is healthy (\`repliform review --live\` shows it), \`terraform untaint ${address}\` keeps it and avoids the resync; otherwise ${SEEDS_FIX}.`;
  }
  if (!fieldChanged && reason === 'replace_by_request') return `Drop \`-replace\` unless a new replication is intended; if it is, ${SEEDS_FIX}.`;
  const nullNote = !fieldChanged && nullBacking
    ? ' With Backing.NULL_RESOURCE a change of the connection, the delete options or the timeouts replaces the identity: revert it, or move to the default terraform_data backing, whose input updates in place.'
    : '';
  return `If the change is intended, ${SEEDS_FIX}; otherwise revert it.${nullNote}`;
}

/** Identity replaced without seeds: unconfigure + configure = every disk copied again across the WAN. */
export function resyncRisk(changes: readonly FieldChange[], nullBacking: boolean, reason?: string, address = '<identity address>'): Risk {
  const identity = changes.filter((change) => change.effect === 'replace').map((change) => change.text);
  const cause = identity.length > 0 ? identity.join('; ') : replaceCause(reason, nullBacking);
  return {
    class: 'resync',
    message: `FULL RESYNC: the replication is unconfigured and configured again (${cause}); the replica is discarded and every replicated disk is copied across the WAN again, leaving no recovery point until the initial sync completes.`,
    fix: resyncFix(identity.length > 0, nullBacking, reason, address),
  };
}

/** A removal (delete, retire or the old half of a replace) that deletes the replica disks. */
export function dataLossRisk(how: 'delete' | 'retire' | 'replace'): Risk {
  const what = how === 'replace' ? 'The old replication is unconfigured' : 'The replication is unconfigured';
  return {
    class: 'data-loss',
    message: `DATA LOSS: ${what} with retainReplicaDisksOnDelete: false; its replica disks and point-in-time instances on the target are deleted.`,
    fix: `Unless dropping the replica is intended, set \`${RETAIN_REPLICA_DISKS}: true\` (the default) and apply that first: removal then keeps the replica disks on the target datastore.`,
  };
}

/** A block removed from the code: Terraform deletes it from the state without running its destroy-time hook. */
const ORPHAN_RISK: Risk = {
  class: 'orphan',
  message:
    'ORPHAN: the block was removed from the code, so Terraform drops it from the state WITHOUT running its delete hook: the replication keeps running on the appliance and nothing manages it any more.',
  fix: 'Put the block back with `retired: true`, apply (the replication is unconfigured), then delete the block. Alternatively add a `removed` block with `lifecycle { destroy = true }` and a destroy-time `local-exec` provisioner running `repliform lifecycle delete vr.replication` with `REPLIFORM_SPEC = jsonencode(self.input)` (Terraform ≥ 1.9).',
};

/** A `removed` block with `destroy = false`: forgotten on purpose, still running. */
export function forgetRisk(thing: string): Risk {
  return {
    class: 'orphan',
    message: `ORPHAN (intentional): a \`removed\` block with \`lifecycle { destroy = false }\` makes Terraform forget it; the ${thing} keeps running and is no longer managed by this code.`,
    fix: `Nothing to do if another stack or a person takes it over. To remove the ${thing} instead, drop the \`removed\` block, restore the construct with \`retired: true\`, apply, then delete it.`,
  };
}

/** `--live`: a replication on a pairing the app uses that no construct of the app declares. */
function unmanagedRisk(name: string, where: string): Risk {
  return {
    class: 'orphan',
    message: `UNMANAGED (orphan): ${name} is replicated on ${where} and this app made it (this machine's records), but no construct of the app declares it any more, so nothing manages it (a block deleted without retiring it).`,
    fix: 'To manage it again, declare its `VrReplication` with `adopt: true` (every identity field must match the live one) and apply. If it is no longer needed, remove it in vSphere Replication (choosing whether to keep the replica disks).',
  };
}

// --- what a plan does to a replication ---------------------------------------------------------------------------

function retains(spec: JsonObject | undefined): boolean {
  return valueAt(spec, 'on_delete.retain_replica_disks') !== false;
}

function isSeeded(spec: JsonObject | undefined): boolean {
  return (valueAt(spec, 'seeds.mode') ?? 'none') !== 'none';
}

function vmName(spec: JsonObject | undefined): string | undefined {
  const value = valueAt(spec, 'vm.name') ?? valueAt(spec, 'vm.id');
  return typeof value === 'string' ? value : undefined;
}

function disksWord(keep: boolean): string {
  return keep ? 'replica disks kept on the target' : 'replica disks DELETED';
}

function creation(after: JsonObject | undefined): Verdict {
  const datastore = valueAt(after, 'target.datastore');
  const where = typeof datastore === 'string' ? ` to ${datastore}` : '';
  const summary = isSeeded(after) ? `configure: new replication${where}, seeded from disks on the target` : `configure: new replication, initial full sync${where}`;
  // Adoption is never silent: the reviewer sees that an existing replication may change hands.
  const takeOver = valueAt(after, 'adopt') === true ? ` — or TAKES OVER an existing replication of ${vmName(after) ?? '?'} not created by this code (adopt: true)` : '';
  return { action: 'create', summary: `${summary}${takeOver}` };
}

function replacement(transition: Extract<Transition, { event: 'replace' }>): Verdict {
  const { before, after, changes, replaced } = transition;
  const seeded = isSeeded(after);
  const risks: Risk[] = [];
  if (!seeded) risks.push(resyncRisk(changes, replaced.backing === 'null_resource', replaced.reason, replaced.address));
  if (!retains(before)) risks.push(dataLossRisk('replace'));
  const sync = seeded ? 'seeded, pre-copied disks on the target are reused (no full sync)' : 'FULL RESYNC';
  return { action: 'replace', summary: `unconfigure + configure: ${sync}`, risks };
}

/** The VM of a removed replication is no longer protected. */
function vrUnprotectRisk(spec: JsonObject | undefined): Risk {
  return unprotectRisk(
    `the replication of ${vmName(spec) ?? '?'} to ${siteOf(spec)} is unconfigured: the VM loses its DR protection`,
    'If the VM must stay protected, put the construct back (without `retired: true`) before applying; otherwise nothing to do.',
  );
}

function removal(before: JsonObject | undefined, after: JsonObject | undefined, how: 'retire' | 'delete'): Verdict {
  const keep = retains(before);
  const risks = [...(keep ? [] : [dataLossRisk(how)]), vrUnprotectRisk(before)];
  if (how === 'delete') return { action: 'delete', summary: `unconfigure: replication removed, ${disksWord(keep)}`, risks };
  const late = keep && !retains(after) ? ' (retainReplicaDisksOnDelete: false takes effect only once applied: this retire still keeps them)' : '';
  return { action: 'delete', summary: `unconfigure, ${disksWord(keep)}${late}`, risks };
}

const REMOVAL_WORDS: RemovalWords = {
  noun: 'replication',
  removal,
  orphanRisk: ORPHAN_RISK,
  forgetRisk: forgetRisk('replication'),
  removeVerb: 'unconfigure',
  untouched: 'NOT unconfigured',
  forgotten: 'keeps running',
};

const verdict = kindVerdict(
  {
    create: creation,
    replace: replacement,
    update: (transition) => ({ action: 'update', summary: transition.settingsChanged ? 'settings only, reconfigured in place: no resync' : 'stored options only: nothing changes on the appliance' }),
  },
  REMOVAL_WORDS,
);

// --- live --------------------------------------------------------------------------------------------------------

function text(value: Json | undefined, fallback: string): string {
  return typeof value === 'string' ? value : fallback;
}

/** A create that meets a replication already there: taken over only with `adopt: true` (adoption is never silent). */
function existingText(subject: LiveSubject, id: string): string {
  if (valueAt(subject.code, 'adopt') === true) return `already replicated (replication ${id}): create TAKES IT OVER (adopt: true)`;
  return `already replicated (replication ${id}), not created by this code: create stops unless the construct sets \`adopt: true\` (or it is this code's own, left by an interrupted apply on the same machine)`;
}

/** The identity fields an adoption must match (as the handler's adopt checks them), where the code sets them. */
const ADOPT_IDENTITY = ['target.datastore', 'target.disk_format', 'target.storage_policy', 'target.replication_server', 'exclude_disks'] as const;

/** The identity fields the code sets that the live replication has otherwise, in words (`datastore ds-b-gold → ds-b-silver`). */
function identityDifferences(code: JsonObject | undefined, live: JsonObject): string[] {
  return ADOPT_IDENTITY.flatMap((path) => {
    const wanted = valueAt(code, path);
    const found = valueAt(live, path);
    if (wanted === undefined || wanted === null || found === undefined || sameJson(wanted, found)) return [];
    const words = vrReplicationWords.find((rule) => rule.path === path);
    return [words ? `${words.label} ${words.format(wanted)} → ${words.format(found)} (code → live)` : `${path} differs`];
  });
}

/** A create that meets a replication already there: adopted only when every identity field matches. */
function existing(live: JsonObject, subject: LiveSubject): DriftFinding {
  const id = text(live.id, '');
  const differences = valueAt(subject.code, 'adopt') === true ? identityDifferences(subject.code, live) : [];
  if (differences.length === 0) return { kind: 'exists', text: existingText(subject, id) };
  return { kind: 'conflict', text: `already replicated (replication ${id}) with another identity: ${differences.join('; ')}; the apply REFUSES to take it over (adopt: true needs every identity field to match) and stops` };
}

function findings(live: JsonObject | undefined, subject: LiveSubject): DriftFinding[] {
  if (!live) return subject.expected ? [{ kind: 'missing', text: `no replication of ${subject.name} on ${subject.source} (removed outside Terraform?)` }] : [];
  const deployed = subject.deployed;
  if (!deployed) return [existing(live, subject)];
  const found: DriftFinding[] = [];
  const status = text(live.status, 'UNKNOWN');
  const configuration = text(live.configuration_state, 'UNKNOWN');
  if (status === 'PAUSED') found.push({ kind: 'paused', text: 'replication is PAUSED: no new recovery points are made' });
  else if (status.startsWith('ERROR') || configuration === 'ERROR') found.push({ kind: 'error', text: `replication is in ERROR (status ${status}, configuration ${configuration})` });
  else if (status === 'NOT_ACTIVE' || status === 'UNKNOWN') found.push({ kind: 'status', text: `replication status is ${status}` });
  if (live.rpo_violation === true || status.endsWith('RPO_VIOLATION')) found.push({ kind: 'rpo-violation', text: 'RPO violation: the last recovery point is older than the RPO' });
  return [...found, ...settingsDrift(vrReplicationWording, deployed, live)];
}

function fix(kind: DriftKind, subject: LiveSubject): string {
  switch (kind) {
    case 'missing':
      return `\`terraform apply -replace=${subject.addresses[0]}\` configures it again (an initial full sync).`;
    case 'paused':
      return 'Resume it (vSphere Replication UI, or `POST …/replications/{id}/actions/resume`) or find out who paused it; Terraform will not resume it.';
    case 'error':
      return 'Check the replication in vSphere Replication (site connectivity, target datastore space); the code is not the cause.';
    case 'rpo-violation':
      return RPO_VIOLATION_FIX;
    case 'settings':
      return `\`terraform apply -replace=${subject.settingsAddress ?? subject.addresses[subject.addresses.length - 1]}\` reconfigures it back to the code in place (no resync); Terraform does not see this drift by itself.`;
    case 'status':
      return 'Check the sites and the pairing in vSphere Replication.';
    case 'conflict':
      return 'Make the code match the live replication (target datastore, disk format, storage policy, excluded disks), or remove that replication in vSphere Replication first (keeping its replica disks to use them as seeds).';
    default:
      return '';
  }
}

/** Loaded for `--live` only: a plan-only review never loads a client (no cycle: the handler never imports the review). */
async function handler() {
  return import('./handler');
}

/** The spec of a replication, or of a pairing (both name a connection and a pairing). */
async function placeOf(raw: JsonObject): Promise<Place> {
  if (valueAt(raw, 'vm') === undefined) return (await import('../pairing/handler')).vrPairingHandler.parseSpec(raw, 'read');
  return replicationSpec(raw);
}

async function replicationSpec(raw: JsonObject) {
  const { vrReplicationHandler } = await handler();
  try {
    return vrReplicationHandler.parseSpec(raw, 'read');
  } catch {
    return vrReplicationHandler.parseSpec(raw, 'delete'); // null_resource identities store no settings
  }
}

function endpointOf(spec: JsonObject): string {
  return String(valueAt(spec, 'connection.endpoint') ?? '');
}

export const vrReplicationReview: ReviewProfile = {
  reviewed: true,
  noun: 'replication',
  shape: 'protected',
  words: vrReplicationWords,
  naturalKey(spec) {
    const pairing = valueAt(spec, 'pairing');
    const vmRef = valueAt(spec, 'vm');
    if (vmRef === undefined || pairing === undefined) return undefined;
    return [valueAt(spec, 'connection.endpoint') ?? null, pairing, vmRef];
  },
  view(spec) {
    const rpo = valueAt(spec, 'settings.rpo_minutes');
    return {
      name: vmName(spec),
      source: host(valueAt(spec, 'connection.endpoint')),
      sourceSite: localSiteOf(spec),
      target: siteOf(spec),
      rpoMinutes: typeof rpo === 'number' ? rpo : null,
      seeded: isSeeded(spec),
    };
  },
  keepsReplica: retains,
  facts({ action, rpoMinutes, seeded, keepsReplica }) {
    const facts: string[] = [];
    if (rpoMinutes !== null) facts.push(`RPO ${rpoMinutes} min`);
    if (seeded) facts.push('seeded');
    if (action === 'delete' || action === 'replace') facts.push(keepsReplica === false ? 'replica disks deleted' : 'replica disks kept');
    return facts.join(', ');
  },
  verdict,
  live: {
    async read(raw, session) {
      const spec = await replicationSpec(raw);
      const lookups = vrLookups(session);
      const found = await lookups.replicationsAt(spec);
      if (!found) return lookups.missingPairing(spec);
      const info = found.list.find((r) => (spec.vm.id !== null ? r.vm_id === spec.vm.id : r.name === spec.vm.name));
      return info ? (await handler()).toState(info, found.pairing) : undefined;
    },
    findings,
    fix,
    inventory: {
      placeOf: placeKeyOf,
      async list(raw, session) {
        const place = await placeOf(raw);
        const found = await vrLookups(session).replicationsAt(place);
        const { toState, ownershipKey } = await handler();
        // Who made each one, as this machine's records say (VR keeps no owner on the replication itself).
        const recorded = (vm: { id: string | null; name: string | null }): string | undefined => session.ownership?.ownerOf(ownershipKey({ connection: place.connection, pairing: place.pairing, vm }));
        const ownerOf = (info: { name?: string | null; vm_id?: string | null }): string | undefined =>
          (typeof info.name === 'string' ? recorded({ id: null, name: info.name }) : undefined) ?? (typeof info.vm_id === 'string' ? recorded({ id: info.vm_id, name: null }) : undefined);
        return found?.list.map((info) => {
          const owner = ownerOf(info);
          return owner === undefined ? toState(info, found.pairing) : { ...toState(info, found.pairing), owner };
        });
      },
      declaredKeys(spec) {
        const endpoint = endpointOf(spec);
        const name = valueAt(spec, 'vm.name');
        const id = valueAt(spec, 'vm.id');
        return [...(typeof name === 'string' ? [`${endpoint}|${name}`] : []), ...(typeof id === 'string' ? [`${endpoint}|id:${id}`] : [])];
      },
      liveKeys(live, place) {
        const endpoint = endpointOf(place);
        const vmId = live.vm_id;
        return { unique: `${endpoint}|${text(live.id, '')}`, declared: [`${endpoint}|${text(live.name, '')}`, ...(typeof vmId === 'string' ? [`${endpoint}|id:${vmId}`] : [])] };
      },
      describe(live, source) {
        const name = text(live.name, '');
        const target = text(live.target_site, '?');
        const id = text(live.id, '');
        const rpo = valueAt(live, 'settings.rpo_minutes');
        const where = `${source} → ${target}`;
        return {
          name,
          target,
          liveId: id,
          rpoMinutes: typeof rpo === 'number' ? rpo : null,
          summary: 'unmanaged (orphan): replicated on the appliance, declared by no construct of this app',
          finding: `replication ${id} of ${name} (RPO ${typeof rpo === 'number' ? rpo : '?'} min) on ${where}: no construct of this app declares it`,
          risk: unmanagedRisk(name, where),
        };
      },
    },
  },
};

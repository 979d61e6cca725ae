/**
 * The review profile of `vcda.replication`: a create starts an initial full sync; a change of what is
 * replicated where (destination site or vDC, excluded disks, disk type) replaces the replication, which is a full
 * resync — and with the default delete (pause and keep) the new one cannot start while the old one exists; a
 * removal pauses and keeps the replica unless `on_delete.delete_replica` (then the replica is deleted); RPO,
 * retention, SLA profile, quiescing, data connection, description and storage profile change in place.
 * Live: a paused, red or late replication, or settings changed by hand, is drift.
 *
 * @api VCDA (the look-ups of ./handler.ts `read`: GET /sites is not needed, GET /vm-replications)
 */
import { propOf } from '../../construct-props';
import { kindVerdict, unprotectRisk, type RemovalWords } from '../../review-defaults';
import {
  fieldWording,
  formats,
  isObject,
  RPO_VIOLATION_FIX,
  settingsDrift,
  valueAt,
  type DriftFinding,
  type DriftKind,
  type FieldChange,
  type FieldWords,
  type Format,
  type Json,
  type JsonObject,
  type LiveSubject,
  type ReviewProfile,
  type Risk,
  type Transition,
  type Verdict,
} from '../../review-profile';
import { vcdaReplicationFields } from './schema';

const rules: Format = (v) =>
  Array.isArray(v) && v.length > 0
    ? v.map((rule) => (isObject(rule) ? `${formats.plain(rule.instances ?? null)}×${formats.plain(rule.distance_minutes ?? null)} min` : formats.plain(rule))).join(', ')
    : '(server default)';

const endpointHost: Format = (v) => {
  if (typeof v !== 'string') return formats.plain(v);
  try {
    return new URL(v).host;
  } catch {
    return v;
  }
};

/** The fields a reviewer cares about, identity first. */
export const vcdaReplicationWords: readonly FieldWords[] = [
  { path: 'source.site', label: 'source site', format: formats.plain },
  { path: 'source.vm_id', label: 'VM', format: formats.plain },
  { path: 'destination.site', label: 'destination site', format: formats.plain },
  { path: 'destination.vdc', label: 'destination vDC', format: formats.plain },
  { path: 'exclude_disk_keys', label: 'excluded disks', format: formats.list },
  { path: 'target_disk_type', label: 'disk type', format: formats.orDefault('THIN') },
  { path: 'settings.rpo_minutes', label: 'RPO', format: formats.orDefault('(SLA profile)'), unit: 'min' },
  { path: 'settings.retention_rules', label: 'retention', format: rules },
  { path: 'settings.sla_profile_id', label: 'SLA profile', format: formats.orDefault('(none)') },
  { path: 'settings.quiescing', label: 'quiescing', format: formats.onOff },
  { path: 'settings.data_connection_type', label: 'data connection', format: formats.orDefault('ENCRYPTED') },
  { path: 'settings.description', label: 'description', format: formats.orDefault('(none)') },
  { path: 'settings.storage_profile', label: 'storage profile', format: formats.orDefault('(vDC default)') },
  { path: 'on_delete.delete_replica', label: 'delete the replica on delete', format: formats.yesNo },
  { path: 'connection.endpoint', label: 'endpoint', format: endpointHost },
  { path: 'connection.login_type', label: 'login type', format: formats.orDefault('vcdCredentials') },
  { path: 'connection.api_version', label: 'API version', format: formats.orDefault('v4') },
];

export const vcdaReplicationWording = fieldWording(vcdaReplicationFields, vcdaReplicationWords);

function deletesReplica(spec: JsonObject | undefined): boolean {
  return valueAt(spec, 'on_delete.delete_replica') === true;
}

function vmOf(spec: JsonObject | undefined): string | undefined {
  const id = valueAt(spec, 'source.vm_id');
  return typeof id === 'string' ? id : undefined;
}

/**
 * The replication as the code names it: the last step of its owner (`<stack>/<construct path>`, the construct's id,
 * e.g. `vcd-web-01`), not the VM's UUID; undefined when the code names no owner (the Terraform address is used).
 */
function nameOf(spec: JsonObject | undefined): string | undefined {
  const owner = valueAt(spec, 'owner');
  if (typeof owner !== 'string' || !owner.includes('/')) return undefined;
  const last = owner.slice(owner.lastIndexOf('/') + 1);
  return last === '' ? undefined : last;
}

function where(spec: JsonObject | undefined): string {
  return `vDC ${formats.plain(valueAt(spec, 'destination.vdc') ?? null)} on ${formats.plain(valueAt(spec, 'destination.site') ?? null)}`;
}

// --- risks -------------------------------------------------------------------------------------------------------

function resyncRisk(changes: readonly FieldChange[]): Risk {
  const identity = changes.filter((c) => c.effect === 'replace').map((c) => c.text);
  const cause = identity.length > 0 ? identity.join('; ') : 'Terraform replaces the replication although no identity field changed (tainted, or -replace)';
  return {
    class: 'resync',
    message: `FULL RESYNC: the replication is removed and started again (${cause}); every replicated disk is copied to the destination again, with no recovery point until the initial sync completes.`,
    fix: 'If the change is intended, plan the initial sync (bandwidth, time); otherwise revert it.',
  };
}

/** The construct prop that deletes the replica on delete, as the user writes it. */
const DELETE_REPLICA = propOf('vcda.replication', 'on_delete.delete_replica');

/** Default delete + replace: the old replication is paused and kept, so the new one cannot start. */
const STUCK_RISK: Risk = {
  class: 'blocked',
  message:
    'STOPS HALF-WAY: the old replication is paused and KEPT (on_delete.delete_replica is false), and a VM can have only one replication: the new one cannot start, the apply fails and the VM is left with a paused replication.',
  fix: `To move it for real, set \`${DELETE_REPLICA}: true\` (on_delete.delete_replica) and apply that first — the old replica is then deleted — or revert the identity change.`,
};

function dataLossRisk(how: 'delete' | 'replace'): Risk {
  return {
    class: 'data-loss',
    message: `DATA LOSS: ${how === 'replace' ? 'the old replication is deleted' : 'the replication is deleted'} with on_delete.delete_replica: true; its replica and retained instances on the destination are deleted.`,
    fix: `Unless dropping the replica is intended, set \`${DELETE_REPLICA}: false\` (the default) and apply that first: removal then pauses the replication and keeps it.`,
  };
}

const ORPHAN_RISK: Risk = {
  class: 'orphan',
  message: 'ORPHAN: the block was removed from the code, so Terraform drops it from the state WITHOUT running its delete hook: the replication keeps running in VCDA and nothing manages it any more.',
  fix: `Put the block back with \`retired: true\`, apply (the replication is paused and kept, or deleted with \`${DELETE_REPLICA}\`), then delete the block.`,
};

const FORGET_RISK: Risk = {
  class: 'orphan',
  message: 'ORPHAN (intentional): a `removed` block with `lifecycle { destroy = false }` makes Terraform forget it; the replication keeps running in VCDA and is no longer managed by this code.',
  fix: 'Nothing to do if another stack or a person takes it over; to remove it, restore the construct with `retired: true` and apply.',
};

// --- what a plan does --------------------------------------------------------------------------------------------

function removalWords(spec: JsonObject | undefined): string {
  return deletesReplica(spec) ? 'replication and its replica DELETED' : 'replication paused and kept with its replica (VCDA cannot delete it and keep the replica)';
}

function creation(after: JsonObject | undefined): Verdict {
  const takeOver = valueAt(after, 'adopt') === true ? ` — or TAKES OVER an existing replication of VM ${vmOf(after) ?? '?'} not created by this code (adopt: true)` : '';
  return { action: 'create', summary: `start replication: new replication to ${where(after)}, initial full sync${takeOver}` };
}

/**
 * With `delete_replica` the old replication is deleted and the new one starts: a full resync. With the default the
 * old one is only paused, and the new one cannot start: the apply stops half-way (no resync happens).
 */
function replacement(transition: Extract<Transition, { event: 'replace' }>): Verdict {
  if (deletesReplica(transition.before)) {
    return { action: 'replace', summary: `remove + start replication to ${where(transition.after)}: FULL RESYNC`, risks: [resyncRisk(transition.changes), dataLossRisk('replace')] };
  }
  return { action: 'replace', summary: `STOPS HALF-WAY: the old replication is paused and kept, and the new one to ${where(transition.after)} cannot start`, risks: [STUCK_RISK] };
}

function removal(before: JsonObject | undefined): Verdict {
  const unprotect = unprotectRisk(
    `the replication of ${nameOf(before) ?? `VM ${vmOf(before) ?? '?'}`} to ${where(before)} is ${deletesReplica(before) ? 'deleted' : 'paused'}: the VM loses its DR protection`,
    'If the VM must stay protected, put the construct back (without `retired: true`) before applying; otherwise nothing to do.',
  );
  return { action: 'delete', summary: removalWords(before), risks: deletesReplica(before) ? [dataLossRisk('delete'), unprotect] : [unprotect] };
}

const REMOVAL_WORDS: RemovalWords = {
  noun: 'replication',
  removal,
  orphanRisk: ORPHAN_RISK,
  forgetRisk: FORGET_RISK,
  forgotten: 'keeps running',
  absent: 'is running',
};

const verdict = kindVerdict(
  {
    create: creation,
    replace: replacement,
    update: (transition) => ({ action: 'update', summary: transition.settingsChanged ? 'settings only, changed in place: no resync' : 'stored options only: nothing changes in VCDA' }),
  },
  REMOVAL_WORDS,
);

// --- live --------------------------------------------------------------------------------------------------------

function text(value: Json | undefined, fallback: string): string {
  return typeof value === 'string' ? value : fallback;
}

function sortedNumbers(value: Json | undefined): number[] {
  return Array.isArray(value) ? value.filter((item): item is number => typeof item === 'number').sort((a, b) => a - b) : [];
}

/** The identity fields the code sets that the live replication (as read) has otherwise, in words (code → live). */
function identityDifferencesOf(code: JsonObject | undefined, live: JsonObject): string[] {
  const differences: string[] = [];
  const site = valueAt(code, 'destination.site');
  if (typeof site === 'string' && site !== live.destination_site) differences.push(`destination site ${site} → ${text(live.destination_site, '?')} (code → live)`);
  const vdc = valueAt(code, 'destination.vdc');
  if (typeof vdc === 'string' && vdc !== live.destination_vdc && vdc !== live.destination_vdc_name) {
    differences.push(`destination vDC ${vdc} → ${text(live.destination_vdc_name, text(live.destination_vdc, '?'))} (code → live)`);
  }
  const [wanted, excluded] = [sortedNumbers(valueAt(code, 'exclude_disk_keys') ?? []), sortedNumbers(live.exclude_disk_keys)];
  if (JSON.stringify(wanted) !== JSON.stringify(excluded)) differences.push(`excluded disks ${JSON.stringify(wanted)} → ${JSON.stringify(excluded)} (code → live)`);
  const diskType = valueAt(code, 'target_disk_type') ?? 'THIN';
  if (typeof live.target_disk_type === 'string' && diskType !== live.target_disk_type) differences.push(`target disk type ${String(diskType)} → ${live.target_disk_type} (code → live)`);
  return differences;
}

function findings(live: JsonObject | undefined, subject: LiveSubject): DriftFinding[] {
  if (!live) return subject.expected ? [{ kind: 'missing', text: `no replication of ${subject.name} from ${subject.source} (removed outside Terraform?)` }] : [];
  const id = text(live.id, '?');
  if (!subject.deployed) {
    const owner = text(live.owner, '');
    const mine = owner !== '' && owner === text(valueAt(subject.code, 'owner'), '(unnamed)');
    const adopt = valueAt(subject.code, 'adopt') === true;
    // The handler takes an existing replication up (its own) or over (adopt) only when every identity field matches.
    const differences = mine || adopt ? identityDifferencesOf(subject.code, live) : [];
    if (differences.length > 0) {
      return [{ kind: 'conflict', text: `already replicated (replication ${id}) with another identity: ${differences.join('; ')}; the apply REFUSES to take it ${mine ? 'up' : 'over'} (every identity field must match) and stops` }];
    }
    if (mine) return [{ kind: 'exists', text: `already replicated (replication ${id}) by this code (its description names it): create takes it up` }];
    const how = adopt ? 'create TAKES IT OVER (adopt: true)' : 'create stops unless the construct sets `adopt: true`';
    return [{ kind: 'exists', text: `already replicated (replication ${id}), not created by this code: ${how}` }];
  }
  const found: DriftFinding[] = [];
  if (live.paused === true) found.push({ kind: 'paused', text: 'replication is PAUSED: no new recovery points are made' });
  if (live.health === 'RED') found.push({ kind: 'error', text: 'replication health is RED' });
  const late = live.rpo_violation_minutes;
  if (typeof late === 'number' && late > 0) found.push({ kind: 'rpo-violation', text: `RPO violation: the last recovery point is ${late} min late` });
  return [...found, ...settingsDrift(vcdaReplicationWording, subject.deployed, live)];
}

function fix(kind: DriftKind, subject: LiveSubject): string {
  switch (kind) {
    case 'missing':
      return `\`terraform apply -replace=${subject.addresses[0]}\` starts it again (an initial full sync).`;
    case 'paused':
      return 'Resume it (VCDA portal, or `POST /vm-replications/{id}/resume`) or find out who paused it; an apply stops while it is paused.';
    case 'error':
      return 'Check the replication in VCDA (site connectivity, destination storage); the code is not the cause.';
    case 'rpo-violation':
      return RPO_VIOLATION_FIX;
    case 'settings':
      return `\`terraform apply -replace=${subject.settingsAddress ?? subject.addresses[subject.addresses.length - 1]}\` changes it back to the code in place (no resync).`;
    case 'conflict':
      return 'Make the code match the live replication (destination site and vDC, excluded disks, target disk type), or remove that replication in VCDA first.';
    default:
      return '';
  }
}

export const vcdaReplicationReview: ReviewProfile = {
  reviewed: true,
  noun: 'replication',
  shape: 'protected',
  words: vcdaReplicationWords,
  naturalKey(spec) {
    const site = valueAt(spec, 'source.site');
    const vm = valueAt(spec, 'source.vm_id');
    if (site === undefined || vm === undefined) return undefined;
    return [valueAt(spec, 'connection.endpoint') ?? null, site, vm];
  },
  view(spec) {
    const rpo = valueAt(spec, 'settings.rpo_minutes');
    const source = valueAt(spec, 'source.site');
    return {
      name: nameOf(spec),
      source: endpointHost(valueAt(spec, 'connection.endpoint')),
      sourceSite: typeof source === 'string' ? source : undefined,
      target: text(valueAt(spec, 'destination.site'), '?'),
      rpoMinutes: typeof rpo === 'number' ? rpo : null,
      seeded: false,
    };
  },
  keepsReplica: (spec) => !deletesReplica(spec),
  facts({ action, rpoMinutes, keepsReplica }) {
    const facts: string[] = [];
    if (rpoMinutes !== null) facts.push(`RPO ${rpoMinutes} min`);
    if (action === 'delete' || action === 'replace') facts.push(keepsReplica === false ? 'replica deleted' : 'paused, replica kept');
    return facts.join(', ');
  },
  verdict,
  live: {
    async read(raw, session) {
      const { vcdaReplicationHandler, findReplication, stateFor } = await import('./handler');
      const { vcdaClient } = await import('../client');
      const spec = vcdaReplicationHandler.parseSpec(raw, 'delete');
      const found = await findReplication(session.clients.get(vcdaClient, spec.connection), spec);
      return found === undefined ? undefined : stateFor(spec, found);
    },
    findings,
    fix,
  },
};

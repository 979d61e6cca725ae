/**
 * Field-level differences between two replication or pairing specs, in the words a DR reviewer uses:
 * `RPO 15 → 5 min`, `retention 3×1 → 4×2`, `datastore ds-b-gold → ds-b-silver`.
 */
import type { FieldChange, Json, JsonObject } from './model';
import { isObject } from './plan-reader';

type Format = (value: Json | undefined) => string;

interface FieldRule {
  readonly path: string;
  readonly label: string;
  readonly effect: FieldChange['effect'];
  readonly format: Format;
  /** Appended after the new value, e.g. `min`. */
  readonly unit?: string;
}

const plain: Format = (v) => (v === undefined || v === null ? '(none)' : typeof v === 'string' ? v : JSON.stringify(v));
const onOff: Format = (v) => (v === true ? 'on' : 'off');
const yesNo: Format = (v) => (v === true ? 'yes' : 'no');
const orDefault = (fallback: string): Format => (v) => (v === undefined || v === null ? fallback : plain(v));
const minutes: Format = (v) => (typeof v === 'number' ? String(Math.round(v / 6) / 10) : plain(v));

/** Point-in-time retention as instances per day × days, `off` when none. */
export const retention: Format = (v) =>
  isObject(v) && typeof v.instances_per_day === 'number' && typeof v.days === 'number' ? `${v.instances_per_day}×${v.days}` : 'off';

const list: Format = (v) => (Array.isArray(v) && v.length > 0 ? v.map((item) => plain(item)).join(', ') : '(none)');
const seeds: Format = (v) => {
  if (!isObject(v)) return 'none';
  const paths = isObject(v.paths) ? Object.entries(v.paths) : [];
  return paths.length === 0 ? plain(v.mode ?? 'none') : `${plain(v.mode)} (${paths.map(([disk, path]) => `${disk}: ${plain(path)}`).join(', ')})`;
};
const vm: Format = (v) => (isObject(v) ? plain(v.name ?? v.id ?? null) : plain(v));
const pairing: Format = (v) => (isObject(v) ? plain(v.remote_site ?? v.id ?? null) : plain(v));

/** The fields a reviewer cares about, identity first; anything else falls back to a generic line. */
const REPLICATION_FIELDS: readonly FieldRule[] = [
  { path: 'pairing', label: 'pairing', effect: 'replace', format: pairing },
  { path: 'vm', label: 'VM', effect: 'replace', format: vm },
  { path: 'target.datastore', label: 'datastore', effect: 'replace', format: plain },
  { path: 'target.storage_policy', label: 'storage policy', effect: 'replace', format: orDefault('(datastore default)') },
  { path: 'target.replication_server', label: 'replication server', effect: 'replace', format: orDefault('(automatic)') },
  { path: 'target.disk_format', label: 'disk format', effect: 'replace', format: plain },
  { path: 'exclude_disks', label: 'excluded disks', effect: 'replace', format: list },
  { path: 'seeds', label: 'seeds', effect: 'replace', format: seeds },
  { path: 'settings.rpo_minutes', label: 'RPO', effect: 'in-place', format: plain, unit: 'min' },
  { path: 'settings.point_in_time', label: 'retention', effect: 'in-place', format: retention },
  { path: 'settings.quiescing', label: 'quiescing', effect: 'in-place', format: onOff },
  { path: 'settings.network_compression', label: 'network compression', effect: 'in-place', format: onOff },
  { path: 'settings.encryption', label: 'encryption', effect: 'in-place', format: onOff },
  { path: 'settings.auto_replicate_new_disks', label: 'auto-replicate new disks', effect: 'in-place', format: onOff },
  { path: 'on_delete.retain_replica_disks', label: 'keep replica disks on delete', effect: 'in-place', format: yesNo },
  { path: 'connection.endpoint', label: 'endpoint', effect: 'in-place', format: plain },
  { path: 'connection.credentials', label: 'credentials', effect: 'in-place', format: envNames },
  { path: 'connection.remote_credentials', label: 'remote credentials', effect: 'in-place', format: envNames },
  { path: 'connection.ca_bundle_file', label: 'CA bundle', effect: 'in-place', format: orDefault('(system store)') },
  { path: 'connection.insecure', label: 'skip TLS verification', effect: 'in-place', format: yesNo },
  { path: 'timeouts.create_seconds', label: 'create timeout', effect: 'in-place', format: minutes, unit: 'min' },
  { path: 'timeouts.update_seconds', label: 'update timeout', effect: 'in-place', format: minutes, unit: 'min' },
  { path: 'timeouts.delete_seconds', label: 'delete timeout', effect: 'in-place', format: minutes, unit: 'min' },
];

const PAIRING_FIELDS: readonly FieldRule[] = [
  { path: 'pairing', label: 'pairing', effect: 'replace', format: pairing },
  { path: 'create', label: 'create the pairing', effect: 'replace', format: (v) => (isObject(v) ? `yes (with ${plain(v.remote_vc_id)})` : 'no') },
  { path: 'delete_on_destroy', label: 'delete the pairing on destroy', effect: 'in-place', format: yesNo },
  ...REPLICATION_FIELDS.filter((rule) => rule.path.startsWith('connection.')),
  { path: 'timeouts.create_seconds', label: 'create timeout', effect: 'in-place', format: minutes, unit: 'min' },
  { path: 'timeouts.delete_seconds', label: 'delete timeout', effect: 'in-place', format: minutes, unit: 'min' },
];

function envNames(v: Json | undefined): string {
  return isObject(v) ? `${plain(v.username_env)}/${plain(v.password_env)}` : '(same as local)';
}

/** The value at a dotted path; undefined when absent. */
export function valueAt(spec: JsonObject | undefined, path: string): Json | undefined {
  let current: Json | undefined = spec;
  for (const key of path.split('.')) {
    if (!isObject(current)) return undefined;
    current = current[key];
  }
  return current;
}

/** Order-insensitive for object keys, order-sensitive for lists. */
export function sameJson(a: Json | undefined, b: Json | undefined): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => sameJson(item, b[i]));
  }
  if (isObject(a) && isObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const key of keys) if (!sameJson(a[key], b[key])) return false;
    return true;
  }
  return false;
}

function describe(rule: FieldRule, from: Json | undefined, to: Json | undefined): FieldChange {
  const unit = rule.unit ? ` ${rule.unit}` : '';
  return {
    field: rule.path,
    from: from ?? null,
    to: to ?? null,
    text: `${rule.label} ${rule.format(from)} → ${rule.format(to)}${unit}`,
    effect: rule.effect,
  };
}

function changesWith(rules: readonly FieldRule[], before: JsonObject | undefined, after: JsonObject | undefined): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const rule of rules) {
    const from = valueAt(before, rule.path);
    const to = valueAt(after, rule.path);
    if (!sameJson(from, to)) changes.push(describe(rule, from, to));
  }
  return changes;
}

/** Differences between two replication specs, identity fields first. */
export function replicationChanges(before: JsonObject | undefined, after: JsonObject | undefined): FieldChange[] {
  return changesWith(REPLICATION_FIELDS, before, after);
}

/** Differences between two pairing specs. */
export function pairingChanges(before: JsonObject | undefined, after: JsonObject | undefined): FieldChange[] {
  return changesWith(PAIRING_FIELDS, before, after);
}

/** One replication setting in words, e.g. `RPO 15 min` or `retention 3×1`, for drift lines. */
export function settingText(path: string, value: Json | undefined): string {
  const rule = REPLICATION_FIELDS.find((candidate) => candidate.path === path);
  if (!rule) return `${path} ${plain(value)}`;
  return `${rule.label} ${rule.format(value)}${rule.unit ? ` ${rule.unit}` : ''}`;
}

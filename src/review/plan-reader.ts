/**
 * Reads the JSON of a saved Terraform plan (`terraform show -json tfplan`, Terraform ≥ 1.4 or OpenTofu)
 * and keeps only repliform's lifecycle resources, with what each one held before and will hold after:
 *
 * - `terraform_data`: `triggers_replace` (the replace-on values) and `input` (the full spec);
 * - `null_resource`: `triggers.replace_on` and `triggers.destroy_spec`, both JSON strings.
 *
 * The role of each resource (a replication's identity or settings, or a pairing) comes from the
 * replace-on values, else from the provisioner command in the plan's configuration.
 */
import type { Json, JsonObject } from './model';

export type LifecycleRole = 'identity' | 'settings' | 'pairing';

/** What one side (before or after) of a lifecycle resource holds; undefined where unknown until apply. */
export interface LifecycleValues {
  readonly replaceOn: JsonObject | undefined;
  readonly spec: JsonObject | undefined;
}

/** One repliform lifecycle resource in a plan. */
export interface LifecycleChange {
  readonly stack: string;
  readonly address: string;
  readonly backing: 'terraform_data' | 'null_resource';
  readonly role: LifecycleRole;
  /** Terraform's actions: `['create']`, `['delete','create']`, `['forget']`, `['no-op']`, … */
  readonly actions: readonly string[];
  /** True when the resource's block is still in the configuration (a delete runs its destroy-time hook). */
  readonly inConfiguration: boolean;
  /** Terraform's `action_reason`, e.g. `replace_because_tainted`, `replace_by_request`; undefined when none. */
  readonly reason: string | undefined;
  readonly before: LifecycleValues | undefined;
  readonly after: LifecycleValues | undefined;
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
// The kind ends the command: `vr.replication-sync` (a sync resource) is neither an identity nor a settings resource.
const COMMAND = /\blifecycle (create|update|delete) (vr\.replication|vr\.pairing)(?![\w.-])/;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Parses plan text (or an already parsed plan) of one stack. */
export function readPlan(plan: unknown, stack: string, source = stack): LifecycleChange[] {
  const parsed: unknown = typeof plan === 'string' ? parseJson(plan, source) : plan;
  if (!isObject(parsed) || typeof parsed.format_version !== 'string') {
    throw new PlanFormatError(source, 'not the JSON of a plan (expected `terraform show -json tfplan` output with a format_version)');
  }
  const changes = parsed.resource_changes ?? [];
  if (!Array.isArray(changes)) throw new PlanFormatError(source, 'resource_changes is not a list');
  const configured = configuredResources(parsed.configuration);
  const result: LifecycleChange[] = [];
  for (const change of changes) {
    const read = readChange(change, stack, configured);
    if (read) result.push(read);
  }
  return result;
}

function parseJson(text: string, source: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new PlanFormatError(source, `not JSON (${(error as Error).message}); give the output of \`terraform show -json tfplan\``);
  }
}

/** Address (without instance keys) → the role its provisioner command names, for every configured resource. */
function configuredResources(configuration: Json | undefined): Map<string, LifecycleRole | undefined> {
  const found = new Map<string, LifecycleRole | undefined>();
  const walk = (module: Json | undefined, prefix: string): void => {
    if (!isObject(module)) return;
    for (const resource of Array.isArray(module.resources) ? module.resources : []) {
      if (isObject(resource) && typeof resource.address === 'string') found.set(prefix + resource.address, roleFromProvisioners(resource.provisioners));
    }
    const calls = isObject(module.module_calls) ? module.module_calls : {};
    for (const [name, call] of Object.entries(calls)) {
      if (isObject(call)) walk(call.module, `${prefix}module.${name}.`);
    }
  };
  if (isObject(configuration)) walk(configuration.root_module, '');
  return found;
}

function roleFromProvisioners(provisioners: Json | undefined): LifecycleRole | undefined {
  for (const provisioner of Array.isArray(provisioners) ? provisioners : []) {
    const command = isObject(provisioner) && isObject(provisioner.expressions) ? provisioner.expressions.command : undefined;
    const text = isObject(command) && typeof command.constant_value === 'string' ? command.constant_value : '';
    const match = COMMAND.exec(text);
    if (!match) continue;
    if (match[2] === 'vr.pairing') return 'pairing';
    return match[1] === 'update' ? 'settings' : 'identity';
  }
  return undefined;
}

/** `module.a["x"].terraform_data.b[0]` → `module.a.terraform_data.b` (configuration addresses carry no keys). */
function configAddress(address: string): string {
  return address.replace(/\[[^\]]*\]/g, '');
}

function readChange(change: unknown, stack: string, configured: Map<string, LifecycleRole | undefined>): LifecycleChange | undefined {
  if (!isObject(change) || change.mode === 'data' || typeof change.type !== 'string' || !BACKINGS.has(change.type)) return undefined;
  const body = isObject(change.change) ? change.change : {};
  const actions = Array.isArray(body.actions) ? body.actions.filter((a): a is string => typeof a === 'string') : [];
  const address = typeof change.address === 'string' ? change.address : '?';
  const backing = change.type as LifecycleChange['backing'];
  const before = valuesOf(body.before, backing);
  const after = valuesOf(body.after, backing);
  const key = configAddress(address);
  const role = roleFromValues(after) ?? roleFromValues(before) ?? configured.get(key);
  if (!role) return undefined;
  const reason = typeof change.action_reason === 'string' ? change.action_reason : undefined;
  const inConfiguration = reason === 'delete_because_no_resource_config' ? false : configured.has(key);
  return { stack, address, backing, role, actions, inConfiguration, reason, before, after };
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

function roleFromValues(values: LifecycleValues | undefined): LifecycleRole | undefined {
  const replaceOn = values?.replaceOn;
  if (!replaceOn) return undefined;
  if (replaceOn.kind === 'vr.replication') return 'identity';
  if (replaceOn.kind === 'vr.pairing') return 'pairing';
  return 'settings' in replaceOn ? 'settings' : undefined;
}

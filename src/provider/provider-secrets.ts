/**
 * Credentials as values in the provider block, for teams that keep them in Vault or a sensitive variable:
 * `credentials = { username = "svc-dr", password = var.vr_password }` beside the environment-variable names every
 * connection block takes (`password_env`). Only the provider block has them: Terraform never stores a provider
 * configuration in state, while a resource's own connection is stored — there, names only. The values are
 * marked sensitive (hidden in plans and Terraform's output) and handed to the clients the way names are: under a
 * variable name the provider makes up, in its own environment (never the process's), so every client and log
 * path is the one the names take — and neither a diagnostic nor a log line can repeat one.
 */
import type { ObjectModel } from './schema';
import { isRecord } from './convert';
import { isObjectValue, UNKNOWN, type TfValue } from './values';

const NAME_SUFFIX = '_env';
/** A value given for one of these names is a credential of its own, not only a secret's identifier. */
const NOT_SECRET = new Set(['username']);

/** Where a value may replace a variable name: `credentials.password` beside `credentials.password_env`. */
export interface SecretSlot {
  readonly path: readonly string[];
  readonly valueName: string;
  readonly envName: string;
}

/** Every `X_env` attribute of an object (at any depth) of a vendor's connection model. */
export function secretSlotsOf(model: ObjectModel, path: readonly string[] = []): SecretSlot[] {
  return Object.entries(model).flatMap(([name, attribute]) => {
    if (attribute.field.kind === 'object') return secretSlotsOf(attribute.field.attributes, [...path, name]);
    if (!name.endsWith(NAME_SUFFIX) || path.length === 0) return [];
    return [{ path, valueName: name.slice(0, -NAME_SUFFIX.length), envName: name }];
  });
}

/** The provider block's model of a vendor connection: a value attribute beside each name, both optional. */
export function withSecretValues(model: ObjectModel): ObjectModel {
  return Object.fromEntries(Object.entries(model).map(([name, attribute]) => {
    if (attribute.field.kind !== 'object') return [name, attribute];
    const nested = withSecretValues(attribute.field.attributes);
    const values = Object.entries(attribute.field.attributes).filter(([inner]) => inner.endsWith(NAME_SUFFIX));
    if (values.length === 0) return [name, { ...attribute, field: { kind: 'object', attributes: nested } }];
    const attributes: Record<string, ObjectModel[string]> = { ...nested };
    for (const [envName, envAttribute] of values) {
      const valueName = envName.slice(0, -NAME_SUFFIX.length);
      const sensitive = !NOT_SECRET.has(valueName);
      attributes[envName] = { ...envAttribute, optional: true, description: `${envAttribute.description} Or give the value itself in \`${valueName}\` (provider block only).`.trim() };
      attributes[valueName] = {
        field: { kind: 'primitive', type: 'string' },
        optional: true,
        defaulted: false,
        computed: false,
        sensitive,
        description:
          `The ${valueName.replace(/_/g, ' ')} itself, instead of \`${envName}\`: e.g. from a sensitive variable or a Vault data source. ` +
          'Provider block only (a provider configuration is never stored in state)' + (sensitive ? '; sensitive: never shown, logged or stored.' : '.'),
      };
    }
    return [name, { ...attribute, field: { kind: 'object', attributes } }];
  }));
}

export interface ExtractedSecrets {
  /** The block with each value replaced by the name of the variable that now holds it. */
  readonly block: unknown;
  /** Variable name → value, for the provider's own environment. */
  readonly values: Readonly<Record<string, string>>;
  /** One-line problems, naming the field and never the value. */
  readonly problems: readonly { readonly path: readonly string[]; readonly message: string }[];
}

/** Moves the values out of a vendor's (known parts of its) provider block. */
export function extractSecrets(vendor: string, block: unknown, slots: readonly SecretSlot[]): ExtractedSecrets {
  if (!isRecord(block)) return { block, values: {}, problems: [] };
  const copy = structuredClone(block);
  const values: Record<string, string> = {};
  const problems: { path: readonly string[]; message: string }[] = [];
  for (const slot of slots) {
    const holder = objectAt(copy, slot.path);
    if (!holder || !(slot.valueName in holder)) continue;
    const value = holder[slot.valueName];
    delete holder[slot.valueName];
    const field = [...slot.path, slot.valueName];
    if (slot.envName in holder) {
      problems.push({ path: field, message: `set ${slot.valueName} or ${slot.envName}, not both` });
    } else if (typeof value !== 'string' || value === '') {
      problems.push({ path: field, message: 'must not be empty (the value is not shown)' });
    } else {
      const variable = ['REPLIFORM_PROVIDER', vendor, ...field].join('_').toUpperCase();
      values[variable] = value;
      holder[slot.envName] = variable;
    }
  }
  return { block: copy, values, problems };
}

function objectAt(root: Record<string, unknown>, path: readonly string[]): Record<string, unknown> | undefined {
  let current: unknown = root;
  for (const step of path) current = isRecord(current) ? current[step] : undefined;
  return isRecord(current) ? current : undefined;
}

/** The variable-name attributes whose value stands beside them unknown (`password = var.p` under validate): unknown too. */
export function namesOfUnknownValues(block: TfValue, slots: readonly SecretSlot[]): string[][] {
  return slots.filter((slot) => valueAt(block, [...slot.path, slot.valueName]) === UNKNOWN).map((slot) => [...slot.path, slot.envName]);
}

function valueAt(value: TfValue, path: readonly string[]): TfValue | undefined {
  let current: TfValue | undefined = value;
  for (const step of path) current = isObjectValue(current) ? current[step] : undefined;
  return current;
}

/**
 * The data-source contract: a read-only look-up a DR engineer writes instead of pasting ids (the VMs of a VR site, a
 * pairing by remote site, the VMs of a VCDA site, SDRS servers and volumes). Each one states its arguments and its
 * result as zod object schemas, from which the native provider derives its Terraform schema (every field described),
 * and reads through the vendor's client that `Context.clients` builds. Its connection is optional: the provider
 * configuration's block for the vendor stands in, as for resources.
 *
 * Calls no endpoint itself (each data source's file names its own).
 */
import { z } from 'zod';
import type { Context } from './contract';
import { InputError, listForMessage } from './errors';
import { parseSpec } from './parse-spec';

/** A zod object schema (maybe refined) whose top-level fields are the data source's arguments or results. */
export type FieldsSchema<T> = z.ZodType<T, z.ZodTypeDef, unknown>;

export interface DataSourceModule<Args, Result> {
  /** `vr_pairing` → the Terraform data source `repliform_vr_pairing`; the part before `_` is the vendor. */
  readonly name: string;
  /** What it finds, for the schema's description. */
  readonly description: string;
  /** Its arguments; a `connection` field is optional and defaults to the provider's block for the vendor. */
  readonly arguments: FieldsSchema<Args>;
  /** What it reads: computed attributes (an argument's name never repeats here). */
  readonly result: FieldsSchema<Result> & { readonly shape: z.ZodRawShape };
  read(args: Args, ctx: Context): Promise<Result>;
}

/** A data source with its types erased behind `read`, as the registry holds them (no casts). */
export interface AnyDataSource {
  readonly name: string;
  readonly vendor: string;
  readonly description: string;
  readonly arguments: z.ZodTypeAny;
  readonly result: { readonly shape: z.ZodRawShape };
  /** Parses the raw arguments (bad input is an InputError naming the field) and reads. */
  read(raw: unknown, ctx: Context): Promise<unknown>;
}

export function eraseDataSource<Args, Result>(module: DataSourceModule<Args, Result>): AnyDataSource {
  return {
    name: module.name,
    vendor: module.name.slice(0, module.name.indexOf('_')),
    description: module.description,
    arguments: module.arguments,
    result: module.result,
    read: (raw, ctx) => module.read(parseSpec(module.arguments, raw, `data source ${module.name}`), ctx),
  };
}

/** How a single-object data source names what it looked for, in its errors. */
export interface Wanted {
  /** The argument the look-up is by (the error's attribute), e.g. `name`. */
  readonly field: string;
  /** e.g. `VM "web-01" on vc-a.example.local`. */
  readonly what: string;
}

/**
 * The one item that matched: none is bad input listing what there is, several is bad input listing them (with their
 * ids, so that the configuration can narrow the look-up).
 */
export function exactlyOne<T>(matches: readonly T[], wanted: Wanted, label: (item: T) => string, candidates: readonly string[]): T {
  if (matches.length === 1) return matches[0];
  if (matches.length === 0) throw new InputError(wanted.field, `no ${wanted.what}; there are: ${listForMessage(candidates)}`);
  throw new InputError(wanted.field, `${matches.length} match ${wanted.what}: ${listForMessage(matches.map(label))}; narrow the look-up (e.g. by id)`);
}

/** A name filter: an exact name and/or a regular expression (both optional: no filter matches every name). */
export function nameMatches(name: string, filter: { readonly name?: string; readonly name_regex?: string }): boolean {
  if (filter.name !== undefined && name !== filter.name) return false;
  return filter.name_regex === undefined || new RegExp(filter.name_regex).test(name);
}

/** The `name_regex` argument of a list data source. */
export const nameRegexSchema = z
  .string()
  .min(1)
  .refine((pattern) => isRegex(pattern), { message: 'must be a valid regular expression' })
  .optional()
  .describe('Only the objects whose name matches this regular expression (JavaScript syntax, unanchored).');

function isRegex(pattern: string): boolean {
  try {
    new RegExp(pattern);
    return true;
  } catch {
    return false;
  }
}

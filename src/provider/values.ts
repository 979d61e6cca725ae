/**
 * Terraform values as the provider handles them: the cty type of an attribute (in cty's JSON form, which is
 * also what a schema's `type` bytes hold) and a decoded value, where UNKNOWN stands for a value Terraform
 * will only know after apply.
 */

/** cty's JSON type notation: "string", ["list","string"], ["object",{"a":"number"}], "dynamic". */
export type TfType =
  | 'string'
  | 'number'
  | 'bool'
  | 'dynamic'
  | readonly ['list' | 'set' | 'map', TfType]
  | readonly ['object', { readonly [attribute: string]: TfType }];

/** A value Terraform does not know yet (plan time); msgpack extension type 0 on the wire. */
export const UNKNOWN: unique symbol = Symbol('unknown');
export type Unknown = typeof UNKNOWN;

export type TfValue = null | Unknown | string | number | boolean | readonly TfValue[] | { readonly [attribute: string]: TfValue };

export function isUnknown(value: unknown): value is Unknown {
  return value === UNKNOWN;
}

/** True when the value, or anything nested in it, is unknown. */
export function containsUnknown(value: TfValue): boolean {
  if (value === UNKNOWN) return true;
  if (Array.isArray(value)) return value.some(containsUnknown);
  if (isObjectValue(value)) return Object.values(value).some(containsUnknown);
  return false;
}

export function isObjectValue(value: TfValue | undefined): value is { readonly [attribute: string]: TfValue } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

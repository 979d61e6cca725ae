/**
 * Between Terraform values and spec / state JSON, guided by the attribute models of schema.ts. Terraform says
 * "unset" with null; a spec says it by leaving the field out (so that zod defaults apply).
 */
import type { FieldModel, ObjectModel } from './schema';
import { withoutNulls } from '../resources/spec-fields';
import { containsUnknown, isObjectValue, type TfValue } from './values';
import { isRecord } from '../../lib/client/core/guards';

/** Re-exported for this layer's modules: the one guard of lib/client/core. */
export { isRecord };

/** Spec JSON from a (known) Terraform value: nulls dropped from objects, everything else as it is. */
export function specJsonOf(value: TfValue): unknown {
  if (containsUnknown(value)) throw new Error('specJsonOf: an unknown value cannot become a spec');
  return withoutNulls(value);
}

/** A Terraform value of the field's type from JSON (a spec after defaults, or a live state). */
export function tfValueOf(json: unknown, field: FieldModel): TfValue {
  if (json === null || json === undefined) return null;
  switch (field.kind) {
    case 'primitive':
      return primitiveOf(json, field.type);
    case 'list':
      return Array.isArray(json) ? json.map((item) => tfValueOf(item, field.element)) : null;
    case 'map':
      return isRecord(json) ? Object.fromEntries(Object.entries(json).map(([key, item]) => [key, tfValueOf(item, field.element)])) : null;
    case 'object':
      return isRecord(json) ? objectValueOf(json, field.attributes) : null;
  }
}

function primitiveOf(json: unknown, type: 'string' | 'number' | 'bool'): TfValue {
  if (type === 'string') return typeof json === 'string' ? json : String(json);
  if (type === 'number') return typeof json === 'number' ? json : Number(json);
  return json === true;
}

/** Every attribute of the model, from the JSON object (absent ones null). */
export function objectValueOf(json: Record<string, unknown>, model: ObjectModel): { [attribute: string]: TfValue } {
  return Object.fromEntries(Object.keys(model).map((name) => [name, tfValueOf(json[name], model[name].field)]));
}

/** The attributes of `value` that the model names (e.g. the spec attributes of a resource's state). */
export function pick(value: { readonly [attribute: string]: TfValue }, model: ObjectModel): { [attribute: string]: TfValue } {
  return Object.fromEntries(Object.keys(model).map((name) => [name, value[name] ?? null]));
}

export function sameValue(a: TfValue | undefined, b: TfValue | undefined): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => sameValue(item, b[i]));
  if (isObjectValue(a) && isObjectValue(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((key) => sameValue(a[key] ?? null, b[key] ?? null));
  }
  return false;
}

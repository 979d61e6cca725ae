/**
 * JSON values as specs, plans and live objects hold them, and the two questions every comparison asks: the value at
 * a dotted path, and whether two values are the same.
 *
 * Calls no endpoint.
 */

/** A JSON value. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };
/** An object of JSON values in which a field may be absent (`undefined`: not reported, unknown). */
export type JsonRecord = { readonly [key: string]: Json | undefined };

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value at a dotted path; undefined when absent. */
export function valueAt(spec: JsonRecord | undefined, path: string): Json | undefined {
  const [first, ...rest] = path.split('.');
  let current: Json | undefined = spec === undefined || first === undefined ? undefined : spec[first];
  for (const key of rest) {
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

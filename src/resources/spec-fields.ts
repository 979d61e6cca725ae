/**
 * The top-level fields of a kind's spec schema (an object, maybe refined): what the provider's resource attributes
 * and the review's spec are made of; and spec JSON from Terraform's attributes, which say "unset" with null where a
 * spec leaves the field out.
 */
import { z } from 'zod';

export function specShapeOf(spec: z.ZodTypeAny, kind: string): z.ZodRawShape {
  let current = spec;
  while (current instanceof z.ZodEffects) current = current.innerType() as z.ZodTypeAny;
  if (!(current instanceof z.ZodObject)) throw new Error(`the spec of ${kind} is not an object`);
  return current.shape as z.ZodRawShape;
}

export function specFieldsOf(spec: z.ZodTypeAny, kind: string): readonly string[] {
  return Object.keys(specShapeOf(spec, kind));
}

/** Drops every null member of every object, at any depth (array items stay as they are, nulls included). */
export function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).filter(([, inner]) => inner !== null).map(([name, inner]) => [name, withoutNulls(inner)]));
}

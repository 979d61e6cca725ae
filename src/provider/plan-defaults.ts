/**
 * The planned spec of a configuration that still holds unknown values (`vm = { name = terraform_data.vm.output }`):
 * every part that is known is planned as a known configuration would be — the defaults its own schema fills in,
 * at any depth — and only what depends on an unknown is unknown. Terraform checks at apply that the final plan
 * keeps every value the first plan knew; a default planned null there ("was null, but now cty.True") fails the
 * apply. Safe because no spec schema transforms across fields (only refinements, which check and never fill):
 * a field's default is its own schema's.
 */
import { z } from 'zod';
import { tfValueOf } from './convert';
import type { FieldModel, ObjectModel } from './schema';
import { withoutNulls } from '../resources/spec-fields';
import { containsUnknown, isObjectValue, UNKNOWN, type TfValue } from './values';

/** Peels optional / nullable / default / refinement wrappers off a schema to the type beneath. */
function innermost(schema: z.ZodTypeAny): z.ZodTypeAny {
  let current = schema;
  for (;;) {
    if (current instanceof z.ZodOptional || current instanceof z.ZodNullable) current = current.unwrap() as z.ZodTypeAny;
    else if (current instanceof z.ZodDefault) current = current.removeDefault() as z.ZodTypeAny;
    else if (current instanceof z.ZodEffects) current = current.innerType() as z.ZodTypeAny;
    else return current;
  }
}

/** What the schema makes of a known value (nulls = left out, as the spec says it); undefined when it refuses it. */
function parsedKnown(value: TfValue, schema: z.ZodTypeAny, field: FieldModel): TfValue | undefined {
  const parsed = schema.safeParse(value === null ? undefined : withoutNulls(value));
  return parsed.success ? tfValueOf(parsed.data, field) : undefined;
}

/** Every attribute of a model, planned from the configuration's value (unknowns kept where they are). */
export function plannedObject(value: { readonly [attribute: string]: TfValue }, shape: z.ZodRawShape, model: ObjectModel): { [attribute: string]: TfValue } {
  return Object.fromEntries(Object.entries(model).map(([name, attribute]) => {
    const schema = shape[name];
    return [name, schema ? plannedField(value[name] ?? null, schema, attribute.field) : (value[name] ?? null)];
  }));
}

function plannedField(value: TfValue, schema: z.ZodTypeAny, field: FieldModel): TfValue {
  if (value === UNKNOWN) return UNKNOWN;
  if (!containsUnknown(value)) return parsedKnown(value, schema, field) ?? value;
  const inner = innermost(schema);
  if (field.kind === 'object' && isObjectValue(value)) {
    return inner instanceof z.ZodObject ? plannedObject(value, inner.shape as z.ZodRawShape, field.attributes) : unknownDefaults(value, field.attributes);
  }
  if (field.kind === 'list' && Array.isArray(value) && inner instanceof z.ZodArray) {
    return value.map((item) => plannedField(item, inner.element as z.ZodTypeAny, field.element));
  }
  if (field.kind === 'map' && isObjectValue(value) && inner instanceof z.ZodRecord) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, plannedField(item, inner.valueSchema as z.ZodTypeAny, field.element)]));
  }
  return value;
}

/**
 * An object whose schema chooses between shapes (a union) by values not known yet: its defaults cannot be told
 * now, so every defaulted attribute left out is unknown (any value is consistent with unknown).
 */
function unknownDefaults(value: { readonly [attribute: string]: TfValue }, model: ObjectModel): { [attribute: string]: TfValue } {
  return Object.fromEntries(Object.entries(model).map(([name, attribute]) => {
    const own = value[name] ?? null;
    if (own === null) return [name, attribute.defaulted ? UNKNOWN : null];
    return [name, attribute.field.kind === 'object' && isObjectValue(own) ? unknownDefaults(own, attribute.field.attributes) : own];
  }));
}

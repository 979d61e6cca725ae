/**
 * The provider's schema, derived from each kind's zod schemas (never written by hand): spec fields become
 * configurable attributes — required, optional, or optional + computed when a default fills them in — and the
 * fields of the live state that are not spec fields become computed attributes. Objects become nested
 * attributes, arrays lists, records maps; a union of objects becomes one object holding every option's fields.
 */
import { z } from 'zod';
import type { _tfplugin6_Schema_Attribute, _tfplugin6_Schema_Block, _tfplugin6_Schema_Object } from './generated/tfplugin6/Schema';
import { specShapeOf } from '../resources/spec-fields';
import type { TfType } from './values';

export type FieldModel =
  | { readonly kind: 'primitive'; readonly type: 'string' | 'number' | 'bool'; readonly allowed?: readonly string[] }
  | { readonly kind: 'list' | 'map'; readonly element: FieldModel }
  | { readonly kind: 'object'; readonly attributes: ObjectModel };

export interface AttributeModel {
  readonly field: FieldModel;
  /** May be left out of the configuration. */
  readonly optional: boolean;
  /** Left out, the provider fills it (a default that is not null). */
  readonly defaulted: boolean;
  /** Only the provider sets it (the live state). */
  readonly computed: boolean;
  /** Terraform hides it in plans and output (a credential given as a value). @default false */
  readonly sensitive?: boolean;
  readonly description: string;
}

export type ObjectModel = { readonly [attribute: string]: AttributeModel };

interface Unwrapped {
  readonly schema: z.ZodTypeAny;
  readonly optional: boolean;
  readonly defaultValue: unknown;
}

/** Peels optional / nullable / default / refinements off a field, remembering what they said. */
function unwrap(schema: z.ZodTypeAny): Unwrapped {
  let current = schema;
  let optional = false;
  let defaultValue: unknown = undefined;
  for (;;) {
    if (current instanceof z.ZodOptional || current instanceof z.ZodNullable) {
      optional = true;
      current = current.unwrap() as z.ZodTypeAny;
    } else if (current instanceof z.ZodDefault) {
      optional = true;
      if (defaultValue === undefined) defaultValue = current._def.defaultValue() as unknown;
      current = current.removeDefault() as z.ZodTypeAny;
    } else if (current instanceof z.ZodEffects) {
      current = current.innerType() as z.ZodTypeAny;
    } else {
      return { schema: current, optional, defaultValue };
    }
  }
}

function objectModelOf(shape: z.ZodRawShape, allOptional = false): ObjectModel {
  const model: Record<string, AttributeModel> = {};
  for (const [name, schema] of Object.entries(shape)) {
    const { schema: inner, optional, defaultValue } = unwrap(schema);
    const field = fieldModelOf(inner, name);
    model[name] = {
      field,
      optional: optional || allOptional,
      defaulted: defaultValue !== undefined && defaultValue !== null,
      computed: false,
      description: describeField(schema, field, defaultValue),
    };
  }
  return model;
}

/** The options of a union of objects, merged: each field optional, the first option's definition wins. */
function unionModelOf(options: readonly z.ZodTypeAny[], name: string): ObjectModel {
  const merged: Record<string, AttributeModel> = {};
  for (const option of options) {
    const inner = unwrap(option).schema;
    if (!(inner instanceof z.ZodObject)) throw new Error(`provider schema: ${name} is a union of something else than objects`);
    for (const [field, model] of Object.entries(objectModelOf(inner.shape as z.ZodRawShape, true))) {
      if (!(field in merged)) merged[field] = model;
    }
  }
  return merged;
}

export function fieldModelOf(schema: z.ZodTypeAny, name: string): FieldModel {
  const inner = unwrap(schema).schema;
  if (inner instanceof z.ZodString) return { kind: 'primitive', type: 'string' };
  if (inner instanceof z.ZodNumber) return { kind: 'primitive', type: 'number' };
  if (inner instanceof z.ZodBoolean) return { kind: 'primitive', type: 'bool' };
  if (inner instanceof z.ZodEnum) return { kind: 'primitive', type: 'string', allowed: inner.options as string[] };
  if (inner instanceof z.ZodArray) return { kind: 'list', element: fieldModelOf(inner.element as z.ZodTypeAny, name) };
  if (inner instanceof z.ZodRecord) return { kind: 'map', element: fieldModelOf(inner.valueSchema as z.ZodTypeAny, name) };
  if (inner instanceof z.ZodObject) return { kind: 'object', attributes: objectModelOf(inner.shape as z.ZodRawShape) };
  if (inner instanceof z.ZodUnion) return { kind: 'object', attributes: unionModelOf(inner.options as z.ZodTypeAny[], name) };
  throw new Error(`provider schema: field ${name} has a type the provider cannot map (${inner.constructor.name})`);
}

function describeField(schema: z.ZodTypeAny, field: FieldModel, defaultValue: unknown): string {
  const parts: string[] = [];
  if (schema.description !== undefined) parts.push(schema.description);
  if (field.kind === 'primitive' && field.allowed !== undefined) parts.push(`One of: ${field.allowed.join(', ')}.`);
  if (defaultValue !== undefined && defaultValue !== null && field.kind === 'primitive') parts.push(`Default: ${JSON.stringify(defaultValue)}.`);
  return parts.join(' ');
}

/** The spec fields of a kind as attributes. */
export function specModelOf(spec: z.ZodTypeAny, kind: string): ObjectModel {
  return objectModelOf(specShapeOf(spec, kind));
}

/** State fields that are not spec fields, as computed attributes, described by the state schema. */
export function computedModelOf(state: z.ZodRawShape, spec: ObjectModel): ObjectModel {
  const model: Record<string, AttributeModel> = {};
  for (const [name, attribute] of Object.entries(objectModelOf(state))) {
    if (name in spec) continue;
    model[name] = { ...attribute, optional: false, defaulted: false, computed: true };
  }
  return model;
}

export function typeOf(field: FieldModel): TfType {
  switch (field.kind) {
    case 'primitive':
      return field.type;
    case 'list':
    case 'map':
      return [field.kind, typeOf(field.element)];
    case 'object':
      return ['object', Object.fromEntries(Object.entries(field.attributes).map(([name, a]) => [name, typeOf(a.field)]))];
  }
}

export function objectTypeOf(model: ObjectModel): TfType {
  return typeOf({ kind: 'object', attributes: model });
}

function nestedObject(field: FieldModel): _tfplugin6_Schema_Object | undefined {
  if (field.kind === 'object') return { nesting: 'SINGLE', attributes: attributesOf(field.attributes) };
  if ((field.kind === 'list' || field.kind === 'map') && field.element.kind === 'object') {
    return { nesting: field.kind === 'list' ? 'LIST' : 'MAP', attributes: attributesOf(field.element.attributes) };
  }
  return undefined;
}

function attributeOf(name: string, attribute: AttributeModel): _tfplugin6_Schema_Attribute {
  const nested = nestedObject(attribute.field);
  const required = !attribute.optional && !attribute.computed;
  return {
    name,
    ...(nested ? { nested_type: nested } : { type: Buffer.from(JSON.stringify(typeOf(attribute.field))) }),
    description: attribute.description,
    description_kind: 'PLAIN',
    required,
    optional: attribute.optional,
    computed: attribute.computed || attribute.defaulted,
    sensitive: attribute.sensitive ?? false,
  };
}

export function attributesOf(model: ObjectModel): _tfplugin6_Schema_Attribute[] {
  return Object.entries(model).map(([name, attribute]) => attributeOf(name, attribute));
}

export function blockOf(model: ObjectModel, description: string): _tfplugin6_Schema_Block {
  return { version: 0, attributes: attributesOf(model), description, description_kind: 'PLAIN' };
}

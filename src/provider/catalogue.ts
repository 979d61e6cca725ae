/**
 * Every kind of the handler registry as a resource type, and the provider configuration derived from them: one
 * optional block per vendor, shaped like that vendor's connection block (`vr`, `vcda`, `sdrs`).
 */
import type { z } from 'zod';
import { kindFor, knownKinds } from '../resources/registry';
import { ResourceType } from './resource-type';
import { specShapeOf } from '../resources/spec-fields';
import { objectTypeOf, specModelOf, type AttributeModel, type ObjectModel } from './schema';
import type { TfType } from './values';
import { secretSlotsOf, withSecretValues, type SecretSlot } from './provider-secrets';

export interface VendorConnection {
  readonly vendor: string;
  readonly schema: z.ZodTypeAny;
  readonly model: AttributeModel;
  /** Where the provider block may give a credential's value instead of its variable's name. */
  readonly secrets: readonly SecretSlot[];
}

export interface Catalogue {
  readonly resources: ReadonlyMap<string, ResourceType>;
  readonly connections: readonly VendorConnection[];
  readonly providerModel: ObjectModel;
  readonly providerType: TfType;
}

function connectionOf(type: ResourceType): VendorConnection | undefined {
  const schema: z.ZodTypeAny | undefined = specShapeOf(type.kind.spec, type.kind.kind).connection;
  const model = specModelOf(type.kind.spec, type.kind.kind).connection;
  if (!schema || !model || model.field.kind !== 'object') return undefined;
  const attributes = withSecretValues(model.field.attributes);
  return { vendor: type.vendor, schema, model: { ...model, field: { kind: 'object', attributes } }, secrets: secretSlotsOf(model.field.attributes) };
}

export async function loadCatalogue(): Promise<Catalogue> {
  const types = await Promise.all(knownKinds().map(async (kind) => new ResourceType(await kindFor(kind))));
  const resources = new Map(types.map((type) => [type.name, type]));
  const connections = new Map<string, VendorConnection>();
  for (const type of types) {
    const connection = connections.has(type.vendor) ? undefined : connectionOf(type);
    if (connection) connections.set(type.vendor, connection);
  }
  const providerModel: ObjectModel = Object.fromEntries(
    [...connections.values()].map((c) => [
      c.vendor,
      { ...c.model, optional: true, defaulted: false, description: `The ${c.vendor} API for resources that set no connection of their own.` },
    ]),
  );
  return { resources, connections: [...connections.values()], providerModel, providerType: objectTypeOf(providerModel) };
}

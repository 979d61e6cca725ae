/**
 * The `connection` attribute resources and data sources share: their own block when they set one, else the provider
 * configuration's block for their vendor.
 *
 * Calls no endpoint.
 */
import type { ObjectModel } from './schema';
import type { ResourceRuntime } from './resource-type';

export const CONNECTION = 'connection';

/** The spec JSON with the provider's block for `vendor` standing in for a connection the type has and left unset. */
export function withProviderConnection(json: Record<string, unknown>, model: ObjectModel, vendor: string, runtime: ResourceRuntime | undefined): Record<string, unknown> {
  if (!(CONNECTION in model) || json[CONNECTION] !== undefined) return json;
  const fromProvider = runtime?.connectionFor(vendor);
  return fromProvider === undefined || fromProvider === null ? json : { ...json, [CONNECTION]: fromProvider };
}

/**
 * Import of an `sdrs.protected-instance`: the instance an import id names, read whole — its group (by id),
 * production server, name and description, and whether the configuration must adopt it (sdrs/import.ts). The
 * create-time placement fields (subnet, IP, flavor, tenancy, dedicated host, cluster, tags) are not reported by SDRS:
 * they are imported as null, SDRS's defaults.
 *
 * @api SDRS GET {P}/protected-instances/{id}
 */
import type { Context, ImportLookup } from '../../contract';
import { importerOf, missing } from '../../core/import';
import { withRecordedOwner } from '../claim';
import { sdrsClient } from '../client';
import { sdrsConnectionSpecSchema, type SdrsConnectionSpec } from '../connection';
import { importedOwnership, lookedAt } from '../import';
import { toInstanceState } from './handler';

async function read(id: string, connection: SdrsConnectionSpec, ctx: Context): Promise<ImportLookup> {
  const instance = await ctx.clients.get(sdrsClient, connection).getProtectedInstance(id);
  if (instance === undefined) return missing(lookedAt(`/protected-instances/${id}`, connection));
  const state = toInstanceState(instance);
  const spec = { group: { id: state.group_id }, server_id: state.server_id, name: state.name, ...importedOwnership(instance.id, instance.description, ctx) };
  return { found: { spec, state: withRecordedOwner(state, ctx) } };
}

export const sdrsProtectedInstanceImporter = importerOf(sdrsConnectionSpecSchema, 'a protected instance id', read);

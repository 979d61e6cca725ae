/**
 * Import of an `sdrs.replication-pair`: the pair an import id names, read whole — its group (by id), production
 * volume, name, size and description, and whether the configuration must adopt it (sdrs/import.ts).
 *
 * @api SDRS GET {P}/replications/{id}
 */
import type { Context, ImportLookup } from '../../contract';
import { importerOf, missing } from '../../core/import';
import { withRecordedOwner } from '../claim';
import { sdrsClient } from '../client';
import { sdrsConnectionSpecSchema, type SdrsConnectionSpec } from '../connection';
import { importedOwnership, lookedAt } from '../import';
import { toPairState } from './handler';

async function read(id: string, connection: SdrsConnectionSpec, ctx: Context): Promise<ImportLookup> {
  const pair = await ctx.clients.get(sdrsClient, connection).getReplication(id);
  if (pair === undefined) return missing(lookedAt(`/replications/${id}`, connection));
  const state = toPairState(pair);
  const spec = {
    group: { id: state.group_id },
    volume_id: state.volume_id,
    name: state.name,
    size_gb: state.size_gb,
    ...importedOwnership(pair.id, pair.description, ctx),
  };
  return { found: { spec, state: withRecordedOwner(state, ctx) } };
}

export const sdrsReplicationPairImporter = importerOf(sdrsConnectionSpecSchema, 'a replication pair id', read);

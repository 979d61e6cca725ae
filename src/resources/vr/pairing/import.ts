/**
 * Import of a `vr.pairing`: the pairing an import id names — its id, or its remote site's name (what a DR engineer
 * knows) — as a configuration that looks it up by its remote site would hold it (no `create`, kept on destroy).
 *
 * @api VR GET /pairings
 */
import type { Context, ImportLookup } from '../../contract';
import { importerOf, missing } from '../../core/import';
import { listForMessage } from '../../errors';
import { vrClient } from '../client';
import { connectionSpecSchema, type ConnectionSpec } from '../connection';
import { findPairing, remoteSiteName } from '../resolve';
import { toState } from './handler';

async function read(id: string, connection: ConnectionSpec, ctx: Context): Promise<ImportLookup> {
  const client = ctx.clients.get(vrClient, connection);
  const pairing = (await findPairing(client, { id, remote_site: null })) ?? (await findPairing(client, { id: null, remote_site: id }));
  if (pairing === undefined) {
    const known = (await client.listPairings({ fresh: true })).map((p) => `${remoteSiteName(p)} (${p.pairing_id ?? '?'})`);
    return missing(`no pairing with this id or remote site at ${connection.endpoint}; its pairings: ${listForMessage(known)}`);
  }
  const spec = { pairing: { id: null, remote_site: remoteSiteName(pairing) }, create: null, delete_on_destroy: false };
  return { found: { spec, state: toState(pairing) } };
}

export const vrPairingImporter = importerOf(connectionSpecSchema, 'a pairing id, or the name of its remote site', read);

/**
 * Data source `repliform_vr_pairing`: the one pairing of the local site with a remote site, by the remote site's
 * vCenter name, VRMS name or vCenter id (as a replication's `pairing.remote_site` names it). None or several is an
 * error on `remote_site` listing the pairings there are.
 *
 * @api VR GET /pairings
 */
import { z } from 'zod';
import type { Pairing } from '../../../../lib/client/vr/types';
import { vrClient } from '../client';
import type { Context } from '../../contract';
import { eraseDataSource, exactlyOne } from '../../data-source';
import { connectionSpecSchema } from '../connection';
import { localVcId, pairingMatchesSite, remoteSiteName, remoteVcId } from '../resolve';

const args = z
  .object({
    connection: connectionSpecSchema.describe("Where the VR API is; null = the provider's `vr` block."),
    remote_site: z.string().min(1).describe('The remote site: its vCenter name (e.g. `vc-b.example.local`), its VRMS name or its vCenter id (case-insensitive).'),
  })
  .strict();
type Args = z.infer<typeof args>;

const result = z.object({
  id: z.string().describe('The pairing id: what `pairing = { id = … }` of a `repliform_vr_replication` takes.'),
  local_site: z.string().describe('The local vCenter name.'),
  local_vcenter_id: z.string().describe('The local vCenter id (its GUID).'),
  remote_vcenter_name: z.string().describe('The remote vCenter name.'),
  remote_vcenter_id: z.string().describe('The remote vCenter id (its GUID).'),
  remote_vrms_name: z.string().describe('The remote VR management server name; empty when the server does not report it.'),
});
type Result = z.infer<typeof result>;

function toResult(pairing: Pairing): Result {
  return {
    id: pairing.pairing_id ?? '',
    local_site: pairing.local_vc_server?.name ?? '',
    local_vcenter_id: localVcId(pairing),
    remote_vcenter_name: pairing.remote_vc_server?.name ?? '',
    remote_vcenter_id: remoteVcId(pairing),
    remote_vrms_name: pairing.remote_vrms?.name ?? '',
  };
}

async function read(spec: Args, ctx: Context): Promise<Result> {
  const pairings = await ctx.clients.get(vrClient, spec.connection).listPairings({ fresh: true });
  const matches = pairings.filter((pairing) => pairingMatchesSite(pairing, spec.remote_site));
  const wanted = { field: 'remote_site', what: `pairing with remote site ${JSON.stringify(spec.remote_site)}` };
  const label = (pairing: Pairing) => `${remoteSiteName(pairing)} (${pairing.pairing_id ?? '?'})`;
  return toResult(exactlyOne(matches, wanted, label, pairings.map(label)));
}

export const vrPairingDataSource = eraseDataSource<Args, Result>({
  name: 'vr_pairing',
  description: 'The VR pairing of the local site with one remote site, found by the remote site name.',
  arguments: args,
  result,
  read,
});

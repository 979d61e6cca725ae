/**
 * The site a VR data source reads the inventory of: the local or the remote vCenter of a pairing (by the pairing's
 * id, as `repliform_vr_pairing` gives it). The remote vCenter's inventory needs the pairing's remote session.
 *
 * @api VR GET  /pairings
 * @api VR GET  /pairings/{pairing_id}
 * @api VR POST /pairings/{pairing_id}/remote-session
 */
import { z } from 'zod';
import { isNotFoundError } from '../../../../lib/client/http/errors';
import type { Pairing } from '../../../../lib/client/vr/types';
import type { VrClient } from '../../../../lib/client/vr/vr-client';
import { InputError, listForMessage } from '../../errors';
import { localVcId, remoteSiteName, remoteVcId } from '../resolve';

export const VR_SITES = ['local', 'remote'] as const;

export const pairingIdSchema = z.string().min(1).describe('The pairing whose vCenter is read (`data.repliform_vr_pairing.<name>.id`).');

export function siteSchema(fallback: (typeof VR_SITES)[number], what: string) {
  return z.enum(VR_SITES).default(fallback).describe(`Which vCenter of the pairing: \`local\` (the source site) or \`remote\` (the target site). Default \`${fallback}\` ${what}.`);
}

export interface PairingSite {
  readonly pairing: Pairing;
  readonly pairingId: string;
  readonly vcId: string;
  /** The vCenter's name, for messages. */
  readonly name: string;
}

async function pairingById(client: VrClient, pairingId: string): Promise<Pairing> {
  try {
    return await client.getPairing(pairingId);
  } catch (error) {
    if (!isNotFoundError(error)) throw error;
    const known = (await client.listPairings({ fresh: true })).map((p) => `${remoteSiteName(p)} (${p.pairing_id ?? '?'})`);
    throw new InputError('pairing_id', `no pairing with id ${JSON.stringify(pairingId)}; pairings: ${listForMessage(known)}`);
  }
}

/** The pairing and the vCenter of the site asked for, its remote session opened when the site is remote. */
export async function pairingSite(client: VrClient, pairingId: string, site: (typeof VR_SITES)[number]): Promise<PairingSite> {
  const pairing = await pairingById(client, pairingId);
  if (site === 'remote') await client.ensureRemoteSession(pairing);
  const vcId = site === 'local' ? localVcId(pairing) : remoteVcId(pairing);
  const name = (site === 'local' ? pairing.local_vc_server?.name : pairing.remote_vc_server?.name) ?? vcId;
  return { pairing, pairingId, vcId, name };
}

/**
 * What the review profiles of the VR kinds share: the words for connection fields, where a spec's objects live
 * (appliance host, remote site), and the `--live` look-ups of one run: each pairing looked up once and the
 * replications on it listed once, whatever the number of objects on it.
 *
 * @api VR POST   /session
 * @api VR DELETE /session
 * @api VR GET    /pairings
 * @api VR GET    /pairings/{pairing_id}/replications
 *
 * The clients and resolvers are loaded lazily, on the first live read: a plan-only review stays quick to start.
 */
import type { Pairing, ReplicationInfo } from '../../../lib/client/vr/types';
import { formats, perSession, valueAt, type FieldWords, type Json, type JsonObject, type LiveSession } from '../review-profile';
import type { ConnectionSpec, PairingRef } from './connection';

export function host(endpoint: Json | undefined): string {
  if (typeof endpoint !== 'string') return '?';
  try {
    return new URL(endpoint).host;
  } catch {
    return endpoint;
  }
}

/** The remote site a spec's pairing names (its remote site, else its id). */
export function siteOf(spec: JsonObject | undefined): string {
  const value = valueAt(spec, 'pairing.remote_site') ?? valueAt(spec, 'pairing.id');
  return typeof value === 'string' ? value : '?';
}

/** The local site's stable name (`connection.local_site`, VrPairing `localSite`), when set. */
export function localSiteOf(spec: JsonObject | undefined): string | undefined {
  const site = valueAt(spec, 'connection.local_site');
  return typeof site === 'string' && site.length > 0 ? site : undefined;
}

function envNames(v: Json | undefined): string {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? `${formats.plain(v.username_env)}/${formats.plain(v.password_env)}` : '(same as local)';
}

export const pairingWords: FieldWords = {
  path: 'pairing',
  label: 'pairing',
  format: (v) => (v !== null && typeof v === 'object' && !Array.isArray(v) ? formats.plain(v.remote_site ?? v.id ?? null) : formats.plain(v)),
};

/** The connection block's words, the same for every VR kind. */
export const connectionWords: readonly FieldWords[] = [
  { path: 'connection.endpoint', label: 'endpoint', format: formats.plain },
  { path: 'connection.credentials', label: 'credentials', format: envNames },
  { path: 'connection.remote_credentials', label: 'remote credentials', format: envNames },
  { path: 'connection.ca_bundle_file', label: 'CA bundle', format: formats.orDefault('(system store)') },
  { path: 'connection.insecure', label: 'skip TLS verification', format: formats.yesNo },
];

export function timeoutWords(actions: readonly ('create' | 'update' | 'delete')[]): FieldWords[] {
  return actions.map((action) => ({ path: `timeouts.${action}_seconds`, label: `${action} timeout`, format: formats.minutes, unit: 'min' }));
}

/** Where a spec's objects live: the appliance (as the user it logs in as) and the pairing reference. */
export interface Place {
  readonly connection: ConnectionSpec;
  readonly pairing: PairingRef;
}

/** The key of a spec's place, from its JSON (the same appliance, user and pairing reference give one key). */
export function placeKeyOf(spec: JsonObject): string | undefined {
  const endpoint = valueAt(spec, 'connection.endpoint');
  const pairing = valueAt(spec, 'pairing');
  if (typeof endpoint !== 'string' || pairing === undefined) return undefined;
  return JSON.stringify([endpoint, valueAt(spec, 'connection.credentials') ?? null, pairing]);
}

function placeKey(place: Place): string {
  return JSON.stringify([place.connection.endpoint, place.connection.credentials.username_env, place.pairing.id, place.pairing.remote_site]);
}

function memo<T>(cache: Map<string, Promise<T>>, key: string, load: () => Promise<T>): Promise<T> {
  const cached = cache.get(key);
  if (cached) return cached;
  const loading = load();
  cache.set(key, loading);
  return loading;
}

/** The look-ups one live run shares between the VR kinds. */
export interface VrLookups {
  pairingAt(place: Place): Promise<Pairing | undefined>;
  replicationsAt(place: Place): Promise<{ pairing: Pairing; list: ReplicationInfo[] } | undefined>;
  /** No such pairing: the handler's own look-up fails with the message naming the pairings there are. */
  missingPairing(place: Place): Promise<never>;
}

export const vrLookups = perSession((session: LiveSession): VrLookups => {
  const pairings = new Map<string, Promise<Pairing | undefined>>();
  const lists = new Map<string, Promise<ReplicationInfo[]>>();
  const client = async (place: Place) => session.clients.get((await import('./client')).vrClient, place.connection);
  const pairingAt = (place: Place): Promise<Pairing | undefined> =>
    memo(pairings, placeKey(place), async () => (await import('./resolve')).findPairing(await client(place), place.pairing));
  return {
    pairingAt,
    async replicationsAt(place) {
      const pairing = await pairingAt(place);
      if (!pairing) return undefined;
      const list = await memo(lists, placeKey(place), async () => (await client(place)).listReplications(pairing.pairing_id ?? ''));
      return { pairing, list };
    },
    async missingPairing(place) {
      await (await import('./resolve')).resolvePairing(await client(place), place.pairing);
      throw new Error(`the pairing ${place.pairing.id ?? place.pairing.remote_site ?? '?'} appeared during the review; run it again`);
    },
  };
});

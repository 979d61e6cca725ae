/**
 * Handler of kind `vr.pairing`: looks up and verifies a site pairing. It creates one only when the spec
 * carries a `create` block and deletes one only when `delete_on_destroy` is set: pairings carry every
 * replication between two sites, so the default never touches them.
 *
 * @api VR POST   /session
 * @api VR GET    /pairings
 * @api VR GET    /pairings/{pairing_id}
 * @api VR POST   /pairings
 * @api VR DELETE /pairings/{pairing_id}
 * @api VR GET    /tasks/{task_id}
 */
import type { Pairing } from '../../../../lib/client/vr/types';
import { vrClient } from '../client';
import type { Context, ResourceHandler } from '../../contract';
import { InputError } from '../../errors';
import { parseSpec } from '../../parse-spec';
import { readSecret } from '../../secrets';
import { vrPairingSpecSchema, type VrPairingSpec } from './schema';
import { findPairing, remoteSiteName, resolvePairing } from '../resolve';
import { waitForVrTask } from '../tasks';

export interface VrPairingState {
  readonly id: string;
  readonly local_site: string;
  readonly remote_site: string;
  readonly local_vc_id: string;
  readonly remote_vc_id: string;
  readonly status: string;
}

function describe(spec: VrPairingSpec): string {
  return spec.pairing.remote_site ?? spec.pairing.id ?? '?';
}

/** What `read` reports about a live pairing (also what `review --live` compares). */
export function toState(pairing: Pairing): VrPairingState {
  return {
    id: pairing.pairing_id ?? '',
    local_site: pairing.local_vc_server?.name ?? '',
    remote_site: remoteSiteName(pairing),
    local_vc_id: pairing.local_vc_server?.id ?? '',
    remote_vc_id: pairing.remote_vc_server?.id ?? '',
    status: pairing.remote_vrms?.server_status ?? pairing.remote_vc_server?.server_status ?? 'UNKNOWN',
  };
}

function warnIfUnhealthy(pairing: Pairing, ctx: Context): void {
  const state = toState(pairing);
  if (state.status !== 'OK') ctx.log.warn(`pairing ${state.id} to ${state.remote_site}: remote site status is ${state.status}`);
}

async function createPairing(spec: VrPairingSpec, ctx: Context): Promise<Pairing> {
  const create = spec.create;
  if (create === null) return resolvePairing(ctx.clients.get(vrClient, spec.connection), spec.pairing);
  const client = ctx.clients.get(vrClient, spec.connection);
  const task = await client.createPairing({
    pair_vc_id: create.remote_vc_id,
    pair_psc_info: {
      url: create.psc_url,
      port: create.psc_port,
      thumbprint: create.psc_thumbprint ?? undefined,
      username: readSecret(create.credentials.username_env, 'create.credentials.username_env', ctx.env),
      password: readSecret(create.credentials.password_env, 'create.credentials.password_env', ctx.env),
    },
  });
  await waitForVrTask(ctx, client, task, `pairing with ${describe(spec)}`, spec.timeouts.create_seconds);
  const created = await findPairing(client, { id: spec.pairing.id, remote_site: spec.pairing.remote_site ?? create.remote_vc_id });
  if (!created) throw new Error(`the pairing task succeeded but no pairing with ${describe(spec)} is listed`);
  return created;
}

async function create(spec: VrPairingSpec, ctx: Context): Promise<VrPairingState> {
  const existing = await findPairing(ctx.clients.get(vrClient, spec.connection), spec.pairing);
  const pairing = existing ?? (await createPairing(spec, ctx));
  ctx.log.info(`pairing ${pairing.pairing_id} ${pairing.local_vc_server?.name ?? ''} → ${remoteSiteName(pairing)} ${existing ? 'found' : 'created'}`);
  warnIfUnhealthy(pairing, ctx);
  return toState(pairing);
}

async function read(spec: VrPairingSpec, ctx: Context): Promise<VrPairingState | undefined> {
  const pairing = await findPairing(ctx.clients.get(vrClient, spec.connection), spec.pairing);
  return pairing ? toState(pairing) : undefined;
}

async function remove(spec: VrPairingSpec, ctx: Context): Promise<void> {
  if (!spec.delete_on_destroy) {
    ctx.log.info(`pairing with ${describe(spec)} kept: it is only deleted when delete_on_destroy is true`);
    return;
  }
  const client = ctx.clients.get(vrClient, spec.connection);
  const pairing = await findPairing(client, spec.pairing);
  if (!pairing) {
    ctx.log.info(`pairing with ${describe(spec)} is already gone`);
    return;
  }
  const replications = await client.listReplications(pairing.pairing_id ?? '', {});
  if (replications.length > 0) {
    throw new InputError('delete_on_destroy', `pairing ${pairing.pairing_id} still carries ${replications.length} replication(s); remove them first`);
  }
  const pairingId = pairing.pairing_id ?? '';
  const task = await client.deletePairing(pairingId, { force: false });
  try {
    await waitForVrTask(ctx, client, task, `deleting pairing with ${describe(spec)}`, spec.timeouts.delete_seconds);
  } finally {
    await client.forgetPairing(pairingId);
  }
}

export const vrPairingHandler: ResourceHandler<VrPairingSpec, VrPairingState> = {
  kind: 'vr.pairing',
  parseSpec: (raw) => parseSpec(vrPairingSpecSchema, raw, 'vr.pairing'),
  describe,
  create,
  read,
  delete: remove,
};

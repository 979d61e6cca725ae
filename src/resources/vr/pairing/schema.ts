import { z } from 'zod';
import type { KindFields } from '../../contract';
import { connectionSpecSchema, credentialsRefSchema, pairingRefSchema } from '../connection';

/** Creating a pairing is opt-in: only when the spec carries this block. */
export const pairingCreateSchema = z
  .object({
    /** The remote vCenter's uuid (PairingSpec.pair_vc_id). */
    remote_vc_id: z.string().min(1),
    /** The remote Platform Services Controller / vCenter SSO URL. */
    psc_url: z.string().min(1),
    psc_port: z.number().int().min(1).max(65535).default(443),
    psc_thumbprint: z.string().min(1).nullable().default(null),
    credentials: credentialsRefSchema,
  })
  .strict();

/** The spec of kind `vr.pairing`. */
export const vrPairingSpecSchema = z
  .object({
    connection: connectionSpecSchema,
    pairing: pairingRefSchema,
    create: pairingCreateSchema.nullable().default(null),
    delete_on_destroy: z.boolean().default(false),
    timeouts: z
      .object({
        create_seconds: z.number().int().positive().default(1800),
        delete_seconds: z.number().int().positive().default(1800),
      })
      .strict()
      .default({ create_seconds: 1800, delete_seconds: 1800 }),
  })
  .strict();
export type VrPairingSpec = z.infer<typeof vrPairingSpecSchema>;
export type VrPairingSpecInput = z.input<typeof vrPairingSpecSchema>;

/**
 * A pairing is looked up: which pairing is its identity, and it has no settings. `create` (how to make it when
 * missing) only matters on the first apply, so changing it later replaces nothing.
 */
export const vrPairingFields: KindFields = { identity: ['pairing'], settings: [] };

/** What `read` reports about the live object: the provider's computed attributes (the handler's state type must match). */
export const vrPairingStateSchema = z.object({
  id: z.string(),
  local_site: z.string(),
  remote_site: z.string(),
  local_vc_id: z.string(),
  remote_vc_id: z.string(),
  status: z.string(),
});

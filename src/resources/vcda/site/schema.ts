/** The spec of kind `vcda.site`: a Cloud Director Availability site, looked up by name, never created. */
import { z } from 'zod';
import type { KindFields } from '../../contract';
import { vcdaConnectionSpecSchema } from '../connection';

export const vcdaSiteSpecSchema = z
  .object({
    connection: vcdaConnectionSpecSchema,
    /** The site's name as `GET /sites` lists it (e.g. "site2"). */
    site: z.string().min(1),
  })
  .strict();
export type VcdaSiteSpec = z.infer<typeof vcdaSiteSpecSchema>;
export type VcdaSiteSpecInput = z.input<typeof vcdaSiteSpecSchema>;

export const vcdaSiteFields: KindFields = { identity: ['site'], settings: [] };

/** What `read` reports about the live object: the provider's computed attributes (the handler's state type must match). */
export const vcdaSiteStateSchema = z.object({
  site: z.string(),
  is_local: z.boolean(),
  description: z.string().nullable(),
  api_version: z.string().nullable(),
  incoming_comm_error: z.string().nullable(),
  outgoing_comm_error: z.string().nullable(),
});

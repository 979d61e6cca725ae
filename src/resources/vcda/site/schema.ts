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

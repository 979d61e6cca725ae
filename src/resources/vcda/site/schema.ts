/** The spec of kind `vcda.site`: a Cloud Director Availability site, looked up by name, never created. */
import { z } from 'zod';
import type { KindFields } from '../../contract';
import { vcdaConnectionSpecSchema } from '../connection';

export const vcdaSiteSpecSchema = z
  .object({
    connection: vcdaConnectionSpecSchema,
    site: z.string().min(1).describe('The site\'s name as `GET /sites` lists it (e.g. "site2").'),
  })
  .strict()
  .describe(
    'A Cloud Director Availability site, looked up by name and never created: create and read report it (an unknown name is an error ' +
      'listing the sites there are), nothing is changed in place, and delete does nothing, as the site is not this code\'s to remove.',
  );
export type VcdaSiteSpec = z.infer<typeof vcdaSiteSpecSchema>;
export type VcdaSiteSpecInput = z.input<typeof vcdaSiteSpecSchema>;

export const vcdaSiteFields: KindFields = { identity: ['site'], settings: [] };

/** What `read` reports about the live object: the provider's computed attributes (the handler's state type must match). */
export const vcdaSiteStateSchema = z.object({
  site: z.string().describe("The site's name."),
  is_local: z.boolean().describe('Whether it is the local site (the one the connection\'s endpoint serves).'),
  description: z.string().nullable().describe("The site's description."),
  api_version: z.string().nullable().describe('The API version the site runs.'),
  incoming_comm_error: z.string().nullable().describe('The error of the site\'s incoming communication as VCDA reports it; null = none.'),
  outgoing_comm_error: z.string().nullable().describe('The error of the site\'s outgoing communication as VCDA reports it; null = none.'),
});

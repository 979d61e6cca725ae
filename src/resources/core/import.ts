/**
 * What every kind's import reader shares: the provider's connection block for the vendor, parsed by the vendor's
 * connection schema before anything is read (an import gets no resource configuration), and the words of a miss.
 *
 * Calls no endpoint (the kind's reader does).
 */
import type { z } from 'zod';
import type { Context, Importer, ImportLookup } from '../contract';

/** An importer that parses the provider's connection with `schema`, then reads by `read`. */
export function importerOf<Connection>(
  schema: z.ZodType<Connection, z.ZodTypeDef, unknown>,
  accepts: string,
  read: (id: string, connection: Connection, ctx: Context) => Promise<ImportLookup>,
): Importer {
  return { accepts, read: (id, connection, ctx) => read(id, schema.parse(connection), ctx) };
}

/** Nothing found, and where the reader looked (the message names the kind and the id). */
export function missing(where: string): ImportLookup {
  return { missing: where };
}

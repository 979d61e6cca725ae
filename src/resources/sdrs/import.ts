/**
 * What the SDRS kinds' import readers share: who owns an imported object and whether the configuration must adopt
 * it. Its description's marker is a hash, so an owner's name is known only where this machine recorded an adoption;
 * an object not marked by that owner stays managed only with `adopt: true` (SDRS cannot rewrite a description), as
 * its destroy requires (claim.ts `removalRefusal`). And the words of a miss.
 *
 * Calls no endpoint.
 */
import type { Context } from '../contract';
import { withRecordedOwner } from './claim';
import type { SdrsConnectionSpec } from './connection';
import { markedBy, userTextIn } from './marker';

/** The owner, adopt and description fields of an imported object's spec. */
export function importedOwnership(id: string, description: string | null | undefined, ctx: Context): { owner: string | null; adopt: boolean; description: string | null } {
  const owner = withRecordedOwner({ id }, ctx)?.owner ?? null;
  return { owner, adopt: !markedBy(description, owner), description: userTextIn(description) };
}

/** Where a GET by id looked. */
export function lookedAt(path: string, connection: SdrsConnectionSpec): string {
  return `GET ${path} in project ${connection.project_id} at ${connection.endpoint} found nothing`;
}

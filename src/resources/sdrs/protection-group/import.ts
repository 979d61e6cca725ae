/**
 * Import of an `sdrs.protection-group`: the group an import id names, read whole — its AZs, domain and VPC, its name
 * and description, and whether the configuration must adopt it (sdrs/import.ts).
 *
 * @api SDRS GET {P}/server-groups/{id}
 */
import type { Context, ImportLookup } from '../../contract';
import { importerOf, missing } from '../../core/import';
import { sdrsClient } from '../client';
import { sdrsConnectionSpecSchema, type SdrsConnectionSpec } from '../connection';
import { importedOwnership, lookedAt } from '../import';
import { withRecordedOwner } from '../claim';
import { toGroupState } from './handler';

/** What SDRS makes when the create names no DR type: the configuration leaves it out (null). */
const DEFAULT_DR_TYPE = 'migration';

async function read(id: string, connection: SdrsConnectionSpec, ctx: Context): Promise<ImportLookup> {
  const group = await ctx.clients.get(sdrsClient, connection).getProtectionGroup(id);
  if (group === undefined) return missing(lookedAt(`/server-groups/${id}`, connection));
  const spec = {
    source_availability_zone: group.source_availability_zone,
    target_availability_zone: group.target_availability_zone,
    domain_id: group.domain_id ?? null,
    source_vpc_id: group.source_vpc_id,
    dr_type: group.dr_type === undefined || group.dr_type === null || group.dr_type === DEFAULT_DR_TYPE ? null : group.dr_type,
    name: group.name,
    ...importedOwnership(group.id, group.description, ctx),
  };
  return { found: { spec, state: withRecordedOwner(toGroupState(group), ctx) } };
}

export const sdrsProtectionGroupImporter = importerOf(sdrsConnectionSpecSchema, 'a protection group (server group) id', read);

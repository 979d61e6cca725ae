/**
 * Import of a `vcda.replication`: the replication an import id names, read whole — where it replicates (source
 * site and VM, destination site and vDC, excluded disks, disk type), its settings and the owner its description's
 * marker names — as a configuration that declares it would hold it.
 *
 * @api VCDA GET /vm-replications/{replicationId}
 */
import type { Context, ImportLookup } from '../../contract';
import { importerOf, missing } from '../../core/import';
import { vcdaClient } from '../client';
import { vcdaConnectionSpecSchema, type VcdaConnectionSpec } from '../connection';
import { toState } from './handler';

async function read(id: string, connection: VcdaConnectionSpec, ctx: Context): Promise<ImportLookup> {
  const live = await ctx.clients.get(vcdaClient, connection).getReplication(id);
  if (live === undefined) return missing(`GET /vm-replications/${id} at ${connection.endpoint} found no VM replication`);
  const state = toState(live);
  const rules = state.settings.retention_rules;
  const spec = {
    source: { site: live.source.site, vm_id: state.vm_id },
    destination: { site: live.destination.site, vdc: live.destination.vdcId ?? live.destination.vdcName ?? '' },
    exclude_disk_keys: state.exclude_disk_keys,
    target_disk_type: state.target_disk_type,
    // No rules on the server reads as the code leaves them: null.
    settings: { ...state.settings, retention_rules: rules !== null && rules.length === 0 ? null : rules },
    owner: state.owner,
  };
  return { found: { spec, state } };
}

export const vcdaReplicationImporter = importerOf(vcdaConnectionSpecSchema, 'a VM replication id', read);

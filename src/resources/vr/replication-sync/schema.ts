/**
 * The spec of kind `vr.replication-sync`: which replication to sync (the replication's own connection, pairing
 * and VM) and, for the native provider, the `trigger` whose change asks for another sync. Fields of the
 * replication's spec that a sync does not need are accepted and dropped, so the lifecycle backing can pass
 * the whole replication spec.
 */
import { z } from 'zod';
import { timeoutsSchema } from '../../timeouts';
import { connectionSpecSchema } from '../connection';
import { vrReplicationSpecSchema, vrReplicationStateSchema } from '../replication/schema';

export const vrReplicationSyncSpecSchema = z.object({
  connection: connectionSpecSchema,
  pairing: vrReplicationSpecSchema.shape.pairing,
  vm: vrReplicationSpecSchema.shape.vm,
  timeouts: timeoutsSchema,
  trigger: z
    .string()
    .nullable()
    .default(null)
    .describe('Any value; a change syncs the replication again (e.g. a date or a change ticket).'),
}).describe(
  'A sync of one vSphere Replication replication (the replication of `vm` over `pairing`), run now. Create syncs it and waits for the sync ' +
    'task; a change of `trigger` syncs it again (an update); a change of the pairing or the VM replaces it, which syncs that replication. ' +
    'Delete does nothing: a sync cannot be undone, and the replication and its replica are left as they are.',
);
export type VrReplicationSyncSpec = z.infer<typeof vrReplicationSyncSpecSchema>;

/** What `read` reports: the replication that is synced. */
export const replicationSummarySchema = vrReplicationStateSchema.pick({
  id: true,
  name: true,
  vm_id: true,
  pairing_id: true,
  status: true,
  rpo_violation: true,
  last_sync_time: true,
});

/**
 * Handler of kind `vr.replication-sync`: the resource a `VrReplication` with a `syncTrigger` adds. Its spec is
 * the replication's own (`vr.replication`); create and update sync the replication now and wait for the task,
 * delete does nothing (a sync cannot be undone), read reports the replication.
 *
 * @api VR (the calls of vr/operations.ts for `sync`)
 */
import type { LifecycleAction, ResourceHandler } from '../../contract';
import { parseSpec } from '../../parse-spec';
import { vrReplicationSyncSpecSchema, type VrReplicationSyncSpec } from './schema';
import { readReplicationSummary, runReplicationOperation, type ReplicationSummary } from '../operations';

export const VR_REPLICATION_SYNC_KIND = 'vr.replication-sync';

export type { VrReplicationSyncSpec } from './schema';

function parse(raw: unknown, _action: LifecycleAction): VrReplicationSyncSpec {
  return parseSpec(vrReplicationSyncSpecSchema, raw, VR_REPLICATION_SYNC_KIND);
}

function describe(spec: VrReplicationSyncSpec): string {
  return spec.vm.name ?? spec.vm.id ?? '?';
}

export const vrReplicationSyncHandler: ResourceHandler<VrReplicationSyncSpec, ReplicationSummary> = {
  kind: VR_REPLICATION_SYNC_KIND,
  parseSpec: parse,
  describe,
  create: (spec, ctx) => runReplicationOperation('sync', spec, ctx, spec.timeouts.update_seconds),
  update: (spec, ctx) => runReplicationOperation('sync', spec, ctx, spec.timeouts.update_seconds),
  read: readReplicationSummary,
  delete: async (spec, ctx) => {
    ctx.log.info(`${describe(spec)}: nothing to undo for a sync`);
  },
};

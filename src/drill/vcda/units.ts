/**
 * Cloud Director Availability in a drill: one unit per VM replication, recovered by a test failover on the
 * destination site from the latest retained instance (production untouched, replication goes on), cleaned up by
 * the test failover's cleanup. The operations are src/resources/vcda/test-failover's; this adds what a drill
 * report needs: who is busy, the RPO as VCDA reports it, and what a failed cleanup left.
 *
 * @api VCDA POST   /sessions
 * @api VCDA POST   /sessions/extend
 * @api VCDA GET    /sites
 * @api VCDA GET    /vm-replications?vmId=&offset=&limit=
 * @api VCDA GET    /vm-replications/{replicationId}
 * @api VCDA POST   /vm-replications/{replicationId}/failover-test?site=
 * @api VCDA DELETE /vm-replications/{replicationId}/failover-test?site=
 * @api VCDA GET    /inventory/vms?site=
 * @api VCDA GET    /tasks/{taskId}?site=
 */
import type { VcdaReplication } from '../../../lib/client/vcda/types';
import type { VcdaClient } from '../../../lib/client/vcda/vcda-client';
import type { Context } from '../../resources/contract';
import { parseSpec } from '../../resources/parse-spec';
import { vcdaClient } from '../../resources/vcda/client';
import { findReplication } from '../../resources/vcda/replication/handler';
import { vcdaReplicationSpecSchema, type VcdaReplicationSpec } from '../../resources/vcda/replication/schema';
import { cleanupTestFailover, startTestFailover, testFailoverPreflight, testFailoverState, type TestFailoverRun } from '../../resources/vcda/test-failover/operations';
import type { StackResource } from '../../resources/synthesized-stack';
import type { DrillUnit, Leftover, RecoveredVm, UnitPreflight } from '../types';

export const VCDA_KINDS = ['vcda.replication'] as const;

export interface VcdaDrillSettings {
  /** How long a test failover or its cleanup may take. */
  readonly timeoutSeconds: number;
  /** How the report tells to remove a leftover: the command that runs only the cleanup of this construct. */
  readonly cleanupCommand: (construct: string) => string;
}

/** A recovery running on the replication: another drill (a test failover) or a real recovery. */
function busyWith(live: VcdaReplication): string | undefined {
  const state = live.destinationState?.recoveryInfo?.recoveryState;
  const testVm = live.destinationState?.recoveryInfo?.vcdVmId ?? 'unknown';
  if (state === 'TEST') return `a test failover of replication ${live.id} is running (test VM ${testVm} on ${live.destination.site})`;
  if (state === 'IN_PROGRESS') return `a recovery of replication ${live.id} is in progress on ${live.destination.site}`;
  return undefined;
}

function rpoProblems(live: VcdaReplication): string[] {
  const violation = live.destinationState?.currentRpoViolation ?? 0;
  return violation > 0 ? [`RPO not met: ${violation} min past the ${live.settings.rpo ?? '?'} min RPO`] : [];
}

export function vcdaUnit(resource: StackResource, settings: VcdaDrillSettings): DrillUnit {
  const spec: VcdaReplicationSpec = parseSpec(vcdaReplicationSpecSchema, resource.input, 'vcda.replication');
  const name = resource.owner.split('/').at(-1) ?? spec.source.vm_id;
  let run: TestFailoverRun | undefined;
  const client = (ctx: Context): VcdaClient => ctx.clients.get(vcdaClient, spec.connection);
  const live = async (ctx: Context): Promise<VcdaReplication | undefined> => findReplication(client(ctx), spec);
  const timeouts = { timeoutSeconds: settings.timeoutSeconds };

  const preflight = async (ctx: Context): Promise<UnitPreflight> => {
    const found = await live(ctx);
    if (found === undefined) return { vms: [{ vm: name, problems: [`no replication of VM ${spec.source.vm_id} from ${spec.source.site} (deploy the stack first)`] }] };
    const busy = busyWith(found);
    // Its own test (or recovery) under way is the busy state, said once; the rest is what is not ready.
    const problems = testFailoverPreflight(found).filter((p) => busy === undefined || !p.includes(found.id) || !/test failover .* is running|recovery .* is in progress/.test(p));
    return { vms: [{ vm: name, problems: [...problems, ...rpoProblems(found)] }], ...(busy !== undefined ? { busy } : {}) };
  };

  const start = async (ctx: Context): Promise<void> => {
    const found = await live(ctx);
    if (found === undefined) throw new Error(`no replication of VM ${spec.source.vm_id} from ${spec.source.site}`);
    run = await startTestFailover(client(ctx), found.id, { powerOn: true, recoveryPoint: 'latest', ...timeouts }, ctx);
  };

  const recovered = async (ctx: Context): Promise<RecoveredVm[]> => {
    if (run === undefined) return [];
    const state = (await testFailoverState(client(ctx), run.replicationId)) ?? run;
    const point = run.recoveryPoint;
    const testing = state.status === 'running' && state.testVmId !== null;
    return [
      {
        vm: name,
        recoveryPoint: point === null ? null : { id: point.instanceId, time: point.timestamp },
        poweredOn: state.powerState === 'POWERED_ON',
        network: testing ? `test network of ${state.destinationSite} (test VM ${state.testVmId ?? '?'})` : null,
        inTestNetwork: testing,
        address: state.ipAddress,
      },
    ];
  };

  const replicationId = async (ctx: Context): Promise<string | undefined> => run?.replicationId ?? (await live(ctx))?.id;

  const cleanup = async (ctx: Context): Promise<void> => {
    const id = await replicationId(ctx);
    if (id !== undefined) await cleanupTestFailover(client(ctx), id, { ...timeouts, attempts: 1 }, ctx);
  };

  const leftovers = async (ctx: Context): Promise<Leftover[]> => {
    const id = await replicationId(ctx);
    const state = id === undefined ? undefined : await testFailoverState(client(ctx), id);
    if (state === undefined || state.status === 'none' || state.status === 'failed-over') return [];
    return [
      {
        what: `test VM ${state.testVmId ?? '(unknown)'} of ${name} on ${state.destinationSite} (test failover of replication ${state.replicationId}, ${state.status})`,
        removeWith: `${settings.cleanupCommand(resource.owner)}  (or DELETE /vm-replications/${state.replicationId}/failover-test?site=${state.sourceSite})`,
      },
    ];
  };

  return { vendor: 'vcda', construct: resource.owner, name, recovers: true, rpoMinutes: spec.settings.rpo_minutes, preflight, start, wait: async () => undefined, recovered, cleanup, leftovers };
}

/**
 * Handler of kind `vcda.test-failover`: a test failover of one VCDA VM replication that lives as long as its
 * resource. Create starts it and waits (refused while another test of the replication runs, saying which); read
 * reports the test VM (gone when the replication or its test image is gone); delete cleans it up and waits (a
 * cleanup that fails is retried once, loudly); a drill already gone is nothing to delete. Production is never
 * touched: nothing here fails over, migrates or reverses (./operations.ts).
 *
 * @api VCDA POST   /sessions
 * @api VCDA POST   /sessions/extend                        (the replication's sites, when not the local one)
 * @api VCDA GET    /sites
 * @api VCDA GET    /vm-replications?vmId=&offset=&limit=     (by source site + VM, when no replication id is given)
 * @api VCDA GET    /vm-replications/{replicationId}
 * @api VCDA POST   /vm-replications/{replicationId}/failover-test?site=
 * @api VCDA DELETE /vm-replications/{replicationId}/failover-test?site=
 * @api VCDA GET    /inventory/vms?site=
 * @api VCDA GET    /tasks/{taskId}?site=
 */
import type { VcdaReplication } from '../../../../lib/client/vcda/types';
import type { VcdaClient } from '../../../../lib/client/vcda/vcda-client';
import type { Context, Known, LifecycleAction, ResourceHandler } from '../../contract';
import { InputError } from '../../errors';
import { parseSpec } from '../../parse-spec';
import { vcdaClient } from '../client';
import { waitUntil } from '../../core/wait';
import { findReplication } from '../replication/handler';
import {
  cleanupTestFailover,
  latestInstanceOf,
  startTestFailover,
  testFailoverState,
  TestFailoverRefusedError,
  type TestFailoverOptions,
  type TestFailoverState,
} from './operations';
import { vcdaTestFailoverSpecSchema, type VcdaTestFailoverSpec } from './schema';

type Spec = VcdaTestFailoverSpec;

/** What `read` reports (vcdaTestFailoverStateSchema). */
export interface VcdaTestFailoverState {
  readonly id: string;
  readonly vm_name: string | null;
  readonly destination_site: string;
  readonly status: string;
  readonly recovery_state: string;
  readonly test_vm_id: string | null;
  readonly test_vapp_id: string | null;
  readonly power_state: string | null;
  readonly ip_address: string | null;
  readonly recovery_point_id: string | null;
  readonly recovery_point_time: string | null;
  readonly rpo_minutes: number | null;
}

function label(spec: Spec): string {
  return spec.replication_id !== null ? `test failover of replication ${spec.replication_id}` : `test failover of VM ${spec.vm_id ?? '?'}`;
}

function toState(state: TestFailoverState): VcdaTestFailoverState {
  const time = state.recoveryPoint?.timestamp;
  return {
    id: state.replicationId,
    vm_name: state.vmName,
    destination_site: state.destinationSite,
    status: state.status,
    recovery_state: state.recoveryState,
    test_vm_id: state.testVmId,
    test_vapp_id: state.testVappId,
    power_state: state.powerState,
    ip_address: state.ipAddress,
    recovery_point_id: state.recoveryPoint?.instanceId ?? null,
    recovery_point_time: time !== undefined && time !== null ? new Date(time).toISOString() : null,
    rpo_minutes: state.rpoMinutes,
  };
}

export function testFailoverOptions(spec: Spec): TestFailoverOptions {
  return {
    powerOn: spec.power_on,
    recoveryPoint: spec.instance_id !== null ? { instanceId: spec.instance_id } : spec.recovery_point,
    networkMappings: spec.network_mappings.map((m) => ({ sourceNetwork: m.source_network, destinationNetwork: m.destination_network })),
    timeoutSeconds: spec.timeouts.create_seconds,
  };
}

/** The replication's id: the spec's, Terraform's, or the one replicating the spec's VM from its site; undefined when none. */
async function replicationIdOf(client: VcdaClient, spec: Spec, known: Known | undefined): Promise<string | undefined> {
  if (spec.replication_id !== null) return spec.replication_id;
  if (known?.id !== undefined && known.id !== '') return known.id;
  const found = await findReplication(client, { source: { site: spec.source_site ?? '', vm_id: spec.vm_id ?? '' } });
  return found?.id;
}

/**
 * A replication made by the same apply is still in its initial sync: the drill waits for its first recovery point
 * (within the create timeout) instead of failing; every other refusal is the start's.
 */
async function waitForFirstInstance(client: VcdaClient, id: string, spec: Spec, ctx: Context): Promise<void> {
  const ready = (live: VcdaReplication | undefined): boolean => live === undefined || live.isPaused === true || latestInstanceOf(live) !== undefined;
  if (ready(await client.getReplication(id))) return;
  await waitUntil<true>(ctx, {
    label: `waiting for the first recovery point of replication ${id} (initial sync)`,
    timeoutSeconds: spec.timeouts.create_seconds,
    poll: { minDelayMs: 250, maxDelayMs: 5000 },
    check: async () => {
      if (ready(await client.getReplication(id))) return { done: true, value: true };
      return { done: false, detail: 'initial sync running' };
    },
  });
}

async function create(spec: Spec, ctx: Context): Promise<VcdaTestFailoverState> {
  const client = ctx.clients.get(vcdaClient, spec.connection);
  const id = await replicationIdOf(client, spec, undefined);
  if (id === undefined) throw new InputError('vm_id', `no replication of VM ${JSON.stringify(spec.vm_id)} from site ${JSON.stringify(spec.source_site)}: nothing to test`);
  await waitForFirstInstance(client, id, spec, ctx);
  try {
    return toState(await startTestFailover(client, id, testFailoverOptions(spec), ctx));
  } catch (error) {
    if (error instanceof TestFailoverRefusedError) throw new InputError(spec.replication_id !== null ? 'replication_id' : 'vm_id', `${error.message}. Nothing was started`);
    throw error;
  }
}

async function read(spec: Spec, ctx: Context, known?: Known): Promise<VcdaTestFailoverState | undefined> {
  const client = ctx.clients.get(vcdaClient, spec.connection);
  const id = await replicationIdOf(client, spec, known);
  if (id === undefined) return undefined;
  const state = await testFailoverState(client, id);
  if (state === undefined || state.status === 'none' || state.status === 'failed-over') return undefined;
  return toState(state);
}

/** Only the connection and the timeouts change in place: the running drill is reported as it is (or started if gone). */
async function update(spec: Spec, ctx: Context, known?: Known): Promise<VcdaTestFailoverState> {
  return (await read(spec, ctx, known)) ?? create(spec, ctx);
}

async function remove(spec: Spec, ctx: Context, known?: Known): Promise<void> {
  const client = ctx.clients.get(vcdaClient, spec.connection);
  const id = await replicationIdOf(client, spec, known);
  if (id === undefined) {
    ctx.log.info(`${label(spec)}: the replication is gone; nothing to clean up`);
    return;
  }
  await cleanupTestFailover(client, id, { timeoutSeconds: spec.timeouts.delete_seconds, attempts: 2 }, ctx);
}

/** The replication is named by id, or by source site and VM; a retained instance excludes a sync first. */
function parse(raw: unknown, _action: LifecycleAction): Spec {
  const spec = parseSpec(vcdaTestFailoverSpecSchema, raw, 'vcda.test-failover');
  if (spec.replication_id === null && (spec.source_site === null || spec.vm_id === null)) {
    throw new InputError('replication_id', 'name the replication to test: its id, or both source_site and vm_id');
  }
  if (spec.instance_id !== null && spec.recovery_point === 'sync') {
    throw new InputError('instance_id', 'a retained instance cannot be used with recovery_point = "sync" (VCDA refuses instanceId with sync)');
  }
  return spec;
}

export const vcdaTestFailoverHandler: ResourceHandler<Spec, VcdaTestFailoverState> = {
  kind: 'vcda.test-failover',
  parseSpec: parse,
  describe: label,
  create,
  read,
  update,
  delete: remove,
};

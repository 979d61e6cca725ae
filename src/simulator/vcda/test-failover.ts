/**
 * VCDA test failover of a VM replication: a test image of the VM on the destination site, made from a retained
 * instance (the latest, one named by `instanceId`, or a new one with `sync`), powered on when asked, in the
 * destination's inventory until its cleanup removes it; replication goes on. The replication's
 * `destinationState.recoveryInfo` shows it: IN_PROGRESS from the request (a second start is refused), TEST with the
 * test VM once the task succeeded, NOT_STARTED again after a failed start or a cleanup. Refused (400, before a task
 * exists): a paused replication, one in its initial sync or RED, one under a test failover, `sync` with
 * `instanceId`, an instance the replication does not retain; a cleanup with no test image. A fault rule's
 * `taskError` ends either task FAILED (a cleanup that fails leaves the test image).
 *
 * Endpoints served:
 *   POST   /vm-replications/{replicationId}/failover-test?site=   testFailoverVmReplication → 202 task
 *   DELETE /vm-replications/{replicationId}/failover-test?site=   cleanupTestFailoverVmReplication → 202 task
 */
import type { VcdaContext, VcdaHandler } from './context';
import { badRequest, badUserInput } from './errors';
import { findReplication, recordInstance, replicationForOperation, startOperation } from './replications';
import type { SimRetainedInstance, SimVcdaReplication, SimVcdaTaskRecord, SimVcdaVm, VcdaRecoveryInfo, VcdaTestFailoverBody } from './types';

function recoveryStateOf(replication: SimVcdaReplication): string {
  return replication.info.destinationState?.recoveryInfo?.recoveryState ?? 'NOT_STARTED';
}

function setRecoveryInfo(replication: SimVcdaReplication, recoveryInfo: VcdaRecoveryInfo): void {
  replication.info.destinationState = { ...replication.info.destinationState, recoveryInfo };
}

function retained(replication: SimVcdaReplication): SimRetainedInstance[] {
  return replication.instances ?? [];
}

function requireTestable(replication: SimVcdaReplication, body: VcdaTestFailoverBody): void {
  const { id } = replication.info;
  const recovery = recoveryStateOf(replication);
  if (recovery === 'TEST' || recovery === 'IN_PROGRESS') {
    const testVm = replication.info.destinationState?.recoveryInfo?.vcdVmId;
    throw badRequest(`VM replication '${id}' is already test-recovered (${recovery}${testVm ? `, test VM '${testVm}'` : ''}): clean up the test failover first.`, [id]);
  }
  if (recovery === 'COMPLETE') throw badRequest(`VM replication '${id}' is failed over.`, [id]);
  if (replication.info.isPaused === true) throw badRequest(`VM replication '${id}' is paused: resume it before a test failover.`, [id]);
  if (replication.initialSyncDoneAt !== null || retained(replication).length === 0) throw badRequest(`VM replication '${id}' has no instance yet: its initial sync is not done.`, [id]);
  if (replication.info.overallHealth === 'RED') throw badRequest(`VM replication '${id}' is not healthy (RED).`, [id]);
  const instanceId = body.instanceId ?? null;
  if (instanceId !== null && body.sync === true) throw badUserInput("'instanceId' cannot be used together with 'sync' set to true.", ['instanceId', 'sync']);
  if (instanceId !== null && !retained(replication).some((instance) => instance.key === instanceId)) {
    throw badUserInput(`Instance '${instanceId}' is not retained by VM replication '${id}' (retained: ${retained(replication).map((i) => i.key).join(', ')}).`, [instanceId]);
  }
}

export const testFailoverVmReplication: VcdaHandler = (request, context) => {
  const replication = replicationForOperation(request, context);
  const body = (request.body ?? {}) as VcdaTestFailoverBody;
  requireTestable(replication, body);
  const response = startOperation(request, context, 'testFailover', body);
  setRecoveryInfo(replication, { recoveryState: 'IN_PROGRESS', type: 'vcd', vcdVmId: null, vAppId: null });
  return response;
};

export const cleanupTestFailoverVmReplication: VcdaHandler = (request, context) => {
  const replication = replicationForOperation(request, context);
  const recovery = recoveryStateOf(replication);
  if (recovery !== 'TEST') throw badRequest(`VM replication '${replication.info.id}' has no test failover to clean up (${recovery}).`, [replication.info.id]);
  return startOperation(request, context, 'cleanupTestFailover');
};

/** The test VM: a Cloud Director VM of the destination vDC's org, with the source VM's disks. */
function testVm(context: VcdaContext, replication: SimVcdaReplication, powerOn: boolean): SimVcdaVm {
  const { info } = replication;
  const source = context.state.vms.find((vm) => vm.id === info.source.vmId && vm.site === info.source.site);
  const octet = (context.state.vms.filter((vm) => vm.testOf !== undefined).length % 250) + 10;
  return {
    id: context.ids(),
    name: `${info.computerName ?? info.id}-test`,
    site: info.destination.site,
    org: info.destination.org ?? '',
    vappId: context.ids(),
    disks: (source?.disks ?? []).map((disk) => ({ ...disk })),
    powerState: powerOn ? 'POWERED_ON' : 'POWERED_OFF',
    ipAddress: powerOn ? `10.99.0.${octet}` : null,
    testOf: info.id,
  };
}

function instanceFor(replication: SimVcdaReplication, body: VcdaTestFailoverBody, completedAt: number): SimRetainedInstance {
  if (body.sync === true) recordInstance(replication, completedAt);
  const wanted = body.instanceId ?? null;
  const found = wanted === null ? retained(replication).at(-1) : retained(replication).find((instance) => instance.key === wanted);
  if (found === undefined) throw new Error(`instance ${wanted ?? '(latest)'} of VM replication '${replication.info.id}' is no longer retained`);
  return found;
}

function startTest(context: VcdaContext, replication: SimVcdaReplication, body: VcdaTestFailoverBody, completedAt: number): void {
  const instance = instanceFor(replication, body, completedAt);
  const vm = testVm(context, replication, body.powerOn ?? true);
  context.state.vms.push(vm);
  setRecoveryInfo(replication, { recoveryState: 'TEST', type: 'vcd', vcdVmId: vm.id, vAppId: vm.vappId, testInstance: { key: instance.key, timestamp: instance.timestamp } });
}

function cleanup(context: VcdaContext, replication: SimVcdaReplication): void {
  context.state.vms = context.state.vms.filter((vm) => vm.testOf !== replication.info.id);
  setRecoveryInfo(replication, { recoveryState: 'NOT_STARTED' });
}

export function isTestFailoverTask(record: SimVcdaTaskRecord): boolean {
  return record.kind === 'testFailover' || record.kind === 'cleanupTestFailover';
}

/** The completion of a test failover or cleanup task; its result is the replication as it is now. */
export function completeTestFailoverTask(context: VcdaContext, record: SimVcdaTaskRecord, completedAt: number): void {
  const replication = findReplication(context.state, record.replicationId);
  if (record.kind === 'testFailover') startTest(context, replication, (record.payload ?? {}) as VcdaTestFailoverBody, completedAt);
  else cleanup(context, replication);
  replication.info.lastUpdated = completedAt;
  record.task.result = JSON.parse(JSON.stringify(replication.info)) as unknown;
  record.task.resultType = 'SingleVmReplicationInfo';
}

/** A failed test failover leaves no test image: the replication is as before it (a failed cleanup changes nothing). */
export function failTestFailoverTask(context: VcdaContext, record: SimVcdaTaskRecord): void {
  if (record.kind !== 'testFailover') return;
  const replication = context.state.replications.find((candidate) => candidate.info.id === record.replicationId);
  if (replication && recoveryStateOf(replication) === 'IN_PROGRESS') setRecoveryInfo(replication, { recoveryState: 'NOT_STARTED' });
}

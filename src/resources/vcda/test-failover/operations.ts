/**
 * Test failover of one VCDA VM replication — the drill's operations, shared by kind `vcda.test-failover` and the
 * `repliform drill` command: start it and wait (progress), read its state, clean it up and wait. Production is
 * never touched: this module calls no failover, planned migration or reverse. A start is refused (before any
 * request that changes anything) while the replication is paused, not healthy, still in its initial sync, failed
 * over, or under a test failover already; `testFailoverProblems` says the same without throwing (a preflight).
 *
 * The test image's state is the replication's `destinationState.recoveryInfo` (`recoveryState` TEST, the test VM
 * `vcdVmId` and its vApp: Broadcom's VmRecoveryInfo); the test VM's power state and address come from the
 * destination site's inventory (`GET /inventory/vms`), when it reports them (docs/vendors/vcda.md).
 *
 * @api VCDA POST   /sessions
 * @api VCDA POST   /sessions/extend                        (the sites of the replication, when not the local one)
 * @api VCDA GET    /sites
 * @api VCDA GET    /vm-replications/{replicationId}
 * @api VCDA POST   /vm-replications/{replicationId}/failover-test?site=<source site>
 * @api VCDA DELETE /vm-replications/{replicationId}/failover-test?site=<source site>
 * @api VCDA GET    /inventory/vms?site=<destination site>  (the test VM's power state and address)
 * @api VCDA GET    /tasks/{taskId}?site=
 */
import type { VcdaInventoryVm, VcdaRecoveryInfo, VcdaReplication, VcdaTask, VcdaTestFailoverSettings } from '../../../../lib/client/vcda/types';
import type { VcdaClient } from '../../../../lib/client/vcda/vcda-client';
import type { Context } from '../../contract';
import { withProgress } from '../../task-progress';
import { knownSites, reachSites } from '../sites';

/** Which point in time the test VM is made from. */
export type TestFailoverRecoveryPoint = 'latest' | 'sync' | { readonly instanceId: string };

/** A source network of the VM mapped to a network of the destination vDC for the test (by name). */
export interface TestFailoverNetworkMapping {
  readonly sourceNetwork: string;
  readonly destinationNetwork: string;
}

export interface TestFailoverOptions {
  /** Power the test VM on. @default true */
  readonly powerOn?: boolean;
  /** `latest` retained instance, `sync` (a new instance first) or a retained instance by id. @default 'latest' */
  readonly recoveryPoint?: TestFailoverRecoveryPoint;
  /** Networks of the test VM. @default - VCDA's defaults for a test failover */
  readonly networkMappings?: readonly TestFailoverNetworkMapping[];
  /** How long to wait for the task. @default 3600 */
  readonly timeoutSeconds?: number;
}

export interface CleanupOptions {
  /** How long to wait for each cleanup task. @default 3600 */
  readonly timeoutSeconds?: number;
  /** Cleanups tried before giving up (a failed one is retried, loudly). @default 2 */
  readonly attempts?: number;
}

/** `none`: no test image; `in-progress`: a recovery runs; `running`: the test image exists; `failed-over`: a real failover happened. */
export type TestFailoverStatus = 'none' | 'in-progress' | 'running' | 'failed-over';

export interface RecoveryPointUsed {
  readonly instanceId: string;
  /** When the instance was taken (epoch ms); null when not known. */
  readonly timestamp: number | null;
}

/** The replication and its test image as VCDA reports them. */
export interface TestFailoverState {
  readonly replicationId: string;
  readonly vmId: string;
  readonly vmName: string | null;
  readonly sourceSite: string;
  readonly destinationSite: string;
  readonly status: TestFailoverStatus;
  /** VCDA's `recoveryState` (NOT_STARTED, IN_PROGRESS, TEST, COMPLETE). */
  readonly recoveryState: string;
  /** The test VM in Cloud Director on the destination site; null without a test image. */
  readonly testVmId: string | null;
  readonly testVappId: string | null;
  /** The test VM's power state as the destination's inventory reports it; null when not reported. */
  readonly powerState: 'POWERED_ON' | 'POWERED_OFF' | null;
  readonly ipAddress: string | null;
  /** The instance the test image was made from, when VCDA reports it (a start reports it in its result). */
  readonly recoveryPoint: RecoveryPointUsed | null;
  readonly rpoMinutes: number | null;
  readonly health: string;
  readonly paused: boolean;
}

/** What a start did: the state after it, and when its task ran (the server's clock, epoch ms). */
export interface TestFailoverRun extends TestFailoverState {
  readonly taskId: string;
  readonly startedAt: number;
  readonly recoveredAt: number;
}

/** A start refused before anything was sent: every reason, each saying what to do. */
export class TestFailoverRefusedError extends Error {
  constructor(
    readonly replicationId: string,
    readonly problems: readonly string[],
  ) {
    super(`test failover of replication ${replicationId} refused: ${problems.join('; ')}`);
    this.name = 'TestFailoverRefusedError';
  }
}

const DEFAULT_TIMEOUT_SECONDS = 3600;
const TASK_POLL = { minDelayMs: 250, maxDelayMs: 5000 };

// ------------------------------------------------------------------ reading

function recoveryInfoOf(live: VcdaReplication): VcdaRecoveryInfo | undefined {
  return live.destinationState?.recoveryInfo;
}

const STATUS: Record<string, TestFailoverStatus> = { TEST: 'running', IN_PROGRESS: 'in-progress', COMPLETE: 'failed-over' };

function statusOf(live: VcdaReplication): TestFailoverStatus {
  return STATUS[recoveryInfoOf(live)?.recoveryState ?? 'NOT_STARTED'] ?? 'none';
}

/** The latest retained instance (`destinationState.latestInstance`), if the replication has one. */
export function latestInstanceOf(live: VcdaReplication): RecoveryPointUsed | undefined {
  const latest: unknown = live.destinationState?.latestInstance;
  if (typeof latest !== 'object' || latest === null) return undefined;
  const key: unknown = 'key' in latest ? latest.key : undefined;
  const timestamp: unknown = 'timestamp' in latest ? latest.timestamp : undefined;
  if (typeof key !== 'string' || key === '') return undefined;
  return { instanceId: key, timestamp: typeof timestamp === 'number' ? timestamp : null };
}

function reportedRecoveryPoint(live: VcdaReplication): RecoveryPointUsed | null {
  const instance = recoveryInfoOf(live)?.testInstance;
  return instance ? { instanceId: instance.key, timestamp: instance.timestamp } : null;
}

function stateOf(live: VcdaReplication, vm: VcdaInventoryVm | undefined): TestFailoverState {
  const info = recoveryInfoOf(live);
  const status = statusOf(live);
  const testVmId = status === 'none' ? null : (info?.vcdVmId ?? null);
  return {
    replicationId: live.id,
    vmId: live.source.vmId ?? '',
    vmName: live.computerName ?? null,
    sourceSite: live.source.site,
    destinationSite: live.destination.site,
    status,
    recoveryState: info?.recoveryState ?? 'NOT_STARTED',
    testVmId,
    testVappId: status === 'none' ? null : (info?.vAppId ?? null),
    powerState: vm?.powerState ?? null,
    ipAddress: vm?.ipAddress ?? null,
    recoveryPoint: status === 'none' ? null : reportedRecoveryPoint(live),
    rpoMinutes: live.settings.rpo ?? null,
    health: live.overallHealth ?? 'UNKNOWN',
    paused: live.isPaused === true,
  };
}

async function reachReplication(client: VcdaClient, live: VcdaReplication): Promise<void> {
  const names = [live.destination.site, live.source.site];
  await reachSites(client, await knownSites(client, names), names);
}

async function testVmOf(client: VcdaClient, live: VcdaReplication): Promise<VcdaInventoryVm | undefined> {
  const vmId = statusOf(live) === 'none' ? undefined : recoveryInfoOf(live)?.vcdVmId;
  if (vmId === undefined || vmId === null) return undefined;
  await reachReplication(client, live);
  const vms = await client.listInventoryVms({ site: live.destination.site });
  return vms.find((vm) => vm.id === vmId);
}

async function readReplication(client: VcdaClient, replicationId: string): Promise<VcdaReplication | undefined> {
  return client.getReplication(replicationId);
}

/** The replication and its test image now; undefined when the replication does not exist. */
export async function testFailoverState(client: VcdaClient, replicationId: string): Promise<TestFailoverState | undefined> {
  const live = await readReplication(client, replicationId);
  if (live === undefined) return undefined;
  return stateOf(live, await testVmOf(client, live));
}

// ------------------------------------------------------------------ preflight

function cleanupHint(id: string): string {
  return `clean it up first (destroy its repliform_vcda_test_failover resource, or DELETE /vm-replications/${id}/failover-test)`;
}

/** Why a test failover of this replication cannot start now (empty: it can), each reason with its way out. */
export function testFailoverPreflight(live: VcdaReplication): string[] {
  const problems: string[] = [];
  const status = statusOf(live);
  const testVm = recoveryInfoOf(live)?.vcdVmId;
  if (status === 'running') problems.push(`a test failover of replication ${live.id} is running already (test VM ${testVm ?? 'unknown'}): ${cleanupHint(live.id)}`);
  if (status === 'in-progress') problems.push(`a recovery of replication ${live.id} is in progress: wait for it to end, then ${cleanupHint(live.id)}`);
  if (status === 'failed-over') problems.push(`replication ${live.id} is FAILED OVER (production runs on ${live.destination.site}): a drill tests a replication that protects its VM`);
  if (live.isPaused === true) problems.push(`replication ${live.id} is PAUSED: resume it (POST /vm-replications/${live.id}/resume) and let it sync`);
  if (latestInstanceOf(live) === undefined) problems.push(`replication ${live.id} has no recovery point yet (initial sync not done): wait for the initial sync`);
  if (live.overallHealth === 'RED') problems.push(`replication ${live.id} is not healthy (health RED): fix it in VCDA first`);
  return problems;
}

/** The same checks as a start, read now: empty when a test failover can start. */
export async function testFailoverProblems(client: VcdaClient, replicationId: string): Promise<string[]> {
  const live = await readReplication(client, replicationId);
  if (live === undefined) return [`no VM replication ${replicationId}`];
  return testFailoverPreflight(live);
}

// ------------------------------------------------------------------ start

/** The "Test Failover" body: `instanceId` and `sync` exclude each other (Broadcom's VmFailoverTestSettings). */
export function testFailoverSettings(options: TestFailoverOptions): VcdaTestFailoverSettings {
  const point = options.recoveryPoint ?? 'latest';
  const mappings = options.networkMappings ?? [];
  const network =
    mappings.length > 0
      ? {
          vAppNetworkSettings: {
            networkMappings: mappings.map((m) => ({ sourceNetworkName: m.sourceNetwork, destinationOrgVdcNetwork: { name: m.destinationNetwork } })),
          },
        }
      : {};
  return {
    type: 'vcloud',
    powerOn: options.powerOn ?? true,
    sync: point === 'sync',
    ...(typeof point === 'object' ? { instanceId: point.instanceId } : {}),
    ...network,
  };
}

async function waitTask(ctx: Context, client: VcdaClient, task: VcdaTask, label: string, timeoutSeconds: number): Promise<VcdaTask> {
  return withProgress(ctx, label, (onProgress) => client.waitForTask(task, { timeoutMs: timeoutSeconds * 1000, signal: ctx.signal, onProgress, ...TASK_POLL }));
}

/** What the start asked for, when VCDA does not report the instance the test image was made from. */
function askedRecoveryPoint(point: TestFailoverRecoveryPoint, before: VcdaReplication, after: VcdaReplication): RecoveryPointUsed | null {
  if (typeof point === 'object') return { instanceId: point.instanceId, timestamp: null };
  return (point === 'sync' ? latestInstanceOf(after) : latestInstanceOf(before)) ?? null;
}

/**
 * Starts a test failover of the replication and waits for its task: a test VM on the destination site, powered on
 * unless `powerOn: false`; replication goes on. Refused (TestFailoverRefusedError, nothing sent) by the preflight.
 */
export async function startTestFailover(client: VcdaClient, replicationId: string, options: TestFailoverOptions, ctx: Context): Promise<TestFailoverRun> {
  const before = await readReplication(client, replicationId);
  if (before === undefined) throw new TestFailoverRefusedError(replicationId, [`no VM replication ${replicationId}`]);
  const problems = testFailoverPreflight(before);
  if (problems.length > 0) throw new TestFailoverRefusedError(replicationId, problems);
  await reachReplication(client, before);
  const vm = before.computerName ?? before.source.vmId ?? replicationId;
  const task = await client.startTestFailover(replicationId, testFailoverSettings(options), { site: before.source.site });
  const done = await waitTask(ctx, client, task, `test failover of ${vm} on ${before.destination.site}`, options.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS);
  const after = (await readReplication(client, replicationId)) ?? before;
  const state = stateOf(after, await testVmOf(client, after));
  const recoveryPoint = state.recoveryPoint ?? askedRecoveryPoint(options.recoveryPoint ?? 'latest', before, after);
  ctx.log.info(`${vm}: test failover running on ${before.destination.site} (test VM ${state.testVmId ?? 'unknown'}, recovery point ${recoveryPoint?.instanceId ?? 'unknown'}); production untouched`);
  return { ...state, recoveryPoint, taskId: done.id, startedAt: done.startTime ?? task.startTime ?? 0, recoveredAt: done.endTime ?? 0 };
}

// ------------------------------------------------------------------ cleanup

async function cleanupOnce(client: VcdaClient, live: VcdaReplication, ctx: Context, timeoutSeconds: number): Promise<void> {
  const task = await client.cleanupTestFailover(live.id, { site: live.source.site });
  await waitTask(ctx, client, task, `cleaning up the test failover of ${live.computerName ?? live.id}`, timeoutSeconds);
}

/**
 * Removes the test image and waits. Nothing to clean (no replication, no test image) sends nothing: `cleaned`
 * false. A cleanup that fails is retried (up to `attempts`), each failure logged loudly with what is left; the
 * last failure is thrown.
 */
export async function cleanupTestFailover(client: VcdaClient, replicationId: string, options: CleanupOptions, ctx: Context): Promise<{ readonly cleaned: boolean }> {
  const attempts = Math.max(1, options.attempts ?? 2);
  for (let attempt = 1; ; attempt++) {
    const live = await readReplication(client, replicationId);
    if (live === undefined || statusOf(live) === 'none') {
      if (attempt === 1) ctx.log.info(`replication ${replicationId}: no test failover to clean up`);
      return { cleaned: attempt > 1 };
    }
    await reachReplication(client, live);
    try {
      await cleanupOnce(client, live, ctx, options.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS);
      ctx.log.info(`replication ${replicationId}: test failover cleaned up (test VM ${recoveryInfoOf(live)?.vcdVmId ?? 'unknown'} removed)`);
      return { cleaned: true };
    } catch (error) {
      const left = `test VM ${recoveryInfoOf(live)?.vcdVmId ?? 'unknown'} on ${live.destination.site} is LEFT`;
      const message = error instanceof Error ? error.message : String(error);
      if (attempt >= attempts) {
        ctx.log.warn(`replication ${replicationId}: CLEANUP OF THE TEST FAILOVER FAILED ${attempt} time(s) (${message}): ${left}; run DELETE /vm-replications/${replicationId}/failover-test again, or clean it up in VCDA`);
        throw error;
      }
      ctx.log.warn(`replication ${replicationId}: cleanup of the test failover FAILED (${message}): ${left}; trying again (${attempt + 1} of ${attempts})`);
    }
  }
}

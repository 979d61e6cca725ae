/**
 * What Terraform shows when an apply fails for a reason that is not bad input, driven as Terraform drives the
 * provider's resource types against the simulator over HTTP: a failed task or job (VR, VCDA, SDRS) says the task
 * failed, with its id and its own error — never the status of the poll that read it ("HTTP 200") — and a refused
 * connection says "connection refused to <host:port>" — never "HTTP 0".
 */
import { objectValueOf } from '../../src/provider/convert';
import { ResourceType, type ObjectValue, type ResourceRuntime } from '../../src/provider/resource-type';
import { kindFor } from '../../src/resources/registry';
import { memoryOwnershipRecords } from '../../src/resources/ownership';
import { SDRS_VOLUME_IDS, VCDA_VDC_IDS, VCDA_VM_IDS, startSimulator, type RunningSimulator } from '../../src/simulator';
import { SIM_ENV, testContext, virtualClock } from '../helpers/context';
import { sdrsConnection, sdrsGroupJson, sdrsGroupRef, SDRS_SIM_ENV, vcdaConnection, VCDA_SIM_ENV, vrConnection } from '../helpers/sim-connections';

const ENV = { ...SIM_ENV, ...VCDA_SIM_ENV, ...SDRS_SIM_ENV };

let sim: RunningSimulator;

beforeEach(async () => {
  sim = await startSimulator({ taskDelayMs: 0 });
});

afterEach(async () => {
  await sim.close();
});

function connections(url: string): Record<string, unknown> {
  return { vr: vrConnection(url), vcda: vcdaConnection(url), sdrs: sdrsConnection(url) };
}

/** The kind's resource type; VR and VCDA wait on virtual time (SDRS signs with the real clock, and its jobs take none). */
async function typeOf(kind: string, url = sim.url): Promise<ResourceType> {
  const ownership = memoryOwnershipRecords();
  const clock = kind.startsWith('sdrs.') ? undefined : virtualClock();
  const runtime: ResourceRuntime = {
    connectionFor: (vendor) => connections(url)[vendor],
    stopReason: () => undefined,
    context: () => testContext(ENV, { clock, ownership, timeoutMs: 60_000 }),
  };
  return new ResourceType(await kindFor(kind)).bind(runtime);
}

/** plan + apply of a new resource: the apply's diagnostics. */
async function applyNew(type: ResourceType, json: Record<string, unknown>) {
  const config = objectValueOf(json, type.spec) as ObjectValue;
  const plan = await type.plan(null, config, config, undefined);
  expect(plan.diagnostics).toEqual([]);
  return (await type.apply(null, plan.planned, undefined)).diagnostics;
}

const vrReplication = { pairing: { remote_site: 'vc-b.example.local' }, vm: { name: 'web-01' }, target: { datastore: 'ds-b-gold' }, settings: { rpo_minutes: 15 } };

test('VR: a configure task that ends ERROR is reported as the task failing, with its id and message, no HTTP status', async () => {
  sim.faults.addRule({ path: '/pairings/*/replications', method: 'POST', taskError: 'Target datastore is full', count: 1 });
  const diagnostics = await applyNew(await typeOf('vr.replication'), vrReplication);
  const taskId = sim.state.tasks.find((record) => record.task.status === 'ERROR')?.task.id ?? 'none';
  expect(diagnostics).toEqual([
    {
      severity: 'ERROR',
      summary: `task ${taskId} (Configure replication web-01) ended ERROR: Target datastore is full`,
      detail: `create of repliform_vr_replication failed: task ${taskId} failed (ERROR).`,
    },
  ]);
});

test('VCDA: a start task that ends FAILED says the task failed with its code, message and id', async () => {
  sim.faults.addRule({ service: 'vcda', method: 'POST', path: '/vm-replications', taskError: 'Replicator unreachable', count: 1 });
  const diagnostics = await applyNew(await typeOf('vcda.replication'), {
    source: { site: 'site1', vm_id: VCDA_VM_IDS['vcd-web-01'] },
    destination: { site: 'site2', vdc: VCDA_VDC_IDS['vdc-gold'] },
    settings: { rpo_minutes: 15 },
    owner: 'app/vcd-web-01',
  });
  const taskId = sim.vcda.state.tasks.find((record) => record.task.state === 'FAILED')?.task.id ?? 'none';
  expect(diagnostics).toEqual([
    {
      severity: 'ERROR',
      summary: expect.stringMatching(new RegExp(`^task ${taskId} \\(.+\\) ended FAILED: GeneralServerFailure: Replicator unreachable$`)),
      detail: `create of repliform_vcda_replication failed: task ${taskId} failed (FAILED, GeneralServerFailure).`,
    },
  ]);
});

test('SDRS: a job that ends FAIL says the job failed with its error_code, fail_reason and id', async () => {
  const groups = await typeOf('sdrs.protection-group');
  expect(
    await applyNew(groups, sdrsGroupJson('app/group')),
  ).toEqual([]);
  sim.faults.addRule({ service: 'sdrs', method: 'POST', path: '/v1/*/replications', taskError: 'Storage backend unreachable', count: 1 });
  const diagnostics = await applyNew(await typeOf('sdrs.replication-pair'), {
    group: sdrsGroupRef('app/group'),
    volume_id: SDRS_VOLUME_IDS['evs-web-01-data'],
    name: 'web-data',
    owner: 'app/web-data',
  });
  const jobId = sim.sdrs.state.jobs.find((record) => record.job.status === 'FAIL')?.job.job_id ?? 'none';
  expect(diagnostics).toEqual([
    {
      severity: 'ERROR',
      summary: `job ${jobId} (createReplicationPairNoCG) ended FAIL: SDRS.1014: Storage backend unreachable`,
      detail: `create of repliform_sdrs_replication_pair failed: job ${jobId} failed (FAIL, SDRS.1014).`,
    },
  ]);
});

test('a refused connection says "connection refused to <host:port>", not HTTP 0', async () => {
  const closed = sim.url;
  await sim.close();
  sim = await startSimulator({ taskDelayMs: 0 });
  const host = new URL(closed).host;
  const diagnostics = await applyNew(await typeOf('vr.replication', closed), vrReplication);
  expect(diagnostics).toEqual([
    {
      severity: 'ERROR',
      summary: `POST /api/rest/vr/v2/session → no response (ECONNREFUSED). Connection refused to ${host}: check the endpoint URL and port, and that the appliance is running.`,
      detail: `create of repliform_vr_replication failed: connection refused to ${host}.`,
    },
  ]);
  expect(JSON.stringify(diagnostics)).not.toMatch(/HTTP 0|→ 0\b/);
});

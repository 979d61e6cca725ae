/**
 * `review --live` of hand-written HCL whose resources carry no `connection`: the provider block holds it. The plan
 * JSON is in the shape Terraform 1.11 prints for such a stack (`configuration.provider_config.<key>.expressions.vr`
 * is a `constant_value` when the block is written with constants, only `references` when it uses variables); the
 * live objects are on the simulator, read over HTTP.
 */
import { runReviewCli } from '../../src/cli/review';
import { memoryOwnershipRecords } from '../../src/resources/ownership';
import { PROVIDER_SOURCE } from '../../src/resources/terraform-names';
import { vrReplicationHandler } from '../../src/resources/vr/replication/handler';
import { replicationSpec, SIM_ENV, testContext } from '../helpers/context';
import { driftReplication, type JsonReport } from './live-drift';
import { useSimulator } from '../helpers/simulator';

const sim = useSimulator({ taskDelayMs: 20 }, 'all');

beforeAll(async () => {
  const context = testContext(SIM_ENV, { ownership: memoryOwnershipRecords() });
  for (const vm of ['web-01', 'app-01']) {
    await vrReplicationHandler.create(replicationSpec(sim.url, { vm: { name: vm }, target: { datastore: 'ds-b-gold' }, settings: { rpo_minutes: 15 } }), context);
  }
  await driftReplication(sim, 'web-01', { status: 'PAUSED' });
});

/** The provider's state of a replication whose block names no connection (the attribute is null). */
function replicationState(vm: string) {
  return {
    connection: null,
    pairing: { remote_site: 'vc-b.example.local', id: null },
    vm: { name: vm, id: null },
    target: { datastore: 'ds-b-gold', storage_policy: null, replication_server: null, seeds: null },
    settings: { rpo_minutes: 15, mpit_instances: null, mpit_days: null, quiesce: null, network_compression: null, encryption: null, lwd_encryption: null, auto_replicate_new_disks: null },
    exclude_disks: null,
    seeds: null,
    on_delete: null,
    timeouts: null,
    adopt: null,
    owner: null,
    id: `id-of-${vm}`,
    status: 'OK',
  };
}

function planOf(providerBlocks: Record<string, unknown>, resources: ReadonlyArray<{ name: string; vm: string; providerKey: string }>): string {
  return JSON.stringify({
    format_version: '1.2',
    terraform_version: '1.11.4',
    resource_changes: resources.map((r) => ({
      address: `repliform_vr_replication.${r.name}`,
      mode: 'managed',
      type: 'repliform_vr_replication',
      name: r.name,
      provider_name: PROVIDER_SOURCE,
      change: { actions: ['no-op'], before: replicationState(r.vm), after: replicationState(r.vm) },
    })),
    configuration: {
      provider_config: providerBlocks,
      root_module: { resources: resources.map((r) => ({ address: `repliform_vr_replication.${r.name}`, mode: 'managed', type: 'repliform_vr_replication', name: r.name, provider_config_key: r.providerKey })) },
    },
  });
}

async function reviewLive(plan: string): Promise<{ code: number; report: JsonReport }> {
  const out: string[] = [];
  const io = { stdout: (t: string) => out.push(t), stderr: () => undefined, env: SIM_ENV, isTty: false, readStdin: () => plan };
  const code = await runReviewCli(['--plan', 'handwritten=-', '--live', '--format', 'json'], io);
  return { code, report: JSON.parse(out.join('')) as JsonReport };
}

test('a replication without a connection of its own is read live through its provider block', async () => {
  const vr = {
    endpoint: sim.url,
    credentials: { username_env: 'VR_SITE_A_USER', password_env: 'VR_SITE_A_PASSWORD' },
    remote_credentials: { username_env: 'VR_SITE_B_USER', password_env: 'VR_SITE_B_PASSWORD' },
  };
  const plan = planOf({ repliform: { name: 'repliform', full_name: PROVIDER_SOURCE, expressions: { vr: { constant_value: vr } } } }, [
    { name: 'web', vm: 'web-01', providerKey: 'repliform' },
    { name: 'app', vm: 'app-01', providerKey: 'repliform' },
  ]);
  const { report } = await reviewLive(plan);
  expect(report.errors).toEqual([]);
  expect(report.items.map((item) => [item.name, item.action, item.live?.status, item.live?.findings.map((f) => f.text)])).toEqual([
    ['app-01', 'no-change', 'in-sync', []],
    ['web-01', 'no-change', 'drifted', ['replication is PAUSED: no new recovery points are made']],
  ]);
});

test('a provider block written with variables is not in the plan: the review says where the connection is missing', async () => {
  const plan = planOf({ 'repliform.b': { name: 'repliform', alias: 'b', expressions: { vr: { references: ['var.vr_endpoint'] } } } }, [{ name: 'web', vm: 'web-01', providerKey: 'repliform.b' }]);
  const { report } = await reviewLive(plan);
  expect(report.errors).toEqual([
    'handwritten/vr.replication/web-01: cannot read the live object: it has no connection, and the vr setting of its provider block repliform.b ' +
      'uses var.vr_endpoint, which the plan does not show: give the resource its own connection, or write that setting with constants',
  ]);
  expect(report.items.map((item) => [item.name, item.live?.status])).toEqual([['web-01', 'unreadable']]);
});

/**
 * Integration (HTTP to the simulator): what a DR engineer met in the first hour — settings changes of a
 * replication with an excluded disk, adoption that ignored the disk set and storage policy, two owners of one
 * replication, a paused replication met by an apply, and the messages that named the wrong reason.
 */
import type { RunningSimulator } from '../../src/simulator';
import { isInputError } from '../../src/resources/errors';
import { memoryOwnershipRecords } from '../../src/resources/ownership';
import { vrReplicationHandler } from '../../src/resources/vr/replication/handler';
import { chooseDisks } from '../../src/resources/vr/resolve';
import { replicationSpec, startVirtualTimeSimulator, testContext, type VirtualClock } from '../helpers/context';

const RECONFIGURE = /\/replications\/[^/]+\/actions\/reconfigure$/;
const CONFIGURE = /^\/pairings\/[^/]+\/replications$/;

let sim: RunningSimulator;
/** Virtual time for the simulator and the clients: task delays and back-off take no real time. */
let clock: VirtualClock;

beforeEach(async () => ({ sim, clock } = await startVirtualTimeSimulator()));
afterEach(async () => sim.close());

function apiRequests(method: string, pattern: RegExp) {
  return sim.requests.filter((r) => r.method === method && pattern.test(r.path.replace('/api/rest/vr/v2', '').split('?')[0]));
}

function replicationOf(vmName: string) {
  const found = sim.state.replications.find((r) => r.info.name === vmName);
  if (!found) throw new Error(`no replication of ${vmName} on the simulator`);
  return found;
}

interface SentDisk {
  readonly vm_disk: { readonly label?: string; readonly is_vm_home?: boolean };
  readonly enabled_for_replication: boolean;
  readonly destination_datastore_id: string;
  readonly destination_storage_policy_id: string | null;
}

/** Another team's code on another machine: its own ownership records. */
const elsewhere = () => testContext(undefined, { clock, ownership: memoryOwnershipRecords() });

describe('settings changes of a replication with a disk that is not replicated', () => {
  test('an RPO change of file-01 with "Hard disk 2" excluded reconfigures in place, sending only the replicated disks', async () => {
    const spec = replicationSpec(sim.url, { vm: { name: 'file-01' }, exclude_disks: ['Hard disk 2'], target: { datastore: 'ds-b-silver', storage_policy: 'Silver' } });
    const created = await vrReplicationHandler.create(spec, testContext(undefined, { clock }));

    const updated = await vrReplicationHandler.update?.({ ...spec, settings: { ...spec.settings, rpo_minutes: 30 } }, testContext(undefined, { clock }));

    expect(updated?.id).toBe(created.id);
    expect(updated?.settings.rpo_minutes).toBe(30);
    const [reconfigure] = apiRequests('POST', RECONFIGURE);
    const disks = (reconfigure.body as { disks: SentDisk[] }).disks;
    expect(disks.map((d) => d.vm_disk.label)).toEqual(['VM home', 'Hard disk 1']);
    expect(disks.every((d) => d.enabled_for_replication && d.destination_datastore_id.startsWith('Datastore:datastore-22:'))).toBe(true);
    expect(new Set(disks.map((d) => d.destination_storage_policy_id)).size).toBe(1);
    expect(disks[0].destination_storage_policy_id).not.toBeNull();
    const live = replicationOf('file-01');
    expect(live.disks.map((d) => [d.vm_disk?.label, d.replicated])).toEqual([['VM home', true], ['Hard disk 1', true], ['Hard disk 2', false]]);
    expect(live.info.rpo).toBe(30);
  });

  test('a retention change of nvme-01, whose unsupported disk was excluded, reconfigures in place', async () => {
    const nvme = sim.state.vms.find((vm) => vm.vm.name === 'nvme-01')?.vm.disks.find((d) => d.supported_for_replication === false);
    const spec = replicationSpec(sim.url, { vm: { name: 'nvme-01' }, exclude_disks: [nvme?.label ?? '?'] });
    await vrReplicationHandler.create(spec, testContext(undefined, { clock }));

    await vrReplicationHandler.update?.({ ...spec, settings: { ...spec.settings, point_in_time: { instances_per_day: 4, days: 2 } } }, testContext(undefined, { clock }));

    expect(replicationOf('nvme-01').info).toMatchObject({ mpit_instances: 4, mpit_days: 2 });
    const disks = (apiRequests('POST', RECONFIGURE)[0].body as { disks: SentDisk[] }).disks;
    expect(disks.some((d) => d.vm_disk.label === nvme?.label)).toBe(false);
  });
});

describe('adoption is never silent and compares every identity field', () => {
  test('a replication made elsewhere is refused without adopt, naming it and the way to take it over', async () => {
    await vrReplicationHandler.create(replicationSpec(sim.url, { owner: 'team-a/web-01' }), elsewhere());
    const error = await vrReplicationHandler.create(replicationSpec(sim.url, { owner: 'team-b/web-01' }), testContext(undefined, { clock })).catch((e: unknown) => e);

    expect(isInputError(error)).toBe(true);
    expect((error as Error).message).toMatch(
      /^adopt: web-01 is already replicated \(replication GID-[^,]+, (INITIAL_FULL_SYNC|OK)\) by something other than team-b\/web-01\. Taking it over is never silent: set adopt: true/,
    );
    expect(apiRequests('POST', CONFIGURE)).toHaveLength(1);
    expect(apiRequests('POST', RECONFIGURE)).toHaveLength(0);
  });

  test('two stacks on one machine: the second is told who created it', async () => {
    const ctx = testContext(undefined, { clock });
    await vrReplicationHandler.create(replicationSpec(sim.url, { owner: 'stack-a/web-01' }), ctx);
    await expect(vrReplicationHandler.create(replicationSpec(sim.url, { owner: 'stack-b/web-01', settings: { rpo_minutes: 60 } }), testContext(undefined, { clock }))).rejects.toThrow(
      /by something other than stack-b\/web-01 \(created by stack-a\/web-01, according to this machine's records\)/,
    );
    expect(replicationOf('web-01').info.rpo).toBe(15);
  });

  test('adopt: true with a disk excluded and a storage policy on the live replication shows every difference and changes nothing', async () => {
    const outside = replicationSpec(sim.url, { vm: { name: 'file-01' }, exclude_disks: ['Hard disk 2'], target: { datastore: 'ds-b-silver', storage_policy: 'Silver' } });
    await vrReplicationHandler.create(outside, elsewhere());
    const code = replicationSpec(sim.url, { vm: { name: 'file-01' }, target: { datastore: 'ds-b-silver' }, adopt: true, settings: { rpo_minutes: 60 } });

    const error = await vrReplicationHandler.create(code, testContext(undefined, { clock })).catch((e: unknown) => e);

    expect(isInputError(error)).toBe(true);
    const message = (error as Error).message;
    expect(message).toContain('disk "Hard disk 2" not replicated (code: replicated)');
    expect(message).toContain('disks "VM home", "Hard disk 1" with storage policy "Silver" (code: "the datastore default")');
    expect(message).toContain('Change the code to match it, or replace it on purpose');
    expect(message).not.toContain('\n');
    expect(apiRequests('POST', RECONFIGURE)).toHaveLength(0);
    expect(replicationOf('file-01').info.rpo).toBe(15);
  });

  test('adopt: true with a matching identity takes it over, announced, and reconciles the settings', async () => {
    const outside = replicationSpec(sim.url, { vm: { name: 'file-01' }, exclude_disks: ['Hard disk 2'], target: { datastore: 'ds-b-silver', storage_policy: 'Silver' } });
    const made = await vrReplicationHandler.create(outside, elsewhere());
    const ctx = testContext(undefined, { clock });

    const adopted = await vrReplicationHandler.create({ ...outside, adopt: true, owner: 'dr/file-01', settings: { ...outside.settings, rpo_minutes: 60 } }, ctx);

    expect(adopted.id).toBe(made.id);
    expect(replicationOf('file-01').info.rpo).toBe(60);
    expect(ctx.lines).toContain(
      `warn: file-01: ADOPTING replication ${made.id}, which this code did not create (adopt: true); its identity matches the code, and from now on this code manages it: its destroy removes it`,
    );
    expect(apiRequests('POST', CONFIGURE)).toHaveLength(1);
  });

  test("a stack's delete never removes a replication that this machine recorded as another stack's", async () => {
    await vrReplicationHandler.create(replicationSpec(sim.url, { owner: 'stack-a/web-01' }), testContext(undefined, { clock }));
    const ctx = testContext(undefined, { clock });

    await vrReplicationHandler.delete(replicationSpec(sim.url, { owner: 'stack-b/web-01' }), ctx);

    expect(sim.state.replications).toHaveLength(1);
    expect(apiRequests('POST', /\/actions\/unconfigure$/)).toHaveLength(0);
    expect(ctx.lines.some((l) => l.startsWith('warn: web-01: NOT removing replication') && l.includes('it belongs to stack-a/web-01'))).toBe(true);
  });

  test('a create killed after its configure request is taken up by the rerun without adopt (the intent was recorded first)', async () => {
    sim.faults.addRule({ method: 'POST', path: '/pairings/*/replications', dropResponse: true, count: 1 });
    // The re-read after the lost answer fails too, as when the process is killed right there.
    sim.faults.addRule({ method: 'GET', path: '/pairings/*/replications', status: 500, skip: 1, count: 100 });
    const spec = replicationSpec(sim.url, { owner: 'dr/web-01' });
    await expect(vrReplicationHandler.create(spec, testContext(undefined, { clock }))).rejects.toThrow();
    sim.faults.clearRules();

    const ctx = testContext(undefined, { clock });
    const rerun = await vrReplicationHandler.create(spec, ctx);

    expect(sim.state.replications).toHaveLength(1);
    expect(rerun.id).toBe(replicationOf('web-01').info.id);
    expect(ctx.lines.some((l) => l.includes('by an earlier run of this code; taking it up'))).toBe(true);
  });
});

describe('a cancelled configure', () => {
  test('fails naming the cancellation, leaves nothing behind, and a rerun configures exactly one', async () => {
    sim.faults.addRule({ method: 'POST', path: '/pairings/*/replications', taskCancel: 'Cancelled by administrator@vsphere.local', count: 1 });
    const spec = replicationSpec(sim.url);
    await expect(vrReplicationHandler.create(spec, testContext(undefined, { clock }))).rejects.toThrow(/\(Configure replication web-01\) was cancelled: Cancelled by administrator@vsphere\.local/);
    expect(sim.state.replications).toHaveLength(0);

    await vrReplicationHandler.create(spec, testContext(undefined, { clock }));
    expect(sim.state.replications).toHaveLength(1);
    expect(apiRequests('POST', CONFIGURE)).toHaveLength(2);
  });
});

describe('a lost login answer', () => {
  test('the login and the remote-session login are sent again (safe to repeat), and the create goes on', async () => {
    sim.faults.addRule({ method: 'POST', path: '/session', dropResponse: true, count: 1 });
    sim.faults.addRule({ method: 'POST', path: '/pairings/*/remote-session', reset: true, count: 1 });

    await vrReplicationHandler.create(replicationSpec(sim.url), testContext(undefined, { clock }));

    expect(apiRequests('POST', /^\/session$/)).toHaveLength(2);
    expect(apiRequests('POST', /\/remote-session$/)).toHaveLength(2);
    expect(sim.state.replications).toHaveLength(1);
  });
});

describe('an apply that meets a replication in a state the code does not declare', () => {
  test('a paused replication stops the settings change with a clear message, and nothing is changed', async () => {
    const spec = replicationSpec(sim.url);
    await vrReplicationHandler.create(spec, testContext(undefined, { clock }));
    replicationOf('web-01').info.status = { status: 'PAUSED', rpo_violation: false };

    const error = await vrReplicationHandler.update?.({ ...spec, settings: { ...spec.settings, rpo_minutes: 10 } }, testContext(undefined, { clock })).catch((e: unknown) => e);

    expect((error as Error).message).toMatch(
      /^replication GID-\S+ of web-01 is PAUSED: it is not protecting the VM, and the code does not declare that\. Nothing was changed\. To go on, resume it \(repliform vr resume --vm "web-01" …\)/,
    );
    expect((error as Error).message).toContain('repliform review --live --fail-on drift');
    expect(apiRequests('POST', RECONFIGURE)).toHaveLength(0);
  });

  test('values outside the documented ranges are flagged, not passed through silently', async () => {
    const spec = replicationSpec(sim.url);
    await vrReplicationHandler.create(spec, testContext(undefined, { clock }));
    Object.assign(replicationOf('web-01').info, { rpo: -5, mpit_enabled: true, mpit_instances: 400, mpit_days: 30 });
    const ctx = testContext(undefined, { clock });

    await vrReplicationHandler.update?.(spec, ctx);

    const id = replicationOf('web-01').info.id;
    expect(ctx.lines).toContain(`warn: replication web-01 (${id}) as read from the server: rpo is -5, outside the API's range 5..1440 minutes`);
    expect(ctx.lines).toContain(
      `warn: replication web-01 (${id}) as read from the server: point-in-time retention of 400 instances/day × 30 days = 12000 instances, above the API's maximum of 24`,
    );
  });
});

describe('messages that named the wrong reason', () => {
  test('a fault-tolerant VM is refused for being fault tolerant, not for its connection state', async () => {
    const error = await vrReplicationHandler.create(replicationSpec(sim.url, { vm: { name: 'ft-01' }, settings: { rpo_minutes: 30 } }), testContext(undefined, { clock })).catch((e: unknown) => e);
    expect((error as Error).message).toBe(
      'vm.name: VM "ft-01" on vc-a.example.local is not suitable for replication (IS_FT_VM: Fault tolerant virtual machines cannot be replicated.)',
    );
  });

  test('a VM with only its home disk is told so, not that every disk is excluded', () => {
    const home = { vm_id: 'vm-1', is_vm_home: true, label: 'VM home' };
    expect(() => chooseDisks('tiny-01', [home], [])).toThrow('vm: tiny-01 has no virtual hard disk besides its VM home: there is no data to replicate');
  });

  test('waiting on an adopted replication whose configuration is in progress reports the configuration state', async () => {
    const spec = replicationSpec(sim.url, { owner: 'dr/web-01' });
    await vrReplicationHandler.create(spec, testContext(undefined, { clock }));
    const live = replicationOf('web-01');
    live.info.configuration_state = 'IN_PROGRESS';
    live.info.status = { status: 'FULL_SYNC', rpo_violation: false };
    const ctx = testContext(undefined, { clock });

    const error = await vrReplicationHandler.create({ ...spec, timeouts: { ...spec.timeouts, create_seconds: 1 } }, ctx).catch((e: unknown) => e);

    expect((error as Error).message).toMatch(/configuration of replication web-01.*last state: configuration IN_PROGRESS/);
    expect((error as Error).message).not.toContain('FULL_SYNC');
  });
});

/**
 * Integration (HTTP to the simulator): a server that leaves optional fields of a replication out (`rpo`,
 * `network_compression_enabled`, …). A field the server did not report is unknown, not a difference: it never
 * triggers a reconfigure, and a reconfigure the code does ask for carries the code's values — never one made up
 * for a field nobody gave (`rpo: 0`, `mpit_instances: 0`).
 */
import type { RunningSimulator } from '../../src/simulator';
import { vrReplicationHandler } from '../../src/resources/vr/replication/handler';
import { replicationSpec, startVirtualTimeSimulator, testContext, type VirtualClock } from '../helpers/context';

const RECONFIGURE = /\/replications\/[^/]+\/actions\/reconfigure$/;

let sim: RunningSimulator;
let clock: VirtualClock;

beforeEach(async () => ({ sim, clock } = await startVirtualTimeSimulator()));
afterEach(async () => sim.close());

const reconfigures = () => sim.requests.filter((r) => r.method === 'POST' && RECONFIGURE.test(r.path));
const context = () => testContext(undefined, { clock });

async function createdWithout(fields: string[], spec = replicationSpec(sim.url)) {
  const created = await vrReplicationHandler.create(spec, context());
  sim.setReplicationStatus(created.id, { omit: fields });
  return { spec, created };
}

test('a replication answered without rpo and network_compression_enabled is not reconfigured, and read says they are unknown', async () => {
  const { spec } = await createdWithout(['rpo', 'network_compression_enabled']);

  const updated = await vrReplicationHandler.update?.(spec, context());
  const read = await vrReplicationHandler.read(spec, context());

  expect(reconfigures()).toEqual([]);
  expect(updated?.settings).toEqual({ point_in_time: { instances_per_day: 3, days: 5 }, quiescing: false, encryption: false, auto_replicate_new_disks: true });
  expect(read?.settings).toEqual(updated?.settings);
});

test('unreported point-in-time counts and flags never differ from the code: no reconfigure', async () => {
  const spec = replicationSpec(sim.url, { settings: { rpo_minutes: 15, quiescing: true, point_in_time: { instances_per_day: 3, days: 5 } } });
  await createdWithout(['mpit_instances', 'mpit_days', 'quiescing_enabled', 'auto_replicate_new_disks_enabled', 'encryption_enabled'], spec);

  await vrReplicationHandler.update?.(spec, context());

  expect(reconfigures()).toEqual([]);
});

test('a real change of the code is still sent, with exactly the code’s values and nothing made up', async () => {
  const spec = replicationSpec(sim.url, { settings: { rpo_minutes: 15 } });
  const { created } = await createdWithout(['network_compression_enabled', 'mpit_instances', 'mpit_days'], spec);

  await vrReplicationHandler.update?.({ ...spec, settings: { ...spec.settings, rpo_minutes: 30 } }, context());

  const [reconfigure] = reconfigures();
  expect(reconfigures()).toHaveLength(1);
  const { disks, ...settings } = reconfigure.body as { disks: unknown[] };
  expect(settings).toEqual({
    rpo: 30,
    quiesce_enabled: false,
    network_compression_enabled: false,
    mpit_enabled: false,
    auto_replicate_new_disks: true,
    lwd_encryption_enabled: false,
  });
  expect(disks).toHaveLength(sim.state.replications.find((r) => r.info.id === created.id)?.disks.filter((d) => d.replicated).length ?? -1);
});

describe('disks the server reports incompletely', () => {
  const diskOf = (id: string, label: string) => {
    const disk = sim.state.replications.find((r) => r.info.id === id)?.disks.find((d) => d.vm_disk?.label === label);
    if (!disk) throw new Error(`no disk ${label} of replication ${id}`);
    return disk;
  };
  /** Creates web-01's replication, drops `field` from the server's Hard disk 1, then updates the RPO to 30. */
  async function rpoChangeWithoutDiskField(field: 'replicated' | 'destination_path' | 'destination_storage_policy_id') {
    const spec = replicationSpec(sim.url);
    const created = await vrReplicationHandler.create(spec, context());
    delete diskOf(created.id, 'Hard disk 1')[field];
    return vrReplicationHandler.update?.({ ...spec, settings: { ...spec.settings, rpo_minutes: 30 } }, context());
  }

  test('a disk without `replicated` is never left out of a reconfigure (that would stop it): refused, nothing sent', async () => {
    await expect(rpoChangeWithoutDiskField('replicated')).rejects.toThrow(
      'web-01, disk "Hard disk 1": the server does not report whether it replicates (`replicated`), which a reconfigure must name: nothing was changed (check the replication\'s disks in the vSphere Client)',
    );
    expect(reconfigures()).toEqual([]);
  });

  test('a replicated disk without its destination datastore is refused, not sent with an empty id', async () => {
    await expect(rpoChangeWithoutDiskField('destination_path')).rejects.toThrow(
      'web-01, disk "Hard disk 1": the server does not report the destination datastore (`destination_path.datastore_id`), which a reconfigure must name',
    );
    expect(reconfigures()).toEqual([]);
  });

  test('a storage policy the server does not report is left out of the body, not sent as null (the default policy)', async () => {
    await rpoChangeWithoutDiskField('destination_storage_policy_id');

    const [reconfigure] = reconfigures();
    const sent = (reconfigure.body as { disks: Array<{ vm_disk: { label: string } }> }).disks.find((d) => d.vm_disk.label === 'Hard disk 1');
    expect(sent).toBeDefined();
    expect(sent).not.toHaveProperty('destination_storage_policy_id');
  });
});

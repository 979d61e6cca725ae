/**
 * One stack takes over another stack's replication (`adopt: true`, as an import's apply does), against the
 * simulator: the announcement names the stack it was taken from (VR: this machine's ownership records; VCDA: the
 * description's marker; SDRS: this machine's records, else the marker in the description, a hash), and what the old
 * owner's read reports afterwards names the new owner — the provider drops the object from the old stack's state on
 * it. SDRS cannot rewrite a description, so the old owner's marker stays: this machine's records keep its destroy
 * from deleting what the new owner took over.
 */
import { vcdaReplicationHandler } from '../../src/resources/vcda/replication/handler';
import { vcdaReplicationSpecSchema, type VcdaReplicationSpecInput } from '../../src/resources/vcda/replication/schema';
import { memoryOwnershipRecords } from '../../src/resources/ownership';
import { vrReplicationHandler } from '../../src/resources/vr/replication/handler';
import { kindFor } from '../../src/resources/registry';
import { ownerMarker } from '../../src/resources/sdrs/marker';
import { SDRS_SOURCE_AZ, SDRS_TARGET_AZ, type RunningSimulator } from '../../src/simulator';
import { VCDA_VDC_IDS, VCDA_VM_IDS } from '../../src/simulator/vcda/inventory-seed';
import { replicationSpec, SIM_ENV, startVirtualTimeSimulator, testContext, type VirtualClock } from '../helpers/context';
import { sdrsConnection, sdrsGroupJson, SDRS_SIM_ENV, vcdaConnection, VCDA_SIM_ENV } from '../helpers/sim-connections';

let sim: RunningSimulator;
let clock: VirtualClock;
beforeEach(async () => ({ sim, clock } = await startVirtualTimeSimulator()));
afterEach(async () => sim.close());

describe('VR: the ownership records of this machine know the previous owner', () => {
  test('adopt: true names the stack it takes the replication from, and the old stack reads it as owned by the new one', async () => {
    const records = memoryOwnershipRecords();
    const ctx = () => testContext(SIM_ENV, { ownership: records, clock });
    const oldSpec = replicationSpec(sim.url, { owner: 'stack-a/web-01' });
    const made = await vrReplicationHandler.create(oldSpec, ctx());
    expect((await vrReplicationHandler.read(oldSpec, ctx()))?.owner).toBe('stack-a/web-01');

    const taking = ctx();
    await vrReplicationHandler.create({ ...oldSpec, owner: 'stack-b/web-01', adopt: true }, taking);
    expect(taking.lines).toContain(
      `warn: web-01: ADOPTING replication ${made.id}, which this code did not create (adopt: true), from stack-a/web-01 (this machine's records); ` +
        'its identity matches the code, and from now on this code manages it: its destroy removes it. stack-a/web-01 no longer manages it: ' +
        'its next plan drops it from its state, and its apply or destroy leaves it as it is',
    );
    expect((await vrReplicationHandler.read(oldSpec, ctx()))?.owner).toBe('stack-b/web-01');
  });
});

describe('VCDA: the description names the previous owner', () => {
  const spec = (overrides: Partial<VcdaReplicationSpecInput>) =>
    vcdaReplicationSpecSchema.parse({
      connection: vcdaConnection(sim.url),
      source: { site: 'site1', vm_id: VCDA_VM_IDS['vcd-web-01'] },
      destination: { site: 'site2', vdc: VCDA_VDC_IDS['vdc-gold'] },
      settings: { rpo_minutes: 60 },
      ...overrides,
    });

  test('adopt: true names the stack it takes the replication from, and the old stack reads it as owned by the new one', async () => {
    const ctx = () => testContext(VCDA_SIM_ENV, { ownership: null, clock });
    const made = await vcdaReplicationHandler.create(spec({ owner: 'stack-a/web' }), ctx());
    const taking = ctx();
    await vcdaReplicationHandler.create(spec({ owner: 'stack-b/web', adopt: true }), taking);
    expect(taking.lines).toContain(
      `warn: VM ${VCDA_VM_IDS['vcd-web-01']}: ADOPTING replication ${made.id}, which this code did not create (adopt: true), from stack-a/web (its description); ` +
        'its identity matches the code, its description now names this code as owner, and from now on its destroy applies to it. ' +
        'stack-a/web no longer manages it: its next plan drops it from its state, and its apply or destroy leaves it as it is',
    );
    expect((await vcdaReplicationHandler.read(spec({ owner: 'stack-a/web' }), ctx()))?.owner).toBe('stack-b/web');
  });
});

describe('SDRS: the description keeps the old marker; this machine\'s records know the new owner', () => {
  const group = (owner: string, adopt = false) => ({
    connection: sdrsConnection(sim.url),
    ...sdrsGroupJson(owner),
    adopt,
  });

  test("adopt: true names the owner's marker, the old owner reads it as the new one's, and its destroy leaves it", async () => {
    const records = memoryOwnershipRecords();
    const ctx = () => testContext(SDRS_SIM_ENV, { ownership: records, clock });
    const kind = await kindFor('sdrs.protection-group');
    const made = (await kind.parse(group('stack-a/group'), 'create').create(ctx())) as { id: string };
    const taking = ctx();
    await kind.parse(group('stack-b/group', true), 'create').create(taking);
    expect(taking.lines).toContainEqual(
      expect.stringContaining(
        `ADOPTING protection group ${made.id} "web-group", available, which this code did not create (adopt: true), from the stack marked ${ownerMarker('stack-a/group')} (its description); `,
      ),
    );
    expect(((await kind.parse(group('stack-a/group'), 'read').read(ctx())) as { owner?: string }).owner).toBe('stack-b/group');

    const destroying = ctx();
    await kind.parse(group('stack-a/group'), 'delete').delete(destroying);
    expect(sim.sdrs.state.groups.map((g) => g.id)).toEqual([made.id]);
    expect(destroying.lines).toContain(
      `warn: protection group web-group (${SDRS_SOURCE_AZ} → ${SDRS_TARGET_AZ}): NOT deleting protection group ${made.id}: stack-b/group took it over (this machine's records); it stays as it is`,
    );
  });
});

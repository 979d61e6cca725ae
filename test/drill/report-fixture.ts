/** A drill run written out by hand: one VCDA VM, an SDRS group of one server, one VR replication (evidence only). */
import type { DrillRun } from '../../src/drill/run';

export const T0 = Date.UTC(2026, 2, 1, 9, 0, 0);

export const RUN: DrillRun = {
  startedAt: T0,
  finishedAt: T0 + 95_000,
  stop: 'completed',
  reason: null,
  units: [
    {
      vendor: 'vcda',
      construct: 'vcda-basic/vcd-web-01',
      name: 'vcd-web-01',
      recovers: true,
      rpoMinutes: 15,
      preflight: { vms: [{ vm: 'vcd-web-01', problems: [] }] },
      startedAt: T0 + 2_000,
      recoveredAt: T0 + 44_000,
      failure: null,
      vms: [
        {
          vm: 'vcd-web-01',
          recoveryPoint: { id: 'instance-12', time: T0 + 2_000 - 250_000 },
          poweredOn: true,
          network: 'test network of site2 (test VM vm-t1)',
          inTestNetwork: true,
          address: '10.20.0.11',
          checks: [
            { name: 'powered on', passed: true, detail: 'the recovered VM is powered on' },
            { name: 'in the test network', passed: true, detail: 'connected to test network of site2 (test VM vm-t1)' },
            { name: 'check command', passed: true, detail: 'exit 0: HTTP/1.1 200 OK' },
          ],
        },
      ],
      cleanup: { attempts: 2, errors: ['task FAILED: the test VM is busy'], leftovers: [] },
    },
    {
      vendor: 'sdrs',
      construct: 'sdrs-basic/web-dr',
      name: 'web-dr',
      recovers: true,
      rpoMinutes: null,
      preflight: { vms: [{ vm: 'ecs-web-01', problems: [] }] },
      startedAt: T0 + 2_000,
      recoveredAt: T0 + 2_000 + 31 * 60_000,
      failure: null,
      vms: [
        {
          vm: 'ecs-web-01',
          recoveryPoint: { id: null, time: T0 + 3_000, note: 'synchronous replication: the DR-site disks hold every write acknowledged before the drill started' },
          poweredOn: true,
          network: 'VPC vpc-drill (drill server s-9)',
          inTestNetwork: true,
          address: '192.168.0.7',
          checks: [
            { name: 'powered on', passed: true, detail: 'the recovered VM is powered on' },
            { name: 'in the test network', passed: true, detail: 'connected to VPC vpc-drill (drill server s-9)' },
          ],
        },
      ],
      cleanup: { attempts: 3, errors: ['job FAILED', 'job FAILED', 'job FAILED'], leftovers: [{ what: 'drill "repliform-drill-20260301-090000" (d-1, available) of protection group web-dr with 1 drill server(s)', removeWith: 'repliform drill --stack-dir cdktf.out/stacks/sdrs-basic --construct sdrs-basic/web-dr --cleanup-only' }] },
    },
    {
      vendor: 'vr',
      construct: 'vr-basic/db-01',
      name: 'db-01',
      recovers: false,
      rpoMinutes: 60,
      preflight: { vms: [{ vm: 'db-01', problems: [] }] },
      startedAt: null,
      recoveredAt: null,
      failure: null,
      vms: [{ vm: 'db-01', recoveryPoint: { id: null, time: T0 - 40 * 60_000, note: 'the last completed sync (the latest point in time of the replica)' }, poweredOn: null, network: null, inTestNetwork: null, address: null, rpoViolationMinutes: 0, issues: [], checks: [] }],
      cleanup: null,
    },
  ],
};

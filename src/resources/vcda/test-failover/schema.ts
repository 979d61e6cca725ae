/**
 * The spec of kind `vcda.test-failover`: a drill that lives as long as its resource — a test failover of one VCDA
 * VM replication (a test VM on the destination site; replication and production untouched). The replication is
 * named by its id or by the natural key the replication kind uses (source site + VM). Every field is identity: a
 * change cleans the test up and starts a new one.
 */
import { z } from 'zod';
import type { KindFields } from '../../contract';
import { timeoutsSchema } from '../../timeouts';
import { vcdaConnectionSpecSchema } from '../connection';

export const TEST_FAILOVER_RECOVERY_POINTS = ['latest', 'sync'] as const;

export const networkMappingSchema = z
  .object({
    source_network: z.string().min(1).describe("A network of the source VM, by name (e.g. the source org vDC network's name)."),
    destination_network: z.string().min(1).describe('The destination org vDC network the test VM is connected to instead, by name.'),
  })
  .strict();

export const vcdaTestFailoverSpecSchema = z
  .object({
    connection: vcdaConnectionSpecSchema,
    replication_id: z
      .string()
      .min(1)
      .nullable()
      .default(null)
      .describe('The replication to test, by id (`C4-…`); null = found by `source_site` and `vm_id`, as the replication kind finds it.'),
    source_site: z.string().min(1).nullable().default(null).describe("The replication's source site (with `vm_id`), when `replication_id` is null."),
    vm_id: z.string().min(1).nullable().default(null).describe("The replicated VM's id in Cloud Director (with `source_site`), when `replication_id` is null."),
    power_on: z.boolean().default(true).describe('Power the test VM on once it is made.'),
    recovery_point: z
      .enum(TEST_FAILOVER_RECOVERY_POINTS)
      .default('latest')
      .describe('Which point in time the test VM is made from: `latest` (the latest retained instance) or `sync` (a new instance first). Ignored when `instance_id` is set.'),
    instance_id: z
      .string()
      .min(1)
      .nullable()
      .default(null)
      .describe('A retained instance (point in time) to recover to, by id; null = as `recovery_point` says. Not with `recovery_point = "sync"`.'),
    network_mappings: z.array(networkMappingSchema).default([]).describe("Networks of the test VM: each source network mapped to a destination network; empty = VCDA's defaults for a test."),
    timeouts: timeoutsSchema,
  })
  .strict()
  .describe(
    'A DR drill as code: a test failover of one VCDA VM replication, running as long as this resource exists. Create starts the test ' +
      'failover (a test VM on the destination site, from the chosen recovery point) and waits; delete cleans it up and waits (a test already ' +
      'gone is nothing to do). Production is never touched: no failover, migration or reverse. Refused while the replication is paused, ' +
      'unhealthy, in its initial sync, or under another test failover.',
  );
export type VcdaTestFailoverSpec = z.infer<typeof vcdaTestFailoverSpecSchema>;
export type VcdaTestFailoverSpecInput = z.input<typeof vcdaTestFailoverSpecSchema>;

/** Every field but the connection and the timeouts is identity: a changed drill is cleaned up and started again. */
export const vcdaTestFailoverFields: KindFields = {
  identity: ['replication_id', 'source_site', 'vm_id', 'power_on', 'recovery_point', 'instance_id', 'network_mappings'],
  settings: [],
};

/** What `read` reports about the running test failover: the provider's computed attributes. */
export const vcdaTestFailoverStateSchema = z.object({
  id: z.string().describe('The id of the replication under test.'),
  vm_name: z.string().nullable().describe('The replicated VM\'s name.'),
  destination_site: z.string().describe('The site the test VM runs on.'),
  status: z.string().describe('`running` (the test VM exists), `in-progress` (being made); a read finding no test reports the resource gone.'),
  recovery_state: z.string().describe("VCDA's recoveryState of the replication (TEST while the drill runs)."),
  test_vm_id: z.string().nullable().describe('The test VM in Cloud Director on the destination site.'),
  test_vapp_id: z.string().nullable().describe("The test VM's vApp on the destination site."),
  power_state: z.string().nullable().describe("The test VM's power state (POWERED_ON, POWERED_OFF); null = not reported."),
  ip_address: z.string().nullable().describe("The test VM's IP address; null = none reported."),
  recovery_point_id: z.string().nullable().describe('The instance (point in time) the test VM was made from; null = not reported.'),
  recovery_point_time: z.string().nullable().describe('When that instance was taken (RFC 3339); null = not reported.'),
  rpo_minutes: z.number().nullable().describe("The replication's RPO in minutes; null = set by an SLA profile and not reported."),
});

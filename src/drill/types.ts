/**
 * The shapes a drill is made of: a unit (what one vendor recovers at once — a VCDA VM replication, an SDRS
 * protection group, a VR replication for evidence only), what its preflight found, what it recovered, and what a
 * cleanup left. Each vendor's folder turns a stack's specs into units; run.ts drives them the same way.
 *
 * Calls no endpoint.
 */
import type { Context } from '../resources/contract';

export type DrillVendor = 'vr' | 'vcda' | 'sdrs';

/** What preflight found for one VM: no problems means ready. */
export interface VmPreflight {
  readonly vm: string;
  readonly problems: readonly string[];
}

export interface UnitPreflight {
  readonly vms: readonly VmPreflight[];
  /** Another drill of this unit is running (which one): the drill is refused and nothing is started. */
  readonly busy?: string;
}

/** The point in time a recovered VM's disks hold. */
export interface RecoveryPoint {
  /** The vendor's id of the point (a VCDA instance), when it has one. */
  readonly id: string | null;
  /** Milliseconds since the epoch; null when the vendor does not say. */
  readonly time: number | null;
  /** How the point was chosen or what it is, e.g. "synchronous replication: the last write before the drill". */
  readonly note?: string;
}

/** One VM as the drill recovered it, or (VR) as its replica stands. */
export interface RecoveredVm {
  readonly vm: string;
  readonly recoveryPoint: RecoveryPoint | null;
  /** Null when nothing was recovered (VR: evidence only). */
  readonly poweredOn: boolean | null;
  /** The test network the recovered VM is in, as the vendor names it. */
  readonly network: string | null;
  readonly inTestNetwork: boolean | null;
  /** Its address in the test network, handed to --check-command. */
  readonly address: string | null;
  /** Minutes past the RPO the replica is late by, when the vendor reports it (VR, VCDA). */
  readonly rpoViolationMinutes?: number | null;
  /** Open issues of the replication (VR `GET /replications/issues`). */
  readonly issues?: readonly string[];
}

/** Something a cleanup could not remove, and how to remove it by hand. */
export interface Leftover {
  readonly what: string;
  readonly removeWith: string;
}

/** One thing a drill recovers as a whole, with what each phase does to it. */
export interface DrillUnit {
  readonly vendor: DrillVendor;
  /** The construct path (the stack's `owner`), e.g. vcda-basic/vcd-web-01. */
  readonly construct: string;
  /** What the report calls it: a VM, or a protection group. */
  readonly name: string;
  /** False for VR: its API has no recovery operation, the drill is evidence only. */
  readonly recovers: boolean;
  /** The RPO target in minutes; null when the vendor replicates synchronously or the spec names an SLA profile. */
  readonly rpoMinutes: number | null;
  preflight(ctx: Context): Promise<UnitPreflight>;
  /** Starts the recovery; it may wait for it too. Progress goes to `ctx.progress` (the drill shows all units as one). */
  start(ctx: Context): Promise<void>;
  /** Waits until the recovered VMs are up (nothing to do when start waited). */
  wait(ctx: Context): Promise<void>;
  recovered(ctx: Context): Promise<RecoveredVm[]>;
  cleanup(ctx: Context): Promise<void>;
  /** What is still there after a cleanup (empty: nothing). */
  leftovers(ctx: Context): Promise<Leftover[]>;
}

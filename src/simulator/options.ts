/**
 * Options of `startSimulator` (the core's, VR's, and more services to mount) and the shape of the running
 * simulator it returns: the core's, plus VR's state and drift for the tests and tools written against VR.
 *
 * Endpoints served: none.
 */
import type { CoreOptions, MountedService, RunningSimServer } from './core/options';
import type { ServiceDefinition } from './core/service';
import type { SdrsServiceOptions } from './sdrs/service';
import type { SdrsState } from './sdrs/types';
import type { VcdaServiceOptions } from './vcda/service';
import type { VcdaState } from './vcda/types';
import type { VrServiceOptions } from './vr/service';
import type { VrState } from './vr/types';

export type { RecordedRequest, SimulatorFaults, MountedService, RunningSimServer, CoreOptions } from './core/options';
export type { SimulatorUsers } from './vr/service';

export interface SimulatorOptions extends CoreOptions, VrServiceOptions {
  /** More services to mount next to VR in the same process (VCDA, SDRS, or a test's own). @default none */
  services?: ReadonlyArray<ServiceDefinition<unknown>>;
  /** Options of the VCDA service mounted at /vcda (its `validateResponses` defaults to the top-level one). @default {} */
  vcda?: VcdaServiceOptions;
  /** Options of the SDRS service mounted at /sdrs (its `validateResponses` defaults to the top-level one). @default {} */
  sdrs?: SdrsServiceOptions;
}

export interface RunningSimulator extends RunningSimServer {
  /** url + '/api/rest/vr/v2' */
  readonly apiBase: string;
  /** The live VR state (tasks advanced to the clock's now on every read); `service('vr')` is the same. */
  readonly state: VrState;
  /** The VR service, typed. */
  readonly vr: MountedService<VrState>;
  /** The VCDA service (mounted at /vcda), typed. */
  readonly vcda: MountedService<VcdaState>;
  /** The SDRS service (mounted at /sdrs; API under /sdrs/v1/{project_id}), typed. */
  readonly sdrs: MountedService<SdrsState>;
  /**
   * Admin: change a replication by hand (drift), e.g. { status: 'PAUSED' } or { rpo: 30 }; { omit: ['rpo'] } makes
   * its answers leave those fields out (a server that does not report them).
   */
  setReplicationStatus(replicationId: string, patch: Record<string, unknown>): void;
}

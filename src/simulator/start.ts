/**
 * `startSimulator`: the simulator core with VR, VCDA (at /vcda) and SDRS (at /sdrs) mounted (and any further services the options name).
 *
 * Endpoints served: see core/server.ts (VR API under /api/rest/vr/v2, VCDA API under /vcda, SDRS API under /sdrs, admin API under /_sim).
 */
import { SimHost } from './core/server';
import type { RunningSimulator, SimulatorOptions } from './options';
import { applyReplicationDrift } from './vr/replications';
import { sdrsService } from './sdrs/service';
import { vcdaService } from './vcda/service';
import { vrService } from './vr/service';

/** Starts the embedded simulator (VR, VCDA, then `options.services`); resolves once it listens. */
export async function startSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  const host = SimHost.create(options);
  const vr = await host.mount(vrService(options));
  const vcda = await host.mount(vcdaService({ validateResponses: options.validateResponses, ...options.vcda }));
  const sdrs = await host.mount(sdrsService({ validateResponses: options.validateResponses, ...options.sdrs }));
  for (const service of options.services ?? []) await host.mount(service);
  const running = await host.listen();
  return {
    url: running.url,
    port: running.port,
    caCertPem: running.caCertPem,
    faults: running.faults,
    get requests() {
      return running.requests;
    },
    clearRequests: running.clearRequests,
    get issuedSessionIds() {
      return running.issuedSessionIds;
    },
    expireSessions: running.expireSessions,
    setTaskDelay: running.setTaskDelay,
    service: running.service,
    close: running.close,
    apiBase: vr.apiBase,
    get state() {
      return vr.state;
    },
    vr,
    vcda,
    sdrs,
    setReplicationStatus: (replicationId, patch) => {
      vr.change((state) => applyReplicationDrift(state, replicationId, patch));
    },
  };
}

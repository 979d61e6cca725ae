/** Shared by the review e2e tests: drift made by hand through the simulator's admin API, and the JSON report's shape. */
import type { RunningSimulator } from '../../src/simulator';

/** Changes a live VR replication outside the code (status, RPO…), as someone in the vSphere Client would. */
export async function driftReplication(sim: RunningSimulator, vm: string, patch: Record<string, unknown>): Promise<void> {
  const replication = sim.state.replications.find((r) => r.info.name === vm);
  const response = await fetch(`${sim.url}/_sim/vr/replications/${replication?.info.id}/status`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(patch),
  });
  if (response.status !== 200) throw new Error(`drift of ${vm} failed: HTTP ${response.status}`);
}

/** The parts of `repliform review --format json` the e2e tests read. */
export interface JsonReport {
  summary: { changes: boolean; risks: Record<string, number> };
  items: Array<{ name: string; action: string; changes: Array<{ text: string }>; live: { status: string; findings: Array<{ kind: string; text: string }> } | null }>;
  errors: string[];
}

/** A LiveReader with canned answers: the deployed spec, with drift applied per VM. */
import type { LiveReader } from '../../../src/review/drift';
import type { JsonObject } from '../../../src/review/model';
import type { VrPairingState } from '../../../src/resources/vr/pairing/handler';
import type { VrReplicationState } from '../../../src/resources/vr/replication/handler';
import type { VrReplicationSettings } from '../../../src/resources/vr/replication/schema';

export type Drift = Partial<Pick<VrReplicationState, 'status' | 'rpo_violation' | 'configuration_state'>> & {
  readonly settings?: Partial<VrReplicationSettings>;
  readonly missing?: boolean;
  readonly unreadable?: string;
};

export function fakeLive(drift: Record<string, Drift>): LiveReader {
  return {
    async read(kind, spec: JsonObject) {
      if (kind === 'vr.pairing') {
        const pairing: VrPairingState = { id: 'pairing-1', local_site: 'vc-a', remote_site: 'vc-b.example.local', local_vc_id: 'a', remote_vc_id: 'b', status: 'OK' };
        return pairing;
      }
      const name = String((spec.vm as JsonObject).name);
      const change = drift[name] ?? {};
      if (change.unreadable) throw new Error(change.unreadable);
      if (change.missing) return undefined;
      const state: VrReplicationState = {
        id: `rep-${name}`,
        name,
        vm_id: `vm-${name}`,
        pairing_id: 'pairing-1',
        target_site: 'vc-b.example.local',
        status: change.status ?? 'OK',
        rpo_violation: change.rpo_violation ?? false,
        configuration_state: change.configuration_state ?? 'OK',
        settings: { ...(spec.settings as unknown as VrReplicationSettings), ...change.settings },
        last_sync_time: null,
      };
      return state;
    },
  };
}

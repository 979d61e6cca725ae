/**
 * The VR section (`vr`) of the simulator's state file: the seeded state when there is no file, else the saved
 * one. Sessions are not persisted: a restart logs everyone out.
 *
 * Endpoints served: none.
 */
import { isRecord } from '../core/http';
import { notAStateFile } from '../core/persistence';
import type { ServiceMount } from '../core/service';
import { seedState } from './inventory-seed';
import type { VrState } from './types';

const PERSISTED_ARRAYS = [
  'vcenters',
  'remoteVrms',
  'pairings',
  'vms',
  'datastores',
  'storagePolicies',
  'replicationServers',
  'seeds',
  'replications',
  'removedReplications',
  'tasks',
] as const;

/** The seeded state, or the state saved in the state file when there is one. */
export function loadState(saved: ServiceMount['saved'], extraVms: number): VrState {
  if (!saved) return seedState(extraVms);
  const { section, file } = saved;
  if (!isRecord(section)) throw notAStateFile(file);
  for (const key of PERSISTED_ARRAYS) {
    if (!Array.isArray(section[key])) throw new Error(`${file}: vr.${key} must be an array`);
  }
  if (!isRecord(section.localVrms)) throw new Error(`${file}: vr.localVrms must be an object`);
  return { ...(section as unknown as VrState), sessions: [] };
}

/** The VR section of the state file: everything but the sessions. */
export function persistedState(state: VrState): Omit<VrState, 'sessions'> {
  const { sessions: _sessions, ...persisted } = state;
  void _sessions;
  return persisted;
}

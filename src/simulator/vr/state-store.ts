/**
 * Persistence of the VR simulator state to a JSON file (`stateFile`): loaded at start when it exists, written
 * (atomically, via a temporary file) after every change. Sessions are not persisted: a restart logs everyone out.
 *
 * Endpoints served: none.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { isRecord } from '../http-types';
import { seedState } from './inventory-seed';
import type { VrState } from './types';

const STATE_FILE_VERSION = 1;

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

/** The seeded state, or the state saved in `stateFile` when it exists. */
export function loadState(stateFile: string | undefined, extraVms: number): VrState {
  const seeded = seedState(extraVms);
  if (!stateFile || !existsSync(stateFile)) return seeded;
  const parsed: unknown = JSON.parse(readFileSync(stateFile, 'utf8'));
  if (!isRecord(parsed) || parsed.version !== STATE_FILE_VERSION || !isRecord(parsed.vr)) {
    throw new Error(`${stateFile} is not a repliform simulator state file (version ${STATE_FILE_VERSION})`);
  }
  const saved = parsed.vr;
  for (const key of PERSISTED_ARRAYS) {
    if (!Array.isArray(saved[key])) throw new Error(`${stateFile}: vr.${key} must be an array`);
  }
  if (!isRecord(saved.localVrms)) throw new Error(`${stateFile}: vr.localVrms must be an object`);
  return { ...(saved as unknown as VrState), sessions: [] };
}

export function saveState(stateFile: string, state: VrState): void {
  const { sessions: _sessions, ...persisted } = state;
  void _sessions;
  mkdirSync(path.dirname(path.resolve(stateFile)), { recursive: true });
  const temporary = `${stateFile}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify({ version: STATE_FILE_VERSION, vr: persisted }, null, 2)}\n`);
  renameSync(temporary, stateFile);
}

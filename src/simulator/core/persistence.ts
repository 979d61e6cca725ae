/**
 * The state file (`stateFile`): one JSON object `{version, <service>: <its section>, …}`, loaded at start when it
 * exists and written (atomically, via a temporary file) after every change. Each service validates its section.
 *
 * Endpoints served: none.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { isRecord } from './http';

const STATE_FILE_VERSION = 1;

export function notAStateFile(file: string): Error {
  return new Error(`${file} is not a repliform simulator state file (version ${STATE_FILE_VERSION})`);
}

/** The sections of the state file, or undefined when there is no file (yet). */
export function readStateFile(file: string | undefined): Record<string, unknown> | undefined {
  if (!file || !existsSync(file)) return undefined;
  const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
  if (!isRecord(parsed) || parsed.version !== STATE_FILE_VERSION) throw notAStateFile(file);
  const { version: _version, ...sections } = parsed;
  void _version;
  return sections;
}

export function writeStateFile(file: string, sections: Record<string, unknown>): void {
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify({ version: STATE_FILE_VERSION, ...sections }, null, 2)}\n`);
  renameSync(temporary, file);
}

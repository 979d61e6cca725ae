/**
 * Options of the embedded simulator and the shape of a running one.
 *
 * Endpoints served: none.
 */
import type { FaultRule, FaultRuleStats } from './faults';
import type { RandomSource, IdGenerator, SimClock } from './runtime';
import type { VrCredentials } from './vr/context';
import type { VrState } from './vr/types';

export interface SimulatorUsers {
  /** Site A (local vCenter SSO). Default administrator@vsphere.local / Sim-Site-A-Passw0rd! */
  local?: VrCredentials;
  /** Site B (remote vCenter SSO, for POST /pairings/{id}/remote-session). Default administrator@vsphere.local / Sim-Site-B-Passw0rd! */
  remote?: VrCredentials;
}

export interface SimulatorOptions {
  /** @default 0 (a random free port) */
  port?: number;
  /** @default '127.0.0.1' */
  host?: string;
  /** Serve HTTPS with a self-signed certificate generated at start (`caCertPem`). @default false */
  tls?: boolean;
  /** Time a task takes from QUEUED to SUCCESS/ERROR. @default 2000 */
  taskDelayMs?: number;
  /** Idle lifetime of a session; an expired session gets 401 with no body. @default 30 minutes */
  sessionTtlMs?: number;
  users?: SimulatorUsers;
  /** Extra generated VMs bench-0001… on vc-a (benchmarks). @default 0 */
  extraVms?: number;
  /** JSON state file: loaded at start when it exists, saved after every change. */
  stateFile?: string;
  /** JSON array of fault rules loaded at start. */
  faultsFile?: string;
  /** Fault rules added at start (in code). */
  faults?: FaultRule[];
  /** Validate every JSON response against the spec; a violation becomes a 500 naming the field. @default false */
  validateResponses?: boolean;
  /** Requests per second before answering 429 with Retry-After. @default unlimited */
  rateLimit?: number;
  /** Injectable clock (tests). @default the system clock */
  clock?: SimClock;
  /** Injectable random source for fault probabilities. @default a generator seeded with `randomSeed` */
  random?: RandomSource;
  /** Seed of the default random source. @default 42 */
  randomSeed?: number;
  /** Injectable id generator (uuid-shaped). @default crypto.randomUUID */
  ids?: IdGenerator;
  /** Path of the OpenAPI file. @default specs/vsphere-replication-api-v2.json found above this module */
  specPath?: string;
  /** Maximum number of recorded requests kept. @default 10000 */
  maxRecordedRequests?: number;
  log?: (line: string) => void;
}

export interface RecordedRequest {
  method: string;
  /** Path including the API root, without the query string. */
  path: string;
  query: Record<string, string | string[]>;
  /** Lower-case header names; authorization and x-dr-session are REDACTED. */
  headers: Record<string, string | string[]>;
  /** Parsed JSON body (password fields REDACTED), or the raw text when it is not JSON. */
  body: unknown;
  /** 0 when the connection was reset by a fault. */
  status: number;
  durationMs: number;
  operationId?: string;
  /** Id of the fault rule that fired, if any. */
  fault?: string;
}

export interface SimulatorFaults {
  addRule(rule: FaultRule): string;
  removeRule(id: string): boolean;
  clearRules(): void;
  rules(): FaultRule[];
  stats(): FaultRuleStats[];
}

export interface RunningSimulator {
  /** e.g. http://127.0.0.1:PORT (no path). */
  readonly url: string;
  /** url + '/api/rest/vr/v2' */
  readonly apiBase: string;
  readonly port: number;
  /** PEM of the self-signed certificate in TLS mode (use it as the CA bundle). */
  readonly caCertPem?: string;
  /** The live state (tasks advanced to the clock's now on every read). */
  readonly state: VrState;
  readonly faults: SimulatorFaults;
  readonly requests: readonly RecordedRequest[];
  clearRequests(): void;
  /** Every session id issued since start (secrets: for leak checks only). */
  readonly issuedSessionIds: readonly string[];
  /** Drops every session: the next call with an old session id gets 401. */
  expireSessions(): void;
  setTaskDelay(ms: number): void;
  /** Admin: change a replication by hand (drift), e.g. { status: 'PAUSED' } or { rpo: 30 }. */
  setReplicationStatus(replicationId: string, patch: Record<string, unknown>): void;
  close(): Promise<void>;
}

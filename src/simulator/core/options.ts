/**
 * Options of the simulator core (whatever services it mounts) and the shape of a running one.
 *
 * Endpoints served: none.
 */
import type { FaultRule, FaultRuleStats } from './faults';
import type { RandomSource, IdGenerator, SimClock } from './runtime';

export interface CoreOptions {
  /** @default 0 (a random free port) */
  port?: number;
  /** @default '127.0.0.1' */
  host?: string;
  /** Serve HTTPS with a self-signed certificate generated at start (`caCertPem`). @default false */
  tls?: boolean;
  /** Time a task takes from QUEUED to SUCCESS/ERROR. @default 2000 */
  taskDelayMs?: number;
  /** JSON state file: loaded at start when it exists, saved after every change. */
  stateFile?: string;
  /** JSON array of fault rules loaded at start. */
  faultsFile?: string;
  /** Fault rules added at start (in code). */
  faults?: FaultRule[];
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
  /** The service whose base path matched (absent for the admin API and unknown paths). */
  service?: string;
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

/** A service as a running simulator shows it. */
export interface MountedService<State = unknown> {
  readonly name: string;
  /** As the service declares it (`{…}` segments unresolved). */
  readonly basePath: string;
  /** url + basePath. */
  readonly apiBase: string;
  /** The live state (tasks advanced to the clock's now on every read). */
  readonly state: State;
  /** Changes the state by hand (drift): advanced before, saved to the state file after. */
  change<T>(edit: (state: State) => T): T;
}

/** What every running simulator offers, whatever it mounts. */
export interface RunningSimServer {
  /** e.g. http://127.0.0.1:PORT (no path). */
  readonly url: string;
  readonly port: number;
  /** PEM of the self-signed certificate in TLS mode (use it as the CA bundle). */
  readonly caCertPem?: string;
  readonly faults: SimulatorFaults;
  readonly requests: readonly RecordedRequest[];
  clearRequests(): void;
  /** Every session id issued since start, by every service (secrets: for leak checks only). */
  readonly issuedSessionIds: readonly string[];
  /** Drops every session: the next call with an old session id gets 401. */
  expireSessions(): void;
  setTaskDelay(ms: number): void;
  /** A mounted service by name; throws naming the mounted ones when there is none. */
  service(name: string): MountedService;
  close(): Promise<void>;
}

/**
 * The simulator's HTTP(S) server: binds 127.0.0.1 (port 0 = random), records every request (credentials
 * redacted), applies fault rules and the rate limit before anything is handled, advances tasks from the clock,
 * dispatches VR requests, serves the admin API, and persists the state after every change.
 *
 * Endpoints served:
 *   /api/rest/vr/v2/**   the VR API (vr/api.ts)
 *   /_sim/**             the admin API (admin.ts)
 *   anything else        404, no body
 */
import { existsSync, readFileSync } from 'node:fs';
import * as http from 'node:http';
import * as https from 'node:https';
import type { AddressInfo } from 'node:net';
import { ADMIN_ROOT, handleAdminRequest } from './admin';
import { FaultInjector, parseFaultRules, type FaultDecision } from './faults';
import { errorResponse, isRecord, type SimResponse } from './http-types';
import type { RecordedRequest, RunningSimulator, SimulatorFaults, SimulatorOptions } from './options';
import { randomIds, seededRandom, sleep, systemClock } from './runtime';
import { cancelOnCompletion } from './task-engine';
import { generateCertificate } from './tls';
import { VrApi, VR_API_ROOT } from './vr/api';
import type { VrContext, VrUsers } from './vr/context';
import type { QueryValues } from './vr/envelopes';
import { createVrOpenApi, findSpecFile } from './vr/openapi';
import { applyReplicationDrift } from './vr/replications';
import { loadState, saveState } from './vr/state-store';
import type { VrState } from './vr/types';

export const DEFAULT_USERS: VrUsers = {
  local: { username: 'administrator@vsphere.local', password: 'Sim-Site-A-Passw0rd!' },
  remote: { username: 'administrator@vsphere.local', password: 'Sim-Site-B-Passw0rd!' },
};
export const DEFAULT_TASK_DELAY_MS = 2000;
export const DEFAULT_SESSION_TTL_MS = 30 * 60 * 1000;

const MAX_BODY_BYTES = 10 * 1024 * 1024;
const REDACTED = 'REDACTED';
const SECRET_HEADERS = new Set(['authorization', 'x-dr-session', 'cookie']);
const SECRET_BODY_KEYS = /pass(word)?|secret|token/i;

interface IncomingCall {
  method: string;
  path: string;
  query: QueryValues;
  headers: Record<string, string | string[] | undefined>;
  rawBody: string;
}

function readBody(request: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('request body too large'));
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function queryOf(url: URL): QueryValues {
  const query: QueryValues = {};
  for (const [name, value] of url.searchParams) {
    const existing = query[name];
    query[name] = existing === undefined ? value : [...(Array.isArray(existing) ? existing : [existing]), value];
  }
  return query;
}

type JsonParse = { ok: true; value: unknown } | { ok: false; error: string };

function parseJson(raw: string): JsonParse {
  if (raw.trim() === '') return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(raw) as unknown };
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
}

function redactHeaders(headers: IncomingCall['headers']): Record<string, string | string[]> {
  const result: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) result[name] = SECRET_HEADERS.has(name) ? REDACTED : value;
  }
  return result;
}

function redactBody(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactBody);
  if (!isRecord(value)) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [key, SECRET_BODY_KEYS.test(key) ? REDACTED : redactBody(inner)]),
  );
}

function sendResponse(response: http.ServerResponse, result: SimResponse): void {
  const headers: Record<string, string> = { ...result.headers };
  if (result.body === undefined) {
    response.writeHead(result.status, headers);
    response.end();
    return;
  }
  const payload = JSON.stringify(result.body);
  headers['content-type'] = 'application/json';
  headers['content-length'] = String(Buffer.byteLength(payload));
  response.writeHead(result.status, headers);
  response.end(payload);
}

function loadFaultsFile(file: string): ReturnType<typeof parseFaultRules> {
  if (!existsSync(file)) throw new Error(`faults file ${file} does not exist`);
  return parseFaultRules(JSON.parse(readFileSync(file, 'utf8')) as unknown);
}

class Simulator {
  readonly faultInjector: FaultInjector;
  readonly recorded: RecordedRequest[] = [];
  private readonly clock;
  private rateWindow = { second: -1, count: 0 };
  private taskDelayMs: number;
  private baseUrl = '';

  constructor(
    private readonly options: SimulatorOptions,
    readonly vr: VrApi,
  ) {
    this.clock = vr.context.clock;
    this.taskDelayMs = options.taskDelayMs ?? DEFAULT_TASK_DELAY_MS;
    this.faultInjector = new FaultInjector(options.random ?? seededRandom(options.randomSeed ?? 42));
  }

  get state(): VrState {
    this.advance();
    return this.vr.context.state;
  }

  get issuedSessionIds(): readonly string[] {
    return this.vr.context.issuedSessionIds;
  }

  currentTaskDelay(): number {
    return this.taskDelayMs;
  }

  setTaskDelay(ms: number): void {
    this.taskDelayMs = ms;
  }

  setBaseUrl(url: string): void {
    this.baseUrl = url;
  }

  expireSessions(): void {
    this.vr.context.state.sessions = [];
  }

  drift(replicationId: string, patch: Record<string, unknown>): void {
    this.advance();
    applyReplicationDrift(this.vr.context.state, replicationId, patch);
    this.persist();
  }

  advance(): void {
    if (this.vr.advance(this.clock.now())) this.persist();
  }

  persist(): void {
    if (this.options.stateFile) saveState(this.options.stateFile, this.vr.context.state);
  }

  log(line: string): void {
    this.options.log?.(line);
  }

  async handle(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    const started = process.hrtime.bigint();
    const url = new URL(request.url ?? '/', 'http://simulator.invalid');
    const call: IncomingCall = {
      method: (request.method ?? 'GET').toUpperCase(),
      path: url.pathname,
      query: queryOf(url),
      headers: request.headers,
      rawBody: await readBody(request),
    };
    const record: RecordedRequest = {
      method: call.method,
      path: call.path,
      query: call.query,
      headers: redactHeaders(call.headers),
      body: undefined,
      status: 0,
      durationMs: 0,
    };
    const parsed = parseJson(call.rawBody);
    record.body = parsed.ok ? redactBody(parsed.value) : call.rawBody;
    const result = await this.route(call, parsed, record, request);
    record.durationMs = Number(process.hrtime.bigint() - started) / 1e6;
    this.remember(record);
    if (result === 'reset') return;
    record.status = result.status;
    this.log(`${call.method} ${call.path} → ${result.status}${record.fault ? ` (fault ${record.fault})` : ''}`);
    sendResponse(response, result);
  }

  private remember(record: RecordedRequest): void {
    this.recorded.push(record);
    const max = this.options.maxRecordedRequests ?? 10000;
    if (this.recorded.length > max) this.recorded.splice(0, this.recorded.length - max);
  }

  private async route(
    call: IncomingCall,
    parsed: JsonParse,
    record: RecordedRequest,
    request: http.IncomingMessage,
  ): Promise<SimResponse | 'reset'> {
    if (call.path === ADMIN_ROOT || call.path.startsWith(`${ADMIN_ROOT}/`)) {
      if (!parsed.ok) return errorResponse(400, 'SIM.INVALID_JSON', `Body is not valid JSON: ${parsed.error}`);
      return handleAdminRequest(this.control(), call.method, call.path.slice(ADMIN_ROOT.length), parsed.value);
    }
    if (call.path !== VR_API_ROOT && !call.path.startsWith(`${VR_API_ROOT}/`)) return { status: 404 };
    const fault = this.faultInjector.decide(call.method, call.path.slice(VR_API_ROOT.length) || '/');
    if (fault) {
      record.fault = fault.ruleId;
      const injected = await this.applyFault(fault, request);
      if (injected) return injected;
    }
    const limited = this.rateLimited();
    if (limited) return limited;
    if (!parsed.ok) return errorResponse(400, 'VR.INVALID_JSON', `Request body is not valid JSON: ${parsed.error}`);
    const handled = this.dispatchVr(call, parsed.value, record, fault);
    if (!fault?.dropResponse) return handled;
    record.status = handled.status;
    request.socket.destroy();
    return 'reset';
  }

  private async applyFault(fault: FaultDecision, request: http.IncomingMessage): Promise<SimResponse | 'reset' | undefined> {
    if (fault.delayMs) await sleep(fault.delayMs);
    if (fault.reset) {
      request.socket.destroy();
      return 'reset';
    }
    if (fault.status === undefined) return undefined;
    const headers: Record<string, string> = {};
    if (fault.retryAfterSeconds !== undefined) headers['retry-after'] = String(fault.retryAfterSeconds);
    return errorResponse(
      fault.status,
      fault.body?.error_code ?? 'SIM.INJECTED_FAULT',
      fault.body?.message ?? `Injected fault (rule ${fault.ruleId})`,
      headers,
    );
  }

  private rateLimited(): SimResponse | undefined {
    const limit = this.options.rateLimit;
    if (limit === undefined || limit <= 0) return undefined;
    const second = Math.floor(this.clock.now() / 1000);
    if (second !== this.rateWindow.second) this.rateWindow = { second, count: 0 };
    this.rateWindow.count += 1;
    if (this.rateWindow.count <= limit) return undefined;
    return errorResponse(429, 'VR.TOO_MANY_REQUESTS', `Rate limit of ${limit} requests per second exceeded.`, {
      'retry-after': '1',
    });
  }

  private dispatchVr(call: IncomingCall, body: unknown, record: RecordedRequest, fault?: FaultDecision): SimResponse {
    this.advance();
    const tasks = this.vr.context.state.tasks;
    const tasksBefore = tasks.length;
    const { response, operationId } = this.vr.dispatch({
      method: call.method,
      path: call.path,
      query: call.query,
      headers: call.headers,
      body,
      baseUrl: this.baseUrl,
      taskError: fault?.taskError,
    });
    if (fault?.taskCancel !== undefined) cancelOnCompletion(tasks.slice(tasksBefore), fault.taskCancel.message);
    record.operationId = operationId;
    if (call.method !== 'GET' && response.status < 400) this.persist();
    return response;
  }

  control(): Parameters<typeof handleAdminRequest>[0] {
    return {
      state: this.state,
      requests: this.recorded,
      clearRequests: () => this.clearRequests(),
      faults: this.faultsApi(),
      expireSessions: () => this.expireSessions(),
      setTaskDelay: (ms) => this.setTaskDelay(ms),
      setReplicationStatus: (id, patch) => this.drift(id, patch),
    };
  }

  clearRequests(): void {
    this.recorded.length = 0;
  }

  faultsApi(): SimulatorFaults {
    const injector = this.faultInjector;
    return {
      addRule: (rule) => injector.addRule(rule),
      removeRule: (id) => injector.removeRule(id),
      clearRules: () => injector.clearRules(),
      rules: () => injector.listRules(),
      stats: () => injector.stats(),
    };
  }
}

function listen(server: http.Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server.address() as AddressInfo);
    });
  });
}

function closeServer(server: http.Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeAllConnections();
  });
}

async function buildSimulator(options: SimulatorOptions): Promise<Simulator> {
  const clock = options.clock ?? systemClock;
  let simulator: Simulator | undefined;
  const context: VrContext = {
    state: loadState(options.stateFile, options.extraVms ?? 0),
    clock,
    ids: options.ids ?? randomIds,
    users: {
      local: options.users?.local ?? DEFAULT_USERS.local,
      remote: options.users?.remote ?? DEFAULT_USERS.remote,
    },
    taskDelayMs: () => simulator?.currentTaskDelay() ?? options.taskDelayMs ?? DEFAULT_TASK_DELAY_MS,
    sessionTtlMs: options.sessionTtlMs ?? DEFAULT_SESSION_TTL_MS,
    issuedSessionIds: [],
  };
  const openApi = await createVrOpenApi(options.specPath ?? findSpecFile());
  simulator = new Simulator(options, new VrApi(openApi, context, options.validateResponses ?? false));
  const rules = [...(options.faultsFile ? loadFaultsFile(options.faultsFile) : []), ...(options.faults ?? [])];
  for (const rule of rules) simulator.faultInjector.addRule(rule);
  simulator.persist();
  return simulator;
}

/** Starts the embedded VR simulator; resolves once it listens. */
export async function startSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  const simulator = await buildSimulator(options);
  const certificate = options.tls ? await generateCertificate() : undefined;
  const onRequest: http.RequestListener = (request, response) => {
    simulator.handle(request, response).catch((error: unknown) => {
      simulator.log(`simulator error: ${(error as Error).message}`);
      if (!response.headersSent) sendResponse(response, errorResponse(500, 'SIM.INTERNAL_ERROR', (error as Error).message));
    });
  };
  const server = certificate
    ? https.createServer({ cert: certificate.certPem, key: certificate.keyPem }, onRequest)
    : http.createServer(onRequest);
  const host = options.host ?? '127.0.0.1';
  const address = await listen(server, options.port ?? 0, host);
  const urlHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `${certificate ? 'https' : 'http'}://${urlHost}:${address.port}`;
  simulator.setBaseUrl(url);
  simulator.log(`simulator listening on ${url}`);
  return {
    url,
    apiBase: `${url}${VR_API_ROOT}`,
    port: address.port,
    caCertPem: certificate?.certPem,
    get state() {
      return simulator.state;
    },
    faults: simulator.faultsApi(),
    get requests() {
      return simulator.recorded;
    },
    clearRequests: () => simulator.clearRequests(),
    get issuedSessionIds() {
      return simulator.issuedSessionIds;
    },
    expireSessions: () => simulator.expireSessions(),
    setTaskDelay: (ms) => simulator.setTaskDelay(ms),
    setReplicationStatus: (id, patch) => simulator.drift(id, patch),
    close: () => closeServer(server),
  };
}

/**
 * The simulator's HTTP(S) server, vendor-neutral: binds 127.0.0.1 (port 0 = random), records every request
 * (credentials redacted), routes a request to the mounted service whose base path matches, applies fault rules
 * and the rate limit before the service sees it, advances every service's tasks from the clock, serves the
 * admin API, and saves the state file after every change.
 *
 *   const host = SimHost.create(options);
 *   const vr = await host.mount(vrService(options));     // one line per vendor
 *   const running = await host.listen();
 *
 * Endpoints served:
 *   <service base path>/**   the service's API (VR: /api/rest/vr/v2, see vr/api.ts)
 *   /_sim/**                 the admin API (admin.ts)
 *   anything else            404, no body
 */
import { existsSync, readFileSync } from 'node:fs';
import * as http from 'node:http';
import * as https from 'node:https';
import type { AddressInfo } from 'node:net';
import { ADMIN_ROOT, handleAdminRequest, RESERVED_SERVICE_NAMES, type AdminHost } from './admin';
import { FaultInjector, parseFaultRules, type FaultDecision, type FaultRule } from './faults';
import { errorResponse, simulatorErrorBody, type ErrorBodyShape, type SimResponse } from './http';
import type { CoreOptions, MountedService, RecordedRequest, RunningSimServer, SimulatorFaults } from './options';
import { readStateFile, writeStateFile } from './persistence';
import { parseJson, queryOf, readBody, redactBody, redactHeaders, sendResponse, type Headers, type JsonParse } from './request-io';
import { randomIds, seededRandom, sleep, systemClock, type SimClock } from './runtime';
import type { ServiceDefinition, SimRuntime, SimService } from './service';
import { cancelOnCompletion } from './task-engine';
import { generateCertificate } from './tls';

export const DEFAULT_TASK_DELAY_MS = 2000;

interface IncomingCall {
  method: string;
  path: string;
  query: Record<string, string | string[]>;
  headers: Headers;
  rawBody: string;
}

interface Mount {
  service: SimService;
  /** Matches the base path at the start of a request path; named groups are the `{…}` segments. */
  base: RegExp;
}

interface Routed {
  mount: Mount;
  apiPath: string;
  baseParams: Record<string, string>;
}

const SERVICE_NAME = /^[a-z][a-z0-9-]*$/;

/** `/v1/{project_id}` → /^\/v1\/(?<project_id>[^/]+)(?=\/|$)/ */
function compileBasePath(basePath: string): RegExp {
  const pattern = basePath
    .split('/')
    .map((segment) => {
      const parameter = /^\{([A-Za-z_][A-Za-z0-9_]*)\}$/.exec(segment);
      return parameter ? `(?<${parameter[1]}>[^/]+)` : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('/');
  return new RegExp(`^${pattern}(?=/|$)`);
}

function loadFaultsFile(file: string): FaultRule[] {
  if (!existsSync(file)) throw new Error(`faults file ${file} does not exist`);
  return parseFaultRules(JSON.parse(readFileSync(file, 'utf8')) as unknown);
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

const serviceErrorBody = (service: SimService): ErrorBodyShape => (status, code, message) => service.errorBody(status, code, message);

export class SimHost implements AdminHost {
  readonly recorded: RecordedRequest[] = [];
  private readonly mounts: Mount[] = [];
  private readonly injector: FaultInjector;
  private readonly clock: SimClock;
  private readonly runtime: SimRuntime;
  private readonly savedSections: Record<string, unknown> | undefined;
  private rateWindow = { second: -1, count: 0 };
  private taskDelayMs: number;
  private url = '';

  private constructor(private readonly options: CoreOptions) {
    this.clock = options.clock ?? systemClock;
    this.taskDelayMs = options.taskDelayMs ?? DEFAULT_TASK_DELAY_MS;
    this.runtime = { clock: this.clock, ids: options.ids ?? randomIds, taskDelayMs: () => this.taskDelayMs };
    this.injector = new FaultInjector(options.random ?? seededRandom(options.randomSeed ?? 42), () => this.services.map((service) => service.name));
    this.savedSections = readStateFile(options.stateFile);
  }

  /** A host with no service yet; the state file (when it exists) is read now. */
  static create(options: CoreOptions = {}): SimHost {
    return new SimHost(options);
  }

  get services(): SimService[] {
    return this.mounts.map((mount) => mount.service);
  }

  /** Creates the service (seeded, or restored from its section of the state file) and routes its base path to it. */
  async mount<State>(definition: ServiceDefinition<State>): Promise<MountedService<State>> {
    this.checkName(definition.name);
    const saved = this.savedSections && this.options.stateFile ? { section: this.savedSections[definition.name], file: this.options.stateFile } : undefined;
    const service = await definition.create({ runtime: this.runtime, saved });
    if (service.name !== definition.name) throw new Error(`service '${definition.name}' created a service named '${service.name}'`);
    this.mounts.push({ service, base: compileBasePath(service.basePath) });
    return this.mounted(service);
  }

  private checkName(name: string): void {
    if (!SERVICE_NAME.test(name)) throw new Error(`service name must match ${String(SERVICE_NAME)}, got '${name}'`);
    if (RESERVED_SERVICE_NAMES.includes(name)) throw new Error(`service name must not be one of ${RESERVED_SERVICE_NAMES.join(', ')}, got '${name}'`);
    if (this.services.some((service) => service.name === name)) throw new Error(`a service named '${name}' is already mounted`);
  }

  private mounted<State>(service: SimService<State>): MountedService<State> {
    const host = this;
    return {
      name: service.name,
      basePath: service.basePath,
      get apiBase() {
        return `${host.url}${service.basePath}`;
      },
      get state() {
        host.advance();
        return service.state;
      },
      change: (edit) => {
        this.advance();
        const result = edit(service.state);
        this.persist();
        return result;
      },
    };
  }

  /** Loads the fault rules of the options, saves the initial state, and listens. */
  async listen(): Promise<RunningSimServer> {
    const options = this.options;
    const rules = [...(options.faultsFile ? loadFaultsFile(options.faultsFile) : []), ...(options.faults ?? [])];
    for (const rule of rules) this.injector.addRule(rule);
    this.persist();
    const certificate = options.tls ? await generateCertificate() : undefined;
    const onRequest: http.RequestListener = (request, response) => {
      this.handle(request, response).catch((error: unknown) => {
        this.log(`simulator error: ${(error as Error).message}`);
        if (!response.headersSent) sendResponse(response, errorResponse(simulatorErrorBody, 500, 'SIM.INTERNAL_ERROR', (error as Error).message));
      });
    };
    const server = certificate
      ? https.createServer({ cert: certificate.certPem, key: certificate.keyPem }, onRequest)
      : http.createServer(onRequest);
    const address = await listen(server, options.port ?? 0, options.host ?? '127.0.0.1');
    const urlHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
    this.url = `${certificate ? 'https' : 'http'}://${urlHost}:${address.port}`;
    this.log(`simulator listening on ${this.url}`);
    return this.running(server, address.port, certificate?.certPem);
  }

  private running(server: http.Server, port: number, caCertPem: string | undefined): RunningSimServer {
    const host = this;
    return {
      url: this.url,
      port,
      caCertPem,
      faults: this.faults,
      get requests() {
        return host.recorded;
      },
      clearRequests: () => this.clearRequests(),
      get issuedSessionIds() {
        return host.issuedSessionIds;
      },
      expireSessions: () => this.expireSessions(),
      setTaskDelay: (ms) => this.setTaskDelay(ms),
      service: (name) => this.mountedByName(name),
      close: () => closeServer(server),
    };
  }

  private mountedByName(name: string): MountedService {
    const service = this.services.find((candidate) => candidate.name === name);
    if (!service) throw new Error(`no service named '${name}' is mounted; mounted: ${this.services.map((candidate) => candidate.name).join(', ')}`);
    return this.mounted(service);
  }

  get faults(): SimulatorFaults & { checkService(rule: FaultRule): void } {
    const injector = this.injector;
    return {
      addRule: (rule) => injector.addRule(rule),
      removeRule: (id) => injector.removeRule(id),
      clearRules: () => injector.clearRules(),
      rules: () => injector.listRules(),
      stats: () => injector.stats(),
      checkService: (rule) => injector.checkService(rule),
    };
  }

  get requests(): readonly RecordedRequest[] {
    return this.recorded;
  }

  get issuedSessionIds(): readonly string[] {
    return this.services.flatMap((service) => service.issuedSessionIds ?? []);
  }

  clearRequests(): void {
    this.recorded.length = 0;
  }

  expireSessions(): void {
    for (const service of this.services) service.expireSessions?.();
  }

  setTaskDelay(ms: number): void {
    this.taskDelayMs = ms;
  }

  advance(): void {
    const now = this.clock.now();
    let changed = false;
    for (const service of this.services) if (service.advance(now)) changed = true;
    if (changed) this.persist();
  }

  persist(): void {
    const file = this.options.stateFile;
    if (!file) return;
    const sections: Record<string, unknown> = {};
    for (const service of this.services) if (service.snapshot) sections[service.name] = service.snapshot();
    writeStateFile(file, sections);
  }

  log(line: string): void {
    this.options.log?.(line);
  }

  private async handle(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    const started = process.hrtime.bigint();
    const url = new URL(request.url ?? '/', 'http://simulator.invalid');
    const call: IncomingCall = {
      method: (request.method ?? 'GET').toUpperCase(),
      path: url.pathname,
      query: queryOf(url),
      headers: request.headers,
      rawBody: await readBody(request),
    };
    const parsed = parseJson(call.rawBody);
    const record: RecordedRequest = {
      method: call.method,
      path: call.path,
      query: call.query,
      headers: redactHeaders(call.headers),
      body: parsed.ok ? redactBody(parsed.value) : call.rawBody,
      status: 0,
      durationMs: 0,
    };
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

  private routeToService(path: string): Routed | undefined {
    for (const mount of this.mounts) {
      const match = mount.base.exec(path);
      if (match) return { mount, apiPath: path.slice(match[0].length) || '/', baseParams: { ...match.groups } };
    }
    return undefined;
  }

  private async route(call: IncomingCall, parsed: JsonParse, record: RecordedRequest, request: http.IncomingMessage): Promise<SimResponse | 'reset'> {
    if (call.path === ADMIN_ROOT || call.path.startsWith(`${ADMIN_ROOT}/`)) {
      if (!parsed.ok) return errorResponse(simulatorErrorBody, 400, 'SIM.INVALID_JSON', `Body is not valid JSON: ${parsed.error}`);
      return handleAdminRequest(this, call.method, call.path.slice(ADMIN_ROOT.length), parsed.value);
    }
    const routed = this.routeToService(call.path);
    if (!routed) return { status: 404 };
    const { service } = routed.mount;
    record.service = service.name;
    const fault = this.injector.decide(service.name, call.method, routed.apiPath);
    if (fault) {
      record.fault = fault.ruleId;
      const injected = await this.applyFault(fault, service, request);
      if (injected) return injected;
    }
    const limited = this.rateLimited(service);
    if (limited) return limited;
    if (!parsed.ok) {
      return errorResponse(serviceErrorBody(service), 400, service.errorCodes.invalidJson, `Request body is not valid JSON: ${parsed.error}`);
    }
    const handled = this.dispatch(routed, call, parsed.value, record, fault);
    if (!fault?.dropResponse) return handled;
    record.status = handled.status;
    request.socket.destroy();
    return 'reset';
  }

  private async applyFault(fault: FaultDecision, service: SimService, request: http.IncomingMessage): Promise<SimResponse | 'reset' | undefined> {
    if (fault.delayMs) await sleep(fault.delayMs);
    if (fault.expireSessions) service.expireSessions?.();
    if (fault.reset) {
      request.socket.destroy();
      return 'reset';
    }
    if (fault.status === undefined) return undefined;
    const headers: Record<string, string> = {};
    if (fault.retryAfterSeconds !== undefined) headers['retry-after'] = String(fault.retryAfterSeconds);
    const code = fault.body?.error_code ?? 'SIM.INJECTED_FAULT';
    const message = fault.body?.message ?? `Injected fault (rule ${fault.ruleId})`;
    return errorResponse(serviceErrorBody(service), fault.status, code, message, headers);
  }

  private rateLimited(service: SimService): SimResponse | undefined {
    const limit = this.options.rateLimit;
    if (limit === undefined || limit <= 0) return undefined;
    const second = Math.floor(this.clock.now() / 1000);
    if (second !== this.rateWindow.second) this.rateWindow = { second, count: 0 };
    this.rateWindow.count += 1;
    if (this.rateWindow.count <= limit) return undefined;
    return errorResponse(serviceErrorBody(service), 429, service.errorCodes.rateLimited, `Rate limit of ${limit} requests per second exceeded.`, {
      'retry-after': '1',
    });
  }

  private dispatch(routed: Routed, call: IncomingCall, body: unknown, record: RecordedRequest, fault?: FaultDecision): SimResponse {
    this.advance();
    const { service } = routed.mount;
    const tasksBefore = service.taskRecords().length;
    const { response, operationId } = service.dispatch({
      method: call.method,
      path: call.path,
      apiPath: routed.apiPath,
      baseParams: routed.baseParams,
      query: call.query,
      headers: call.headers,
      body,
      rawBody: call.rawBody,
      baseUrl: this.url,
      taskError: fault?.taskError,
    });
    if (fault?.taskCancel !== undefined) cancelOnCompletion(service.taskRecords().slice(tasksBefore), fault.taskCancel.message);
    record.operationId = operationId;
    if (call.method !== 'GET' && response.status < 400) this.persist();
    return response;
  }
}

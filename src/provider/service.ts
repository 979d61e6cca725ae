/**
 * The tfplugin6 `Provider` service: what Terraform calls, answered from the catalogue of resource types
 * (catalogue.ts) and the handlers behind them. One client (and so one session) per site per provider process,
 * shared by Terraform's concurrent calls; StopProvider aborts the task waits in flight.
 *
 * Calls no endpoint itself (the handlers do, through the shared client factory).
 */
import type * as grpc from '@grpc/grpc-js';
import { cacheDirFrom } from '../runtime/cache-dir';
import { appendMetrics, cpuTimeMs, metricsFile, peakMemoryKb, sinceProcessStart } from '../runtime/metrics';
import { createClientFactory } from '../resources/clients';
import type { ClientFactory, Context, OwnershipRecords } from '../resources/contract';
import { cacheOwnershipRecords } from '../resources/ownership';
import { loadCatalogue, type Catalogue } from './catalogue';
import { decodeValue, encodeValue } from './codec';
import { diagnosticOfError, errorDiagnostic, type Diagnostic } from './diagnostics';
import type { DynamicValue } from './generated/tfplugin6/DynamicValue';
import type { ProviderHandlers } from './generated/tfplugin6/Provider';
import type { Schema } from './generated/tfplugin6/Schema';
import { PROVIDER_SOURCE } from '../resources/terraform-names';
import type { ResourceRuntime, ResourceType } from './resource-type';
import { loadDataSourceTypes, type DataSourceType } from './data-source-type';
import { createHclogLogger, hclogProgress, thresholdFrom, type HclogLogger } from './hclog';
import { blockOf } from './schema';
import { checkProviderConfig, type ProviderConfig } from './provider-config';
import type { TfType, TfValue } from './values';

export interface ProviderServiceOptions {
  readonly env?: NodeJS.ProcessEnv;
  /** Where logs go: Terraform's log, never the user's screen. @default hclog JSON lines on stderr, at TF_LOG_PROVIDER's (else TF_LOG's) level */
  readonly log?: HclogLogger;
}

export interface ProviderService {
  readonly handlers: ProviderHandlers;
  /**
   * Logs out of every session this process opened (a session shared with other processes once none of them still
   * holds it) and writes REPLIFORM_METRICS_FILE's line (at shutdown).
   */
  close(): Promise<void>;
  /** The start-up time the metrics report: when the handshake line was out (ms since the process started). @default now */
  started(handshakeMs?: number): void;
}

interface WireValue {
  readonly msgpack?: Buffer | Uint8Array;
  readonly json?: Buffer | Uint8Array;
}

function decode(value: WireValue | null | undefined, type: TfType): TfValue {
  if (!value || ((value.msgpack?.length ?? 0) === 0 && (value.json?.length ?? 0) === 0)) return null;
  return decodeValue(value, type);
}

function encode(value: TfValue, type: TfType): DynamicValue {
  return { msgpack: encodeValue(value, type) };
}

function nonEmpty(data: Buffer | undefined): Buffer | undefined {
  return data && data.length > 0 ? data : undefined;
}

type Answer = { diagnostics?: Diagnostic[] };

/**
 * The resources' schema version. 1: timeouts as durations (`create = "60m"`, was `create_seconds = 3600`). A state
 * of an older version reaches UpgradeResourceState as it was stored (at the same version Terraform would first
 * drop the attributes the schema no longer has — the seconds — and the durations would show as a change).
 */
const RESOURCE_SCHEMA_VERSION = 1;

/** A unary handler that turns any failure into an error diagnostic (Terraform shows those; gRPC errors it hides). */
function unary<Request, Response extends object>(
  run: (request: Request) => Promise<Response> | Response,
  failed: (error: unknown) => Response,
): grpc.handleUnaryCall<Request, Response> {
  return (call, callback) => {
    Promise.resolve()
      .then(() => run(call.request))
      .then((response) => callback(null, response))
      .catch((error: unknown) => callback(null, failed(error)));
  };
}

function schemaOf(block: ReturnType<typeof blockOf>, version = 0): Schema {
  return { version, block };
}

class ProviderState {
  private catalogue?: Promise<Catalogue>;
  private clients?: ClientFactory;
  private ownership?: OwnershipRecords;
  private connections = new Map<string, unknown>();
  private pending = new Set<string>();
  private stop = new AbortController();
  private readonly env: NodeJS.ProcessEnv;
  private readonly log: HclogLogger;

  constructor(options: ProviderServiceOptions) {
    // A copy: credentials the provider block gives as values are added to it, never to the process's environment.
    this.env = { ...(options.env ?? process.env) };
    this.log = options.log ?? createHclogLogger(thresholdFrom(this.env));
  }

  load(): Promise<Catalogue> {
    this.catalogue ??= loadCatalogue();
    return this.catalogue;
  }

  resourceActions = 0;
  startupMs = 0;

  private dataSourceTypes?: Promise<ReadonlyMap<string, DataSourceType>>;

  loadDataSources(): Promise<ReadonlyMap<string, DataSourceType>> {
    this.dataSourceTypes ??= loadDataSourceTypes();
    return this.dataSourceTypes;
  }

  async dataSource(typeName: string): Promise<DataSourceType> {
    const type = (await this.loadDataSources()).get(typeName);
    if (!type) throw new Error(`${PROVIDER_SOURCE} has no data source ${JSON.stringify(typeName)}`);
    return type.bind(this.runtime);
  }

  async resource(typeName: string): Promise<ResourceType> {
    this.resourceActions += 1;
    const type = (await this.load()).resources.get(typeName);
    if (!type) throw new Error(`${PROVIDER_SOURCE} has no resource type ${JSON.stringify(typeName)}`);
    return type.bind(this.runtime);
  }

  readonly runtime: ResourceRuntime = {
    connectionFor: (vendor) => this.connections.get(vendor),
    connectionPending: (vendor) => this.pending.has(vendor),
    context: (warnings) => this.context(warnings),
    stopReason: () => (this.stop.signal.aborted && this.stop.signal.reason instanceof Error ? this.stop.signal.reason : undefined),
  };

  private context(warnings: string[]): Context {
    const cacheDir = cacheDirFrom(this.env);
    this.clients ??= createClientFactory({
      log: this.log,
      env: this.env,
      onRequest: (entry) => this.log.request(entry),
      signal: this.stop.signal,
      sharedStateDir: cacheDir,
      // Terraform runs up to ten creates at once (-parallelism): their "does it exist already?" lookups share requests.
      coalesceLookups: true,
    });
    this.ownership ??= cacheOwnershipRecords(cacheDir);
    const log = this.log;
    return {
      env: this.env,
      log: {
        info: (message) => log.info(message),
        debug: (message) => log.debug(message),
        warn: (message) => {
          warnings.push(message);
          log.warn(message);
        },
      },
      clients: this.clients,
      signal: this.stop.signal,
      ownership: this.ownership,
      progress: hclogProgress(log),
    };
  }

  /** Validates and keeps the provider's per-vendor connection blocks (credential values go to its own environment). */
  async configure(config: TfValue): Promise<Diagnostic[]> {
    const checked = await this.checkConnections(config);
    for (const [vendor, connection] of checked.connections) this.connections.set(vendor, connection);
    for (const vendor of checked.pending) this.pending.add(vendor);
    Object.assign(this.env, checked.secrets);
    return [...checked.diagnostics];
  }

  /** The provider's per-vendor connection blocks, parsed, or what is wrong with them (known values only). */
  async checkConnections(config: TfValue): Promise<ProviderConfig> {
    return checkProviderConfig(await this.load(), config);
  }

  stopAll(): void {
    this.stop.abort(new Error('Terraform asked the provider to stop (interrupted); run apply again to resume: creates are idempotent'));
  }

  async close(): Promise<void> {
    const clients = this.clients?.all() ?? [];
    // One provider process per Terraform command: the last one out logs the shared session out (shared-state.ts).
    await Promise.all(clients.map((client) => client.close().catch(() => undefined)));
    const file = metricsFile(this.env);
    if (file === undefined) return;
    const sum = (field: 'requests' | 'retries' | 'logins' | 'taskPolls') => clients.reduce((total, c) => total + c.stats[field], 0);
    appendMetrics(file, {
      action: 'provider',
      kind: '*',
      exitCode: 0,
      startupMs: this.startupMs,
      totalMs: sinceProcessStart(),
      maxRssKb: peakMemoryKb(),
      cpuMs: cpuTimeMs(),
      resourceActions: this.resourceActions,
      requests: sum('requests'),
      retries: sum('retries'),
      logins: sum('logins'),
      taskPolls: sum('taskPolls'),
    });
  }
}

function failure<Response extends Answer>(doing: string): (error: unknown) => Response {
  return (error) => ({ diagnostics: [diagnosticOfError(error, doing)] }) as Response;
}

export function createProviderService(options: ProviderServiceOptions = {}): ProviderService {
  const state = new ProviderState(options);
  const handlers: ProviderHandlers = {
    GetMetadata: unary(async () => {
      const catalogue = await state.load();
      const dataSources = await state.loadDataSources();
      return {
        server_capabilities: { plan_destroy: true, get_provider_schema_optional: true, move_resource_state: false },
        resources: [...catalogue.resources.keys()].map((type_name) => ({ type_name })),
        data_sources: [...dataSources.keys()].map((type_name) => ({ type_name })),
        functions: [],
        ephemeral_resources: [],
        diagnostics: [],
      };
    }, failure('GetMetadata')),

    GetProviderSchema: unary(async () => {
      const catalogue = await state.load();
      return {
        provider: schemaOf(blockOf(catalogue.providerModel, 'repliform: disaster-recovery replication as code. Credentials are read from the environment variables the connection blocks name.')),
        resource_schemas: Object.fromEntries([...catalogue.resources.values()].map((type) => [type.name, schemaOf(blockOf(type.attributes, type.kind.spec.description ?? ''), RESOURCE_SCHEMA_VERSION)])),
        data_source_schemas: Object.fromEntries([...(await state.loadDataSources()).values()].map((type) => [type.name, schemaOf(blockOf(type.attributes, type.description))])),
        functions: {},
        ephemeral_resource_schemas: {},
        server_capabilities: { plan_destroy: true, get_provider_schema_optional: true, move_resource_state: false },
        diagnostics: [],
      };
    }, failure('GetProviderSchema')),

    ValidateProviderConfig: unary(async (request) => {
      const catalogue = await state.load();
      return { diagnostics: [...(await state.checkConnections(decode(request.config, catalogue.providerType))).diagnostics] };
    }, failure('ValidateProviderConfig')),

    ConfigureProvider: unary(async (request) => {
      const catalogue = await state.load();
      return { diagnostics: await state.configure(decode(request.config, catalogue.providerType)) };
    }, failure('ConfigureProvider')),

    ValidateResourceConfig: unary(async (request) => {
      const type = await state.resource(request.type_name);
      return { diagnostics: type.validate(decode(request.config, type.type)) };
    }, failure('ValidateResourceConfig')),

    UpgradeResourceState: unary(async (request) => {
      const type = await state.resource(request.type_name);
      const raw = request.raw_state?.json;
      const json: unknown = raw && raw.length > 0 ? JSON.parse(raw.toString('utf8')) : null;
      return { upgraded_state: encode(type.upgradedState(json), type.type), diagnostics: [] };
    }, failure('UpgradeResourceState')),

    ReadResource: unary(async (request) => {
      const type = await state.resource(request.type_name);
      const result = await type.read(decode(request.current_state, type.type), nonEmpty(request.private));
      return { new_state: encode(result.state, type.type), private: result.private ?? Buffer.alloc(0), diagnostics: [...result.diagnostics] };
    }, failure('ReadResource')),

    PlanResourceChange: unary(async (request) => {
      const type = await state.resource(request.type_name);
      const result = await type.plan(
        decode(request.prior_state, type.type),
        decode(request.proposed_new_state, type.type),
        decode(request.config, type.type),
        nonEmpty(request.prior_private),
      );
      return {
        planned_state: encode(result.planned, type.type),
        requires_replace: result.requiresReplace.map((name) => ({ steps: [{ attribute_name: name }] })),
        planned_private: result.plannedPrivate ?? Buffer.alloc(0),
        diagnostics: [...result.diagnostics],
      };
    }, failure('PlanResourceChange')),

    ApplyResourceChange: unary(async (request) => {
      const type = await state.resource(request.type_name);
      const result = await type.apply(decode(request.prior_state, type.type), decode(request.planned_state, type.type), nonEmpty(request.planned_private));
      return { new_state: encode(result.state, type.type), private: result.private ?? Buffer.alloc(0), diagnostics: [...result.diagnostics] };
    }, failure('ApplyResourceChange')),

    ImportResourceState: unary(async (request) => {
      const type = await state.resource(request.type_name);
      const result = await type.importState(request.id);
      if (result.state === null) return { imported_resources: [], diagnostics: [...result.diagnostics] };
      return {
        imported_resources: [{ type_name: type.name, state: encode(result.state, type.type), private: result.private ?? Buffer.alloc(0) }],
        diagnostics: [...result.diagnostics],
      };
    }, failure('ImportResourceState')),

    MoveResourceState: unary(async (request) => ({
      diagnostics: [errorDiagnostic(`moving ${request.source_type_name} to ${request.target_type_name} is not supported`, 'Use a moved block between resources of the same type.')],
    }), failure('MoveResourceState')),

    StopProvider: unary(() => {
      state.stopAll();
      return { Error: '' };
    }, (error) => ({ Error: error instanceof Error ? error.message : String(error) })),

    ValidateDataResourceConfig: unary(async (request) => {
      const type = await state.dataSource(request.type_name);
      return { diagnostics: type.validate(decode(request.config, type.type)) };
    }, failure('ValidateDataResourceConfig')),

    ReadDataSource: unary(async (request) => {
      const type = await state.dataSource(request.type_name);
      const result = await type.read(decode(request.config, type.type));
      return { state: result.state === null ? undefined : encode(result.state, type.type), diagnostics: [...result.diagnostics] };
    }, failure('ReadDataSource')),
    ValidateEphemeralResourceConfig: unary(async (request) => ({ diagnostics: [noSuch('ephemeral resource', request.type_name)] }), failure('ValidateEphemeralResourceConfig')),
    OpenEphemeralResource: unary(async (request) => ({ diagnostics: [noSuch('ephemeral resource', request.type_name)] }), failure('OpenEphemeralResource')),
    RenewEphemeralResource: unary(async (request) => ({ diagnostics: [noSuch('ephemeral resource', request.type_name)] }), failure('RenewEphemeralResource')),
    CloseEphemeralResource: unary(async (request) => ({ diagnostics: [noSuch('ephemeral resource', request.type_name)] }), failure('CloseEphemeralResource')),
    GetFunctions: unary(async () => ({ functions: {}, diagnostics: [] }), failure('GetFunctions')),
    CallFunction: unary(async (request) => ({ error: { text: `${PROVIDER_SOURCE} has no function ${request.name}` } }), () => ({ error: { text: 'CallFunction failed' } })),
  };
  return {
    handlers,
    close: () => state.close(),
    started: (handshakeMs = sinceProcessStart()) => {
      state.startupMs = handshakeMs;
    },
  };
}

function noSuch(what: string, name: string): Diagnostic {
  return errorDiagnostic(`${PROVIDER_SOURCE} has no ${what} ${JSON.stringify(name)}`);
}

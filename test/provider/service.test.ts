/**
 * The tfplugin6 Provider service in process, over real gRPC (no TLS: go-plugin's insecure mode), with the
 * values on the wire in msgpack as Terraform sends them, against the simulator over HTTP.
 */
import * as grpc from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeValue, encodeValue } from '../../src/provider/codec';
import type { ProviderClient } from '../../src/provider/generated/tfplugin6/Provider';
import { objectValueOf } from '../../src/provider/convert';
import { loadCatalogue } from '../../src/provider/catalogue';
import type { ObjectModel } from '../../src/provider/schema';
import { serveProvider, type ServingProvider } from '../../src/provider/serve';
import { createProviderService, type ProviderService } from '../../src/provider/service';
import type { TfType, TfValue } from '../../src/provider/values';
import { isObjectValue, UNKNOWN } from '../../src/provider/values';
import { startSimulator, type RunningSimulator } from '../../src/simulator';
import { SIM_ENV } from '../helpers/context';

const SPEC_DIR = join(__dirname, '..', '..', 'specs', 'terraform-plugin-protocol');

interface Loaded {
  readonly tfplugin6: { readonly Provider: new (address: string, credentials: grpc.ChannelCredentials) => ProviderClient };
}

let sim: RunningSimulator;
let serving: ServingProvider;
let service: ProviderService;
let client: ProviderClient;
let resourceType: TfType;
let providerType: TfType;

type Call<Request, Response> = (request: Request, callback: (error: grpc.ServiceError | null, response?: Response) => void) => grpc.ClientUnaryCall;

function call<Request, Response>(method: Call<Request, Response>, request: Request): Promise<Response> {
  return new Promise((resolve, reject) => {
    method.call(client, request, (error, response) => (error || response === undefined ? reject(error ?? new Error('no response')) : resolve(response)));
  });
}

let resourceAttributes: ObjectModel;

/** A configuration as Terraform sends it: every attribute, null where the HCL leaves it out (the connection: the provider's). */
function replicationConfig(rpoMinutes: number): TfValue {
  return objectValueOf({ pairing: { remote_site: 'vc-b.example.local' }, vm: { name: 'app-01' }, target: { datastore: 'ds-b-gold' }, settings: { rpo_minutes: rpoMinutes } }, resourceAttributes);
}

beforeAll(async () => {
  sim = await startSimulator({ taskDelayMs: 20 });
  const catalogue = await loadCatalogue();
  const vr = catalogue.resources.get('repliform_vr_replication');
  if (!vr) throw new Error('no repliform_vr_replication');
  resourceType = vr.type;
  providerType = catalogue.providerType;
  resourceAttributes = vr.attributes;
  service = createProviderService({ env: { ...SIM_ENV, REPLIFORM_CACHE_DIR: 'off', REPLIFORM_LOG: 'quiet' } });
  serving = await serveProvider(service.handlers, { env: {}, writeHandshake: () => undefined, log: () => undefined, onShutdown: () => undefined });
  const loaded = grpc.loadPackageDefinition(loadSync(join(SPEC_DIR, 'tfplugin6.8.proto'), { keepCase: true, longs: Number, enums: String, defaults: true, oneofs: true })) as unknown as Loaded;
  client = new loaded.tfplugin6.Provider(`127.0.0.1:${serving.port}`, grpc.credentials.createInsecure());
});

afterAll(async () => {
  client.close();
  await serving.stop();
  await service.close();
  await sim.close();
});

test('GetProviderSchema serves every kind, with nested attributes and per-vendor provider blocks', async () => {
  const response = await call(client.GetProviderSchema, {});
  expect(Object.keys(response.resource_schemas)).toContain('repliform_vcda_replication');
  const attributes = response.resource_schemas.repliform_vr_replication.block?.attributes ?? [];
  const settings = attributes.find((a) => a.name === 'settings');
  expect(settings?.nested_type?.nesting).toBe('SINGLE');
  expect(settings?.nested_type?.attributes.find((a) => a.name === 'rpo_minutes')).toMatchObject({ required: true, type: Buffer.from('"number"') });
  expect(response.provider?.block?.attributes.map((a) => a.name)).toEqual(['vr', 'vcda', 'sdrs']);
});

test('ValidateResourceConfig points at the field with the synth-time wording', async () => {
  const response = await call(client.ValidateResourceConfig, { type_name: 'repliform_vr_replication', config: { msgpack: encodeValue(replicationConfig(2000), resourceType) } });
  expect(response.diagnostics.map((d) => [d.severity, d.summary, d.attribute?.steps.map((s) => s.attribute_name)])).toEqual([
    ['ERROR', 'settings.rpo_minutes: must be an integer between 5 and 1440 minutes, got 2000', ['settings', 'rpo_minutes']],
  ]);
});

test('configure, plan and apply over gRPC create the replication on the server; read reports it', async () => {
  const configured = await call(client.ConfigureProvider, {
    terraform_version: '1.11.4',
    config: { msgpack: encodeValue({ vr: { endpoint: sim.url, credentials: { username_env: 'VR_SITE_A_USER', password_env: 'VR_SITE_A_PASSWORD' }, remote_credentials: { username_env: 'VR_SITE_B_USER', password_env: 'VR_SITE_B_PASSWORD' }, ca_bundle_file: null, insecure: null, local_site: null }, vcda: null, sdrs: null }, providerType) },
  });
  expect(configured.diagnostics).toEqual([]);

  const config = { msgpack: encodeValue(replicationConfig(15), resourceType) };
  const plan = await call(client.PlanResourceChange, { type_name: 'repliform_vr_replication', prior_state: { msgpack: encodeValue(null, resourceType) }, proposed_new_state: config, config });
  expect(plan.diagnostics).toEqual([]);
  const planned = decodeValue(plan.planned_state ?? {}, resourceType);
  expect(isObjectValue(planned) && planned.id).toBe(UNKNOWN);

  const applied = await call(client.ApplyResourceChange, { type_name: 'repliform_vr_replication', prior_state: { msgpack: encodeValue(null, resourceType) }, planned_state: plan.planned_state, config });
  expect(applied.diagnostics).toEqual([]);
  const state = decodeValue(applied.new_state ?? {}, resourceType);
  const [replication] = sim.state.replications.filter((r) => r.info.name === 'app-01');
  expect(isObjectValue(state) && state.id).toBe(replication.info.id);
  expect(replication.info.rpo).toBe(15);

  const read = await call(client.ReadResource, { type_name: 'repliform_vr_replication', current_state: applied.new_state });
  const refreshed = decodeValue(read.new_state ?? {}, resourceType);
  expect(isObjectValue(refreshed) && refreshed.status).toBe(replication.info.status.status);
});

test('StopProvider cancels the task waits in flight: the apply ends with a diagnostic saying how to resume', async () => {
  const slowSim = await startSimulator({ taskDelayMs: 600_000 });
  const slow = createProviderService({ env: { ...SIM_ENV, REPLIFORM_CACHE_DIR: 'off', REPLIFORM_LOG: 'quiet' } });
  const slowServing = await serveProvider(slow.handlers, { env: {}, writeHandshake: () => undefined, log: () => undefined, onShutdown: () => undefined });
  const loaded = grpc.loadPackageDefinition(loadSync(join(SPEC_DIR, 'tfplugin6.8.proto'), { keepCase: true, longs: Number, enums: String, defaults: true, oneofs: true })) as unknown as Loaded;
  const slowClient = new loaded.tfplugin6.Provider(`127.0.0.1:${slowServing.port}`, grpc.credentials.createInsecure());
  const callSlow = <Request, Response>(method: Call<Request, Response>, request: Request): Promise<Response> =>
    new Promise((resolve, reject) => {
      method.call(slowClient, request, (error, response) => (error || response === undefined ? reject(error ?? new Error('no response')) : resolve(response)));
    });
  try {
    const vr = { endpoint: slowSim.url, credentials: { username_env: 'VR_SITE_A_USER', password_env: 'VR_SITE_A_PASSWORD' }, remote_credentials: { username_env: 'VR_SITE_B_USER', password_env: 'VR_SITE_B_PASSWORD' }, ca_bundle_file: null, insecure: null, local_site: null };
    await callSlow(slowClient.ConfigureProvider, { terraform_version: '1.11.4', config: { msgpack: encodeValue({ vr, vcda: null, sdrs: null }, providerType) } });
    const config = { msgpack: encodeValue(replicationConfig(15), resourceType) };
    const plan = await callSlow(slowClient.PlanResourceChange, { type_name: 'repliform_vr_replication', prior_state: { msgpack: encodeValue(null, resourceType) }, proposed_new_state: config, config });
    const applying = callSlow(slowClient.ApplyResourceChange, { type_name: 'repliform_vr_replication', prior_state: { msgpack: encodeValue(null, resourceType) }, planned_state: plan.planned_state, config });
    // The configure task is queued on the server (the apply is waiting on it) before Terraform asks to stop.
    while (slowSim.state.tasks.length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(await callSlow(slowClient.StopProvider, {})).toEqual({ Error: '' });
    const applied = await applying;
    expect(applied.diagnostics.map((d) => [d.severity, d.summary])).toEqual([
      ['ERROR', 'Terraform asked the provider to stop (interrupted); run apply again to resume: creates are idempotent'],
    ]);
  } finally {
    slowClient.close();
    await slowServing.stop();
    await slow.close();
    await slowSim.close();
  }
});

test('close() after an apply, with sessions shared between provider processes, leaves no session open on the appliance (issue 17)', async () => {
  const ownSim = await startSimulator({ taskDelayMs: 20 });
  const cacheDir = join(mkdtempSync(join(tmpdir(), 'repliform-provider-close-')), 'cache');
  const shared = createProviderService({ env: { ...SIM_ENV, REPLIFORM_CACHE_DIR: cacheDir, REPLIFORM_LOG: 'quiet' } });
  const sharedServing = await serveProvider(shared.handlers, { env: {}, writeHandshake: () => undefined, log: () => undefined, onShutdown: () => undefined });
  const loaded = grpc.loadPackageDefinition(loadSync(join(SPEC_DIR, 'tfplugin6.8.proto'), { keepCase: true, longs: Number, enums: String, defaults: true, oneofs: true })) as unknown as Loaded;
  const sharedClient = new loaded.tfplugin6.Provider(`127.0.0.1:${sharedServing.port}`, grpc.credentials.createInsecure());
  const callShared = <Request, Response>(method: Call<Request, Response>, request: Request): Promise<Response> =>
    new Promise((resolve, reject) => {
      method.call(sharedClient, request, (error, response) => (error || response === undefined ? reject(error ?? new Error('no response')) : resolve(response)));
    });
  try {
    const vr = { endpoint: ownSim.url, credentials: { username_env: 'VR_SITE_A_USER', password_env: 'VR_SITE_A_PASSWORD' }, remote_credentials: { username_env: 'VR_SITE_B_USER', password_env: 'VR_SITE_B_PASSWORD' }, ca_bundle_file: null, insecure: null, local_site: null };
    await callShared(sharedClient.ConfigureProvider, { terraform_version: '1.11.4', config: { msgpack: encodeValue({ vr, vcda: null, sdrs: null }, providerType) } });
    const config = { msgpack: encodeValue(replicationConfig(15), resourceType) };
    const plan = await callShared(sharedClient.PlanResourceChange, { type_name: 'repliform_vr_replication', prior_state: { msgpack: encodeValue(null, resourceType) }, proposed_new_state: config, config });
    const applied = await callShared(sharedClient.ApplyResourceChange, { type_name: 'repliform_vr_replication', prior_state: { msgpack: encodeValue(null, resourceType) }, planned_state: plan.planned_state, config });
    expect(applied.diagnostics).toEqual([]);
    expect(ownSim.state.sessions.filter((s) => s.username === SIM_ENV.VR_SITE_A_USER)).toHaveLength(1);

    await shared.close();
    expect(ownSim.state.sessions.filter((s) => s.username === SIM_ENV.VR_SITE_A_USER)).toEqual([]);
    expect(ownSim.requests.filter((r) => r.method === 'DELETE' && r.path === '/api/rest/vr/v2/session').map((r) => r.status)).toEqual([204]);
    expect(readdirSync(cacheDir).filter((f) => f.endsWith('-session.json'))).toEqual([]);
  } finally {
    sharedClient.close();
    await sharedServing.stop();
    await ownSim.close();
  }
});

describe('connection checks, with nothing repeated that may be a secret', () => {
  const SECRET = 'hunter2!Sec-ret';
  const vrBlock = (extra: { readonly [attribute: string]: TfValue }): { readonly [attribute: string]: TfValue } => ({
    endpoint: sim.url,
    credentials: { username_env: 'VR_SITE_A_USER', password_env: 'VR_SITE_A_PASSWORD' },
    remote_credentials: null,
    ca_bundle_file: null,
    insecure: null,
    local_site: null,
    ...extra,
  });
  const providerConfig = (vr: TfValue) => ({ msgpack: encodeValue({ vr, vcda: null, sdrs: null }, providerType) });
  const resourceConfig = (connection: TfValue) => ({
    msgpack: encodeValue(objectValueOf({ pairing: { remote_site: 'vc-b.example.local' }, vm: { name: 'app-01' }, target: { datastore: 'ds-b-gold' }, settings: { rpo_minutes: 15 }, connection }, resourceAttributes), resourceType),
  });
  const CA_REFUSED = `a CA bundle (/nowhere/ca.pem) is set for the plain http:// endpoint ${'${url}'}: the CA would never be used and the credentials would go in clear; use an https:// endpoint, or remove ca_bundle_file`;
  const NOT_SHOWN = 'must be an environment variable name ([A-Za-z_][A-Za-z0-9_]*), got a value that is not a variable name (not shown: it may be a secret)';

  test('ValidateResourceConfig refuses a CA bundle with an http:// endpoint, on connection.ca_bundle_file', async () => {
    const response = await call(client.ValidateResourceConfig, { type_name: 'repliform_vr_replication', config: resourceConfig(vrBlock({ ca_bundle_file: '/nowhere/ca.pem' })) });
    expect(response.diagnostics.map((d) => [d.severity, d.summary, d.attribute?.steps.map((s) => s.attribute_name)])).toEqual([
      ['ERROR', `connection.ca_bundle_file: ${CA_REFUSED.replace('${url}', sim.url)}`, ['connection', 'ca_bundle_file']],
    ]);
  });

  test('ValidateProviderConfig refuses it in a provider block, on vr.ca_bundle_file', async () => {
    const response = await call(client.ValidateProviderConfig, { config: providerConfig(vrBlock({ ca_bundle_file: '/nowhere/ca.pem' })) });
    expect(response.diagnostics.map((d) => [d.severity, d.summary, d.attribute?.steps.map((s) => s.attribute_name)])).toEqual([
      ['ERROR', `vr.ca_bundle_file: ${CA_REFUSED.replace('${url}', sim.url)}`, ['vr', 'ca_bundle_file']],
    ]);
  });

  test('a secret typed where a variable name goes is never repeated: ValidateResourceConfig, ValidateProviderConfig, ConfigureProvider', async () => {
    const credentials = { username_env: 'VR_SITE_A_USER', password_env: SECRET };
    const resource = await call(client.ValidateResourceConfig, { type_name: 'repliform_vr_replication', config: resourceConfig(vrBlock({ credentials })) });
    const validated = await call(client.ValidateProviderConfig, { config: providerConfig(vrBlock({ credentials })) });
    const configured = await call(client.ConfigureProvider, { terraform_version: '1.11.4', config: providerConfig(vrBlock({ credentials })) });
    expect(resource.diagnostics.map((d) => d.summary)).toEqual([`connection.credentials.password_env: ${NOT_SHOWN}`]);
    expect(validated.diagnostics.map((d) => d.summary)).toEqual([`vr.credentials.password_env: ${NOT_SHOWN}`]);
    expect(configured.diagnostics.map((d) => d.summary)).toEqual([`vr.credentials.password_env: ${NOT_SHOWN}`]);
    expect(JSON.stringify([resource, validated, configured])).not.toContain('hunter2');
  });
});

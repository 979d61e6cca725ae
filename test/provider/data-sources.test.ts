/**
 * The provider's data sources through its tfplugin6 service (in process, values in msgpack as Terraform sends them),
 * against the simulator over HTTP: the schema Terraform gets, validation before any request, what each read asks the
 * server and answers, and the errors of a look-up that finds nothing or several where one is wanted.
 */
import type * as grpc from '@grpc/grpc-js';
import { decodeValue, encodeValue } from '../../src/provider/codec';
import { loadDataSourceTypes, type DataSourceType } from '../../src/provider/data-source-type';
import { objectValueOf } from '../../src/provider/convert';
import type { Diagnostic } from '../../src/provider/diagnostics';
import type { _tfplugin6_Schema_Attribute } from '../../src/provider/generated/tfplugin6/Schema';
import type { DynamicValue } from '../../src/provider/generated/tfplugin6/DynamicValue';
import { loadCatalogue } from '../../src/provider/catalogue';
import { createProviderService, type ProviderService } from '../../src/provider/service';
import { isObjectValue, UNKNOWN, type TfValue } from '../../src/provider/values';
import type { RunningSimulator } from '../../src/simulator';
import { SDRS_PROJECT_ID } from '../../src/simulator/sdrs/inventory-seed';
import { SIM_ENV } from '../helpers/context';
import { sdrsConnection, SDRS_SIM_ENV, vcdaConnection, VCDA_SIM_ENV, vrConnection } from '../helpers/sim-connections';
import { useSimulator } from '../helpers/simulator';

let service: ProviderService;
// Before the simulator's own hook: the service logs out while the simulator still answers (else each logout
// retries against a closed port for seconds).
afterEach(() => service.close());
const t = useSimulator({ taskDelayMs: 20 });
let types: ReadonlyMap<string, DataSourceType>;

/** Calls a unary handler of the service as gRPC would, and resolves with its response. */
function invoke<Request, Response>(handler: grpc.handleUnaryCall<Request, Response>, request: Request): Promise<Response> {
  return new Promise((resolve, reject) => {
    const call = { request } as grpc.ServerUnaryCall<Request, Response>;
    handler(call, (error, response) => (error || response === undefined || response === null ? reject(error ?? new Error('no response')) : resolve(response)));
  });
}

/** A value as Terraform sends it: msgpack, no JSON. */
function dynamicValue(msgpack: Buffer): { msgpack: Buffer; json: Buffer } {
  return { msgpack, json: Buffer.alloc(0) };
}

/** A value the provider answered, as the decoder takes it. */
function wireOf(value: DynamicValue): { msgpack?: Buffer | Uint8Array } {
  return { msgpack: typeof value.msgpack === 'string' ? Buffer.from(value.msgpack, 'binary') : value.msgpack };
}

function typeOf(name: string): DataSourceType {
  const type = types.get(name);
  if (!type) throw new Error(`no data source ${name}`);
  return type;
}

/** A configuration as Terraform sends it: every attribute, null where the HCL leaves it out. */
function configOf(name: string, json: Record<string, unknown>): TfValue {
  return objectValueOf(json, typeOf(name).attributes);
}

beforeAll(async () => {
  types = await loadDataSourceTypes();
});

beforeEach(async () => {
  service = createProviderService({ env: { ...SIM_ENV, ...VCDA_SIM_ENV, ...SDRS_SIM_ENV, REPLIFORM_CACHE_DIR: 'off', REPLIFORM_LOG: 'quiet' } });
  const providerType = (await loadCatalogue()).providerType;
  const blocks = { vr: vrConnection(t.url), vcda: vcdaConnection(t.url), sdrs: sdrsConnection(t.url) };
  const configured = await invoke(service.handlers.ConfigureProvider, { terraform_version: '1.11.4', client_capabilities: null, config: dynamicValue(encodeValue(objectValueOf(blocks, (await loadCatalogue()).providerModel), providerType)) });
  expect(configured.diagnostics).toEqual([]);
});

async function read(name: string, json: Record<string, unknown>): Promise<{ state: Record<string, TfValue> | null; diagnostics: Diagnostic[] }> {
  const type = typeOf(name);
  const response = await invoke(service.handlers.ReadDataSource, { type_name: name, provider_meta: null, client_capabilities: null, config: dynamicValue(encodeValue(configOf(name, json), type.type)) });
  const state = response.state ? decodeValue(wireOf(response.state), type.type) : null;
  return { state: isObjectValue(state) ? state : null, diagnostics: response.diagnostics ?? [] };
}

async function validate(name: string, config: TfValue): Promise<Diagnostic[]> {
  return (await invoke(service.handlers.ValidateDataResourceConfig, { type_name: name, config: dynamicValue(encodeValue(config, typeOf(name).type)) })).diagnostics ?? [];
}

function summaries(diagnostics: readonly Diagnostic[] | undefined): unknown[][] {
  return (diagnostics ?? []).map((d) => [d.severity, d.summary, d.attribute?.steps?.map((s) => s.attribute_name ?? String(s.element_key_int)).join('.')]);
}

/** The API calls the simulator received since `from`, as `METHOD path?query` (logins and remote sessions left out). */
function requestsSince(sim: RunningSimulator, from: number): string[] {
  return sim.requests
    .slice(from)
    .filter((r) => !r.path.endsWith('/session') && !r.path.endsWith('/sessions'))
    .map((r) => {
      const params = new URLSearchParams();
      for (const [k, v] of Object.entries(r.query)) for (const x of Array.isArray(v) ? v : [v]) params.append(k, String(x));
      const query = params.toString();
      return `${r.method} ${r.path}${query === '' ? '' : `?${query}`}`;
    });
}

const PAIRING_PATH = '/api/rest/vr/v2/pairings';

function pairingId(sim: RunningSimulator): string {
  return sim.state.pairings[0].pairing_id;
}

describe('schema', () => {
  test('GetMetadata and GetProviderSchema list every data source, every attribute described, results computed', async () => {
    const metadata = await invoke(service.handlers.GetMetadata, {});
    expect((metadata.data_sources ?? []).map((d) => d.type_name)).toEqual(expect.arrayContaining(['repliform_vr_pairing', 'repliform_vr_vm', 'repliform_vr_vms', 'repliform_vr_datastore', 'repliform_vr_datastores']));
    const schema = await invoke(service.handlers.GetProviderSchema, {});
    const undescribed = (attributes: readonly _tfplugin6_Schema_Attribute[], prefix: string): string[] =>
      attributes.flatMap((a) => [...(a.description === '' ? [`${prefix}${a.name}`] : []), ...undescribed(a.nested_type?.attributes ?? [], `${prefix}${a.name}.`)]);
    const sources = Object.entries(schema.data_source_schemas ?? {});
    expect(sources.map(([name]) => name).sort()).toEqual((metadata.data_sources ?? []).map((d) => d.type_name).sort());
    expect(sources.flatMap(([name, s]) => undescribed(s.block?.attributes ?? [], `${name}.`))).toEqual([]);
    const pairing = schema.data_source_schemas?.repliform_vr_pairing.block?.attributes ?? [];
    expect(pairing.map((a) => [a.name, a.required, a.optional, a.computed])).toEqual([
      ['connection', false, true, false],
      ['remote_site', true, false, false],
      ['id', false, false, true],
      ['local_site', false, false, true],
      ['local_vcenter_id', false, false, true],
      ['remote_vcenter_name', false, false, true],
      ['remote_vcenter_id', false, false, true],
      ['remote_vrms_name', false, false, true],
    ]);
    const vms = (schema.data_source_schemas?.repliform_vr_vms.block?.attributes ?? []).find((a) => a.name === 'vms');
    expect(vms?.nested_type?.nesting).toBe('LIST');
    expect((vms?.nested_type?.attributes ?? []).every((a) => a.computed && !a.required && !a.optional)).toBe(true);
  });
});

describe('validation', () => {
  test('bad input is an error on its attribute, before any request', async () => {
    const before = t.requests.length;
    const diagnostics = await validate('repliform_vr_vms', configOf('repliform_vr_vms', { pairing_id: 'p', site: 'elsewhere', name_regex: '(' }));
    expect(summaries(diagnostics)).toEqual([
      ['ERROR', 'site: must be one of "local", "remote", got "elsewhere"', 'site'],
      ['ERROR', 'name_regex: must be a valid regular expression, got "("', 'name_regex'],
    ]);
    expect(t.requests.length).toBe(before);
  });

  test('an unknown argument is not checked (it refers to what is not read yet); a missing required one is', async () => {
    const unknownPairing: TfValue = { ...(configOf('repliform_vr_vm', { name: 'web-01' }) as Record<string, TfValue>), pairing_id: UNKNOWN as TfValue };
    expect(await validate('repliform_vr_vm', unknownPairing)).toEqual([]);
    expect(summaries(await validate('repliform_vr_vm', configOf('repliform_vr_vm', { name: 'web-01' })))).toEqual([
      ['ERROR', 'pairing_id: is required, got nothing', 'pairing_id'],
    ]);
  });
});

describe('VR', () => {
  test('repliform_vr_pairing finds the pairing by its remote site with one list of pairings', async () => {
    const before = t.requests.length;
    const { state, diagnostics } = await read('repliform_vr_pairing', { remote_site: 'VC-B.example.local' });
    expect(diagnostics).toEqual([]);
    expect(state).toMatchObject({ connection: null, remote_site: 'VC-B.example.local', id: pairingId(t), local_site: 'vc-a.example.local', remote_vcenter_name: 'vc-b.example.local' });
    expect(requestsSince(t, before)).toEqual([`GET ${PAIRING_PATH}`]);
  });

  test('repliform_vr_pairing: no pairing with that remote site is an error on remote_site listing the pairings', async () => {
    const { state, diagnostics } = await read('repliform_vr_pairing', { remote_site: 'vc-z.example.local' });
    expect(state).toBeNull();
    expect(summaries(diagnostics)).toEqual([
      ['ERROR', `remote_site: no pairing with remote site "vc-z.example.local"; there are: "vc-b.example.local (${pairingId(t)})"`, 'remote_site'],
    ]);
  });

  test('repliform_vr_vm finds a source VM by name with the server-side name filter', async () => {
    const before = t.requests.length;
    const { state, diagnostics } = await read('repliform_vr_vm', { pairing_id: pairingId(t), name: 'web-01' });
    expect(diagnostics).toEqual([]);
    const vm = t.state.vms.find((candidate) => candidate.vm.name === 'web-01');
    expect(state).toMatchObject({ site: 'local', name: 'web-01', id: vm?.vm.id, power_state: 'POWERED_ON', connection_state: 'CONNECTED', template: false });
    const vcId = t.state.pairings[0].local_vc_server?.id ?? '';
    expect(requestsSince(t, before)).toEqual([
      `GET ${PAIRING_PATH}/${pairingId(t)}`,
      `GET ${PAIRING_PATH}/${pairingId(t)}/vcenters/${vcId}/vms?filter_property=name&filter=web-01`,
    ]);
  });

  test('repliform_vr_vm: none is an error on name; two of one name is an error listing both ids', async () => {
    const none = await read('repliform_vr_vm', { pairing_id: pairingId(t), name: 'web-99' });
    expect(none.state).toBeNull();
    expect(summaries(none.diagnostics)).toEqual([[ 'ERROR', expect.stringMatching(/^name: no VM "web-99" on vc-a\.example\.local; there are: "web-01", /), 'name']]);

    const original = t.state.vms.find((candidate) => candidate.vm.name === 'web-01');
    if (!original) throw new Error('no web-01');
    t.state.vms.push({ ...original, vm: { ...original.vm, id: 'VirtualMachine:vm-9999:copy' } });
    const several = await read('repliform_vr_vm', { pairing_id: pairingId(t), name: 'web-01' });
    expect(summaries(several.diagnostics)).toEqual([
      ['ERROR', `name: 2 match VM "web-01" on vc-a.example.local: "web-01 (${original.vm.id})", "web-01 (VirtualMachine:vm-9999:copy)"; narrow the look-up (e.g. by id)`, 'name'],
    ]);
  });

  test('repliform_vr_vms lists the VMs of the site filtered by a regular expression and suitability', async () => {
    const { state, diagnostics } = await read('repliform_vr_vms', { pairing_id: pairingId(t), name_regex: '^(web-0[1-3]|template-)', suitable_for_replication: true });
    expect(diagnostics).toEqual([]);
    const vms = state?.vms;
    expect(Array.isArray(vms) && vms.map((vm) => isObjectValue(vm) && vm.name)).toEqual(['web-01', 'web-02', 'web-03']);
    expect(state).toMatchObject({ site: 'local', suitable_for_replication: true, name: null });
    const all = await read('repliform_vr_vms', { pairing_id: pairingId(t), name_regex: '^template-' });
    expect(all.state?.vms).toEqual([expect.objectContaining({ name: 'template-01', template: true })]);
  });

  test('repliform_vr_datastore reads the remote site by default, through the remote session', async () => {
    const before = t.requests.length;
    const { state, diagnostics } = await read('repliform_vr_datastore', { pairing_id: pairingId(t), name: 'ds-b-gold' });
    expect(diagnostics).toEqual([]);
    expect(state).toMatchObject({ site: 'remote', name: 'ds-b-gold', type: 'VMFS', datacenter: 'dc-b', capacity_bytes: expect.any(Number) });
    expect(state?.id).toBe(t.state.datastores.find((d) => d.datastore.name === 'ds-b-gold')?.datastore.id);
    const remoteVc = t.state.pairings[0].remote_vc_server?.id ?? '';
    expect(t.requests.slice(before).map((r) => `${r.method} ${r.path}`)).toEqual(expect.arrayContaining([
      `POST ${PAIRING_PATH}/${pairingId(t)}/remote-session`,
      `GET ${PAIRING_PATH}/${pairingId(t)}/vcenters/${remoteVc}/datastores`,
    ]));
  });

  test('repliform_vr_datastore: a datastore of the other site is not found, with the ones there are', async () => {
    const { diagnostics } = await read('repliform_vr_datastore', { pairing_id: pairingId(t), name: 'ds-a-01' });
    expect(summaries(diagnostics)).toEqual([
      ['ERROR', 'name: no datastore "ds-a-01" on vc-b.example.local; there are: "ds-b-gold", "ds-b-silver", "vsanDatastore-b"', 'name'],
    ]);
  });

  test('repliform_vr_datastores lists the local site when asked; an unknown pairing id is an error on pairing_id', async () => {
    const { state } = await read('repliform_vr_datastores', { pairing_id: pairingId(t), site: 'local' });
    expect(Array.isArray(state?.datastores) && state.datastores.map((d) => isObjectValue(d) && d.name)).toEqual(['ds-a-01', 'ds-a-02']);
    const missing = await read('repliform_vr_datastores', { pairing_id: 'no-such-pairing' });
    expect(summaries(missing.diagnostics)).toEqual([
      ['ERROR', `pairing_id: no pairing with id "no-such-pairing"; pairings: "vc-b.example.local (${pairingId(t)})"`, 'pairing_id'],
    ]);
  });

  test('a connection of its own is used and kept in the state; none at all is an error on connection', async () => {
    const own = await read('repliform_vr_pairing', { remote_site: 'vc-b.example.local', connection: vrConnection(t.url) });
    expect(own.diagnostics).toEqual([]);
    expect(own.state?.connection).toMatchObject({ endpoint: t.url, insecure: false });

    const bare = createProviderService({ env: { ...SIM_ENV, REPLIFORM_CACHE_DIR: 'off', REPLIFORM_LOG: 'quiet' } });
    try {
      const type = typeOf('repliform_vr_pairing');
      const response = await invoke(bare.handlers.ReadDataSource, { type_name: type.name, provider_meta: null, client_capabilities: null, config: dynamicValue(encodeValue(configOf(type.name, { remote_site: 'vc-b.example.local' }), type.type)) });
      expect(summaries(response.diagnostics)).toEqual([['ERROR', 'connection: not set, and the provider configuration has no vr block', 'connection']]);
    } finally {
      await bare.close();
    }
  });
});

describe('VCDA', () => {
  test('repliform_vcda_sites lists the sites with one GET /sites', async () => {
    const before = t.requests.length;
    const { state, diagnostics } = await read('repliform_vcda_sites', {});
    expect(diagnostics).toEqual([]);
    expect(state?.local_site).toBe('site1');
    expect(Array.isArray(state?.sites) && state.sites.map((s) => isObjectValue(s) && [s.name, s.is_local])).toEqual([['site1', true], ['site2', false]]);
    expect(requestsSince(t, before)).toEqual(['GET /vcda/sites']);
  });

  test('repliform_vcda_vms reads GET /inventory/vms of the local site; another site is reached first', async () => {
    const before = t.requests.length;
    const { state, diagnostics } = await read('repliform_vcda_vms', { name_regex: '^vcd-web-' });
    expect(diagnostics).toEqual([]);
    expect(state).toMatchObject({ site_name: 'site1', site: null });
    expect(Array.isArray(state?.vms) && state.vms.map((vm) => isObjectValue(vm) && [vm.name, vm.id, vm.org])).toEqual([
      ['vcd-web-01', '441a891a-5294-4dff-b02d-c605d335be1b', 'org1'],
      ['vcd-web-02', '441a891a-5294-4dff-b02d-c605d335be1c', 'org1'],
    ]);
    expect(requestsSince(t, before)).toEqual(['GET /vcda/sites', 'GET /vcda/inventory/vms?offset=0&limit=100']);

    const remote = await read('repliform_vcda_vms', { site: 'site2' });
    expect(remote.diagnostics).toEqual([]);
    expect(remote.state).toMatchObject({ site_name: 'site2', vms: [] });
    expect(t.requests.map((r) => `${r.method} ${r.path}`)).toContain('POST /vcda/sessions/extend');
    expect(t.requests.at(-1)).toMatchObject({ path: '/vcda/inventory/vms', query: { site: 'site2' }, status: 200 });
  });

  test('repliform_vcda_vm: one VM by name; an unknown site or name is an error on its argument', async () => {
    const found = await read('repliform_vcda_vm', { name: 'vcd-db-01' });
    expect(found.diagnostics).toEqual([]);
    expect(found.state).toMatchObject({ id: '441a891a-5294-4dff-b02d-c605d335be1e', site_name: 'site1', org: 'org1' });
    expect(summaries((await read('repliform_vcda_vm', { name: 'vcd-db-09' })).diagnostics)).toEqual([
      ['ERROR', 'name: no VM "vcd-db-09" on site1; there are: "vcd-web-01", "vcd-web-02", "vcd-app-01", "vcd-db-01"', 'name'],
    ]);
    expect(summaries((await read('repliform_vcda_vm', { name: 'vcd-db-01', site: 'site9' })).diagnostics)).toEqual([
      ['ERROR', 'site: no site "site9" on this VCDA; sites: "site1", "site2"', 'site'],
    ]);
  });
});

describe('SDRS', () => {
  test('repliform_sdrs_servers reads ECS cloudservers/detail (offset = page 1) and filters exactly', async () => {
    const before = t.requests.length;
    const { state, diagnostics } = await read('repliform_sdrs_servers', { name: 'ecs-web-01' });
    expect(diagnostics).toEqual([]);
    expect(state?.servers).toEqual([{ id: '3f2a9c1e-5b7d-4e8a-9c0f-1a2b3c4d5e01', name: 'ecs-web-01', status: 'ACTIVE', availability_zone: 'az-a' }]);
    expect(requestsSince(t, before)).toEqual([`GET /sdrs/v1/${SDRS_PROJECT_ID}/cloudservers/detail?name=ecs-web-01&offset=1&limit=1000`]);
  });

  test('repliform_sdrs_volumes reads EVS cloudvolumes/detail, filtered by the server they are attached to', async () => {
    const before = t.requests.length;
    const { state, diagnostics } = await read('repliform_sdrs_volumes', { server_id: '3f2a9c1e-5b7d-4e8a-9c0f-1a2b3c4d5e01', availability_zone: 'az-a' });
    expect(diagnostics).toEqual([]);
    expect(Array.isArray(state?.volumes) && state.volumes.map((v) => isObjectValue(v) && [v.name, v.device, v.bootable, v.size_gb])).toEqual([
      ['evs-web-01-sys', '/dev/vda', true, expect.any(Number)],
      ['evs-web-01-data', '/dev/vdb', false, expect.any(Number)],
    ]);
    expect(requestsSince(t, before)).toEqual([`GET /sdrs/v2/${SDRS_PROJECT_ID}/cloudvolumes/detail?availability_zone=az-a&offset=0&limit=1000`]);
  });
});

/**
 * What the provider defers past its handshake line, so that Terraform (which starts it 3–4 times per command)
 * connects while it loads: its handlers (the catalogue, the HTTP clients) and the protocol's message types. Over
 * real gRPC (no TLS), against the simulator over HTTP.
 */
import * as grpc from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import { join } from 'node:path';
import type { ProviderClient } from '../../src/provider/generated/tfplugin6/Provider';
import type { ProviderHandlers } from '../../src/provider/generated/tfplugin6/Provider';
import { parseProtocol, PROTO_DIR, serviceDefinition, type Protocol } from '../../src/provider/protocol';
import { serveProvider, type ServingProvider } from '../../src/provider/serve';
import { createProviderService, type ProviderService } from '../../src/provider/service';
import { SIM_ENV } from '../helpers/context';

const ROOT = join(__dirname, '..', '..');

interface Loaded {
  readonly tfplugin6: { readonly Provider: new (address: string, credentials: grpc.ChannelCredentials) => ProviderClient };
}

function providerClient(port: number): ProviderClient {
  const definition = loadSync(join(ROOT, PROTO_DIR, 'tfplugin6.8.proto'), { keepCase: true, longs: Number, enums: String, defaults: true, oneofs: true });
  const loaded = grpc.loadPackageDefinition(definition) as unknown as Loaded;
  return new loaded.tfplugin6.Provider(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
}

/** A call's answer, or its gRPC error. */
function schemaCall(client: ProviderClient): Promise<{ resources: string[] } | grpc.ServiceError> {
  return new Promise((resolve) => {
    client.GetProviderSchema({}, (error, response) => resolve(error ?? { resources: Object.keys(response?.resource_schemas ?? {}) }));
  });
}

function deferredLoader(): { load: () => Promise<Partial<ProviderHandlers>>; resolve: (handlers: Partial<ProviderHandlers>) => void; reject: (error: Error) => void; calls: () => number } {
  let resolve: (handlers: Partial<ProviderHandlers>) => void = () => undefined;
  let reject: (error: Error) => void = () => undefined;
  const loaded = new Promise<Partial<ProviderHandlers>>((ok, fail) => {
    resolve = ok;
    reject = fail;
  });
  loaded.catch(() => undefined); // rejected before any call asks: the calls that do see the rejection
  let calls = 0;
  return {
    load: () => {
      calls += 1;
      return loaded;
    },
    resolve,
    reject,
    calls: () => calls,
  };
}

describe('handlers loaded after the handshake line', () => {
  let serving: ServingProvider | undefined;
  let service: ProviderService | undefined;
  let client: ProviderClient | undefined;

  afterEach(async () => {
    client?.close();
    await serving?.stop();
    await service?.close();
    client = serving = service = undefined;
  });

  async function serveDeferred(load: () => Promise<Partial<ProviderHandlers>>): Promise<string[]> {
    const lines: string[] = [];
    serving = await serveProvider(load, { env: {}, writeHandshake: (line) => lines.push(line), log: () => undefined, onShutdown: () => undefined });
    client = providerClient(serving.port);
    return lines;
  }

  test('the handshake is out before they load; a call made meanwhile gets their answer once they are there', async () => {
    const loader = deferredLoader();
    const lines = await serveDeferred(loader.load);
    expect(lines).toEqual([expect.stringMatching(/^1\|6\|tcp\|127\.0\.0\.1:\d+\|grpc\|$/)]);
    expect(loader.calls()).toBe(0);

    const answer = schemaCall(client as ProviderClient);
    service = createProviderService({ env: { ...SIM_ENV, REPLIFORM_CACHE_DIR: 'off', REPLIFORM_LOG: 'quiet' } });
    loader.resolve(service.handlers);
    const response = await answer;
    expect(response).toEqual({ resources: expect.arrayContaining(['repliform_vr_replication', 'repliform_vcda_replication', 'repliform_sdrs_protected_instance']) });
    expect(loader.calls()).toBe(1);
  });

  test('a method they leave out answers UNIMPLEMENTED, as with handlers given at once', async () => {
    const loader = deferredLoader();
    await serveDeferred(loader.load);
    loader.resolve({});
    const response = await schemaCall(client as ProviderClient);
    expect(response).toMatchObject({ code: grpc.status.UNIMPLEMENTED, details: 'GetProviderSchema is not implemented' });
  });

  test('when they fail to load, every call says so (INTERNAL, with the reason)', async () => {
    const loader = deferredLoader();
    await serveDeferred(loader.load);
    loader.reject(new Error('Cannot find module ./service'));
    const response = await schemaCall(client as ProviderClient);
    expect(response).toMatchObject({ code: grpc.status.INTERNAL, details: 'the provider failed to load: Cannot find module ./service' });
  });
});

describe('the protocol: the method table from its JSON, the message types on first use', () => {
  function countingProtocol(): { protocol: Protocol; builds: () => number } {
    const parsed = parseProtocol(join(ROOT, PROTO_DIR));
    let builds = 0;
    return {
      protocol: {
        json: parsed.toJSON(),
        root: () => {
          builds += 1;
          return parsed;
        },
      },
      builds: () => builds,
    };
  }

  test('defining the services builds no message type; the first message does, and round-trips', () => {
    const { protocol, builds } = countingProtocol();
    const provider = serviceDefinition(protocol, 'tfplugin6.Provider');
    const health = serviceDefinition(protocol, 'grpc.health.v1.Health');
    expect(builds()).toBe(0);
    expect(provider.ReadResource).toMatchObject({ path: '/tfplugin6.Provider/ReadResource', requestStream: false, responseStream: false, originalName: 'readResource' });
    expect(health.Watch).toMatchObject({ path: '/grpc.health.v1.Health/Watch', requestStream: false, responseStream: true });

    const bytes = provider.ReadResource.requestSerialize({ type_name: 'repliform_vr_replication', current_state: { msgpack: Buffer.from([0xc0]) } });
    expect(builds()).toBe(1);
    expect(provider.ReadResource.requestDeserialize(bytes)).toMatchObject({ type_name: 'repliform_vr_replication', current_state: { msgpack: Buffer.from([0xc0]) } });
    expect(builds()).toBe(1);
  });

  test('a service the protocol does not have is an error naming it', () => {
    const { protocol } = countingProtocol();
    expect(() => serviceDefinition(protocol, 'tfplugin6.Provisioner')).toThrow('the plugin protocol has no service tfplugin6.Provisioner');
  });
});

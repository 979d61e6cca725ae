/**
 * The provider's transport: the compiled executable refusing to run outside Terraform, and serveProvider
 * in-process with automatic mutual TLS — what a go-plugin client sees (handshake line, health, the provider
 * service, the controller and stdio side services).
 */
import * as grpc from '@grpc/grpc-js';
import { loadSync, type MethodDefinition } from '@grpc/proto-loader';
import { spawn } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { connect } from 'node:tls';
import { service as healthService } from 'grpc-health-check';
import type { ProviderHandlers } from '../../src/provider/generated/tfplugin6/Provider';
import { createServerCertificate, MAGIC_COOKIE_VALUE, type ServerCertificate } from '../../src/provider/handshake';
import { serveProvider, type ServingProvider } from '../../src/provider/serve';
import { firstStdoutLine } from '../helpers/plugin-process';

const ROOT = join(__dirname, '..', '..');
const SPEC_DIR = join(ROOT, 'specs', 'terraform-plugin-protocol');
const PROVIDER_MAIN = join(ROOT, 'dist', 'src', 'provider', 'main.js');
const HANDSHAKE = /^1\|6\|tcp\|127\.0\.0\.1:(\d+)\|grpc\|([A-Za-z0-9+/]+)$/;

const definitions = loadSync([join(SPEC_DIR, 'tfplugin6.8.proto'), join(SPEC_DIR, 'go-plugin', 'grpc_controller.proto'), join(SPEC_DIR, 'go-plugin', 'grpc_stdio.proto')], {
  keepCase: true,
  longs: Number,
  enums: String,
  defaults: true,
  oneofs: true,
  includeDirs: [SPEC_DIR],
});

function method(service: string, name: string): MethodDefinition<object, object> {
  const found = (service === 'grpc.health.v1.Health' ? healthService : definitions[service]) as Record<string, MethodDefinition<object, object>> | undefined;
  const definition = found?.[name];
  if (!definition) throw new Error(`no method ${service}.${name}`);
  return definition;
}

function unary<Response>(client: grpc.Client, service: string, name: string, request: object): Promise<Response> {
  const definition = method(service, name);
  return new Promise((resolve, reject) => {
    client.makeUnaryRequest(definition.path, definition.requestSerialize, definition.responseDeserialize, request, { deadline: Date.now() + 10_000 }, (error, response) =>
      error ? reject(error) : resolve(response as Response),
    );
  });
}

/** A client the way go-plugin makes one: trusts the handshake's certificate for `localhost`, presents its own. */
function clientOf(port: number, serverPem: string, client?: ServerCertificate): grpc.Client {
  const credentials = client
    ? grpc.credentials.createSsl(Buffer.from(serverPem), Buffer.from(client.keyPem), Buffer.from(client.certPem))
    : grpc.credentials.createSsl(Buffer.from(serverPem));
  return new grpc.Client(`127.0.0.1:${port}`, credentials, { 'grpc.ssl_target_name_override': 'localhost', 'grpc.default_authority': 'localhost' });
}

function pemOfHandshake(base64: string): string {
  return new X509Certificate(Buffer.from(base64, 'base64')).toString();
}

function run(env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [PROVIDER_MAIN], { env: { PATH: process.env.PATH, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('the compiled terraform-provider-repliform', () => {
  it('started by hand, says it is a Terraform plugin, how to install it, and exits 1 without printing a handshake', async () => {
    const result = await run({});
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('terraform-provider-repliform is a Terraform provider plugin');
    expect(result.stderr).toContain('repliform provider install');
  });

  it('refuses a Terraform that does not offer protocol 6', async () => {
    const result = await run({ TF_PLUGIN_MAGIC_COOKIE: MAGIC_COOKIE_VALUE, PLUGIN_PROTOCOL_VERSIONS: '4,5' });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('speaks plugin protocol 6 only (Terraform ≥ 1.0); this Terraform offers PLUGIN_PROTOCOL_VERSIONS=4,5');
  });

  it('started as Terraform does, prints the handshake, serves health over mutual TLS and exits 0 on GRPCController.Shutdown', async () => {
    const client = createServerCertificate();
    const child = spawn(process.execPath, [PROVIDER_MAIN], {
      env: { PATH: process.env.PATH, TF_PLUGIN_MAGIC_COOKIE: MAGIC_COOKIE_VALUE, PLUGIN_PROTOCOL_VERSIONS: '5,6', PLUGIN_CLIENT_CERT: client.certPem, REPLIFORM_CACHE_DIR: join(ROOT, 'node_modules', '.cache', 'handshake-test') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    const line = await firstStdoutLine(child);
    const [, port, cert] = HANDSHAKE.exec(line) ?? [];
    expect(port).toBeDefined();
    const grpcClient = clientOf(Number(port), pemOfHandshake(cert), client);
    await expect(unary(grpcClient, 'grpc.health.v1.Health', 'Check', { service: 'plugin' })).resolves.toEqual({ status: 'SERVING' });
    await expect(unary(grpcClient, 'plugin.GRPCController', 'Shutdown', {})).resolves.toEqual({});
    grpcClient.close();
    expect(await exited).toBe(0);
  });
});

describe('serveProvider in-process', () => {
  const clientCert = createServerCertificate();
  const handshakeLines: string[] = [];
  const logs: string[] = [];
  const shutdowns: string[] = [];
  let serving: ServingProvider;

  const GetMetadata: ProviderHandlers['GetMetadata'] = (_call, callback) =>
    callback(null, { resources: [{ type_name: 'repliform_tiny' }], diagnostics: [] });

  beforeAll(async () => {
    serving = await serveProvider(
      { GetMetadata },
      {
        env: { PLUGIN_CLIENT_CERT: clientCert.certPem },
        writeHandshake: (line) => handshakeLines.push(line),
        log: (line) => logs.push(line),
        onShutdown: () => void shutdowns.push('onShutdown'),
      },
    );
  });

  afterAll(() => serving.stop());

  it('prints exactly one handshake line: core 1, protocol 6, tcp on 127.0.0.1, grpc, its certificate in unpadded base64', () => {
    expect(handshakeLines).toHaveLength(1);
    const [, port, cert] = HANDSHAKE.exec(handshakeLines[0]) ?? [];
    expect(Number(port)).toBe(serving.port);
    expect(cert).toBe(serving.certificate?.der.toString('base64').replace(/=+$/, ''));
    const x509 = new X509Certificate(Buffer.from(cert, 'base64'));
    expect(x509.ca).toBe(true);
    expect(x509.checkHost('localhost')).toBe('localhost');
    expect(x509.keyUsage).toEqual(['1.3.6.1.5.5.7.3.2', '1.3.6.1.5.5.7.3.1']);
    expect(x509.verify(x509.publicKey)).toBe(true);
  });

  it('presents the certificate of the handshake line', async () => {
    const [, , cert] = HANDSHAKE.exec(handshakeLines[0]) ?? [];
    const presented = await new Promise<Buffer>((resolve, reject) => {
      const socket = connect(
        { host: '127.0.0.1', port: serving.port, servername: 'localhost', ca: pemOfHandshake(cert), cert: clientCert.certPem, key: clientCert.keyPem, ALPNProtocols: ['h2'] },
        () => {
          resolve(socket.getPeerCertificate().raw);
          socket.end();
        },
      );
      socket.on('error', reject);
    });
    expect(presented.equals(Buffer.from(cert, 'base64'))).toBe(true);
  });

  it('answers a client with the client certificate: health SERVING for "plugin" and "", and the provider handler', async () => {
    const client = clientOf(serving.port, serving.certificate?.certPem ?? '', clientCert);
    await expect(unary(client, 'grpc.health.v1.Health', 'Check', { service: 'plugin' })).resolves.toEqual({ status: 'SERVING' });
    await expect(unary(client, 'grpc.health.v1.Health', 'Check', { service: '' })).resolves.toEqual({ status: 'SERVING' });
    const metadata = await unary<{ resources: unknown[] }>(client, 'tfplugin6.Provider', 'GetMetadata', {});
    expect(metadata.resources).toEqual([{ type_name: 'repliform_tiny' }]);
    await expect(unary(client, 'tfplugin6.Provider', 'GetProviderSchema', {})).rejects.toMatchObject({ code: grpc.status.UNIMPLEMENTED });
    client.close();
  });

  it('refuses a client without a client certificate, and one whose certificate Terraform did not give', async () => {
    const anonymous = clientOf(serving.port, serving.certificate?.certPem ?? '');
    await expect(unary(anonymous, 'grpc.health.v1.Health', 'Check', { service: 'plugin' })).rejects.toMatchObject({ code: grpc.status.UNAVAILABLE });
    anonymous.close();
    const stranger = clientOf(serving.port, serving.certificate?.certPem ?? '', createServerCertificate());
    await expect(unary(stranger, 'grpc.health.v1.Health', 'Check', { service: 'plugin' })).rejects.toMatchObject({ code: grpc.status.UNAVAILABLE });
    stranger.close();
  });

  it('keeps GRPCStdio.StreamStdio open and silent, then ends it and stops on GRPCController.Shutdown', async () => {
    const client = clientOf(serving.port, serving.certificate?.certPem ?? '', clientCert);
    const stdio = method('plugin.GRPCStdio', 'StreamStdio');
    const stream = client.makeServerStreamRequest(stdio.path, stdio.requestSerialize, stdio.responseDeserialize, {});
    const received: unknown[] = [];
    stream.on('data', (chunk: unknown) => received.push(chunk));
    const ended = new Promise<grpc.StatusObject>((resolve) => stream.on('status', resolve));
    // The stream is open once the health call after it is answered on the same connection.
    await unary(client, 'grpc.health.v1.Health', 'Check', { service: 'plugin' });
    await expect(unary(client, 'plugin.GRPCController', 'Shutdown', {})).resolves.toEqual({});
    expect((await ended).code).toBe(grpc.status.OK);
    expect(received).toEqual([]);
    await serving.stop();
    await new Promise((resolve) => setImmediate(resolve));
    expect(shutdowns).toEqual(['onShutdown']);
    expect(logs).toContain('plugin.GRPCController.Shutdown: stopping the server');
    client.close();
  });
});

describe('serveProvider options from the environment', () => {
  const quiet = { writeHandshake: () => undefined, log: () => undefined, onShutdown: () => undefined };

  function freePort(): Promise<{ port: number; close: () => Promise<void> }> {
    return new Promise((resolve) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const address = server.address();
        const port = typeof address === 'object' && address ? address.port : 0;
        resolve({ port, close: () => new Promise((done) => server.close(() => done())) });
      });
    });
  }

  it('without PLUGIN_CLIENT_CERT serves without TLS, says so on its log, and leaves the certificate field empty', async () => {
    const logs: string[] = [];
    const lines: string[] = [];
    const serving = await serveProvider({}, { ...quiet, env: {}, log: (line) => logs.push(line), writeHandshake: (line) => lines.push(line) });
    expect(lines).toEqual([`1|6|tcp|127.0.0.1:${serving.port}|grpc|`]);
    expect(logs[0]).toBe('PLUGIN_CLIENT_CERT is not set: serving gRPC without TLS on 127.0.0.1 (go-plugin allows it; Terraform always sets it)');
    const client = new grpc.Client(`127.0.0.1:${serving.port}`, grpc.credentials.createInsecure());
    await expect(unary(client, 'grpc.health.v1.Health', 'Check', { service: 'plugin' })).resolves.toEqual({ status: 'SERVING' });
    client.close();
    await serving.stop();
  });

  it('listens within PLUGIN_MIN_PORT..PLUGIN_MAX_PORT, skipping a port in use, and names the range when none is free', async () => {
    const taken = await freePort();
    const spare = await freePort();
    await spare.close();
    const env = { PLUGIN_MIN_PORT: String(spare.port), PLUGIN_MAX_PORT: String(spare.port) };
    const serving = await serveProvider({}, { ...quiet, env });
    expect(serving.port).toBe(spare.port);
    await serving.stop();
    const full = { PLUGIN_MIN_PORT: String(taken.port), PLUGIN_MAX_PORT: String(taken.port) };
    await expect(serveProvider({}, { ...quiet, env: full })).rejects.toThrow(`no free port on 127.0.0.1 within PLUGIN_MIN_PORT..PLUGIN_MAX_PORT (${taken.port}..${taken.port})`);
    await taken.close();
    await expect(serveProvider({}, { ...quiet, env: { PLUGIN_MIN_PORT: '9', PLUGIN_MAX_PORT: '8' } })).rejects.toThrow('PLUGIN_MIN_PORT (9) is greater than PLUGIN_MAX_PORT (8)');
    await expect(serveProvider({}, { ...quiet, env: { PLUGIN_MIN_PORT: 'ten' } })).rejects.toThrow('PLUGIN_MIN_PORT must be a port number 1..65535, got "ten"');
  });
});

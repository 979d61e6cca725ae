/**
 * Serves a tfplugin6 Provider the way go-plugin expects: the gRPC server (mutual TLS when Terraform gives
 * PLUGIN_CLIENT_CERT) on 127.0.0.1 within PLUGIN_MIN_PORT..PLUGIN_MAX_PORT, with the health, controller and
 * stdio side services, and the one handshake line on stdout. Logs go to stderr only, as hclog JSON lines (Terraform's log).
 *
 * Calls no endpoint.
 */
import type * as grpc from '@grpc/grpc-js';
import { Server, status } from './grpc-server';
import type { ProviderHandlers } from './generated/tfplugin6/Provider';
import { handshakeLine, portRangeFrom, serverSecurity, type PortRange, type ServerCertificate } from './handshake';
import { createHclogLogger, thresholdFrom, type HclogLevel, type LogFields } from './hclog';
import { addHealthService, controllerHandlers, StdioStreams } from './plugin-services';
import { loadProtocol, serviceDefinition } from './protocol';

/** Terraform's own providers accept messages up to 256 MiB; gRPC's default of 4 MiB is too small for big states. */
const MAX_MESSAGE_BYTES = 256 * 1024 * 1024;
/** How long a graceful stop waits for calls in flight before cutting them. */
const GRACEFUL_STOP_MS = 2000;

export interface ServeOptions {
  /** @default process.env */
  readonly env?: NodeJS.ProcessEnv;
  /** Where the handshake line goes. @default process.stdout */
  readonly writeHandshake?: (line: string) => void;
  /** Terraform's log: a message at its level. @default hclog JSON lines on stderr, at TF_LOG_PROVIDER's (else TF_LOG's) level */
  readonly log?: (message: string, level: HclogLevel, fields?: LogFields) => void;
  /** Runs after GRPCController.Shutdown stopped the server. @default exits the process with 0 */
  readonly onShutdown?: () => void | Promise<void>;
}

export interface ServingProvider {
  readonly port: number;
  readonly server: grpc.Server;
  /** The handshake line as printed (without its newline). */
  readonly handshake: string;
  /** The certificate the server presents; undefined when serving without TLS. */
  readonly certificate: ServerCertificate | undefined;
  /** Ends the stdio streams and stops the server, waiting up to 2 s for calls in flight. Idempotent. */
  stop(): Promise<void>;
}

interface Services {
  readonly provider: grpc.ServiceDefinition;
  readonly controller: grpc.ServiceDefinition;
  readonly stdio: grpc.ServiceDefinition;
  readonly health: grpc.ServiceDefinition;
}

function loadServices(): Services {
  const protocol = loadProtocol();
  return {
    provider: serviceDefinition(protocol, 'tfplugin6.Provider'),
    controller: serviceDefinition(protocol, 'plugin.GRPCController'),
    stdio: serviceDefinition(protocol, 'plugin.GRPCStdio'),
    health: serviceDefinition(protocol, 'grpc.health.v1.Health'),
  };
}

function bindOnce(server: grpc.Server, port: number, credentials: grpc.ServerCredentials): Promise<number | Error> {
  return new Promise((resolve) => server.bindAsync(`127.0.0.1:${port}`, credentials, (error, bound) => resolve(error ?? bound)));
}

/** The first free port of the range, tried in order as go-plugin does; any free port without a range. */
async function bind(server: grpc.Server, range: PortRange | undefined, credentials: grpc.ServerCredentials): Promise<number> {
  if (!range) {
    const bound = await bindOnce(server, 0, credentials);
    if (bound instanceof Error) throw new Error(`cannot listen on 127.0.0.1: ${bound.message}`);
    return bound;
  }
  for (let port = range.min; port <= range.max; port++) {
    const bound = await bindOnce(server, port, credentials);
    if (!(bound instanceof Error)) return bound;
  }
  throw new Error(`no free port on 127.0.0.1 within PLUGIN_MIN_PORT..PLUGIN_MAX_PORT (${range.min}..${range.max})`);
}

/** The handlers given; grpc-js answers UNIMPLEMENTED for the methods left out. */
function implemented(handlers: Partial<ProviderHandlers>): grpc.UntypedServiceImplementation {
  return Object.fromEntries(Object.entries(handlers).filter((entry): entry is [string, grpc.UntypedHandleCall] => entry[1] !== undefined));
}

/** Handlers still loading, or given. */
export type ProviderImplementation = Partial<ProviderHandlers> | (() => Promise<Partial<ProviderHandlers>>);

/**
 * Every method of the service, answered by the handlers `load` resolves to once they are there (tfplugin6.Provider's
 * methods are all unary). The handshake need not wait for them: Terraform connects (TLS, HTTP/2) meanwhile.
 */
function deferred(definition: grpc.ServiceDefinition, load: () => Promise<Partial<ProviderHandlers>>): grpc.UntypedServiceImplementation {
  let loaded: Promise<grpc.UntypedServiceImplementation> | undefined;
  const forward =
    (name: string): grpc.handleUnaryCall<object, object> =>
    (call, callback) => {
      (loaded ??= load().then(implemented)).then(
        (handlers) => {
          const handler = handlers[name] as grpc.handleUnaryCall<object, object> | undefined;
          if (handler) handler(call, callback);
          else callback({ code: status.UNIMPLEMENTED, details: `${name} is not implemented` });
        },
        (error: unknown) => callback({ code: status.INTERNAL, details: `the provider failed to load: ${error instanceof Error ? error.message : String(error)}` }),
      );
    };
  return Object.fromEntries(Object.keys(definition).map((name) => [name, forward(name)]));
}

function stopGracefully(server: grpc.Server): Promise<void> {
  return new Promise((resolve) => {
    const force = setTimeout(() => {
      server.forceShutdown();
      resolve();
    }, GRACEFUL_STOP_MS);
    force.unref();
    server.tryShutdown(() => {
      clearTimeout(force);
      resolve();
    });
  });
}

function defaultLog(env: NodeJS.ProcessEnv): NonNullable<ServeOptions['log']> {
  const logger = createHclogLogger(thresholdFrom(env));
  return (message, level, fields) => logger.log(level, message, fields);
}

/**
 * Starts serving `provider` (methods it leaves out answer UNIMPLEMENTED; given as a loader, calls wait for it) and
 * prints the handshake line; resolves once Terraform can connect.
 */
export async function serveProvider(provider: ProviderImplementation, options: ServeOptions = {}): Promise<ServingProvider> {
  const env = options.env ?? process.env;
  const log = options.log ?? defaultLog(env);
  const writeHandshake = options.writeHandshake ?? ((line: string) => process.stdout.write(`${line}\n`));
  const onShutdown = options.onShutdown ?? (() => process.exit(0));

  const range = portRangeFrom(env);
  const security = serverSecurity(env, (message) => log(message, 'warn'));
  const services = loadServices();
  const server = new Server({ 'grpc.max_receive_message_length': MAX_MESSAGE_BYTES, 'grpc.max_send_message_length': MAX_MESSAGE_BYTES });
  const stdio = new StdioStreams();

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      stdio.endAll();
      await stopGracefully(server);
    })();
    return stopping;
  };
  const shutdown = (): void => {
    log('plugin.GRPCController.Shutdown: stopping the server', 'debug');
    void stop()
      .then(() => onShutdown())
      .catch((error: unknown) => log(`shutdown failed: ${error instanceof Error ? error.message : String(error)}`, 'error'));
  };

  server.addService(services.provider, typeof provider === 'function' ? deferred(services.provider, provider) : implemented(provider));
  server.addService(services.controller, controllerHandlers(shutdown));
  server.addService(services.stdio, stdio.handlers);
  addHealthService(server, services.health);

  const port = await bind(server, range, security.credentials);
  const handshake = handshakeLine(port, security.certificate);
  writeHandshake(handshake);
  log(`serving tfplugin6 on 127.0.0.1:${port} (${security.certificate ? 'mutual TLS' : 'no TLS'})`, 'info', { port, tls: security.certificate !== undefined });
  return { port, server, handshake, certificate: security.certificate, stop };
}

/**
 * The side services a go-plugin host may call besides tfplugin6.Provider (protos in
 * specs/terraform-plugin-protocol/go-plugin/ and grpc/health/v1/): grpc.health.v1.Health (`plugin` and "" SERVING),
 * plugin.GRPCController.Shutdown (stop serving, then exit) and plugin.GRPCStdio.StreamStdio (kept open and
 * silent: our logs go to stderr, which go-plugin already forwards to Terraform's log).
 *
 * Calls no endpoint.
 */
import type * as grpc from '@grpc/grpc-js';
import { status as grpcStatus } from './grpc-server';
import type { Empty as GoogleEmpty } from './generated/google/protobuf/Empty';
import type { GRPCControllerHandlers } from './generated/plugin/GRPCController';
import type { GRPCStdioHandlers } from './generated/plugin/GRPCStdio';
import type { StdioData } from './generated/plugin/StdioData';

type ServingStatus = 'UNKNOWN' | 'SERVING' | 'NOT_SERVING' | 'SERVICE_UNKNOWN';

interface HealthCheckRequest {
  readonly service: string;
}

interface HealthCheckResponse {
  readonly status: ServingStatus;
}

interface HealthListResponse {
  readonly statuses: Record<string, HealthCheckResponse>;
}

interface HealthHandlers extends grpc.UntypedServiceImplementation {
  Check: grpc.handleUnaryCall<HealthCheckRequest, HealthCheckResponse>;
  Watch: grpc.handleServerStreamingCall<HealthCheckRequest, HealthCheckResponse>;
  List: grpc.handleUnaryCall<object, HealthListResponse>;
}

/** What the health service answers: the go-plugin service and the server as a whole; nothing ever changes. */
const SERVING: Readonly<Record<string, ServingStatus>> = { plugin: 'SERVING', '': 'SERVING' };

/**
 * grpc.health.v1.Health, as grpc-health-check's HealthImplementation serves it (written here because that library
 * reads its .proto from its own directory at load time, which the provider package's single-file bundle has not).
 */
function healthHandlers(statuses: Readonly<Record<string, ServingStatus>> = SERVING): HealthHandlers {
  return {
    Check: (call, callback) => {
      const status = statuses[call.request.service];
      if (status === undefined) callback({ code: grpcStatus.NOT_FOUND, details: `Health status unknown for service ${call.request.service}` });
      else callback(null, { status });
    },
    // The status never changes: send it once and keep the stream open, as the protocol asks.
    Watch: (call) => {
      call.write({ status: statuses[call.request.service] ?? 'SERVICE_UNKNOWN' });
    },
    List: (_call, callback) => {
      callback(null, { statuses: Object.fromEntries(Object.entries(statuses).map(([service, status]) => [service, { status }])) });
    },
  };
}

/** The health service go-plugin's client checks: service `plugin` (and the server as a whole, "") SERVING. */
export function addHealthService(server: grpc.Server, definition: grpc.ServiceDefinition): void {
  server.addService(definition, healthHandlers());
}

/** GRPCController: Shutdown answers, then asks the server to stop (which then exits the process). */
export function controllerHandlers(shutdown: () => void): GRPCControllerHandlers {
  return {
    Shutdown: (_call, callback) => {
      callback(null, {});
      // After the answer is on its way: stopping first would cancel the call Terraform waits on.
      setImmediate(shutdown);
    },
  };
}

type StdioStream = grpc.ServerWritableStream<GoogleEmpty, StdioData>;

/** GRPCStdio: the streams Terraform holds open, to be ended when the server stops. */
export class StdioStreams {
  private readonly open = new Set<StdioStream>();

  readonly handlers: GRPCStdioHandlers = {
    StreamStdio: (call) => {
      this.open.add(call);
      call.on('cancelled', () => this.open.delete(call));
      call.on('close', () => this.open.delete(call));
    },
  };

  /** Ends every open stream (OK status), so a graceful stop is not held up by them. */
  endAll(): void {
    for (const call of this.open) call.end();
    this.open.clear();
  }

  get size(): number {
    return this.open.size;
  }
}

/**
 * The side services a go-plugin host may call besides tfplugin6.Provider (protos in
 * specs/terraform-plugin-protocol/go-plugin/): grpc.health.v1.Health (`plugin` and "" SERVING),
 * plugin.GRPCController.Shutdown (stop serving, then exit) and plugin.GRPCStdio.StreamStdio (kept open and
 * silent: our logs go to stderr, which go-plugin already forwards to Terraform's log).
 *
 * Calls no endpoint.
 */
import type * as grpc from '@grpc/grpc-js';
import { HealthImplementation } from 'grpc-health-check';
import type { Empty as GoogleEmpty } from './generated/google/protobuf/Empty';
import type { GRPCControllerHandlers } from './generated/plugin/GRPCController';
import type { GRPCStdioHandlers } from './generated/plugin/GRPCStdio';
import type { StdioData } from './generated/plugin/StdioData';

/** The health service go-plugin's client checks: service `plugin` (and the server as a whole, "") SERVING. */
export function addHealthService(server: grpc.Server): void {
  new HealthImplementation({ plugin: 'SERVING', '': 'SERVING' }).addToServer(server);
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

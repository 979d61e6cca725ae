#!/usr/bin/env node
/**
 * terraform-provider-repliform: the executable Terraform starts (through the launcher `repliform provider
 * install` writes). Checks it was started by Terraform, then serves the provider until Terraform shuts it down.
 * stdout carries the handshake line only; stderr carries hclog JSON lines only (hclog.ts), which Terraform
 * re-logs at their level under the provider's name — from console.*, grpc-js, Node's warnings and a crash too.
 *
 * Calls no endpoint itself (the provider service's handlers do).
 */
import * as nodeModule from 'node:module';
import * as grpcServer from './grpc-server';
import { NOT_STARTED_BY_TERRAFORM, pluginEnvironmentProblem } from './handshake';
import { sinceProcessStart } from '../runtime/metrics';
import { createHclogLogger, routeConsole, routeGrpcLogs, routeProcessWarnings, thresholdFrom, type HclogLogger } from './hclog';
import type { ProviderService } from './service';

function dying(log: HclogLogger, what: string, error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  log.fatal(`terraform-provider-repliform: ${what}${message}`, { stack: error instanceof Error ? error.stack : undefined });
  process.exit(1);
}

async function main(log: HclogLogger): Promise<void> {
  const problem = pluginEnvironmentProblem(process.env);
  if (problem === NOT_STARTED_BY_TERRAFORM) {
    // A person ran it by hand: no go-plugin reads this, so plain text (go-plugin's own servers do the same).
    process.stderr.write(`${problem}\n`);
    process.exitCode = 1;
    return;
  }
  if (problem !== undefined) {
    log.fatal(problem);
    process.exitCode = 1;
    return;
  }
  // Terraform forwards Ctrl-C as StopProvider and ends the plugin with GRPCController.Shutdown (go-plugin eats SIGINT too).
  process.on('SIGINT', () => log.debug('SIGINT ignored: Terraform stops the provider through StopProvider'));

  const { serveProvider } = await import('./serve');
  routeGrpcLogs(grpcServer, log);
  // Loaded after the handshake line (the catalogue's HTTP clients and schemas): Terraform connects meanwhile.
  let service: Promise<ProviderService> | undefined;
  const loadService = (): Promise<ProviderService> => (service ??= import('./service').then(({ createProviderService }) => createProviderService({ log })));
  await serveProvider(() => loadService().then((loaded) => loaded.handlers), {
    log: (message, level, fields) => log.log(level, message, fields),
    onShutdown: async () => {
      await (await loadService()).close();
      process.exit(0);
    },
  });
  const handshakeMs = sinceProcessStart();
  (await loadService()).started(handshakeMs);
  setImmediate(flushCompileCache);
}

/**
 * Writes the compiled code to the cache the launcher names (NODE_COMPILE_CACHE, Node 22.10+) once serving, not only
 * at exit: the next start (Terraform starts the provider several times per command) compiles the bundle no more.
 */
function flushCompileCache(): void {
  if ('flushCompileCache' in nodeModule && typeof nodeModule.flushCompileCache === 'function') nodeModule.flushCompileCache();
}

const log = createHclogLogger(thresholdFrom(process.env));
// Before anything can print: nothing but the handshake may reach stdout, and nothing but JSON stderr.
routeConsole(console, log);
routeProcessWarnings(process, log);
process.on('uncaughtException', (error) => dying(log, 'uncaught error: ', error));
main(log).catch((error: unknown) => dying(log, '', error));

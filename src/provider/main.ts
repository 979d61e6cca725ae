#!/usr/bin/env node
/**
 * terraform-provider-repliform: the executable Terraform starts (through the launcher `repliform provider
 * install` writes). Checks it was started by Terraform, then serves the provider until Terraform shuts it down.
 * stdout carries the handshake line only; everything else goes to stderr (Terraform's log).
 *
 * Calls no endpoint itself (the provider service's handlers do).
 */
import { pluginEnvironmentProblem } from './handshake';

async function main(): Promise<void> {
  const problem = pluginEnvironmentProblem(process.env);
  if (problem !== undefined) {
    process.stderr.write(`${problem}\n`);
    process.exitCode = 1;
    return;
  }
  // Nothing but the handshake may reach stdout; a stray console.log would otherwise confuse go-plugin.
  console.log = console.error;
  // Terraform forwards Ctrl-C as StopProvider and ends the plugin with GRPCController.Shutdown (go-plugin eats SIGINT too).
  process.on('SIGINT', () => process.stderr.write('SIGINT ignored: Terraform stops the provider through StopProvider\n'));

  const [{ serveProvider }, { createProviderService }] = await Promise.all([import('./serve'), import('./service')]);
  const service = createProviderService();
  await serveProvider(service.handlers, {
    onShutdown: async () => {
      await service.close();
      process.exit(0);
    },
  });
  service.started();
}

main().catch((error: unknown) => {
  process.stderr.write(`terraform-provider-repliform: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});

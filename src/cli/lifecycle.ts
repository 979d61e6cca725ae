/**
 * `repliform lifecycle <create|read|update|delete> <kind>`: what the Terraform provisioners run.
 * The spec comes from REPLIFORM_SPEC (JSON) or --spec-file; the result (state JSON) goes to stdout,
 * logs and progress to stderr.
 */
import { readFileSync } from 'node:fs';
import { isApiError } from '../../lib/client/http/errors';
import type { Context, LifecycleAction } from '../resources/contract';
import { createClientFactory } from '../resources/clients';
import { InputError, isInputError } from '../resources/errors';
import { handlerFor } from '../resources/registry';
import { EXIT_BAD_INPUT, EXIT_FAILED, EXIT_OK } from './exit-codes';
import { createLogger, logLevelFrom, type CliLogger } from './logger';
import { createProgress } from './progress';

export const LIFECYCLE_ACTIONS: readonly LifecycleAction[] = ['create', 'read', 'update', 'delete'];

export interface LifecycleOptions {
  readonly specFile?: string;
  readonly env?: NodeJS.ProcessEnv;
  readonly stdout?: NodeJS.WritableStream;
  readonly stderr?: NodeJS.WriteStream;
  readonly signal?: AbortSignal;
}

function readRawSpec(options: LifecycleOptions, env: NodeJS.ProcessEnv): unknown {
  const text = options.specFile !== undefined ? readSpecFile(options.specFile) : env.REPLIFORM_SPEC;
  if (text === undefined || text.trim() === '') {
    throw new InputError('spec', 'no spec given: set REPLIFORM_SPEC to the spec JSON or pass --spec-file FILE');
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const source = options.specFile ?? 'REPLIFORM_SPEC';
    throw new InputError('spec', `${source} is not valid JSON (${(error as Error).message})`);
  }
}

function readSpecFile(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new InputError('--spec-file', `cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

function parseAction(action: string): LifecycleAction {
  const found = LIFECYCLE_ACTIONS.find((candidate) => candidate === action);
  if (!found) throw new InputError('action', `unknown action ${JSON.stringify(action)}; allowed: ${LIFECYCLE_ACTIONS.join(', ')}`);
  return found;
}

async function perform(action: LifecycleAction, kind: string, options: LifecycleOptions, log: CliLogger, label: { text: string }): Promise<unknown> {
  const env = options.env ?? process.env;
  const handler = handlerFor(kind);
  const spec = handler.parseSpec(readRawSpec(options, env), action);
  label.text = `${kind} ${handler.describe(spec)}`;
  const clients = createClientFactory({ log, env, onRequest: (entry) => log.request(entry), signal: options.signal });
  const ctx: Context = {
    log,
    clients,
    signal: options.signal,
    progress: createProgress({ stream: options.stderr ?? process.stderr, quiet: log.level === 'quiet' }),
  };
  try {
    switch (action) {
      case 'create':
        return await handler.create(spec, ctx);
      case 'read':
        return (await handler.read(spec, ctx)) ?? null;
      case 'update':
        return handler.update ? await handler.update(spec, ctx) : await handler.create(spec, ctx);
      case 'delete':
        await handler.delete(spec, ctx);
        return null;
    }
  } finally {
    await Promise.all(clients.all().map((client) => client.logout().catch(() => undefined)));
  }
}

/** Runs one lifecycle action and returns the process exit code; never throws. */
export async function runLifecycle(action: string, kind: string, options: LifecycleOptions = {}): Promise<number> {
  const env = options.env ?? process.env;
  const log = createLogger(logLevelFrom(env), (line) => (options.stderr ?? process.stderr).write(`${line}\n`));
  const label = { text: kind };
  try {
    const parsedAction = parseAction(action);
    const result = await perform(parsedAction, kind, options, log, label);
    // create, read and update report the live state; delete has nothing to report.
    if (parsedAction !== 'delete') (options.stdout ?? process.stdout).write(`${JSON.stringify(result)}\n`);
    return EXIT_OK;
  } catch (error) {
    const badInput = isInputError(error);
    const message = error instanceof Error ? error.message : String(error);
    const verb = badInput ? 'rejected' : 'failed';
    (options.stderr ?? process.stderr).write(`repliform: ${label.text} ${action} ${verb}: ${message}\n`);
    if (!badInput && !isApiError(error) && log.level === 'debug' && error instanceof Error) log.debug(error.stack ?? '');
    return badInput ? EXIT_BAD_INPUT : EXIT_FAILED;
  }
}

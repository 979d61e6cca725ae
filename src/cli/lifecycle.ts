/**
 * `repliform lifecycle <create|read|update|delete> <kind>`: what the Terraform provisioners run.
 * The spec comes from REPLIFORM_SPEC (JSON) or --spec-file; the result (state JSON) goes to stdout,
 * logs and progress to stderr.
 */
import { readFileSync } from 'node:fs';
import { isApiError } from '../../lib/client/http/errors';
import { inConstructTerms } from '../resources/construct-props';
import type { BoundSpec, Context, LifecycleAction } from '../resources/contract';
import { InputError, isInputError } from '../resources/errors';
import { consumeJustApplied, recordApplied } from './applied-marker';
import { cacheDirFrom } from '../runtime/cache-dir';
import { EXIT_BAD_INPUT, EXIT_FAILED, EXIT_OK } from './exit-codes';
import { createLogger, logLevelFrom, type ProcessLogger } from '../runtime/logger';
import { appendMetrics, cpuTimeMs, metricsFile, peakMemoryKb, sinceProcessStart, type ProcessMetrics } from '../runtime/metrics';
import { createProgress } from '../runtime/progress';

export const LIFECYCLE_ACTIONS: readonly LifecycleAction[] = ['create', 'read', 'update', 'delete'];

export interface LifecycleOptions {
  readonly specFile?: string;
  readonly env?: NodeJS.ProcessEnv;
  readonly stdout?: NodeJS.WritableStream;
  readonly stderr?: NodeJS.WriteStream;
  readonly signal?: AbortSignal;
}

function readSpecText(options: LifecycleOptions, env: NodeJS.ProcessEnv): string {
  const text = options.specFile !== undefined ? readSpecFile(options.specFile) : env.REPLIFORM_SPEC;
  if (text === undefined || text.trim() === '') {
    throw new InputError('spec', 'no spec given: set REPLIFORM_SPEC to the spec JSON or pass --spec-file FILE');
  }
  return text;
}

function parseSpecJson(text: string, options: LifecycleOptions): unknown {
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

/**
 * `null` or `{}`: what Terraform passes for a resource whose `input` is null, which is what `terraform import`
 * of a terraform_data resource leaves (it accepts any id and stores no input).
 */
function isMissingSpec(text: string): boolean {
  const trimmed = text.trim();
  return trimmed === 'null' || /^\{\s*\}$/.test(trimmed);
}

const NO_SPEC =
  'this resource has no spec (its input is null), which is what `terraform import` leaves: repliform lifecycle resources cannot be imported';
const NO_SPEC_REMEDY =
  'run `terraform state rm <address>` (the address Terraform shows for this resource), then apply again; ' +
  'to take over a replication this code did not create, set `adopt: true` on its VrReplication instead of importing';

/** Delete of a resource without a spec: nothing can be identified, so nothing is touched, loudly (never wedges the state). */
function skipDeleteWithoutSpec(run: Invocation): number {
  run.log.warn(
    `${run.kind} delete skipped: ${NO_SPEC}. Nothing was deleted on the server: a replication that exists is left as it is. ` +
      'If this was `terraform import`, the create that follows manages the real object (with `adopt: true` when this code did not create it).',
  );
  return EXIT_OK;
}

function parseAction(action: string): LifecycleAction {
  const found = LIFECYCLE_ACTIONS.find((candidate) => candidate === action);
  if (!found) throw new InputError('action', `unknown action ${JSON.stringify(action)}; allowed: ${LIFECYCLE_ACTIONS.join(', ')}`);
  return found;
}

/** One invocation: what it is about (for messages) and what it cost (for REPLIFORM_METRICS_FILE). */
interface Invocation {
  readonly action: string;
  readonly kind: string;
  readonly options: LifecycleOptions;
  readonly env: NodeJS.ProcessEnv;
  readonly log: ProcessLogger;
  /** "vr.replication web-01" once the spec is parsed. */
  label: string;
  counts: Pick<ProcessMetrics, 'requests' | 'retries' | 'logins' | 'taskPolls'>;
}

async function perform(run: Invocation, action: LifecycleAction, specText: string): Promise<unknown> {
  const { env, log, options } = run;
  // Loaded here, not at the top: the fast path of runAndReport needs none of it.
  const { kindFor } = await import('../resources/registry');
  const { createClientFactory } = await import('../resources/clients');
  const spec = (await kindFor(run.kind)).parse(parseSpecJson(specText, options), action);
  run.label = `${run.kind} ${spec.label}`;
  const { cacheOwnershipRecords } = await import('../resources/ownership');
  const cacheDir = cacheDirFrom(env);
  const clients = createClientFactory({ log, env, onRequest: (entry) => log.request(entry), signal: options.signal, sharedStateDir: cacheDir });
  const ctx: Context = {
    ownership: cacheOwnershipRecords(cacheDir),
    env,
    log,
    clients,
    signal: options.signal,
    progress: createProgress({ stream: options.stderr ?? process.stderr, quiet: log.level === 'quiet' }),
  };
  try {
    return await dispatch(action, spec, ctx);
  } finally {
    await Promise.all(clients.all().map((client) => client.logout().catch(() => undefined)));
    const stats = clients.all().map((client) => client.stats);
    const sum = (field: 'requests' | 'retries' | 'logins' | 'taskPolls') => stats.reduce((total, s) => total + s[field], 0);
    run.counts = { requests: sum('requests'), retries: sum('retries'), logins: sum('logins'), taskPolls: sum('taskPolls') };
  }
}

async function dispatch(action: LifecycleAction, spec: BoundSpec, ctx: Context): Promise<unknown> {
  switch (action) {
    case 'create':
      return spec.create(ctx);
    case 'read':
      return (await spec.read(ctx)) ?? null;
    case 'update':
      return spec.update(ctx);
    case 'delete':
      await spec.delete(ctx);
      return null;
  }
}

async function runAndReport(run: Invocation): Promise<number> {
  const stderr = run.options.stderr ?? process.stderr;
  try {
    const action = parseAction(run.action);
    const specText = readSpecText(run.options, run.env);
    if (isMissingSpec(specText)) {
      if (action === 'delete') return skipDeleteWithoutSpec(run);
      throw new InputError('spec', `${NO_SPEC}; ${NO_SPEC_REMEDY}`);
    }
    const cacheDir = cacheDirFrom(run.env);
    if (action === 'update' && cacheDir !== undefined && consumeJustApplied(cacheDir, run.kind, specText)) {
      run.log.info(`${run.kind}: nothing to update: the create that just ran applied exactly this spec`);
      return EXIT_OK;
    }
    const result = await perform(run, action, specText);
    if (action === 'create' && cacheDir !== undefined) recordApplied(cacheDir, run.kind, specText);
    // create, read and update report the live state; delete has nothing to report.
    if (action !== 'delete') (run.options.stdout ?? process.stdout).write(`${JSON.stringify(result)}\n`);
    return EXIT_OK;
  } catch (error) {
    const badInput = isInputError(error);
    // The spec was synthesized from construct props: name the prop the user wrote next to each spec field.
    const message = inConstructTerms(run.kind, error instanceof Error ? error.message : String(error));
    stderr.write(`repliform: ${run.label} ${run.action} ${badInput ? 'rejected' : 'failed'}: ${message}\n`);
    if (!badInput && !isApiError(error) && error instanceof Error) run.log.debug(error.stack ?? '');
    return badInput ? EXIT_BAD_INPUT : EXIT_FAILED;
  }
}

/** Runs one lifecycle action and returns the process exit code; never throws. */
export async function runLifecycle(action: string, kind: string, options: LifecycleOptions = {}): Promise<number> {
  const env = options.env ?? process.env;
  const log = createLogger(logLevelFrom(env), (line) => (options.stderr ?? process.stderr).write(`${line}\n`));
  const startupMs = sinceProcessStart();
  const run: Invocation = { action, kind, options, env, log, label: kind, counts: {} };
  const exitCode = await runAndReport(run);
  const file = metricsFile(env);
  if (file) appendMetrics(file, { action, kind, exitCode, startupMs, totalMs: sinceProcessStart(), maxRssKb: peakMemoryKb(), cpuMs: cpuTimeMs(), ...run.counts });
  return exitCode;
}

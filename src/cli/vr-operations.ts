/**
 * `repliform vr <sync|pause|resume>`: the runbook operations on one replication, named either by the
 * synthesized stack (`--stack-dir cdktf.out/stacks/<stack> --construct <path>`, the spec read from its
 * cdk.tf.json) or by VM, pairing and connection options. Waits on the task with progress on stderr, prints
 * the replication afterwards as JSON on stdout; exit 0 done, 1 failed, 2 bad input (nothing changed).
 */
import { join } from 'node:path';
import { isApiError } from '../../lib/client/http/errors';
import { InputError, isInputError, listForMessage } from '../resources/errors';
import { ENV_VAR_NAME } from '../resources/connection';
import type { Context } from '../resources/contract';
import type { OperationTarget, ReplicationOperation } from '../resources/vr/operations';
import { cacheDirFrom } from '../runtime/cache-dir';
import { EXIT_BAD_INPUT, EXIT_FAILED, EXIT_OK } from './exit-codes';
import { createLogger, logLevelFrom } from '../runtime/logger';
import { createProgress } from '../runtime/progress';
import { isSelected, resourcesOfKinds } from '../resources/synthesized-stack';

/** The command-line options, as commander parses them. */
export interface VrOperationOptions {
  readonly stackDir?: string;
  readonly construct?: string;
  readonly vm?: string;
  readonly vmId?: string;
  readonly remoteSite?: string;
  readonly pairingId?: string;
  readonly endpoint?: string;
  readonly usernameEnv?: string;
  readonly passwordEnv?: string;
  readonly remoteUsernameEnv?: string;
  readonly remotePasswordEnv?: string;
  readonly caBundleFile?: string;
  readonly insecure?: boolean;
  readonly timeoutMinutes?: string;
}

export interface VrOperationIo {
  readonly env?: NodeJS.ProcessEnv;
  readonly stdout?: NodeJS.WritableStream;
  readonly stderr?: NodeJS.WriteStream;
  readonly signal?: AbortSignal;
}

const DEFAULT_TIMEOUT_MINUTES = 30;
const STACK_OPTIONS = ['stackDir', 'construct'] as const;
const DIRECT_OPTIONS = ['vm', 'vmId', 'remoteSite', 'pairingId', 'endpoint', 'usernameEnv', 'passwordEnv', 'remoteUsernameEnv', 'remotePasswordEnv', 'caBundleFile'] as const;

interface Resolved {
  readonly target: OperationTarget;
  readonly timeoutSeconds: number;
}

/** Runs one operation and returns the exit code; never throws. */
export async function runVrOperation(operation: ReplicationOperation, options: VrOperationOptions, io: VrOperationIo = {}): Promise<number> {
  const env = io.env ?? process.env;
  const stderr = io.stderr ?? process.stderr;
  const log = createLogger(logLevelFrom(env), (line) => stderr.write(`${line}\n`));
  let label = 'replication';
  try {
    const resolved = await resolveTarget(options);
    label = resolved.target.vm.name ?? resolved.target.vm.id ?? label;
    const { createClientFactory } = await import('../resources/clients');
    const { runReplicationOperation } = await import('../resources/vr/operations');
    const clients = createClientFactory({ log, env, onRequest: (entry) => log.request(entry), signal: io.signal, sharedStateDir: cacheDirFrom(env) });
    const ctx: Context = { env, log, clients, signal: io.signal, progress: createProgress({ stream: stderr, quiet: log.level === 'quiet' }) };
    try {
      const result = await runReplicationOperation(operation, resolved.target, ctx, resolved.timeoutSeconds);
      (io.stdout ?? process.stdout).write(`${JSON.stringify(result)}\n`);
    } finally {
      await Promise.all(clients.all().map((client) => client.logout().catch(() => undefined)));
    }
    return EXIT_OK;
  } catch (error) {
    const badInput = isInputError(error);
    const message = error instanceof Error ? error.message : String(error);
    stderr.write(`repliform: vr ${operation} ${label} ${badInput ? 'rejected' : 'failed'}: ${message}\n`);
    if (!badInput && !isApiError(error) && error instanceof Error) log.debug(error.stack ?? '');
    return badInput ? EXIT_BAD_INPUT : EXIT_FAILED;
  }
}

async function resolveTarget(options: VrOperationOptions): Promise<Resolved> {
  const stackGiven = STACK_OPTIONS.filter((name) => options[name] !== undefined);
  const directGiven = DIRECT_OPTIONS.filter((name) => options[name] !== undefined);
  if (stackGiven.length > 0 && directGiven.length > 0) {
    throw new InputError('options', `name the replication either with --stack-dir and --construct or with --vm and connection options, not both (got ${[...stackGiven, ...directGiven].map(flag).join(', ')})`);
  }
  const timeoutSeconds = timeoutFrom(options.timeoutMinutes);
  if (stackGiven.length > 0) return fromStack(options, timeoutSeconds);
  if (directGiven.length > 0) return { target: await fromOptions(options), timeoutSeconds: timeoutSeconds ?? DEFAULT_TIMEOUT_MINUTES * 60 };
  throw new InputError('options', 'name the replication: --stack-dir cdktf.out/stacks/<stack> --construct <path>, or --vm <name> --remote-site <site> --endpoint <url> --username-env <VAR> --password-env <VAR>');
}

function flag(name: string): string {
  return `--${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

function timeoutFrom(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const minutes = Number(text);
  if (!Number.isInteger(minutes) || minutes <= 0) throw new InputError('--timeout-minutes', `must be a positive integer number of minutes, got ${JSON.stringify(text)}`);
  return minutes * 60;
}

function requireOption(options: VrOperationOptions, name: keyof VrOperationOptions, what: string): string {
  const value = options[name];
  if (typeof value !== 'string' || value.trim() === '') throw new InputError(flag(name), `is required: ${what}`);
  return value;
}

function exactlyOneOf(options: VrOperationOptions, a: 'vm' | 'remoteSite', b: 'vmId' | 'pairingId', what: string): void {
  const given = [a, b].filter((name) => options[name] !== undefined);
  if (given.length !== 1) {
    const got = given.length === 0 ? 'neither' : 'both';
    throw new InputError(`${flag(a)}/${flag(b)}`, `give exactly one of ${flag(a)} or ${flag(b)} (${what}), got ${got}`);
  }
}

function envVarName(options: VrOperationOptions, name: 'usernameEnv' | 'passwordEnv' | 'remoteUsernameEnv' | 'remotePasswordEnv'): string | undefined {
  const value = options[name];
  if (value === undefined) return undefined;
  if (!ENV_VAR_NAME.test(value)) {
    // A password given by mistake must not be echoed.
    throw new InputError(flag(name), 'must be the NAME of an environment variable ([A-Za-z_][A-Za-z0-9_]*), never its value; got something else (not shown)');
  }
  return value;
}

async function fromOptions(options: VrOperationOptions): Promise<OperationTarget> {
  exactlyOneOf(options, 'vm', 'vmId', 'the VM');
  exactlyOneOf(options, 'remoteSite', 'pairingId', 'the pairing');
  const endpoint = requireOption(options, 'endpoint', 'the URL of the local vSphere Replication appliance, e.g. https://vr-a.example.local');
  if (!/^https?:\/\/[^/\s]+/.test(endpoint)) throw new InputError('--endpoint', `must be an http(s) URL such as https://vr-a.example.local, got ${JSON.stringify(endpoint)}`);
  requireOption(options, 'usernameEnv', 'the NAME of the environment variable holding the user');
  requireOption(options, 'passwordEnv', 'the NAME of the environment variable holding the password');
  const username = envVarName(options, 'usernameEnv') ?? '';
  const password = envVarName(options, 'passwordEnv') ?? '';
  const remoteUsername = envVarName(options, 'remoteUsernameEnv');
  const remotePassword = envVarName(options, 'remotePasswordEnv');
  if ((remoteUsername === undefined) !== (remotePassword === undefined)) {
    throw new InputError('--remote-username-env/--remote-password-env', 'give both or neither (neither: the local credentials are used on the remote site)');
  }
  return {
    connection: {
      endpoint,
      credentials: { username_env: username, password_env: password },
      remote_credentials: remoteUsername !== undefined && remotePassword !== undefined ? { username_env: remoteUsername, password_env: remotePassword } : null,
      ca_bundle_file: options.caBundleFile ?? null,
      insecure: options.insecure === true,
    },
    pairing: { id: options.pairingId ?? null, remote_site: options.remoteSite ?? null },
    vm: { id: options.vmId ?? null, name: options.vm ?? null },
  };
}

async function fromStack(options: VrOperationOptions, timeoutSeconds: number | undefined): Promise<Resolved> {
  const stackDir = requireOption(options, 'stackDir', 'the synthesized stack, e.g. cdktf.out/stacks/dr-site-b');
  const construct = requireOption(options, 'construct', 'the VrReplication construct path, e.g. web-01');
  const candidates = resourcesOfKinds(stackDir, ['vr.replication'], 'name the replication with --vm and connection options instead');
  const found = candidates.filter((candidate) => isSelected(candidate, [construct], []));
  if (found.length !== 1) {
    const known = candidates.map((candidate) => candidate.owner);
    const why = found.length === 0 ? 'no VrReplication' : 'more than one VrReplication';
    throw new InputError('--construct', `${why} at ${JSON.stringify(construct)} in ${join(stackDir, 'cdk.tf.json')}; replications: ${listForMessage(known)}`);
  }
  const { parseSpec } = await import('../resources/parse-spec');
  const { vrReplicationSpecSchema } = await import('../resources/vr/replication/schema');
  const spec = parseSpec(vrReplicationSpecSchema, found[0].input, 'vr.replication');
  return { target: spec, timeoutSeconds: timeoutSeconds ?? spec.timeouts.update_seconds };
}

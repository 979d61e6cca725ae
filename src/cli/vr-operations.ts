/**
 * `repliform vr <sync|pause|resume>`: the runbook operations on one replication, named either by the
 * synthesized stack (`--stack-dir cdktf.out/stacks/<stack> --construct <path>`, the spec read from its
 * cdk.tf.json) or by VM, pairing and connection options. Waits on the task with progress on stderr, prints
 * the replication afterwards as JSON on stdout; exit 0 done, 1 failed, 2 bad input (nothing changed).
 */
import { readFileSync } from 'node:fs';
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
import { resourceTypeOf } from '../resources/terraform-names';
import { timeoutsAsSeconds } from '../resources/timeout-durations';

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

interface SynthesizedResource {
  readonly input?: unknown;
  readonly triggers_replace?: { readonly kind?: unknown };
  readonly '//'?: { readonly metadata?: { readonly path?: unknown } };
}

interface Candidate {
  readonly owner: string;
  readonly path: string;
  readonly input: unknown;
}

function readStack(stackDir: string): Record<string, Record<string, SynthesizedResource>> {
  const file = join(stackDir, 'cdk.tf.json');
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new InputError('--stack-dir', `cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); synthesize first (node main.js) and pass cdktf.out/stacks/<stack>`);
  }
  try {
    const parsed = JSON.parse(text) as { resource?: Record<string, Record<string, SynthesizedResource>> };
    return parsed.resource ?? {};
  } catch (error) {
    throw new InputError('--stack-dir', `${file} is not valid JSON (${(error as Error).message})`);
  }
}

/** Keys of a synthesized resource block that are Terraform's, not the spec's. */
const TERRAFORM_KEYS = new Set(['//', '_', 'depends_on', 'provider', 'lifecycle', 'count', 'for_each']);

/**
 * A provider-backed resource's spec: its attributes, with those in Terraform's `_` escape block (the connection), and
 * its timeouts in the spec's seconds (the provider's resources write durations: `create = "60m"`).
 */
function providerSpec(resource: Record<string, unknown>): Record<string, unknown> {
  const escaped = resource._;
  const own = Object.fromEntries(Object.entries(resource).filter(([key]) => !TERRAFORM_KEYS.has(key)));
  const attributes = typeof escaped === 'object' && escaped !== null ? { ...own, ...escaped } : own;
  return 'timeouts' in attributes ? { ...attributes, timeouts: timeoutsAsSeconds(attributes.timeouts) } : attributes;
}

function candidateOf(resource: SynthesizedResource, input: unknown): Candidate {
  const owner = typeof input === 'object' && input !== null ? (input as { owner?: unknown }).owner : undefined;
  const metadataPath = resource['//']?.metadata?.path;
  const path = typeof metadataPath === 'string' ? metadataPath.replace(/\/replication(\/Resource)?$/, '') : '';
  return { owner: typeof owner === 'string' ? owner : path, path, input };
}

/** The replications of the stack: the identity resources of kind vr.replication (their input is the full spec), or the provider's resources. */
function replicationsIn(resources: Record<string, Record<string, SynthesizedResource>>): Candidate[] {
  const lifecycle = Object.values(resources.terraform_data ?? {})
    .filter((resource) => resource.triggers_replace?.kind === 'vr.replication' && typeof resource.input === 'object' && resource.input !== null)
    .map((resource) => candidateOf(resource, resource.input));
  const provider = Object.values(resources[resourceTypeOf('vr.replication')] ?? {}).map((resource) => candidateOf(resource, providerSpec(resource as Record<string, unknown>)));
  return [...lifecycle, ...provider];
}

/** `web-01`, `dr-site-b/web-01`: the construct path within the stack, or with the stack name in front. */
function matches(candidate: Candidate, construct: string): boolean {
  const wanted = construct.replace(/^\/+|\/+$/g, '');
  const withinStack = (path: string) => path.split('/').slice(1).join('/');
  return [candidate.owner, candidate.path].some((path) => path !== '' && (path === wanted || withinStack(path) === wanted));
}

async function fromStack(options: VrOperationOptions, timeoutSeconds: number | undefined): Promise<Resolved> {
  const stackDir = requireOption(options, 'stackDir', 'the synthesized stack, e.g. cdktf.out/stacks/dr-site-b');
  const construct = requireOption(options, 'construct', 'the VrReplication construct path, e.g. web-01');
  const resources = readStack(stackDir);
  const candidates = replicationsIn(resources);
  if (candidates.length === 0 && resources.null_resource !== undefined) {
    throw new InputError('--stack-dir', 'this stack uses the null_resource backing, whose specs are Terraform expressions: name the replication with --vm and connection options instead');
  }
  const found = candidates.filter((candidate) => matches(candidate, construct));
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

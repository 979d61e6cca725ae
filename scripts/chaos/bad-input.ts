/**
 * Bad-input cases of the fault campaign, run with the real CLI (`node dist/src/cli/main.js lifecycle …`):
 * each must end with a clear one-line error on stderr, nothing on stdout, the expected exit code, and no
 * change on the server (no write request beyond the session calls, the same replications).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RunningSimulator } from '../../src/simulator';
import { projectRoot, run } from '../deploy-kit';
import { performanceNow, type BadInputCase, type CanaryUsers } from '../bench/harness';
import type { SiteUsers } from '../bench/profiles/vr';

export type { BadInputCase };


export interface BadInputOptions {
  readonly sim: RunningSimulator;
  /** A simulator with --tls whose self-signed certificate is not trusted. */
  readonly tlsSim: RunningSimulator;
  readonly users: SiteUsers;
  /** A valid vr.replication spec (from cdk.tf.json) pointing at `sim`. */
  readonly spec: Record<string, unknown>;
  readonly cwd: string;
  /** Extra environment (the work dir's TMPDIR, XDG dirs). */
  readonly env: NodeJS.ProcessEnv;
  /** Per-request timeout for the unreachable endpoint. */
  readonly httpTimeoutMs: number;
}

const SESSION_CALLS = /\/session$|\/remote-session$/;

/** The `input` of the fleet's first replication identity resource in cdk.tf.json. */
export function replicationSpecFrom(stackDir: string): Record<string, unknown> {
  const json = JSON.parse(readFileSync(join(stackDir, 'cdk.tf.json'), 'utf8')) as { resource: { terraform_data: Record<string, { input: Record<string, unknown> }> } };
  const [key] = Object.keys(json.resource.terraform_data).filter((k) => /_replication_/.test(k)).sort();
  if (!key) throw new Error(`no replication resource in ${stackDir}/cdk.tf.json`);
  return json.resource.terraform_data[key].input;
}

export function withEndpoint(spec: Record<string, unknown>, endpoint: string): Record<string, unknown> {
  const connection = { ...(spec.connection as Record<string, unknown>), endpoint };
  return { ...spec, connection };
}

export interface CaseDefinition {
  readonly name: string;
  readonly expectedExit: number;
  readonly kind?: string;
  readonly specText: string;
  readonly env?: NodeJS.ProcessEnv;
  readonly sim: RunningSimulator;
}

/** What a case runs against, per vendor: the CLI's environment, the kind, and how the server's replications and session calls are told. */
export interface CaseTarget {
  readonly users: CanaryUsers;
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  readonly httpTimeoutMs: number;
  /** The kind a case runs when it names none. */
  readonly kind: string;
  readonly replications: (sim: RunningSimulator) => number;
  /** Requests that only open or extend a session (not writes). */
  readonly sessionCalls: RegExp;
}

export async function runBadInputCases(options: BadInputOptions): Promise<BadInputCase[]> {
  const { sim, tlsSim, spec } = options;
  const valid = JSON.stringify(withEndpoint(spec, sim.url));
  const cases: CaseDefinition[] = [
    { name: 'malformed spec JSON', expectedExit: 2, specText: valid.slice(0, Math.floor(valid.length / 2)), sim },
    { name: 'unknown kind', expectedExit: 2, kind: 'vr.replicaton', specText: valid, sim },
    { name: 'missing credentials variable (VR_SITE_A_PASSWORD unset)', expectedExit: 2, specText: valid, env: { VR_SITE_A_PASSWORD: undefined }, sim },
    { name: 'wrong password', expectedExit: 1, specText: valid, env: { VR_SITE_A_PASSWORD: 'Wrong-Passw0rd-not-the-canary!' }, sim },
    { name: 'TLS certificate not trusted', expectedExit: 1, specText: JSON.stringify(withEndpoint(spec, tlsSim.url)), sim: tlsSim },
    { name: 'endpoint unreachable', expectedExit: 1, specText: JSON.stringify(withEndpoint(spec, 'http://127.0.0.1:9')), sim },
  ];
  const results: BadInputCase[] = [];
  for (const definition of cases) results.push(await runCase(definition, options));
  return results;
}

function runCase(definition: CaseDefinition, options: BadInputOptions): Promise<BadInputCase> {
  return runBadInputCase(definition, { ...options, kind: 'vr.replication', replications: (sim) => sim.state.replications.length, sessionCalls: SESSION_CALLS });
}

/** One case with the real CLI: exit code, one line on stderr, nothing on stdout, no write and the same replications on the server. */
export async function runBadInputCase(definition: CaseDefinition, target: CaseTarget): Promise<BadInputCase> {
  const { sim } = definition;
  const before = sim.requests.length;
  const replicationsBefore = target.replications(sim);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...target.env,
    ...target.users,
    REPLIFORM_HTTP_TIMEOUT_MS: String(target.httpTimeoutMs),
    REPLIFORM_SPEC: definition.specText,
    REPLIFORM_CA_BUNDLE: '',
    ...definition.env,
  };
  for (const [name, value] of Object.entries(env)) if (value === undefined) delete env[name];
  const cli = join(projectRoot(), 'dist', 'src', 'cli', 'main.js');
  const started = performanceNow();
  const result = await run('node', [cli, 'lifecycle', 'create', definition.kind ?? target.kind], { cwd: target.cwd, env });
  const wallMs = performanceNow() - started;
  const stderrLines = result.stderr.split('\n').map((line) => line.trimEnd()).filter((line) => line.trim() !== '');
  const writes = sim.requests.slice(before).filter((r) => r.method !== 'GET' && !target.sessionCalls.test(r.path)).length;
  const replicationsAfter = target.replications(sim);
  const unchanged = writes === 0 && replicationsAfter === replicationsBefore;
  const oneLine = stderrLines.length === 1 && result.stdout.trim() === '';
  return {
    name: definition.name,
    expectedExit: definition.expectedExit,
    exitCode: result.code,
    stderrLines,
    stdout: result.stdout,
    oneLine,
    writes,
    replicationsBefore,
    replicationsAfter,
    unchanged,
    wallMs,
    ok: result.code === definition.expectedExit && oneLine && unchanged,
  };
}

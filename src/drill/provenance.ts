/**
 * Who ran a drill and on which code: the user or CI actor from the environment, and the commit — GITHUB_SHA in
 * GitHub Actions, else `git rev-parse HEAD` in the app that synthesized the stack (cdktf.out/stacks/<stack> is
 * three levels under it), marked when the work tree has uncommitted changes.
 *
 * Calls no endpoint.
 */
import { execFileSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';

export interface Provenance {
  /** The person or CI actor. */
  readonly user: string;
  /** The CI run, when there is one: its system and a link. */
  readonly ci: { readonly system: string; readonly run: string | null } | null;
  readonly commit: { readonly sha: string; readonly source: 'GITHUB_SHA' | 'git'; readonly dirty: boolean } | null;
}

/** Runs git; undefined when it fails (no git, not a repository). */
export type GitRunner = (cwd: string, args: readonly string[]) => string | undefined;

export const systemGit: GitRunner = (cwd, args) => {
  try {
    return execFileSync('git', ['-C', cwd, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
};

function ciOf(env: NodeJS.ProcessEnv): Provenance['ci'] {
  if (env.GITHUB_ACTIONS === 'true') {
    const run = env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID ? `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}` : null;
    return { system: 'GitHub Actions', run };
  }
  if (env.GITLAB_CI === 'true') return { system: 'GitLab CI', run: env.CI_JOB_URL ?? null };
  if (env.CI === 'true') return { system: 'CI', run: null };
  return null;
}

function userOf(env: NodeJS.ProcessEnv): string {
  return env.GITHUB_ACTOR ?? env.GITLAB_USER_LOGIN ?? env.USER ?? env.LOGNAME ?? env.USERNAME ?? 'unknown';
}

/** The app directory of a synthesized stack: <app>/cdktf.out/stacks/<stack>. */
export function appDirOf(stackDir: string): string {
  return dirname(dirname(dirname(resolve(stackDir))));
}

function commitOf(env: NodeJS.ProcessEnv, stackDir: string | undefined, git: GitRunner, appDir: string | undefined): Provenance['commit'] {
  if (env.GITHUB_SHA) return { sha: env.GITHUB_SHA, source: 'GITHUB_SHA', dirty: false };
  if (stackDir === undefined && appDir === undefined) return null;
  const app = appDir ?? appDirOf(stackDir ?? '.');
  const sha = git(app, ['rev-parse', 'HEAD']);
  if (sha === undefined || sha === '') return null;
  const status = git(app, ['status', '--porcelain', '--', '.']);
  return { sha, source: 'git', dirty: status !== undefined && status !== '' };
}

/** `appDir` (--app-dir) names the app when its cdktf.out is elsewhere (CDKTF_OUTDIR). */
export function provenanceOf(env: NodeJS.ProcessEnv, stackDir: string | undefined, git: GitRunner = systemGit, appDir?: string): Provenance {
  return { user: userOf(env), ci: ciOf(env), commit: commitOf(env, stackDir, git, appDir) };
}

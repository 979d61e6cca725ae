/**
 * Where the processes Terraform starts side by side (lifecycle CLI, provider) share state: REPLIFORM_CACHE_DIR, else a private
 * directory in the system temp dir; `REPLIFORM_CACHE_DIR=off` turns sharing off.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function cacheDirFrom(env: NodeJS.ProcessEnv): string | undefined {
  const configured = env.REPLIFORM_CACHE_DIR;
  if (configured === 'off') return undefined;
  if (configured) return configured;
  const user = typeof process.getuid === 'function' ? String(process.getuid()) : (env.USERNAME ?? 'user');
  return join(tmpdir(), `repliform-${user}`);
}

/**
 * Where the installed package is and its version, found by walking up from this file (src/ in tests, dist/src/
 * when installed). The provider package's bundle has no package.json above it: its build embeds the version.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Set by esbuild's `define` in the provider package's bundle (scripts/provider-package.ts); not defined anywhere else. */
declare const REPLIFORM_EMBEDDED_VERSION: string | undefined;

/** The directory holding repliform's package.json. */
export function packageRoot(): string {
  for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
  }
  throw new Error(`repliform: no package.json above ${__dirname}`);
}

export function packageVersion(): string {
  if (typeof REPLIFORM_EMBEDDED_VERSION === 'string') return REPLIFORM_EMBEDDED_VERSION;
  return (JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
}

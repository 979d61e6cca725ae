/**
 * The provider package (`dist/provider-package/`, made by scripts/provider-package.ts at build time, copied into
 * a filesystem mirror by `repliform provider install`): the provider bundled with its dependencies into one
 * CommonJS file, and a fixed POSIX sh launcher with the executable name Terraform requires. Nothing in it names
 * a path of the machine that built or installed it, so its files, and Terraform's `h1:` hash of them, depend on
 * the version only.
 *
 * Calls no endpoint.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROVIDER_SOURCE, PROVIDER_TYPE } from '../resources/terraform-names';

/** The package directory, relative to the package root. */
export const PROVIDER_PACKAGE_DIR = 'dist/provider-package';

/**
 * The bundle: `.cjs`, so that Node reads it as CommonJS whatever package.json a mirror sits under; not named
 * `terraform-provider-…`, since Terraform runs the first file of the package whose name starts so.
 */
export const BUNDLE_FILE = `${PROVIDER_TYPE}-provider.cjs`;

/** Terraform's required name of the provider executable in a mirror: `terraform-provider-TYPE_vVERSION`. */
export function launcherFile(version: string): string {
  return `terraform-provider-${PROVIDER_TYPE}_v${version}`;
}

/** What the launcher says when it finds no Node.js. */
export const NO_NODE = `terraform-provider-${PROVIDER_TYPE}: no Node.js found: put node (20 or later) on the PATH Terraform runs with, or set REPLIFORM_NODE to its path`;

/**
 * The launcher: runs the bundle beside it with the `node` on PATH, or `$REPLIFORM_NODE` when set. Shell
 * built-ins only (Terraform runs plugins by a path, so `$0` names this file's directory), so PATH needs nothing
 * but Node.
 */
export function launcherScript(version: string): string {
  return [
    '#!/bin/sh',
    `# ${PROVIDER_SOURCE} ${version}: Terraform runs this file; it runs the provider bundle beside it`,
    '# with the node on PATH (Node.js 24; 20 or later runs it), or with $REPLIFORM_NODE when that is set.',
    'case $0 in */*) here=${0%/*} ;; *) here=$(command -v -- "$0") && here=${here%/*} ;; esac',
    '# On stdout: Terraform shows the first line a plugin prints there when it is not a handshake.',
    `command -v "\${REPLIFORM_NODE:-node}" >/dev/null || { echo "${NO_NODE}"; exit 1; }`,
    '# Node 22.1+ keeps the compiled bundle in the user\'s cache between starts (Terraform starts the provider several',
    '# times per command); NODE_COMPILE_CACHE set (even empty) or no home directory: left as it is.',
    'if [ -z "${NODE_COMPILE_CACHE+set}" ] && [ -n "${XDG_CACHE_HOME:-$HOME}" ]; then',
    '  NODE_COMPILE_CACHE=${XDG_CACHE_HOME:-$HOME/.cache}/repliform/node-compile-cache; export NODE_COMPILE_CACHE',
    'fi',
    `exec "\${REPLIFORM_NODE:-node}" "$here/${BUNDLE_FILE}" "$@"`,
    '',
  ].join('\n');
}

/** The package's files, in the order they are written. */
export function packageFiles(version: string): readonly string[] {
  return [BUNDLE_FILE, launcherFile(version)];
}

/** One file of the package as it is copied into a mirror. */
export interface PackageFile {
  readonly name: string;
  readonly data: Buffer;
  /** The launcher is; the bundle is not. */
  readonly executable: boolean;
}

/** The package's files as `dir` holds them (a missing one throws, naming its path). */
export function readPackage(dir: string, version: string): PackageFile[] {
  return packageFiles(version).map((name) => ({ name, data: readFileSync(join(dir, name)), executable: name === launcherFile(version) }));
}

/**
 * `repliform provider mirror DIR`: the provider package laid out as a Terraform provider network mirror (Terraform's
 * "Provider Network Mirror Protocol"), for a team to serve from any static HTTPS server (an internal web server, an
 * artifact store, a bucket behind HTTPS) and name in its CLI configuration:
 *
 *   DIR/<host>/<namespace>/<type>/index.json            {"versions": {"0.1.0": {}, …}}   every version in DIR
 *   DIR/<host>/<namespace>/<type>/<version>.json        {"archives": {"linux_amd64": {"url": "…zip", "hashes": ["zh:…", "h1:…"]}, …}}
 *   DIR/<host>/<namespace>/<type>/terraform-provider-<type>_<version>_<os>_<arch>.zip
 *
 * The package is a POSIX sh launcher and one JavaScript bundle, the same bytes for every platform Terraform runs a
 * sh script on, so each archive holds the same files; the archives are written with fixed entry times and modes, so
 * their `zh:` hashes are the same wherever the mirror is made. A mirror accumulates versions: an upgrade adds its own.
 *
 * Calls no endpoint.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { zipSync, type Zippable } from 'fflate';
import { packageRoot } from '../package-info';
import { PROVIDER_HOST, PROVIDER_NAMESPACE, PROVIDER_SOURCE, PROVIDER_TYPE, PROVIDER_VERSION } from '../resources/terraform-names';
import { isRecord } from './convert';
import { checkPlatformOption, InstallInputError } from './install';
import { PROVIDER_PACKAGE_DIR, readPackage, type PackageFile } from './package-layout';

/** The platforms a mirror serves unless told: where teams run Terraform (the package runs on any POSIX platform). */
export const MIRROR_PLATFORMS = ['linux_amd64', 'linux_arm64', 'darwin_amd64', 'darwin_arm64'] as const;

export interface MirrorOptions {
  readonly dir: string;
  readonly version: string;
  readonly files: readonly PackageFile[];
  /** @default MIRROR_PLATFORMS */
  readonly platforms?: readonly string[];
}

export interface MirroredArchive {
  readonly platform: string;
  readonly file: string;
  readonly zh: string;
  readonly h1: string;
}

export interface Mirrored {
  /** `DIR/<host>/<namespace>/<type>`. */
  readonly providerDir: string;
  readonly version: string;
  readonly versions: readonly string[];
  readonly archives: readonly MirroredArchive[];
}

/** 1980-01-01, the earliest time a zip entry can hold: every archive gets it, so its bytes never depend on when. */
const ZIP_ENTRY_TIME = new Date(1980, 0, 1, 0, 0, 0);
const UNIX = 3;

/** Terraform's `h1:` hash of a package's files ("dirhash Hash1": sha256 of the sorted `<sha256>  <name>` lines). */
export function packageH1(files: readonly PackageFile[]): string {
  const lines = [...files]
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((file) => `${createHash('sha256').update(file.data).digest('hex')}  ${file.name}\n`)
    .join('');
  return `h1:${createHash('sha256').update(lines).digest('base64')}`;
}

/** The package as a zip: the files at its root, fixed times, Unix modes (the launcher executable). */
export function packageZip(files: readonly PackageFile[]): Uint8Array {
  const entries: Zippable = {};
  for (const file of [...files].sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const mode = file.executable ? 0o100755 : 0o100644;
    entries[file.name] = [file.data, { mtime: ZIP_ENTRY_TIME, os: UNIX, attrs: mode << 16, level: 9 }];
  }
  return zipSync(entries);
}

function archiveName(version: string, platform: string): string {
  return `terraform-provider-${PROVIDER_TYPE}_${version}_${platform}.zip`;
}


/** The versions an existing `index.json` lists (a mirror keeps every version put into it). */
function listedVersions(indexFile: string): string[] {
  if (!existsSync(indexFile)) return [];
  const parsed: unknown = JSON.parse(readFileSync(indexFile, 'utf8'));
  const versions = isRecord(parsed) ? parsed.versions : undefined;
  return isRecord(versions) ? Object.keys(versions) : [];
}

function compareVersions(a: string, b: string): number {
  const pa = a.split(/[.-]/).map((part) => Number(part));
  const pb = b.split(/[.-]/).map((part) => Number(part));
  for (let i = 0; i < Math.max(pa.length, pb.length); i += 1) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0 && !Number.isNaN(d)) return d;
  }
  return a.localeCompare(b);
}

/** Writes (or adds to) the network mirror in `options.dir`. */
export function writeNetworkMirror(options: MirrorOptions): Mirrored {
  const platforms = [...new Set((options.platforms === undefined || options.platforms.length === 0 ? MIRROR_PLATFORMS : options.platforms).map(checkPlatformOption))];
  const providerDir = join(options.dir, PROVIDER_HOST, PROVIDER_NAMESPACE, PROVIDER_TYPE);
  mkdirSync(providerDir, { recursive: true });
  const zip = packageZip(options.files);
  const zh = `zh:${createHash('sha256').update(zip).digest('hex')}`;
  const h1 = packageH1(options.files);
  const archives = platforms.map((platform) => {
    const file = archiveName(options.version, platform);
    writeFileSync(join(providerDir, file), zip);
    return { platform, file, zh, h1 };
  });
  const versionJson = { archives: Object.fromEntries(archives.map((a) => [a.platform, { url: a.file, hashes: [a.h1, a.zh] }])) };
  writeFileSync(join(providerDir, `${options.version}.json`), `${JSON.stringify(versionJson, null, 2)}\n`);
  const indexFile = join(providerDir, 'index.json');
  const versions = [...new Set([...listedVersions(indexFile), options.version])].sort(compareVersions);
  writeFileSync(indexFile, `${JSON.stringify({ versions: Object.fromEntries(versions.map((v) => [v, {}])) }, null, 2)}\n`);
  return { providerDir, version: options.version, versions, archives };
}

export interface MirrorCliOptions {
  readonly platform?: readonly string[];
}

export interface MirrorOutput {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

/** What the command prints: what it wrote, and the CLI configuration that installs from it once served over HTTPS. */
export function mirrorReport(mirrored: Mirrored): string {
  const [first] = mirrored.archives;
  return [
    `wrote ${PROVIDER_SOURCE} ${mirrored.version} (${mirrored.archives.map((a) => a.platform).join(', ')}) into the network mirror ${mirrored.providerDir}`,
    `  versions listed: ${mirrored.versions.join(', ')}`,
    `  ${first.h1} (every platform: the package is the same bytes), ${first.zh}`,
    'Serve the directory over HTTPS and name it in the Terraform CLI configuration of every runner:',
    '  provider_installation {',
    `    network_mirror { url = "https://<your server>/", include = ["${PROVIDER_HOST}/*/*"] }`,
    `    direct { exclude = ["${PROVIDER_HOST}/*/*"] }`,
    '  }',
    '',
  ].join('\n');
}

function packageOrExplain(packageDir: string): PackageFile[] {
  try {
    return readPackage(packageDir, PROVIDER_VERSION);
  } catch (error) {
    const missing = error instanceof Error && 'path' in error ? String(error.path) : packageDir;
    throw new Error(`the provider package is incomplete: ${missing} is missing; build repliform first (npm run build)`);
  }
}

/** `repliform provider mirror DIR`: 0 written, 2 bad input (nothing written), 1 anything else failed. */
export function runProviderMirror(
  dir: string,
  options: MirrorCliOptions,
  output: MirrorOutput = { stdout: (text) => process.stdout.write(text), stderr: (text) => process.stderr.write(text) },
  packageDir: string = join(packageRoot(), PROVIDER_PACKAGE_DIR),
): number {
  try {
    if (dir.trim() === '') throw new InstallInputError("argument 'DIR': must name a directory, got \"\"");
    const platforms = options.platform?.map(checkPlatformOption);
    const files = packageOrExplain(packageDir);
    output.stdout(mirrorReport(writeNetworkMirror({ dir: resolve(dir), version: PROVIDER_VERSION, files, platforms })));
    return 0;
  } catch (error) {
    output.stderr(`repliform provider mirror: ${error instanceof Error ? error.message : String(error)}\n`);
    return error instanceof InstallInputError ? 2 : 1;
  }
}

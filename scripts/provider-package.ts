/**
 * Builds the provider package `dist/provider-package/` (run by `npm run build` after tsc, from
 * dist/scripts/provider-package.js): esbuild bundles the compiled provider (dist/src/provider/main.js) and every
 * dependency into one CommonJS file for Node 20, with the package version and the plugin protocol's .proto files
 * (precompiled to JSON) embedded, and writes the fixed launcher beside it (src/provider/package-layout.ts).
 *
 * The files depend on the version and the locked dependencies only: the build fails if the bundle names a path
 * of this machine.
 *
 * Calls no endpoint.
 */
import { build, type Plugin } from 'esbuild';
import { chmodSync, mkdirSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { packageVersion } from '../src/package-info';
import { BUNDLE_FILE, launcherFile, launcherScript, PROVIDER_PACKAGE_DIR } from '../src/provider/package-layout';
import { parseProtocol, PROTO_DIR, type ProtocolJson } from '../src/provider/protocol';
import { projectRoot } from './deploy-kit';

export interface ProviderPackageOptions {
  /** In the launcher's name and embedded in the bundle. @default package.json's version */
  readonly version?: string;
  /** The package directory, emptied first. @default <project>/dist/provider-package */
  readonly outDir?: string;
}

export interface ProviderPackage {
  readonly dir: string;
  readonly version: string;
  readonly bundle: string;
  readonly launcher: string;
}

/** The protocol's .proto files parsed as the provider parses them, as protobufjs JSON. */
export function protocolJson(root: string = projectRoot()): ProtocolJson {
  return parseProtocol(join(root, PROTO_DIR)).toJSON();
}

/** `path` where it starts a path of its own (not `/root` in `src/root.js`), as a prefix of one or alone. */
function startsAPath(text: string, path: string): boolean {
  const escaped = path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^\\w./-])${escaped}(/|[^\\w.-]|$)`).test(text);
}

/** The paths of this machine that `text` names: the project (and its real path), the home and temporary directories. */
export function machinePathsIn(text: string, root: string = projectRoot()): string[] {
  const paths = [root, realpathSync(root), homedir(), tmpdir(), realpathSync(tmpdir())].filter((path) => path.length > 1);
  return [...new Set(paths)].filter((path) => startsAPath(text, path));
}

/**
 * grpc-js's server reaches the client half of grpc-js (channels, subchannels, resolvers: ≈ 14 ms of each start)
 * through two edges only, both to make-client and used only when a client is made (channelz's admin service, an
 * ORCA client): in the bundle they load it on first use. Were grpc-js to move them, the bundle would just load it.
 */
const SERVER_HALF_IMPORTERS = /[\\/]@grpc[\\/]grpc-js[\\/]build[\\/]src[\\/](channelz|orca)\.js$/;

function deferredRequires(): Plugin {
  return {
    name: 'deferred-requires',
    setup(builder) {
      builder.onResolve({ filter: /^\.\/make-client$/ }, (args) =>
        SERVER_HALF_IMPORTERS.test(args.importer) ? { path: 'deferred/make-client', namespace: 'deferred', pluginData: { resolveDir: args.resolveDir } } : undefined,
      );
      builder.onLoad({ filter: /.*/, namespace: 'deferred' }, (args) => {
        const { resolveDir } = args.pluginData as { resolveDir: string };
        const load = `let loaded; const load = () => (loaded ??= require('./make-client'));`;
        return { contents: `${load}\nmodule.exports = new Proxy({}, { get: (_target, key) => load()[key], has: (_target, key) => key in load() });\n`, resolveDir, loader: 'js' };
      });
    },
  };
}

async function bundle(root: string, version: string): Promise<string> {
  const result = await build({
    absWorkingDir: root,
    entryPoints: ['dist/src/provider/main.js'],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    write: false,
    outfile: BUNDLE_FILE,
    // One file, nothing resolved at run time: every package is inlined, only Node's built-ins stay require()s.
    define: {
      REPLIFORM_EMBEDDED_VERSION: JSON.stringify(version),
      REPLIFORM_EMBEDDED_PROTOCOL: JSON.stringify(JSON.stringify(protocolJson(root))),
    },
    plugins: [deferredRequires()],
    legalComments: 'eof',
    logLevel: 'warning',
  });
  const [output] = result.outputFiles;
  return output.text;
}

/** Writes the package directory: the bundle (0644) and the launcher (0755). */
export async function buildProviderPackage(options: ProviderPackageOptions = {}): Promise<ProviderPackage> {
  const root = projectRoot();
  const version = options.version ?? packageVersion();
  const dir = options.outDir ?? join(root, PROVIDER_PACKAGE_DIR);
  const code = await bundle(root, version);
  const leaked = machinePathsIn(code, root);
  if (leaked.length > 0) throw new Error(`the provider bundle names paths of this machine (${leaked.join(', ')}): it would differ between machines`);

  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const bundlePath = join(dir, BUNDLE_FILE);
  const launcherPath = join(dir, launcherFile(version));
  writeFileSync(bundlePath, code);
  chmodSync(bundlePath, 0o644);
  writeFileSync(launcherPath, launcherScript(version));
  chmodSync(launcherPath, 0o755);
  return { dir, version, bundle: bundlePath, launcher: launcherPath };
}

if (require.main === module) {
  buildProviderPackage()
    .then((built) => process.stdout.write(`provider package ${built.version}: ${built.dir}\n`))
    .catch((error: unknown) => {
      process.stderr.write(`provider-package: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    });
}

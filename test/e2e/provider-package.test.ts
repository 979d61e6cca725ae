/**
 * The provider package (dist/provider-package/) with real Terraform 1.11: two installs of it at different paths
 * (two app copies, two mirrors, two stacks), each reaching Node through its own PATH directory, share one
 * `.terraform.lock.hcl` whose one `h1:` hash is the hash of the package's bytes; a package with other bytes is
 * refused by that lock file; an upgrade to another version fails `terraform init` against the old lock file and
 * is taken by `init -upgrade`. The bundle itself: two builds are byte-identical, it names no path of this machine
 * and requires nothing but Node's built-ins, it serves the handshake, health and Shutdown over mutual TLS, and
 * `npm pack` ships it. Needs the built package (`npm run build`).
 */
import * as grpc from '@grpc/grpc-js';
import { loadSync, type MethodDefinition } from '@grpc/proto-loader';
import { spawn } from 'node:child_process';
import { createHash, X509Certificate } from 'node:crypto';
import { appendFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { delimiter, join } from 'node:path';
import { buildProviderPackage, machinePathsIn } from '../../scripts/provider-package';
import { projectRoot, run, terraformBinary, type CommandResult } from '../../scripts/deploy-kit';
import { createServerCertificate, MAGIC_COOKIE_VALUE } from '../../src/provider/handshake';
import { defaultContext, installProvider, terraformPlatform, type InstallContext } from '../../src/provider/install';
import { BUNDLE_FILE, launcherFile, NO_NODE } from '../../src/provider/package-layout';
import { PROVIDER_SOURCE, PROVIDER_VERSION } from '../../src/resources/terraform-names';
import { SIM_ENV } from '../helpers/context';
import { simulatorWorkDir, vrReplicationHcl } from '../helpers/e2e';
import { firstStdoutLine } from '../helpers/plugin-process';

const world = simulatorWorkDir('e2e-provider-package');
const NEXT_VERSION = '0.1.1';
const HERE = terraformPlatform(process.platform, process.arch);

/** The executable on this process's PATH: the installs' PATH holds nothing but their own node. */
function onPath(name: string): string {
  const found = (process.env.PATH ?? '').split(delimiter).map((dir) => join(dir, name)).find((path) => existsSync(path));
  if (found === undefined) throw new Error(`${name} is not on PATH`);
  return found;
}

const TERRAFORM = onPath(terraformBinary());

/** One install: an app's copy of the package, a mirror, a CLI configuration, a stack, and a PATH whose only entry holds `node`. */
interface Install {
  readonly root: string;
  readonly context: InstallContext;
  readonly mirror: string;
  readonly stack: string;
  readonly bin: string;
  readonly env: NodeJS.ProcessEnv;
}

/**
 * `<workDir>/<name>/`: the package copied to `app/node_modules/repliform/dist/provider-package`, installed into
 * `mirror` with `cli.tfrc`; node reached as `<nodeDir>/node` (a symlink, itself through `nodeLink` when given).
 */
function makeInstall(name: string, nodeDir: string, nodeLink?: string, platforms?: readonly string[]): Install {
  const root = join(world.workDir, name);
  const packageDir = join(root, 'app', 'node_modules', 'repliform', 'dist', 'provider-package');
  cpSync(defaultContext().packageDir, packageDir, { recursive: true });
  const bin = join(root, nodeDir);
  mkdirSync(bin, { recursive: true });
  symlinkSync(nodeLink ?? process.execPath, join(bin, 'node'));
  const context: InstallContext = { ...defaultContext(), env: { HOME: join(root, 'home') }, packageDir };
  const mirror = join(root, 'mirror');
  const cliConfig = join(root, 'cli.tfrc');
  installProvider({ mirror, cliConfig, ...(platforms ? { platform: platforms } : {}) }, context);
  const stack = join(root, 'stack');
  mkdirSync(stack, { recursive: true });
  const env = { ...SIM_ENV, PATH: bin, HOME: join(root, 'home'), TF_CLI_CONFIG_FILE: cliConfig, TF_IN_AUTOMATION: '1', CHECKPOINT_DISABLE: '1', REPLIFORM_CACHE_DIR: join(root, 'cache') };
  return { root, context, mirror, stack, bin, env };
}

/** A stack with the provider pinned to `version` (as the constructs write it) and one VR replication (of `vm`). */
function writeStack(dir: string, version: string, source = PROVIDER_SOURCE, vm = 'web-01'): void {
  const hcl = `
terraform {
  required_providers {
    repliform = { source = "${source}", version = "${version}" }
  }
}

provider "repliform" {
  vr = {
    endpoint           = "${world.sim.url}"
    credentials        = { username_env = "VR_SITE_A_USER", password_env = "VR_SITE_A_PASSWORD" }
    remote_credentials = { username_env = "VR_SITE_B_USER", password_env = "VR_SITE_B_PASSWORD" }
  }
}
${vrReplicationHcl({ vm, rpoMinutes: 15 })}`;
  writeFileSync(join(dir, 'main.tf'), hcl);
}

/** Terraform in the install's stack, with its environment (`env` instead when given); `args` as given (`-no-color` included). */
function terraform(install: Install, args: readonly string[], env: NodeJS.ProcessEnv = install.env): Promise<CommandResult> {
  return run(TERRAFORM, args, { cwd: install.stack, env });
}

/** Terraform's messages with their line wrapping undone. */
function unwrapped(text: string): string {
  return text.replace(/\s+/g, ' ');
}

async function terraformOk(install: Install, args: readonly string[], env?: NodeJS.ProcessEnv): Promise<string> {
  const result = await terraform(install, args, env);
  if (result.code !== 0) throw new Error(`terraform ${args.join(' ')} exited with ${result.code}\n${result.stdout}${result.stderr}`);
  return result.stdout;
}

/** Terraform's `h1:` hash of an unpacked package (dirhash Hash1): SHA-256 of each file's `sha256hex  name` line, in name order. */
function h1(dir: string): string {
  const lines = readdirSync(dir)
    .sort()
    .map((name) => `${createHash('sha256').update(readFileSync(join(dir, name))).digest('hex')}  ${name}\n`);
  return `h1:${createHash('sha256').update(lines.join('')).digest('base64')}`;
}

function lockFile(install: Install): string {
  return readFileSync(join(install.stack, '.terraform.lock.hcl'), 'utf8');
}

/** The lock file's entry for the provider: its version and hashes. */
function lockEntry(text: string): { version: string; hashes: string[] } {
  const block = new RegExp(`provider "${PROVIDER_SOURCE.replace(/\./g, '\\.')}" \\{([^}]*)\\}`).exec(text)?.[1] ?? '';
  return { version: /version\s+=\s+"([^"]+)"/.exec(block)?.[1] ?? '', hashes: [...block.matchAll(/"(h1:[^"]+)"/g)].map((match) => match[1]) };
}

function packageDirIn(install: Install, version: string, platform: string): string {
  return join(install.mirror, ...PROVIDER_SOURCE.split('/'), version, platform);
}

describe('one lock file for every install of the provider package', () => {
  let a: Install;
  let b: Install;

  beforeAll(() => {
    a = makeInstall('install-a', 'bin');
    // B: another app directory, another mirror, and node two symlinks away under another directory.
    const nodeHome = join(world.workDir, 'install-b', 'opt', 'node-20', 'bin');
    mkdirSync(nodeHome, { recursive: true });
    symlinkSync(process.execPath, join(nodeHome, 'node'));
    b = makeInstall('install-b', join('usr', 'local', 'bin'), join(nodeHome, 'node'), [...new Set([HERE, 'linux_amd64', 'darwin_arm64'])]);
    writeStack(a.stack, PROVIDER_VERSION);
    writeStack(b.stack, PROVIDER_VERSION);
  });

  it("records the package's own h1 hash; init with that lock file passes in another install, and providers lock adds nothing", async () => {
    expect(await terraformOk(a, ['init', '-input=false', '-no-color'])).toContain(`Installed ${PROVIDER_SOURCE} v${PROVIDER_VERSION} (unauthenticated)`);
    const packageHash = h1(a.context.packageDir);
    expect(lockEntry(lockFile(a))).toEqual({ version: PROVIDER_VERSION, hashes: [packageHash] });

    writeFileSync(join(b.stack, '.terraform.lock.hcl'), lockFile(a));
    const initB = await terraformOk(b, ['init', '-input=false', '-no-color']);
    expect(initB).toContain(`- Reusing previous version of ${PROVIDER_SOURCE} from the dependency lock file`);
    expect(initB).toContain(`Installed ${PROVIDER_SOURCE} v${PROVIDER_VERSION} (unauthenticated)`);
    expect(lockFile(b)).toBe(lockFile(a));

    const locked = await terraformOk(b, ['providers', 'lock', '-no-color', `-fs-mirror=${b.mirror}`, '-platform=linux_amd64', '-platform=darwin_arm64']);
    expect(locked).toContain(`- Obtained ${PROVIDER_SOURCE} checksums for linux_amd64`);
    expect(locked).toContain(`- Obtained ${PROVIDER_SOURCE} checksums for darwin_arm64`);
    expect(lockEntry(lockFile(b))).toEqual({ version: PROVIDER_VERSION, hashes: [packageHash] });
  });

  it("starts in the other install with the node on its PATH, or $REPLIFORM_NODE, and plans against the simulator", async () => {
    const plan = await terraformOk(b, ['plan', '-input=false', '-no-color']);
    expect(plan).toContain('repliform_vr_replication.web-01 will be created');
    expect(plan).toContain('Plan: 1 to add, 0 to change, 0 to destroy.');

    const noNode = { ...b.env, PATH: join(b.root, 'home') };
    const failed = await terraform(b, ['providers', 'schema', '-json', '-no-color'], noNode);
    expect(failed.code).toBe(1);
    expect(unwrapped(failed.stderr)).toContain(`Unrecognized remote plugin message: ${NO_NODE}`);
    const schema = await terraformOk(b, ['providers', 'schema', '-json', '-no-color'], { ...noNode, REPLIFORM_NODE: join(b.bin, 'node') });
    expect(Object.keys((JSON.parse(schema) as { provider_schemas: Record<string, unknown> }).provider_schemas)).toEqual([PROVIDER_SOURCE]);
  });

  it('refuses a package of the same version whose bytes differ from the locked hash', async () => {
    const tampered = makeInstall('install-tampered', 'bin');
    appendFileSync(join(packageDirIn(tampered, PROVIDER_VERSION, HERE), BUNDLE_FILE), '\n// changed\n');
    writeStack(tampered.stack, PROVIDER_VERSION);
    writeFileSync(join(tampered.stack, '.terraform.lock.hcl'), lockFile(a));
    const init = await terraform(tampered, ['init', '-input=false', '-no-color']);
    expect(init.code).toBe(1);
    expect(unwrapped(init.stderr)).toContain(`the local package for ${PROVIDER_SOURCE} ${PROVIDER_VERSION} doesn't match any of the checksums previously recorded in the dependency lock file`);
  });

  it('an upgrade: init fails against the old lock file, init -upgrade takes the new version, which starts', async () => {
    const next = await buildProviderPackage({ version: NEXT_VERSION, outDir: join(world.workDir, 'next', 'provider-package') });
    installProvider({ mirror: a.mirror }, { ...a.context, packageDir: next.dir, version: NEXT_VERSION });
    writeStack(a.stack, NEXT_VERSION);

    const stale = await terraform(a, ['init', '-input=false', '-no-color']);
    expect(stale.code).toBe(1);
    expect(unwrapped(stale.stderr)).toContain(
      `locked provider ${PROVIDER_SOURCE} ${PROVIDER_VERSION} does not match configured version constraint ${NEXT_VERSION}; must use terraform init -upgrade to allow selection of new versions`,
    );

    expect(await terraformOk(a, ['init', '-input=false', '-no-color', '-upgrade'])).toContain(`Installed ${PROVIDER_SOURCE} v${NEXT_VERSION} (unauthenticated)`);
    expect(lockEntry(lockFile(a))).toEqual({ version: NEXT_VERSION, hashes: [h1(next.dir)] });
    expect(await terraformOk(a, ['version'])).toContain(`+ provider ${PROVIDER_SOURCE} v${NEXT_VERSION}`);
    expect(await terraformOk(a, ['providers', '-no-color'])).toContain(`provider[${PROVIDER_SOURCE}] ${NEXT_VERSION}`);
    expect(await terraformOk(a, ['validate', '-no-color'])).toContain('Success! The configuration is valid.');
  });
});

it("the README's migration: state of the old address registry.terraform.io/repliform/repliform moves to the new one, no change planned", async () => {
  const OLD_SOURCE = 'registry.terraform.io/repliform/repliform';
  const install = makeInstall('install-migration', 'bin');
  // The old address served from the same mirror (offline), as the launcher of earlier builds was.
  cpSync(packageDirIn(install, PROVIDER_VERSION, HERE), join(install.mirror, ...OLD_SOURCE.split('/'), PROVIDER_VERSION, HERE), { recursive: true });
  writeFileSync(
    install.env.TF_CLI_CONFIG_FILE ?? '',
    `provider_installation {\n  filesystem_mirror {\n    path    = "${install.mirror}"\n    include = ["${OLD_SOURCE}", "${PROVIDER_SOURCE}"]\n  }\n}\n`,
  );
  writeStack(install.stack, PROVIDER_VERSION, 'repliform/repliform', 'app-01');
  await terraformOk(install, ['init', '-input=false', '-no-color']);
  expect(await terraformOk(install, ['apply', '-input=false', '-no-color', '-auto-approve'])).toContain('Apply complete! Resources: 1 added');

  writeStack(install.stack, PROVIDER_VERSION, PROVIDER_SOURCE, 'app-01');
  const replaced = await terraformOk(install, ['state', 'replace-provider', '-auto-approve', '-no-color', OLD_SOURCE, PROVIDER_SOURCE]);
  expect(replaced).toContain('Successfully replaced provider for 1 resources.');
  await terraformOk(install, ['init', '-input=false', '-no-color']);
  expect(lockEntry(lockFile(install))).toEqual({ version: PROVIDER_VERSION, hashes: [h1(install.context.packageDir)] });
  expect(lockFile(install)).not.toContain(OLD_SOURCE);
  const plan = await terraform(install, ['plan', '-input=false', '-no-color', '-detailed-exitcode']);
  expect([plan.code, plan.stdout.includes('No changes.')]).toEqual([0, true]);
  expect(readFileSync(join(install.stack, 'terraform.tfstate'), 'utf8')).toContain(`"provider": "provider[\\"${PROVIDER_SOURCE}\\"]"`);
});

describe('the bundle', () => {
  it('is byte-identical across two builds, names no path of this machine and requires only Node built-ins', async () => {
    const first = await buildProviderPackage({ outDir: join(world.workDir, 'build-1') });
    const second = await buildProviderPackage({ outDir: join(world.workDir, 'build-2') });
    expect(readdirSync(first.dir).sort()).toEqual([BUNDLE_FILE, launcherFile(PROVIDER_VERSION)].sort());
    for (const file of readdirSync(first.dir)) expect(readFileSync(join(first.dir, file)).equals(readFileSync(join(second.dir, file)))).toBe(true);

    const code = readFileSync(first.bundle, 'utf8');
    expect(machinePathsIn(code)).toEqual([]);
    // the check finds one (and also the temporary directory when the project lives under it, as on a CI runner)
    expect(machinePathsIn(`"${join(projectRoot(), 'node_modules')}"`)).toContain(projectRoot());
    const required = new Set([...code.matchAll(/\brequire\("([^"]+)"\)/g)].map((match) => match[1].replace(/^node:/, '')));
    expect([...required].filter((name) => !builtinModules.includes(name))).toEqual([]);
    // grpc-js's two edges to its client half are deferred (scripts/provider-package.ts): should grpc-js move them, revisit
    expect(code.match(/^\/\/ deferred:.*$/gm)).toEqual(['// deferred:deferred/make-client']);
  });

  it('is shipped by npm pack', async () => {
    const packed = await run('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: projectRoot(), env: process.env });
    expect(packed.code).toBe(0);
    const [{ files }] = JSON.parse(packed.stdout) as { files: { path: string }[] }[];
    expect(files.map((file) => file.path).filter((path) => path.startsWith('dist/provider-package/')).sort()).toEqual(
      [`dist/provider-package/${BUNDLE_FILE}`, `dist/provider-package/${launcherFile(PROVIDER_VERSION)}`].sort(),
    );
  });

  it('run through its launcher as Terraform runs it, prints the handshake, serves health over mutual TLS and exits 0 on Shutdown', async () => {
    const install = makeInstall('install-handshake', 'bin');
    const client = createServerCertificate();
    const child = spawn(join(packageDirIn(install, PROVIDER_VERSION, HERE), launcherFile(PROVIDER_VERSION)), [], {
      env: { PATH: install.bin, TF_PLUGIN_MAGIC_COOKIE: MAGIC_COOKIE_VALUE, PLUGIN_PROTOCOL_VERSIONS: '5,6', PLUGIN_CLIENT_CERT: client.certPem, REPLIFORM_CACHE_DIR: join(install.root, 'cache') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    const line = await firstStdoutLine(child);
    const [, port, cert] = /^1\|6\|tcp\|127\.0\.0\.1:(\d+)\|grpc\|([A-Za-z0-9+/]+)$/.exec(line) ?? [];
    expect(port).toBeDefined();

    const serverPem = new X509Certificate(Buffer.from(cert, 'base64')).toString();
    const credentials = grpc.credentials.createSsl(Buffer.from(serverPem), Buffer.from(client.keyPem), Buffer.from(client.certPem));
    const grpcClient = new grpc.Client(`127.0.0.1:${port}`, credentials, { 'grpc.ssl_target_name_override': 'localhost', 'grpc.default_authority': 'localhost' });
    await expect(unary(grpcClient, 'grpc.health.v1.Health', 'Check', { service: 'plugin' })).resolves.toEqual({ status: 'SERVING' });
    await expect(unary(grpcClient, 'grpc.health.v1.Health', 'Check', { service: 'nope' })).rejects.toMatchObject({ code: grpc.status.NOT_FOUND });
    await expect(unary(grpcClient, 'plugin.GRPCController', 'Shutdown', {})).resolves.toEqual({});
    grpcClient.close();
    expect(await exited).toBe(0);
  });
});

const SPEC_DIR = join(projectRoot(), 'specs', 'terraform-plugin-protocol');
/** The client side's descriptors, parsed here from the protocol's files (not from the bundle's embedded JSON). */
const definitions = loadSync([join(SPEC_DIR, 'go-plugin', 'grpc_controller.proto'), join(SPEC_DIR, 'grpc', 'health', 'v1', 'health.proto')], {
  keepCase: true,
  enums: String,
  defaults: true,
  includeDirs: [SPEC_DIR],
});

function unary(client: grpc.Client, service: string, name: string, request: object): Promise<unknown> {
  const definition = (definitions[service] as Record<string, MethodDefinition<object, object>> | undefined)?.[name];
  if (!definition) throw new Error(`no method ${service}.${name}`);
  return new Promise((resolve, reject) => {
    client.makeUnaryRequest(definition.path, definition.requestSerialize, definition.responseDeserialize, request, { deadline: Date.now() + 10_000 }, (error, response) =>
      error ? reject(error) : resolve(response),
    );
  });
}

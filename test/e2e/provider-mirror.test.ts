/**
 * End-to-end: `repliform provider mirror DIR` (the built CLI) lays the provider package out as a Terraform network mirror, and real
 * Terraform installs from it over HTTPS with a CA of the team's own (SSL_CERT_FILE), records the mirror's hashes in
 * the lock file, locks the other platforms a team lists without downloading them, and runs the provider it installed.
 * The `h1:` this code computes is the one Terraform computes. Two mirrors written in different directories hold the
 * same bytes.
 */
import { createServer, type Server } from 'node:https';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, normalize } from 'node:path';
import { run, terraformBinary } from '../../scripts/deploy-kit';
import { generateCertificate } from '../../src/simulator/core/tls';
import { MIRROR_PLATFORMS, packageH1, writeNetworkMirror } from '../../src/provider/mirror';
import { PROVIDER_PACKAGE_DIR, readPackage, type PackageFile } from '../../src/provider/package-layout';
import { packageRoot } from '../../src/package-info';
import { PROVIDER_SOURCE, PROVIDER_VERSION } from '../../src/resources/terraform-names';

let work: string;

beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'repliform-mirror-'));
});

afterEach(() => {
  rmSync(work, { recursive: true, force: true });
});

/** The built provider package's files (dist/provider-package, made by `npm run build`). */
function builtPackage(): PackageFile[] {
  return readPackage(join(packageRoot(), PROVIDER_PACKAGE_DIR), PROVIDER_VERSION);
}

const CLI = join(packageRoot(), 'dist', 'src', 'cli', 'main.js');

function repliform(args: readonly string[]) {
  return run(process.execPath, [CLI, ...args], { cwd: work, env: { PATH: process.env.PATH, HOME: work } });
}

/** A static HTTPS server for `root` with a fresh self-signed CA; its certificate file for SSL_CERT_FILE. */
async function serveHttps(root: string): Promise<{ url: string; caFile: string; server: Server; requests: string[] }> {
  const { certPem, keyPem } = await generateCertificate();
  const caFile = join(work, 'ca.pem');
  writeFileSync(caFile, certPem);
  const requests: string[] = [];
  const server = createServer({ cert: certPem, key: keyPem }, (req, res) => {
    const path = normalize(decodeURIComponent((req.url ?? '/').split('?')[0]));
    requests.push(path);
    try {
      const body = readFileSync(join(root, path));
      res.writeHead(200, { 'content-type': path.endsWith('.json') ? 'application/json' : 'application/zip' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `https://127.0.0.1:${port}/`, caFile, server, requests };
}

function terraformEnv(cliConfig: string, caFile: string): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, HOME: work, TF_CLI_CONFIG_FILE: cliConfig, SSL_CERT_FILE: caFile, TF_IN_AUTOMATION: '1', CHECKPOINT_DISABLE: '1' };
}

function writeStack(dir: string): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'main.tf'),
    `terraform {\n  required_providers {\n    repliform = {\n      source  = "${PROVIDER_SOURCE}"\n      version = "${PROVIDER_VERSION}"\n    }\n  }\n}\n`,
  );
}

test('two mirrors made in different directories hold the same bytes; index.json keeps every version', () => {
  const files = builtPackage();
  const a = writeNetworkMirror({ dir: join(work, 'a'), version: PROVIDER_VERSION, files });
  const b = writeNetworkMirror({ dir: join(work, 'elsewhere', 'b'), version: PROVIDER_VERSION, files });
  expect(a.archives.map((x) => [x.platform, x.zh, x.h1])).toEqual(b.archives.map((x) => [x.platform, x.zh, x.h1]));
  expect(a.archives.map((x) => x.platform)).toEqual([...MIRROR_PLATFORMS]);
  const zip = (m: typeof a) => readFileSync(join(m.providerDir, m.archives[0].file));
  expect(zip(a).equals(zip(b))).toBe(true);

  const next = writeNetworkMirror({ dir: join(work, 'a'), version: '0.10.0', files, platforms: ['linux_amd64'] });
  expect(next.versions).toEqual([PROVIDER_VERSION, '0.10.0']);
  expect(JSON.parse(readFileSync(join(a.providerDir, 'index.json'), 'utf8'))).toEqual({ versions: { [PROVIDER_VERSION]: {}, '0.10.0': {} } });
});

test('a platform the package cannot run on is bad input: one line, exit 2, nothing written', async () => {
  const refused = await repliform(['provider', 'mirror', 'm', '--platform', 'linux_amd64', '--platform', 'windows_amd64']);
  expect(refused.code).toBe(2);
  expect(refused.stderr.split('\n')[0]).toBe(
    "repliform provider mirror: option '--platform': windows_amd64 is not supported: Terraform on Windows runs a provider only as a Windows executable (.exe), and the launcher is a POSIX sh script: run Terraform under WSL (linux_amd64), or use a lifecycle backing",
  );
  expect(existsSync(join(work, 'm'))).toBe(false);
});

test("terraform installs the provider from the network mirror over HTTPS with the team's own CA, and runs it", async () => {
  const written = await repliform(['provider', 'mirror', 'mirror']);
  expect([written.code, written.stderr]).toEqual([0, '']);
  expect(written.stdout).toContain(`wrote ${PROVIDER_SOURCE} ${PROVIDER_VERSION} (${MIRROR_PLATFORMS.join(', ')}) into the network mirror`);
  const mirrored = { archives: [{ h1: packageH1(builtPackage()) }] };
  const served = await serveHttps(join(work, 'mirror'));
  try {
    const cliConfig = join(work, 'terraform.rc');
    writeFileSync(cliConfig, `provider_installation {\n  network_mirror {\n    url = "${served.url}"\n  }\n}\n`);
    const env = terraformEnv(cliConfig, served.caFile);
    const stack = join(work, 'stack');
    writeStack(stack);

    const init = await run(terraformBinary(), ['init', '-input=false', '-no-color'], { cwd: stack, env });
    expect([init.code, init.stderr]).toEqual([0, '']);
    expect(init.stdout).toContain(`Installed ${PROVIDER_SOURCE} v${PROVIDER_VERSION}`);
    // Terraform records its own h1 of what it unpacked (a mirror's zh: hashes are checked, not locked): ours, and the
    // only one, so the same lock file passes with a filesystem mirror, a network mirror, on every platform
    const lockedHashes = () => [...readFileSync(join(stack, '.terraform.lock.hcl'), 'utf8').matchAll(/"(h1:[^"]+|zh:[^"]+)"/g)].map((m) => m[1]);
    expect(lockedHashes()).toEqual([mirrored.archives[0].h1]);

    // the provider Terraform installed runs: its schema names every resource type
    const schema = await run(terraformBinary(), ['providers', 'schema', '-json'], { cwd: stack, env });
    expect(schema.code).toBe(0);
    expect(schema.stdout).toContain('repliform_vr_replication');

    // a team lists its platforms: the lock file gets their hashes from the mirror, without running anything
    const locked = await run(terraformBinary(), ['providers', 'lock', '-no-color', `-net-mirror=${served.url}`, '-platform=linux_amd64', '-platform=darwin_arm64'], { cwd: stack, env });
    expect([locked.code, locked.stderr]).toEqual([0, '']);
    expect(served.requests).toContain(`/${PROVIDER_SOURCE}/${PROVIDER_VERSION}.json`);
    expect(lockedHashes()).toEqual([mirrored.archives[0].h1]);
  } finally {
    served.server.close();
  }
});

test('the h1 this code computes is the one Terraform records for the unpacked package', async () => {
  const files = builtPackage();
  const fsMirror = join(work, 'fs-mirror', ...PROVIDER_SOURCE.split('/'), PROVIDER_VERSION, 'linux_amd64');
  mkdirSync(fsMirror, { recursive: true });
  for (const file of files) writeFileSync(join(fsMirror, file.name), file.data, { mode: file.executable ? 0o755 : 0o644 });
  const stack = join(work, 'stack');
  writeStack(stack);
  const env = terraformEnv('/dev/null', '/dev/null');
  const locked = await run(terraformBinary(), ['providers', 'lock', '-no-color', `-fs-mirror=${join(work, 'fs-mirror')}`, '-platform=linux_amd64'], { cwd: stack, env });
  expect(locked.code).toBe(0);
  expect(readFileSync(join(stack, '.terraform.lock.hcl'), 'utf8')).toContain(`"${packageH1(files)}"`);
});

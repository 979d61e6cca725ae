/**
 * go-plugin's handshake, as Terraform expects it from a provider (specs/terraform-plugin-protocol/README.md):
 * the magic cookie, the protocol version, the port range, automatic mutual TLS with a fresh self-signed
 * certificate, and the one line `1|6|tcp|127.0.0.1:PORT|grpc|CERT` on stdout.
 *
 * The certificate is built here with node:crypto (a P-256 key, DER written by hand) rather than with
 * `selfsigned`: loading that library costs ≈ 100 ms, and Terraform starts the provider several times per command.
 *
 * Calls no endpoint.
 */
import type * as grpc from '@grpc/grpc-js';
import { generateKeyPairSync, randomBytes, sign, X509Certificate, type KeyObject } from 'node:crypto';
import { PROVIDER_SOURCE } from '../resources/terraform-names';
import { ServerCredentials } from './grpc-server';

export const MAGIC_COOKIE_KEY = 'TF_PLUGIN_MAGIC_COOKIE';
export const MAGIC_COOKIE_VALUE = 'd602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2';
/** go-plugin's core protocol version, then the provider protocol (tfplugin6). */
export const CORE_PROTOCOL_VERSION = 1;
export const PROVIDER_PROTOCOL_VERSION = 6;

// ------------------------------------------------------------------------------------ environment checks

/** What a person who runs the executable by hand reads (go-plugin's "This binary is a plugin"). */
export const NOT_STARTED_BY_TERRAFORM = [
  'terraform-provider-repliform is a Terraform provider plugin: Terraform starts it, it is not meant to be run by hand.',
  'Install it with `repliform provider install` (a local filesystem mirror terraform init uses offline), then name it in',
  `required_providers: repliform = { source = "${PROVIDER_SOURCE}" }`,
].join('\n');

/** A reason not to serve, or undefined when Terraform started us and speaks protocol 6. */
export function pluginEnvironmentProblem(env: NodeJS.ProcessEnv): string | undefined {
  if (env[MAGIC_COOKIE_KEY] !== MAGIC_COOKIE_VALUE) return NOT_STARTED_BY_TERRAFORM;
  const versions = env.PLUGIN_PROTOCOL_VERSIONS;
  // Unset: go-plugin falls back to the server's own version (Terraform always sets it).
  if (versions === undefined || versions.trim() === '') return undefined;
  const offered = versions.split(',').map((version) => version.trim());
  if (!offered.includes(String(PROVIDER_PROTOCOL_VERSION))) {
    return `terraform-provider-repliform speaks plugin protocol ${PROVIDER_PROTOCOL_VERSION} only (Terraform ≥ 1.0); this Terraform offers PLUGIN_PROTOCOL_VERSIONS=${versions}`;
  }
  return undefined;
}

export interface PortRange {
  readonly min: number;
  readonly max: number;
}

function portOf(env: NodeJS.ProcessEnv, name: 'PLUGIN_MIN_PORT' | 'PLUGIN_MAX_PORT'): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return undefined;
  if (!/^\d+$/.test(raw.trim()) || Number(raw) < 1 || Number(raw) > 65535) throw new Error(`${name} must be a port number 1..65535, got ${JSON.stringify(raw)}`);
  return Number(raw);
}

/** PLUGIN_MIN_PORT..PLUGIN_MAX_PORT, or undefined when neither is set (then a free port is taken). */
export function portRangeFrom(env: NodeJS.ProcessEnv): PortRange | undefined {
  const min = portOf(env, 'PLUGIN_MIN_PORT');
  const max = portOf(env, 'PLUGIN_MAX_PORT');
  if (min === undefined && max === undefined) return undefined;
  const range = { min: min ?? 1024, max: max ?? 65535 };
  if (range.min > range.max) throw new Error(`PLUGIN_MIN_PORT (${range.min}) is greater than PLUGIN_MAX_PORT (${range.max})`);
  return range;
}

// ------------------------------------------------------------------------------------ the certificate

export interface ServerCertificate {
  readonly certPem: string;
  readonly keyPem: string;
  /** The DER bytes, as the handshake line carries them. */
  readonly der: Buffer;
}

/** DER: a tag, its definite length, the content. */
function der(tag: number, ...content: Buffer[]): Buffer {
  const body = Buffer.concat(content);
  const length = body.length;
  if (length < 0x80) return Buffer.concat([Buffer.from([tag, length]), body]);
  const lengthBytes: number[] = [];
  for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) lengthBytes.unshift(rest % 256);
  return Buffer.concat([Buffer.from([tag, 0x80 | lengthBytes.length, ...lengthBytes]), body]);
}

const sequence = (...content: Buffer[]) => der(0x30, ...content);
const set = (...content: Buffer[]) => der(0x31, ...content);
const octetString = (content: Buffer) => der(0x04, content);
const utf8String = (text: string) => der(0x0c, Buffer.from(text, 'utf8'));
const TRUE = Buffer.from([0x01, 0x01, 0xff]);

function oid(dotted: string): Buffer {
  const [first, second, ...rest] = dotted.split('.').map(Number);
  const bytes = [first * 40 + second];
  for (const arc of rest) {
    const base128: number[] = [arc & 0x7f];
    for (let value = arc >>> 7; value > 0; value >>>= 7) base128.unshift((value & 0x7f) | 0x80);
    bytes.push(...base128);
  }
  return der(0x06, Buffer.from(bytes));
}

/** UTCTime, YYMMDDHHMMSSZ (valid until 2049, as X.509 asks). */
function utcTime(date: Date): Buffer {
  const text = date.toISOString().replace(/[-:T]/g, '').slice(2, 14) + 'Z';
  return der(0x17, Buffer.from(text, 'ascii'));
}

function extension(id: string, critical: boolean, value: Buffer): Buffer {
  return sequence(oid(id), ...(critical ? [TRUE] : []), octetString(value));
}

const ECDSA_WITH_SHA256 = sequence(oid('1.2.840.10045.4.3.2'));
/** digitalSignature (bit 0), keyEncipherment (2), keyAgreement (4), keyCertSign (5): go-plugin's key usages. */
const KEY_USAGE_BITS = Buffer.from([0x03, 0x02, 0x02, 0b1010_1100]);
const VALIDITY_MS = 365 * 24 * 60 * 60 * 1000;
const CLOCK_SKEW_MS = 60 * 1000;

/** A fresh self-signed ECDSA P-256 CA certificate for `localhost` with server- and client-auth usages. */
export function createServerCertificate(now: Date = new Date()): ServerCertificate {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const name = sequence(set(sequence(oid('2.5.4.10'), utf8String('HashiCorp'))), set(sequence(oid('2.5.4.3'), utf8String('localhost'))));
  const serial = randomBytes(16);
  serial[0] &= 0x7f; // a positive INTEGER
  serial[0] |= 0x01; // and no leading zero byte to strip
  const tbs = sequence(
    der(0xa0, der(0x02, Buffer.from([2]))), // v3
    der(0x02, serial),
    ECDSA_WITH_SHA256,
    name,
    sequence(utcTime(new Date(now.getTime() - CLOCK_SKEW_MS)), utcTime(new Date(now.getTime() + VALIDITY_MS))),
    name,
    publicKey.export({ type: 'spki', format: 'der' }),
    der(
      0xa3,
      sequence(
        extension('2.5.29.15', true, KEY_USAGE_BITS),
        extension('2.5.29.37', false, sequence(oid('1.3.6.1.5.5.7.3.2'), oid('1.3.6.1.5.5.7.3.1'))), // clientAuth, serverAuth
        extension('2.5.29.19', true, sequence(TRUE)), // CA
        extension('2.5.29.17', false, sequence(der(0x82, Buffer.from('localhost', 'ascii')))), // DNS:localhost
      ),
    ),
  );
  const signature = sign('sha256', tbs, { key: privateKey, dsaEncoding: 'der' });
  const certificate = sequence(tbs, ECDSA_WITH_SHA256, der(0x03, Buffer.from([0]), signature));
  return { der: certificate, certPem: pemOf(certificate), keyPem: keyPemOf(privateKey) };
}

function pemOf(derBytes: Buffer): string {
  const lines = derBytes.toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`;
}

function keyPemOf(key: KeyObject): string {
  return key.export({ type: 'pkcs8', format: 'pem' }).toString();
}

/** The handshake's certificate field: DER in base64 without padding (Go's RawStdEncoding). */
export function certificateField(derBytes: Buffer): string {
  return derBytes.toString('base64').replace(/=+$/, '');
}

/** The one line Terraform reads on stdout. */
export function handshakeLine(port: number, certificate: ServerCertificate | undefined): string {
  return [CORE_PROTOCOL_VERSION, PROVIDER_PROTOCOL_VERSION, 'tcp', `127.0.0.1:${port}`, 'grpc', certificate ? certificateField(certificate.der) : ''].join('|');
}

// ------------------------------------------------------------------------------------ credentials

export interface ServerSecurity {
  readonly credentials: grpc.ServerCredentials;
  /** Undefined when serving without TLS (no PLUGIN_CLIENT_CERT). */
  readonly certificate: ServerCertificate | undefined;
}

/**
 * Mutual TLS when Terraform gives its client certificate (PLUGIN_CLIENT_CERT): ours is presented, theirs is the
 * only CA a client may present a certificate from, and one is required. Without it, plain TCP (go-plugin allows it).
 */
export function serverSecurity(env: NodeJS.ProcessEnv, log: (line: string) => void, now?: Date): ServerSecurity {
  const clientCert = env.PLUGIN_CLIENT_CERT;
  if (clientCert === undefined || clientCert.trim() === '') {
    log('PLUGIN_CLIENT_CERT is not set: serving gRPC without TLS on 127.0.0.1 (go-plugin allows it; Terraform always sets it)');
    return { credentials: ServerCredentials.createInsecure(), certificate: undefined };
  }
  checkClientCertificate(clientCert);
  const certificate = createServerCertificate(now);
  const credentials = ServerCredentials.createSsl(
    Buffer.from(clientCert),
    [{ private_key: Buffer.from(certificate.keyPem), cert_chain: Buffer.from(certificate.certPem) }],
    true,
  );
  return { credentials, certificate };
}

function checkClientCertificate(pem: string): void {
  try {
    new X509Certificate(pem);
  } catch (error) {
    throw new Error(`PLUGIN_CLIENT_CERT is not a PEM certificate: ${(error as Error).message}`);
  }
}


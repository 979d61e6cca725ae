/**
 * The provider's log lines in hclog's JSON format (what go-plugin re-logs at their level): the exact keys and
 * level names, Terraform's threshold (TF_LOG_PROVIDER, else TF_LOG), grpc-js and Node warnings routed through
 * it, and the compiled provider's start-up failures written as JSON error lines.
 */
import * as grpc from '@grpc/grpc-js';
import { log as grpcInternalLog } from '@grpc/grpc-js/build/src/logging';
import { spawn } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { MAGIC_COOKIE_VALUE } from '../../src/provider/handshake';
import { createHclogLogger, hclogLine, hclogProgress, hclogTimestamp, routeConsole, routeGrpcLogs, routeProcessWarnings, thresholdFrom, type LogThreshold } from '../../src/provider/hclog';

const PROVIDER_MAIN = join(__dirname, '..', '..', 'dist', 'src', 'provider', 'main.js');
/** 2026-12-07T03:00:00Z and 123 µs. */
const AT = Date.UTC(2026, 11, 7, 3, 0, 0) + 0.123;

function collect(threshold: LogThreshold) {
  const lines: string[] = [];
  return { lines, logger: createHclogLogger(threshold, (line) => lines.push(line), () => AT) };
}

test('a line is one JSON object: @level, @message, @module, @timestamp with microseconds, then the fields in key order', () => {
  expect(hclogLine('warn', 'web-01: ADOPTING replication R-1', { path: '/api/x', attempt: 2, retry: false, none: undefined }, AT)).toBe(
    '{"@level":"warn","@message":"web-01: ADOPTING replication R-1","@module":"repliform","@timestamp":"2026-12-07T03:00:00.000123Z","attempt":2,"path":"/api/x","retry":false}',
  );
  // go-plugin parses @timestamp with Go's layout 2006-01-02T15:04:05.000000Z07:00: six digits, always.
  expect(hclogTimestamp(Date.UTC(2026, 0, 2, 3, 4, 5, 678))).toBe('2026-01-02T03:04:05.678000Z');
  expect(hclogTimestamp(Date.UTC(2026, 0, 2, 3, 4, 5, 999) + 0.9999)).toBe('2026-01-02T03:04:06.000000Z');
  // A field may not replace one of hclog's keys.
  expect(JSON.parse(hclogLine('info', 'm', { '@level': 'error' }, AT))).toEqual({ '@level': 'info', '@message': 'm', '@module': 'repliform', '@timestamp': '2026-12-07T03:00:00.000123Z' });
});

test('each level is written under its hclog name', () => {
  const { lines, logger } = collect('trace');
  logger.trace('t');
  logger.debug('d');
  logger.info('i');
  logger.warn('w');
  logger.error('e');
  expect(lines.map((line) => [JSON.parse(line)['@level'], JSON.parse(line)['@message']])).toEqual([['trace', 't'], ['debug', 'd'], ['info', 'i'], ['warn', 'w'], ['error', 'e']]);
});

test('a long message is cut so that the line stays within go-plugin\'s 64 KiB read buffer', () => {
  const line = hclogLine('warn', 'x'.repeat(100_000), { body: 'y'.repeat(100_000) }, AT);
  expect(Buffer.byteLength(line)).toBeLessThan(64 * 1024);
  expect(JSON.parse(line)['@message']).toMatch(/^x{12000}… \(88000 more characters\)$/);
});

test.each([
  [{}, 'off'],
  [{ TF_LOG: 'warn' }, 'warn'],
  [{ TF_LOG: 'DEBUG' }, 'debug'],
  [{ TF_LOG: 'trace', TF_LOG_PROVIDER: 'ERROR' }, 'error'],
  [{ TF_LOG_PROVIDER: 'info' }, 'info'],
  [{ TF_LOG: 'info', TF_LOG_PROVIDER: '' }, 'info'],
  [{ TF_LOG: 'off' }, 'off'],
  [{ TF_LOG: 'JSON' }, 'trace'],
  [{ TF_LOG: '1' }, 'trace'],
  [{ TF_LOG: 'constructor' }, 'trace'],
  [{ TF_LOG_CORE: 'trace' }, 'off'],
])('Terraform\'s provider level from %j is %s', (env, threshold) => {
  expect(thresholdFrom(env)).toBe(threshold);
});

test('nothing below the threshold is written; a fatal error is written even when Terraform logs nothing', () => {
  const warn = collect('warn');
  warn.logger.debug('d');
  warn.logger.info('i');
  warn.logger.request({ method: 'GET', path: '/api/rest/vr/v2/pairings', status: 200, durationMs: 12.4, attempt: 1 });
  warn.logger.warn('w');
  expect(warn.lines.map((line) => JSON.parse(line)['@message'])).toEqual(['w']);
  expect(warn.logger.enabled('info')).toBe(false);

  const off = collect('off');
  off.logger.error('e');
  off.logger.fatal('terraform-provider-repliform: no free port', { stack: 'Error: no free port\n    at bind' });
  expect(off.lines).toEqual([
    '{"@level":"error","@message":"terraform-provider-repliform: no free port","@module":"repliform","@timestamp":"2026-12-07T03:00:00.000123Z","stack":"Error: no free port\\n    at bind"}',
  ]);
});

test('an HTTP request is a debug line with its fields', () => {
  const { lines, logger } = collect('debug');
  logger.request({ method: 'POST', path: '/api/rest/vr/v2/session', status: 0, durationMs: 30.6, attempt: 2, errorCode: 'ECONNREFUSED', retryInMs: 500 });
  expect(lines).toEqual([
    '{"@level":"debug","@message":"POST /api/rest/vr/v2/session no response 31ms","@module":"repliform","@timestamp":"2026-12-07T03:00:00.000123Z","attempt":2,"duration_ms":31,"error_code":"ECONNREFUSED","method":"POST","path":"/api/rest/vr/v2/session","retry_in_ms":500,"status":0}',
  ]);
});

test('task waits: start and outcome at info, polls at debug', () => {
  const { lines, logger } = collect('info');
  let now = 0;
  const progress = hclogProgress(logger, () => now);
  progress.start('configuring replication of web-01');
  progress.update(40, 'RUNNING');
  now = 3000;
  progress.stop('done');
  expect(lines.map((line) => JSON.parse(line))).toEqual([
    expect.objectContaining({ '@level': 'info', '@message': 'configuring replication of web-01: started', wait: 'configuring replication of web-01' }),
    expect.objectContaining({ '@level': 'info', '@message': 'configuring replication of web-01: done', outcome: 'done', elapsed_s: 3 }),
  ]);
});

describe('grpc-js, console and Node warnings', () => {
  afterAll(() => grpc.setLogger(console));

  test('grpc-js writes only its errors, as JSON error lines', () => {
    const { lines, logger } = collect('trace');
    routeGrpcLogs(grpc, logger);
    grpcInternalLog(grpc.logVerbosity.DEBUG, 'subchannel state');
    grpcInternalLog(grpc.logVerbosity.INFO, 'channel created');
    grpcInternalLog(grpc.logVerbosity.ERROR, 'Failed to set secure context with error', 'bad key');
    // Also thrown to bindAsync's caller, which skips the port: not an error of the provider.
    grpcInternalLog(grpc.logVerbosity.ERROR, 'No address added out of total 1 resolved');
    expect(lines.map((line) => [JSON.parse(line)['@level'], JSON.parse(line)['@message']])).toEqual([
      ['error', 'grpc-js: Failed to set secure context with error bad key'],
      ['debug', 'grpc-js: No address added out of total 1 resolved'],
    ]);
  });

  test('console.* writes log lines at its level', () => {
    const { lines, logger } = collect('info');
    const target = { log: jest.fn(), info: jest.fn(), warn: jest.fn(), error: jest.fn(), debug: jest.fn() };
    routeConsole(target, logger);
    target.log('stray %s', 'output', { a: 1 });
    target.debug('hidden');
    target.warn('careful');
    target.error(new Error('boom').message);
    expect(lines.map((line) => [JSON.parse(line)['@level'], JSON.parse(line)['@message']])).toEqual([['info', "stray output { a: 1 }"], ['warn', 'careful'], ['error', 'boom']]);
  });

  test('a Node warning becomes a warn line and nothing else handles it', () => {
    const { lines, logger } = collect('warn');
    const source = new EventEmitter();
    const nodeDefault = jest.fn();
    source.on('warning', nodeDefault);
    routeProcessWarnings(source, logger);
    const warning = new Error("Setting the NODE_TLS_REJECT_UNAUTHORIZED environment variable to '0' makes TLS connections insecure");
    warning.name = 'Warning';
    source.emit('warning', warning);
    expect(nodeDefault).not.toHaveBeenCalled();
    expect(lines.map((line) => JSON.parse(line))).toEqual([expect.objectContaining({ '@level': 'warn', '@message': `node: Warning: ${warning.message}`, warning: 'Warning' })]);
  });
});

describe('the compiled provider\'s start-up failures', () => {
  function run(env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
    return new Promise((resolve) => {
      const child = spawn(process.execPath, [PROVIDER_MAIN], { env: { PATH: process.env.PATH, TF_PLUGIN_MAGIC_COOKIE: MAGIC_COOKIE_VALUE, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('close', (code) => resolve({ code, stdout, stderr }));
    });
  }

  function jsonLines(stderr: string): Record<string, unknown>[] {
    return stderr.trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
  }

  test('a Terraform without protocol 6 gets one JSON error line, even with TF_LOG unset', async () => {
    const result = await run({ PLUGIN_PROTOCOL_VERSIONS: '4,5' });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(jsonLines(result.stderr)).toEqual([
      expect.objectContaining({ '@level': 'error', '@module': 'repliform', '@message': expect.stringContaining('speaks plugin protocol 6 only'), '@timestamp': expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/) }),
    ]);
  });

  test('a port in use: grpc-js says so at debug, the provider names the range in its error, every line JSON', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const address = taken.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const result = await run({ PLUGIN_PROTOCOL_VERSIONS: '6', PLUGIN_MIN_PORT: String(port), PLUGIN_MAX_PORT: String(port), TF_LOG: 'trace' });
    await new Promise((resolve) => taken.close(resolve));
    expect(result.code).toBe(1);
    expect(jsonLines(result.stderr).map((line) => [line['@level'], line['@message']])).toEqual([
      ['warn', 'PLUGIN_CLIENT_CERT is not set: serving gRPC without TLS on 127.0.0.1 (go-plugin allows it; Terraform always sets it)'],
      ['debug', 'grpc-js: No address added out of total 1 resolved'],
      ['error', `terraform-provider-repliform: no free port on 127.0.0.1 within PLUGIN_MIN_PORT..PLUGIN_MAX_PORT (${port}..${port})`],
    ]);
  });

  test('an error while starting to serve is a JSON error line', async () => {
    const result = await run({ PLUGIN_PROTOCOL_VERSIONS: '6', PLUGIN_MIN_PORT: 'ten', TF_LOG: 'warn' });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(jsonLines(result.stderr)).toEqual([
      expect.objectContaining({ '@level': 'error', '@message': 'terraform-provider-repliform: PLUGIN_MIN_PORT must be a port number 1..65535, got "ten"' }),
    ]);
  });
});

/**
 * A tiny capturing HTTP(S) server for client tests: canned answers per route, every request recorded.
 * Binds 127.0.0.1:0. Not the simulator: it only answers what a test tells it to.
 */
import * as http from 'node:http';
import * as https from 'node:https';
import type { AddressInfo } from 'node:net';

export interface CapturedRequest {
  readonly method: string;
  /** Path and query exactly as received. */
  readonly url: string;
  readonly path: string;
  /** Raw query string without "?". */
  readonly query: string;
  readonly headers: http.IncomingHttpHeaders;
  readonly rawBody: string;
  /** Parsed JSON body, or undefined. */
  readonly body: unknown;
  /** Which connection it came on: 1 for the server's first, 2 for the next… (TLS: one handshake per connection). */
  readonly connection: number;
}

export interface CannedResponse {
  readonly status?: number;
  readonly headers?: Record<string, string>;
  /** JSON-serialised unless a string. */
  readonly body?: unknown;
  /** Destroy the socket instead of answering (a connection reset). */
  readonly reset?: boolean;
}

export type Route = CannedResponse | ((req: CapturedRequest, count: number) => CannedResponse);

export interface CaptureServer {
  readonly origin: string;
  readonly requests: CapturedRequest[];
  /** Set or replace the answer for "METHOD /path" (path without query). */
  route(key: string, answer: Route): void;
  /** Requests whose "METHOD path" equals key. */
  received(key: string): CapturedRequest[];
  close(): Promise<void>;
}

export async function startCaptureServer(tls?: { key: string; cert: string }): Promise<CaptureServer> {
  const routes = new Map<string, Route>();
  const counts = new Map<string, number>();
  const requests: CapturedRequest[] = [];
  const connections = new WeakMap<object, number>();
  let connectionCount = 0;

  const handler = (req: http.IncomingMessage, res: http.ServerResponse): void => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const rawBody = Buffer.concat(chunks).toString('utf8');
      const url = req.url ?? '/';
      const [path = '/', query = ''] = url.split(/\?(.*)/s);
      let body: unknown;
      try {
        body = rawBody === '' ? undefined : (JSON.parse(rawBody) as unknown);
      } catch {
        body = undefined;
      }
      const captured: CapturedRequest = { method: req.method ?? 'GET', url, path, query, headers: req.headers, rawBody, body, connection: connections.get(req.socket) ?? 0 };
      requests.push(captured);
      const key = `${captured.method} ${path}`;
      const count = (counts.get(key) ?? 0) + 1;
      counts.set(key, count);
      const route = routes.get(key);
      const answer: CannedResponse = route === undefined ? { status: 599, body: { message: `no route for ${key}` } } : typeof route === 'function' ? route(captured, count) : route;
      if (answer.reset === true) {
        req.socket.destroy();
        return;
      }
      const payload = answer.body === undefined ? '' : typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
      res.writeHead(answer.status ?? 200, { ...(payload !== '' ? { 'content-type': 'application/json' } : {}), ...answer.headers });
      res.end(payload);
    });
  };

  const server = tls ? https.createServer({ key: tls.key, cert: tls.cert }, handler) : http.createServer(handler);
  server.on(tls ? 'secureConnection' : 'connection', (socket: object) => connections.set(socket, (connectionCount += 1)));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `${tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    requests,
    route: (key, answer) => routes.set(key, answer),
    received: (key) => requests.filter((r) => `${r.method} ${r.path}` === key),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A clock whose sleep records the delay and advances time without waiting. */
export function fakeClock(start = 1_000_000): { now: () => number; sleep: (ms: number, signal?: AbortSignal) => Promise<void>; sleeps: number[] } {
  let t = start;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => t,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      t += ms;
    },
  };
}

/**
 * Reading a request and writing a response for the simulator's listener: the body (at most 10 MiB), the query,
 * JSON parsing, the redaction of what the request log keeps, and JSON responses.
 *
 * Endpoints served: none.
 */
import type * as http from 'node:http';
import { isRecord, type QueryValues, type SimResponse } from './http';

const MAX_BODY_BYTES = 10 * 1024 * 1024;
const REDACTED = 'REDACTED';
const SECRET_HEADERS = new Set(['authorization', 'x-dr-session', 'x-vcav-auth', 'x-auth-token', 'cookie']);
const SECRET_BODY_KEYS = /pass(word)?|secret|token/i;

export type Headers = Record<string, string | string[] | undefined>;

export function readBody(request: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('request body too large'));
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

export function queryOf(url: URL): QueryValues {
  const query: QueryValues = {};
  for (const [name, value] of url.searchParams) {
    const existing = query[name];
    query[name] = existing === undefined ? value : [...(Array.isArray(existing) ? existing : [existing]), value];
  }
  return query;
}

export type JsonParse = { ok: true; value: unknown } | { ok: false; error: string };

export function parseJson(raw: string): JsonParse {
  if (raw.trim() === '') return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(raw) as unknown };
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
}

export function redactHeaders(headers: Headers): Record<string, string | string[]> {
  const result: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) result[name] = SECRET_HEADERS.has(name) ? REDACTED : value;
  }
  return result;
}

export function redactBody(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactBody);
  if (!isRecord(value)) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [key, SECRET_BODY_KEYS.test(key) ? REDACTED : redactBody(inner)]),
  );
}

export function sendResponse(response: http.ServerResponse, result: SimResponse): void {
  const headers: Record<string, string> = { ...result.headers };
  if (result.body === undefined) {
    response.writeHead(result.status, headers);
    response.end();
    return;
  }
  const payload = JSON.stringify(result.body);
  headers['content-type'] = 'application/json';
  headers['content-length'] = String(Buffer.byteLength(payload));
  response.writeHead(result.status, headers);
  response.end(payload);
}

/**
 * An OpenAPI document as a service's router and validator (openapi-backend + Ajv), whatever the vendor: the
 * spec file found above the module (works from src/ and dist/), the backend with the formats the specs use,
 * validation errors as one readable line naming every offending field, and whether an operation declares a
 * JSON body for a status.
 *
 * Endpoints served: none.
 */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { OpenAPIBackend, type Document, type Operation } from 'openapi-backend';
import type { ErrorObject } from 'ajv';
import { isRecord } from './http';

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Finds `relativePath` (e.g. specs/x.json) in `start` or the nearest directory above it. */
export function findFileAbove(relativePath: string, start: string = __dirname): string {
  let directory = start;
  for (;;) {
    const candidate = path.join(directory, relativePath);
    if (existsSync(candidate)) return candidate;
    const parent = path.dirname(directory);
    if (parent === directory) throw new Error(`Cannot find ${relativePath} above ${start}`);
    directory = parent;
  }
}

/** The JSON file as an OpenAPI 3 document (checked: `openapi` and `paths`); the caller may patch it before use. */
export function readOpenApiDocument(specPath: string): Document & { components?: Record<string, unknown> } {
  const parsed: unknown = JSON.parse(readFileSync(specPath, 'utf8'));
  if (!isRecord(parsed) || typeof parsed.openapi !== 'string' || !isRecord(parsed.paths)) {
    throw new Error(`${specPath} is not an OpenAPI 3 document`);
  }
  return parsed as unknown as Document & { components?: Record<string, unknown> };
}

/** A backend that routes and validates (requests and responses are validated on demand, never automatically). */
export async function createOpenApiBackend(definition: Document, apiRoot: string): Promise<OpenAPIBackend> {
  const api = new OpenAPIBackend({
    definition,
    apiRoot,
    quick: true,
    validate: () => false,
    ajvOpts: { allErrors: true, strict: false },
    customizeAjv: (ajv) => {
      ajv.addFormat('uuid', (value: string) => UUID_PATTERN.test(value));
      ajv.addFormat('int32', { type: 'number', validate: (value: number) => Number.isInteger(value) });
      ajv.addFormat('int64', { type: 'number', validate: (value: number) => Number.isInteger(value) });
      return ajv;
    },
  });
  await api.init();
  return api;
}

/** `/requestBody/0/rpo` → `body[0].rpo`, `/query/limit` → `query.limit`. */
function fieldOf(instancePath: string, missingProperty?: string): string {
  const segments = instancePath.split('/').filter((segment) => segment !== '');
  if (missingProperty) segments.push(missingProperty);
  const [root, ...rest] = segments;
  const prefix = { requestBody: 'body', query: 'query', path: 'path', headers: 'header' }[root ?? ''] ?? root ?? 'body';
  return rest.reduce((field, segment) => (/^\d+$/.test(segment) ? `${field}[${segment}]` : `${field}.${segment}`), prefix);
}

function describeError(error: ErrorObject): string {
  const missing = isRecord(error.params) && typeof error.params.missingProperty === 'string' ? error.params.missingProperty : undefined;
  if (missing) return `${fieldOf(error.instancePath, missing)} is required`;
  const allowed = isRecord(error.params) && Array.isArray(error.params.allowedValues) ? `: ${error.params.allowedValues.join(', ')}` : '';
  return `${fieldOf(error.instancePath)} ${error.message ?? 'is invalid'}${allowed}`;
}

/** One readable line naming every offending field. */
export function describeValidationErrors(errors: ErrorObject[] | null | undefined): string {
  const lines = [...new Set((errors ?? []).map(describeError))];
  return lines.length > 0 ? lines.join('; ') : 'request does not match the API specification';
}

/** Whether the operation declares a JSON response schema for this status (bodiless statuses do not). */
export function hasResponseSchema(operation: Operation, status: number): boolean {
  const responses = operation.responses as Record<string, unknown> | undefined;
  const response = responses?.[String(status)];
  return isRecord(response) && isRecord(response.content);
}

/** Why this JSON response does not match the operation's schema for its status; undefined = it matches (or has none). */
export function responseMismatch(api: OpenAPIBackend, operation: Operation, status: number, body: unknown): string | undefined {
  if (body === undefined || !hasResponseSchema(operation, status)) return undefined;
  const result = api.validateResponse(JSON.parse(JSON.stringify(body)) as unknown, operation, status);
  return result.valid ? undefined : describeValidationErrors(result.errors);
}

/** What openapi-backend routes and validates. */
export type RoutedRequest = Parameters<OpenAPIBackend['validateRequest']>[0];

/** A service request as openapi-backend takes it (headers Node left undefined dropped). */
export function routedRequest(request: { method: string; path: string; headers: Record<string, string | string[] | undefined>; query: RoutedRequest['query']; body: unknown }): RoutedRequest {
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(request.headers)) if (value !== undefined) headers[name] = value;
  return { method: request.method, path: request.path, headers, query: request.query, body: request.body };
}


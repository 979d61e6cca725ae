/**
 * The official VR OpenAPI file as the simulator's router and validator (openapi-backend + Ajv): requests are
 * routed by operationId and validated against the spec, and (with `validateResponses`) every JSON response is
 * validated against the operation's response schema.
 *
 * One deliberate patch: the real server sends `_meta.links.next/previous: null` at the ends of a list, which
 * the spec's non-nullable `HrefDrData` does not allow, so `HrefDrData` is made nullable for validation.
 *
 * Endpoints served: none.
 */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { OpenAPIBackend, type Document, type Operation } from 'openapi-backend';
import type { ErrorObject } from 'ajv';
import { isRecord } from '../core/http';

export const VR_API_ROOT = '/api/rest/vr/v2';
export const VR_SPEC_FILE = 'specs/vsphere-replication-api-v2.json';

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Finds specs/vsphere-replication-api-v2.json walking up from this file (works from src/ and dist/). */
export function findSpecFile(start: string = __dirname): string {
  let directory = start;
  for (;;) {
    const candidate = path.join(directory, VR_SPEC_FILE);
    if (existsSync(candidate)) return candidate;
    const parent = path.dirname(directory);
    if (parent === directory) throw new Error(`Cannot find ${VR_SPEC_FILE} above ${start}`);
    directory = parent;
  }
}

function loadDocument(specPath: string): Document {
  const parsed: unknown = JSON.parse(readFileSync(specPath, 'utf8'));
  if (!isRecord(parsed) || typeof parsed.openapi !== 'string' || !isRecord(parsed.paths)) {
    throw new Error(`${specPath} is not an OpenAPI 3 document`);
  }
  const components = isRecord(parsed.components) ? parsed.components : {};
  const schemas = isRecord(components.schemas) ? components.schemas : {};
  if (isRecord(schemas.HrefDrData)) schemas.HrefDrData.nullable = true;
  return parsed as unknown as Document;
}

function isInteger(value: number): boolean {
  return Number.isInteger(value);
}

function isUuid(value: string): boolean {
  return UUID_PATTERN.test(value);
}

export async function createVrOpenApi(specPath: string = findSpecFile()): Promise<OpenAPIBackend> {
  const api = new OpenAPIBackend({
    definition: loadDocument(specPath),
    apiRoot: VR_API_ROOT,
    quick: true,
    validate: () => false,
    ajvOpts: { allErrors: true, strict: false },
    customizeAjv: (ajv) => {
      ajv.addFormat('uuid', isUuid);
      ajv.addFormat('int32', { type: 'number', validate: isInteger });
      ajv.addFormat('int64', { type: 'number', validate: isInteger });
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

/** Whether the operation declares a JSON response schema for this status (401/404/204 do not). */
export function hasResponseSchema(operation: Operation, status: number): boolean {
  const responses = operation.responses as Record<string, unknown> | undefined;
  const response = responses?.[String(status)];
  return isRecord(response) && isRecord(response.content);
}

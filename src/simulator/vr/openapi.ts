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
import type { OpenAPIBackend } from 'openapi-backend';
import { isRecord } from '../core/http';
import { findFileAbove } from '../core/openapi';
import { loadContract } from '../core/vendor-service';

export const VR_API_ROOT = '/api/rest/vr/v2';
export const VR_SPEC_FILE = 'specs/vsphere-replication-api-v2.json';

/** Finds specs/vsphere-replication-api-v2.json walking up from this file (works from src/ and dist/). */
export function findSpecFile(start: string = __dirname): string {
  return findFileAbove(VR_SPEC_FILE, start);
}

function nullableLinks(document: { components?: Record<string, unknown> }): void {
  const components = isRecord(document.components) ? document.components : {};
  const schemas = isRecord(components.schemas) ? components.schemas : {};
  if (isRecord(schemas.HrefDrData)) schemas.HrefDrData.nullable = true;
}

export async function createVrOpenApi(specPath: string = findSpecFile()): Promise<OpenAPIBackend> {
  return loadContract(specPath, VR_API_ROOT, nullableLinks);
}

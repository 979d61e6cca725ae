/**
 * Shared HTTP shapes for the simulator: the response a handler returns and the error a handler throws.
 * Errors carry the VR `ResponseError` shape `{error_code, message, op_id}`; 401 and 404 have no body.
 *
 * Endpoints served: none.
 */
import { randomUUID } from 'node:crypto';

export interface SimResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** Statuses whose responses have no body in the VR spec. */
const BODYLESS_ERROR_STATUSES = new Set([401, 404]);

export class SimApiError extends Error {
  constructor(
    readonly status: number,
    readonly errorCode: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'SimApiError';
  }

  toResponse(): SimResponse {
    return errorResponse(this.status, this.errorCode, this.message, this.headers);
  }
}

export function errorResponse(
  status: number,
  errorCode: string,
  message: string,
  headers: Record<string, string> = {},
): SimResponse {
  if (BODYLESS_ERROR_STATUSES.has(status)) return { status, headers };
  return { status, headers, body: { error_code: errorCode, message, op_id: randomUUID() } };
}

export const notFound = (): SimApiError => new SimApiError(404, 'VR.NOT_FOUND', 'Not found');
export const unauthorized = (): SimApiError => new SimApiError(401, 'VR.NOT_AUTHENTICATED', 'Not authenticated');
export const badRequest = (errorCode: string, message: string): SimApiError =>
  new SimApiError(400, errorCode, message);

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The VR error shape: `ResponseError` `{error_code, message, op_id}`; 401 and 404 have no body (as the spec
 * and the real server). The VR handlers' usual errors.
 *
 * Endpoints served: none.
 */
import { randomUUID } from 'node:crypto';
import { SimApiError } from '../core/http';

/** Statuses whose responses have no body in the VR spec. */
const BODYLESS_ERROR_STATUSES = new Set([401, 404]);

export function vrErrorBody(status: number, code: string, message: string): unknown {
  if (BODYLESS_ERROR_STATUSES.has(status)) return undefined;
  return { error_code: code, message, op_id: randomUUID() };
}

export const notFound = (): SimApiError => new SimApiError(404, 'VR.NOT_FOUND', 'Not found');
export const unauthorized = (): SimApiError => new SimApiError(401, 'VR.NOT_AUTHENTICATED', 'Not authenticated');
export const badRequest = (errorCode: string, message: string): SimApiError => new SimApiError(400, errorCode, message);

/**
 * Vendor-neutral HTTP shapes of the simulator: the response a handler returns, the error a handler throws (a
 * status, an error code and a message), and how an error becomes a response once a service (or the admin API)
 * says what its error body looks like.
 *
 * Endpoints served: none.
 */
import { randomUUID } from 'node:crypto';
import { isRecord } from '../../../lib/client/core/guards';

/** Re-exported for this layer's modules: the one guard of lib/client/core. */
export { isRecord };

export interface SimResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type QueryValues = Record<string, string | string[]>;

/** The JSON error body of an API for this status, code and message; undefined = the response has no body. */
export type ErrorBodyShape = (status: number, code: string, message: string) => unknown;

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

  /** The body this error answers with in an API whose error body is `errorBody` (a vendor's own errors override it). */
  bodyIn(errorBody: ErrorBodyShape): unknown {
    return errorBody(this.status, this.errorCode, this.message);
  }
}

/** An error response in the shape `errorBody` gives (no body when it gives undefined). */
export function errorResponse(
  errorBody: ErrorBodyShape,
  status: number,
  errorCode: string,
  message: string,
  headers: Record<string, string> = {},
): SimResponse {
  const body = errorBody(status, errorCode, message);
  return body === undefined ? { status, headers } : { status, headers, body };
}

/** Any thrown value as a response: a SimApiError as itself, anything else as a 500 naming the failure. */
export function thrownToResponse(error: unknown, errorBody: ErrorBodyShape): SimResponse {
  if (error instanceof SimApiError) return errorResponse(errorBody, error.status, error.errorCode, error.message, error.headers);
  const message = error instanceof Error ? error.message : String(error);
  return errorResponse(errorBody, 500, 'SIM.INTERNAL_ERROR', message);
}

/** The admin API's own error body (`/_sim/...`, and requests no service serves). */
export const simulatorErrorBody: ErrorBodyShape = (_status, code, message) => ({ error_code: code, message, op_id: randomUUID() });

